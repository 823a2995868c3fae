"""Compiled (Cython) objects, rebuilt from the reduction pickle would use.

Three reductions occur in scikit-learn, and the node records which one by its
shape (the class itself always comes from the allowlist, never the document):

* ``(cls, args[, state])``: ``Tree``, Cython losses. Node ``args`` is a list;
  the object is rebuilt as ``cls(*args)``, then given ``state``.
* ``(newObj, (cls,), state)``: ``KDTree``, ``BallTree``, distance metrics.
  Node ``args`` is None; rebuilt as ``cls.__new__(cls)`` then ``__setstate__``.
* ``(__pyx_unpickle_<cls>, (cls, checksum, state))``: Cython's automatic
  pickling (``CyHalfMultinomialLoss``). Node ``args`` is None; rebuilt as
  ``cls.__new__(cls)`` then ``__setstate_cython__(state)``.
* ``(copyreg.__newobj__, (cls, *fields))`` without state: named tuples
  (``DistributionBoundary``). Node ``args`` is the fields; rebuilt as ``cls(*args)``.

Constructor args and state must be plain data (scalars, arrays, tuples or
nested allowlisted objects); a validator registered for the class checks them
before construction.
"""
from __future__ import annotations

import copyreg

import numpy as np

from ..errors import CaptureError, DocumentError, StateValidationError
from ..tree import Node, join
from ._state import CheckedCodec

_PLAIN_ARG_TYPES = (bool, int, float, str, np.ndarray, np.generic)


class CompiledCodec(CheckedCodec):

    def capture(self, obj, entry):
        reduced = obj.__reduce_ex__(2)
        func, reduce_args = reduced[0], tuple(reduced[1])
        state = reduced[2] if len(reduced) > 2 else None
        if func is type(obj):
            return Node(entry.name, args=list(reduce_args), state=state)
        if func is copyreg.__newobj__ and isinstance(obj, tuple) and reduce_args[:1] == (type(obj),) and state is None:
            return Node(entry.name, args=list(reduce_args[1:]))
        name = getattr(func, "__name__", "")
        if reduce_args[:1] == (type(obj),) and name == "newObj" and len(reduce_args) == 1:
            return Node(entry.name, state=state)
        if reduce_args[:1] == (type(obj),) and name.startswith("__pyx_unpickle_") and len(reduce_args) == 3:
            return Node(entry.name, state=reduce_args[2] if reduce_args[2] is not None else state)
        raise CaptureError("%s reduces through %r, which sklearn-migrator does not know" % (entry.name, name))

    def check(self, node, path):
        if node.params is not None:
            raise DocumentError("%s takes no params" % node.name, path=path)
        if node.args is not None:
            if not isinstance(node.args, list):
                raise DocumentError("args must be a list", path=join(path, "args"))
            for index, arg in enumerate(node.args):
                if arg is not None and not isinstance(arg, _PLAIN_ARG_TYPES):
                    raise StateValidationError("constructor arguments must be plain data, got %s"
                                               % type(arg).__name__, path="%s.args[%d]" % (path, index))

    def build(self, cls, node, path):
        obj = cls(*node.args) if node.args is not None else cls.__new__(cls)
        if node.state is None:
            return obj
        setstate = getattr(obj, "__setstate__", None) or getattr(obj, "__setstate_cython__", None)
        if setstate is None:
            raise StateValidationError("%s takes no state" % cls.__name__, path=join(path, "state"))
        setstate(node.state)
        return obj
