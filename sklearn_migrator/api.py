"""The public functions: serialize/deserialize documents, dump/load files."""
from __future__ import annotations

import io
import os

from . import jsonio, sniff
from .atomic import write_atomically
from .capture import capture
from .codec import decode_tree, encode_tree
from .document import check_envelope, envelope
from .errors import MigratorError, UnsupportedEstimatorError
from .legacy import load_legacy
from .limits import reading
from .restore import check_installed, installed_version, rebuild
from .trust import is_trusted, trusting


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
        raise UnsupportedEstimatorError("the document references classes or functions of its own, which are code: %s"
                                        % ", ".join(untrusted), estimator=doc["estimator"].rsplit(".", 1)[-1],
                                        hint="If you trust them, load it with trusted=%r" % untrusted)
    try:
        tree = decode_tree(doc["tree"], "", cut)
    except MigratorError as error:
        raise error.located(estimator=doc["estimator"].rsplit(".", 1)[-1], source_version=doc["sklearn_version"],
                            target_version=installed_version())
    del cut  # the document text is no longer needed while the estimator is built: let it go
    return rebuild(tree, doc["sklearn_version"], allow_unverified=allow_unverified, stacklevel=4)


def dumps(estimator, *, arrays: str = "auto", indent=None, trusted=None) -> str:
    """The document of ``estimator`` as JSON text."""
    pieces = []
    jsonio.write_document(_document(estimator, arrays, streamed=True, trusted=trusted), pieces.append, indent)
    return b"".join(pieces).decode("utf-8")


def loads(text, *, max_bytes=None, trusted=None):
    """Rebuild an estimator from JSON text (or UTF-8 bytes); ``max_bytes`` and ``trusted`` as for
    :func:`load`."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    kind = sniff.identify(data[:sniff.HEAD])
    if kind.route != sniff.DOCUMENT or kind.compression != "none":
        raise sniff.refuse(kind, sniff.DOCUMENT)
    with reading(len(data), max_bytes), trusting(trusted):
        return _rebuild_document(*jsonio.parse_document(data))


#: What ``dump`` writes, by the suffix of the file's name: plain JSON, gzip or zstandard.
SUFFIXES = {".json": None, ".gz": "gzip", ".zst": "zstd"}


def dump(estimator, file, *, compress=None, arrays: str = "auto", indent=None, trusted=None) -> None:
    """Write the document of ``estimator`` to a path or a file object.

    A path must end in ``.json`` (plain JSON), ``.gz`` (gzip-compressed, e.g.
    ``model.json.gz``) or ``.zst`` (zstandard-compressed, with the ``zstandard``
    package); ``compress`` (``"gzip"`` or ``"zstd"``), when given, must agree with
    it. It is written atomically (to a temporary file in the same directory that
    replaces the target only once complete). A binary file object receives the
    document's bytes, compressed as ``compress`` says; a text file object its text.
    Array bytes are encoded and written piece by piece, never held in full as text.
    ``trusted`` as for :func:`serialize`.
    """
    if compress is not None and compress not in sniff.DOCUMENT_COMPRESSIONS:
        raise ValueError("compress must be None, 'gzip' or 'zstd', got %r" % (compress,))
    if isinstance(file, (str, os.PathLike)):
        path = os.fspath(file)
        compress = _compression_of_name(path, compress)
        doc = _document(estimator, arrays, streamed=True, trusted=trusted)
        write_atomically(path, jsonio.file_writer(doc, compress, indent))
    elif isinstance(file, io.TextIOBase):
        if compress is not None:
            raise ValueError("a text file object takes plain JSON: open the file in binary mode ('wb') to "
                             "write it %s-compressed" % compress)
        doc = _document(estimator, arrays, streamed=True, trusted=trusted)
        jsonio.write_document(doc, lambda piece: file.write(piece.decode("utf-8")), indent)
    elif callable(getattr(file, "write", None)):
        jsonio.write_stream(_document(estimator, arrays, streamed=True, trusted=trusted), file, compress, indent)
    else:
        raise TypeError("dump writes to a path or a file object, not %s" % type(file).__name__)


def _compression_of_name(path, compress):
    """The compression a file name calls for, which ``compress`` (if given) must agree with."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in SUFFIXES:
        raise ValueError("dump writes sklearn-migrator documents: name the file .json, .json.gz (gzip) or "
                         ".json.zst (zstandard), not %r%s" % (os.path.basename(path), _pickle_hint(suffix)))
    named = SUFFIXES[suffix]
    if compress is not None and compress != named:
        raise ValueError("compress=%r but the name %r says %s" % (compress, os.path.basename(path),
                                                                 named or "plain JSON"))
    return named


def _pickle_hint(suffix):
    if suffix in (".pkl", ".pickle", ".joblib", ".sav"):
        return " (a native pickle for this release is joblib.dump's job; documents are what move across releases)"
    return ""


def load(file, *, max_bytes=None, trusted=None):
    """Rebuild the estimator (or the container of estimators) a file holds, under the
    installed scikit-learn: a document (plain JSON, gzip or zstandard) or a legacy pickle or
    joblib file of any release, told apart by content, not by name (legacy files are read as
    :func:`~sklearn_migrator.load_legacy` does). ``file`` is a path or a file object (binary;
    a text one holds a document).

    What the file declares (packed lists, the size of its decompressed text) may make
    the reader allocate at most ``max(256 MiB, 64 x the file's size)`` bytes, or
    ``max_bytes``; past it a :class:`~sklearn_migrator.limits.ResourceLimitError` is raised
    before anything is allocated. ``trusted`` as for :func:`deserialize`.
    """
    if isinstance(file, (str, os.PathLike)):
        path = os.fspath(file)
        kind = sniff.identify_path(path)
        if kind.route == sniff.LEGACY:
            return load_legacy(path, max_bytes=max_bytes, trusted=trusted)
        if kind.route != sniff.DOCUMENT:
            raise sniff.refuse(kind, sniff.DOCUMENT, path)
        with reading(_size_of(path), max_bytes, path=path), trusting(trusted):
            return _rebuild_document(*jsonio.parse_document(jsonio.read_file(path, kind.compression)))
    data = file.read()
    if isinstance(data, str):
        return loads(data, max_bytes=max_bytes, trusted=trusted)
    kind = sniff.identify(data[:sniff.HEAD])
    if kind.route == sniff.LEGACY:
        return load_legacy(io.BytesIO(data), max_bytes=max_bytes, trusted=trusted)
    if kind.route != sniff.DOCUMENT:
        raise sniff.refuse(kind, sniff.DOCUMENT)
    with reading(len(data), max_bytes), trusting(trusted):
        if kind.compression != "none":
            data = jsonio.decompress(io.BytesIO(data), kind.compression)
        return _rebuild_document(*jsonio.parse_document(data))


def _size_of(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # opening it reports the problem
