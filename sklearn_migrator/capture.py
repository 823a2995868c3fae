"""Front end 1: a live estimator -> state tree.

Walks the estimator the way pickle does, asking the registry for the codec of
every object it meets, and refuses anything off the allowlist. Objects shared
by several parents (gradient boosting's trees all hold the same
``RandomState``) stay shared: they become one :class:`Node` referenced from
each place, as pickle's memo would keep them.
"""
from __future__ import annotations

import numpy as np

from .errors import CaptureError, MigratorError
from .registry import entry_for_class
from .tree import Node, join

_SCALARS = frozenset((type(None), bool, int, float, str))
_KEY_TYPES = (bool, int, float, str, type(None), tuple, np.generic)
_STR = frozenset((str,))


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
        if isinstance(value, np.ndarray):
            raise CaptureError("array subclass %s cannot be exported" % kind.__name__, path=path)
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


def capture(estimator) -> Node:
    """The state tree of a live estimator (any object of an allowlisted class)."""
    try:
        return _Capture().node(estimator, "")
    except MigratorError as error:
        raise error.located(estimator=type(estimator).__name__)
