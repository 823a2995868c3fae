"""A restricted unpickler that turns scikit-learn objects into inert stubs.

What a pickle can make happen is decided by the globals it names: ``REDUCE``
calls them, ``NEWOBJ`` instantiates them, ``BUILD`` sets state on what they
made. :meth:`RestrictedUnpickler.find_class` is the only way a pickle reaches
a global, so it is where the allowlist is enforced:

* numpy's array, dtype and scalar reconstructors (vetted wrappers, whatever
  module path the file spells them with);
* a few harmless builtins (``bytes``, ``set``, ``complex``, ...);
* the types and functions an estimator may hold as values (numpy scalar types,
  allowlisted ufuncs, scikit-learn score functions), which become
  :class:`~sklearn_migrator.tree.Global` references by name;
* scikit-learn classes (and the pickle helper functions their Cython types use,
  ``newObj`` and ``__pyx_unpickle_*``), and numpy's ``RandomState``
  constructors, which all become inert stubs: recorders of module, name,
  arguments and state, never imported;
* everything else raises :class:`~sklearn_migrator.errors.UnsafeContentError`
  before anything runs.
"""
from __future__ import annotations

import codecs
import io
import pickle
import re
import struct

import numpy as np

from .. import limits, trust
from ..errors import DocumentError, MigratorError, UnsafeContentError
from ..objects.masked import fill_value
from ..registry import SPARSE_ALIASES, global_reference
from ..tree import Global
from . import containers

