"""State tree <-> JSON values.

JSON has no tuples, non-string keys, NaN, numpy types or shared objects, so
those are written as small tagged objects whose only or first key starts with
``__`` (the full list is in ``docs/format.md``). Plain dicts whose keys are all
strings not starting with ``__`` are written as they are, so most of a
document reads like the estimator's attributes.

A node referenced from several places is written once with an ``"__id__"``
and then as ``{"__ref__": id}``; a reference may only point back to a node
that is already complete, so a document can never describe a cycle.
"""
from __future__ import annotations

import numpy as np

from . import columns, limits, packing
from .arrays import (ARRAY_MODES, decode_array, decode_dtype, decode_float, decode_scalar, encode_array,
                     encode_dtype, encode_float, encode_scalar, size_of)
from .errors import DocumentError
from .registry import global_for_name
from .tree import SCALARS, Global, Node, join, may_hold_nodes, set_item

_NODE_KEYS = {"__class__", "__id__", "params", "args", "state"}
_AS_IS = frozenset((type(None), bool, str, int))  # JSON values as they are


class Encoder:
    """Encodes one state tree; ``arrays`` is one of ``ARRAY_MODES``; ``streamed``
    leaves base64 data as raw bytes for ``jsonio.write_document``."""

    def __init__(self, arrays: str = "auto", streamed: bool = False):
        if arrays not in ARRAY_MODES:
            raise ValueError("arrays must be one of %s, got %r" % (", ".join(ARRAY_MODES), arrays))
        self.arrays = arrays
        self.streamed = streamed
        self.references = {}
        self.ids = {}
        self.shared_seen = 0  # how often a shared node was written, in full or as a reference
        self.column_scope = None  # see columns.pack

    def encode_tree(self, tree):
        self.references = {}
        for node in _node_references(tree):
            self.references[id(node)] = self.references.get(id(node), 0) + 1
        self.ids = {}
        return self.encode(tree)

    def encode(self, value):
        kind = type(value)
        if kind in _AS_IS:
            return value
        if kind is float:
            return encode_float(value)
        if kind is list:
            if self.arrays != "list" and packing.worth_packing(value):
                return {"__packed__": self.pack(value), "count": len(value)}
            return [self.encode(item) for item in value]
        if kind is dict:
            if all(type(key) is str and not key.startswith("__") for key in value):
                return {key: item if type(item) in _AS_IS else self.encode(item) for key, item in value.items()}
            return {"__dict__": [[self.encode(key), self.encode(item)] for key, item in value.items()]}
        if kind is Node:
            return self.node(value)
        if kind is tuple:
            return {"__tuple__": [self.encode(item) for item in value]}
        if kind is set or kind is frozenset:  # in a fixed order: a set's own changes with string hashing
            return {_SET_TAGS[kind]: [self.encode(item) for item in sorted(value, key=_set_order)]}
        if kind is np.ndarray:
            if value.dtype == object and self.arrays != "list" and value.flags.c_contiguous:
                items = list(value.flat)
                if packing.worth_packing(items):
                    return {"__ndarray__": "|O", "shape": list(value.shape), "packed": self.pack(items)}
            return encode_array(value, self.arrays, self.encode, self.streamed)
        if isinstance(value, np.generic):
            return encode_scalar(value)
        if isinstance(value, np.dtype):
            return {"__dtype__": encode_dtype(value)}
        if kind is Global:
            return {"__global__": value.name}
        if kind is slice:
            return {"__slice__": [value.start, value.stop, value.step]}
        raise TypeError("cannot encode a value of type %s" % kind.__name__)

    def pack(self, items):
        """The packed column of ``items`` (see :mod:`~sklearn_migrator.packing`)."""
        saved = self.arrays, self.streamed
        self.arrays, self.streamed = "base64", True  # raw bytes, so that arrays can be concatenated
        try:
            column = columns.pack(self, items)
        finally:
            self.arrays, self.streamed = saved
        return column if self.streamed else packing.materialize(column)

    def node(self, node):
        ident = self.ids.get(id(node))
        if ident is not None:
            self.shared_seen += 1
            return {"__ref__": ident}
        out = {"__class__": node.cls}
        if self.references.get(id(node), 1) > 1:
            self.shared_seen += 1
            ident = self.ids[id(node)] = len(self.ids) + 1
            out["__id__"] = ident
        if node.params is not None:
            out["params"] = {key: item if type(item) in _AS_IS else self.encode(item)
                             for key, item in node.params.items()}
        if node.args is not None:
            out["args"] = [self.encode(item) for item in node.args]
        if node.state is not None:
            out["state"] = self.encode(node.state)
        return out


