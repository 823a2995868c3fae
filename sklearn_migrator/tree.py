"""The state tree: plain data describing a fitted estimator.

A :class:`Node` is an instance of an allowlisted class, named by its canonical
path (see :mod:`sklearn_migrator.registry`). Leaves are JSON scalars, numpy
arrays, scalars and dtypes, slices, and :class:`Global` references to
allowlisted types and functions; containers are lists, tuples, dicts and
object arrays. Both front ends (capturing a live estimator, reading a legacy pickle)
produce this tree, migrations rewrite it, and the builder turns it into live
objects. Nothing in a node is ever called: the registry decides how a class is
constructed.
"""
from __future__ import annotations

import numpy as np


class Node:
    """One object of a known class.

    ``params`` holds constructor parameters (estimators only), ``state`` the
    fitted state handed to ``__setstate__`` (a dict for Python objects, any
    value for compiled ones), ``args`` the positional constructor arguments of
    compiled objects that are rebuilt by calling their class (``None`` when the
    object is created without calling its constructor).
    """

    __slots__ = ("cls", "params", "state", "args")

    def __init__(self, cls: str, params=None, state=None, args=None):
        self.cls = cls
        self.params = params
        self.state = state
        self.args = args

    @property
    def name(self) -> str:
        """The class name without its module (``RandomForestRegressor``)."""
        return self.cls.rsplit(".", 1)[-1]

    def __repr__(self) -> str:
        return "Node(%r)" % self.cls

    def __eq__(self, other) -> bool:
        return (isinstance(other, Node) and self.cls == other.cls and values_equal(self.params, other.params)
                and values_equal(self.state, other.state) and values_equal(self.args, other.args))

    __hash__ = None


class Global:
    """A type or function on the allowlist, referenced by its canonical path: a dtype
    parameter (``numpy.float64``), a score function (``sklearn.feature_selection.f_classif``),
    a ``FunctionTransformer``'s ``func`` (``numpy.log1p``). A leaf of the tree: the
    registry resolves the name when the estimator is built; nothing calls it here."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return "Global(%r)" % self.name

    def __eq__(self, other) -> bool:
        return type(other) is Global and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


def iter_nodes(value, path: str = ""):
    """Yield ``(path, node)`` for every distinct node in ``value``, parents first.

    A node shared by several parents is yielded once, at its first path.
    """
    seen = set()
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        kind = type(value)
        if kind is Node:
            if id(value) in seen:
                continue
            seen.add(id(value))
            yield path, value
            for key, child in (("state", value.state), ("params", value.params), ("args", value.args)):
                if may_hold_nodes(child):
                    stack.append((join(path, key) if key == "args" else path, child))
        elif kind is dict:
            stack.extend([(join(path, key), child) for key, child in value.items()
                          if type(child) not in SCALARS and may_hold_nodes(child)][::-1])
        else:
            items = value.ravel().tolist() if kind is np.ndarray else value
            stack.extend([("%s[%d]" % (path, index), item) for index, item in enumerate(items)
                          if type(item) not in SCALARS and may_hold_nodes(item)][::-1])


_HOLDERS = frozenset((Node, dict, list, tuple))
#: JSON scalar types: walks over large state dicts skip these with one set lookup.
SCALARS = frozenset((type(None), bool, int, float, str))


def set_item(item) -> bool:
    """Whether ``item`` may be an item of a set in a state tree: a JSON scalar, or a tuple of them."""
    return type(item) in SCALARS or (type(item) is tuple and all(type(part) in SCALARS for part in item))


def may_hold_nodes(value):
    """Whether ``value`` is a node or a container that may hold one (dict, list, tuple,
    object array)."""
    kind = type(value)
    return kind in _HOLDERS or (kind is np.ndarray and value.dtype.kind == "O")


def rebuild(value, path: str, convert, kind=Node):
    """``value`` with every instance of ``kind`` inside its containers (dicts, lists,
    tuples, object arrays) replaced by ``convert(obj, path)``; containers are copied,
    everything else (numbers, strings, numeric arrays) is kept as it is."""
    if isinstance(value, kind):
        return convert(value, path)
    container = type(value)
    if container is dict:
        out = dict(value)
        for key, item in value.items():
            if type(item) not in SCALARS and may_change(item, kind):
                out[key] = rebuild(item, join(path, key), convert, kind)
        return out
    if container is list or container is tuple:
        out = [rebuild(item, "%s[%d]" % (path, i), convert, kind)
               if type(item) not in SCALARS and may_change(item, kind) else item for i, item in enumerate(value)]
        return out if container is list else tuple(out)
    if container is np.ndarray and value.dtype.kind == "O":
        out = np.empty(value.size, dtype=object)
        for index, item in enumerate(value.ravel().tolist()):  # item by item: a list item must not broadcast
            out[index] = rebuild(item, "%s[%d]" % (path, index), convert, kind) if may_change(item, kind) else item
        return out.reshape(value.shape)
    return value


def may_change(item, kind):
    """Whether a rebuild may change ``item``: it may hold nodes or is an instance of ``kind``
    (judged in one call: a boosted model's 900 trees hold 5,400 arrays and nodes to judge)."""
    leaf = type(item)
    if leaf is np.ndarray:
        return item.dtype.kind == "O"
    return leaf in _HOLDERS or isinstance(item, kind)


_NONE = object()


class MemoizedRebuild:
    """Rebuilds a value, converting each instance of ``kind`` once: an object
    shared by several parents becomes one converted object shared the same way.
    Subclasses define ``convert(obj, path)``."""

    kind = Node

    def __init__(self):
        self.memo = {}

    def value(self, value, path):
        return rebuild(value, path, self.node, self.kind)

    def node(self, obj, path):
        converted = self.memo.get(id(obj), _NONE)
        if converted is _NONE:
            converted = self.memo[id(obj)] = self.convert(obj, path)
        return converted

    def convert(self, obj, path):
        raise NotImplementedError


def all_of_type(values, kind) -> bool:
    """Whether there are values and each is exactly of type ``kind``, not of a subclass
    (``True`` is no int here); one pass in C, for checks made across many items."""
    return set(map(type, values)) == {kind}


def join(path: str, key) -> str:
    """The path of field ``key`` below ``path``."""
    return "%s.%s" % (path, key) if path else str(key)


def values_equal(a, b) -> bool:
    """Structural equality of two state-tree values, bit for bit for arrays."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype == object:
            return all(values_equal(x, y) for x, y in zip(a.flat, b.flat))
        return np.ascontiguousarray(a).tobytes() == np.ascontiguousarray(b).tobytes()
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return np.float64(a).tobytes() == np.float64(b).tobytes()
    if isinstance(a, np.generic):
        return a.dtype == b.dtype and a.tobytes() == b.tobytes()
    return a == b
