"""Checks for ``KDTree``/``BallTree`` and distance metrics before they are rebuilt.

A binary tree's query walks node ``i`` to children ``2i+1`` and ``2i+2`` until
``is_leaf``, then reads ``idx_array[idx_start:idx_end]`` and rows of
``data``, all without bounds checks. We check the node array against the
heap layout, the index ranges against the data, and the metric's parameter
arrays against the number of features.
"""
from __future__ import annotations

import functools

import numpy as np

from ..tree import Node, join
from ._state import as_int, field, require
from .sparse import sparse_format, sparse_shape
from .tree import n_features_of

# Metrics whose ``vec`` holds one weight per feature (or is Mahalanobis' work
# buffer, written to), and whose ``mat`` is a (n_features, n_features) matrix.
_VEC_METRICS = ("SEuclideanDistance", "WMinkowskiDistance", "MinkowskiDistance", "MahalanobisDistance")
_MAT_METRICS = ("MahalanobisDistance",)


def validate_distance_metric(node, path):
    state = node.state
    require(isinstance(state, tuple) and len(state) >= 3, "metric state must be (p, vec, mat, ...)", path)
    p, vec, mat = state[:3]
    require(isinstance(p, (float, int, np.floating)) and p > 0, "p must be a positive number", path)
    require(isinstance(vec, np.ndarray) and vec.dtype == np.float64 and vec.ndim == 1, "vec must be 1-D float64",
            path)
    require(isinstance(mat, np.ndarray) and mat.dtype == np.float64 and mat.ndim == 2, "mat must be 2-D float64",
            path)


@functools.lru_cache(maxsize=None)
def _unweighted_vec_size(metric_cls):
    """Size of the ``vec`` an unweighted metric of the installed release carries
    (an unused placeholder of 1 in some releases, empty in others); probed once per class."""
    return metric_cls(3.0).__getstate__()[1].shape[0]


def _metric_matches(metric, n_features, path):
    from ..registry import entry_for_name

    name = metric.name.rstrip("0123456789")
    vec, mat = metric.state[1], metric.state[2]
    if name in _VEC_METRICS:
        allowed = {n_features}
        if name == "MinkowskiDistance":
            allowed.add(_unweighted_vec_size(entry_for_name(metric.cls, path).resolve()))
        require(vec.shape[0] in allowed, "metric weights must have %d entries" % n_features, path)
    if name in _MAT_METRICS:
        require(mat.shape == (n_features, n_features), "metric matrix must be %dx%d" % (n_features, n_features),
                path)


def validate_binary_tree(node, path):
    state = node.state
    require(isinstance(state, tuple) and len(state) >= 12, "binary tree state must be a tuple of 12 or more fields",
            path)
    data, idx_array, node_data, node_bounds = state[:4]
    where = join(path, "state")
    require(isinstance(data, np.ndarray) and data.dtype == np.float64 and data.ndim == 2 and data.flags.c_contiguous,
            "data must be a contiguous 2-D float64 array", where)
    n_samples, n_features = data.shape
    require(isinstance(idx_array, np.ndarray) and idx_array.dtype.kind == "i" and idx_array.shape == (n_samples,),
            "idx_array must hold one integer index per sample", where)
    require(bool(((idx_array >= 0) & (idx_array < n_samples)).all()), "idx_array points outside the data", where)
    require(isinstance(node_data, np.ndarray) and node_data.ndim == 1 and node_data.dtype.names is not None
            and set(("idx_start", "idx_end", "is_leaf")) <= set(node_data.dtype.names),
            "node_data must be a structured node array", where)
    n_nodes = node_data.shape[0]
    as_int(state[4], "leaf_size", where, minimum=1)
    require(as_int(state[6], "n_nodes", where) == n_nodes and n_nodes >= 1, "n_nodes does not match node_data",
            where)
    start, end, is_leaf = node_data["idx_start"], node_data["idx_end"], node_data["is_leaf"]
    require(bool(((start >= 0) & (start <= end) & (end <= n_samples)).all()), "node index ranges exceed the data",
            where)
    inner = np.flatnonzero(is_leaf == 0)
    require(bool((2 * inner + 2 < n_nodes).all()), "an inner node has children beyond the node array", where)
    require(isinstance(node_bounds, np.ndarray) and node_bounds.dtype == np.float64 and node_bounds.ndim == 3
            and node_bounds.shape[1:] == (n_nodes, n_features), "node_bounds does not match nodes and features",
            where)
    metric = state[11]
    require(isinstance(metric, Node), "the distance metric must be a nested object", where)
    _metric_matches(metric, n_features, where)
    if len(state) > 12 and state[12] is not None:
        weights = state[12]
        require(isinstance(weights, np.ndarray) and weights.shape == (n_samples,),
                "sample weights must have one entry per sample", where)


