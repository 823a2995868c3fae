"""Documents written by other scikit-learn releases are migrated to the installed one.

The fixtures were exported by the matrix harness in real environments of each
release, with the outputs computed there (scripts/collect_document_fixtures.py).
Every fixture must meet the parity rule here, except where the last full matrix
sklearn_migrator.parity.refusals expects a refusal (or the class is absent here):
those must be refused for the listed reason. The rebuilt class is checked, precisely
for the configurations a migration rebuilds as one of sklearn_migrator.compat's
subclasses.
"""
import glob
import gzip
import json
import os
import re
import warnings

import pytest
import sklearn

import sklearn_migrator as sm
from sklearn_migrator import zoo
from sklearn_migrator.parity import records
from sklearn_migrator.versions import has_release

from conftest import assert_rebuilt_as, expected_refusal

FIXTURES = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "fixtures", "documents", "*", "*.json.gz")))
INSTALLED = sklearn.__version__


def _crosses(source, release):
    return has_release(source, release) != has_release(INSTALLED, release)


def _estimator(path):
    with gzip.open(path, "rt") as handle:
        return json.load(handle)["estimator"]


def test_fixtures_cover_every_estimator_from_ten_releases():
    """One configuration of every estimator the release had (plus configurations that
    exercise a special migration), from ten releases."""
    by_release = {}
    for path in FIXTURES:
        by_release.setdefault(os.path.basename(os.path.dirname(path)), set()).add(_estimator(path))
    assert len(by_release) == 10
    assert by_release["0.20.4"] <= by_release["1.9.1"] and len(by_release["0.20.4"]) >= 100
    exported = {type(case.make()).__name__ for case in zoo.cases()}  # top-level classes of the zoo here
    assert exported <= set.union(*by_release.values()) <= set(sm.supported_models())


@pytest.mark.parametrize("path", FIXTURES, ids=[os.path.relpath(p, os.path.dirname(__file__)) for p in FIXTURES])
def test_document_from_another_release(path):
    with gzip.open(path, "rt") as handle:
        record = json.load(handle)
    source = record["sklearn_version"]
    refusal = expected_refusal(record["case"], source, record["estimator"])  # the steps refuse it here, for the listed reason
    if refusal is not None:
        with pytest.raises(sm.MigratorError, match=re.escape(refusal)):
            sm.deserialize(record["document"])
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        estimator = sm.deserialize(record["document"])
    notes = " ".join(str(w.message) for w in caught if issubclass(w.category, sm.MigrationWarning))
    status, details = records.check(record, estimator, zoo.make_data())

    if record["case"] == "LogisticRegression-liblinear-ovr" and _crosses(source, "1.8"):
        # 1.8 removed multi_class: rebuilt as the subclass computing one-vs-rest probabilities.
        assert type(estimator).__name__ == "LogisticRegressionOneVsRest" and "multi_class" in notes
    elif record["case"] == "SVC-rbf-3class" and _crosses(source, "0.21"):
        # 0.21 changed the one-vs-rest decision function: rebuilt as the subclass with the source's formula.
        assert type(estimator).__name__ == ("SVCOneVsRest021" if has_release(source, "0.21") else "SVCOneVsRest020")
        assert "decision_function" in notes
    elif record["case"] == "IsolationForest" and not has_release(source, "0.22") and _crosses(source, "0.22"):
        # 0.22 removed behaviour='old' (0.21's default): rebuilt as the subclass predicting against threshold_.
        assert type(estimator).__name__ == "IsolationForestOldBehaviour" and "behaviour='old'" in notes
    elif record["case"].startswith("AdaBoostClassifier-") and _crosses(source, "0.22"):
        # Rebuilt as the subclass computing the source's votes (SAMME.R dropped in 1.6, SAMME's symmetric in 1.3)
        # and probabilities (from the members' scores before 0.22, from the decision function since).
        samme_r = "SAMME.R" in record["case"]
        votes = ("SAMMER" if samme_r and _crosses(source, "1.6") else "" if samme_r or not _crosses(source, "1.3")
                 else "SAMMESymmetric" if has_release(source, "1.3") else "SAMMEVotes")
        probabilities = "Proba022" if has_release(source, "0.22") else "Proba021"
        assert type(estimator).__name__ == "AdaBoostClassifier%s%s" % (votes, probabilities)
        assert "AdaBoostClassifier's predict_proba changed in scikit-learn 0.22" in notes
    elif record["case"].startswith("AdaBoostClassifier-SAMME.R") and _crosses(source, "1.6"):
        # 1.6 dropped SAMME.R: rebuilt as the subclass computing its decision function.
        assert type(estimator).__name__ == "AdaBoostClassifierSAMMER" and "SAMME.R" in notes
    elif record["case"].startswith("AdaBoostClassifier-SAMME-") and _crosses(source, "1.3"):
        # 1.3 made SAMME votes symmetric: rebuilt as the subclass voting as the source release did.
        assert type(estimator).__name__ == ("AdaBoostClassifierSAMMESymmetric" if has_release(source, "1.3")
                                            else "AdaBoostClassifierSAMMEVotes")
    else:
        assert_rebuilt_as(estimator, record["estimator"], notes)
    assert status in ("exact", "close"), details
