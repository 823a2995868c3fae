"""numpy masked arrays, as state values.

A search's ``cv_results_`` holds one masked array per searched parameter
(``param_C``): the candidates' values, masked where a candidate's grid did not
set that parameter. A masked array is captured as its data (any dtype, object
arrays included: parameter values may be tuples or estimators), its boolean
mask of the same shape and the fill value it was given (None when it was never
set), and rebuilt by ``numpy.ma.MaskedArray`` from exactly those.
"""
from __future__ import annotations

import numpy as np

from ..tree import Node, join
from ._state import require


class MaskedArrayCodec:
    """The codec of ``numpy.ma.MaskedArray``."""

    def capture(self, obj, entry):
        return Node(entry.name, state={"data": np.asarray(obj.data), "mask": np.ma.getmaskarray(obj).copy(),
                                       "fill_value": fill_value(obj._fill_value)})

    def validate(self, node, path):
        require(node.params is None and node.args is None, "a masked array takes only state", path)
        state = node.state
        require(isinstance(state, dict) and set(state) == {"data", "mask", "fill_value"},
                "expected the fields data, mask and fill_value", path)
        data, mask = state["data"], state["mask"]
        require(isinstance(data, np.ndarray) and data.dtype.names is None, "data must be an array of a plain dtype",
                join(path, "data"))
        require(isinstance(mask, np.ndarray) and mask.dtype == np.bool_ and mask.shape == data.shape,
                "mask must be a boolean array of the data's shape %s", join(path, "mask"), data.shape)
        fill = state["fill_value"]
        require(fill is None or type(fill) in (bool, int, float, str) or isinstance(fill, np.generic),
                "fill_value must be a scalar or null", join(path, "fill_value"))

    def build(self, cls, node, path):
        state = node.state
        return cls(state["data"], mask=state["mask"], fill_value=state["fill_value"])



def fill_value(stored):
    """The fill value a masked array keeps (a 0-d array, or None until it is set) as a scalar."""
    return stored[()] if isinstance(stored, np.ndarray) and stored.ndim == 0 else stored
