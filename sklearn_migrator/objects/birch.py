"""Birch: an estimator whose fitted state is a CF tree of Python objects.

Birch keeps ``root_``, a tree of ``_CFNode`` objects, each holding a list of
``_CFSubcluster`` objects whose ``child_`` is the next level, and
``dummy_leaf_``, an empty node heading a list of the leaves linked both ways
(``prev_leaf_``/``next_leaf_``): ``partial_fit`` inserts into the tree and
reads the leaves back from that list. The graph has cycles, which a state
tree cannot hold, so this codec stores the two attributes as one table,
``cf_tree_``: node 0 is ``dummy_leaf_``, node 1 is ``root_``, then every other
node reached from them; each node's fields, its subclusters (listed node by
node, ``n_subclusters`` per node) and its leaf links as node indices (-1 for
None); each subcluster's fields and its ``child_`` as a node index.

A node's ``centroids_`` and ``squared_norm_`` are views of the first rows of
``init_centroids_`` and ``init_sq_norm_`` (``_CFNode.append_subcluster``), which
insertion updates in place, so they are not stored: the build makes the views
again. (Pickle stores them as copies, so an unpickled Birch reads stale
centroids in ``partial_fit``; a rebuilt one does not.)

The CF tree has the same layout in every release from 0.20 to 1.9 (1.2 only
made its arrays follow the input's dtype), so no migration step touches it.
"""
from __future__ import annotations

import importlib

import numpy as np

from ..errors import CaptureError
from ..tree import Node, join
from ._state import as_int, field, require
from .estimator import EstimatorCodec

CF_TREE = "cf_tree_"
_NODE, _SUBCLUSTER = "_CFNode", "_CFSubcluster"
_NODE_SCALARS = ("threshold", "branching_factor", "is_leaf", "n_features")
_NODE_ARRAYS = ("init_centroids_", "init_sq_norm_")
_NODE_LINKS = ("prev_leaf_", "next_leaf_")
_NODE_FIELDS = frozenset(_NODE_SCALARS + _NODE_ARRAYS + _NODE_LINKS + ("subclusters_", "centroids_", "squared_norm_"))
_SUBCLUSTER_VALUES = ("n_samples_", "linear_sum_", "squared_sum_", "centroid_", "sq_norm_")
_SUBCLUSTER_FIELDS = frozenset(_SUBCLUSTER_VALUES + ("child_",))
#: The columns of ``cf_tree_``: node indices are int64 arrays, the other columns lists.
_INDICES = _NODE_LINKS + ("n_subclusters",)
_NODE_COLUMNS = _NODE_SCALARS + _NODE_ARRAYS + _INDICES
_SUBCLUSTER_COLUMNS = _SUBCLUSTER_VALUES + ("child_",)


def flatten(state, fields_of, path, error=CaptureError):
    """``state`` with ``root_`` and ``dummy_leaf_`` replaced by the ``cf_tree_`` table.

    ``fields_of(obj, kind)`` returns the attribute dict of a CF node or subcluster
    (``kind`` is ``"_CFNode"`` or ``"_CFSubcluster"``) and raises ``error`` for
    anything else: live objects and a pickle's inert records are read alike.
    ``error`` is what a malformed tree raises: CaptureError for a live estimator,
    DocumentError for a file.
    """
    if "root_" not in state and "dummy_leaf_" not in state:
        return state
    if "root_" not in state or "dummy_leaf_" not in state:
        raise error("Birch holds only one of root_ and dummy_leaf_", path=path)
    nodes = [state["dummy_leaf_"], state["root_"]]
    index = {id(nodes[0]): 0}
    if id(nodes[1]) in index:
        raise error("Birch's root_ is its dummy_leaf_", path=join(path, "root_"))
    index[id(nodes[1])] = 1

    def number(obj):
        if obj is None:
            return -1
        if id(obj) not in index:
            index[id(obj)] = len(nodes)
            nodes.append(obj)
        return index[id(obj)]

    columns = {name: [] for name in _NODE_COLUMNS}
    subclusters = {name: [] for name in _SUBCLUSTER_COLUMNS}
    position = 0
    while position < len(nodes):  # breadth first: nodes are numbered as they are met
        where = "%s[%d]" % (join(path, CF_TREE), position)
        fields = fields_of(nodes[position], _NODE)
        _check_fields(fields, _NODE_FIELDS, ("centroids_",), _NODE, where, error)
        for name in _NODE_SCALARS + _NODE_ARRAYS:
            columns[name].append(fields[name])
        for name in _NODE_LINKS:
            columns[name].append(number(fields[name]))
        members = fields["subclusters_"]
        if not isinstance(members, list):
            raise error("a CF node's subclusters_ must be a list", path=where)
        columns["n_subclusters"].append(len(members))
        for member in members:
            values = fields_of(member, _SUBCLUSTER)
            _check_fields(values, _SUBCLUSTER_FIELDS, (), _SUBCLUSTER, where, error)
            for name in _SUBCLUSTER_VALUES:
                subclusters[name].append(values[name])
            subclusters["child_"].append(number(values["child_"]))
        position += 1
    for name in _INDICES:
        columns[name] = np.array(columns[name], dtype=np.int64)
    subclusters["child_"] = np.array(subclusters["child_"], dtype=np.int64)
    tree = {"nodes": columns, "subclusters": subclusters}
    return {(CF_TREE if key == "root_" else key): (tree if key == "root_" else value)
            for key, value in state.items() if key != "dummy_leaf_"}