_SET_TAGS = {set: "__set__", frozenset: "__frozenset__"}


def _set_order(item):
    kind = type(item)
    return (kind.__name__, item) if kind is str or kind is int or kind is float else (kind.__name__, repr(item))


def _node_references(value):
    """Every reference to a node in ``value`` (a shared node once per reference)."""
    expanded = set()
    stack = [value] if may_hold_nodes(value) else []
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is Node:
            yield item
            if id(item) in expanded:
                continue
            expanded.add(id(item))
            children = (item.args, item.params, item.state)
        else:
            children = item.values() if kind is dict else item.ravel().tolist() if kind is np.ndarray else item
        stack.extend([child for child in children if type(child) not in SCALARS and may_hold_nodes(child)])


class Decoder:
    """Decodes the JSON form of one state tree, checking every field. ``cut`` holds
    the long strings ``jsonio.parse_document`` kept out of the parsed value."""

    def __init__(self, cut=None):
        self.nodes = {}
        self.cut = cut

    def decode(self, value, path=""):
        kind = type(value)
        if kind is packing.Decoded:  # an array of a packed column, decoded with its neighbours
            return value.array
        if kind is str and self.cut is not None:
            return self.cut.text(value, path)
        if value is None or kind is bool or kind is str or kind is int or kind is float:
            return value
        if kind is list:
            return [self.decode(item, "%s[%d]" % (path, i)) for i, item in enumerate(value)]
        if kind is not dict:
            raise DocumentError("unexpected JSON value of type %s" % kind.__name__, path=path or None)
        if "__class__" in value:
            return self.node(value, path)
        if len(value) == 1 and "__ref__" in value:  # the 900 trees of a boosted model share one RandomState
            return self.ref(value["__ref__"], path)
        tags = [key for key in value if key.startswith("__")] if all(type(k) is str for k in value) else [None]
        if not tags:
            return {key: self.decode(item, join(path, key)) for key, item in value.items()}
        tag = tags[0]
        if tag == "__ndarray__":
            return self.array(value, path) if "packed" not in value else self.packed_array(value, path)
        if tag == "__packed__" and set(value) == {"__packed__", "count"}:
            return self.unpack(value["__packed__"], packing.check_count(value["count"], path), path)
        if len(value) == 1 and tag in _SIMPLE_TAGS:
            return _SIMPLE_TAGS[tag](self, value[tag], path)
        if tag == "__scalar__":
            return decode_scalar(value, path)
        if tag == "__float__":
            return decode_float(value, path)
        raise DocumentError("unknown or malformed tagged value %r" % (tag,), path=path or None)

    def node(self, value, path):
        unknown = set(value) - _NODE_KEYS
        cls = value["__class__"]
        if unknown or not isinstance(cls, str):
            raise DocumentError("malformed object (unexpected keys %s)" % sorted(unknown), path=path or None)
        params = value.get("params")
        if params is not None and (type(params) is not dict or any(k.startswith("__") for k in params)):
            raise DocumentError("params must be a JSON object of parameter names", path=join(path, "params"))
        args = value.get("args")
        if args is not None and type(args) is not list:
            raise DocumentError("args must be a list", path=join(path, "args"))
        node = Node(cls,
                    params=None if params is None else {k: self.decode(v, join(path, k)) for k, v in params.items()},
                    args=None if args is None else self.decode(args, join(path, "args")),
                    state=self.decode(value["state"], path) if "state" in value else None)
        ident = value.get("__id__")
        if ident is not None:
            if type(ident) is not int or ident in self.nodes:
                raise DocumentError("object ids must be distinct integers", path=path or None)
            self.nodes[ident] = node
        return node

    def array(self, value, path):
        if self.cut is not None:
            return decode_array(value, path, self.decode, self.cut.bytes)
        return decode_array(value, path, self.decode)

    def unpack(self, column, count, path):
        """The ``count`` values of a packed column: decoded column by column where the
        items are nodes, plain objects or arrays (a field the same in every item is
        decoded once), else item by item as :func:`packing.unfactor` spells them out.
        Both give the same values."""
        tag, body = packing.tag_of(column, path)
        budget = limits.budget()
        budget.charge(8 * count, "a packed list", path)
        if count and tag == "__same__":
            first = self.decode(body, path)
            if body is None or type(body) in _SCALARS:
                return [first] * count
            budget.charge((count - 1) * _footprint(first), "a packed list's repeated value", path)
            try:
                copy = _copier(first)
            except _Shared:
                return [first] + [self.decode(body, path) for _ in range(count - 1)]
            return [first] * count if copy is None else [first] + [copy() for _ in range(count - 1)]
        if count and tag == "__items__" and type(body) is list and body:
            columns = [self.unpack(sub, count, "%s[%d]" % (path, index)) for index, sub in enumerate(body)]
            return [list(row) for row in zip(*columns)]
        if count and tag == "__fields__" and type(body) is dict and body:
            if all(type(key) is str and not key.startswith("__") for key in body):
                columns = [self.unpack(sub, count, join(path, key)) for key, sub in body.items()]
                return [dict(zip(body, row)) for row in zip(*columns)]
            if _columnar_nodes(body):
                return self.unpack_nodes(body, count, path)
        items = packing.unfactor(column, count, path, self.array)
        kinds = set(map(type, items))
        # A column of numbers, or of arrays split from one concatenation, is taken as it is, not
        # item by item (model (c) of issue 5: 9 such columns of 900 items, 2.4 of 10 ms decoding).
        if kinds <= _DECODED_AS_IS:
            return list(items)
        if kinds == {packing.Decoded}:
            return [item.array for item in items]
        return [self.decode(item, "%s[%d]" % (path, index)) for index, item in enumerate(items)]

    def unpack_nodes(self, body, count, path):
        """Nodes of one class from the columns of their fields (see :func:`_columnar_nodes`)."""
        cls = body["__class__"]["__same__"]
        params, args, state = (self.unpack(body[key], count, join(path, "args") if key == "args" else path)
                               if key in body else [None] * count for key in ("params", "args", "state"))
        return [Node(cls, params=p, args=a, state=s) for p, a, s in zip(params, args, state)]

    def packed_array(self, value, path):
        shape = value.get("shape")
        if set(value) != {"__ndarray__", "shape", "packed"} or value["__ndarray__"] != "|O" or not (
                type(shape) is list and len(shape) <= 32 and all(type(n) is int and n >= 0 for n in shape)):
            raise DocumentError("a packed array needs __ndarray__ '|O', a shape and packed", path=path or None)
        items = self.unpack(value["packed"], packing.check_count(size_of(shape), path), path)
        out = np.empty(len(items), dtype=object)
        for index, item in enumerate(items):
            out[index] = item
        return out.reshape(shape)

    def ref(self, ident, path):
        node = self.nodes.get(ident) if type(ident) is int else None
        if node is None:
            raise DocumentError("reference to unknown object %r" % (ident,), path=path or None)
        return node

    def tuple(self, items, path):
        if type(items) is not list:
            raise DocumentError("__tuple__ must hold a list", path=path or None)
        return tuple(self.decode(item, "%s[%d]" % (path, i)) for i, item in enumerate(items))

    def set(self, items, path, kind=set):
        if type(items) is not list:
            raise DocumentError("a set must hold a list of items", path=path or None)
        decoded = [self.decode(item, "%s[%d]" % (path, i)) for i, item in enumerate(items)]
        if not all(map(set_item, decoded)):
            raise DocumentError("sets may hold only numbers, strings and tuples of them", path=path or None)
        return kind(decoded)

    def frozenset(self, items, path):
        return self.set(items, path, frozenset)

    def dict(self, pairs, path):
        if type(pairs) is not list or not all(type(p) is list and len(p) == 2 for p in pairs):
            raise DocumentError("__dict__ must hold [key, value] pairs", path=path or None)
        out = {}
        for key, item in pairs:
            key = self.decode(key, path)
            try:
                out[key] = self.decode(item, join(path, key))
            except TypeError:
                raise DocumentError("dict key %r is not hashable" % (key,), path=path or None)
        return out

    def dtype(self, value, path):
        return decode_dtype(value, path)

    def global_(self, name, path):
        return Global(global_for_name(name, path or None).name)

    def slice(self, parts, path):
        if type(parts) is not list or len(parts) != 3 or not all(p is None or type(p) is int for p in parts):
            raise DocumentError("__slice__ must hold [start, stop, step], each an integer or null", path=path or None)
        return slice(*parts)


