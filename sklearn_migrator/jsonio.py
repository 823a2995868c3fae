"""Document text and files: JSON (orjson 3.9.15+ when installed), plain or compressed.

orjson writes and parses the long base64 strings of large arrays several times
faster than the standard library (measured on a 182 MB forest: 0.12 s against
0.64 s to write); it is optional, and the standard library is used whenever
it is missing or cannot take a value (integers beyond 64 bits, indentation
other than 2). Both produce the same document: floats are written in their
shortest round-tripping form and parsed back exactly.

Long base64 strings (the raw bytes of large arrays) never pass through a JSON
library: :func:`write_document` writes the rest of the document with
placeholders and streams each array's base64 text into the output in their
place, and :func:`parse_document` cuts those strings out of the text before
parsing it and decodes each straight from the input bytes. Profiled on a
546 MB forest, JSON libraries spent 2 s writing and 2.2 s parsing those
strings, about as long as everything else together; they are plain JSON
strings all the same, and any JSON reader reads the document.

A document file is plain UTF-8 JSON, or gzip- or zstandard-compressed (the
latter with the ``zstandard`` package); readers tell which from its content.
"""
from __future__ import annotations

import gzip
import json
import mmap
import os
import re
import zlib

from . import b64, limits
from .errors import DocumentError

#: The first orjson that bounds nesting depth: an older one parsing a deeply nested
#: document overflows its stack and kills the interpreter (CVE-2024-27454).
ORJSON_SAFE_FROM = (3, 9, 15)


def _safe_orjson():
    """orjson when installed in a release that refuses deep nesting, else None."""
    try:
        import orjson
    except ImportError:  # optional
        return None
    release = tuple(int(part) for part in re.findall(r"\d+", orjson.__version__)[:3])
    return orjson if release >= ORJSON_SAFE_FROM else None


orjson = _safe_orjson()


#: zstandard level of ``.zst`` documents (compressed on every core). Base64 text
#: compresses less well than raw bytes; at level 9 the documents of the issue-5
#: forests are smaller than ``joblib.dump(compress=3)`` (a 300-tree regressor:
#: 151.2 MB against 152.7 MB, level 6 gave 157.5 MB) in about 1.1x its time.
ZSTD_LEVEL = 9
_POPULATE = getattr(mmap, "MAP_POPULATE", 0)  # Linux, Python 3.10+
#: Strings shorter than this stay in the parsed JSON.
CUT_MIN_LENGTH = 4096
_KEY = b'"base64":'


def to_bytes(doc, indent=None, default=None) -> bytes:
    """``doc`` as UTF-8 JSON (compact unless ``indent``); ``default`` as in ``json.dumps``."""
    if orjson is not None and indent in (None, 2):
        try:
            return orjson.dumps(doc, default=default, option=orjson.OPT_INDENT_2 if indent else 0)
        except TypeError:  # e.g. an integer beyond 64 bits: the standard library writes it
            pass
    return json.dumps(doc, allow_nan=False, indent=indent, default=default,
                      separators=None if indent else (",", ":")).encode("utf-8")


def write_document(doc, write, indent=None) -> None:
    """Pass the JSON text of ``doc`` to ``write`` in pieces, streaming the base64
    text of every :class:`~sklearn_migrator.b64.Raw` value in place."""
    raws = {}  # by id, in order of appearance (to_bytes may start over with the standard library)
    prefix = "@raw-%s-" % os.urandom(8).hex()

    def placeholder(value):
        if type(value) is not b64.Raw:
            raise TypeError("cannot write a value of type %s" % type(value).__name__)
        index = raws.setdefault(id(value), (len(raws), value))[0]
        return prefix + str(index)

    text = to_bytes(doc, indent, placeholder)
    position = 0
    for index, raw in raws.values():
        at = text.index(('"%s%d"' % (prefix, index)).encode("ascii"), position) + 1
        write(text[position:at])
        for piece in b64.encode_chunks(raw.buffer):
            write(piece)
        position = at + len(prefix) + len(str(index))
    write(text[position:])


class CutStrings:
    """The long strings :func:`parse_document` kept out of the parsed value, by placeholder."""

    def __init__(self, data, spans, prefix):
        self.view = memoryview(data)
        self.spans = spans
        self.prefix = prefix

    def _span(self, value):
        if value.startswith(self.prefix):
            span = self.spans.get(value)
            if span is not None:
                return self.view[span[0]:span[1]]
        return None

    def text(self, value: str, path) -> str:
        """``value`` itself, or the string it stands for."""
        raw = self._span(value)
        return value if raw is None else _unescape(raw, path)

    def bytes(self, value: str) -> bytearray:
        """The bytes of the base64 string ``value`` is or stands for."""
        raw = self._span(value)
        if raw is None:
            return b64.decode(value)
        try:
            return b64.decode(raw)
        except ValueError:
            if b"\\" not in raw.tobytes():
                raise
            return b64.decode(_unescape(raw, None))  # a writer escaped characters, e.g. "/" as "\/"


