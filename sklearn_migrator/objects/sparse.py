"""scipy sparse matrices and arrays in CSR, CSC and COO format, as state values.

An estimator fitted on sparse input keeps some of it sparse (SVC's
``support_vectors_``, the training matrix of brute-force neighbours, the idf
diagonal of older TfidfTransformers), and compiled code indexes its data with
its index arrays: libsvm's sparse kernels, the sparse distance routines. So a
matrix is captured as its format's arrays with their exact dtypes, its shape
and the sortedness scipy had established, every index is checked before
anything is built, and it is rebuilt with exactly those arrays (scipy's
constructors may narrow an index dtype; the arrays are put back after).

``*_array`` classes (scipy 1.8+) are rebuilt as such where scipy has them and
as the ``*_matrix`` of their format where it has not: scikit-learn treats both
alike.
"""
from __future__ import annotations

import numpy as np

from ..tree import Node, join
from ._state import as_int, field, require

#: The index arrays of each format, and which dimension CSR/CSC compress.
INDEX_FIELDS = {"csr": ("indices", "indptr"), "csc": ("indices", "indptr"), "coo": ("row", "col")}
_COMPRESSED_AXIS = {"csr": 0, "csc": 1}
_FLAGS = ("sorted_indices", "canonical_format")


def sparse_format(value):
    """The format (``"csr"``, ``"csc"``, ``"coo"``) of a sparse matrix or array node, or
    None for any other value."""
    if type(value) is Node and value.cls.startswith("scipy.sparse."):
        return value.cls.rsplit(".", 1)[1].split("_")[0]
    return None


def shape_of(value):
    """The shape of an array or of a sparse matrix node (None for anything else, or for a
    sparse node whose shape is malformed: its codec refuses it later)."""
    if isinstance(value, np.ndarray):
        return value.shape
    shape = value.state.get("shape") if sparse_format(value) and isinstance(value.state, dict) else None
    if isinstance(shape, list) and len(shape) == 2 and all(type(size) is int for size in shape):
        return tuple(shape)
    return None


def sparse_shape(value, path):
    """``(rows, columns)`` of a sparse matrix node, checked (an estimator's validator may
    run before the matrix's own, which checks the rest)."""
    shape = value.state.get("shape") if isinstance(value.state, dict) else None
    require(isinstance(shape, list) and len(shape) == 2, "a sparse matrix needs a shape of two sizes", path)
    return tuple(as_int(size, "a size", path, minimum=0) for size in shape)


class SparseCodec:
    """The codec of one sparse format (``"csr"``, ``"csc"`` or ``"coo"``)."""

    def __init__(self, sparse_format: str):
        self.format = sparse_format

    def capture(self, obj, entry):
        state = {"shape": [int(size) for size in obj.shape], "data": obj.data}
        for name in INDEX_FIELDS[self.format]:
            state[name] = getattr(obj, name)
        state.update(_flags(obj.__dict__))
        return Node(entry.name, state=state)

    def legacy_state(self, state):
        """The captured form of a matrix's pickled ``__dict__`` (any scipy release: COO's
        ``row``/``col`` became ``coords`` in 1.13)."""
        if not isinstance(state, dict):
            return state
        out = {"shape": state.get("_shape"), "data": state.get("data")}
        if self.format == "coo" and "coords" in state:
            coords = state["coords"]
            out["row"], out["col"] = coords if isinstance(coords, tuple) and len(coords) == 2 else (None, None)
        for name in INDEX_FIELDS[self.format]:
            out.setdefault(name, state.get(name))
        out.update(_flags(state))
        out["shape"] = list(out["shape"]) if isinstance(out["shape"], tuple) else out["shape"]
        return out

    def validate(self, node, path):
        require(node.params is None and node.args is None, "a sparse matrix takes only state", path)
        state = node.state
        require(isinstance(state, dict) and set(state) == {"shape", "data", *INDEX_FIELDS[self.format], *_FLAGS},
                "expected the fields shape, data, %s, %s", path, ", ".join(INDEX_FIELDS[self.format]),
                ", ".join(_FLAGS))
        rows, columns = sparse_shape(node, join(path, "shape"))
        require(max(rows, columns) < 2 ** 62, "shape %s is too large", join(path, "shape"), state["shape"])
        data = field(state, "data", path, kinds="biufc", ndim=1)
        first, second = (field(state, name, path, kinds="i", ndim=1) for name in INDEX_FIELDS[self.format])
        require(first.dtype == second.dtype and first.dtype.itemsize in (4, 8),
                "index arrays must share an int32 or int64 dtype, got %s and %s", path, first.dtype, second.dtype)
        for name in _FLAGS:
            require(state[name] is None or type(state[name]) is bool, "%s must be true, false or null",
                    join(path, name), name)
        if self.format == "coo":
            _check_coordinates(first, second, data, rows, columns, path)
        else:
            _check_compressed(first, second, data, (rows, columns), _COMPRESSED_AXIS[self.format], path)
            _check_flags(state, first, second, path)

    def build(self, cls, node, path):
        state = node.state
        first, second = (state[name] for name in INDEX_FIELDS[self.format])
        data, shape = state["data"], tuple(state["shape"])
        if self.format == "coo":
            matrix = cls((data, (first, second)), shape=shape)
            if "coords" in matrix.__dict__:  # scipy 1.13+: its row and col setters cast to the dtype it chose
                matrix.coords = (first, second)
            else:
                matrix.row, matrix.col = first, second
            canonical = state["canonical_format"]
            if canonical is not None:
                matrix.has_canonical_format = canonical
        else:
            matrix = cls((data, first, second), shape=shape)
            matrix.indices, matrix.indptr = first, second
            if state["sorted_indices"] is not None:
                matrix.has_sorted_indices = state["sorted_indices"]
            if state["canonical_format"] is not None:
                matrix.has_canonical_format = state["canonical_format"]
        matrix.data = data
        return matrix


