"""Packed columns written straight from the state tree, field by field.

:func:`packing.factor` finds the columns of a packed list in the JSON of its items.
On model (c) of issue 5 (900 small trees) writing each item's JSON, every small
array on its own, and then comparing the items field by field took 25 ms of a
46 ms write (profiled: encoding the items 16.6 ms, factoring them 8.1 ms).
:func:`pack` gives the same column without the items' JSON where the items are
nodes of one class, dicts of plain keys, short lists or numeric arrays: a
field's values are gathered into a column, a column of arrays is compared and
concatenated in a few numpy calls. Any other column (scalars, tuples, shared
nodes, mixed types) is spelled out item by item and factored as before.

A node shared by several items is written in full where the items, read in
order, first meet it (``"__id__"``), then referenced. Written column by column,
it would be defined where the columns first meet it; that is the same place
unless shared nodes sit in two columns, and then the list is written item by
item.
"""
from __future__ import annotations

import numpy as np

from . import b64, packing
from .arrays import encode_dtype
from .tree import Node


class _Interleaved(Exception):
    """Shared nodes in two columns of one packed list."""


def pack(encoder, items):
    """``packing.factor([encoder.encode(item) for item in items])``, column by column
    where it can be (``encoder`` writes arrays as raw base64 bytes)."""
    ids, scope = dict(encoder.ids), encoder.column_scope
    encoder.column_scope = []  # the spelled-out columns that met shared nodes
    try:
        return column(encoder, items)
    except _Interleaved:
        encoder.ids, encoder.column_scope = ids, None
        return _spelled_out(encoder, items)
    finally:
        encoder.column_scope = scope


def column(encoder, values):
    """The packed column of a list of state-tree values."""
    kind = type(values[0])
    if kind in _FIELDWISE and all(type(value) is kind for value in values):
        return _FIELDWISE[kind](encoder, values)
    return _spelled_out(encoder, values)


def _spelled_out(encoder, values):
    before = encoder.shared_seen
    out = packing.factor([encoder.encode(value) for value in values])
    if encoder.shared_seen != before and encoder.column_scope is not None:
        if encoder.column_scope:
            raise _Interleaved()
        encoder.column_scope.append(out)
    return out


def _nodes(encoder, nodes):
    """Nodes of one class, none shared, written as ``Encoder.node`` writes them (params
    of the same names, args as a list)."""
    first = nodes[0]
    references = encoder.references
    shape = _node_shape(first)
    if shape is None or not all(node.cls == first.cls and references.get(id(node), 1) == 1
                                and _node_shape(node) == shape for node in nodes):
        return _spelled_out(encoder, nodes)
    fields = {"__class__": {"__same__": first.cls}}
    if first.params is not None:
        fields["params"] = _mapping(encoder, [node.params for node in nodes])
    if first.args is not None:
        fields["args"] = _sequence(encoder, [node.args for node in nodes])
    if first.state is not None:
        fields["state"] = column(encoder, [node.state for node in nodes])
    return _collapsed(fields)


def _node_shape(node):
    params, args = node.params, node.args
    if params is not None and (type(params) is not dict or not _plain_keys(params)):
        return None
    if args is not None and type(args) is not list:
        return None
    return (None if params is None else list(params), None if args is None else len(args), node.state is None)


def _plain_keys(mapping):
    return all(type(key) is str and not key.startswith("__") for key in mapping)


def _dicts(encoder, dicts):
    """Dicts written as JSON objects (plain string keys), the same keys in each."""
    keys = list(dicts[0])
    if not _plain_keys(keys) or not all(len(value) == len(keys) and list(value) == keys for value in dicts):
        return _spelled_out(encoder, dicts)
    return _mapping(encoder, dicts)


def _mapping(encoder, dicts):
    return _collapsed({key: column(encoder, [value[key] for value in dicts]) for key in dicts[0]})


def _lists(encoder, lists):
    """Lists too short to be packed themselves (``packing.MIN_ITEMS``), of one length."""
    length = len(lists[0])
    if length >= packing.MIN_ITEMS or not all(len(value) == length for value in lists):
        return _spelled_out(encoder, lists)
    return _sequence(encoder, lists)


def _sequence(encoder, lists):
    items = [column(encoder, [value[index] for value in lists]) for index in range(len(lists[0]))]
    if all("__same__" in item for item in items):
        return {"__same__": [item["__same__"] for item in items]}
    return {"__items__": items}


def _arrays(encoder, arrays):
    """C-contiguous numeric arrays of one little-endian dtype: identical, or concatenated."""
    first = arrays[0]
    dtypes = {id(array.dtype): array.dtype for array in arrays}
    if not all(array.flags.c_contiguous for array in arrays) or any(
            dtype.hasobject or dtype.byteorder == ">" for dtype in dtypes.values()):
        return _spelled_out(encoder, arrays)
    encoded = [encode_dtype(dtype) for dtype in dtypes.values()]
    if any(dtype != encoded[0] for dtype in encoded):
        return _spelled_out(encoder, arrays)
    shapes = [list(array.shape) for array in arrays]
    if all(shape == shapes[0] for shape in shapes):
        data = first.tobytes()
        if all(array.tobytes() == data for array in arrays):
            return {"__same__": encoder.encode(first)}
    data = np.concatenate([array.reshape(-1).view(np.uint8) for array in arrays])  # bytes as they are (padding too)
    return {"__concat__": {"__ndarray__": encoded[0], "shapes": packing.factor(shapes), "base64": b64.Raw(data)}}


def _collapsed(fields):
    """``{"__same__": the first item}`` when every field is the same, else ``__fields__``."""
    if all("__same__" in field for field in fields.values()):
        return {"__same__": {key: field["__same__"] for key, field in fields.items()}}
    return {"__fields__": fields}


_FIELDWISE = {Node: _nodes, dict: _dicts, list: _lists, np.ndarray: _arrays}
