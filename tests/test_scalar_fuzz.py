"""Fuzz of scalar fields: every parameter and scalar fitted attribute of the zoo's documents,
its type swapped or its value out of range. Loading must raise a typed error, or give an
estimator whose every output method runs: a field ``load`` lets through must not make the
model fail later.

The suite takes a seeded sample of mutations per configuration (SKLEARN_MIGRATOR_SCALAR_FUZZ
sets how many; 0 means all). ``python tests/test_scalar_fuzz.py`` sweeps every mutation of
every configuration and prints what failed.
"""
import json
import os
import random
import sys
import warnings

import pytest

import sklearn_migrator as sm
from sklearn_migrator import zoo

PER_CASE = int(os.environ.get("SKLEARN_MIGRATOR_SCALAR_FUZZ", "3"))
_OUTPUTS = ("predict", "predict_proba", "predict_log_proba", "decision_function", "transform", "score_samples")


def scalar_fields(tree):
    """``(path, value)`` of every scalar in the params and state of every node of an encoded tree
    (a numpy scalar's ``{"__scalar__": ...}`` counts as one), each class's field once."""
    seen, stack = set(), [(tree, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            cls = value.get("__class__")
            for part in ("params", "state"):
                fields = value.get(part) if isinstance(cls, str) else None
                if not isinstance(fields, dict):
                    continue
                for key, item in fields.items():
                    scalar = isinstance(item, (bool, int, float, str)) or item is None or (
                        isinstance(item, dict) and "__scalar__" in item)
                    if scalar and not key.startswith("__") and (cls, part, key) not in seen:
                        seen.add((cls, part, key))
                        yield path + (part, key), item
            stack.extend((item, path + (key,)) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, path + (index,)) for index, item in enumerate(value))


def mutations(value):
    """Values of another type, and an out-of-range one (negative where the value is not), for a
    scalar field. A value of the field's own kind and range that contradicts no other field (a
    feature count of 7 for 6) is the document's own to state: only a digest can tell it was edited."""
    plain = value.get("value") if isinstance(value, dict) else value
    if isinstance(plain, bool):
        return ["x", 7, None]
    if isinstance(plain, (int, float)):
        return ["x", None, True] + ([-1] if plain >= 0 else [])
    if isinstance(plain, str):
        return [7, None, True, 0.5]
    return ["x", 7]


def _set(doc, path, value):
    target = doc["tree"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def check(doc, path, value, X):
    """None if a mutated document is refused with a typed error or loads into a working
    estimator; otherwise what went wrong."""
    mutated = json.loads(json.dumps(doc))
    _set(mutated, path, value)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rebuilt = sm.deserialize(mutated)
    except sm.MigratorError:
        return None
    except Exception as exc:  # untyped: a bug
        return "load raised %s: %s" % (type(exc).__name__, exc)
    if not isinstance(rebuilt, object) or not hasattr(rebuilt, "get_params"):
        return None
    for name in _OUTPUTS:
        try:
            with warnings.catch_warnings(), _quiet():
                warnings.simplefilter("ignore")
                method = getattr(rebuilt, name, None)  # (available_if hides a method with AttributeError)
                if method is not None:
                    method(X.copy())
        except AttributeError as exc:
            if "available" not in str(exc):  # (how releases before available_if said a method is not there)
                return "loads, then %s raised AttributeError: %s" % (name, str(exc)[:160])
        except Exception as exc:
            return "loads, then %s raised %s: %s" % (name, type(exc).__name__, str(exc)[:160])
    return None


class _quiet:
    def __enter__(self):
        import numpy as np

        self.old = np.seterr(all="ignore")

    def __exit__(self, *exc):
        import numpy as np

        np.seterr(**self.old)


def _cases_and_documents():
    data = zoo.make_data()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for case in zoo.cases():
            estimator, X = case.fit(data)
            yield case, json.loads(sm.dumps(estimator)), X


def sweep(per_case=0, seed=0, report=print):
    """Every (or ``per_case`` seeded random) mutation of every configuration: the failures."""
    failures = []
    rng = random.Random(seed)
    for case, doc, X in _cases_and_documents():
        trials = [(path, mutated) for path, value in scalar_fields(doc["tree"]) for mutated in mutations(value)]
        if per_case:
            trials = rng.sample(trials, min(per_case, len(trials)))
        for path, mutated in trials:
            problem = check(doc, path, mutated, X)
            if problem is not None:
                failures.append("%s %s = %r: %s" % (case.id, ".".join(map(str, path)), mutated, problem))
                report(failures[-1])
    return failures


@pytest.mark.parametrize("seed", [0])
def test_scalar_fields_are_checked_or_harmless(seed):
    failures = sweep(PER_CASE, seed, report=lambda line: None)
    assert failures == []


if __name__ == "__main__":
    found = sweep(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print("%d failures" % len(found))
