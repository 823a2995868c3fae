"""Hyper-parameter searches and their scorers.

A fitted search (GridSearchCV, RandomizedSearchCV, the successive-halving
ones) predicts with ``best_estimator_``, a node like any other; what is its own
is data: ``cv_results_`` (arrays, masked arrays of the candidates' parameter
values, the list of their parameter dicts), ``best_index_`` into it, and the
scorer(s) ``score`` calls. A scorer is a plain object naming a scikit-learn
metric function (an allowlisted global, never code), its sign, its keyword
arguments and, from 1.4, the response method it calls; the migration steps of
1.3 and 1.4 (``migrations/_search.py``) carry it across the classes those
releases introduced.
"""
from __future__ import annotations

from ..tree import Global, Node, join
from ._state import as_int, require

#: Prediction methods a 1.4+ scorer may name (alone or as a tuple tried in order).
RESPONSE_METHODS = ("predict", "predict_proba", "decision_function", "score_samples")


#: 0.20's ``cv_results_``: a dict subclass warning when a train score computed under
#: ``return_train_score='warn'`` is read.
DEPRECATION_DICT = "sklearn.utils.deprecation.DeprecationDict"


def search_results(state):
    """A search's ``cv_results_``: the dict itself, or the items of 0.20's DeprecationDict node
    (None when that node is malformed)."""
    results = state.get("cv_results_")
    if type(results) is Node and results.cls == DEPRECATION_DICT:
        return results.state.get("items") if isinstance(results.state, dict) else None
    return results


def validate_search(node, path):
    """``best_index_`` points into ``cv_results_``; the scorer is a scorer or a dict of them."""
    state = node.state
    results = search_results(state)
    if "cv_results_" in state:
        require(isinstance(results, dict) and all(isinstance(key, str) for key in results),
                "cv_results_ must be a mapping of names", join(path, "cv_results_"))
        candidates = results.get("params")
        require(isinstance(candidates, list), "cv_results_ needs the list of candidates' params",
                join(join(path, "cv_results_"), "params"))
        if "best_index_" in state:
            best = as_int(state["best_index_"], "best_index_", join(path, "best_index_"), minimum=0)
            require(best < len(candidates), "best_index_ %d is past the %d candidates", join(path, "best_index_"),
                    best, len(candidates))
    scorer = state.get("scorer_")
    scorers = scorer.values() if isinstance(scorer, dict) else [scorer]
    for item in scorers:
        require(item is None or isinstance(item, (Node, Global)), "scorer_ must be a scorer or a dict of them",
                join(path, "scorer_"))


def validate_scorer(node, path):
    """A metric scorer: an allowlisted function, a sign of +-1, keyword arguments by name and
    (1.4+) the response method(s) it calls."""
    state = node.state or {}
    require(isinstance(state.get("_score_func"), Global), "a scorer's function must be an allowlisted metric",
            join(path, "_score_func"))
    require(state.get("_sign") in (1, -1) and type(state.get("_sign")) is not bool, "a scorer's sign must be 1 or -1",
            join(path, "_sign"))
    kwargs = state.get("_kwargs")
    require(isinstance(kwargs, dict) and all(isinstance(key, str) for key in kwargs),
            "a scorer's keyword arguments must be a mapping of names", join(path, "_kwargs"))
    if "_response_method" in state:
        method = state["_response_method"]
        methods = method if isinstance(method, tuple) else (method,)
        require(len(methods) > 0 and all(isinstance(m, str) and m in RESPONSE_METHODS for m in methods),
                "a scorer's response method must be one of %s or a tuple of them",
                join(path, "_response_method"), ", ".join(RESPONSE_METHODS))



class PassthroughScorerCodec:
    """1.3+'s scorer of ``scoring=None``, calling the estimator's own ``score``: it holds the
    search's estimator, and 1.5-1.7 derive from it, in ``__init__``, the metadata requests
    it routes (``_metadata_request``). So it is captured as its estimator alone and made
    by its constructor, which derives them as the installed release does."""

    def capture(self, obj, entry):
        return Node(entry.name, state={"_estimator": obj._estimator})

    def legacy_state(self, state):
        """The captured form of a pickled ``__dict__``."""
        return {"_estimator": state.get("_estimator")} if isinstance(state, dict) else state

    def validate(self, node, path):
        require(node.params is None and node.args is None and isinstance(node.state, dict)
                and set(node.state) == {"_estimator"}, "a passthrough scorer holds only _estimator", path)
        require(isinstance(node.state["_estimator"], Node), "a passthrough scorer holds an estimator",
                join(path, "_estimator"))

    def build(self, cls, node, path):
        return cls(node.state["_estimator"])
