"""scikit-learn 0.21 (May 2019)."""
from ..tree import Node
from . import Step
from ._gradient_boosting import fold_into_first_stage, raw_020, raw_021, zero_020
from ._kinds import missing, param_added, state_added, state_renamed
from .families import (AGGLOMERATIVE, BAYESIAN_RIDGE, GRADIENT_BOOSTING, LOGISTIC, SGD, SVC, SVC_OVR_020, SVC_OVR_021,
                       SVCS)

_OLD_INIT_ESTIMATORS = {"sklearn.ensemble.gradient_boosting.%s" % name for name in (
    "QuantileEstimator", "MeanEstimator", "LogOddsEstimator", "ScaledLogOddsEstimator", "PriorProbabilityEstimator",
    "ZeroEstimator")}


def _init_up(node, migration, path):
    """0.21 computes gradient boosting's initial raw predictions from
    ``init_.predict_proba`` through the loss, where 0.20 took ``init_.predict`` as raw
    scores (the multinomial model even used the class priors themselves). 0.20's
    constant initial predictions are folded into the first stage (see
    ``_gradient_boosting``) and ``init_`` becomes 'zero'."""
    init = node.state.get("init_")
    if isinstance(init, Node) and init.cls in _OLD_INIT_ESTIMATORS:
        fold_into_first_stage(node, raw_020(init))
        node.state["init_"] = "zero"


def _init_down(node, migration, path):
    init = node.state.get("init_")
    if init is None or (isinstance(init, Node) and init.cls in _OLD_INIT_ESTIMATORS):
        return
    if isinstance(init, Node):
        fold_into_first_stage(node, raw_021(node, migration, path))
    node.state["init_"] = zero_020(node)


def _ovr_decision_function(native, compat):
    """0.21 changed how SVC turns one-vs-one votes into a one-vs-rest
    ``decision_function`` (scikit-learn PR #10440: 0.20 scaled the summed
    confidences by the largest in the batch). A multiclass one-vs-rest SVC crossing
    0.21 is rebuilt as the :mod:`sklearn_migrator.compat` subclass computing the
    source's formula (``compat``); one coming back to the release that computes it
    natively (``native``) becomes a plain SVC again."""
    def apply(node, migration, path):
        if node.cls == native:
            node.cls = SVC
        elif node.cls == SVC and len(node.state.get("classes_", ())) > 2 \
                and node.params.get("decision_function_shape") == "ovr":
            node.cls = compat
            migration.note(path, "a multiclass SVC's one-vs-rest decision_function changed formula in 0.21; "
                                 "it was rebuilt as %s, an SVC that computes the formula of scikit-learn %s"
                                 % (compat, migration.source))
    return apply


def _sgd_iterations_up(node, migration, path):
    """0.21 removed SGD's ``n_iter`` (deprecated in 0.19) and made ``max_iter`` and
    ``tol`` default to 1000 and 1e-3; 0.20's defaults (None) meant 5 iterations without
    stopping criterion. 0.20 kept the values fit used in ``_max_iter`` and ``_tol``:
    newer releases get them as the parameters."""
    node.params.pop("n_iter", None)
    if "_max_iter" in node.state:
        node.params["max_iter"] = node.state.pop("_max_iter")
        node.params["tol"] = node.state.pop("_tol", None)


def _sgd_iterations_down(node, migration, path):
    node.params["n_iter"] = None
    node.state["_max_iter"], node.state["_tol"] = node.params.get("max_iter"), node.params.get("tol")


STEPS = [
    param_added("0.21", [AGGLOMERATIVE], "distance_threshold", None),
    state_renamed("0.21", [AGGLOMERATIVE], "n_components_", "n_connected_components_"),
    state_added("0.21", [AGGLOMERATIVE], "n_clusters_", lambda node: node.params["n_clusters"]),
    param_added("0.21", [LOGISTIC], "l1_ratio", None),
    Step("0.21", "SVC one-vs-rest decision function changed", SVCS, _ovr_decision_function(SVC_OVR_021, SVC_OVR_020),
         _ovr_decision_function(SVC_OVR_020, SVC_OVR_021)),
    Step("0.21", "gradient boosting initial predictions through the loss", GRADIENT_BOOSTING, _init_up, _init_down),
]

# Issue 6, the linear-model family.
STEPS += [
    state_added("0.21", [BAYESIAN_RIDGE], "n_iter_", missing),
    Step("0.21", "SGD n_iter removed, max_iter/tol defaults", SGD, _sgd_iterations_up, _sgd_iterations_down,
         params_removed=["n_iter"]),
]
