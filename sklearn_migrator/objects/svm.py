"""Checks for libsvm-based estimators before their arrays reach libsvm's C code.

libsvm's predict trusts the support-vector count per class, the coefficient
and intercept shapes and the feature count of the support vectors; a
mismatch makes it read past the arrays. Attribute names vary by release
(``n_support_``/``_n_support``, ``probA_``/``_probA``), so both spellings are
accepted.
"""
from __future__ import annotations

import numpy as np

from ..tree import join
from ._state import field, require
from .sparse import sparse_format, sparse_shape


def _first(state, *keys):
    for key in keys:
        if key in state:
            return key, state[key]
    return keys[0], None


def validate_libsvm(node, path):
    state = node.state
    where = join(path, "state")
    fitted = any(key in state for key in ("support_vectors_", "support_", "_dual_coef_", "_intercept_"))
    if not fitted:
        return
    vectors = field(state, "support_vectors_", where)
    sparse = sparse_format(vectors) is not None
    # libsvm's sparse predict reads support_vectors_ as CSR arrays of float64 values (_sparse picks it)
    require(state.get("_sparse", False) is sparse, "_sparse is %r, but support_vectors_ is %s",
            join(path, "_sparse"), state.get("_sparse"), "sparse" if sparse else "dense")
    if sparse:
        require(sparse_format(vectors) == "csr" and isinstance(vectors.state.get("data"), np.ndarray)
                and vectors.state["data"].dtype == np.float64, "sparse support_vectors_ must be CSR of float64",
                join(path, "support_vectors_"))
        vectors_shape = sparse_shape(vectors, join(path, "support_vectors_"))
    else:
        require(isinstance(vectors, np.ndarray) and vectors.dtype == np.float64 and vectors.ndim == 2,
                "support_vectors_ must be a 2-D float64 array", join(path, "support_vectors_"))
        vectors_shape = vectors.shape
    support = field(state, "support_", where, dtype=np.int32, ndim=1)
    shape_fit = state.get("shape_fit_")
    require(isinstance(shape_fit, tuple) and len(shape_fit) == 2
            and all(isinstance(size, (int, np.integer)) and size >= 0 for size in shape_fit),
            "shape_fit_ must be the (samples, features) of the training data", join(path, "shape_fit_"))
    # A precomputed kernel keeps no vectors: libsvm reads a query's kernel row at each support_
    # index (scikit-learn checks the row's length against shape_fit_[0]), so they must be in range.
    precomputed = node.params.get("kernel") == "precomputed"
    n_sv, n_features = (support.shape[0], shape_fit[0]) if precomputed else vectors_shape
    require(not precomputed or vectors_shape == (0, 0), "a precomputed-kernel model keeps no support_vectors_",
            join(path, "support_vectors_"))
    require(shape_fit[1] == n_features, "shape_fit_ does not match support_vectors_", join(path, "shape_fit_"))
    declared = state.get("n_features_in_")
    require(declared is None or declared == n_features, "n_features_in_ does not match support_vectors_",
            join(path, "n_features_in_"))
    require(support.shape == (n_sv,), "support_ must have one entry per support vector", join(path, "support_"))
    require(n_sv == 0 or (int(support.min()) >= 0 and int(support.max()) < shape_fit[0]),
            "support_ holds indices outside the %d training samples", join(path, "support_"), shape_fit[0])
    classes = state.get("classes_")
    n_class = classes.shape[0] if isinstance(classes, np.ndarray) and classes.ndim == 1 else 2
    n_pairs = n_class * (n_class - 1) // 2
    is_classifier = isinstance(classes, np.ndarray)
    key, n_support = _first(state, "_n_support", "n_support_")
    require(isinstance(n_support, np.ndarray) and n_support.dtype == np.int32 and n_support.ndim == 1,
            "%s must be a 1-D int32 array" % key, join(path, key))
    if is_classifier:
        require(n_support.shape == (n_class,) and int(n_support.sum()) == n_sv and bool((n_support >= 0).all()),
                "%s must count the support vectors of each class" % key, join(path, key))
    elif sparse:  # regression and one-class: libsvm does not read it (the sparse fit leaves any counts)
        require(n_support.shape == (2,), "%s must hold two counts" % key, join(path, key))
    else:  # dense regression and one-class: [0, 0] before 0.22, then the support-vector count twice
        require(n_support.shape == (2,) and n_support[0] == n_support[1] and int(n_support[0]) in (0, n_sv),
                "%s must be [0, 0] or the number of support vectors twice" % key, join(path, key))
    rows = max(n_class - 1, 1)
    dual = field(state, "_dual_coef_", where)
    if sparse:  # libsvm copies rows x n_sv coefficients from the CSR values
        require(sparse_format(dual) == "csr" and sparse_shape(dual, join(path, "_dual_coef_")) == (rows, n_sv)
                and isinstance(dual.state.get("data"), np.ndarray) and dual.state["data"].dtype == np.float64
                and dual.state["data"].shape == (rows * n_sv,),
                "sparse _dual_coef_ must be CSR holding all %d x %d float64 coefficients",
                join(path, "_dual_coef_"), rows, n_sv)
    else:
        dual = field(state, "_dual_coef_", where, dtype=np.float64, ndim=2)
        require(dual.shape == (rows, n_sv), "_dual_coef_ has shape %s" % (dual.shape,), join(path, "_dual_coef_"))
    intercept = field(state, "_intercept_", where, dtype=np.float64, ndim=1)
    require(intercept.shape == ((n_pairs,) if is_classifier else (1,)), "_intercept_ has the wrong length",
            join(path, "_intercept_"))
    # Compiled code takes these as typed arrays, and Cython lets None through as one.
    for prob in (("_probA", "probA_"), ("_probB", "probB_")):
        key, value = _first(state, *prob)
        require(isinstance(value, np.ndarray) and value.dtype == np.float64
                and value.shape in ((0,), intercept.shape), "%s must be a float64 array of 0 or %d values"
                % (key, intercept.shape[0]), join(path, key))
    if "class_weight_" in state:
        weights = state["class_weight_"]
        require(isinstance(weights, np.ndarray) and weights.dtype == np.float64
                and weights.shape in ((0,), (n_class,)), "class_weight_ has the wrong shape",
                join(path, "class_weight_"))