def _flags(attributes):
    """The sortedness a matrix's attributes record (``has_canonical_format`` unprefixed in
    COO), as true, false or None where scipy had not looked."""
    known = (attributes.get("_has_sorted_indices"),
             attributes.get("_has_canonical_format", attributes.get("has_canonical_format")))
    return {name: None if value is None else bool(value) for name, value in zip(_FLAGS, known)}


def _check_compressed(indices, indptr, data, shape, axis, path):
    """CSR/CSC: ``indptr`` starts at 0, never decreases and ends at the number of stored
    values; every index is inside the uncompressed dimension."""
    major, minor = shape[axis], shape[1 - axis]
    require(indptr.shape[0] == major + 1, "indptr has %d entries for %d %s (expected %d)", join(path, "indptr"),
            indptr.shape[0], major, "rows" if axis == 0 else "columns", major + 1)
    require(indptr[0] == 0, "indptr must start at 0", join(path, "indptr"))
    require(bool(np.all(indptr[1:] >= indptr[:-1])), "indptr must never decrease", join(path, "indptr"))
    require(int(indptr[-1]) == indices.shape[0] == data.shape[0],
            "indptr ends at %d, but there are %d indices and %d values", join(path, "indptr"),
            int(indptr[-1]), indices.shape[0], data.shape[0])
    _check_range(indices, minor, "indices", path)


def _check_coordinates(row, col, data, rows, columns, path):
    require(row.shape[0] == col.shape[0] == data.shape[0], "row, col and data have %d, %d and %d entries",
            path, row.shape[0], col.shape[0], data.shape[0])
    _check_range(row, rows, "row", path)
    _check_range(col, columns, "col", path)


def _check_range(indices, size, name, path):
    if indices.shape[0]:
        low, high = int(indices.min()), int(indices.max())
        require(low >= 0 and high < size, "%s must lie in [0, %d), found %d to %d", join(path, name), name, size,
                low, high)


def _check_flags(state, indices, indptr, path):
    """A matrix said to have sorted indices (or canonical format: sorted, no duplicates)
    must have them: scipy's routines rely on the claim."""
    if not (state["sorted_indices"] or state["canonical_format"]):
        return
    steps = np.diff(indices)
    inside = np.ones(steps.shape[0], dtype=bool)  # steps within one row (not across a row's end)
    ends = indptr[1:-1] - 1
    inside[ends[(ends >= 0) & (ends < steps.shape[0])]] = False
    require(not state["sorted_indices"] or bool(np.all(steps[inside] >= 0)),
            "sorted_indices is true, but the indices are not sorted", join(path, "sorted_indices"))
    require(not state["canonical_format"] or bool(np.all(steps[inside] > 0)),
            "canonical_format is true, but the indices are not sorted without duplicates",
            join(path, "canonical_format"))
