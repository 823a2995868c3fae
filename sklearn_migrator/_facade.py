"""The paper's per-model functions, as thin facades over the generic API.

``serialize_<name>(model, version_in)`` and ``deserialize_<name>(data,
version_out)`` keep the signatures of the published package. Both versions
must be the installed scikit-learn (the functions run where the estimator
lives); crossing releases happens inside ``deserialize``, driven by the
version recorded in the document.
"""
from __future__ import annotations

from .api import deserialize, serialize
from .errors import DocumentError, UnsupportedEstimatorError
from .registry import entry_for_class, entry_for_name


def model_functions(class_path: str, suffix: str, module: str) -> tuple:
    """``(serialize_<suffix>, deserialize_<suffix>)`` for one estimator class, living in ``module``."""
    entry = entry_for_name(class_path)
    label = entry.class_name

    def serialize_model(model, version_in):
        if entry_for_class(type(model)) is not entry:
            raise UnsupportedEstimatorError("serialize_%s expects a %s, got %s" % (suffix, label, type(model).__name__),
                                            hint="Use sklearn_migrator.serialize, which accepts every supported "
                                                 "estimator")
        return serialize(model, version_in)

    def deserialize_model(data, version_out):
        if isinstance(data, dict) and data.get("estimator") not in (None, class_path):
            raise DocumentError("deserialize_%s expects a %s document, got %s" % (suffix, label, data["estimator"]),
                                path="estimator", hint="Use sklearn_migrator.deserialize, which accepts every "
                                                       "supported estimator")
        return deserialize(data, version_out)

    for function, verb, doc in (
            (serialize_model, "serialize", "Export a fitted %s as a JSON-compatible document; ``version_in`` "
                                           "must be the installed scikit-learn version."),
            (deserialize_model, "deserialize", "Rebuild a %s from its document under the installed scikit-learn "
                                               "(``version_out``), migrating its state from the document's release.")):
        function.__name__ = function.__qualname__ = "%s_%s" % (verb, suffix)
        function.__module__ = module
        function.__doc__ = doc % label
    return serialize_model, deserialize_model
