"""scikit-learn's list and dict subclasses (``Bunch``): their items plus their
attributes.

pickle reduces them to "new instance of the class, then its ``__dict__``, then
append these items / set these keys" (``__reduce_ex__(2)`` with list or dict
items); the node keeps the same three parts as ``{"items": ..., "attributes":
...}``.
"""
from __future__ import annotations

import copyreg

from ..errors import CaptureError
from ..tree import Node, join
from ._state import require


class ContainerSubclassCodec:
    """A subclass of ``list`` or ``dict``: ``items`` is a list, or a dict with string keys."""

    def capture(self, obj, entry):
        reduced = obj.__reduce_ex__(2)
        if (not isinstance(reduced, tuple) or len(reduced) != 5 or reduced[0] is not copyreg.__newobj__
                or tuple(reduced[1]) != (type(obj),)):
            raise CaptureError("%s reduces to an unsupported pickle form" % type(obj).__name__)
        state = reduced[2]
        if state is not None and not isinstance(state, dict):
            raise CaptureError("%s has non-dict state (%s)" % (type(obj).__name__, type(state).__name__))
        items = list(obj) if isinstance(obj, list) else dict(obj)
        return Node(entry.name, state={"items": items, "attributes": dict(state or {})})

    def validate(self, node, path):
        require(node.params is None and node.args is None, "%s takes neither params nor args", path, node.name)
        state = node.state
        require(isinstance(state, dict) and set(state) == {"items", "attributes"},
                "expected a dict with items and attributes", path)
        require(isinstance(state["attributes"], dict) and all(isinstance(k, str) for k in state["attributes"]),
                "attributes must be a mapping of attribute names", join(path, "attributes"))
        require(isinstance(state["items"], (list, dict)), "items must be a list or a dict", join(path, "items"))

    def build(self, cls, node, path):
        items = node.state["items"]
        require(isinstance(items, list) == issubclass(cls, list), "%s needs %s items", join(path, "items"),
                cls.__name__, "list" if issubclass(cls, list) else "dict")
        obj = cls.__new__(cls)
        if isinstance(obj, dict):
            obj.update(items)
        else:
            obj.extend(items)
        obj.__dict__.update(node.state["attributes"])
        return obj


class PlainContainerCodec:
    """A plain ``dict``, ``list`` or ``tuple`` holding estimators, as users pickle them
    together (``{"scaler": scaler, "svc": model, "orient": 9}``, ``(vectorizer, model)``):
    the whole of a file or document, never a field of an estimator (those are values).
    Its ``state`` is the container itself, estimators in it as nodes, so each is migrated
    and built as if it stood alone and the same container comes back."""

    def capture(self, obj, entry):
        return Node(entry.name, state=obj)

    def validate(self, node, path):
        require(node.params is None and node.args is None, "%s takes neither params nor args", path, node.name)
        kind = type(node.state).__name__
        require(kind == node.name, "a %s holds a %s, not a %s", path, node.name, node.name, kind)

    def build(self, cls, node, path):
        return cls(node.state)