_SCALARS = (bool, int, float, str)
#: JSON values that decode to themselves.
_DECODED_AS_IS = frozenset((type(None), bool, int, float))


def _columnar_nodes(body):
    """Whether the ``__fields__`` of packed items describe nodes that can be built
    column by column with the checks :meth:`Decoder.node` makes: one class, no ids,
    params as objects of plain names, args as JSON arrays."""
    if "__class__" not in body or not set(body) <= _NODE_KEYS or "__id__" in body:
        return False
    cls, params, args = body["__class__"], body.get("params"), body.get("args")
    return (type(cls) is dict and type(cls.get("__same__")) is str
            and (params is None or (type(params) is dict and type(params.get("__fields__")) is dict
                                    and all(type(k) is str and not k.startswith("__") for k in params["__fields__"])))
            and (args is None or (type(args) is dict and (type(args.get("__items__")) is list
                                                           or type(args.get("__same__")) is list))))


def _footprint(value):
    """About the bytes a copy of a decoded value takes: a small object per container and
    scalar, the bytes of each array (charged before a packed column repeats it)."""
    kind = type(value)
    if kind is np.ndarray:
        return limits.VALUE_BYTES + (value.nbytes if value.dtype != object else
                                     sum(_footprint(item) for item in value.ravel().tolist()))
    if kind is list or kind is tuple:
        return limits.VALUE_BYTES + sum(_footprint(item) for item in value)
    if kind is dict:
        return limits.VALUE_BYTES + sum(_footprint(item) for item in value.values())
    if kind is Node:
        return limits.VALUE_BYTES + sum(_footprint(part) for part in (value.params, value.args, value.state))
    return limits.VALUE_BYTES