_SKLEARN_MODULE = re.compile(r"^(sklearn(\.[A-Za-z_][A-Za-z0-9_]*)*|_loss)$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# numpy's random-state constructors and bit generators: stubbed like scikit-learn classes.
_NUMPY_RANDOM = {("numpy.random._pickle", "__randomstate_ctor"), ("numpy.random._pickle", "__bit_generator_ctor"),
                 ("numpy.random._pickle", "__generator_ctor"), ("numpy.random.__init__", "__RandomState_ctor"),
                 ("numpy.random", "__RandomState_ctor"), ("numpy.random.mtrand", "RandomState"),
                 ("numpy.random._mt19937", "MT19937"), ("numpy.random._pcg64", "PCG64"),
                 ("numpy.random._philox", "Philox"), ("numpy.random._sfc64", "SFC64"),
                 ("numpy.random.bit_generator", "SeedSequence"), ("numpy.random._generator", "Generator")}
# A partial function (histogram gradient boosting's preprocessing of 1.4+): read as an inert record; its
# function must be an allowlisted global like any other.
_PARTIAL = ("functools", "partial")
# joblib's records standing for arrays (also vendored as sklearn.externals.joblib until 0.23).
_JOBLIB_ARRAYS = {(prefix + module, name) for prefix in ("", "sklearn.externals.")
                  for module in ("joblib.numpy_pickle", "joblib.numpy_pickle_compat")
                  for name in ("NumpyArrayWrapper", "NDArrayWrapper", "ZNDArrayWrapper")}
# pandas' Index: ``_new_Index(Index, {"data": labels, ...})`` (what a ColumnTransformer fitted on a DataFrame kept
# of its columns); read as the object array capture makes of it.
_PANDAS_INDEX = ("pandas.core.indexes.base", "Index")
_PANDAS_NEW_INDEX = ("pandas.core.indexes.base", "_new_Index")
# numpy's masked arrays (a search's ``cv_results_``): ``_mareconstruct(MaskedArray, ndarray, (0,), "b")``, then
# the state ``(version, shape, dtype, Fortran order, data, mask bytes, fill value)``.
# (numpy 1.25+ names the class from numpy.ma).
_MASKED = {("numpy.ma.core", "MaskedArray"), ("numpy.ma", "MaskedArray")}
_MASKED_RECONSTRUCT = {("numpy.ma.core", "_mareconstruct"), ("numpy.ma", "_mareconstruct")}
_BUILTINS = {"object": object, "bytes": bytes, "bytearray": bytearray, "set": set, "frozenset": frozenset,
             "complex": complex, "slice": slice}


class Stub:
    """An inert record of an object a pickle described.

    ``module``/``name`` are the class the file named, ``args`` the arguments it
    was created with (``called`` tells whether it was called like a class, or
    created with ``__new__``), ``state`` what ``BUILD`` gave it.
    """

    module = name = ""

    def __new__(cls, *args):
        stub = object.__new__(cls)
        stub.__dict__.update(args=args, state=None, called=False)
        return stub

    def __init__(self, *args):
        self.called = True

    def __setstate__(self, state):
        self.__dict__["state"] = state

    # A list or dict subclass (``Bunch``) gets its items after its state: recorded too.
    def __setitem__(self, key, value):
        self.__dict__.setdefault("items", {})[key] = value

    def append(self, value):
        self.__dict__.setdefault("items", []).append(value)

    def extend(self, values):
        for value in values:
            self.append(value)

    @property
    def qualified(self) -> str:
        return "%s.%s" % (type(self).module, type(self).name)

    def __repr__(self):
        return "<stub %s>" % self.qualified


def is_stub_type(value) -> bool:
    return isinstance(value, type) and issubclass(value, Stub) and value is not Stub


class RestrictedUnpickler(pickle._Unpickler):
    """An unpickler that never resolves a global outside the allowlist.

    It is the standard library's Python implementation, not the C one, so that
    ``BUILD`` on numpy objects can be taken over: numpy's ``dtype.__setstate__``
    and ``ndarray.__setstate__`` trust what they are given (fuzzed dtype states
    crash the interpreter), so dtypes and arrays are made here by numpy's
    constructors from states checked in Python, and replace the placeholder the
    pickle created wherever it is referenced.
    """

    dispatch = dict(pickle._Unpickler.dispatch)

    def __init__(self, file, directory=None):
        super().__init__(file, encoding="latin1")
        self.memo = _Memo()
        self._stub_types = {}
        self._source = file
        self._directory = directory

    def load_build(self):
        inst = self.stack[-2]
        if isinstance(inst, np.dtype):
            built = _dtype_from_state(inst, self.stack.pop())
        elif isinstance(inst, np.ndarray):
            built = _array_from_state(self.stack.pop())
        elif isinstance(inst, Stub) and (type(inst).module, type(inst).name) in _JOBLIB_ARRAYS:
            built = self._joblib_array(type(inst).name, self.stack.pop())
        elif isinstance(inst, Stub) and (type(inst).module, type(inst).name) in _MASKED and inst.state is None:
            inst.state = _masked_from_state(self.stack.pop())
            return
        elif isinstance(inst, Stub) and type(inst) is self._stub_types.get((type(inst).module, type(inst).name)):
            return super().load_build()  # a record this reader made: Stub.__setstate__ keeps the state
        else:  # a class, a function or a value it did not make: nothing outside the file's records changes
            raise UnsafeContentError("the file sets state on %s, which is not an object it created"
                                     % type(inst).__name__)
        self.stack[-1] = built
        for key in self.memo.keys_of.pop(id(inst), ()):
            self.memo[key] = built

    dispatch[pickle.BUILD[0]] = load_build

    if pickle.HIGHEST_PROTOCOL < 5:  # Python 3.7: protocol 5 streams with in-band buffers (PEP 574)
        def load_proto(self):
            proto = self.read(1)[0]
            if not 0 <= proto <= 5:
                raise ValueError("unsupported pickle protocol: %d" % proto)
            self.proto = proto

        def load_bytearray8(self):
            size, = struct.unpack("<Q", self.read(8))
            data = self.read(size)
            if len(data) != size:
                raise pickle.UnpicklingError("BYTEARRAY8 runs past the end of the stream")
            self.append(bytearray(data))

        def load_next_buffer(self):
            raise pickle.UnpicklingError("the pickle refers to out-of-band buffers, which files never carry")

        dispatch[pickle.PROTO[0]] = load_proto
        dispatch[0x96] = load_bytearray8  # BYTEARRAY8
        dispatch[0x97] = load_next_buffer  # NEXT_BUFFER
        dispatch[0x98] = lambda self: None  # READONLY_BUFFER: a read-only view changes nothing here

    def _nested(self, source):
        """An unpickler like this one for a pickle stream embedded in the file."""
        return type(self)(source, self._directory)

    def _joblib_array(self, kind, state):
        """The array a joblib wrapper record stands for (see :mod:`.containers`)."""
        if not isinstance(state, dict):
            _refuse("joblib array", state)
        if kind == "NumpyArrayWrapper":
            return self._inline_array(state)
        if kind == "NDArrayWrapper":
            with containers.open_sibling(self._directory, state.get("filename")) as handle:
                return self._npy_file(handle, state["filename"])
        init_args, array_state = state.get("init_args"), state.get("state")
        if not (isinstance(init_args, tuple) and init_args[:1] == (_NDARRAY,) and isinstance(array_state, tuple)):
            _refuse("joblib array", state)
        with containers.open_sibling(self._directory, state.get("filename")) as handle:
            return _array_from_state(array_state + (containers.read_zfile(handle),))

    def _inline_array(self, state):
        """joblib >= 0.10: the array's bytes follow the record in the stream
        (object arrays: a pickle stream of their own, read with this same allowlist)."""
        shape, dtype, order = state.get("shape"), state.get("dtype"), state.get("order")
        if not (_is_shape(shape) and isinstance(dtype, np.dtype) and order in ("C", "F")
                and state.get("subclass") is _NDARRAY):
            _refuse("joblib array", state)
        if dtype.hasobject:
            array = self._nested(self._source).load()
            if not (isinstance(array, np.ndarray) and array.shape == shape and array.dtype == dtype):
                _refuse("joblib object array", state)
            return array
        count = int(np.prod(shape, dtype=np.int64))
        limits.budget().check(count * dtype.itemsize, "a joblib array of shape %s" % (shape,))
        if state.get("numpy_array_alignment_bytes") is not None:
            padding = self._source.read(1)
            self._read_exactly(padding[0] if padding else -1)
        array = np.empty(count, dtype=dtype)
        target = memoryview(array.view(np.uint8))
        filled = 0
        while filled < len(target):  # straight into the array, a chunk at a time
            read = self._source.readinto(target[filled:filled + containers.CHUNK])
            if not read:
                raise DocumentError("the joblib file ends inside an array", hint="The file is truncated")
            filled += read
        array = array.reshape(shape[::-1]).T if order == "F" else array.reshape(shape)
        if not dtype.isnative:  # joblib hands out native byte order
            array = array.byteswap().view(dtype.newbyteorder("="))
        return array

    def _read_exactly(self, size):
        data = self._source.read(size) if size >= 0 else b""
        if size < 0 or len(data) != size:
            raise DocumentError("the joblib file ends inside an array", hint="The file is truncated")
        return data

    def _npy_file(self, handle, name):
        """joblib < 0.10, uncompressed: the array in a ``.npy`` file next to the pickle."""
        npy = np.lib.format
        try:
            read_header = {(1, 0): npy.read_array_header_1_0, (2, 0): npy.read_array_header_2_0}.get(
                npy.read_magic(handle))
            if read_header is None:
                raise ValueError("unsupported .npy format version")
            shape, fortran, dtype = read_header(handle)
        except (ValueError, OSError, SyntaxError) as exc:
            raise DocumentError("the array file %s is not a valid .npy file: %s"
                                % (name, exc))
        if dtype.hasobject:
            data = self._nested(handle).load()
            if not isinstance(data, list):
                _refuse("joblib object array", data)
            return _array_from_state((shape, dtype, fortran, data))
        return _array_from_state((shape, dtype, fortran, handle.read()))

    def stub_type(self, module: str, name: str):
        key = (module, name)
        if key not in self._stub_types:
            self._stub_types[key] = type(str(name), (Stub,), {"module": module, "name": name, "__slots__": ()})
        return self._stub_types[key]

    def find_class(self, module, name):
        if module in _NUMPY_MODULES and name in _NUMPY_FUNCTIONS:
            return _NUMPY_FUNCTIONS[name]
        if module == "numpy" and name == "ndarray":
            return _NDARRAY
        if module == "numpy" and name == "dtype":
            return _dtype
        if module in ("builtins", "__builtin__") and name in _BUILTINS:
            return _BUILTINS[name]
        if module == "_codecs" and name == "encode":
            return _latin1_encode
        if module in ("copyreg", "copy_reg") and name == "_reconstructor":
            return _reconstructor
        if module in ("numpy.core", "numpy._core") and name == "_ufunc_reconstruct":
            return _ufunc_reference
        if module in ("builtins", "__builtin__") and name == "getattr":
            return self._bound_method
        if (module, name) == _PANDAS_NEW_INDEX:
            return _pandas_index
        if (module, name) == _PANDAS_INDEX or (module, name) in _MASKED:
            return self.stub_type(module, name)
        if (module, name) in _MASKED_RECONSTRUCT:
            return self._masked_placeholder
        qualified = "%s.%s" % (module, name)
        reference = global_reference(qualified)
        if reference is not None:  # an allowlisted type or function used as a value: kept as its name
            return reference
        if trust.is_trusted(qualified):  # the caller's own: an object of a class is read as an inert record
            return self.stub_type(module, name) if isinstance(trust.lookup(qualified), type) else Global(qualified)
        if (module, name) in _JOBLIB_ARRAYS or (module, name) in _NUMPY_RANDOM or (module, name) == _PARTIAL:
            return self.stub_type(module, name)
        if "%s.%s" % (module, name) in SPARSE_ALIASES:
            return self.stub_type(module, name)
        if module == "numpy.random.bit_generator" and name == "__pyx_unpickle_SeedSequence":
            return _pyx_unpickle
        if _SKLEARN_MODULE.match(module) and _NAME.match(name):
            if name == "newObj":
                return _new_object
            if name.startswith("__pyx_unpickle_"):
                return _pyx_unpickle
            return self.stub_type(module, name)
        raise UnsafeContentError("the file references %s.%s, which is not on sklearn-migrator's allowlist; "
                                 "nothing was loaded" % (module, name),
                                 hint="If it is a class or function of your own that you trust, name it: "
                                      "load_legacy(path, trusted=['%s.%s']); otherwise the file is not a plain scikit-learn model, or "
                                      "it was tampered with: do not load it with pickle either" % (module, name))

    def _masked_placeholder(self, subtype, baseclass, baseshape, basetype):
        """A masked array's record, which ``BUILD`` gives its data, mask and fill value."""
        if not (is_stub_type(subtype) and (subtype.module, subtype.name) in _MASKED) or baseclass is not _NDARRAY:
            raise UnsafeContentError("masked array reconstruction is only allowed for numpy.ma.MaskedArray of "
                                     "plain arrays")
        return subtype()

    def _bound_method(self, owner, name):
        """pickle stores a bound method as ``getattr(owner, name)``: one of a scikit-learn
        object's own methods (left in its state by 1.4+'s histogram gradient boosting)
        becomes an inert record, never looked up."""
        if not isinstance(owner, Stub) or not isinstance(name, str) or not _NAME.match(name):
            raise UnsafeContentError("getattr is only allowed for the methods of scikit-learn objects")
        return self.stub_type("builtins", "getattr")(owner, name)

    def persistent_load(self, pid):
        raise UnsafeContentError("the file uses pickle persistent ids, which plain scikit-learn models never do")


class _Memo(dict):
    """The unpickler's memo, remembering under which keys the objects ``BUILD`` may
    replace (numpy dtypes and arrays, joblib's array records) are stored."""

    def __init__(self):
        super().__init__()
        self.keys_of = {}

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if isinstance(value, (np.dtype, np.ndarray, Stub)):
            self.keys_of.setdefault(id(value), []).append(key)


def _refuse(what, state):
    raise UnsafeContentError("the file gives a numpy %s an invalid state (%.200r); nothing was built with it"
                             % (what, state))


def _is_shape(shape) -> bool:
    return isinstance(shape, tuple) and all(type(n) is int and 0 <= n < 2 ** 40 for n in shape)


def _dtype_from_state(dtype, state):
    """The dtype ``numpy.dtype.__setstate__`` would make of ``dtype`` and ``state``
    (version 3 or 4: endian, subarray, names, fields, size, alignment, flags[,
    metadata]), made by numpy's constructor; anything inconsistent is refused.
    The state's flags are derived data (and differ across numpy releases); only
    their aligned-struct bit is used, the constructor computes the rest."""
    if not (isinstance(state, tuple) and len(state) in (8, 9) and state[0] in (3, 4)):
        _refuse("dtype", state)
    endian, subarray, names, fields, size, alignment, flags = state[1:8]
    if not (isinstance(endian, str) and type(size) is int and type(flags) is int):
        _refuse("dtype", state)
    try:
        if subarray is not None:
            base, shape = subarray
            if not isinstance(base, np.dtype) or not _is_shape(shape) or names is not None:
                _refuse("dtype", state)
            built = np.dtype((base, shape))
        elif names is not None:
            if not (isinstance(names, tuple) and isinstance(fields, dict) and set(names) == set(fields)
                    and len(set(names)) == len(names) and all(isinstance(name, str) for name in names)
                    and all(isinstance(fields[name], tuple) and len(fields[name]) == 2
                            and isinstance(fields[name][0], np.dtype) and type(fields[name][1]) is int
                            for name in names)):
                _refuse("dtype", state)
            built = np.dtype({"names": list(names), "formats": [fields[name][0] for name in names],
                              "offsets": [fields[name][1] for name in names], "itemsize": size},
                             align=bool(flags & 0x80))
        else:
            if fields is not None or size not in (-1, dtype.itemsize):
                _refuse("dtype", state)
            built = dtype
        if endian in ("<", ">") and built.names is None and built.subdtype is None:
            built = built.newbyteorder(endian)
        elif endian not in ("|", "=", "<", ">"):
            _refuse("dtype", state)
    except (TypeError, ValueError):
        _refuse("dtype", state)
    return built


def _array_from_state(state):
    """The array ``numpy.ndarray.__setstate__`` would make of ``state`` ((version,)
    shape, dtype, Fortran order, data), made by numpy's constructors."""
    if isinstance(state, tuple) and len(state) == 5 and state[0] == 1:
        state = state[1:]
    if not (isinstance(state, tuple) and len(state) == 4):
        _refuse("array", state)
    shape, dtype, fortran, data = state
    if not (_is_shape(shape) and isinstance(dtype, np.dtype) and isinstance(fortran, (bool, int))):
        _refuse("array", state)
    order = "F" if fortran else "C"
    count = int(np.prod(shape, dtype=np.int64))
    if dtype.hasobject:
        if not (isinstance(data, list) and len(data) == count and dtype.kind == "O"):
            _refuse("array", state)
        array = np.empty(count, dtype=dtype)
        for index, item in enumerate(data):
            array[index] = item
        return array.reshape(shape, order=order)
    data = _python2_bytes(data)
    if not isinstance(data, (bytes, bytearray)) or len(data) != count * dtype.itemsize:
        _refuse("array", state)
    return np.frombuffer(bytearray(data), dtype=dtype, count=count).reshape(shape, order=order)


def _masked_from_state(state):
    """``{"data", "mask", "fill_value"}`` of a masked array from the state
    ``MaskedArray.__getstate__`` gives, its arrays made as :func:`_array_from_state` makes them."""
    if not (isinstance(state, tuple) and len(state) == 7 and state[0] == 1):
        _refuse("masked array", state)
    data = _array_from_state(state[1:5])
    mask = _array_from_state(state[1:2] + (np.dtype(np.bool_),) + state[3:4] + state[5:6])
    return {"data": data, "mask": mask, "fill_value": fill_value(state[6])}


class _NDARRAY:
    """What ``numpy.ndarray`` names in a pickle: only a marker for ``_reconstruct``."""

    def __init__(self):
        raise UnsafeContentError("numpy.ndarray may only be named as _reconstruct's array type")


def _reconstruct(subtype, shape, typecode):
    """A placeholder array; ``BUILD`` gives it its shape, dtype and data."""
    if subtype is not _NDARRAY:
        raise UnsafeContentError("numpy array reconstruction with subtype %r is not allowed" % (subtype,))
    return np.empty(0, dtype=np.uint8)


def _dtype(spec, align=False, copy=False):
    """``numpy.dtype`` for pickles: always a fresh copy, which ``BUILD`` may then set state on."""
    if not isinstance(spec, str):
        raise UnsafeContentError("numpy dtype reconstruction needs a type code, not %r" % (type(spec).__name__,))
    return np.dtype(spec, bool(align), True)


def _scalar(dtype, *args):
    if not isinstance(dtype, np.dtype):
        raise UnsafeContentError("numpy scalar reconstruction needs a dtype")
    if dtype.hasobject:
        return args[0] if args else None
    if not args:
        return dtype.type()
    data = _python2_bytes(args[0])
    if not isinstance(data, (bytes, bytearray)) or len(data) != dtype.itemsize:
        raise UnsafeContentError("a numpy %s scalar needs %d bytes, not %r" % (dtype, dtype.itemsize, type(data).__name__))
    return np.frombuffer(data, dtype=dtype, count=1)[0]


def _python2_bytes(data):
    """The bytes of a buffer in a pickle: a Python 2 ``str`` arrives as text (the reader decodes
    Python 2 strings as latin-1, as ``pickle.load(..., encoding="latin1")`` does for numpy state),
    and is encoded back to the same bytes."""
    return data.encode("latin1") if isinstance(data, str) else data


def _frombuffer(buffer, dtype, shape, order):
    if not isinstance(dtype, np.dtype) or dtype.hasobject or not isinstance(order, str) or order not in ("C", "F"):
        raise UnsafeContentError("numpy buffer reconstruction needs a plain dtype")
    return np.frombuffer(bytearray(buffer), dtype=dtype).reshape(shape, order=order)


_NUMPY_MODULES = ("numpy.core.multiarray", "numpy._core.multiarray", "numpy.core.numeric", "numpy._core.numeric")
_NUMPY_FUNCTIONS = {"_reconstruct": _reconstruct, "scalar": _scalar, "_frombuffer": _frombuffer}


def _ufunc_reference(module, name):
    """numpy 1.x pickles a ufunc as ``_ufunc_reconstruct(module, name)``: an allowlisted
    ufunc becomes its reference, anything else is refused."""
    reference = global_reference("%s.%s" % (module, name)) if isinstance(module, str) and isinstance(name, str) \
        else None
    if reference is None:
        raise UnsafeContentError("the file references the numpy function %.100r.%.100r, which is not on "
                                 "sklearn-migrator's allowlist; nothing was loaded" % (module, name))
    return reference


def _pandas_index(cls, attributes):
    data = attributes.get("data") if isinstance(attributes, dict) else None
    if not (is_stub_type(cls) and (cls.module, cls.name) == _PANDAS_INDEX and isinstance(data, np.ndarray)
            and data.dtype == object and data.ndim == 1):
        raise UnsafeContentError("only plain pandas Index objects of labels can be read from a pickle")
    return np.array(list(data), dtype=object)


def _latin1_encode(text, encoding="utf-8", errors="strict"):
    if not isinstance(text, str) or not isinstance(encoding, str) or encoding != "latin1":
        raise UnsafeContentError("_codecs.encode is only allowed for latin1 text (protocol 2 bytes)")
    return codecs.encode(text, "latin1")


def _reconstructor(cls, base, state):
    if not is_stub_type(cls) or base is not object or state is not None:
        raise UnsafeContentError("copyreg._reconstructor is only allowed for plain objects of scikit-learn classes")
    return cls.__new__(cls)


def _new_object(cls):
    if not is_stub_type(cls):
        raise UnsafeContentError("newObj is only allowed for scikit-learn classes")
    return cls.__new__(cls)


def _pyx_unpickle(cls, checksum, state):
    if not is_stub_type(cls):
        raise UnsafeContentError("__pyx_unpickle is only allowed for scikit-learn classes")
    stub = cls.__new__(cls)
    if state is not None:
        stub.__setstate__(state)
    return stub


def global_verdict(qualified: str) -> tuple:
    """``(readable, what)``: whether the legacy reader reads a global named ``module.name``
    in a pickle without ``trusted=``, and what it does with it."""
    from ..registry import entry_for_alias

    module, _, name = qualified.rpartition(".")
    if (module, name) in _JOBLIB_ARRAYS:
        return True, "joblib array record (the array is read from the bytes joblib stored with it)"
    if (module, name) in _NUMPY_RANDOM:
        return True, "numpy random state (read as an inert record)"
    if module in ("builtins", "__builtin__") and name == "getattr":
        return True, "bound method of a scikit-learn object (read as an inert record)"
    if (module, name) in (_PANDAS_INDEX, _PANDAS_NEW_INDEX):
        return True, "pandas Index of labels (read as an array of them)"
    if (module, name) == _PARTIAL:
        return True, "partial function (read as an inert record; its function must be on the allowlist)"
    try:
        found = RestrictedUnpickler(io.BytesIO(b"")).find_class(module, name)
    except UnsafeContentError:
        return False, "refused: not on the allowlist"
    if not is_stub_type(found):
        return True, "allowed: numpy/builtin reconstructor or pickle helper"
    try:
        entry_for_alias(qualified)
    except MigratorError:
        return False, "read as an inert record, but not a supported class"
    return True, "supported class (read as an inert record)"


def _read(unpickler):
    """Run ``unpickler``; anything but our own typed errors means the input is corrupt."""
    try:
        return unpickler.load()
    except MigratorError:
        raise
    except Exception as exc:  # numpy and pickle raise many types on corrupt input; all mean "unreadable"
        where = " after %d globals" % len(unpickler.found) if isinstance(unpickler, _GlobalsRecorder) else ""
        raise DocumentError("not a readable pickle%s: %s: %s" % (where, type(exc).__name__, exc),
                            hint="The file is truncated or not a pickle")


def _stream(source):
    return io.BytesIO(source) if isinstance(source, bytes) else source


def load_stubs(source, directory=None):
    """The object graph of a pickle (bytes, or a file object positioned at the stream),
    with scikit-learn objects as stubs. ``directory`` is where joblib < 0.10 kept
    the array files the pickle names (None: refuse them)."""
    return _read(RestrictedUnpickler(_stream(source), directory))


class _GlobalsRecorder(RestrictedUnpickler):
    """Reads a file like :class:`RestrictedUnpickler` but, instead of refusing a global
    outside the allowlist, records it and puts an inert stub in its place: the file's
    whole graph is walked (joblib arrays and nested streams included) and nothing in
    it can run."""

    def __init__(self, file, directory=None, found=None):
        super().__init__(file, directory)
        self.found = [] if found is None else found

    def _nested(self, source):
        return type(self)(source, self._directory, self.found)

    def find_class(self, module, name):
        self.found.append("%s.%s" % (module, name))
        try:
            return super().find_class(module, name)
        except UnsafeContentError:
            return self.stub_type(module, name)


def referenced_globals(source, directory=None) -> list:
    """Every ``module.name`` a pickle or joblib stream (bytes or a file object)
    references, found without running anything from it."""
    recorder = _GlobalsRecorder(_stream(source), directory)
    _read(recorder)
    return sorted(set(recorder.found))
