"""scikit-learn 1.8 (December 2025)."""
import numpy as np

from ..errors import MigrationError
from . import Step
from ._kinds import (constant, output_changed, param_added, param_removed, param_values, refuse, state_added,
                     state_removed, unchanged, when_fitted)
from .families import (ADABOOST_CLASSIFIERS, BAGGING, BIRCH, CALIBRATED, GAUSSIAN_MIXTURE,
                       GAUSSIAN_MIXTURE_SPHERICAL_17, GAUSSIAN_MIXTURE_SPHERICAL_18, INCREMENTAL_PCA, LOGISTIC,
                       LOGISTIC_BINARY_MULTINOMIAL, LOGISTIC_CV, LOGISTIC_CVS, LOGISTIC_CV_BINARY_MULTINOMIAL,
                       LOGISTIC_CV_OVR, LOGISTIC_OVR, MAX_ABS_SCALER, PERCEPTRON, QDA, RIDGE_CLASSIFIER,
                       RIDGE_CLASSIFIER_CV, SCORER, SGD_CLASSIFIER, SGD_REGRESSOR, SIMPLE_IMPUTER)

#: The compat class keeping each ``multi_class`` behaviour 1.8+ no longer computes.
_COMPAT = {"ovr": LOGISTIC_OVR, "multinomial": LOGISTIC_BINARY_MULTINOMIAL}
_CV_COMPAT = {"ovr": LOGISTIC_CV_OVR, "multinomial": LOGISTIC_CV_BINARY_MULTINOMIAL}


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


def _multi_class_removed(plain, compat):
    """``(up, down)`` of 1.8's removal of ``multi_class`` from ``plain`` (LogisticRegression,
    LogisticRegressionCV): multiclass models always use the softmax and binary ones the
    logistic link. A model fitted otherwise (one-vs-rest multiclass, multinomial binary)
    is rebuilt as the :mod:`sklearn_migrator.compat` subclass (``compat``, by behaviour)
    that computes its probabilities as the source release did; decision values and
    predictions are the plain class's."""
    def up(node, migration, path):
        behaviour = _legacy_behaviour(node)
        node.params.pop("multi_class", None)
        if behaviour is not None:
            node.cls = compat[behaviour]
            migration.note(path, "scikit-learn 1.8 removed %s's multi_class; this model, fitted with "
                                 "multi_class=%r, was rebuilt as %s, a %s that computes its probabilities "
                                 "as multi_class=%r did" % (plain.rsplit(".", 1)[1], behaviour, node.cls,
                                                            plain.rsplit(".", 1)[1], behaviour))

    def down(node, migration, path):
        behaviour = next((name for name, cls in compat.items() if cls == node.cls), None)
        node.cls = plain
        if behaviour is not None:
            node.params["multi_class"] = behaviour
        else:
            node.params["multi_class"] = "multinomial" if len(node.state.get("classes_", ())) > 2 else "deprecated"
    return up, down


def _penalty_restored(ratios):
    """1.8 deprecated ``penalty`` (default 'deprecated'): the l1 ratio (``ratios``: the
    parameter holding it, or the list of them) decides it. Older releases get the
    penalty it stands for."""
    def down(node, migration, path):
        if node.params.get("penalty") != "deprecated":
            return
        values = node.params.get(ratios)
        values = np.asarray([0.0] if values is None or isinstance(values, str) else values, dtype=float).ravel()
        node.params["penalty"] = "l2" if (values == 0).all() else ("l1" if (values == 1).all() else "elasticnet")
    return down


def _max_samples_down(node, migration, path):
    """1.8 made bagging's ``max_samples`` default None (all samples, drawn by sample
    weight); before, the same draw size was 1.0. It only affects fitting."""
    if node.params.get("max_samples", 1.0) is None:
        node.params["max_samples"] = 1.0


def _eta0_up(node, migration, path):
    """1.8 made ``eta0`` strictly positive and its default 0.01 (scikit-learn PR #31933): the old
    default 0.0 is refused by its rules, though the default learning rate 'optimal' never reads it.
    Only there is it replaced (a fitted model's predictions never read it); 0.01 is valid below 1.8."""
    if node.params.get("eta0") == 0.0 and node.params.get("learning_rate") == "optimal":
        node.params["eta0"] = 0.01


STEPS = [
    Step("1.8", "LogisticRegression multi_class removed", [LOGISTIC] + list(_COMPAT.values()),
         *_multi_class_removed(LOGISTIC, _COMPAT), params_removed=["multi_class"]),
    Step("1.8", "LogisticRegression penalty deprecated", [LOGISTIC] + list(_COMPAT.values()), unchanged,
         _penalty_restored("l1_ratio")),
    # 1.8 gave QDA LDA's solvers and covariance options; they only change how the per-class
    # rotations and scalings are estimated, which predictions read as before.
    param_added("1.8", [QDA], "solver", "svd"),
    param_added("1.8", [QDA], "shrinkage", None),
    param_added("1.8", [QDA], "covariance_estimator", None),

    param_removed("1.8", ADABOOST_CLASSIFIERS, "algorithm", "deprecated", "1.6 made it have no effect"),
    Step("1.8", "bagging max_samples default None", BAGGING, unchanged, _max_samples_down),
    Step("1.8", "SGDClassifier eta0 must be positive, default 0.01", [SGD_CLASSIFIER], _eta0_up, unchanged),
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
    param_removed("1.8", [BIRCH], "copy", "deprecated", "1.6 made it have no effect"),
]

