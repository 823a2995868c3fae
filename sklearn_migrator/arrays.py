"""numpy arrays, scalars and dtypes <-> JSON values, exactly.

An array is ``{"__ndarray__": dtype, "shape": [...], "data": [...]}`` (readable
list, C order) or ``{"__ndarray__": dtype, "shape": [...], "base64": "..."}``
(raw little-endian bytes). Memory layout is kept, because numpy and BLAS choose their code path (and so
the rounding of results) from it: ``"order": "F"`` marks Fortran-ordered arrays,
whose elements are then listed in Fortran order; ``"flip": [axes]`` marks a
view with negative strides along those axes (``V[::-1]``, as PCA's arpack
solver leaves ``components_``), stored flipped and flipped back on decoding;
``"strides": [...]`` marks any other view (a row slice of a larger Fortran
array, as PCA's randomized solver leaves it): elements are listed in C order
and placed into a fresh buffer with those strides. Object arrays always use
``data``, each element encoded as any other value. Both forms decode to
arrays that are bit-identical to the original.
"""
from __future__ import annotations

import re

import numpy as np

from . import b64, limits
from .errors import DocumentError

ARRAY_MODES = ("auto", "list", "base64")
#: ``auto`` writes arrays up to this many elements as readable lists.
AUTO_LIST_MAX_SIZE = 64

_SIMPLE_DTYPE = re.compile(r"^[<>|=]?([biufcUS])(\d{1,6})$")
_LIST_KINDS = "biufU"
_MAX_FIELDS = 64
_INF = float("inf")
_NON_FINITE = ("nan", "inf", "-inf")
_PY_TYPES = {"b": (bool,), "i": (int,), "u": (int,), "f": (int, float), "U": (str,)}
_STRUCTURED_KEYS = ("names", "formats", "offsets", "itemsize")
_ENCODED_STRUCTURED = {}  # the JSON of structured dtypes (copied on use), by dtype
_STRUCTURED = {}  # decoded structured dtypes by the repr of their JSON value: a forest repeats one in every tree


def encode_dtype(dtype: np.dtype):
    """A JSON value naming ``dtype``, always little-endian."""
    if dtype.names is not None:
        encoded = _ENCODED_STRUCTURED.get(dtype)
        if encoded is None:
            encoded = {"names": list(dtype.names),
                       "formats": [encode_dtype(dtype.fields[name][0]) for name in dtype.names],
                       "offsets": [dtype.fields[name][1] for name in dtype.names],
                       "itemsize": dtype.itemsize}
            if len(_ENCODED_STRUCTURED) < 256:
                _ENCODED_STRUCTURED[dtype] = encoded
        return {key: list(item) if type(item) is list else item for key, item in encoded.items()}
    if dtype.kind == "O":
        return "|O"
    if dtype.kind not in "biufcUSV" or dtype.subdtype is not None:
        raise TypeError("dtype %s is not supported" % dtype)
    return _little(dtype).str


def decode_dtype(value, path, allow_object=True) -> np.dtype:
    """The dtype named by ``value``; only plain numeric, string and structured dtypes."""
    if isinstance(value, str):
        if value == "|O" and allow_object:
            return np.dtype(object)
        try:
            if _SIMPLE_DTYPE.match(value) is None:
                raise TypeError("not a plain numeric or string dtype")
            return np.dtype(value)
        except TypeError as exc:
            raise DocumentError("unsupported dtype %r: %s" % (value, exc), path=path)
    if isinstance(value, dict) and set(value) == set(_STRUCTURED_KEYS):
        key = repr([value[k] for k in _STRUCTURED_KEYS])  # repr tells 1 from True and 1.0
        dtype = _STRUCTURED.get(key)
        if dtype is None:
            dtype = _decode_structured(*(value[k] for k in _STRUCTURED_KEYS), path=path)
            if len(_STRUCTURED) < 256:
                _STRUCTURED[key] = dtype
        return dtype
    raise DocumentError("malformed dtype %r" % (value,), path=path)


def _decode_structured(names, formats, offsets, itemsize, path):
    if not (isinstance(names, list) and isinstance(formats, list) and isinstance(offsets, list)
            and 0 < len(names) == len(formats) == len(offsets) <= _MAX_FIELDS
            and all(isinstance(n, str) for n in names) and len(set(names)) == len(names)
            and all(_is_int(o) and o >= 0 for o in offsets) and _is_int(itemsize)):
        raise DocumentError("malformed structured dtype", path=path)
    fields = [decode_dtype(f, path, allow_object=False) for f in formats]
    if any(f.names is not None for f in fields) or itemsize < max(
            o + f.itemsize for o, f in zip(offsets, fields)) or itemsize > 1 << 16:
        raise DocumentError("malformed structured dtype", path=path)
    try:
        return np.dtype({"names": names, "formats": fields, "offsets": offsets, "itemsize": itemsize})
    except (TypeError, ValueError) as exc:
        raise DocumentError("malformed structured dtype: %s" % exc, path=path)


