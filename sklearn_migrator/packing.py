"""Lists of many small objects of one class, written column by column ("packed").

A gradient-boosting model holds hundreds of small trees. Written one by one,
each repeats its parameters, its node layout and the JSON of its structure,
and base64 pads each small array: the document of a 300-stage, 3-class model
was 1.9 times its pickle. Packed, the list is written as its items' common
shape with each field stored once, as a column:

``{"__same__": v}``
    every item has the value ``v`` here;
``{"__fields__": {key: column, ...}}``
    every item is a JSON object with these keys, in this order;
``{"__items__": [column, ...]}``
    every item is a JSON array of this length;
``{"__concat__": {"__ndarray__": dtype, "shapes": column, "base64": ...}}``
    every item is an array of this dtype; their raw bytes are concatenated;
``{"__each__": [v1, ..., vN]}``
    the items' values, one by one.

A packed list is ``{"__packed__": column, "count": N}``; a packed object array is
``{"__ndarray__": "|O", "shape": [...], "packed": column}``. Unpacking gives back
exactly the JSON the items would have had one by one (arrays already decoded),
so everything after it, checks included, is the same. The readable form
(``arrays="list"``) never packs.
"""
from __future__ import annotations

import itertools
import math

import numpy as np

from . import b64, limits
from .arrays import size_of
from .errors import DocumentError
from .tree import Node, all_of_type, join

#: Lists shorter than this are written item by item.
MIN_ITEMS = 8
#: Items whose arrays hold more than this many bytes on average gain nothing from
#: packing (their bytes dominate); they are written one by one.
MAX_ITEM_BYTES = 1 << 16
#: The most items a packed value may claim (a document cannot make the reader loop further).
MAX_COUNT = 1 << 24
_SAMPLE = 4  # items whose array bytes decide whether a list is packed
_COLUMN_TAGS = ("__same__", "__fields__", "__items__", "__concat__", "__each__")
_ARRAY_KEYS = ["__ndarray__", "shape", "base64"]


class Decoded:
    """An array already decoded from a packed column, standing where its JSON would be."""

    __slots__ = ("array",)

    def __init__(self, array):
        self.array = array


def worth_packing(items) -> bool:
    """Whether a list of state-tree values should be written packed: many nodes of one
    class, small enough that per-item overhead is what costs (judged on the first few)."""
    if len(items) < MIN_ITEMS or not all(type(item) is Node for item in items):
        return False
    if len({item.cls for item in items}) != 1:
        return False
    sample = items[:_SAMPLE]
    budget, stack = MAX_ITEM_BYTES * len(sample), list(sample)
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is Node:
            stack.extend(part for part in (value.args, value.params, value.state) if part is not None)
        elif kind is dict:
            stack.extend(value.values())
        elif kind is list or kind is tuple:
            stack.extend(value)
        elif kind is np.ndarray:
            if value.dtype == object:
                stack.extend(value.flat)
            else:
                budget -= value.nbytes
                if budget < 0:
                    return False
    return True


def factor(values):
    """The column of a list of JSON values (whose arrays are base64 of ``b64.Raw`` bytes).

    Containers are factored field by field and collapse to ``__same__`` when every
    field is the same, so each leaf is compared once."""
    first = values[0]
    kind = type(first)
    if kind is dict:
        keys = list(first)
        if all(type(value) is dict and list(value) == keys for value in values):
            if keys == _ARRAY_KEYS and not all(_identical(first, value) for value in values[1:]) \
                    and _concatenable(values):
                return {"__concat__": {"__ndarray__": first["__ndarray__"],
                                       "shapes": factor([value["shape"] for value in values]),
                                       "base64": b64.Raw(np.concatenate([_bytes(v["base64"]) for v in values]))}}
            fields = {key: factor([value[key] for value in values]) for key in keys}
            if all("__same__" in column for column in fields.values()):
                return {"__same__": first}
            return {"__fields__": fields}
    elif kind is list:
        if all(type(value) is list and len(value) == len(first) for value in values):
            items = [factor([value[index] for value in values]) for index in range(len(first))]
            if all("__same__" in column for column in items):
                return {"__same__": first}
            return {"__items__": items}
    elif _all_identical(values):
        return {"__same__": first}
    return {"__each__": values}


def unfactor(column, count, path, decode_array):
    """The ``count`` JSON values a column stands for (``decode_array`` decodes the
    JSON of an array: concatenated bytes are decoded once, then split)."""
    tag, body = tag_of(column, path)
    if tag == "__same__":
        if type(body) is dict or type(body) is list:  # decoded once per item: charged as many times
            limits.budget().charge(count * json_footprint(body), "a packed column's repeated value", path)
        return [body] * count
    if tag == "__each__":
        if type(body) is not list or len(body) != count:
            raise DocumentError("__each__ must list %d values" % count, path=path or None)
        return body
    if tag == "__fields__":
        if type(body) is not dict:
            raise DocumentError("__fields__ must map keys to columns", path=path or None)
        columns = [unfactor(sub, count, join(path, key), decode_array) for key, sub in body.items()]
        keys = list(body)
        return [dict(zip(keys, row)) for row in zip(*columns)] if keys else [{} for _ in range(count)]
    if tag == "__items__":
        if type(body) is not list:
            raise DocumentError("__items__ must list columns", path=path or None)
        columns = [unfactor(sub, count, "%s[%d]" % (path, index), decode_array) for index, sub in enumerate(body)]
        return [list(row) for row in zip(*columns)] if columns else [[] for _ in range(count)]
    return _split(body, count, path, decode_array)


