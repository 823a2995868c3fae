import os

import pytest
import sklearn

from sklearn_migrator import registry, zoo
from sklearn_migrator.parity import refusals

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
        pytest.skip("%s is not installed here, or not in a release the library uses" % name)
    return request.param


def expected_refusal(case, source, estimator):
    """The words the refusal of configuration ``case`` (a model of class ``estimator``)
    from release ``source`` must contain here: where sklearn_migrator.parity.refusals
    expects one, or where the installed release lacks the class; else None (the model
    must be migrated). A document or a file of that model must be refused so."""
    refusal = refusals.expected_refusal(case, source, sklearn.__version__)
    if refusal is not None:
        return refusal.match
    entry = next(entry for entry in registry.ENTRIES.values() if entry.top_level and entry.class_name == estimator)
    return "does not exist in the installed" if entry.resolve() is None else None


def assert_rebuilt_as(estimator, name, notes):
    """``estimator`` is of class ``name``, or a subclass of it from sklearn_migrator.compat
    keeping an output the installed release computes differently, which the migration
    ``notes`` (its MigrationWarnings) announce."""
    if type(estimator).__module__ == "sklearn_migrator.compat":
        assert type(estimator).__name__ in notes
        assert name in {cls.__name__ for cls in type(estimator).__mro__[1:]}
    else:
        assert type(estimator).__name__ == name
