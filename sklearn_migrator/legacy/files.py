"""``read_legacy`` / ``load_legacy``: a pickled estimator file -> document / estimator."""
from __future__ import annotations

import os

from ..api import deserialize
from ..codec import encode_tree
from ..document import envelope
from ..errors import DocumentError, MigratorError
from .reader import stubs_to_tree
from .unpickler import load_stubs

_JOBLIB_MARKERS = (b"NumpyArrayWrapper", b"ZF0x")


def read_legacy(path, *, arrays: str = "auto") -> dict:
    """The portable document of the estimator pickled in ``path``, at the file's release.

    No code from the file runs and no scikit-learn class it names is imported;
    the installed scikit-learn may be any supported release.
    """
    with open(os.fspath(path), "rb") as handle:
        data = handle.read()
    if any(marker in data for marker in _JOBLIB_MARKERS):
        raise DocumentError("joblib containers are not supported yet; only plain pickle files are",
                            path=os.fspath(path), hint="Track the legacy-rescue issue for joblib support")
    try:
        tree, version = stubs_to_tree(load_stubs(data))
    except MigratorError as error:
        raise error.located(path=os.fspath(path))
    return envelope(tree.cls, version, encode_tree(tree, arrays))


def load_legacy(path):
    """The estimator pickled in ``path``, rebuilt for the installed scikit-learn."""
    return deserialize(read_legacy(path))
