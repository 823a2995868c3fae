"""Checks for histogram gradient boosting (HistGradientBoostingClassifier/Regressor).

A fitted model predicts with ``_predictors``: one list per iteration of
``n_trees_per_iteration_`` ``TreePredictor`` objects, each a structured
array of nodes that scikit-learn's Cython ``_predict_from_raw_data`` walks
without bounds checks (``nodes[node.left]``, ``X[row, node.feature_idx]``,
``raw_left_cat_bitsets[node.bitset_idx]``, and from 0.24 the known categories
of ``f_idx_map[node.feature_idx]``). Before a model is built we check what
the grower guarantees: predictors are filled in pre-order (``grower.py``'s
``_fill_predictor_arrays``), so every split's children come after it and
exist; split features are below the model's feature count; a categorical
split (0.24+) names one of the predictor's bitsets and a feature its bin
mapper declares categorical, whose known categories fit the 256-bit bitsets.
All predictors of a model are checked together in one pass over their
concatenated nodes; on a fault they are checked one by one so that the error
names the predictor.
"""
from __future__ import annotations

import functools

import numpy as np

from ..tree import Node, join
from ._state import as_int, field, node_field, require
from .tree import n_features_of

PREDICTOR = "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor"
_BITSETS = ("binned_left_cat_bitsets", "raw_left_cat_bitsets")
_UINT32 = np.dtype(np.uint32)
_MAX_CATEGORY = 255  # bitsets hold 8 x 32 bits: categories 0..255


@functools.lru_cache(maxsize=None)
def _record_dtype():
    """The installed release's node record (in ``common`` since 0.22, ``predictor`` in 0.21)."""
    try:
        from sklearn.ensemble._hist_gradient_boosting.common import PREDICTOR_RECORD_DTYPE
    except ImportError:
        from sklearn.ensemble._hist_gradient_boosting.predictor import PREDICTOR_RECORD_DTYPE
    return PREDICTOR_RECORD_DTYPE


def validate_hist_gradient_boosting(node, path):
    state = node.state
    predictors = field(state, "_predictors", join(path, "state"), required=False)
    if predictors is None:  # unfitted
        return
    n_features = as_int(field(state, "_n_features" if "_n_features" in state else "n_features_", path),
                        "the feature count", join(path, "_n_features"), minimum=1)
    # predict checks a query's width against n_features_in_, and the predictors then read the
    # columns their nodes name: a larger feature count would let them read past the row.
    declared = n_features_of(state)
    require(declared is None or declared == n_features, "n_features_in_ (%s) is not the feature count (%d)",
            join(path, "n_features_in_"), declared, n_features)
    n_trees = as_int(field(state, "n_trees_per_iteration_", path), "n_trees_per_iteration_",
                     join(path, "n_trees_per_iteration_"), minimum=1)
    where = join(path, "_predictors")
    require(isinstance(predictors, list) and all(isinstance(it, list) and len(it) == n_trees for it in predictors),
            "_predictors must be a list of iterations of %d predictors each", where, n_trees)
    categorical = _categorical_features(state, n_features, path)
    items = [("%s[%d][%d]" % (where, i, k), predictor)
             for i, iteration in enumerate(predictors) for k, predictor in enumerate(iteration)]
    checked = [_predictor_fields(predictor, at) for at, predictor in items]
    if checked and not _links_hold(checked, n_features, categorical):
        for at, fields in zip((at for at, _ in items), checked):
            _check_links(at, fields, n_features, categorical)


def _categorical_features(state, n_features, path):
    """The bin mapper's boolean mask of categorical features (all False before 0.24),
    after checking that its known categories fit the bitsets 0.24+ builds from them."""
    key = "_bin_mapper" if "_bin_mapper" in state else "bin_mapper_"
    mapper = node_field(state, key, join(path, "state"), required=True)
    where = join(path, key)
    flags = field(mapper.state, "is_categorical_", where, kinds="u", ndim=1, required=False)
    if flags is None:
        return np.zeros(n_features, dtype=bool)
    require(flags.shape == (n_features,), "is_categorical_ must have one entry per feature (%d)",
            join(where, "is_categorical_"), n_features)
    thresholds = field(mapper.state, "bin_thresholds_", where)
    require(isinstance(thresholds, list) and len(thresholds) == n_features,
            "bin_thresholds_ must list one array per feature", join(where, "bin_thresholds_"))
    for index in np.flatnonzero(flags):
        known = thresholds[index]
        require(isinstance(known, np.ndarray) and known.ndim == 1 and known.dtype.kind in "iuf"
                and bool(((known >= 0) & (known <= _MAX_CATEGORY) & (known == np.floor(known))).all()),
                "the known categories of a categorical feature must be integers in [0, %d]",
                "%s.bin_thresholds_[%d]" % (where, index), _MAX_CATEGORY)
    return flags != 0


