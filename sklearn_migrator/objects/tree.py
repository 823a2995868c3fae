"""Checks for decision trees: the Cython ``Tree`` and the estimators that hold one.

``Tree.__setstate__`` copies the node and value arrays into C structures that
``predict``/``apply`` then walk without bounds checks, so a crafted document
could make them read out of bounds or loop forever. Before a ``Tree`` is
built we check what scikit-learn's builders guarantee: every child index is
greater than its parent's (trees are grown parent first, so this also rules
out cycles), split features are below ``n_features``, and the value array has
the shape ``(node_count, n_outputs, max_n_classes)``.
"""
from __future__ import annotations

import functools

import numpy as np

from ..tree import Node, all_of_type, join
from ._state import as_int, field, node_field, require

TREE_LEAF = -1
_FLOAT64 = np.dtype(np.float64)


@functools.lru_cache(maxsize=None)
def _node_dtype():
    from sklearn.tree._tree import NODE_DTYPE

    return NODE_DTYPE


def validate_tree(node, path):
    item = (path,) + _tree_fields(node, path)
    _check_links(*item)
    _check_shape(*item)


def validate_trees(items):
    """:func:`validate_tree` for many ``(node, path)`` at once: each tree's fields in
    turn, then the node links of all small trees in one pass over their
    concatenated nodes (a boosted model has hundreds of small trees; a forest's
    large trees are checked one by one, measured 0.10 s against 0.29 s batched on
    300 trees of 25,000 nodes), then the depth of all trees in one walk. If a
    batched pass finds a fault, the trees are checked one by one, so the error names
    the tree."""
    fields = _tree_columns(items)
    if fields is None:  # a tree off the common form, or a fault: each is checked, so the error names it
        fields = [(path,) + _tree_fields(node, path) for node, path in items]
    fields = [item for item in fields if item[3] > 0]
    for item in fields:
        if item[3] > _BATCH_MAX_NODES:  # a large tree: copying its links out would cost more than it saves
            _check_links(*item)
    small = [item for item in fields if item[3] <= _BATCH_MAX_NODES]
    sizes = np.array([item[3] for item in small], dtype=np.intp)
    if small and not _links_valid(*_concatenated(small, _LINKS), index=np.arange(sizes.sum()) - np.repeat(
            np.cumsum(sizes) - sizes, sizes), node_count=np.repeat(sizes, sizes),
            n_features=np.repeat([item[2] for item in small], sizes)):
        for item in small:
            _check_links(*item)
    if not fields:
        return
    counts = np.array([item[3] for item in fields])
    if _shape_problem(*_concatenated(fields, _LINKS[:2]), np.cumsum(counts) - counts, counts,
                      np.array([item[4] for item in fields])) is not None:
        for item in fields:
            _check_shape(*item)


def _concatenated(fields, names):
    return [np.concatenate([item[1][name] for item in fields]) for name in names]


validate_tree.many = validate_trees
_LINKS = ("left_child", "right_child", "feature")
_BATCH_MAX_NODES = 4096


