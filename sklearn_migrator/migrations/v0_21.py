"""scikit-learn 0.21 (May 2019)."""
from ..errors import MigrationError
from . import Step
from ._kinds import param_added, state_added, state_renamed
from .families import AGGLOMERATIVE, GRADIENT_BOOSTING, LOGISTIC, SVC

_OLD_INIT_ESTIMATORS = {"sklearn.ensemble.gradient_boosting.%s" % name for name in (
    "QuantileEstimator", "MeanEstimator", "LogOddsEstimator", "ScaledLogOddsEstimator", "PriorProbabilityEstimator",
    "ZeroEstimator")}


def _refuse_init_change(node, migration, path):
    """0.21 (#12436) made gradient boosting compute its initial raw predictions from
    ``init_.predict_proba`` through the loss (log-odds, log-priors) instead of taking
    ``init_.predict`` as they are; 0.20's multinomial model used the priors themselves
    as raw scores, which no 0.21 initial estimator reproduces. Refused both ways rather
    than changing predictions."""
    init = node.state.get("init_")
    name = getattr(init, "cls", None)
    crossing_up = name in _OLD_INIT_ESTIMATORS
    crossing_down = name is not None and name not in _OLD_INIT_ESTIMATORS
    if crossing_up or crossing_down:
        raise MigrationError("gradient boosting's initial estimator changed meaning in scikit-learn 0.21; "
                             "this model cannot be carried across that release with identical predictions",
                             path=path or None, source_version=str(migration.source),
                             target_version=str(migration.target),
                             hint="Keep the model on the side of 0.21 it was fitted on")


def _ovr_decision_note(node, migration, path):
    """0.21 corrected how SVC turns one-vs-one votes into a one-vs-rest
    ``decision_function`` (#12557): the confidences are scaled differently, so the
    values (not their ranking's argmax, nor predict or predict_proba) change."""
    classes = node.state.get("classes_")
    if classes is not None and len(classes) > 2 and node.params.get("decision_function_shape") == "ovr":
        migration.note(path, "decision_function of a multiclass SVC with decision_function_shape='ovr' is "
                             "computed with the formula of scikit-learn %s, which changed in 0.21; predict and "
                             "predict_proba are unchanged" % migration.target)


STEPS = [
    param_added("0.21", [AGGLOMERATIVE], "distance_threshold", None),
    state_renamed("0.21", [AGGLOMERATIVE], "n_components_", "n_connected_components_"),
    state_added("0.21", [AGGLOMERATIVE], "n_clusters_", lambda node: node.params["n_clusters"]),
    param_added("0.21", [LOGISTIC], "l1_ratio", None),
    Step("0.21", "SVC one-vs-rest decision function corrected", [SVC], _ovr_decision_note, _ovr_decision_note),
    Step("0.21", "gradient boosting initial estimators replaced by Dummy*", GRADIENT_BOOSTING,
         _refuse_init_change, _refuse_init_change),
]
