"""scikit-learn 0.21 (May 2019)."""
from ..tree import Node
from . import Step
from ._gradient_boosting import fold_into_first_stage, raw_020, raw_021, zero_020
from ._kinds import param_added, param_removed, state_added, state_renamed
from .families import (AGGLOMERATIVE, DUMMY_CLASSIFIER, DUMMY_CLASSIFIER_FLOAT_021, DUMMY_CLASSIFIER_INT_020,
                       GRADIENT_BOOSTING, LDA, LDA_OVR_020, LDA_SOFTMAX_021, LOGISTIC, NU_SVC, NU_SVC_OVR_020,
                       NU_SVC_OVR_021, QDA, SVC, SVC_OVR_020, SVC_OVR_021)

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


def _rebuilt(plain, native, compat, applies, what):
    """Going across 0.21, a model whose output changed formula (``applies``) is rebuilt
    as the :mod:`sklearn_migrator.compat` subclass computing the source's formula
    (``compat``); one coming back to the release that computes it natively
    (``native``) becomes the plain class again."""
    def apply(node, migration, path):
        if node.cls == native:
            node.cls = plain
        elif node.cls == plain and applies(node):
            node.cls = compat
            migration.note(path, "%s changed in 0.21; it was rebuilt as %s, which computes it as scikit-learn %s "
                                 "does" % (what, compat, migration.source))
    return apply


def _output_changed(summary, plain, compat_020, compat_021, applies, what):
    return Step("0.21", summary, [plain, compat_020, compat_021], _rebuilt(plain, compat_021, compat_020, applies, what),
                _rebuilt(plain, compat_020, compat_021, applies, what))


def _multiclass(node):
    return len(node.state.get("classes_", ())) > 2


def _multiclass_ovr(node):
    return _multiclass(node) and node.params.get("decision_function_shape") == "ovr"


STEPS = [
    param_added("0.21", [AGGLOMERATIVE], "distance_threshold", None),
    state_renamed("0.21", [AGGLOMERATIVE], "n_components_", "n_connected_components_"),
    state_added("0.21", [AGGLOMERATIVE], "n_clusters_", lambda node: node.params["n_clusters"]),
    param_added("0.21", [LOGISTIC], "l1_ratio", None),
    # 0.21 changed how SVC and NuSVC turn one-vs-one votes into a one-vs-rest decision_function
    # (scikit-learn PR #10440: 0.20 scaled the summed confidences by the largest in the batch).
    _output_changed("SVC one-vs-rest decision function changed", SVC, SVC_OVR_020, SVC_OVR_021, _multiclass_ovr,
                    "a multiclass SVC's one-vs-rest decision_function"),
    _output_changed("NuSVC one-vs-rest decision function changed", NU_SVC, NU_SVC_OVR_020, NU_SVC_OVR_021,
                    _multiclass_ovr, "a multiclass NuSVC's one-vs-rest decision_function"),
    # 0.21 (PR #11796) computes LDA's multiclass probabilities by softmax, not normalised logistics.
    _output_changed("LinearDiscriminantAnalysis multiclass predict_proba changed", LDA, LDA_OVR_020, LDA_SOFTMAX_021,
                    _multiclass, "a multiclass LinearDiscriminantAnalysis's predict_proba"),
    # 0.21 made a 'stratified' DummyClassifier's predict_proba float64 (0.20 returned the integer draws).
    _output_changed("DummyClassifier stratified predict_proba dtype changed", DUMMY_CLASSIFIER, DUMMY_CLASSIFIER_INT_020,
                    DUMMY_CLASSIFIER_FLOAT_021, lambda node: node.params.get("strategy") == "stratified",
                    "a 'stratified' DummyClassifier's predict_proba dtype"),
    # 0.21 removed QDA's store_covariances (deprecated in 0.19 for store_covariance).
    param_removed("0.21", [QDA], "store_covariances", None),
    Step("0.21", "gradient boosting initial predictions through the loss", GRADIENT_BOOSTING, _init_up, _init_down),
]