def encode_array(array: np.ndarray, mode: str, encode_item, streamed=False):
    """The JSON form of ``array`` (``encode_item`` encodes object elements).

    With ``streamed``, base64 data is left as :class:`~sklearn_migrator.b64.Raw`
    bytes for a streaming writer (``jsonio.write_document``) to encode.
    """
    out = {"__ndarray__": encode_dtype(array.dtype), "shape": list(array.shape)}
    order = "C"
    if not array.flags.c_contiguous:
        array, order = _record_layout(array, out)
    if array.dtype.kind == "O":
        out["data"] = [encode_item(item) for item in array.ravel(order=order)]
    elif _as_list(array, mode):
        out["data"] = array.ravel(order=order).tolist()
    else:
        flat = array.astype(_little(array.dtype), copy=False).ravel(order=order)
        raw = np.ascontiguousarray(flat).view(np.uint8) if flat.size else b""
        out["base64"] = b64.Raw(raw) if streamed else b64.encode(raw).decode("ascii")
    return out


def _record_layout(array, out):
    """``(array, order)`` to list the elements of a non-C-contiguous ``array`` in,
    recording in ``out`` how to restore its layout (``flip``, ``order`` or ``strides``)."""
    flip = [axis for axis, stride in enumerate(array.strides) if stride < 0 and array.shape[axis] > 1]
    if flip:
        unflipped = array[tuple(slice(None, None, -1) if axis in flip else slice(None) for axis in range(array.ndim))]
        if unflipped.flags.c_contiguous or unflipped.flags.f_contiguous:
            array = unflipped
            out["flip"] = flip
    order = "F" if array.ndim > 1 and array.flags.f_contiguous and not array.flags.c_contiguous else "C"
    if order == "F":
        out["order"] = "F"
    elif not array.flags.c_contiguous and array.size > 1:
        # (an axis of length 1 may have any stride, even 0 or negative: ``x[None]``)
        out["strides"] = [stride if stride > 0 or extent > 1 else array.itemsize
                          for stride, extent in zip(array.strides, array.shape)]
    return array, order