def _check_fields(fields, known, optional, kind, path, error):
    if not isinstance(fields, dict) or set(fields) - known or known - set(fields) - set(optional):
        found = sorted(fields) if isinstance(fields, dict) else type(fields).__name__
        raise error("a %s holds attributes %s; sklearn-migrator knows %s" % (kind, found, sorted(known)),
                    path=path, hint="A release newer than sklearn-migrator changed Birch's CF tree; "
                                    "report it as an issue")


def _live_fields(module):
    """``fields_of`` for live objects of ``module`` (where the Birch class lives)."""
    def fields_of(obj, kind):
        if type(obj) is not getattr(module, kind, None):
            raise CaptureError("expected a %s in Birch's CF tree, found %s" % (kind, type(obj).__name__))
        return obj.__dict__
    return fields_of


class BirchCodec(EstimatorCodec):
    """Birch's params and fitted attributes, its CF tree as the ``cf_tree_`` table."""

    def capture(self, obj, entry):
        node = super().capture(obj, entry)
        node.state = flatten(node.state, _live_fields(importlib.import_module(type(obj).__module__)), "")
        return node

    def check(self, node, path):
        super().check(node, path)
        if CF_TREE in node.state:
            _validate_tree(node.state, path)
        require(not {"root_", "dummy_leaf_"} & set(node.state), "Birch's CF tree must be stored as cf_tree_",
                join(path, "state"))

    def build(self, cls, node, path):
        tree = node.state.get(CF_TREE)
        if tree is None:
            return super().build(cls, node, path)
        module = importlib.import_module(cls.__module__)
        dummy, root = _unflatten(tree, getattr(module, _NODE), getattr(module, _SUBCLUSTER))
        state = {}
        for key, value in node.state.items():
            if key == CF_TREE:
                state["root_"], state["dummy_leaf_"] = root, dummy
            else:
                state[key] = value
        return super().build(cls, Node(node.cls, params=node.params, state=state), path)