def _predictor_fields(predictor, path):
    """``(nodes, bitset count)`` of a TreePredictor node, its arrays checked."""
    require(isinstance(predictor, Node) and predictor.cls == PREDICTOR and isinstance(predictor.state, dict),
            "expected a TreePredictor", path)
    state = predictor.state
    nodes = field(state, "nodes", path, ndim=1)
    require(nodes.dtype == _record_dtype(), "node layout %s does not match this release's %s", join(path, "nodes"),
            nodes.dtype, _record_dtype())
    require(nodes.shape[0] >= 1 and nodes.flags.c_contiguous, "expected a contiguous array of at least one node",
            join(path, "nodes"))
    counts = set()
    for key in _BITSETS:
        bitsets = field(state, key, path, dtype=_UINT32, ndim=2, required="is_categorical" in nodes.dtype.names)
        if bitsets is not None:
            require(bitsets.shape[1] == 8 and bitsets.flags.c_contiguous,
                    "bitsets must be a contiguous (n, 8) array", join(path, key))
            counts.add(bitsets.shape[0])
    require(len(counts) <= 1, "the binned and raw bitsets differ in length", path)
    return nodes, counts.pop() if counts else 0


def _links_hold(checked, n_features, categorical) -> bool:
    """Whether every predictor of ``checked`` passes :func:`_link_checks` (one pass over all)."""
    lengths = np.array([len(nodes) for nodes, _ in checked])
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    nodes = np.concatenate([nodes for nodes, _ in checked])
    return all(_link_checks(nodes, starts, np.repeat(lengths, lengths),
                            np.repeat([count for _, count in checked], lengths), n_features, categorical))


def _check_links(path, fields, n_features, categorical):
    nodes, n_bitsets = fields
    forward, tree, features, bitsets = _link_checks(nodes, 0, len(nodes), n_bitsets, n_features, categorical)
    where = join(path, "nodes")
    require(forward, "split children must point forward to existing nodes", where)
    require(tree, "every node but the root must be the child of exactly one split", where)
    require(features, "split features must be in [0, %d)", where, n_features)
    require(bitsets, "a categorical split must name one of the predictor's bitsets and a categorical feature", where)


def _link_checks(nodes, start, n_nodes, n_bitsets, n_features, categorical):
    """Whether every split's children come after it and exist; whether the nodes form
    a tree (each but the root the child of one split: no shared subtrees, which would
    make partial dependence visit exponentially many paths); whether every split's
    feature is in range, every categorical split's bitset exists and its feature is
    categorical. Nodes may be several predictors' concatenated: ``start`` (the index
    of a node's root), ``n_nodes`` and ``n_bitsets`` are then per node."""
    split = nodes["is_leaf"] == 0
    index = np.arange(len(nodes)) - start
    left, right = nodes["left"].astype(np.int64), nodes["right"].astype(np.int64)
    forward = bool(((~split) | ((np.minimum(left, right) > index) & (np.maximum(left, right) < n_nodes))).all())
    children = np.concatenate([(left + start)[split], (right + start)[split]])
    n_roots = int(np.count_nonzero(index == 0))
    tree = forward and children.size == len(nodes) - n_roots and np.unique(children).size == children.size
    feature = np.where(split, nodes["feature_idx"], 0).astype(np.int64)
    features = bool(((feature >= 0) & (feature < n_features)).all())
    if not features or "is_categorical" not in nodes.dtype.names:
        return forward, tree, features, True
    by_category = split & (nodes["is_categorical"] != 0)
    bitset = np.where(by_category, nodes["bitset_idx"], 0).astype(np.int64)
    bitsets = bool(((~by_category) | ((bitset < n_bitsets) & categorical[feature])).all())
    return forward, tree, features, bitsets


#: A model early-stopped on a scorer (``scoring`` other than 'loss') keeps the scorer
#: object ``check_scoring(model, scoring)`` made: code, not data, and always what the
#: params give (a callable ``scoring`` is refused with the params), so it is left out of
#: documents and made again on build. Since 1.4 such a fit also leaves its own bound
#: ``_raw_predict`` method as an instance attribute (``_patch_raw_predict`` restores the
#: method by assignment): left out too, the class's method is the same.
DERIVED_ATTRIBUTES = ("_scorer", "scorer_", "_raw_predict")  # the scorer since 0.24, before


def restore_scorer(estimator):
    state = vars(estimator)
    name = "_scorer" if "_n_features" in state else "scorer_"
    scorer = None
    if state.get("do_early_stopping_") and state.get("scoring") != "loss" and "_predictors" in state:
        from sklearn.metrics import check_scoring

        scorer = check_scoring(estimator, state.get("scoring"))
    setattr(estimator, name, scorer)
