"""Checks for k-means models, whose Cython assignment code reads
``cluster_centers_`` with the column count of the input."""
from __future__ import annotations

import numpy as np

from ..tree import join
from ._state import field, require


def validate_kmeans(node, path):
    centers = field(node.state, "cluster_centers_", join(path, "state"), required=False)
    if centers is None:
        return
    where = join(path, "cluster_centers_")
    require(isinstance(centers, np.ndarray) and centers.ndim == 2 and centers.dtype.kind == "f"
            and centers.flags.c_contiguous, "cluster_centers_ must be a contiguous 2-D float array", where)
    declared = node.state.get("n_features_in_")
    require(declared is None or declared == centers.shape[1], "n_features_in_ does not match cluster_centers_",
            where)