def json_footprint(value):
    """About the bytes decoding a JSON value takes: a small object per value, plus its strings."""
    total, stack = 0, [value]
    while stack:
        item = stack.pop()
        total += limits.VALUE_BYTES
        kind = type(item)
        if kind is dict:
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
        elif kind is str:
            total += len(item)
    return total


def tag_of(column, path):
    """``(tag, body)`` of a packed column."""
    if type(column) is not dict or len(column) != 1 or next(iter(column)) not in _COLUMN_TAGS:
        raise DocumentError("a packed column must be one of %s" % ", ".join(_COLUMN_TAGS), path=path or None)
    return next(iter(column.items()))


def materialize(value):
    """``value`` with every ``b64.Raw`` replaced by its base64 text (for a document
    returned as a dict rather than streamed)."""
    kind = type(value)
    if kind is b64.Raw:
        return b64.encode(value.buffer).decode("ascii")
    if kind is dict:
        return {key: materialize(item) for key, item in value.items()}
    if kind is list:
        return [materialize(item) for item in value]
    return value


def check_count(count, path):
    if type(count) is not int or not 0 <= count <= MAX_COUNT:
        raise DocumentError("a packed list needs a count between 0 and %d" % MAX_COUNT, path=path or None)
    return count


def _split(body, count, path, decode_array):
    if type(body) is not dict or set(body) != {"__ndarray__", "shapes", "base64"}:
        raise DocumentError("__concat__ needs exactly __ndarray__, shapes and base64", path=path or None)
    shapes = unfactor(body["shapes"], count, join(path, "shapes"), decode_array)
    rows, tail = _rows(shapes)
    if rows is not None:
        width = size_of(tail)
        sizes = [row * width for row in rows]
    else:
        sizes = [_size(shape, path) for shape in shapes]
    flat = decode_array({"__ndarray__": body["__ndarray__"], "shape": [sum(sizes)], "base64": body["base64"]},
                        path)
    if flat.dtype == object:
        raise DocumentError("object arrays cannot be concatenated", path=path or None)
    if rows is not None:  # one reshape, then rows (model (c) of issue 5, 2 x 900 arrays: 2.2 -> 1.6 ms)
        ends = np.cumsum(rows).tolist()
        stacked = flat.reshape([-1] + tail)
        return [Decoded(stacked[end - row:end]) for row, end in zip(rows, ends)]
    ends = np.cumsum(sizes).tolist()
    return [Decoded(flat[end - size:end].reshape(shape)) for shape, size, end in zip(shapes, sizes, ends)]


def _rows(shapes):
    """``(rows, tail)`` when every shape is ``[rows[i]] + tail``, with valid extents and
    ``tail`` holding no zero (checked once for the column); else ``(None, None)``."""
    if (not all_of_type(shapes, list) or len(set(map(len, shapes))) != 1 or not 1 <= len(shapes[0]) <= 32
            or not all_of_type(itertools.chain.from_iterable(shapes), int)):
        return None, None
    tail = shapes[0][1:]
    rows = [shape[0] for shape in shapes]
    if min(rows) < 0 or min(tail, default=1) < 1 or any(shape[1:] != tail for shape in shapes):
        return None, None
    return rows, tail


def _size(shape, path):
    if type(shape) is not list or len(shape) > 32 or not all(type(n) is int and n >= 0 for n in shape):
        raise DocumentError("malformed array shape %r" % (shape,), path=path or None)
    return size_of(shape)


def _concatenable(values):
    dtype = values[0]["__ndarray__"]
    # The dtypes are encode_dtype's JSON (strings, names, int offsets), where == is exact.
    return dtype != "|O" and all(type(value["base64"]) is b64.Raw and value["__ndarray__"] == dtype
                                 for value in values)


def _bytes(raw):
    buffer = raw.buffer
    return buffer if isinstance(buffer, np.ndarray) else np.frombuffer(buffer, dtype=np.uint8)


_COPY_TO_COMPARE = 1 << 16
_EXACT_EQUALITY = frozenset((str, int, bool, type(None)))


def _all_identical(values):
    """Whether every value is :func:`_identical` to the first; a column of scalars is
    compared in C (one type, equal values; zeros also by sign)."""
    first = values[0]
    kind = type(first)
    if (kind in _EXACT_EQUALITY or kind is float) and all_of_type(values, kind):
        same = values.count(first) == len(values)
        return same and not (kind is float and first == 0.0 and len({math.copysign(1.0, v) for v in values}) > 1)
    return all(_identical(first, value) for value in values[1:])


def _identical(a, b):
    """JSON equality that tells 1 from 1.0 and True, and 0.0 from -0.0; raw bytes by content."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is dict:
        return list(a) == list(b) and all(_identical(a[key], b[key]) for key in a)
    if kind is list:
        if len(a) != len(b):
            return False
        types = list(map(type, a))
        if _EXACT_EQUALITY.issuperset(types) and types == list(map(type, b)):  # e.g. a dtype's names, offsets
            return a == b
        return all(_identical(x, y) for x, y in zip(a, b))
    if kind is float:
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if kind is b64.Raw:
        a, b = _bytes(a), _bytes(b)
        if a.size <= _COPY_TO_COMPARE:  # small buffers compare fastest as bytes (np.array_equal ~1 us per call)
            return a.tobytes() == b.tobytes()
        return np.array_equal(a, b)
    return a == b
