"""Plain Python helper objects of scikit-learn (losses, links, optimizers, scorers, CV splitters)."""
from __future__ import annotations

from ..errors import DocumentError
from ..tree import Node
from ._state import apply_state, newobj_state


class PlainObjectCodec:
    """Objects pickled as "new instance of the class, then its ``__dict__``"; ``validator``
    checks the state further (a scorer's metric and sign)."""

    def __init__(self, validator=None):
        self.validator = validator

    def capture(self, obj, entry):
        return Node(entry.name, state=newobj_state(obj))

    def validate(self, node, path):
        if node.params is not None or node.args is not None:
            raise DocumentError("%s takes neither params nor args" % node.name, path=path)
        if node.state is not None and (not isinstance(node.state, dict)
                                       or not all(isinstance(k, str) for k in node.state)):
            raise DocumentError("state must be a mapping of attribute names", path=path)
        if self.validator is not None:
            self.validator(node, path)

    def build(self, cls, node, path):
        return apply_state(cls.__new__(cls), node.state, path)
