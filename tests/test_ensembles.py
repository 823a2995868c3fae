"""Ensembles of issue 6: crafted member state is refused before compiled code sees
it, and models a release cannot carry are refused with the reason."""
import json

import pytest
import sklearn
from sklearn.ensemble import BaggingClassifier, IsolationForest

import sklearn_migrator as sm
from sklearn_migrator.versions import has_release


def _doc(model, data, target=None):
    fitted = model.fit(data["X"], data[target]) if target else model.fit(data["X"])
    return json.loads(json.dumps(sm.serialize(fitted, arrays="list")))


def test_bagging_feature_indices_out_of_range_are_refused(data):
    doc = _doc(BaggingClassifier(n_estimators=2, max_features=0.5, random_state=0), data, "clf3")
    doc["tree"]["state"]["estimators_features_"][1]["data"][0] = 6
    with pytest.raises(sm.StateValidationError,
                       match=r"BaggingClassifier at estimators_features_\[1\]: .*feature indices in \[0, 6\)"):
        sm.deserialize(doc)


def test_isolation_forest_member_tree_must_take_its_columns(data):
    # IsolationForest applies its trees without input checks: a tree wider than the
    # columns it is given would read past them.
    doc = _doc(IsolationForest(n_estimators=2, max_features=0.5, random_state=0), data)
    doc["tree"]["state"]["estimators_features_"][0]["data"].pop()
    doc["tree"]["state"]["estimators_features_"][0]["shape"] = [2]
    with pytest.raises(sm.StateValidationError,
                       match=r"IsolationForest at estimators_\[0\]\.tree_: tree expects 3 features, its estimator 2"):
        sm.deserialize(doc)


def test_isolation_forest_is_refused_across_0_21(data):
    doc = _doc(IsolationForest(n_estimators=2, random_state=0), data)
    other = "0.21.3" if not has_release(sklearn.__version__, "0.21") else "0.20.4"
    with pytest.raises(sm.MigrationError, match="average path length of small leaves changed in scikit-learn 0.21"):
        sm.deserialize(dict(doc, sklearn_version=other), allow_unverified=True)