def validate_neighbors(node, path):
    """Neighbour estimators (KNeighbors*, RadiusNeighbors*, NearestNeighbors) index the rows of
    ``_fit_X`` and ``_y`` by the neighbours a search returns (from ``_tree``'s ``idx_array`` or
    a brute-force scan of ``_fit_X``), and a classifier's compiled vote (``ArgKminClassMode``,
    1.3+; ``RadiusNeighborsClassMode``, 1.4+) takes ``_y[i]`` as a column of its class
    counts, unchecked. So ``_fit_X``, ``_y`` and the tree must hold the same samples, and
    each label index must be inside its output's ``classes_``."""
    state = node.state
    fit_X = field(state, "_fit_X", join(path, "state"), required=False)
    if fit_X is None:
        return
    where = join(path, "_fit_X")
    if sparse_format(fit_X) is None:
        require(isinstance(fit_X, np.ndarray) and fit_X.ndim == 2, "_fit_X must be a 2-D array of samples", where)
        n_samples, n_features = fit_X.shape
    else:  # scikit-learn searches sparse samples by brute force only
        n_samples, n_features = sparse_shape(fit_X, where)
        require(state.get("_fit_method") == "brute" and state.get("_tree") is None,
                "sparse samples are searched by brute force only (_fit_method is %r)",
                join(path, "_fit_method"), state.get("_fit_method"))
    declared = n_features_of(state)
    require(declared is None or declared == n_features, "n_features_in_ is %s but _fit_X has %d features",
            join(path, "n_features_in_"), declared, n_features)
    fitted = state.get("n_samples_fit_")
    require(fitted is None or fitted == n_samples, "n_samples_fit_ is %s but _fit_X has %d samples",
            join(path, "n_samples_fit_"), fitted, n_samples)
    tree = state.get("_tree")
    if isinstance(tree, Node) and isinstance(tree.state, tuple) and tree.state:
        data = tree.state[0]
        require(isinstance(data, np.ndarray) and data.shape == (n_samples, n_features),
                "the search tree holds other samples than _fit_X", join(path, "_tree"))
    labels = state.get("_y")
    if labels is None:
        return
    where = join(path, "_y")
    require(isinstance(labels, np.ndarray) and labels.ndim in (1, 2) and labels.shape[0] == n_samples,
            "_y must have one row per sample of _fit_X (%d)", where, n_samples)
    classes = state.get("classes_")
    if classes is None:  # a regressor: targets, not indices
        return
    outputs = classes if isinstance(classes, list) else [classes]
    columns = labels.reshape(n_samples, -1)
    require(labels.dtype.kind in "iu" and columns.shape[1] == len(outputs),
            "_y must hold integer class indices, one column per output (%d)", where, len(outputs))
    for output, (column, names) in enumerate(zip(columns.T, outputs)):
        require(isinstance(names, np.ndarray) and names.ndim == 1, "classes_ must be 1-D arrays of labels",
                join(path, "classes_"))
        require(n_samples == 0 or (int(column.min()) >= 0 and int(column.max()) < names.shape[0]),
                "_y holds class indices outside [0, %d) (output %d)", where, names.shape[0], output)
