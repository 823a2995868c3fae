"""Back end: a state tree matching the installed scikit-learn -> live objects.

One walk over the tree copies its containers, leaving in them a placeholder for
each node, and lists the nodes parents first. Every node is then validated by
its codec (the whole tree before anything is constructed, so nothing half-built
escapes), and built children first, each put where its placeholders are. A node
referenced from several places is built once and shared.

Walking once instead of twice (a validating walk, then a building one) was
measured on model (c) of issue 5, whose 900 small trees make the walks cost
as much as the trees' construction: validating and building 32.0 -> 27.8 ms,
loading 38.5 -> 35.1 ms (CPU time, min of 81; pickle.load 14.5 ms).
"""
from __future__ import annotations

import numpy as np

from .errors import DocumentError, MigratorError, StateValidationError, UnavailableError
from .registry import entry_for_name, global_for_name
from .tree import SCALARS, Global, Node, iter_nodes, join, may_change


def validate(tree) -> None:
    """Check every node of ``tree`` with its codec; raise on the first problem."""
    _validate((node, path) for path, node in iter_nodes(tree))


def _validate(nodes):
    """Check ``(node, path)`` pairs (parents first) with their codecs."""
    by_codec, by_class = {}, {}  # a class is looked up once, not once per tree of a forest
    for pair in nodes:  # every class is known and present before any state is judged
        node = pair[0]
        items = by_class.get(node.cls) if type(node.cls) is str else None
        if items is None:
            codec = _resolved_entry(node, pair[1]).codec
            items = by_class[node.cls] = by_codec.setdefault(id(codec), (codec, []))[1]
        items.append(pair)
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


class _Placeholder:
    """What stands for a node, a global or a tuple holding one until ``make(subject, path)``
    makes it, and the slots (``container[key]``, or a node's attribute) to fill with it.
    The walk of a boosted model makes 1,800 of them: one object each, not a tuple per
    step and per slot (their garbage collections cost more than the walk saved)."""

    __slots__ = ("make", "subject", "path", "container", "key", "more", "value")

    def __init__(self, make, subject, path):
        self.make, self.subject, self.path = make, subject, path
        self.container = self.more = None

    def note(self, container, key):
        if self.container is None:
            self.container, self.key = container, key
        elif self.more is None:
            self.more = [container, key]
        else:
            self.more += (container, key)

    def fill(self):
        value = self.value = self.make(self.subject, self.path)
        if self.container is None:
            return
        _put(self.container, self.key, value)
        more = self.more
        if more is not None:  # a node shared by several parents
            for index in range(0, len(more), 2):
                _put(more[index], more[index + 1], value)


def _put(container, key, value):
    if type(container) is Node:
        setattr(container, key, value)
    else:
        container[key] = value


class _Layout:
    """The walk: copies of the tree's containers with placeholders in them, the nodes
    parents first (``nodes``: what is validated, in the order of ``iter_nodes``) and
    the placeholders in the order they can be made, children first (``steps``)."""

    def __init__(self):
        self.nodes = []
        self.steps = []
        self.memo = {}
        self.open = set()  # the nodes being walked: one met again inside itself is a cycle

    def value(self, value, path):
        kind = type(value)
        if kind is Node or kind is Global:
            return self.reference(value, path)
        if kind is dict:
            out = dict(value)
            for key, item in value.items():
                if type(item) not in SCALARS and may_change(item, _MADE):
                    item = out[key] = self.value(item, join(path, key))
                    if type(item) is _Placeholder:
                        item.note(out, key)
            return out
        if kind is list or kind is tuple:
            out = list(value)
            for index, item in enumerate(value):
                if type(item) not in SCALARS and may_change(item, _MADE):
                    item = out[index] = self.value(item, "%s[%d]" % (path, index))
                    if type(item) is _Placeholder:
                        item.note(out, index)
            if kind is list or not any(type(item) is _Placeholder for item in out):
                return out if kind is list else tuple(out)
            placeholder = _Placeholder(_tuple, out, path)  # a tuple is made once its items are
            self.steps.append(placeholder)
            return placeholder
        if kind is np.ndarray and value.dtype.kind == "O":
            out = np.empty(value.size, dtype=object)
            for index, item in enumerate(value.ravel().tolist()):  # item by item: a list item must not broadcast
                if may_change(item, _MADE):
                    item = self.value(item, "%s[%d]" % (path, index))
                    if type(item) is _Placeholder:
                        item.note(out, index)
                out[index] = item
            return out.reshape(value.shape)
        return value

    def reference(self, obj, path):
        key = id(obj)
        placeholder = self.memo.get(key)
        if placeholder is not None:
            if key in self.open:
                raise DocumentError("an object contains itself", path=path or None)
            return placeholder
        if type(obj) is Global:
            placeholder = self.memo[key] = _Placeholder(_resolved_global, obj, path)
            self.steps.append(placeholder)
            return placeholder
        placeholder = self.memo[key] = _Placeholder(_construct, None, path)
        self.nodes.append((obj, path))
        self.open.add(key)
        args = None if obj.args is None else self.value(obj.args, join(path, "args"))
        params = None if obj.params is None else self.value(obj.params, path)
        state = None if obj.state is None else self.value(obj.state, path)
        self.open.discard(key)
        shell = placeholder.subject = Node(obj.cls, params, state, args)
        if _Placeholder in (type(args), type(params), type(state)):
            for part, item in (("args", args), ("params", params), ("state", state)):
                if type(item) is _Placeholder:
                    item.note(shell, part)
        self.steps.append(placeholder)
        return placeholder


_MADE = (Node, Global)


def _tuple(items, path):
    return tuple(items)


def _construct(shell, path):
    entry = entry_for_name(shell.cls, path)
    cls = entry.resolve()
    try:
        return entry.codec.build(cls, shell, path)
    except MigratorError:
        raise
    except Exception as exc:  # the class itself rejected the state (after our own checks passed)
        raise StateValidationError("%s could not be rebuilt from this state: %s: %s"
                                   % (cls.__name__, type(exc).__name__, exc), path=path or None)


def build(tree, consume=False):
    """Validate ``tree`` and turn it into live objects. ``consume``: the tree is not
    needed afterwards, so each node's state is let go as soon as its object is made."""
    try:
        layout = _Layout()
        out = layout.value(tree, "")
        _validate(layout.nodes)
        if consume:
            for node, _ in layout.nodes:
                node.args = node.params = node.state = None
            layout.nodes = None
        for placeholder in layout.steps:
            placeholder.fill()
            if consume:
                placeholder.subject = None
        return out.value if type(out) is _Placeholder else out
    except MigratorError as error:
        raise error.located(estimator=tree.name if isinstance(tree, Node) else None)
