"""scikit-learn estimators: constructor params plus fitted attributes."""
from __future__ import annotations

import functools

import sklearn

from ..errors import DocumentError
from ..tree import Node, join
from ._state import CheckedCodec, apply_state, newobj_state
from .constraints import parameter_check
from .scalars import check_scalars


@functools.lru_cache(maxsize=None)
def param_names(cls):
    """``cls._get_param_names()``, which inspects the constructor's signature: looked up
    once per class, not once per tree of a forest."""
    return frozenset(cls._get_param_names())


@functools.lru_cache(maxsize=None)
def _sorted_param_names(cls):
    return tuple(sorted(param_names(cls)))


@functools.lru_cache(maxsize=1024)
def _identifiers(keys):
    """Whether every key is a str that is a Python identifier (the trees of a forest
    share their key sets: checked once per set)."""
    return all(isinstance(key, str) and key.isidentifier() for key in keys)


class EstimatorCodec(CheckedCodec):
    """Any ``BaseEstimator`` subclass.

    The state pickle stores (``__getstate__``) is split into the constructor
    params (``_get_param_names()``) and the fitted attributes. The version tag
    ``_sklearn_version`` is document metadata, not state: it is dropped on
    capture and set to the installed release on build, as a native pickle of
    the rebuilt estimator would carry it.
    """

    def __init__(self, validator=None, derived=None, forwarded=None, check_params=True):
        super().__init__(validator)
        #: Whether the params and scalar state are checked against the installed release's
        #: rules (:mod:`.constraints`, :mod:`.scalars`); not for a class of the user's own.
        self.check_params = check_params
        #: ``(attribute names, restore)``: fitted attributes that are not data (objects
        #: holding functions) but follow from the params; never captured, ``restore(obj)``
        #: sets them again on the rebuilt estimator.
        self.derived = derived or ((), None)
        #: ``{param: attribute}``: parameters some releases do not store but forward to the
        #: object held in ``attribute`` (TfidfVectorizer's norm, use_idf, smooth_idf and
        #: sublinear_tf live in its ``_tfidf`` before 1.1): captured and read from it, and
        #: on build left to it where the class forwards them.
        self.forwarded = forwarded or {}

    def capture(self, obj, entry):
        state = dict(newobj_state(obj) or {})
        for name in ("_sklearn_version",) + self.derived[0]:
            state.pop(name, None)
        params = {name: state.pop(name) for name in _sorted_param_names(type(obj)) if name in state}
        for name, holder in self.forwarded.items():
            if name not in params and holder in state:
                params[name] = getattr(state[holder], name)
        return Node(entry.name, params=params, state=state)

    def check(self, node, path):
        for key in ("params", "state"):
            value = getattr(node, key)
            if not isinstance(value, dict) or not _identifiers(tuple(value)):
                raise DocumentError("%s must be a mapping of attribute names (Python identifiers)" % key,
                                    path=join(path, key))

    def check_after(self, node, path):
        if self.check_params:
            check_scalars(node, path)

    def build(self, cls, node, path):
        expected = param_names(cls)
        if node.params.keys() != expected:
            self._mismatch(cls, set(node.params), expected, path)
        if not node.params.keys().isdisjoint(node.state):
            raise DocumentError("fields appear both as params and as state: %s"
                                % ", ".join(sorted(set(node.params) & set(node.state))), path=path)
        if self.check_params:  # (the params as built: estimators in them are objects now)
            parameter_check(cls).check(node.params, path)
        forwarded = [name for name in self.forwarded if isinstance(getattr(cls, name, None), property)]
        state = {name: value for name, value in node.params.items() if name not in forwarded}
        state.update(node.state)
        state["_sklearn_version"] = sklearn.__version__
        obj = apply_state(cls.__new__(cls), state, path)
        for name in forwarded:
            held = getattr(obj, name)
            if type(held) is not type(node.params[name]) or held != node.params[name]:
                raise DocumentError("parameter %s is %r, but %s holds %r" % (name, node.params[name],
                                                                           self.forwarded[name], held),
                                    path=join(path, "params", name))
        if self.derived[1] is not None:
            self.derived[1](obj)
        return obj

    @staticmethod
    def _mismatch(cls, params, expected, path):
        problems = []
        if params - expected:
            problems.append("parameters not in this release: %s" % ", ".join(sorted(params - expected)))
        if expected - params:
            problems.append("parameters this release requires but the document lacks: %s"
                            % ", ".join(sorted(expected - params)))
        raise DocumentError("; ".join(problems), path=join(path, "params"),
                            hint="The document does not match the installed release of %s; it must be "
                                 "migrated to it (sklearn_migrator.deserialize does this)" % cls.__name__)
