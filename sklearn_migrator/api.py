"""The public functions: serialize/deserialize documents, dump/load files."""
from __future__ import annotations

import os
import warnings

import sklearn

from . import jsonio
from .atomic import write_atomically
from .build import build
from .capture import capture
from .codec import decode_tree, encode_tree
from .document import check_envelope, envelope
from .errors import MigrationWarning, MigratorError, UnsupportedEstimatorError, VersionMismatchError
from .limits import reading
from .migrations import migrate
from .trust import is_trusted, trusting
from .versions import parse


def installed_version() -> str:
    """The scikit-learn release installed in this environment."""
    return sklearn.__version__


def check_installed(version, role: str) -> None:
    """Refuse a caller-declared version that is not the installed one."""
    if version is not None and parse(version) != parse(installed_version()):
        raise VersionMismatchError("%s=%r but scikit-learn %s is installed" % (role, version, installed_version()),
                                   target_version=installed_version())


def serialize(estimator, version_in=None, *, arrays: str = "auto", trusted=None) -> dict:
    """Export a fitted estimator as a JSON-compatible document.

    ``version_in`` (optional) is the scikit-learn version the caller believes
    the estimator runs under; it must be the installed one. ``arrays`` chooses
    how numeric arrays are written: ``"auto"`` (small ones as readable lists,
    large ones as base64 of their raw bytes), ``"list"`` or ``"base64"``. ``trusted`` names
    functions of the user's own to carry by import path (see :mod:`~sklearn_migrator.trust`).
    """
    check_installed(version_in, "version_in")
    return _document(estimator, arrays, trusted=trusted)


def _document(estimator, arrays, streamed=False, trusted=None):
    with trusting(trusted) as used:
        tree = capture(estimator)
    return envelope(tree.cls, installed_version(), encode_tree(tree, arrays, streamed), used)


def deserialize(doc, version_out=None, *, allow_unverified: bool = False, max_bytes=None, trusted=None):
    """Rebuild the estimator of a document under the installed scikit-learn.

    The state is migrated from the document's release to the installed one
    first; anything the migration had to change is reported as a
    :class:`~sklearn_migrator.errors.MigrationWarning`. Migration between
    release lines the version matrix has not verified is refused unless
    ``allow_unverified`` is set (then it is attempted, with a warning).
    ``max_bytes`` raises the bound on what the document may make the reader
    allocate (see :mod:`sklearn_migrator.limits`; default 256 MiB for a parsed document).
    ``trusted`` names the functions of the user's own the document references (its
    ``trusted`` list) that may be imported (see :mod:`~sklearn_migrator.trust`).
    """
    check_installed(version_out, "version_out")
    with reading(0, max_bytes), trusting(trusted):
        return _rebuild_document(doc, None, allow_unverified)


def _rebuild_document(doc, cut, allow_unverified=False):
    """``deserialize`` of a document parsed by ``jsonio.parse_document`` (``cut``: its cut-out strings)."""
    check_envelope(doc)
    untrusted = [name for name in doc.get("trusted", []) if not is_trusted(name)]
    if untrusted:
        raise UnsupportedEstimatorError("the document references functions of its own, which are code: %s"
                                        % ", ".join(untrusted), estimator=doc["estimator"].rsplit(".", 1)[-1],
                                        hint="If you trust them, load it with trusted=%r" % untrusted)
    try:
        tree = decode_tree(doc["tree"], "", cut)
    except MigratorError as error:
        raise error.located(estimator=doc["estimator"].rsplit(".", 1)[-1], source_version=doc["sklearn_version"],
                            target_version=installed_version())
    del cut  # the document text is no longer needed while the estimator is built: let it go
    return rebuild(tree, doc["sklearn_version"], allow_unverified=allow_unverified, stacklevel=4)


def rebuild(tree, source: str, *, allow_unverified: bool = False, stacklevel: int = 2):
    """Migrate a state tree from release ``source`` to the installed one (reporting
    what changed as :class:`~sklearn_migrator.errors.MigrationWarning`) and build it."""
    target = installed_version()
    try:
        migration = migrate(tree, source, target, allow_unverified=allow_unverified)
        for note in migration.notes:
            warnings.warn(note, MigrationWarning, stacklevel=stacklevel)
        return build(tree, consume=True)
    except MigratorError as error:
        raise error.located(estimator=tree.cls.rsplit(".", 1)[-1], source_version=source, target_version=target)


def dumps(estimator, *, arrays: str = "auto", indent=None, trusted=None) -> str:
    """The document of ``estimator`` as JSON text."""
    pieces = []
    jsonio.write_document(_document(estimator, arrays, streamed=True, trusted=trusted), pieces.append, indent)
    return b"".join(pieces).decode("utf-8")


def loads(text, *, max_bytes=None, trusted=None):
    """Rebuild an estimator from JSON text (or UTF-8 bytes); ``max_bytes`` and ``trusted`` as for
    :func:`load`."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with reading(len(data), max_bytes), trusting(trusted):
        return _rebuild_document(*jsonio.parse_document(data))


def dump(estimator, file, *, arrays: str = "auto", indent=None, trusted=None) -> None:
    """Write the document of ``estimator`` to a path or a text file object.

    A path is written atomically (to a temporary file in the same directory that
    replaces the target only once complete), gzip-compressed if it ends in
    ``.gz``, zstandard-compressed if it ends in ``.zst``. Array bytes are encoded
    and written piece by piece, never held in full as text. ``trusted`` as for :func:`serialize`.
    """
    doc = _document(estimator, arrays, streamed=True, trusted=trusted)
    if isinstance(file, (str, os.PathLike)):
        write_atomically(os.fspath(file), jsonio.file_writer(os.fspath(file), doc, indent))
    else:
        jsonio.write_document(doc, lambda piece: file.write(piece.decode("utf-8")), indent)


def load(file, *, max_bytes=None, trusted=None):
    """Rebuild an estimator from a document at a path (decompressed as its name says)
    or in a text file object.

    What the document declares (packed lists, the size of its decompressed text) may make
    the reader allocate at most ``max(256 MiB, 64 x the file's size)`` bytes, or
    ``max_bytes``; past it a :class:`~sklearn_migrator.limits.ResourceLimitError` is raised
    before anything is allocated. ``trusted`` as for :func:`deserialize`.
    """
    if not isinstance(file, (str, os.PathLike)):
        return loads(file.read(), max_bytes=max_bytes, trusted=trusted)
    path = os.fspath(file)
    with reading(_size_of(path), max_bytes, path=path), trusting(trusted):
        return _rebuild_document(*jsonio.parse_document(jsonio.read_file(path)))


def _size_of(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # opening it reports the problem