# Issue 6, the linear-model family.
STEPS += [
    # 1.8 made RidgeClassifier.classes_ an attribute (it was a property reading the label binarizer).
    state_added("1.8", [RIDGE_CLASSIFIER, RIDGE_CLASSIFIER_CV], "classes_",
                lambda node: node.state["_label_binarizer"].state["classes_"]),
    # 1.8 dropped BaseSGD's C (passive-aggressive's step bound, 1.0 for the other SGD models).
    state_removed("1.8", [SGD_CLASSIFIER, SGD_REGRESSOR, PERCEPTRON], "C", constant(1.0)),
]


def _legacy_attributes_up(node, migration, path):
    node.params.setdefault("use_legacy_attributes", "warn")


def _legacy_attributes_down(node, migration, path):
    """1.8 added LogisticRegressionCV's ``use_legacy_attributes`` ('warn', meaning True).
    With False, ``C_`` and ``l1_ratio_`` are floats and ``coefs_paths_`` (n_folds,
    n_l1_ratios, n_cs, n_classes or 1, n_dof), ``scores_`` and ``n_iter_`` (n_folds,
    n_l1_ratios, n_cs) arrays; older releases keep the legacy layout: per-class dicts
    (keyed by the positive class alone when binary) with the l1-ratio axis after the Cs
    axis, only when ``l1_ratios`` was given, and ``C_``/``l1_ratio_`` repeated per class.
    Predictions read neither."""
    if node.params.pop("use_legacy_attributes", "warn") is not False or "coefs_paths_" not in node.state:
        return
    state = node.state
    classes = state["classes_"]
    keys = list(classes[1:] if len(classes) == 2 else classes)
    with_ratios = node.params.get("l1_ratios") is not None and not isinstance(node.params.get("l1_ratios"), str)

    def legacy(grid):  # (n_folds, n_l1_ratios, n_cs, ...) -> (n_folds, n_cs[, n_l1_ratios], ...)
        grid = np.swapaxes(grid, 1, 2)
        return grid if with_ratios else grid[:, :, 0]

    paths = state["coefs_paths_"]
    state["coefs_paths_"] = {key: legacy(paths[:, :, :, index]) for index, key in enumerate(keys)}
    state["scores_"] = {key: legacy(state["scores_"]).copy() for key in keys}
    state["n_iter_"] = legacy(state["n_iter_"])[np.newaxis]
    state["C_"] = np.full(len(keys), state["C_"])
    ratio = state["l1_ratio_"] if with_ratios else None
    state["l1_ratio_"] = np.array([ratio] * len(keys), dtype=object if ratio is None else np.float64)


def _prefit_removed(node, migration, path):
    """1.8 removed CalibratedClassifierCV's cv='prefit' (deprecated in 1.6 for wrapping
    the fitted classifier in a FrozenEstimator, which documents do not carry)."""
    if node.params.get("cv") == "prefit":
        refuse(migration, path, "CalibratedClassifierCV(cv='prefit') does not exist in scikit-learn %s (1.8 removed "
                                "it for FrozenEstimator, which sklearn-migrator does not carry)" % migration.target,
               "Keep the model on scikit-learn 1.7 or older, or refit it with a cross-validation splitter")


def _temperature_added(node, migration, path):
    """1.8 added CalibratedClassifierCV's method='temperature' (one temperature scaling
    the classifier's logits, ``_TemperatureScaling``), which older releases cannot compute."""
    if node.params.get("method") == "temperature":
        refuse(migration, path, "CalibratedClassifierCV(method='temperature') does not exist before scikit-learn 1.8",
               "Keep the model on scikit-learn 1.8 or newer, or refit it with method='sigmoid' or 'isotonic'")


# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    Step("1.8", "CalibratedClassifierCV cv='prefit' removed, method='temperature' added", [CALIBRATED],
         _prefit_removed, _temperature_added),
    Step("1.8", "LogisticRegressionCV multi_class removed", LOGISTIC_CVS,
         *_multi_class_removed(LOGISTIC_CV, _CV_COMPAT), params_removed=["multi_class"]),
    Step("1.8", "LogisticRegressionCV penalty deprecated", LOGISTIC_CVS, unchanged, _penalty_restored("l1_ratios")),
    # 1.8 made l1_ratios default 'warn', behaving as None.
    Step("1.8", "LogisticRegressionCV l1_ratios default 'warn'", LOGISTIC_CVS, unchanged,
         param_values("1.8", LOGISTIC_CVS, "l1_ratios", {"warn": None}, one_way=True).up),
    Step("1.8", "LogisticRegressionCV use_legacy_attributes added", LOGISTIC_CVS, _legacy_attributes_up,
         _legacy_attributes_down, params_added=["use_legacy_attributes"]),
]


def _spherical(node):
    """Whether a GaussianMixture is fitted with covariance_type='spherical', whose
    log-probabilities 1.8 (scikit-learn PR #30777) computes as ``(X @ means.T) * precisions``
    where 1.7 computed ``np.dot(X, means.T * precisions)``; the other covariance types
    round alike."""
    return node.params.get("covariance_type") == "spherical" and "means_" in node.state


# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    output_changed("1.8", "GaussianMixture spherical log-probabilities through matmul", GAUSSIAN_MIXTURE,
                   GAUSSIAN_MIXTURE_SPHERICAL_17, GAUSSIAN_MIXTURE_SPHERICAL_18, _spherical,
                   "the log-probability of a spherical GaussianMixture (score_samples, predict_proba)"),
]

# Scorers (issue 18): _deprecation_msg removed again.
STEPS += [
    state_removed("1.8", [SCORER], "_deprecation_msg", constant(None)),
]