def _validate_tree(state, path):
    """What partial_fit needs to terminate: a tree below the root, and the leaf list
    from the dummy leaf linked consistently both ways (so it cannot loop)."""
    where = join(path, CF_TREE)
    tree = state[CF_TREE]
    require(isinstance(tree, dict) and set(tree) == {"nodes", "subclusters"},
            "cf_tree_ must hold nodes and subclusters", where)
    nodes, subclusters = tree["nodes"], tree["subclusters"]
    require(isinstance(nodes, dict) and set(nodes) == set(_NODE_COLUMNS), "cf_tree_ nodes must hold %s",
            join(where, "nodes"), ", ".join(_NODE_COLUMNS))
    require(isinstance(subclusters, dict) and set(subclusters) == set(_SUBCLUSTER_FIELDS),
            "cf_tree_ subclusters must hold %s", join(where, "subclusters"), ", ".join(sorted(_SUBCLUSTER_FIELDS)))
    counts = field(nodes, "n_subclusters", join(where, "nodes"), kinds="i", ndim=1)
    n_nodes = counts.shape[0]
    require(n_nodes >= 2, "cf_tree_ needs the dummy leaf and the root", join(where, "nodes"))
    for name in _NODE_COLUMNS:
        require(isinstance(nodes[name], (list, np.ndarray)) and len(nodes[name]) == n_nodes,
                "every node field needs one entry per node", (join(where, "nodes"), name))
    children = field(subclusters, "child_", join(where, "subclusters"), kinds="i", ndim=1)
    n_subclusters = children.shape[0]
    require(bool(((counts >= 0) & (counts <= n_subclusters)).all()) and int(counts.sum()) == n_subclusters,
            "n_subclusters must count the subclusters node by node", join(join(where, "nodes"), "n_subclusters"))
    for name in _SUBCLUSTER_VALUES:
        require(isinstance(subclusters[name], list) and len(subclusters[name]) == n_subclusters,
                "every subcluster field needs one entry per subcluster", (join(where, "subclusters"), name))

    linked = children[children >= 0]
    require(bool(((children >= 2) | (children == -1)).all()) and bool((children < n_nodes).all())
            and np.unique(linked).size == linked.size,
            "each subcluster's child_ must be a node of its own (never the root or the dummy leaf)",
            join(join(where, "subclusters"), "child_"))
    prev, following = (field(nodes, name, join(where, "nodes"), kinds="i", ndim=1) for name in _NODE_LINKS)
    for links in (prev, following):
        require(bool(((links >= -1) & (links < n_nodes)).all()), "leaf links must be node indices or -1",
                join(where, "nodes"))
    ahead, behind = np.flatnonzero(following >= 0), np.flatnonzero(prev >= 0)
    require(prev[0] == -1 and bool((prev[following[ahead]] == ahead).all())
            and bool((following[prev[behind]] == behind).all()),
            "the leaf list must be linked both ways, starting at the dummy leaf", join(where, "nodes"))

    n_features = as_int(nodes["n_features"][0], "n_features", join(join(where, "nodes"), "n_features"), minimum=1)
    if "n_features_in_" in state:
        declared = as_int(state["n_features_in_"], "n_features_in_", join(path, "n_features_in_"))
        require(declared == n_features, "the CF tree has %d features, n_features_in_ says %d", where, n_features,
                declared)
    for i, count in enumerate(counts.tolist()):
        _validate_node(nodes, i, count, n_features, join(where, "nodes"))
    for name in ("linear_sum_", "centroid_"):
        for i, value in enumerate(subclusters[name]):
            require(isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.shape == (n_features,),
                    "subcluster %d's %s must be a float array of one entry per feature",
                    (join(where, "subclusters"), name), i, name)


def _validate_node(nodes, i, count, n_features, path):
    branching = as_int(nodes["branching_factor"][i], "branching_factor", (path, "branching_factor"), minimum=1)
    width = as_int(nodes["n_features"][i], "n_features", (path, "n_features"), minimum=1)
    require(width == n_features, "node %d has %d features, the dummy leaf %d", path, i, width, n_features)
    centroids, norms = nodes["init_centroids_"][i], nodes["init_sq_norm_"][i]
    require(isinstance(centroids, np.ndarray) and centroids.dtype.kind == "f"
            and centroids.shape == (branching + 1, width), "node %d's init_centroids_ must be a float array of "
            "shape (branching_factor + 1, n_features)", (path, "init_centroids_"), i)
    require(isinstance(norms, np.ndarray) and norms.dtype.kind == "f" and norms.shape == (branching + 1,),
            "node %d's init_sq_norm_ must be a float array of branching_factor + 1 entries",
            (path, "init_sq_norm_"), i)
    require(count <= branching + 1, "node %d holds more subclusters than its arrays have rows",
            (path, "n_subclusters"), i)


def _writable(array):
    """Insertion updates a node's arrays and a subcluster's sums in place."""
    return array if array.flags.writeable else array.copy()


def _unflatten(tree, node_class, subcluster_class):
    """``(dummy_leaf_, root_)``: the CF objects of the installed release, linked as the table says."""
    nodes, table = tree["nodes"], tree["subclusters"]
    objects = [node_class.__new__(node_class) for _ in range(len(nodes["n_subclusters"]))]
    members = []
    for j, child in enumerate(table["child_"].tolist()):
        member = subcluster_class.__new__(subcluster_class)
        member.__dict__.update((name, table[name][j]) for name in _SUBCLUSTER_VALUES)
        member.linear_sum_ = _writable(member.linear_sum_)
        member.child_ = objects[child] if child >= 0 else None
        members.append(member)
    start = 0
    links = [nodes[name].tolist() for name in _NODE_LINKS]
    for i, (obj, count) in enumerate(zip(objects, nodes["n_subclusters"].tolist())):
        fields = obj.__dict__
        fields.update((name, nodes[name][i]) for name in _NODE_SCALARS)
        fields["subclusters_"] = members[start:start + count]
        start += count
        centroids, norms = _writable(nodes["init_centroids_"][i]), _writable(nodes["init_sq_norm_"][i])
        fields.update(init_centroids_=centroids, init_sq_norm_=norms, squared_norm_=norms[:count] if count else [])
        fields.update((name, objects[link[i]] if link[i] >= 0 else None) for name, link in zip(_NODE_LINKS, links))
        if count:
            fields["centroids_"] = centroids[:count]
    return objects[0], objects[1]
