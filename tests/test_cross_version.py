"""Documents written by other scikit-learn releases are migrated to the installed one.

The fixtures were exported by the matrix harness in real environments of each
release, with the outputs computed there (scripts/collect_document_fixtures.py).
Every fixture must meet the parity rule here, except the gaps the migration
steps declare, each of which is asserted precisely.
"""
import glob
import gzip
import json
import os
import warnings

import pytest
import sklearn

import sklearn_migrator as sm
from sklearn_migrator import parity, zoo
from sklearn_migrator.codec import decode_tree
from sklearn_migrator.versions import has_release

FIXTURES = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "fixtures", "documents", "*", "*.json.gz")))
INSTALLED = sklearn.__version__


def _crosses(source, release):
    return has_release(source, release) != has_release(INSTALLED, release)


def test_fixtures_are_present():
    assert len(FIXTURES) >= 200
    assert len({os.path.basename(os.path.dirname(path)) for path in FIXTURES}) == 10


@pytest.mark.parametrize("path", FIXTURES, ids=[os.path.relpath(p, os.path.dirname(__file__)) for p in FIXTURES])
def test_document_from_another_release(path):
    with gzip.open(path, "rt") as handle:
        record = json.load(handle)
    source, estimator_name = record["sklearn_version"], record["estimator"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        estimator = sm.deserialize(record["document"])
    notes = " ".join(str(w.message) for w in caught if issubclass(w.category, sm.MigrationWarning))
    X = zoo.Case(record["case"], None, record["data"], pandas=record["pandas"],
                 features=record.get("features")).inputs(zoo.make_data()["X_query"])
    status, details = parity.verdict(decode_tree(record["outputs"]), parity.outputs(estimator, X), estimator_name)

    if record["case"] == "LogisticRegression-liblinear-ovr" and _crosses(source, "1.8"):
        # 1.8 removed multi_class: rebuilt as the subclass computing one-vs-rest probabilities.
        assert type(estimator).__name__ == "LogisticRegressionOneVsRest" and "multi_class" in notes
    elif record["case"] == "SVC-rbf-3class" and _crosses(source, "0.21"):
        # 0.21 changed the one-vs-rest decision function: rebuilt as the subclass with the source's formula.
        assert type(estimator).__name__ == ("SVCOneVsRest021" if has_release(source, "0.21") else "SVCOneVsRest020")
        assert "decision_function" in notes
    else:
        assert type(estimator).__module__.startswith("sklearn.")
    assert status in ("exact", "close"), details
