"""The document envelope: what wraps an encoded state tree.

A document is a JSON object::

    {"format": "sklearn-migrator", "format_version": 1,
     "estimator": "sklearn.ensemble.RandomForestRegressor",
     "sklearn_version": "1.9.1",
     "producer": {"sklearn_migrator": "0.1.0", "python": "3.13.0", "numpy": "2.5.5"},
     "tree": {"__class__": "sklearn.ensemble.RandomForestRegressor", "params": {...}, "state": {...}}}

``sklearn_version`` is the release the tree's state belongs to; ``trusted`` (only
when the exporter named functions of its own as trusted) lists them. The JSON
Schema ships as ``sklearn_migrator/schema/document.schema.json``; the format is
described in ``docs/format.md``.
"""
from __future__ import annotations

import json
import os
import platform

import numpy as np

from ._version import __version__
from .errors import DocumentError
from .versions import parse

FORMAT_NAME = "sklearn-migrator"
FORMAT_VERSION = 1
SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "schema", "document.schema.json")
_ENVELOPE = {"format": str, "format_version": int, "estimator": str, "sklearn_version": str, "producer": dict,
             "tree": dict}


def envelope(estimator_class: str, sklearn_version: str, tree_json: dict, trusted=()) -> dict:
    """A complete document around an encoded tree; ``trusted``: the functions of the user's own
    it names (see :mod:`~sklearn_migrator.trust`), recorded only when there are any."""
    doc = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "estimator": estimator_class,
        "sklearn_version": sklearn_version,
        "producer": {"sklearn_migrator": __version__, "python": platform.python_version(),
                     "numpy": np.__version__},
    }
    if trusted:
        doc["trusted"] = sorted(trusted)
    doc["tree"] = tree_json
    return doc


def check_envelope(doc) -> None:
    """Raise DocumentError unless ``doc`` has a well-formed envelope this package can read."""
    if not isinstance(doc, dict):
        raise DocumentError("a document must be a JSON object, got %s" % type(doc).__name__)
    for key, kind in _ENVELOPE.items():
        if key not in doc:
            raise DocumentError("required field is missing", path=key)
        if type(doc[key]) is not kind:
            raise DocumentError("expected %s, got %s" % (kind.__name__, type(doc[key]).__name__), path=key)
    if doc["format"] != FORMAT_NAME:
        raise DocumentError("not a sklearn-migrator document (format %r)" % doc["format"], path="format")
    if doc["format_version"] > FORMAT_VERSION or doc["format_version"] < 1:
        raise DocumentError("format version %d is not readable by sklearn-migrator %s (reads up to %d)"
                            % (doc["format_version"], __version__, FORMAT_VERSION), path="format_version",
                            hint="Upgrade sklearn-migrator")
    trusted = doc.get("trusted", [])
    if not (isinstance(trusted, list) and all(isinstance(name, str) for name in trusted)):
        raise DocumentError("expected a list of function names", path="trusted")
    parse(doc["sklearn_version"])
    if doc["tree"].get("__class__") != doc["estimator"]:
        raise DocumentError("the tree's class %r differs from the envelope's estimator %r"
                            % (doc["tree"].get("__class__"), doc["estimator"]), path="tree.__class__")


def load_schema() -> dict:
    """The JSON Schema of documents."""
    with open(SCHEMA_PATH) as handle:
        return json.load(handle)
