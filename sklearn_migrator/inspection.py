"""``sklearn-migrator inspect``: what a file holds and whether it loads, as a record.

A file is identified by content (:mod:`~sklearn_migrator.sniff`). A document's
envelope and layout are read; a legacy file's globals are listed with what the
reader does with each, nothing in it running. Then the file is read the way
:func:`~sklearn_migrator.load` reads it (state decoded or read, migrated to the
installed release, validated and built): ``ok`` says whether that succeeded,
``error`` why not, so a script can gate on it.
"""
from __future__ import annotations

import os
import warnings

import numpy as np

from . import jsonio, sniff
from .codec import decode_tree
from .document import check_envelope
from .errors import MigrationWarning, MigratorError
from .legacy.files import Source, read_tree, reading_file, referenced_names
from .limits import reading
from .registry import CONTAINER_CLASSES
from .restore import installed_version, rebuild
from .tree import Global, Node
from .trust import trusting


def inspect_file(path, *, max_bytes=None, trusted=None) -> dict:
    """The record of one file: ``path``, ``kind``, ``description``, and when readable
    ``estimator``, ``sklearn_version``, ``layout`` (``[[path, what]]``), for an estimator its
    ``params`` (``{name: what}``) and ``fitted`` attribute names, ``globals`` (legacy
    files: ``[[name, readable, what the reader does]]``), ``notes`` (what migration changed);
    ``ok`` and ``error``."""
    record = {"path": str(path), "kind": None, "description": None, "ok": False, "error": None}
    try:
        kind = sniff.identify_path(path)
        record.update(kind=kind.route, description=kind.description)
        if kind.route is None:
            raise sniff.refuse(kind, sniff.DOCUMENT, path)
        with warnings.catch_warnings(record=True) as caught, trusting(trusted):
            warnings.simplefilter("always", MigrationWarning)
            tree, version = (_legacy if kind.route == sniff.LEGACY else _document)(path, kind, record, max_bytes)
            record.update(estimator=tree.cls, sklearn_version=version, layout=layout(tree))
            if type(tree.params) is dict and type(tree.state) is dict:
                record.update(params={key: _what(value) for key, value in sorted(tree.params.items())},
                              fitted=sorted(tree.state))
            rebuild(tree, version)
        record["notes"] = [str(w.message) for w in caught if issubclass(w.category, MigrationWarning)]
        record["ok"] = True
    except (MigratorError, OSError) as error:
        record["error"] = str(error)
    return record


def _legacy(path, kind, record, max_bytes):
    source = Source(path)
    with reading_file(source, max_bytes):
        names = referenced_names(source)
        record["globals"] = [[name, readable, what] for name, (readable, what) in sorted(names.items())]
        return read_tree(source)


def _document(path, kind, record, max_bytes):
    with reading(os.path.getsize(path), max_bytes, path=path):
        doc, cut = jsonio.parse_document(jsonio.read_file(path, kind.compression))
        check_envelope(doc)
        record["producer"] = doc["producer"]
        record["trusted"] = doc.get("trusted", [])
        return decode_tree(doc["tree"], "", cut), doc["sklearn_version"]


def layout(tree) -> list:
    """``[[path, what]]``: the estimator a tree holds, or each item of the dict, list or tuple
    it holds estimators in (``["['svc']", "sklearn.svm.SVC"]``, ``["['orient']", "int 9"]``)."""
    if tree.cls not in CONTAINER_CLASSES:
        return [["", tree.cls]]
    rows = []
    stack = [("", tree)]
    while stack:
        path, value = stack.pop()
        if type(value) is Node and value.cls in CONTAINER_CLASSES:
            value = value.state
        if type(value) in (dict, list, tuple):
            keys = value if type(value) is dict else range(len(value))
            stack.extend(("%s[%r]" % (path, key), value[key]) for key in reversed(list(keys)))
            if not path:
                continue
            rows.append([path, "%s of %d" % (type(value).__name__, len(value))])
        else:
            rows.append([path, _what(value)])
    return rows


def _what(value) -> str:
    if type(value) is Node:
        return value.cls
    if type(value) is Global:
        return "reference to %s" % value.name
    if isinstance(value, np.ndarray):
        return "array of %s, shape %s" % (value.dtype, value.shape)
    text = repr(value)
    return "%s %s" % (type(value).__name__, text if len(text) <= 40 else text[:37] + "...")


def render(record) -> list:
    """The lines ``inspect`` prints for a record."""
    lines = ["%s: %s" % (record["path"], record["description"] or "unreadable")]
    if record.get("estimator"):
        lines.append("  holds:        %s" % record["estimator"])
        lines.append("  written by:   scikit-learn %s%s" % (record["sklearn_version"], "".join(
            ", %s %s" % item for item in sorted(record.get("producer", {}).items()))))
    for path, what in record.get("layout", [])[0 if record.get("estimator") in CONTAINER_CLASSES else 1:]:
        lines.append("    %-24s %s" % (path, what))
    if "params" in record:
        lines.append("  params:")
        lines.extend("    %-24s %s" % item for item in record["params"].items())
        lines.append("  fitted:       %s" % ", ".join(record["fitted"]))
    if record.get("trusted"):
        lines.append("  needs trusted: %s" % ", ".join(record["trusted"]))
    if "globals" in record:
        lines.append("  references %d globals (nothing in the file ran):" % len(record["globals"]))
        lines.extend("    %-66s %s" % (name, what) for name, _, what in record["globals"])
    if record["ok"]:
        notes = record.get("notes", [])
        lines.append("  loads:        yes, under scikit-learn %s%s" % (
            installed_version(), " (%d notes)" % len(notes) if notes else ""))
        lines.extend("    note: %s" % note for note in notes)
    else:
        lines.append("  loads:        NO: %s" % record["error"])
    return lines
