"""``read_legacy`` / ``load_legacy``: a pickled estimator file -> document / estimator."""
from __future__ import annotations

import os

from .. import limits
from ..api import rebuild
from ..codec import encode_tree
from ..document import envelope
from ..errors import DocumentError, MigratorError
from ..trust import trusting
from .containers import open_stream
from .reader import stubs_to_tree
from .unpickler import load_stubs


def read_tree(path):
    """``(state tree, source release)`` of the estimator pickled in ``path`` (a pickle
    file, or any file ``joblib.dump`` writes). No code from the file runs and no
    scikit-learn class it names is imported. Call it within :func:`limits.reading`."""
    try:
        stream, _ = open_stream(path)
        with stream:
            stubs = load_stubs(stream, os.path.dirname(os.path.abspath(path)))
        return stubs_to_tree(stubs)
    except MigratorError as error:
        raise error.located(path=path)
    except (OSError, EOFError) as exc:
        raise DocumentError("cannot read the file: %s" % exc, path=path)


def reading_file(path, max_bytes=None):
    """The bounds of reading the file at ``path`` (see :mod:`sklearn_migrator.limits`)."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise DocumentError("cannot read the file: %s" % exc, path=path)
    return limits.reading(size, max_bytes, path=path)


def tree_document(tree, version: str, arrays: str = "auto", trusted=()) -> dict:
    """The portable document of a state tree read from a file, at the file's release."""
    return envelope(tree.cls, version, encode_tree(tree, arrays), trusted)


def read_legacy(path, *, arrays: str = "auto", max_bytes=None, trusted=None) -> dict:
    """The portable document of the estimator pickled in ``path``, at the file's release;
    the installed scikit-learn may be any supported release. What the file declares may
    make the reader allocate at most ``max(256 MiB, 64 x its size)`` bytes, or ``max_bytes``.
    ``trusted`` names functions of the user's own the file may reference (see
    :mod:`~sklearn_migrator.trust`); the document lists those it holds."""
    path = os.fspath(path)
    with reading_file(path, max_bytes), trusting(trusted) as used:
        tree, version = read_tree(path)
        return tree_document(tree, version, arrays, used)


def load_legacy(path, *, max_bytes=None, trusted=None):
    """The estimator pickled in ``path``, rebuilt for the installed scikit-learn (straight
    from the file's state, without an intermediate document); ``max_bytes`` and ``trusted``
    as for :func:`read_legacy`."""
    path = os.fspath(path)
    with reading_file(path, max_bytes), trusting(trusted):
        tree, version = read_tree(path)
        try:
            return rebuild(tree, version, stacklevel=3)
        except MigratorError as error:
            raise error.located(path=path)
