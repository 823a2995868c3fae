"""Shared helpers for codecs: reading pickle-style state, checking decoded state."""
from __future__ import annotations

import copyreg

import numpy as np

from ..errors import CaptureError, StateValidationError
from ..tree import Node, join


class CheckedCodec:
    """A codec whose own checks of a node (``check(node, path)``) come before those of the
    class's validator. A validator with a ``many`` attribute is given all the nodes of
    its class at once (the trees of a forest), to check them field by field."""

    def __init__(self, validator=None):
        self.validator = validator

    def validate(self, node, path):
        self.check(node, path)
        if self.validator is not None:
            self.validator(node, path)
        self.check_after(node, path)

    def validate_all(self, items):
        """:meth:`validate` for many ``(node, path)``."""
        many = getattr(self.validator, "many", None)
        if many is None:
            for node, path in items:
                self.validate(node, path)
            return
        for node, path in items:
            self.check(node, path)
        many(items)
        for node, path in items:
            self.check_after(node, path)

    def check(self, node, path):
        raise NotImplementedError

    def check_after(self, node, path):
        """Checks that come after the class's validator (whose messages are the more specific)."""


def newobj_state(obj):
    """The state pickle would store for ``obj`` created by ``cls.__new__(cls)``.

    Uses ``__reduce_ex__(2)`` exactly as pickle does, and refuses objects whose
    reduction is anything but "new object of this class, then set this state".
    """
    reduced = obj.__reduce_ex__(2)
    if (not isinstance(reduced, tuple) or len(reduced) < 2 or reduced[0] is not copyreg.__newobj__
            or tuple(reduced[1]) != (type(obj),) or any(part is not None for part in reduced[3:])):
        raise CaptureError("%s reduces to an unsupported pickle form" % type(obj).__name__)
    state = reduced[2] if len(reduced) > 2 else None
    if state is not None and not isinstance(state, dict):
        raise CaptureError("%s has non-dict state (%s)" % (type(obj).__name__, type(state).__name__))
    return state


def apply_state(obj, state, path):
    """Set ``state`` on a fresh object the way pickle's BUILD opcode does."""
    if state is None:
        return obj
    setstate = getattr(obj, "__setstate__", None)
    if setstate is not None:
        setstate(state)
    elif isinstance(state, dict):
        obj.__dict__.update(state)
    else:
        raise StateValidationError("%s takes no state of type %s" % (type(obj).__name__, type(state).__name__),
                                   path=path)
    return obj


def require(condition, message, path, *args):
    """Raise a StateValidationError at ``path`` unless ``condition`` holds (the message
    is ``message % args``, formatted only then: checks run once per node of large ensembles;
    a ``(path, key)`` pair is joined only then too)."""
    if not condition:
        raise StateValidationError(message % args if args else message,
                                   path=join(*path) if type(path) is tuple else path)


def field(state, key, path, kinds=None, ndim=None, dtype=None, required=True):
    """Fetch ``state[key]`` and check it: array kinds (``"iuf"``), dimensions, exact dtype."""
    require(isinstance(state, dict), "expected a dict of fitted state", path)
    if key not in state:
        require(not required, "required field %r is missing", join(path, key), key)
        return None
    value = state[key]
    problem = _array_problem(value, kinds, ndim, dtype)
    if problem is not None:
        message, args = problem
        require(False, message, join(path, key), *args)
    return value


def _array_problem(value, kinds, ndim, dtype):
    """``(message, args)`` saying why ``value`` fails :func:`field`'s array checks, or None
    (the message is formatted only when raised: checks run once per node of large ensembles)."""
    if kinds is None and ndim is None and dtype is None:
        return None
    if not isinstance(value, np.ndarray):
        return "expected an array, got %s", (type(value).__name__,)
    if kinds is not None and value.dtype.kind not in kinds:
        return "unexpected dtype %s", (value.dtype,)
    if dtype is not None and value.dtype != dtype:
        return "expected dtype %s, got %s", (np.dtype(dtype), value.dtype)
    if ndim is not None and value.ndim != ndim:
        return "expected %d dimensions, got shape %s", (ndim, value.shape)
    return None


def as_int(value, what, path, minimum=None):
    """``value`` as a Python int (ints and integer numpy scalars only)."""
    if type(value) is not int:
        require(isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)),
                "%s must be an integer, got %r", path, what, type(value).__name__)
        value = int(value)
    require(minimum is None or value >= minimum, "%s must be >= %d, got %d", path, what, minimum, value)
    return value


def node_field(state, key, path, required=False):
    """Fetch a nested node from ``state`` (None when absent and not required)."""
    value = field(state, key, path, required=required)
    require(value is None or isinstance(value, Node), "expected a nested object", join(path, key))
    return value