class _Shared(Exception):
    """A decoded value holding objects that must not simply be copied (nodes)."""


def _copier(value):
    """A function giving a copy of a decoded value as decoding its JSON again would
    (new containers and arrays, same memory layout), or None when that is the value
    itself (a number, a string); raises _Shared if it holds a node or anything whose
    copy would not be exactly that. Made once for all the items of a packed column
    that share the value (900 copies of a tree's args: 1.35 -> 0.43 ms)."""
    kind = type(value)
    if value is None or kind in _SCALARS or isinstance(value, (np.generic, np.dtype, Global, slice)):
        return None
    if kind is np.ndarray and value.dtype != object and (value.flags.c_contiguous or value.flags.f_contiguous):
        return lambda: value.copy(order="K")
    if kind is not list and kind is not tuple and kind is not dict:
        raise _Shared()
    parts = [(key, _copier(value[key])) for key in (value if kind is dict else range(len(value)))]
    parts = [(key, copy) for key, copy in parts if copy is not None]

    def copy():
        out = dict(value) if kind is dict else list(value)
        for key, make in parts:
            out[key] = make()
        return tuple(out) if kind is tuple else out
    return copy


_SIMPLE_TAGS = {"__ref__": Decoder.ref, "__tuple__": Decoder.tuple, "__dict__": Decoder.dict, "__set__": Decoder.set,
                "__frozenset__": Decoder.frozenset,
                "__dtype__": Decoder.dtype, "__global__": Decoder.global_, "__slice__": Decoder.slice}


def encode_tree(tree, arrays: str = "auto", streamed: bool = False):
    """The JSON value of a state tree (see :class:`Encoder`)."""
    return Encoder(arrays, streamed).encode_tree(tree)


def decode_tree(value, path: str = "", cut=None):
    """The state tree of a JSON value (raises DocumentError on malformed input)."""
    return Decoder(cut).decode(value, path)
