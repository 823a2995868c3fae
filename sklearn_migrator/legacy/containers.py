"""The files pickled estimators come in: plain pickles and every joblib layout.

joblib (0.10 and later, also vendored as ``sklearn.externals.joblib``) writes
one pickle stream in which each numpy array is a ``NumpyArrayWrapper`` record
followed by the array's raw bytes (object arrays: a nested pickle stream),
the whole file optionally compressed (zlib, gzip, bz2, xz, lzma, lz4). joblib
before 0.10 wrote the pickle alone, plain or zlib-compressed as a ``ZF`` file,
with each array in a sibling file (``.npy``, or ``ZF``-compressed raw bytes).

:func:`open_stream` recognises the layout from the file's first bytes and
returns a file object reading the decompressed stream sequentially, so large
files are never held in memory twice.
"""
from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import zlib

from ..errors import DocumentError, UnsafeContentError

_ZF_PREFIX = b"ZF"
_ZF_LENGTH_FIELD = len("{:#x}".format(2 ** 64))  # joblib's _MAX_LEN
#: (first bytes, name) of joblib's compressors, as joblib/compressor.py detects them.
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bz2"), (b"\xfd7zXZ", "xz"), (b"\x5d\x00\x00", "lzma"),
          (b"\x04\x22\x4d\x18", "lz4"), (b"\x78", "zlib"), (_ZF_PREFIX, "zf"))
CHUNK = 1 << 20


class _ZlibReader(io.RawIOBase):
    """A zlib stream (joblib's ``compress=('zlib', n)``) read incrementally."""

    def __init__(self, raw):
        self._raw = raw
        self._inflate = zlib.decompressobj()
        self._pending, self._offset = b"", 0

    def readable(self):
        return True

    def readinto(self, buffer):
        while self._offset == len(self._pending):
            if self._inflate.eof:
                return 0
            chunk = self._inflate.unconsumed_tail or self._raw.read(CHUNK)
            if not chunk:
                raise DocumentError("the zlib-compressed file is truncated")
            try:
                self._pending, self._offset = self._inflate.decompress(chunk, CHUNK), 0
            except zlib.error as exc:
                raise DocumentError("the zlib-compressed file is corrupt: %s" % exc)
        count = min(len(buffer), len(self._pending) - self._offset)
        buffer[:count] = self._pending[self._offset:self._offset + count]
        self._offset += count
        return count

    def close(self):
        self._raw.close()
        super().close()


def compression_of(head: bytes) -> str:
    """The compressor named by a file's first bytes ('none' for a plain pickle)."""
    return next((name for magic, name in _MAGIC if head.startswith(magic)), "none")


def read_zfile(handle) -> bytes:
    """The content of a joblib < 0.10 ``ZF`` file: ``ZF``, the hexadecimal length padded
    to 19 characters (one more space in joblib <= 0.8.4), then one zlib stream."""
    header = handle.read(len(_ZF_PREFIX) + _ZF_LENGTH_FIELD)
    try:
        length = int(header[len(_ZF_PREFIX):].decode("ascii"), 16)
    except ValueError:
        raise DocumentError("a joblib ZF file without a valid length header")
    rest = handle.read()
    if rest[:1] == b" ":
        rest = rest[1:]
    try:
        data = zlib.decompress(rest, 15, length)
    except zlib.error as exc:
        raise DocumentError("a joblib ZF file whose data does not decompress: %s" % exc)
    if len(data) != length:
        raise DocumentError("a joblib ZF file holds %d bytes where its header says %d" % (len(data), length))
    return data


def open_stream(path):
    """``(file object, compression)`` reading the pickle stream stored in ``path``."""
    raw = open(path, "rb")
    head = raw.read(8)
    raw.seek(0)
    kind = compression_of(head)
    try:
        if kind == "none":
            return raw, kind
        if kind == "zf":
            with raw:
                return io.BytesIO(read_zfile(raw)), kind
        if kind == "gzip":
            return gzip.GzipFile(fileobj=raw, mode="rb"), kind
        if kind == "bz2":
            return bz2.BZ2File(raw, mode="rb"), kind
        if kind in ("xz", "lzma"):
            return lzma.LZMAFile(raw, mode="rb"), kind
        if kind == "zlib":
            return io.BufferedReader(_ZlibReader(raw), CHUNK), kind
        try:
            import lz4.frame
        except ImportError:
            raise DocumentError("the file is lz4-compressed by joblib and the lz4 package is not installed",
                                hint="pip install lz4")
        return lz4.frame.open(raw, mode="rb"), kind
    except BaseException:
        raw.close()
        raise


def sibling(directory, name) -> str:
    """The path of an array file joblib < 0.10 stored next to the pickle; names that
    would leave the directory are refused."""
    if directory is None:
        raise UnsafeContentError("the pickle refers to a joblib array file, but it is not read from a file")
    if not isinstance(name, str) or not name or os.path.basename(name) != name or name in (".", ".."):
        raise UnsafeContentError("the pickle names the array file %r, which is not a plain file name" % (name,))
    path = os.path.join(directory, name)
    if not os.path.isfile(path):
        raise DocumentError("joblib stored an array of this model in %s, which is missing" % name,
                            hint="Keep the .npy/.z files joblib wrote next to the pickle")
    return path
