"""scikit-learn 0.24 (December 2020)."""
import numpy as np

from ..tree import Node
from . import Step
from ._hist_gradient_boosting import inserted, refuse_categorical_splits, relayout, removed
from ._kinds import (constant, copy_of, missing, param_added, param_removed, param_values, state_added, state_removed,
                     state_renamed, when_fitted)
from ._unsupervised import kernel_pca_inverse_of_0_23, nmf_unregularized
from .families import (AGGLOMERATIVE, ARD, BIN_MAPPER, CALIBRATED, CALIBRATED_PAIR, CATEGORICAL_NB, DECISION_TREES,
                       DUMMY_CLASSIFIERS, EXTRA_TREES, FACTOR_ANALYSIS, GB_CLASSIFIERS, GB_REGRESSOR, GP_REGRESSOR,
                       GRADIENT_BOOSTING, HIST_GRADIENT_BOOSTING, IFORESTS, ISOTONIC, KBINS, KERNEL_PCA, KNN_IMPUTER,
                       LDAS, LINEAR_REGRESSION, MINIBATCH_KMEANS, MIN_MAX_SCALER, MISSING_INDICATOR, NMF, ORDINAL,
                       PERCEPTRON, RIDGE_CV, ROBUST_SCALER, SCORER_CLASSES, SEARCHES_020, SIMPLE_IMPUTER,
                       TIME_SERIES_SPLIT, TREE_PREDICTOR)


def _n_categories(node):
    """The categories of each feature, the widths of CategoricalNB's per-feature tables."""
    return np.array([table.shape[1] for table in node.state["feature_log_prob_"]], dtype=np.int64)


STEPS = [
    param_removed("0.24", DECISION_TREES + GRADIENT_BOOSTING, "presort", "deprecated"),
    state_removed("0.24", EXTRA_TREES, "presort", constant("deprecated")),
    param_added("0.24", [LINEAR_REGRESSION], "positive", False),
    param_added("0.24", [AGGLOMERATIVE], "compute_distances", False),
    state_added("0.24", GB_CLASSIFIERS, "_n_classes", copy_of("n_classes_")),
    state_removed("0.24", [GB_REGRESSOR], "n_classes_", constant(1)),
    state_removed("0.24", [MINIBATCH_KMEANS], "init_size_", copy_of("_init_size")),
    state_renamed("0.24", [MINIBATCH_KMEANS], "counts_", "_counts"),
    # 0.24 made DummyClassifier's default 'prior' ('warn' behaved as 'stratified').
    param_values("0.24", DUMMY_CLASSIFIERS, "strategy", {"warn": "stratified"}, one_way=True),
    param_added("0.24", [CATEGORICAL_NB], "min_categories", None, "the fitted tables already have its widths"),
    state_added("0.24", [CATEGORICAL_NB], "n_categories_", _n_categories),
    param_added("0.24", LDAS, "covariance_estimator", None),
    # 0.24 made IsotonicRegression's interpolation points public.
    state_renamed("0.24", [ISOTONIC], "_necessary_X_", "X_thresholds_"),
    state_renamed("0.24", [ISOTONIC], "_necessary_y_", "y_thresholds_"),

    param_removed("0.24", IFORESTS, "behaviour", "deprecated"),
]

def _indicator_precomputed(value):
    """0.24 has imputers hand their ``indicator_`` the missing mask (``_precomputed``
    True) instead of the data; ``None`` removes the flag for older releases."""
    def apply(node, migration, path):
        indicator = node.state.get("indicator_")
        if isinstance(indicator, Node):
            if value is None:  # fitted on the data before 0.24, it knew their width
                indicator.state.pop("_precomputed", None)
                if "n_features_in_" in node.state:
                    indicator.state.setdefault("n_features_in_", node.state["n_features_in_"])
            else:
                indicator.state["_precomputed"] = value
    return apply


# Composition and preprocessing.
STEPS += [
    param_added("0.24", [MIN_MAX_SCALER], "clip", False, changes="the output (clipped to feature_range)"),
    param_added("0.24", [ROBUST_SCALER], "unit_variance", False, changes="the output's scale"),
    param_added("0.24", [KBINS], "dtype", None, changes="the output's dtype"),
    param_added("0.24", [ORDINAL], "handle_unknown", "error", changes="how unknown categories are encoded"),
    param_added("0.24", [ORDINAL], "unknown_value", None, changes="how unknown categories are encoded"),
    state_added("0.24", [MISSING_INDICATOR], "_precomputed", constant(False)),
    Step("0.24", "imputers fit their indicator on the missing mask they computed", [SIMPLE_IMPUTER, KNN_IMPUTER],
         _indicator_precomputed(True), _indicator_precomputed(None)),
]


def _regularization_up(node, migration, path):
    node.params.setdefault("regularization", "both")


