"""Pickles written by Python 2: told by their first string, their text arrays made text again.

Python 2 pickles its ``str`` with the STRING opcodes (``S``, ``T``, ``U``), which Python 3
never writes (its ``str`` is UNICODE, its ``bytes`` BINBYTES or, in protocols 0-2, a call of
``_codecs.encode``); the first string in a stream (an estimator's first attribute name, a
dict's first key) says which Python wrote it. The reader decodes Python 2 strings as
latin-1 text, as ``pickle.load(..., encoding="latin1")`` does. A numpy array of Python 2
``str`` (dtype ``S``: string class labels, categories) is text as well, so in a Python 2
file such arrays become ``U`` arrays, decoded as UTF-8 where every item is valid UTF-8 and
as latin-1 otherwise: labels fitted as ``"yes"`` under Python 2 predict ``"yes"``, as a
model fitted under Python 3 would, not ``b"yes"``.
"""
from __future__ import annotations

import io
import pickletools

import numpy as np

from ..tree import iter_nodes

_PYTHON2_STRINGS = frozenset(("STRING", "BINSTRING", "SHORT_BINSTRING"))
_PYTHON3_STRINGS = frozenset(("UNICODE", "BINUNICODE", "SHORT_BINUNICODE", "BINUNICODE8", "BINBYTES",
                              "SHORT_BINBYTES", "BINBYTES8"))


def written_by_python2(head: bytes) -> bool:
    """Whether the pickle stream starting with ``head`` was written by Python 2."""
    try:
        for opcode, _, _ in pickletools.genops(io.BytesIO(head)):
            if opcode.name in _PYTHON2_STRINGS:
                return True
            if opcode.name in _PYTHON3_STRINGS:
                return False
    except Exception:  # the head ends inside an opcode, or is not a pickle (the reader says so)
        pass
    return False


def text_arrays(tree):
    """Make every ``S`` array in the state tree's nodes a ``U`` array, in place."""
    for _, node in list(iter_nodes(tree)):
        for part in ("params", "state", "args"):
            value = getattr(node, part)
            if value is not None:
                setattr(node, part, _texts(value))
    return tree


def _texts(value):
    """``value`` with its ``S`` arrays (in dicts, lists and tuples too) made text; nodes are left
    to :func:`text_arrays`."""
    kind = type(value)
    if kind is np.ndarray:
        return _text(value) if value.dtype.kind == "S" else value
    if kind is dict:
        return {key: _texts(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return kind(_texts(item) for item in value)
    return value


def _text(array):
    items = array.ravel().tolist()
    try:
        decoded = [item.decode("utf-8") for item in items]
    except UnicodeDecodeError:
        decoded = [item.decode("latin-1") for item in items]
    return np.array(decoded, dtype="U%d" % max(1, array.dtype.itemsize)).reshape(array.shape)
