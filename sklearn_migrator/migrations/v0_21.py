"""scikit-learn 0.21 (May 2019)."""
from ..errors import MigrationError
from ..tree import Node
from . import Step
from ._gradient_boosting import fold_into_first_stage, raw_020, raw_021, zero_020
from ._kinds import (constant, param_added, param_removed, refused_across, state_added, state_removed, state_renamed,
                     unchanged, when_fitted)
from .families import (AGGLOMERATIVE, COLUMN_TRANSFORMER, FEATURE_UNION, GRADIENT_BOOSTING, IFORESTS, LDA, LOGISTIC,
                       ONE_HOT, ONE_VS_ONE, PIPELINE, POLYNOMIAL, QUANTILE, SIMPLE_IMPUTER, SVC, SVCS, SVC_OVR_020,
                       SVC_OVR_021)

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


def _warm_start_param(node, migration, path):
    """0.21 made IsolationForest's ``warm_start`` a constructor parameter (in 0.20 an
    attribute, always False, set by the bagging base class)."""
    node.params["warm_start"] = node.state.pop("warm_start", False)


def _warm_start_attribute(node, migration, path):
    node.state["warm_start"] = node.params.pop("warm_start", False)


def _iforest_path_length_changed(node, migration, path):
    """0.21 changed IsolationForest's average path length of a leaf holding one or two
    training samples (0 and 1, where 0.20 gave 1 and 2 (log 1 + gamma) - 1), which
    enters every score: a fitted model scores differently on each side of 0.21."""
    if "estimators_" in node.state:
        raise MigrationError("IsolationForest's average path length of small leaves changed in scikit-learn 0.21, "
                             "so this model's score_samples, decision_function and predict would change",
                             path=path or None, source_version=str(migration.source),
                             target_version=str(migration.target),
                             hint="Keep the model on the side of 0.21 it was fitted on, or refit it")


STEPS = [
    param_added("0.21", [AGGLOMERATIVE], "distance_threshold", None),
    state_renamed("0.21", [AGGLOMERATIVE], "n_components_", "n_connected_components_"),
    state_added("0.21", [AGGLOMERATIVE], "n_clusters_", lambda node: node.params["n_clusters"]),
    param_added("0.21", [LOGISTIC], "l1_ratio", None),
    Step("0.21", "IsolationForest warm_start became a parameter", IFORESTS, _warm_start_param, _warm_start_attribute,
         params_added=["warm_start"]),
    Step("0.21", "IsolationForest average path length of small leaves changed", IFORESTS,
         _iforest_path_length_changed, _iforest_path_length_changed),
    Step("0.21", "SVC one-vs-rest decision function changed", SVCS, _ovr_decision_function(SVC_OVR_021, SVC_OVR_020),
         _ovr_decision_function(SVC_OVR_020, SVC_OVR_021)),
    Step("0.21", "gradient boosting initial predictions through the loss", GRADIENT_BOOSTING, _init_up, _init_down),
]

def _passthrough_down(node, migration, path):
    """0.21 let a Pipeline step be 'passthrough'; 0.20 spelled a skipped step None."""
    node.params["steps"] = [(name, None if step == "passthrough" else step) for name, step in node.params["steps"]]


# Composition and preprocessing.
STEPS += [
    Step("0.21", "Pipeline steps may be 'passthrough'", [PIPELINE], unchanged, _passthrough_down),
    param_added("0.21", [PIPELINE, FEATURE_UNION, COLUMN_TRANSFORMER], "verbose", False, "it only prints progress"),
    param_added("0.21", [POLYNOMIAL], "order", "C", "it only sets the memory layout of the output"),
    param_added("0.21", [ONE_HOT], "drop", None, changes="which categories the output drops"),
    state_added("0.21", [ONE_HOT], "drop_idx_", constant(None)),
    param_added("0.21", [SIMPLE_IMPUTER], "add_indicator", False, changes="the output (indicator columns)"),
    state_added("0.21", [SIMPLE_IMPUTER], "indicator_", constant(None)),
    state_added("0.21", [QUANTILE], "n_quantiles_",
                when_fitted("quantiles_", lambda node: int(node.state["quantiles_"].shape[0]))),
    Step("0.21", "QuantileTransformer's uniform output no longer clipped to [1e-7, 1 - 1e-7]", [QUANTILE],
         *refused_across("a uniform QuantileTransformer's outputs at the bounds",
                          lambda node: node.params.get("output_distribution") == "uniform")),
    Step("0.21", "OneVsOneClassifier's decision function changed", [ONE_VS_ONE],
         *refused_across("OneVsOneClassifier's decision_function (0.21 rescaled its confidences)",
                          lambda node: True)),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    param_removed("0.21", [LDA], "n_topics", None, "it was the deprecated name of n_components"),
    state_removed("0.21", [LDA], "_n_components", lambda node: node.params["n_components"]),
]
