"""Stubs read from a legacy pickle -> the state tree capture would have produced.

Each stub is matched to its allowlist entry by the module path the file used
(historical paths are aliases of the entry), then converted the way that
entry's codec captures live objects: an estimator's pickled ``__dict__`` is
split into the constructor parameters *of the file's release* (derived from the
parameter changes the migration steps declare) and fitted state; compiled
objects keep their constructor arguments and state; ``RandomState`` is
normalised to the legacy Mersenne Twister tuple. Objects shared in the file
stay shared in the tree.
"""
from __future__ import annotations

import builtins

import numpy as np
import sklearn

from .. import limits
from ..errors import DocumentError, MigratorError, UnavailableError
from ..migrations import param_names_at
from ..objects.birch import BirchCodec, flatten
from ..objects.compiled import CompiledCodec
from ..objects.containers import ContainerSubclassCodec
from ..objects.estimator import EstimatorCodec
from ..objects.generator import GeneratorCodec, pcg64_state
from ..objects.masked import MaskedArrayCodec
from ..objects.partial import PartialCodec
from ..objects.plain import PlainObjectCodec
from ..objects.random_state import RandomStateCodec
from ..objects.search import PassthroughScorerCodec
from ..objects.sparse import SparseCodec
from ..registry import CONTAINER_CLASSES, entry_for_alias, global_for_object
from ..tree import Global, MemoizedRebuild, Node, join
from ..versions import parse
from .unpickler import Stub


