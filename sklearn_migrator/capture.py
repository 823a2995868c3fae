"""Front end 1: a live estimator -> state tree.

Walks the estimator the way pickle does, asking the registry for the codec of
every object it meets, and refuses anything off the allowlist. Objects shared
by several parents (gradient boosting's trees all hold the same
``RandomState``) stay shared: they become one :class:`Node` referenced from
each place, as pickle's memo would keep them.
"""
from __future__ import annotations

import types

import numpy as np

from .errors import CaptureError, MigratorError
from .registry import CONTAINER_CLASSES, entry_for_class, global_for_object
from .tree import Global, Node, iter_nodes, join, set_item

_SCALARS = frozenset((type(None), bool, int, float, str))
_KEY_TYPES = (bool, int, float, str, type(None), tuple, np.generic)
_STR = frozenset((str,))
# Values that are types or functions: carried by name when allowlisted (registry.GLOBALS).
_REFERENCED = (type, types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.MethodDescriptorType,
               np.ufunc)


class _Capture:
    def __init__(self):
        self.memo = {}

    def value(self, value, path):
        kind = type(value)
        if kind in _SCALARS:
            return value
        if kind is list:
            return [item if type(item) in _SCALARS else self.value(item, "%s[%d]" % (path, i))
                    for i, item in enumerate(value)]
        if kind is tuple:
            return tuple(self.value(item, "%s[%d]" % (path, i)) for i, item in enumerate(value))
        if kind is set or kind is frozenset:
            return kind(_set_item(item, path) for item in value)
        if kind is dict:
            for key in value if not _STR.issuperset(map(type, value)) else ():
                if not isinstance(key, _KEY_TYPES):
                    raise CaptureError("dict key of type %s cannot be exported" % type(key).__name__, path=path)
            return {key: item if type(item) in _SCALARS else self.value(item, join(path, key))
                    for key, item in value.items()}
        if kind is np.ndarray:
            return value if not value.dtype.hasobject else self.array(value, path)
        if isinstance(value, np.generic):
            if value.dtype.kind not in "biufcU":
                raise CaptureError("numpy scalar of dtype %s cannot be exported" % value.dtype, path=path)
            return value
        if isinstance(value, np.dtype):
            return value
        if kind is np.ma.MaskedArray:  # a search's cv_results_: a node of its own codec
            return self.node(value, path)
        if isinstance(value, np.ndarray):
            raise CaptureError("array subclass %s cannot be exported" % kind.__name__, path=path)
        if kind is slice:
            return _slice(value, path)
        if _is_pandas_index(value):
            return np.array(list(value), dtype=object)
        if isinstance(value, _REFERENCED):
            return Global(global_for_object(value, path).name)
        if kind is types.GeneratorType:
            raise CaptureError("a generator cannot be exported: it holds running code, and a search's fit consumed "
                               "its splits", path=path,
                               hint="Refit with cv as a number of folds, a splitter object (KFold(...)) or a list "
                                    "of (train, test) index arrays")
        return self.node(value, path)

    def array(self, array, path):
        if array.dtype != object:
            raise CaptureError("structured arrays holding objects cannot be exported", path=path)
        items = [self.value(item, "%s[%d]" % (path, i)) for i, item in enumerate(array.flat)]
        out = np.empty(len(items), dtype=object)
        for index, item in enumerate(items):
            out[index] = item
        return out.reshape(array.shape)

    def node(self, obj, path):
        known = self.memo.get(id(obj))
        if known is not None:
            return known[1]
        entry = entry_for_class(type(obj), path)
        node = entry.codec.capture(obj, entry)
        self.memo[id(obj)] = (obj, node)  # keep obj alive so its id is not reused
        if node.args is not None:
            node.args = self.value(node.args, join(path, "args"))
        if node.params is not None:
            node.params = {key: item if type(item) in _SCALARS else self.value(item, join(path, key))
                           for key, item in node.params.items()}
        if node.state is not None:
            node.state = self.value(node.state, path)
        return node


def _set_item(item, path):
    """An item of a set (CountVectorizer's ``stop_words_``): a scalar, or a tuple of them."""
    if set_item(item):
        return item
    raise CaptureError("sets may hold only numbers, strings and tuples of them, not %s" % type(item).__name__,
                       path=path)


def _slice(value, path):
    """A slice of int bounds (numpy integers become ints: slicing is the same)."""
    parts = []
    for part in (value.start, value.stop, value.step):
        if part is not None and (isinstance(part, (bool, np.bool_)) or not isinstance(part, (int, np.integer))):
            raise CaptureError("slice bounds must be integers or None, got %r" % (part,), path=path)
        parts.append(None if part is None else int(part))
    return slice(*parts)


def _is_pandas_index(value) -> bool:
    """A plain pandas ``Index`` of labels: ColumnTransformer of 0.20-0.21 keeps the fitted
    frame's columns as one (``_df_columns``) and only takes its length and compares its
    labels, so it is carried as an object array of them (pandas is never needed to read it)."""
    kind = type(value)
    return (kind.__name__ == "Index" and kind.__module__ == "pandas.core.indexes.base"
            and str(getattr(value, "dtype", "")) == "object")


def capture(estimator) -> Node:
    """The state tree of a live estimator (any object of an allowlisted class), or of a
    dict, list or tuple holding estimators at any depth, with plain values beside them."""
    try:
        tree = _Capture().node(estimator, "")
    except MigratorError as error:
        raise error.located(estimator=type(estimator).__name__)
    if tree.cls in CONTAINER_CLASSES and next(iter_nodes(tree.state), None) is None:
        raise CaptureError("the %s holds no scikit-learn estimator" % tree.name, estimator=tree.name,
                           hint="sklearn-migrator exports estimators, alone or in a dict, list or tuple")
    return tree
