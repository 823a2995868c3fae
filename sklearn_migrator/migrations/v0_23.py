"""scikit-learn 0.23 (May 2020)."""
import numpy as np

from ..tree import Node
from . import Step
from ._hist_gradient_boosting import LOSS_CLASSES
from ._kinds import (constant, missing, n_features, param_added, refuse, refused_across, state_added, state_renamed,
                     unchanged, value_added, when_fitted)
from ._unsupervised import input_features, kernel_pca_inverse_of_0_23
from ._text import vocabulary_int64, vocabulary_ints
from .families import (CALIBRATED, CALIBRATED_PAIR, COLUMN_TRANSFORMER, DUMMIES, GP_REGRESSOR, HGB_LOSSES,
                       HGB_REGRESSOR, HIST_GRADIENT_BOOSTING, ISOTONIC, KERNEL_PCA, KMEANS, LEAST_ANGLE, LOGISTIC_CVS,
                       MINIBATCH_KMEANS, NORMALIZER, POWERS, RIDGE_CLASSIFIER_CV, RIDGE_CV, SGD, SVM,
                       TRANSFORMERS_WITH_N_FEATURES_IN, UNSUPERVISED, VOTING, WITH_N_FEATURES_IN, VECTORIZERS)


def _deprecated_params(defaults):
    """0.23 deprecated KMeans' ``n_jobs`` and ``precompute_distances``;
    both only affected speed."""
    def up(node, migration, path):
        for name in defaults:
            if name in node.params:
                node.params[name] = "deprecated"

    def down(node, migration, path):
        for name, default in defaults.items():
            if node.params.get(name) == "deprecated":
                node.params[name] = default
    return up, down


def _n_threads(node):
    from sklearn.utils._openmp_helpers import _openmp_effective_n_threads

    return _openmp_effective_n_threads()


def _isotonic_training_data(node, migration, path):
    """0.23 stopped keeping IsotonicRegression's deduplicated training data (``_X_``,
    ``_y_``, kept until then for backward compatibility); predictions use only the
    interpolation points, so older releases do without."""
    node.state.pop("_X_", None)
    node.state.pop("_y_", None)


def _kmeans_algorithm(node):
    return "full" if node.params.get("algorithm") == "full" else "elkan"


STEPS = [
    state_added("0.23", WITH_N_FEATURES_IN, "n_features_in_", n_features),
    Step("0.23", "k-means n_jobs/precompute_distances deprecated", [KMEANS],
         *_deprecated_params({"n_jobs": None, "precompute_distances": "auto"})),
    state_added("0.23", [KMEANS], "_n_threads", _n_threads),
    # 0.23.2 made fit store its validated settings, on MiniBatchKMeans too (0.23.0-0.23.1 kept
    # only KMeans._n_threads; found by the patch-release matrix).
    state_added("0.23.2", [MINIBATCH_KMEANS], "_n_threads", _n_threads),
    state_added("0.23.2", [KMEANS, MINIBATCH_KMEANS], "_n_init", lambda node: node.params["n_init"]),
    state_added("0.23.2", [KMEANS, MINIBATCH_KMEANS], "_tol", lambda node: node.params["tol"]),
    state_added("0.23.2", [KMEANS, MINIBATCH_KMEANS], "_algorithm", _kmeans_algorithm),
    state_added("0.23.2", [MINIBATCH_KMEANS], "_init_size", lambda node: node.state.get("init_size_")),
    state_renamed("0.23", SVM, "probA_", "_probA"),
    state_renamed("0.23", SVM, "probB_", "_probB"),
    # 0.23's validation set n_features_in_ to None on dummies (they accept any input).
    state_added("0.23", DUMMIES, "n_features_in_", constant(None)),
    Step("0.23", "IsotonicRegression training data dropped", [ISOTONIC], _isotonic_training_data, unchanged),
]


def _has_str_cols(node):
    """ColumnTransformer 0.23-0.24 records whether any column was selected by name."""
    columns = node.state.get("_columns") or []
    return any(isinstance(c, str) or (isinstance(c, list) and c and all(isinstance(k, str) for k in c))
               for c in columns)


STEPS += [
    state_added("0.23", TRANSFORMERS_WITH_N_FEATURES_IN, "n_features_in_", n_features),
    # (a PowerTransformer's one per-feature array; KernelPCA's lambdas_ are eigenvalues, not features)
    state_added("0.23", POWERS, "n_features_in_", when_fitted("lambdas_", lambda node: len(node.state["lambdas_"]))),
    state_added("0.23", [COLUMN_TRANSFORMER], "_has_str_cols", _has_str_cols),
    param_added("0.23", VOTING, "verbose", False, "it only prints progress"),
    # 0.23 made norm='max' divide by the largest absolute value, where it took the largest value.
    Step("0.23", "Normalizer norm='max' uses absolute values", [NORMALIZER],
         *refused_across("Normalizer(norm='max') outputs", lambda node: node.params.get("norm") == "max")),
]