class _Reader(MemoizedRebuild):
    kind = (Stub, type)

    def __init__(self, version):
        super().__init__()
        self.version = version

    def convert(self, stub, path):
        if isinstance(stub, type):  # a builtin type used as a value (dtype=object), or a class stub
            return Global(global_for_object(stub, path or None).name)
        entry = entry_for_alias(stub.qualified, path or None)
        return _CONVERTERS[type(entry.codec)](self, entry, stub, path)

    def estimator(self, entry, stub, path, state=None):
        state = stub.state if state is None else state
        if not isinstance(state, dict) or not all(isinstance(key, str) for key in state):
            raise DocumentError("%s has no attribute dictionary" % entry.class_name, path=path or None)
        skipped = ("_sklearn_version",) + entry.codec.derived[0]  # derived attributes are made again on build
        state = {key: item for key, item in state.items() if key not in skipped}
        cls = entry.resolve()
        if cls is None:  # which attributes are params is derived from the installed class's params
            raise UnavailableError("class %s does not exist in the installed scikit-learn, so the file's "
                                   "parameters cannot be told from its fitted state" % entry.name, path=path or None,
                                   hint="Read the file where scikit-learn has the class")
        names = param_names_at(entry.name, self.version, cls._get_param_names(), sklearn.__version__)
        params = {key: self.value(state.pop(key), join(path, key)) for key in sorted(names) if key in state}
        for key, holder in entry.codec.forwarded.items():
            held = state.get(holder)
            if key in names and key not in params and isinstance(held, Stub) and isinstance(held.state, dict):
                params[key] = self.value(held.state.get(key), join(path, key))
        return Node(entry.name, params=params, state=self.value(state, path))

    def birch(self, entry, stub, path):
        """Birch's CF tree (records of ``_CFNode``/``_CFSubcluster`` from one of Birch's
        modules) becomes the ``cf_tree_`` table its codec captures."""
        def fields_of(record, kind):
            if not (isinstance(record, Stub) and type(record).name == kind and type(record).module in entry.modules
                    and isinstance(record.state, dict)):
                raise DocumentError("expected a %s in Birch's CF tree, found %r" % (kind, record), path=path or None)
            return record.state

        state = stub.state
        flat = flatten(state, fields_of, path, DocumentError) if isinstance(state, dict) else None
        return self.estimator(entry, stub, path, flat)

    def plain(self, entry, stub, path):
        """A plain object's ``__dict__``; a masked array's data, mask and fill value (which the
        unpickler read from its state)."""
        return Node(entry.name, state=None if stub.state is None else self.value(stub.state, path))

    def compiled(self, entry, stub, path):
        args = [self.value(arg, join(path, "args")) for arg in stub.args] if stub.called else None
        return Node(entry.name, args=args, state=None if stub.state is None else self.value(stub.state, path))

    def random_state(self, entry, stub, path):
        state = stub.state
        if isinstance(state, dict) and isinstance(state.get("state"), dict):  # numpy >= 1.17
            inner = state["state"]
            legacy = (state.get("bit_generator"), inner.get("key"), inner.get("pos"), state.get("has_gauss"),
                      state.get("gauss"))
        elif isinstance(state, tuple) and len(state) >= 5:  # numpy < 1.17
            legacy = state[:5]
        else:
            raise DocumentError("unrecognised RandomState state", path=path or None)
        name, key, pos, has_gauss, gauss = legacy
        return Node(entry.name, state={"bit_generator": name, "key": key, "pos": int(pos),
                                       "has_gauss": int(has_gauss), "cached_gaussian": float(gauss)})

    def generator(self, entry, stub, path):
        """numpy < 1.25 pickles a Generator as its bit generator's name and state; later
        releases as the bit generator, itself pickled with its state (and its seed
        sequence, which only spawning needs)."""
        state = stub.state
        inner = stub.args[0] if stub.args else None
        if state is None and isinstance(inner, Stub):
            state = inner.state[0] if isinstance(inner.state, tuple) and inner.state else inner.state
        if not isinstance(state, dict) or not isinstance(state.get("state"), dict):
            raise DocumentError("unrecognised Generator state", path=path or None)
        return Node(entry.name, state=pcg64_state(state))

    def partial(self, entry, stub, path):
        """A partial pickles as ``partial(func)`` given ``(func, args, keywords, attributes)``."""
        state = stub.state
        if not isinstance(state, tuple) or len(state) != 4 or state[3]:
            raise DocumentError("unrecognised functools.partial state", path=path or None)
        func, args, keywords = state[:3]
        return Node(entry.name, args=self.value([func] + list(args or ()), join(path, "args")),
                    state=self.value(dict(keywords or {}), path))

    def own_form(self, entry, stub, path):
        """An object whose codec reads its pickled ``__dict__`` its own way (a scipy sparse
        matrix, a passthrough scorer): in the form the codec captures."""
        return Node(entry.name, state=self.value(entry.codec.legacy_state(stub.state), path))

    def container(self, entry, stub, path):
        """A list or dict subclass: the items pickle appended or set, and its attributes."""
        cls = entry.resolve()
        items = stub.__dict__.get("items", [] if cls is not None and issubclass(cls, list) else {})
        attributes = stub.state if stub.state is not None else {}
        return Node(entry.name, state={"items": self.value(items, join(path, "items")),
                                       "attributes": self.value(attributes, path)})


_CONVERTERS = {EstimatorCodec: _Reader.estimator, BirchCodec: _Reader.birch, PlainObjectCodec: _Reader.plain,
               CompiledCodec: _Reader.compiled, RandomStateCodec: _Reader.random_state,
               GeneratorCodec: _Reader.generator, PartialCodec: _Reader.partial,
               ContainerSubclassCodec: _Reader.container, SparseCodec: _Reader.own_form,
               MaskedArrayCodec: _Reader.plain, PassthroughScorerCodec: _Reader.own_form}


#: What a value of the wrong kind anywhere in a graph from an untrusted file raises: it is malformed.
_MALFORMED = (TypeError, ValueError, LookupError, AttributeError, OverflowError)
_PLAIN_CONTAINERS = {getattr(builtins, name.rsplit(".", 1)[1]): name for name in CONTAINER_CLASSES}


def _version_of(stub):
    state = stub.state
    return state.get("_sklearn_version") if isinstance(state, dict) else None


