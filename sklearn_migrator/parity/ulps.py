"""Distances between floating-point outputs in units in the last place (ulps).

The distance between two finite floats of one dtype is the number of floats
of that dtype between them, plus one (0 when they are equal, 1 for
neighbours), whatever their magnitude: a relative measure. Equal infinities
and NaN against NaN are 0 apart; NaN or an infinity against anything else is
infinitely far. Complex outputs are measured part by part.
"""
from __future__ import annotations

import numpy as np

_INTEGER = {4: (np.int32, np.uint32), 8: (np.int64, np.uint64), 2: (np.int16, np.uint16)}


def max_ulps(want, got) -> float:
    """The largest ulp distance between corresponding elements of two float (or
    complex) arrays of one shape and dtype; ``inf`` where a non-finite value is
    met by another value."""
    want, got = np.asarray(want), np.asarray(got)
    if want.dtype.kind == "c":
        return max(max_ulps(want.real, got.real), max_ulps(want.imag, got.imag))
    if want.size == 0:
        return 0.0
    same = (want == got) | (np.isnan(want) & np.isnan(got))
    if same.all():
        return 0.0
    if not (np.isfinite(want[~same]).all() and np.isfinite(got[~same]).all()):
        return float("inf")
    return float(_ordered_distance(want[~same], got[~same]).max())


def _ordered_distance(a, b):
    """``|rank(a) - rank(b)|`` where rank orders a dtype's floats as integers
    (negative floats mirrored below zero, so -0.0 and +0.0 share rank 0)."""
    signed, unsigned = _INTEGER[a.dtype.itemsize]
    low = np.iinfo(signed).min

    def rank(x):
        bits = np.ascontiguousarray(x).view(signed)
        return np.where(bits < 0, low - bits, bits)  # for negative floats: -(bits & magnitude mask)

    ra, rb = rank(a), rank(b)
    # the difference of two ranks may not fit the signed type: take it modulo 2**bits, in order
    ua, ub = ra.view(unsigned), rb.view(unsigned)
    return np.where(ra >= rb, ua - ub, ub - ua).astype(np.float64)
