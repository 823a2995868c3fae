"""Helpers for the steps of neighbours, mixtures, decompositions and Gaussian processes."""
from __future__ import annotations

import numpy as np

from ..tree import Node
from ..versions import has_release
from ._kinds import _MISSING, n_features, refuse

#: Fitted arrays whose last axis counts the input features, for estimators
#: :func:`~sklearn_migrator.migrations._kinds.n_features` does not know.
_FEATURE_ARRAYS = ("means_", "X_fit_", "X_train_", "subcluster_centers_")


def input_features(node):
    """The number of input features of an issue-6 estimator (a GaussianProcessClassifier
    keeps its training data in its binary Laplace estimator)."""
    found = n_features(node)
    if found is not _MISSING:
        return found
    for key in _FEATURE_ARRAYS:
        value = node.state.get(key)
        if isinstance(value, np.ndarray) and value.ndim >= 2:
            return int(value.shape[-1])
    inner = node.state.get("base_estimator_")
    return input_features(inner) if isinstance(inner, Node) else _MISSING


def absent(node):
    """A ``compute`` for attributes a release derives again whenever it needs them (or
    that record only the fitting history): left out going up, dropped going down."""
    return _MISSING


def nmf_unregularized(node, migration, path, alpha):
    """NMF's ``transform`` solves for W with the fitted regularisation, whose parameters
    and scaling changed in 0.24 (``regularization``) and 1.0 (``alpha_W``/``alpha_H``,
    scaled by the number of features): only unregularised models cross those releases."""
    if alpha not in (0, 0.0, None, "deprecated", "same"):
        refuse(migration, path, "a regularised NMF (alpha=%r) transforms with a penalty scikit-learn %s expresses "
                                "differently" % (alpha, migration.target),
               "Keep it on scikit-learn %s, or refit it in the target release" % migration.source)


def kernel_pca_inverse_of_0_23(node, migration, path):
    """0.23 added ``alpha`` to the diagonal of the kernel in KernelPCA's
    ``inverse_transform`` (meant for fitting; 0.24.2 removed it again, 0.24.0 and 0.24.1
    still add it), so those releases reconstruct differently from every other: such
    models do not cross into or out of them."""
    if (_adds_alpha(migration.source) != _adds_alpha(migration.target) and node.params.get("fit_inverse_transform")
            and node.params.get("alpha") != 0):
        refuse(migration, path, "KernelPCA.inverse_transform of scikit-learn 0.23-0.24.1 adds alpha to the kernel's "
                                "diagonal, unlike every other release",
               "Keep a KernelPCA with fit_inverse_transform=True within 0.23-0.24.1, or outside them")


def _adds_alpha(version):
    return has_release(str(version), "0.23") and not has_release(str(version), "0.24.2")
