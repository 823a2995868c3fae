import functools
import gzip
import json
import os
import re

import pytest
import sklearn

from sklearn_migrator import zoo

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="session")
def data():
    return zoo.make_data()


def fast_or_standard(request, monkeypatch, owner, name):
    """Body of a fixture parametrized over ``[name, "standard library"]``: the optional
    module ``owner.<name>`` as installed, or ``None`` in its place (the fallback path)."""
    if request.param != name:
        monkeypatch.setattr(owner, name, None)
    elif getattr(owner, name) is None:
        pytest.skip("%s is not installed here (the CI environments install it)" % name)
    return request.param


@functools.lru_cache(maxsize=None)
def _matrix_refusals():
    with gzip.open(os.path.join(HERE, "..", "docs", "matrix", "results.json.gz"), "rt") as handle:
        results = json.load(handle)["results"]
    refused = {(r["case"], r["source"], r["target"]): r["detail"] for r in results if r["status"] == "refused"}
    refused.update(((r["case"], r["source"], r["target"]), "UnavailableError: X: does not exist in the installed")
                   for r in results if r["status"] == "absent")
    return refused


def matrix_refusal(case, source):
    """The start of the reason the last full matrix run (docs/matrix/results.json.gz) gave
    for refusing configuration ``case`` from release ``source`` in the installed one, or
    found its class absent here; None if it was migrated. A document or a file of that
    model must be refused for the same reason."""
    refused = _matrix_refusals().get((case, source, sklearn.__version__))
    if refused is None:
        return None
    return re.sub(r"^\w+Error: \w+( at [^:]+)?: ", "", refused).split(" (document from")[0][:60]


def assert_rebuilt_as(estimator, name, notes):
    """``estimator`` is of class ``name``, or a subclass of it from sklearn_migrator.compat
    keeping an output the installed release computes differently, which the migration
    ``notes`` (its MigrationWarnings) announce."""
    if type(estimator).__module__ == "sklearn_migrator.compat":
        assert type(estimator).__name__ in notes
        assert name in {cls.__name__ for cls in type(estimator).__mro__[1:]}
    else:
        assert type(estimator).__name__ == name
