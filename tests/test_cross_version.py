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


def _refusal(case, source):
    """What the MigrationError says when the steps refuse this document here, or None."""
    if case.startswith("IsolationForest") and _crosses(source, "0.21"):
        return "average path length of small leaves changed in scikit-learn 0.21"
    if case.startswith("AdaBoostClassifier-SAMME-") and _crosses(source, "0.22"):
        return "algorithm='SAMME' computes predict_proba from its members' probabilities before scikit-learn 0.22"
    return None


@pytest.mark.parametrize("path", FIXTURES, ids=[os.path.relpath(p, os.path.dirname(__file__)) for p in FIXTURES])
def test_document_from_another_release(path):
    with gzip.open(path, "rt") as handle:
        record = json.load(handle)
    source, estimator_name = record["sklearn_version"], record["estimator"]
    refusal = _refusal(record["case"], source)
    if refusal:
        with pytest.raises(sm.MigrationError, match=refusal):
            sm.deserialize(record["document"])
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        estimator = sm.deserialize(record["document"])
    notes = " ".join(str(w.message) for w in caught if issubclass(w.category, sm.MigrationWarning))
    X = zoo.Case.of_record(record).query(zoo.make_data())
    status, details = parity.verdict(decode_tree(record["outputs"]), parity.outputs(estimator, X), estimator_name)

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
    elif record["case"].startswith("AdaBoostClassifier-SAMME.R") and _crosses(source, "1.6"):
        # 1.6 dropped SAMME.R: rebuilt as the subclass computing its decision function.
        assert type(estimator).__name__ == "AdaBoostClassifierSAMMER" and "SAMME.R" in notes
    elif record["case"].startswith("AdaBoostClassifier-SAMME-") and _crosses(source, "1.3"):
        # 1.3 made SAMME votes symmetric: rebuilt as the subclass voting as the source release did.
        assert type(estimator).__name__ == ("AdaBoostClassifierSAMMESymmetric" if has_release(source, "1.3")
                                            else "AdaBoostClassifierSAMMEVotes")
    else:
        assert type(estimator).__module__.startswith("sklearn.")
    assert status in ("exact", "close"), details
