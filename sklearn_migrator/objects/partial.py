"""``functools.partial`` of an allowlisted function with plain-data arguments.

Histogram gradient boosting (1.4+) preprocesses categorical data with a
ColumnTransformer whose numeric branch is
``FunctionTransformer(partial(check_array, dtype=[np.float64], ...))``. A
partial is carried as its function, a :class:`~sklearn_migrator.tree.Global`
reference resolved through the allowlist like any other, followed by its
positional arguments (node ``args``) and its keywords (node ``state``): data,
never code.
"""
from __future__ import annotations

from ..errors import CaptureError
from ..tree import Global, Node, join
from ._state import require


#: check_array's keywords that choose how non-finite values are treated.
_FINITE_FLAGS = frozenset(("ensure_all_finite", "force_all_finite"))


class PartialCodec:
    def capture(self, obj, entry):
        if getattr(obj, "__dict__", None):
            raise CaptureError("a functools.partial with attributes of its own cannot be exported")
        return Node(entry.name, args=[obj.func] + list(obj.args), state=dict(obj.keywords or {}))

    def validate(self, node, path):
        require(node.params is None and isinstance(node.args, list) and node.args
                and isinstance(node.args[0], Global), "a partial needs an allowlisted function as its first argument",
                join(path, "args"))
        require(isinstance(node.state, dict) and all(isinstance(key, str) and key.isidentifier()
                                                     for key in node.state),
                "a partial's keywords must be a mapping of names", join(path, "state"))
        for key in _FINITE_FLAGS.intersection(node.state):  # check_array's: a bool or 'allow-nan'
            value = node.state[key]
            require(isinstance(value, bool) or value == "allow-nan", "%s must be True, False or 'allow-nan', not %r",
                    join(path, key), key, value)

    def build(self, cls, node, path):
        return cls(*node.args, **node.state)
