"""scikit-learn 0.24 (December 2020)."""
from ._kinds import constant, copy_of, param_added, param_removed, state_added, state_removed, state_renamed
from .families import (AGGLOMERATIVE, DECISION_TREES, EXTRA_TREES, GB_CLASSIFIER, GB_REGRESSOR, GRADIENT_BOOSTING,
                       IFORESTS, LINEAR_REGRESSION, MINIBATCH_KMEANS)

STEPS = [
    param_removed("0.24", DECISION_TREES + GRADIENT_BOOSTING, "presort", "deprecated"),
    state_removed("0.24", EXTRA_TREES, "presort", constant("deprecated")),
    param_added("0.24", [LINEAR_REGRESSION], "positive", False),
    param_added("0.24", [AGGLOMERATIVE], "compute_distances", False),
    state_added("0.24", [GB_CLASSIFIER], "_n_classes", copy_of("n_classes_")),
    state_removed("0.24", [GB_REGRESSOR], "n_classes_", constant(1)),
    state_removed("0.24", [MINIBATCH_KMEANS], "init_size_", copy_of("_init_size")),
    state_renamed("0.24", [MINIBATCH_KMEANS], "counts_", "_counts"),
    param_removed("0.24", IFORESTS, "behaviour", "deprecated"),
]