def _tree_fields(node, path):
    """Check a Tree's constructor args and state; ``(nodes, n_features, node_count)``.
    Field paths are ``(path, key)`` pairs, joined only for an error (5,400 joins on the
    900 trees of a boosted model)."""
    args, where = node.args, (path, "args")
    require(isinstance(args, list) and len(args) == 3, "Tree takes (n_features, n_classes, n_outputs)", where)
    n_features = as_int(args[0], "n_features", where, minimum=1)
    n_outputs = as_int(args[2], "n_outputs", where, minimum=1)
    n_classes = args[1]
    require(isinstance(n_classes, np.ndarray) and n_classes.dtype.kind == "i" and n_classes.shape == (n_outputs,),
            "n_classes must be an integer array with one entry per output", where)
    n_classes = n_classes.tolist()
    require(min(n_classes) >= 1, "n_classes entries must be >= 1", where)

    state = node.state
    node_count = as_int(field(state, "node_count", path), "node_count", (path, "node_count"), minimum=0)
    max_depth = as_int(field(state, "max_depth", path), "max_depth", (path, "max_depth"), minimum=0)
    nodes, layout = field(state, "nodes", path, ndim=1), _node_dtype()
    require(nodes.dtype == layout, "node layout %s does not match this release's %s", (path, "nodes"),
            nodes.dtype, layout)
    require(nodes.shape == (node_count,) and nodes.flags.c_contiguous, "expected %d contiguous nodes, got shape %s",
            (path, "nodes"), node_count, nodes.shape)
    values = field(state, "values", path, dtype=_FLOAT64, ndim=3)
    expected = (node_count, n_outputs, max(n_classes))
    require(values.shape == expected and values.flags.c_contiguous,
            "values must be a contiguous array of shape %s, got %s", (path, "values"), expected, values.shape)
    return nodes, n_features, node_count, max_depth


def _tree_columns(items):
    """``[(path, nodes, n_features, node_count, max_depth)]`` as :func:`_tree_fields` gives them, for
    trees whose fields all pass its checks in their common form (Python ints, a dict
    state), checked field by field across the trees; None otherwise. On the 900 trees
    of model (c) of issue 5: 1.3 ms, against 3.3 ms tree by tree."""
    args = [node.args for node, _ in items]
    states = [node.state for node, _ in items]
    if not (all_of_type(args, list) and all_of_type(states, dict) and set(map(len, args)) == {3}):
        return None
    n_features, n_classes, n_outputs = ([arg[index] for arg in args] for index in range(3))
    try:
        counts, depths, nodes, values = ([state[key] for state in states]
                                         for key in ("node_count", "max_depth", "nodes", "values"))
    except KeyError:
        return None
    if not (all(all_of_type(column, int) for column in (n_features, n_outputs, counts, depths))
            and all(all_of_type(column, np.ndarray) for column in (n_classes, nodes, values))):
        return None
    if min(n_features) < 1 or min(n_outputs) < 1 or min(counts) < 0 or min(depths) < 0:
        return None
    if not (_all_dtype(nodes, _node_dtype()) and _all_dtype(values, _FLOAT64)
            and {classes.dtype.kind for classes in n_classes} == {"i"}
            and [classes.shape for classes in n_classes] == [(count,) for count in n_outputs]):
        return None
    flat = np.concatenate(n_classes)
    if flat.min() < 1:
        return None
    widths = np.maximum.reduceat(flat, np.cumsum(n_outputs) - n_outputs).tolist()
    if ([array.shape for array in nodes] != [(count,) for count in counts]
            or [array.shape for array in values] != list(zip(counts, n_outputs, widths))
            or not all(array.flags.c_contiguous for array in nodes)
            or not all(array.flags.c_contiguous for array in values)):
        return None
    return [(path, array, features, count, depth)
            for (_, path), array, features, count, depth in zip(items, nodes, n_features, counts, depths)]


def _all_dtype(arrays, dtype):
    """Whether every array has ``dtype`` (arrays split from one concatenation share one
    dtype object: each distinct object is compared once)."""
    distinct = {id(array.dtype): array.dtype for array in arrays}
    return all(found == dtype for found in distinct.values())


def _check_links(path, nodes, n_features, node_count, max_depth):
    if node_count == 0:
        return
    links = [nodes[name] for name in _LINKS]
    if _links_valid(*links, index=np.arange(node_count), node_count=node_count, n_features=n_features):
        return
    where = join(path, "nodes")
    one_child, forward, features = _link_checks(*links, index=np.arange(node_count), node_count=node_count,
                                                n_features=n_features)
    require(one_child, "a node has exactly one child", where)
    require(forward, "child indices must point forward to existing nodes", where)
    require(features, "split features must be in [0, %d)", where, n_features)


