"""scikit-learn 0.24 (December 2020)."""
from ._kinds import constant, copy_of, missing, param_added, param_removed, state_added, state_removed, state_renamed
from .families import (AGGLOMERATIVE, ARD, GB_CLASSIFIER, GB_REGRESSOR, GRADIENT_BOOSTING, LINEAR_REGRESSION,
                       MINIBATCH_KMEANS, PERCEPTRON, RIDGE_CV, TREES)

STEPS = [
    param_removed("0.24", TREES + GRADIENT_BOOSTING, "presort", "deprecated"),
    param_added("0.24", [LINEAR_REGRESSION], "positive", False),
    param_added("0.24", [AGGLOMERATIVE], "compute_distances", False),
    state_added("0.24", [GB_CLASSIFIER], "_n_classes", copy_of("n_classes_")),
    state_removed("0.24", [GB_REGRESSOR], "n_classes_", constant(1)),
    state_removed("0.24", [MINIBATCH_KMEANS], "init_size_", copy_of("_init_size")),
    state_renamed("0.24", [MINIBATCH_KMEANS], "counts_", "_counts"),
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