def _y_train_std_up(node, migration, path):
    """0.23 made ``normalize_y`` divide the targets by their standard deviation too
    (``_y_train_std``; before, only the mean was removed): older models predict as
    with a deviation of 1."""
    node.state.setdefault("_y_train_std", 1)


def _y_train_std_down(node, migration, path):
    std = node.state.pop("_y_train_std", 1)
    if not np.all(np.asarray(std) == 1):
        refuse(migration, path, "GaussianProcessRegressor(normalize_y=True) scales its predictions by the targets' "
                                "standard deviation, which scikit-learn before 0.23 cannot do",
               "Keep it on scikit-learn 0.23 or newer, or refit it with normalize_y=False")

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    state_added("0.23", UNSUPERVISED, "n_features_in_", input_features),
    Step("0.23", "GaussianProcessRegressor normalize_y scales by the standard deviation", [GP_REGRESSOR],
         _y_train_std_up, _y_train_std_down),
    Step("0.23", "KernelPCA inverse_transform adds alpha to the kernel", [KERNEL_PCA], kernel_pca_inverse_of_0_23,
         kernel_pca_inverse_of_0_23),
]

# Issue 6, the linear-model family.
STEPS += [
    param_added("0.23", LEAST_ANGLE, "jitter", None),
    param_added("0.23", LEAST_ANGLE, "random_state", None),
    state_added("0.23", [RIDGE_CV, RIDGE_CLASSIFIER_CV], "best_score_", missing),
] + [
    # 0.23 made the averaged-SGD attributes private.
    state_renamed("0.23", SGD, name + "_", "_" + name)
    for name in ("average_coef", "average_intercept", "standard_coef", "standard_intercept")
]


def _calibrated_n_features(node):
    """A CalibratedClassifierCV's input width: its first calibrated classifier's."""
    pairs = node.state.get("calibrated_classifiers_")
    if not pairs or not isinstance(pairs[0], Node) or pairs[0].cls != CALIBRATED_PAIR:
        return missing(node)
    inner = pairs[0].state.get("base_estimator")
    return n_features(inner) if isinstance(inner, Node) else missing(node)


# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    state_added("0.23", LOGISTIC_CVS + [RIDGE_CLASSIFIER_CV], "n_features_in_", n_features),
    state_added("0.23", [CALIBRATED], "n_features_in_", _calibrated_n_features),
]


def _early_stopping_up(node, migration, path):
    """0.23 turned early stopping on with its own parameter (before: whenever
    ``n_iter_no_change`` was a positive number, default None) and made 10 the default
    ``n_iter_no_change``."""
    patience = node.params.get("n_iter_no_change")
    node.params["early_stopping"] = patience is not None and patience > 0
    if patience is None:
        node.params["n_iter_no_change"] = 10


def _early_stopping_down(node, migration, path):
    enabled = node.params.pop("early_stopping", "auto")
    if enabled == "auto":  # more than 10,000 samples: what the fit decided
        enabled = bool(node.state.get("do_early_stopping_", False))
    if not enabled:
        node.params["n_iter_no_change"] = None


def _hessians_per_instance(node, migration, path):
    """0.23's losses set ``hessians_are_constant`` per instance (False with sample weights);
    before, it was a class attribute and the objects had no state."""
    state = dict(node.state or {})
    state.setdefault("hessians_are_constant", LOSS_CLASSES[node.name][1])
    node.state = state


def _hessians_per_class(node, migration, path):
    if node.state:
        node.state.pop("hessians_are_constant", None)


# Histogram gradient boosting: early_stopping, monotonic constraints, the Poisson loss (0.23).
STEPS += [
    Step("0.23", "early_stopping parameter", HIST_GRADIENT_BOOSTING, _early_stopping_up, _early_stopping_down,
         params_added=["early_stopping"]),
    param_added("0.23", HIST_GRADIENT_BOOSTING, "monotonic_cst", None),
    value_added("0.23", [HGB_REGRESSOR], "loss", ["poisson"], "the Poisson loss"),
    state_added("0.23", HIST_GRADIENT_BOOSTING, "n_features_in_", when_fitted("_predictors", n_features)),
    Step("0.23", "losses hold hessians_are_constant", HGB_LOSSES, _hessians_per_instance, _hessians_per_class),
]


# Text feature extraction (issue 18).
STEPS += [
    Step("0.23", "vectorizers' vocabulary_ holds Python ints", VECTORIZERS, vocabulary_ints, vocabulary_int64),
]
