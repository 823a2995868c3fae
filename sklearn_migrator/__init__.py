"""sklearn-migrator: move fitted scikit-learn estimators between releases through portable JSON.

>>> doc = serialize(model)            # JSON-compatible dict
>>> model2 = deserialize(doc)         # same predictions, under the installed scikit-learn
>>> dump(model, "model.json"); load("model.json")
>>> load("old_model.pkl")           # a pickle or joblib file of any release, nothing in it run
"""
from ._version import __version__
from .api import deserialize, dump, dumps, load, loads, serialize
from .errors import (CaptureError, DocumentError, MigrationError, MigrationWarning, MigratorError,
                     StateValidationError, UnavailableError, UnsafeContentError, UnsupportedEstimatorError,
                     VersionError, VersionMismatchError)
from .legacy import load_legacy, read_legacy
from .limits import ResourceLimitError, UnexpectedReadError
from .registry import supported_models
from .untrusted import get_untrusted_types

__all__ = [
    "__version__", "serialize", "deserialize", "dump", "dumps", "load", "loads", "supported_models",
    "read_legacy", "load_legacy", "get_untrusted_types",
    "MigratorError", "CaptureError", "DocumentError", "StateValidationError", "UnsupportedEstimatorError",
    "UnavailableError",
    "VersionError", "VersionMismatchError", "MigrationError", "MigrationWarning", "UnsafeContentError",
    "ResourceLimitError", "UnexpectedReadError",
]
