"""``read_legacy`` / ``load_legacy``: a pickled estimator file -> document / estimator."""
from __future__ import annotations

import io
import os

from .. import limits
from ..restore import rebuild
from ..codec import encode_tree
from ..document import envelope
from ..errors import DocumentError, MigratorError
from ..trust import trusting
from .containers import open_stream
from ..sniff import HEAD
from .python2 import text_arrays, written_by_python2
from .reader import stubs_to_tree
from .unpickler import global_verdict, load_stubs, referenced_globals


def referenced_names(source) -> dict:
    """``{module.name: (readable, what the reader does with it)}`` of every global the pickle or
    joblib file ``source`` references (see ``unpickler.global_verdict``), found without running
    anything from it (call it within :func:`reading_file`)."""
    path = source.path
    stream, _ = open_stream(source.reopened())
    with stream:
        names = referenced_globals(stream, None if path is None else os.path.dirname(os.path.abspath(path)))
    return {name: global_verdict(name) for name in names}


def read_tree(source):
    """``(state tree, source release)`` of the estimator pickled in ``source`` (a :class:`Source`):
    a pickle, or anything ``joblib.dump`` writes, under Python 3 or 2 (:mod:`.python2`). No code
    from the file runs and no scikit-learn class it names is imported. Call it within :func:`reading_file`."""
    path = source.path
    try:
        python2 = written_by_python2(source.head())
        stream, _ = open_stream(source.reopened())
        with stream:
            stubs = load_stubs(stream, None if path is None else os.path.dirname(os.path.abspath(path)))
        tree, version = stubs_to_tree(stubs)
        return (text_arrays(tree) if python2 else tree), version
    except MigratorError as error:
        raise error.located(path=path)
    except (OSError, EOFError) as exc:
        raise DocumentError("cannot read the file: %s" % exc, path=path)


class Source:
    """A legacy file to read: a ``path``, or the bytes of a ``file`` object read whole (joblib's
    sibling array files of releases before 0.10 are only read next to a path)."""

    __slots__ = ("path", "file", "size")

    def __init__(self, path_or_file):
        if isinstance(path_or_file, (str, os.PathLike)):
            self.path, self.file = os.fspath(path_or_file), None
            try:
                self.size = os.path.getsize(self.path)
            except OSError as exc:
                raise DocumentError("cannot read the file: %s" % exc, path=self.path)
        else:
            data = path_or_file.read()
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError("a legacy file must be opened in binary mode ('rb'), got %s from read()"
                                % type(data).__name__)
            self.path, self.file, self.size = None, io.BytesIO(data), len(data)

    def reopened(self):
        """What :func:`~.containers.open_stream` reads: the path, or a new reader of the bytes."""
        return self.path if self.file is None else io.BytesIO(self.file.getbuffer())

    def head(self) -> bytes:
        """The first bytes of the pickle stream (decompressed)."""
        stream, _ = open_stream(self.reopened())
        with stream:
            return stream.read(HEAD)


def reading_file(source, max_bytes=None):
    """The bounds of reading ``source`` (a :class:`Source`; see :mod:`sklearn_migrator.limits`)."""
    return limits.reading(source.size, max_bytes, path=source.path)


def tree_document(tree, version: str, arrays: str = "auto", trusted=()) -> dict:
    """The portable document of a state tree read from a file, at the file's release."""
    return envelope(tree.cls, version, encode_tree(tree, arrays), trusted)


def read_legacy(path, *, arrays: str = "auto", max_bytes=None, trusted=None) -> dict:
    """The portable document of the estimator pickled in ``path`` (a path or a binary file
    object), at the file's release; the installed scikit-learn may be any supported release.
    What the file declares may make the reader allocate at most ``max(256 MiB, 64 x its size)``
    bytes, or ``max_bytes``. ``trusted`` names classes and functions of the user's own the file
    may reference (see :mod:`~sklearn_migrator.trust`); the document lists those it holds."""
    source = Source(path)
    with reading_file(source, max_bytes), trusting(trusted) as used:
        tree, version = read_tree(source)
        return tree_document(tree, version, arrays, used)


def load_legacy(path, *, max_bytes=None, trusted=None):
    """The estimator pickled in ``path`` (a path or a binary file object), rebuilt for the
    installed scikit-learn (straight from the file's state, without an intermediate document);
    ``max_bytes`` and ``trusted`` as for :func:`read_legacy`."""
    source = Source(path)
    with reading_file(source, max_bytes), trusting(trusted):
        tree, version = read_tree(source)
        try:
            return rebuild(tree, version, stacklevel=3)
        except MigratorError as error:
            raise error.located(path=source.path)
