"""scikit-learn 1.8 (December 2025)."""
import numpy as np

from ..errors import MigrationError
from . import Step
from ._kinds import constant, param_added, param_removed, state_added, state_removed, unchanged, when_fitted
from .families import (ADABOOST_CLASSIFIERS, BAGGING, INCREMENTAL_PCA, LOGISTIC, LOGISTIC_BINARY_MULTINOMIAL,
                       LOGISTIC_OVR, MAX_ABS_SCALER, PERCEPTRON, QDA, RIDGE_CLASSIFIER, SGD_CLASSIFIER, SGD_REGRESSOR,
                       SIMPLE_IMPUTER)

#: The compat class keeping each ``multi_class`` behaviour 1.8+ no longer computes.
_COMPAT = {"ovr": LOGISTIC_OVR, "multinomial": LOGISTIC_BINARY_MULTINOMIAL}


def _legacy_behaviour(node):
    """'ovr' or 'multinomial' where 1.8+ would compute the model differently, else None."""
    multi_class, solver = node.params.get("multi_class"), node.params.get("solver")
    n_classes = len(node.state.get("classes_", ()))
    if n_classes > 2 and (multi_class in ("ovr", "warn") or
                          (multi_class in ("auto", "deprecated") and solver == "liblinear")):
        return "ovr"
    if n_classes == 2 and multi_class == "multinomial":
        return "multinomial"
    return None


def _multi_class_removed_up(node, migration, path):
    """1.8 removed LogisticRegression's ``multi_class``: multiclass models always
    use the softmax and binary ones the logistic link. A model fitted otherwise (one-
    vs-rest multiclass, multinomial binary) is rebuilt as the
    :mod:`sklearn_migrator.compat` subclass that computes its probabilities as the
    source release did; decision values and predictions are LogisticRegression's."""
    behaviour = _legacy_behaviour(node)
    node.params.pop("multi_class", None)
    if behaviour is not None:
        node.cls = _COMPAT[behaviour]
        migration.note(path, "scikit-learn 1.8 removed LogisticRegression's multi_class; this model, fitted with "
                             "multi_class=%r, was rebuilt as %s, a LogisticRegression that computes its probabilities "
                             "as multi_class=%r did" % (behaviour, node.cls, behaviour))


def _multi_class_removed_down(node, migration, path):
    behaviour = next((name for name, cls in _COMPAT.items() if cls == node.cls), None)
    node.cls = LOGISTIC
    if behaviour is not None:
        node.params["multi_class"] = behaviour
    else:
        node.params["multi_class"] = "multinomial" if len(node.state.get("classes_", ())) > 2 else "deprecated"
    if node.params.get("penalty") == "deprecated":
        ratio = node.params.get("l1_ratio") or 0.0
        node.params["penalty"] = "l2" if ratio == 0.0 else ("l1" if ratio == 1.0 else "elasticnet")


def _max_samples_down(node, migration, path):
    """1.8 made bagging's ``max_samples`` default None (all samples, drawn by sample
    weight); before, the same draw size was 1.0. It only affects fitting."""
    if node.params.get("max_samples", 1.0) is None:
        node.params["max_samples"] = 1.0


STEPS = [
    Step("1.8", "LogisticRegression multi_class removed", [LOGISTIC] + list(_COMPAT.values()),
         _multi_class_removed_up, _multi_class_removed_down, params_removed=["multi_class"]),
    # 1.8 gave QDA LDA's solvers and covariance options; they only change how the per-class
    # rotations and scalings are estimated, which predictions read as before.
    param_added("1.8", [QDA], "solver", "svd"),
    param_added("1.8", [QDA], "shrinkage", None),
    param_added("1.8", [QDA], "covariance_estimator", None),

    param_removed("1.8", ADABOOST_CLASSIFIERS, "algorithm", "deprecated", "1.6 made it have no effect"),
    Step("1.8", "bagging max_samples default None", BAGGING, unchanged, _max_samples_down),
]

def _constant_statistics(as_objects):
    """1.8 stores a constant SimpleImputer's fill values as an object array (NaN marking
    the all-missing features it now drops); older releases keep them in the data's dtype."""
    def apply(node, migration, path):
        statistics = node.state.get("statistics_")
        if node.params.get("strategy") != "constant" or not isinstance(statistics, np.ndarray):
            return
        if as_objects:
            node.state["statistics_"] = statistics.astype(object)
            return
        dropped = [value for value in statistics if isinstance(value, float) and value != value]
        if dropped:
            raise MigrationError("this constant SimpleImputer drops all-missing features, which scikit-learn %s "
                                 "fills instead" % migration.target, path=path or None,
                                 source_version=str(migration.source), target_version=str(migration.target),
                                 hint="Refit it with keep_empty_features=True")
        node.state["statistics_"] = statistics.astype(node.state["_fill_dtype"])
    return apply


# Composition and preprocessing.
STEPS += [
    param_added("1.8", [MAX_ABS_SCALER], "clip", False, changes="the output (clipped to [-1, 1])"),
    state_added("1.8", [SIMPLE_IMPUTER], "_fill_dtype", when_fitted("statistics_", lambda node: node.state["statistics_"].dtype)),
    Step("1.8", "SimpleImputer keeps constant statistics as objects", [SIMPLE_IMPUTER], _constant_statistics(True),
         _constant_statistics(False)),
]


def _samples_seen(dtype):
    """1.8 made IncrementalPCA's ``n_samples_seen_`` a float (a sum of sample weights)."""
    def apply(node, migration, path):
        if "n_samples_seen_" in node.state:
            node.state["n_samples_seen_"] = dtype(node.state["n_samples_seen_"])
    return apply

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    Step("1.8", "IncrementalPCA counts weighted samples", [INCREMENTAL_PCA], _samples_seen(np.float64),
         _samples_seen(np.int64)),
]

# Issue 6, the linear-model family.
STEPS += [
    # 1.8 made RidgeClassifier.classes_ an attribute (it was a property reading the label binarizer).
    state_added("1.8", [RIDGE_CLASSIFIER], "classes_", lambda node: node.state["_label_binarizer"].state["classes_"]),
    # 1.8 dropped BaseSGD's C (passive-aggressive's step bound, 1.0 for the other SGD models).
    state_removed("1.8", [SGD_CLASSIFIER, SGD_REGRESSOR, PERCEPTRON], "C", constant(1.0)),
]
