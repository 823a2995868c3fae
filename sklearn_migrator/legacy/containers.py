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
import stat
import zlib

from .. import limits
from ..errors import DocumentError, UnsafeContentError
from ..sniff import HEAD, LEGACY, identify, refuse

_ZF_PREFIX = b"ZF"
_ZF_LENGTH_FIELD = len("{:#x}".format(2 ** 64))  # joblib's _MAX_LEN
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


def read_zfile(handle) -> bytes:
    """The content of a joblib < 0.10 ``ZF`` file: ``ZF``, the hexadecimal length padded
    to 19 characters (one more space in joblib <= 0.8.4), then one zlib stream."""
    header = handle.read(len(_ZF_PREFIX) + _ZF_LENGTH_FIELD)
    try:
        length = int(header[len(_ZF_PREFIX):].decode("ascii"), 16)
    except ValueError:
        raise DocumentError("a joblib ZF file without a valid length header")
    limits.budget().charge(length, "a joblib ZF file")
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


class _Charged:
    """A decompressed stream whose every byte read is charged to the read's budget (a
    compressed file may not inflate past it: a few kilobytes of bz2 can hold gigabytes)."""

    def __init__(self, stream):
        self._stream, self._budget = stream, limits.budget()

    def read(self, size=-1):
        """At most ``size`` bytes (all with a negative size), a chunk at a time, each charged before the next."""
        pieces, wanted = [], size if size is not None and size >= 0 else None
        while wanted is None or wanted > 0:
            piece = self._stream.read(CHUNK if wanted is None else min(wanted, CHUNK))
            if not piece:
                break
            self._budget.charge(len(piece), "the decompressed file")
            pieces.append(piece)
            if wanted is not None:
                wanted -= len(piece)
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

    def readline(self, size=-1):
        data = self._stream.readline(size)
        self._budget.charge(len(data), "the decompressed file")
        return data

    def readinto(self, buffer):
        count = self._stream.readinto(buffer)
        self._budget.charge(count or 0, "the decompressed file")
        return count

    def peek(self, size=0):
        return self._stream.peek(size)

    def close(self):
        self._stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_stream(source):
    """``(file object, compression)`` reading the pickle stream stored in ``source`` (a path,
    or a seekable binary file object the stream takes over), decompressed bytes charged to
    the read's budget."""
    raw = open(source, "rb") if isinstance(source, (str, bytes, os.PathLike)) else source
    head = raw.read(HEAD)
    raw.seek(0)
    kind = identify(head)
    if kind.route != LEGACY:
        raw.close()
        raise refuse(kind, LEGACY)
    kind = kind.compression
    try:
        if kind == "none":
            return raw, kind
        if kind == "zf":
            with raw:
                return io.BytesIO(read_zfile(raw)), kind
        if kind == "gzip":
            return _Charged(gzip.GzipFile(fileobj=raw, mode="rb")), kind
        if kind == "bz2":
            return _Charged(bz2.BZ2File(raw, mode="rb")), kind
        if kind in ("xz", "lzma"):
            return _Charged(lzma.LZMAFile(raw, mode="rb")), kind
        if kind == "zlib":
            return _Charged(io.BufferedReader(_ZlibReader(raw), CHUNK)), kind
        try:
            import lz4.frame
        except ImportError:
            raise DocumentError("the file is lz4-compressed by joblib and the lz4 package is not installed",
                                hint="pip install lz4")
        return _Charged(lz4.frame.open(raw, mode="rb")), kind
    except BaseException:
        raw.close()
        raise


def open_sibling(directory, name):
    """The array file joblib < 0.10 stored next to the pickle, opened for reading. Names
    that would leave the directory are refused, and so is a symbolic link (on systems
    without ``O_NOFOLLOW``, a path resolving outside the directory) or anything but a
    regular file. Its size is added to the read's budget: it may declare as much."""
    if directory is None:
        raise UnsafeContentError("the pickle refers to a joblib array file, but it is not read from a file")
    if not isinstance(name, str) or not name or os.path.basename(name) != name or name in (".", ".."):
        raise UnsafeContentError("the pickle names the array file %r, which is not a plain file name" % (name,))
    path = os.path.join(directory, name)
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    if not nofollow and os.path.dirname(os.path.realpath(path)) != os.path.realpath(directory):
        raise UnsafeContentError("the array file %s leads out of the model's directory" % name)
    try:
        fd = os.open(path, os.O_RDONLY | nofollow | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise DocumentError("joblib stored an array of this model in %s, which is missing" % name,
                            hint="Keep the .npy/.z files joblib wrote next to the pickle")
    except OSError as exc:  # ELOOP: a symbolic link
        raise UnsafeContentError("the array file %s cannot be opened as a plain file: %s" % (name, exc))
    handle = os.fdopen(fd, "rb")
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        handle.close()
        raise UnsafeContentError("the array file %s is not a regular file" % name)
    limits.budget().add_input(info.st_size)
    return handle