def _check_shape(path, nodes, n_features, node_count, max_depth):
    """A tree whose links hold: no node with two parents, ``max_depth`` its real depth or more."""
    if node_count == 0:
        return
    problem = _shape_problem(nodes["left_child"], nodes["right_child"], np.zeros(1, np.intp),
                             np.array([node_count]), np.array([max_depth]))
    require(problem is None, "%s", (path, "max_depth" if problem and "max_depth" in problem else "nodes"), problem)


def _shape_problem(left, right, starts, counts, max_depths):
    """What is wrong, if anything, with the shape of each tree (concatenated nodes; tree ``t``
    at ``starts[t]``, ``counts[t]`` nodes, links local to it and already known to point
    forward and in range): a node with two parents, or a ``max_depths[t]`` below the tree's
    depth or not below its node count. ``decision_path`` sizes its indicator buffer as
    ``n_samples * (1 + max_depth)`` and writes one entry per node on a sample's path.
    All trees are walked level by level from their roots at once, each node once (a
    node reached twice has two parents): 100 trees of 9,600 nodes, 60 levels, in 30 ms."""
    present = counts > 0
    if (max_depths[present] >= counts[present]).any():
        return "max_depth must be below the node count"
    offsets = np.repeat(starts, counts)
    split = left != TREE_LEAF
    depth = np.zeros(left.shape[0], dtype=np.intp)
    level, frontier, visited = 0, starts[present], 0
    while frontier.size:
        visited += frontier.size
        if visited > left.shape[0]:  # a node reached twice: the child of two nodes (a shared subtree)
            return "a node is the child of two nodes"
        depth[frontier] = level
        frontier = frontier[split[frontier]]
        base = offsets[frontier]
        frontier = np.concatenate([left[frontier] + base, right[frontier] + base])
        level += 1
    deepest = np.maximum.reduceat(depth, starts[present])
    if (deepest > max_depths[present]).any():
        return "max_depth is less than the depth of the tree's nodes (%d)" % deepest.max()
    return None


def _links_valid(left, right, feature, index, node_count, n_features):
    """Whether :func:`_link_checks` passes, in one fused expression: every node is a leaf
    (both children -1) or has both children after it and inside the tree and a feature in
    range. Three passes over the strided node records instead of seven (the node arrays
    of model (a) of issue 5, 7.5 million nodes: 94 -> about 50 ms); a fault is then
    located by :func:`_link_checks`."""
    low, high = np.minimum(left, right), np.maximum(left, right)
    leaf = (high == TREE_LEAF) & (low == TREE_LEAF)
    in_range = feature.view(np.uint64) < np.asarray(n_features).astype(np.uint64)  # negative: huge unsigned
    return bool((leaf | ((low > index) & (high < node_count) & in_range)).all())


def _link_checks(left, right, feature, index, node_count, n_features):
    """Whether every node is a leaf or has two children, whether the children of every
    split point forward to existing nodes, whether every split's feature is in range.
    Whole-array arithmetic, no boolean indexing; ``index``, ``node_count`` and
    ``n_features`` may be per node (trees concatenated)."""
    leaf = left == TREE_LEAF
    nearest = np.where(leaf, node_count, np.minimum(left, right))  # leaves pass the forward test
    split = np.where(leaf, 0, feature)
    return (bool(np.array_equal(leaf, right == TREE_LEAF)),
            bool((nearest > index).all() and (np.maximum(left, right) < node_count).all()),
            bool((split >= 0).all() and (split < n_features).all()))


def n_features_of(state):
    """The number of input features an estimator's state declares, if any."""
    for key in ("n_features_in_", "n_features_"):
        value = state.get(key)
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return int(value)
    return None


