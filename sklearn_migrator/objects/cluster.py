"""Checks for k-means models, whose Cython assignment code reads
``cluster_centers_`` with the column count of the input and runs on
``_n_threads`` OpenMP threads (0.23+: the fitting machine's count)."""
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
    threads = node.state.get("_n_threads")  # (OpenMP aborts the process on a count below 1)
    require(threads is None or (isinstance(threads, (int, np.integer)) and not isinstance(threads, bool)
                                and 1 <= threads <= MAX_THREADS),
            "_n_threads must be a thread count in [1, %d]", join(path, "_n_threads"), MAX_THREADS)


#: More OpenMP threads than any machine a model was fitted on has cores.
MAX_THREADS = 4096