def _regularization_down(node, migration, path):
    """0.24 added NMF's ``regularization`` (which of W and H ``alpha`` penalises;
    before, both)."""
    if node.params.pop("regularization", "both") not in ("both", "deprecated"):
        nmf_unregularized(node, migration, path, node.params.get("alpha"))

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    param_added("0.24", [FACTOR_ANALYSIS], "rotation", None, "the fitted components_ already carry the rotation"),
    state_removed("0.24", [GP_REGRESSOR], "_K_inv", constant(None)),
    Step("0.24", "NMF parameter regularization added (default 'both')", [NMF], _regularization_up,
         _regularization_down, params_added=["regularization"]),
    # (0.24.0 and 0.24.1 still add it: the revert shipped in 0.24.2)
    Step("0.24.2", "KernelPCA inverse_transform no longer adds alpha to the kernel", [KERNEL_PCA],
         kernel_pca_inverse_of_0_23, kernel_pca_inverse_of_0_23),
]

# Issue 6, the linear-model family.
STEPS += [
    param_added("0.24", [RIDGE_CV], "alpha_per_target", False),
    # 0.24 made ARDRegression keep its centring (used by predict(return_std=True) with normalize=True).
    state_added("0.24", [ARD], "X_offset_", missing),
    state_added("0.24", [ARD], "X_scale_", missing),
    # 0.24 made Perceptron's l1_ratio a parameter (fixed to 0 before, kept as an attribute).
    state_removed("0.24", [PERCEPTRON], "l1_ratio", constant(0)),
    param_added("0.24", [PERCEPTRON], "l1_ratio", 0, "Perceptron used 0 before 0.24"),
]


def _calibrated_pair_up(node, migration, path):
    """0.24 (PR #17856) made ``_CalibratedClassifier`` a plain chain of a fitted
    classifier and its fitted calibrators: ``calibrators`` and ``classes`` hold what
    0.20-0.23 kept as ``calibrators_`` and ``classes_``, and the label encoder of the
    classes (which positions the classifier's classes among them) is refitted on each
    call. Probabilities are computed as before."""
    state = node.state
    state["calibrators"] = state.pop("calibrators_")
    state["classes"] = state.pop("classes_")
    state.pop("label_encoder_", None)


def _calibrated_pair_down(node, migration, path):
    state = node.state
    state["calibrators_"] = state.pop("calibrators")
    state["classes_"] = state["classes"]
    state["label_encoder_"] = Node("sklearn.preprocessing.LabelEncoder", params={},
                                   state={"classes_": state["classes"]})


# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    param_added("0.24", [CALIBRATED], "ensemble", True, "a model fitted with ensemble=False holds one calibrated "
                                                       "classifier, whose probabilities older releases average alone"),
    param_added("0.24", [CALIBRATED], "n_jobs", None),
    Step("0.24", "_CalibratedClassifier is a plain chain of classifier and calibrators", [CALIBRATED_PAIR],
         _calibrated_pair_up, _calibrated_pair_down),
]


def _no_categorical_features(node):
    """0.24's bin mapper marks categorical features; models from before have none."""
    return np.zeros(len(node.state["bin_thresholds_"]), dtype=np.uint8)


# Histogram gradient boosting: categorical features (0.24).
STEPS += [
    param_added("0.24", HIST_GRADIENT_BOOSTING, "categorical_features", None),
    state_added("0.24", HIST_GRADIENT_BOOSTING, "is_categorical_", when_fitted("_predictors", constant(None))),
] + [state_renamed("0.24", HIST_GRADIENT_BOOSTING, old, "_" + old.rstrip("_"))
     for old in ("bin_mapper_", "loss_", "n_features_", "scorer_")] + [
    param_added("0.24", [BIN_MAPPER], "is_categorical", None),
    param_added("0.24", [BIN_MAPPER], "known_categories", None),
    state_added("0.24", [BIN_MAPPER], "is_categorical_", when_fitted("bin_thresholds_", _no_categorical_features)),
    Step("0.24", "predictor nodes: num_threshold, categorical splits", [TREE_PREDICTOR],
         relayout(inserted([("is_categorical", "|u1"), ("bitset_idx", "<u4")]), [("threshold", "num_threshold")]),
         relayout(removed("is_categorical", "bitset_idx"), [("num_threshold", "threshold")],
                  check=refuse_categorical_splits)),
] + [state_added("0.24", [TREE_PREDICTOR], bitsets, lambda node: np.zeros((0, 8), dtype=np.uint32))
     for bitsets in ("binned_left_cat_bitsets", "raw_left_cat_bitsets")]

# Searches (issue 18): 0.24 removed iid (which only weighted the fold scores fit averaged) and the
# scorers' _deprecation_msg; TimeSeriesSplit gained gap and test_size (0 and None: the splits of before).
STEPS += [
    param_removed("0.24", SEARCHES_020, "iid", "deprecated", "it only weighted the fold scores fit averaged"),
    state_added("0.24", [TIME_SERIES_SPLIT], "gap", constant(0)),
    state_added("0.24", [TIME_SERIES_SPLIT], "test_size", constant(None)),
    state_removed("0.24", SCORER_CLASSES, "_deprecation_msg", constant(None)),
]
