"""What a file holds, told from its content, never from its name.

A *document* is JSON text whose first non-blank byte is ``{``, plain or
compressed with gzip or zstandard. A *legacy* file is a pickle stream (any
protocol, 0 to 5), plain or in one of joblib's containers (zlib, gzip, bz2, xz,
lzma, lz4, or joblib < 0.10's ``ZF`` files). :func:`identify` reads the first
bytes (decompressing a few of them when the file is compressed), so
:func:`sklearn_migrator.load` takes either kind, and every error about a file
that is not what a function reads can say what the file is and what reads it.
"""
from __future__ import annotations

import bz2
import lzma
import pickletools
import zlib

from .errors import DocumentError

DOCUMENT, LEGACY = "document", "legacy"
#: How many bytes of a file are looked at.
HEAD = 4096
#: Compressions a document may have (and the names ``dump(compress=...)`` takes).
DOCUMENT_COMPRESSIONS = ("gzip", "zstd")
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"\x28\xb5\x2f\xfd", "zstd"), (b"BZh", "bz2"), (b"\xfd7zXZ", "xz"),
          (b"\x5d\x00\x00", "lzma"), (b"\x04\x22\x4d\x18", "lz4"), (b"ZF", "zf"), (b"\x78", "zlib"))
#: Bytes a pickle stream may start with: the opcodes of protocols 0 to 5 (protocol 2 on start with PROTO).
_OPCODES = frozenset(op.code.encode("latin-1") for op in pickletools.opcodes)
_OTHER_FORMATS = ((b"PK\x03\x04", "a zip archive (a .skops file? skops.io.load reads those)"),
                  (b"\x93NUMPY", "a numpy .npy array file"), (b"\x89HDF", "an HDF5 file"),
                  (b"ONNX", "an ONNX model"), (b"<?xml", "an XML file (PMML?)"), (b"<PMML", "a PMML file"))


class Kind:
    """What :func:`identify` found: ``route`` (``"document"``, ``"legacy"`` or None when
    neither reader takes the file), ``compression`` (``"none"``, ``"gzip"``, ...) and
    ``description``, a phrase for messages (``"a gzip-compressed sklearn-migrator document"``)."""

    __slots__ = ("route", "compression", "description")

    def __init__(self, route, compression, description):
        self.route, self.compression, self.description = route, compression, description

    def __repr__(self):
        return "Kind(%r, %r, %r)" % (self.route, self.compression, self.description)


def compression_of(head: bytes) -> str:
    """The compressor named by a file's first bytes (``"none"`` for a plain file)."""
    return next((name for magic, name in _MAGIC if head.startswith(magic)), "none")


def identify(head: bytes) -> Kind:
    """The kind of a file from its first bytes (up to :data:`HEAD` of them)."""
    if not head:
        return Kind(None, "none", "an empty file")
    compression = compression_of(head)
    if compression == "zlib" and not _zlib_header(head):
        compression = "none"  # 'x' (0x78) only starts a zlib stream with a valid header check
    for magic, description in _OTHER_FORMATS:
        if head.startswith(magic):
            return Kind(None, "none", description)
    inner = head if compression == "none" else _peek(head, compression)
    packed = "" if compression == "none" else "%s-compressed " % compression
    if inner is _CORRUPT:
        return Kind(None, compression, "a %s-compressed file whose content does not decompress (corrupt)"
                    % compression)
    if not inner and compression == "zstd":
        # No package to peek with (the document reader names it), or the head ends inside the first block
        # (zstandard decodes whole blocks, up to 128 KiB): joblib writes no zstandard, documents do.
        return Kind(DOCUMENT, compression, "a zstandard-compressed file")
    if inner is None:  # lz4 without its package: the legacy reader names it
        return Kind(LEGACY, compression, "a %sfile (joblib writes those)" % packed)
    text = inner.lstrip(b" \t\r\n")
    if text[:1] == b"{":
        if compression in ("none",) + DOCUMENT_COMPRESSIONS:
            return Kind(DOCUMENT, compression, "a %sJSON document" % packed)
        return Kind(None, compression, "%s JSON text: documents are read plain, gzip- or "
                                       "zstandard-compressed" % ("a " + packed).rstrip())
    if text[:1] in (b"[", b'"') or text[:1].isdigit():
        return Kind(None, compression, "%sJSON text that is not a sklearn-migrator document" % ("a " + packed))
    if inner[:1] == b"\x80" and len(inner) > 1 and 2 <= inner[1] <= 5:
        return Kind(LEGACY, compression, "a %spickle stream (protocol %d)" % (packed, inner[1]))
    if compression not in ("none", "zstd") or (inner[:1] in _OPCODES and _textual(inner)):
        return Kind(LEGACY, compression, "a %spickle stream" % packed if compression != "zf"
                    else "a joblib ZF file (joblib < 0.10)")
    return Kind(None, compression, "neither a document nor a pickle (it starts with bytes %s)"
                % " ".join("%02x" % byte for byte in bytearray(head[:8])))


def identify_path(path) -> Kind:
    """The kind of the file at ``path`` (a missing or unreadable file raises the ``OSError``)."""
    with open(path, "rb") as handle:
        return identify(handle.read(HEAD))


def refuse(kind: Kind, wanted: str, path=None):
    """The error for a file of ``kind`` handed to a reader of ``wanted`` files (``"document"``
    or ``"legacy"``), naming what the file is and what reads it."""
    if kind.route == DOCUMENT:
        hint = "It is a document: read it with sklearn_migrator.load"
    elif kind.route == LEGACY:
        hint = "It is a legacy pickle: read it with sklearn_migrator.load or load_legacy"
    elif kind.description == "an empty file":
        hint = "The file was not written completely; write it again from its source"
    else:
        hint = "sklearn-migrator reads its own documents and scikit-learn pickle/joblib files"
    return DocumentError("the file is %s, not %s" % (kind.description, "a sklearn-migrator document"
                                                      if wanted == DOCUMENT else "a pickle or joblib file"),
                         path=None if path is None else str(path), hint=hint)


def _zlib_header(head) -> bool:
    return len(head) > 1 and (head[0] * 256 + head[1]) % 31 == 0


def _textual(inner) -> bool:
    """Whether a stream starting with a printable opcode reads as protocol 0/1 pickle (not prose):
    it ends its first line or holds a non-printable byte early on, as opcodes' arguments do."""
    start = inner[:64]
    return b"\n" in start or any(byte < 32 or byte > 126 for byte in bytearray(start))


_CORRUPT = object()


def _peek(head, compression):
    """The first decompressed bytes of a compressed file's head: b"" if its first block is
    longer than the head, None without the package to decompress it, ``_CORRUPT`` if it
    does not decompress."""
    try:
        if compression == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        if compression == "zlib":
            return zlib.decompressobj().decompress(head, 64)
        if compression == "zf":
            return zlib.decompressobj().decompress(head[21:].lstrip(b" "), 64)
        if compression == "bz2":
            return bz2.BZ2Decompressor().decompress(head, 64)
        if compression in ("xz", "lzma"):
            return lzma.LZMADecompressor().decompress(head, 64)
        if compression == "zstd":
            import zstandard

            return zstandard.ZstdDecompressor().decompressobj().decompress(head)[:64]
        import lz4.frame

        return lz4.frame.LZ4FrameDecompressor().decompress(head, 64)
    except ImportError:
        return None
    except Exception:  # numpy-free decompressors raise several types; all mean a corrupt head
        return _CORRUPT
