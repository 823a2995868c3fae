"""scikit-learn 0.24 (December 2020)."""
import numpy as np

from ._kinds import (constant, copy_of, param_added, param_removed, param_values, state_added, state_removed,
                     state_renamed)
from .families import (AGGLOMERATIVE, CATEGORICAL_NB, DUMMY_CLASSIFIERS, GB_CLASSIFIER, GB_REGRESSOR, GRADIENT_BOOSTING,
                       ISOTONIC, LDAS, LINEAR_REGRESSION, MINIBATCH_KMEANS, TREES)


def _n_categories(node):
    """The categories of each feature, the widths of CategoricalNB's per-feature tables."""
    return np.array([table.shape[1] for table in node.state["feature_log_prob_"]], dtype=np.int64)


STEPS = [
    param_removed("0.24", TREES + GRADIENT_BOOSTING, "presort", "deprecated"),
    param_added("0.24", [LINEAR_REGRESSION], "positive", False),
    param_added("0.24", [AGGLOMERATIVE], "compute_distances", False),
    state_added("0.24", [GB_CLASSIFIER], "_n_classes", copy_of("n_classes_")),
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
]