def _container_version(root):
    """The release of the estimators in a dict, list or tuple the user pickled them in (any depth)."""
    found, stack, seen = [], [root], set()
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, Stub):
            found.append(value)
        elif type(value) in _PLAIN_CONTAINERS:
            stack.extend(value.values() if type(value) is dict else value)
    versions = sorted({version for version in map(_version_of, found) if isinstance(version, str)})
    kind = type(root).__name__
    if not versions:
        raise DocumentError("the file holds a %s without a scikit-learn estimator in it%s" % (
            kind, " (the objects in it carry no _sklearn_version: scikit-learn before 0.18)" if found else ""),
            hint="sklearn-migrator reads estimators, alone or in a dict, list or tuple")
    if len(versions) > 1:
        raise DocumentError("the %s holds estimators of several scikit-learn releases (%s)"
                            % (kind, ", ".join(versions)), hint="Save each release's estimators in a file of its own")
    return versions[0]


def _expanded(root):
    """``(values, depth)``: how many values a tree of the stub graph holds, each container
    shared by several parents counted as often as it is referenced (the tree copies it;
    records stay shared, counted once), and the deepest nesting of containers and records.
    A pickle's memo lets a few hundred bytes reference a list ten times at each of thirty
    levels: counted here, in one pass over the distinct objects, before anything is copied."""
    sizes, depths, stack = {}, {}, [(root, False)]
    while stack:
        value, done = stack.pop()
        key = id(value)
        if key in sizes and not done:
            continue
        children = _children(value)
        if not done:
            sizes[key] = None  # in progress: a reference back to it counts once (a cycle is not copied)
            stack.append((value, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        parts = [(sizes.get(id(child)) or 1, depths.get(id(child), 0)) for child in children]
        # a record is converted once and then shared: its parents count it as one value
        sizes[key] = 1 if isinstance(value, Stub) else 1 + sum(size for size, _ in parts)
        depths[key] = 1 + max((depth for _, depth in parts), default=0)
        if isinstance(value, Stub):
            sizes.setdefault(("record", key), 1 + sum(size for size, _ in parts))
    total = sum(size for key, size in sizes.items() if type(key) is tuple) + (sizes.get(id(root)) or 1)
    return total, depths.get(id(root), 0)


def _children(value):
    kind = type(value)
    if kind is list or kind is tuple or kind is set or kind is frozenset:
        return list(value)
    if kind is dict:
        return list(value.keys()) + list(value.values())
    if isinstance(value, Stub):
        attributes = value.__dict__
        return [attributes.get("args"), attributes.get("state"), attributes.get("items")]
    if kind is np.ndarray and value.dtype.kind == "O":
        return value.ravel().tolist()
    return ()


def stubs_to_tree(root):
    """``(tree, source_version)`` for the stub graph of a pickled estimator."""
    values, depth = _expanded(root)
    if depth > limits.MAX_DEPTH:
        raise limits.ResourceLimitError("the file nests objects %d levels deep, more than the %d a reader goes"
                                        % (depth, limits.MAX_DEPTH))
    limits.budget().charge(values * limits.VALUE_BYTES, "the file's shared references, copied (%d values)"
                           % values)
    if type(root) in _PLAIN_CONTAINERS:  # estimators the user pickled together
        name, version = type(root).__name__, _container_version(root)
    elif isinstance(root, Stub):
        name, version = type(root).name, _version_of(root)
        if not isinstance(version, str):
            raise DocumentError("the pickle carries no scikit-learn version (_sklearn_version)",
                                hint="Only files written by scikit-learn 0.18 or newer can be read")
    else:
        raise DocumentError("the file does not hold a scikit-learn estimator (it holds %s)" % type(root).__name__)
    parse(version)
    try:
        reader = _Reader(version)
        if isinstance(root, Stub):
            return reader.node(root, ""), version
        return Node(_PLAIN_CONTAINERS[type(root)], state=reader.value(root, "")), version
    except MigratorError as error:
        raise error.located(estimator=name, source_version=version)
    except _MALFORMED as exc:
        raise DocumentError("the file's %s is malformed: %s: %s" % (name, type(exc).__name__, exc),
                            estimator=name, source_version=version)
