"""``get_untrusted_types``: what a file references that is read only when the caller trusts it.

The classes and functions a document or a legacy pickle names outside the allowlist
(a user's transformer, a tokenizer function, a scikit-learn class not yet supported)
are listed without anything in the file running: review them, then pass the ones
you trust as ``trusted=`` to :func:`~sklearn_migrator.load`.
"""
from __future__ import annotations

import os

from . import jsonio, sniff
from .legacy.files import Source, reading_file, referenced_names
from .limits import reading
from .registry import is_allowlisted


def get_untrusted_types(file, *, max_bytes=None) -> list:
    """The sorted names of the classes and functions ``file`` (a path to a document or to
    a pickle or joblib file, told apart by content) references that are not on the
    allowlist. ``max_bytes`` as for :func:`~sklearn_migrator.load`."""
    path = os.fspath(file)
    kind = sniff.identify_path(path)
    if kind.route == sniff.LEGACY:
        source = Source(path)
        with reading_file(source, max_bytes):
            return sorted(name for name, (readable, _) in referenced_names(source).items() if not readable)
    elif kind.route == sniff.DOCUMENT:
        with reading(os.path.getsize(path), max_bytes, path=path):
            doc, _ = jsonio.parse_document(jsonio.read_file(path, kind.compression))
        names = set(_document_names(doc))
    else:
        raise sniff.refuse(kind, sniff.DOCUMENT, path)
    return sorted(name for name in names if not is_allowlisted(name))


def _document_names(value):
    """Every class path (``__class__``) and global (``__global__``) a parsed document names."""
    stack = [value]
    while stack:
        value = stack.pop()
        if type(value) is dict:
            for key in ("__class__", "__global__"):
                named = value.get(key)
                if type(named) is dict:  # a column of objects of one class
                    named = named.get("__same__")
                if type(named) is str:
                    yield named
            stack.extend(value.values())
        elif type(value) is list:
            stack.extend(value)
