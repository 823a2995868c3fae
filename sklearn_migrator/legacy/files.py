"""``read_legacy`` / ``load_legacy``: a pickled estimator file -> document / estimator."""
from __future__ import annotations

import os

from ..api import deserialize
from ..codec import encode_tree
from ..document import envelope
from ..errors import DocumentError, MigratorError
from .containers import open_stream
from .reader import stubs_to_tree
from .unpickler import load_stubs


def read_legacy(path, *, arrays: str = "auto") -> dict:
    """The portable document of the estimator pickled in ``path`` (a pickle file, or
    any file ``joblib.dump`` writes), at the file's release.

    No code from the file runs and no scikit-learn class it names is imported;
    the installed scikit-learn may be any supported release.
    """
    path = os.fspath(path)
    try:
        stream, _ = open_stream(path)
        with stream:
            stubs = load_stubs(stream, os.path.dirname(os.path.abspath(path)))
        tree, version = stubs_to_tree(stubs)
    except MigratorError as error:
        raise error.located(path=path)
    except (OSError, EOFError) as exc:
        raise DocumentError("cannot read the file: %s" % exc, path=path)
    return envelope(tree.cls, version, encode_tree(tree, arrays))


def load_legacy(path):
    """The estimator pickled in ``path``, rebuilt for the installed scikit-learn."""
    return deserialize(read_legacy(path))