def check_tree_inputs(tree_node, state, path, holder=True):
    """A fitted tree must take the features and give the outputs ``state`` declares
    (scikit-learn indexes the tree's predictions by ``n_outputs_``); the estimator
    holding it (``holder``: not an ensemble around it) also picks labels from its
    ``classes_`` by the tree's class index."""
    require(isinstance(tree_node, Node) and tree_node.cls == "sklearn.tree._tree.Tree"
            and isinstance(tree_node.args, list) and len(tree_node.args) == 3, "expected a Tree", path)
    require(all(isinstance(tree_node.args[index], (int, np.integer)) for index in (0, 2)),
            "a Tree's n_features and n_outputs must be integers", path)  # compared below
    n_features = n_features_of(state)
    if n_features is not None:
        require(tree_node.args[0] == n_features,
                "tree expects %r features, its estimator %d", path, tree_node.args[0], n_features)
    n_outputs = state.get("n_outputs_")
    if n_outputs is not None:
        require(tree_node.args[2] == n_outputs,
                "tree has %r outputs, its estimator declares %r", path, tree_node.args[2], n_outputs)
    classes, counts = state.get("classes_"), tree_node.args[1]
    if holder and isinstance(classes, np.ndarray) and isinstance(counts, np.ndarray) and counts.shape == (1,):
        require(classes.shape == (int(counts[0]),),
                "tree has %d classes, its estimator %d", path, int(counts[0]), len(classes))


def check_trees_inputs(trees, states, where, holder=True):
    """:func:`check_tree_inputs` for many trees, ``trees[i]`` held with ``states[i]`` at
    ``where(i)`` (made only for an error). Trees in the common form (Python ints, one
    kind of declaration throughout) are checked field by field across the trees;
    otherwise, or on a fault, each in turn, so the error names the tree."""
    if not _inputs_fit(trees, states, holder):
        for index, (tree, state) in enumerate(zip(trees, states)):
            check_tree_inputs(tree, state, where(index), holder)


def _inputs_fit(trees, states, holder):
    """Whether every tree passes :func:`check_tree_inputs` in the common form, judged column
    by column; False also when the form is uncommon (then the trees are checked one by one)."""
    if not (all_of_type(trees, Node) and {tree.cls for tree in trees} == {_TREE}):
        return False
    args = [tree.args for tree in trees]
    if not (all_of_type(args, list) and set(map(len, args)) == {3}
            and all_of_type([arg[0] for arg in args], int) and all_of_type([arg[2] for arg in args], int)):
        return False
    for key in ("n_features_in_", "n_features_"):  # n_features_of's order
        declared = [state.get(key) for state in states]
        if all_of_type(declared, int):
            if [arg[0] for arg in args] != declared:
                return False
            break
        if not all_of_type(declared, type(None)):
            return False
    outputs = [state.get("n_outputs_") for state in states]
    if not (all_of_type(outputs, type(None)) or all_of_type(outputs, int) and [arg[2] for arg in args] == outputs):
        return False
    if not holder:
        return True
    classes = [state.get("classes_") for state in states]
    if all_of_type(classes, type(None)):
        return True
    for labels, counts in zip(classes, (arg[1] for arg in args)):
        if type(labels) is np.ndarray and type(counts) is np.ndarray:
            if counts.shape == (1,) and labels.shape != (int(counts[0]),):
                return False
        elif isinstance(labels, np.ndarray) and isinstance(counts, np.ndarray):  # subclasses: one by one
            return False
    return True


_TREE = "sklearn.tree._tree.Tree"


def validate_tree_estimator(node, path):
    tree = node_field(node.state, "tree_", join(path, "state"))
    if tree is not None:
        check_tree_inputs(tree, node.state, join(path, "tree_"))


def validate_tree_estimators(items):
    """:func:`validate_tree_estimator` for many ``(node, path)`` (whose states are dicts)."""
    states = [node.state for node, _ in items]
    trees = [state.get("tree_") for state in states]
    if not all_of_type(trees, Node):
        for node, path in items:
            validate_tree_estimator(node, path)
        return
    check_trees_inputs(trees, states, lambda index: join(items[index][1], "tree_"))


validate_tree_estimator.many = validate_tree_estimators
