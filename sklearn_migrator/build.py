"""Back end: a state tree matching the installed scikit-learn -> live objects.

Every node is validated by its codec before anything is constructed (the
whole subtree is checked first, so nothing half-built escapes), then built
bottom-up. A node referenced from several places is built once and shared.
"""
from __future__ import annotations

from .errors import MigratorError, StateValidationError, UnavailableError
from .registry import entry_for_name, global_for_name
from .tree import Global, MemoizedRebuild, Node, iter_nodes, join


def validate(tree) -> None:
    """Check every node of ``tree`` with its codec; raise on the first problem."""
    by_codec = {}
    for path, node in iter_nodes(tree):  # every class is known and present before any state is judged
        codec = _resolved_entry(node, path).codec
        by_codec.setdefault(id(codec), (codec, []))[1].append((node, path))
    for codec, items in by_codec.values():
        validate_all = getattr(codec, "validate_all", None)
        if validate_all is not None:  # e.g. the trees of a forest, checked together
            validate_all(items)
        else:
            for node, path in items:
                codec.validate(node, path)


def _resolved_entry(node, path):
    entry = entry_for_name(node.cls, path)
    if entry.resolve() is None:
        raise UnavailableError("class %s does not exist in the installed scikit-learn" % node.cls, path=path or None)
    return entry


def _resolved_global(reference, path):
    found = global_for_name(reference.name, path or None).resolve()
    if found is None:
        raise UnavailableError("%s does not exist in the installed numpy and scikit-learn" % reference.name,
                               path=path or None)
    return found


class _Build(MemoizedRebuild):
    kind = (Node, Global)

    def convert(self, node, path):
        if type(node) is Global:
            return _resolved_global(node, path)
        entry = entry_for_name(node.cls, path)
        cls = entry.resolve()
        built = Node(node.cls,
                     params=None if node.params is None else self.value(node.params, path),
                     state=None if node.state is None else self.value(node.state, path),
                     args=None if node.args is None else self.value(node.args, join(path, "args")))
        try:
            obj = entry.codec.build(cls, built, path)
        except MigratorError:
            raise
        except Exception as exc:  # the class itself rejected the state (after our own checks passed)
            raise StateValidationError("%s could not be rebuilt from this state: %s: %s"
                                       % (cls.__name__, type(exc).__name__, exc), path=path or None)
        return obj


def build(tree):
    """Validate ``tree`` and turn it into live objects."""
    try:
        validate(tree)
        return _Build().value(tree, "")
    except MigratorError as error:
        raise error.located(estimator=tree.name if isinstance(tree, Node) else None)