def decode_array(value: dict, path, decode_item, decode_base64=b64.decode) -> np.ndarray:
    """The array of a JSON ``__ndarray__`` value, checked against its shape
    (``decode_base64`` turns the ``base64`` value into a bytearray)."""
    keys = set(value)
    if not keys <= {"__ndarray__", "shape", "order", "flip", "strides", "data", "base64"} or len(keys & {"data", "base64"}) != 1:
        raise DocumentError("an array needs __ndarray__, shape and one of data/base64", path=path)
    dtype = decode_dtype(value["__ndarray__"], path)
    shape = value.get("shape")
    if not isinstance(shape, list) or len(shape) > 32 or not all(_is_int(n) and n >= 0 for n in shape):
        raise DocumentError("malformed array shape %r" % (shape,), path=path)
    order = value.get("order", "C")
    if order not in ("C", "F"):
        raise DocumentError("array order must be 'C' or 'F'", path=path)
    flip = value.get("flip", [])
    if not isinstance(flip, list) or not all(_is_int(a) and 0 <= a < len(shape) for a in flip) \
            or len(set(flip)) != len(flip):
        raise DocumentError("array flip must list distinct axes", path=path)
    size = size_of(shape)
    if "base64" in value:
        if dtype.kind == "O" or not isinstance(value["base64"], str):
            raise DocumentError("object arrays cannot be stored as base64", path=path)
        try:
            raw = decode_base64(value["base64"])
        except ValueError as exc:
            raise DocumentError("invalid base64 data: %s" % exc, path=path)
        if len(raw) != size * dtype.itemsize:
            raise DocumentError("array data holds %d bytes, shape %s of %s needs %d"
                                % (len(raw), shape, dtype, size * dtype.itemsize), path=path)
        if dtype.kind == "b" and raw.translate(None, b"\x00\x01"):
            raise DocumentError("boolean array holds bytes other than 0 and 1", path=path)
        flat = np.frombuffer(raw, dtype=dtype)
    else:
        data = value["data"]
        if not isinstance(data, list) or len(data) != size:
            raise DocumentError("array data must be a list of %d elements" % size, path=path)
        if dtype.kind == "O":
            flat = np.empty(size, dtype=object)
            for index, item in enumerate(data):
                flat[index] = decode_item(item, "%s[%d]" % (path, index))
        else:
            allowed = _PY_TYPES.get(dtype.kind)
            if allowed is None or not all(type(item) in allowed for item in data):
                raise DocumentError("array elements do not match dtype %s" % dtype, path=path)
            if dtype.kind == "U" and any(len(item) > dtype.itemsize // 4 for item in data):
                raise DocumentError("a string is longer than dtype %s holds" % dtype, path=path)
            try:
                flat = np.array(data, dtype=dtype) if data else np.empty(0, dtype=dtype)
            except (OverflowError, ValueError) as exc:
                raise DocumentError("array elements do not fit dtype %s: %s" % (dtype, exc), path=path)
    array = flat.reshape(shape, order=order)
    if "strides" in value:
        array = _restride(array, value["strides"], path)
    if flip:
        array = array[tuple(slice(None, None, -1) if axis in flip else slice(None) for axis in range(len(shape)))]
    return array


def size_of(shape) -> int:
    """The number of elements of an array of ``shape`` (``math.prod`` is Python 3.8+)."""
    size = 1
    for extent in shape:
        size *= extent
    return size


def encode_float(value: float):
    """A Python float as JSON: itself when finite, else ``{"__float__": "nan"|"inf"|"-inf"}``."""
    if value == value and value not in (_INF, -_INF):
        return value
    return {"__float__": "nan" if value != value else ("inf" if value > 0 else "-inf")}


def decode_float(value: dict, path) -> float:
    if set(value) != {"__float__"} or value["__float__"] not in _NON_FINITE:
        raise DocumentError("a non-finite float must be one of %s" % ", ".join(_NON_FINITE), path=path)
    return float(value["__float__"])


def encode_scalar(value: np.generic):
    """A numpy scalar: its dtype and its value as a Python number or string."""
    item = value.item()
    if value.dtype.kind == "c":
        item = [encode_float(item.real), encode_float(item.imag)]
    elif value.dtype.kind == "f":
        item = encode_float(item)
    return {"__scalar__": encode_dtype(value.dtype), "value": item}


def decode_scalar(value: dict, path):
    if set(value) != {"__scalar__", "value"}:
        raise DocumentError("a scalar needs exactly __scalar__ and value", path=path)
    dtype = decode_dtype(value["__scalar__"], path, allow_object=False)
    item = value["value"]
    if isinstance(item, dict) and dtype.kind == "f":
        item = decode_float(item, path)
    allowed = _PY_TYPES.get(dtype.kind, ())
    try:
        if dtype.kind == "c" and isinstance(item, list) and len(item) == 2:
            parts = [decode_float(p, path) if isinstance(p, dict) else p for p in item]
            if all(type(p) in (int, float) for p in parts):
                return dtype.type(complex(parts[0], parts[1]))
        if dtype.names is None and type(item) in allowed:
            return dtype.type(item)
    except (OverflowError, ValueError, TypeError):
        pass
    raise DocumentError("value %r does not fit dtype %s" % (item, dtype), path=path)


def _as_list(array, mode):
    if mode == "base64" or array.dtype.kind not in _LIST_KINDS or array.dtype.names is not None:
        return False
    if mode == "auto" and array.size > AUTO_LIST_MAX_SIZE:
        return False
    return array.dtype.kind != "f" or bool(np.isfinite(array).all())


def _restride(array, strides, path):
    """A copy of ``array`` laid out with ``strides`` (positive and non-overlapping); the buffer
    they span is charged to the read's memory budget. (A column of a matrix spans the
    matrix: 0.20-0.21's multinomial ``intercept_`` of 3 values spans 3 rows of ``coef_``.)"""
    itemsize = array.dtype.itemsize
    if (not isinstance(strides, list) or len(strides) != array.ndim or array.dtype.kind == "O"
            or not all(_is_int(s) and s > 0 and s % itemsize == 0 for s in strides)):
        raise DocumentError("array strides must be positive multiples of the item size", path=path)
    reach = itemsize
    for stride, extent in sorted((s, n) for s, n in zip(strides, array.shape) if n > 1):
        if stride < reach:
            raise DocumentError("array strides make elements overlap", path=path)
        reach = stride * extent
    limits.budget().charge(reach, "the buffer an array's strides span", path)
    buffer = np.zeros(reach // itemsize, dtype=array.dtype)
    out = np.lib.stride_tricks.as_strided(buffer, shape=array.shape, strides=strides)
    out[...] = array
    return out


def _little(dtype):
    return dtype.newbyteorder("<") if dtype.byteorder == ">" else dtype


def _is_int(value):
    return type(value) is int
