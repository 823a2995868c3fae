"""scikit-learn 0.24 (December 2020)."""
from ._kinds import constant, copy_of, param_added, param_removed, state_added, state_removed, state_renamed
from .families import (AGGLOMERATIVE, GB_CLASSIFIER, GB_REGRESSOR, GRADIENT_BOOSTING, LINEAR_REGRESSION,
                       MINIBATCH_KMEANS, TREES)
from . import Step
from ._unsupervised import kernel_pca_inverse_of_0_23, nmf_unregularized
from .families import FACTOR_ANALYSIS, GP_REGRESSOR, KERNEL_PCA, NMF

STEPS = [
    param_removed("0.24", TREES + GRADIENT_BOOSTING, "presort", "deprecated"),
    param_added("0.24", [LINEAR_REGRESSION], "positive", False),
    param_added("0.24", [AGGLOMERATIVE], "compute_distances", False),
    state_added("0.24", [GB_CLASSIFIER], "_n_classes", copy_of("n_classes_")),
    state_removed("0.24", [GB_REGRESSOR], "n_classes_", constant(1)),
    state_removed("0.24", [MINIBATCH_KMEANS], "init_size_", copy_of("_init_size")),
    state_renamed("0.24", [MINIBATCH_KMEANS], "counts_", "_counts"),
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
    Step("0.24", "KernelPCA inverse_transform no longer adds alpha to the kernel", [KERNEL_PCA],
         kernel_pca_inverse_of_0_23, kernel_pca_inverse_of_0_23),
]