def parse_document(data):
    """``(value, cut)``: the JSON value of ``data`` (bytes, a bytearray or a memory map) and the long ``"base64"``
    strings cut out of it before parsing, each replaced by a placeholder
    (``cut`` is ``None`` when there were none)."""
    prefix = "@cut-%s-" % os.urandom(8).hex()
    pieces, spans, start, position = [], {}, 0, 0
    while True:
        key = data.find(_KEY, position)
        if key < 0:
            break
        opening = key + len(_KEY)
        opening += data[opening:opening + 1] == b" "
        position = opening + 1
        if data[opening:opening + 1] != b'"' or _escaped(data, key):
            continue
        closing = _closing_quote(data, position)
        if closing < 0:
            break  # unterminated: the parser says so
        if closing - position >= CUT_MIN_LENGTH:
            placeholder = prefix + str(len(spans))
            pieces += [data[start:position], placeholder.encode("ascii")]
            spans[placeholder] = (position, closing)
            start = closing
        position = closing + 1
    if not spans:
        return from_bytes(data if isinstance(data, bytes) else data[:]), None
    pieces.append(data[start:])
    return from_bytes(b"".join(pieces)), CutStrings(data, spans, prefix)


def _escaped(data, index):
    """Whether the character at ``index`` follows an odd number of backslashes."""
    before = index
    while before > 0 and data[before - 1] == 0x5C:
        before -= 1
    return (index - before) % 2 == 1


def _closing_quote(data, position):
    while True:
        quote = data.find(b'"', position)
        if quote < 0 or not _escaped(data, quote):
            return quote
        position = quote + 1


def _unescape(raw, path) -> str:
    try:
        return json.loads(b'"' + raw.tobytes() + b'"')
    except ValueError as exc:
        raise DocumentError("malformed JSON string: %s" % exc, path=path or None)


def from_bytes(data):
    """The JSON value of ``data`` (bytes or text)."""
    if orjson is not None:
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass  # the standard library decides (it also reads integers beyond 64 bits), and words the error
    try:
        return json.loads(data)
    except ValueError as exc:
        raise DocumentError("not valid JSON: %s" % exc)


def _zstd():
    try:
        import zstandard
    except ImportError:
        raise DocumentError("a zstandard-compressed document needs the zstandard package", hint="pip install zstandard")
    return zstandard


def file_writer(doc, compression=None, indent=None):
    """A ``write(path)`` (for :func:`~sklearn_migrator.atomic.write_atomically`) storing
    ``doc`` plain (``compression`` None) or ``"gzip"``/``"zstd"``-compressed."""
    def write(path):
        with open(path, "wb") as handle:
            write_stream(doc, handle, compression, indent)
    return write


def write_stream(doc, handle, compression=None, indent=None) -> None:
    """Write ``doc`` to a binary file object, plain or ``"gzip"``/``"zstd"``-compressed."""
    if compression == "gzip":
        with gzip.GzipFile(fileobj=handle, mode="wb", compresslevel=6, mtime=0) as stream:
            write_document(doc, stream.write, indent)
    elif compression == "zstd":
        with _zstd().ZstdCompressor(level=ZSTD_LEVEL, threads=-1).stream_writer(handle, closefd=False) as stream:
            write_document(doc, stream.write, indent)
    else:
        write_document(doc, handle.write, indent)


def read_file(path: str, compression: str = "none"):
    """The document bytes stored at ``path`` (``compression``: ``"none"``, ``"gzip"`` or
    ``"zstd"``, as :func:`sklearn_migrator.sniff.identify` found). An uncompressed file
    is memory-mapped, not copied: the long strings :func:`parse_document` cuts out are
    decoded straight from the page cache."""
    with open(path, "rb") as handle:
        if compression == "none":
            try:
                if _POPULATE:  # map every page at once: one kernel call instead of a fault per page
                    return mmap.mmap(handle.fileno(), 0, flags=mmap.MAP_SHARED | _POPULATE, prot=mmap.PROT_READ)
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):  # an empty file, or one that cannot be mapped
                return handle.read()
        return decompress(handle, compression, path)


def decompress(handle, compression: str, path=None):
    """The decompressed bytes of a ``"gzip"`` or ``"zstd"`` document read from ``handle``."""
    if compression == "gzip":
        unpack, errors = _gunzip, (EOFError, zlib.error)
    else:
        unpack, errors = _unzstd, (_zstd().ZstdError,)
    try:
        return unpack(handle)
    except errors as exc:
        raise DocumentError("cannot decompress the document: %s" % exc, path=path)


_GZIP_CHUNK = 1 << 20


def _gunzip(handle):
    """The decompressed bytes of a gzip file (each of its members in turn), grown in
    place: ``gzip.decompress`` joins its output's pieces at the end, holding the text
    twice (reading the 546 MB forest (a) of issue 5 from .json.gz: peak 1787 -> 1271 MB,
    3.27 -> 2.33 times its array bytes). Each piece is charged to the read's budget
    (a small file may not decompress to gigabytes)."""
    out, member, budget = bytearray(), None, limits.budget()
    for chunk in iter(lambda: handle.read(_GZIP_CHUNK), b""):
        while chunk:
            if member is None:
                member = zlib.decompressobj(16 + zlib.MAX_WBITS)  # a gzip header and trailer
            piece = member.decompress(chunk, _PIECE)
            budget.charge(len(piece), "the decompressed document")
            out += piece
            if member.unconsumed_tail:
                chunk = member.unconsumed_tail
                continue
            if not member.eof:
                break
            chunk, member = member.unused_data, None
    if member is not None:
        raise EOFError("the file ends inside a compressed member")
    return out


def _unzstd(handle):
    """The decompressed bytes of a zstandard file, piece by piece as :func:`_gunzip`."""
    out, budget = bytearray(), limits.budget()
    reader = _zstd().ZstdDecompressor().stream_reader(handle)
    for piece in iter(lambda: reader.read(_PIECE), b""):
        budget.charge(len(piece), "the decompressed document")
        out += piece
    return out


_PIECE = 8 << 20
