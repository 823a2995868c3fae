"""The numeric stack an output was computed on: what decides its floating-point rounding.

Two environments share a stack when they run the same numpy and scipy versions
on a CPU with the same SIMD extensions: numpy's vectorised math and the BLAS it
bundles pick their kernels by CPU at run time (the same numpy computes exp with
other kernels on an AVX512F machine).
"""
from __future__ import annotations

import numpy as np

#: CPU extensions by which numpy's and OpenBLAS's runtime dispatch pick their kernels (x86 and ARM).
_SIMD = {"sse2", "sse3", "ssse3", "sse4_1", "sse4_2", "avx", "f16c", "fma", "avx2", "avx512f", "avx512cd", "avx512bw",
         "avx512dq", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "asimd", "asimdhp", "sve", "sve2"}


def stack() -> dict:
    """The numeric stack running here: numpy and scipy versions, machine and SIMD extensions."""
    import platform

    import scipy

    return {"numpy": np.__version__, "scipy": scipy.__version__, "cpu": "%s %s" % (platform.machine(), _simd())}


def _simd() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith(("flags", "Features")):
                    return ",".join(sorted(_SIMD.intersection(line.split(":", 1)[1].split())))
    except OSError:  # not Linux: the processor's name is what there is
        pass
    import platform

    return platform.processor() or "unknown"
