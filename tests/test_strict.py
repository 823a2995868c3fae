"""Strict checks: parameters against the rules of the release they are rebuilt in, fitted
scalars against what the estimators' code relies on; documents and legacy files alike."""
import pickle

import numpy as np
import pytest
import sklearn
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.svm import SVC

import sklearn_migrator as sm

DECLARES_CONSTRAINTS = hasattr(LogisticRegression, "_parameter_constraints")  # scikit-learn 1.2+


@pytest.fixture(scope="module")
def xy():
    rng = np.random.RandomState(0)
    X = rng.rand(60, 4)
    return X, (X[:, 0] + X[:, 1] > 1).astype(int)


def _doc(model):
    return sm.serialize(model)


def _refused(doc, match):
    with pytest.raises(sm.DocumentError, match=match) as raised:
        sm.deserialize(doc)
    return raised.value


def test_a_mistyped_parameter_is_refused_naming_field_kinds_and_releases(xy):
    doc = _doc(SVC(gamma="scale").fit(*xy))
    doc["tree"]["params"]["C"] = "abc"
    error = _refused(doc, r"SVC at params\.C: expected ")
    assert "found str 'abc'" in str(error)
    assert "(document from scikit-learn %s, running scikit-learn %s)" % ((sklearn.__version__,) * 2) in str(error)
    if DECLARES_CONSTRAINTS:  # the release's own rule, range included
        assert "expected a float in the range (0.0, inf]" in str(error)
        doc["tree"]["params"]["C"] = -1.0
        _refused(doc, r"params\.C: expected a float in the range \(0\.0, inf\], found float -1\.0")
    else:  # the kinds 1.2+ accept
        assert "expected a number, found str 'abc'" in str(error)


def test_a_boolean_where_numbers_are_accepted_is_refused(xy):
    doc = _doc(SVC(gamma="scale").fit(*xy))
    doc["tree"]["params"]["C"] = True
    _refused(doc, r"params\.C: expected .*, found bool True")


def test_mistyped_fitted_scalars_are_refused(xy):
    doc = _doc(MLPClassifier((3,), max_iter=5, random_state=0).fit(*xy))
    doc["tree"]["state"]["n_layers_"] = "twenty"
    _refused(doc, r"MLPClassifier at n_layers_: expected an integer count, found str 'twenty'")
    doc["tree"]["state"]["n_layers_"] = -1
    _refused(doc, r"at n_layers_: expected a count, not negative, found int -1")
    doc["tree"]["state"]["n_layers_"] = 4
    _refused(doc, r"at n_layers_: n_layers_ is 4, but the layers coefs_ joins is 3")
    doc = _doc(KNeighborsClassifier(3).fit(*xy))
    doc["tree"]["state"]["outputs_2d_"] = "no"
    _refused(doc, r"KNeighborsClassifier at outputs_2d_: expected a boolean, found str 'no'")


def test_a_count_must_agree_with_the_arrays_that_state_it(xy):
    model = LogisticRegression().fit(*xy)
    doc = _doc(model)
    if "n_features_in_" not in doc["tree"]["state"]:  # (0.24+ records it)
        doc["tree"]["state"]["n_features_in_"] = 4
    sm.deserialize(doc)
    doc["tree"]["state"]["n_features_in_"] = 5
    _refused(doc, r"LogisticRegression at n_features_in_: n_features_in_ is 5, but coef_'s width is 4")


def test_a_parameter_the_fit_constrains(xy):
    doc = _doc(KNeighborsClassifier(3).fit(*xy))
    doc["tree"]["params"]["n_neighbors"] = 61
    _refused(doc, r"params\.n_neighbors: expected a count of at most the 60 samples fitted, found 61")
    doc = _doc(SVC(gamma="scale").fit(*xy))
    doc["tree"]["params"]["probability"] = True
    _refused(doc, r"params\.probability: probability is True, but the model was fitted without it")


def test_a_legacy_file_gets_the_same_checks(xy, tmp_path):
    model = KNeighborsClassifier(3).fit(*xy)
    model._fit_method = "magic"  # as a corrupt or forged file would hold it
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(model, protocol=2))
    with pytest.raises(sm.DocumentError, match=r"KNeighborsClassifier at _fit_method: expected one of 'brute', "
                                               r"'kd_tree', 'ball_tree', found str 'magic'"):
        sm.load_legacy(str(path))


def test_a_value_an_older_release_allowed_is_migrated_to_one_the_newer_allows(xy):
    from sklearn_migrator.capture import capture
    from sklearn_migrator.migrations import migrate

    model = GradientBoostingRegressor(n_estimators=3, random_state=0).fit(*xy)
    tree = capture(model)
    members = tree.state["estimators_"].ravel()
    for member in members:  # as gradient boosting made its trees up to 1.8
        member.params["criterion"] = "friedman_mse"
    migrate(tree, "1.8.0", "1.9.1")  # 1.9's DecisionTreeRegressor refuses 'friedman_mse' from users
    assert {member.params["criterion"] for member in members} == {"squared_error"}


def test_what_older_releases_wrote_is_not_refused():
    from sklearn_migrator.objects.scalars import check_scalars
    from sklearn_migrator.tree import Node

    # 0.23-0.24's dummies did not validate X and kept n_features_in_ = None; 0.23-0.24's KMeans and
    # 1.0-1.1's NMF held 'deprecated' placeholders in n_jobs and alpha
    check_scalars(Node("sklearn.dummy.DummyClassifier", params={}, state={"n_features_in_": None}), "")
    check_scalars(Node("sklearn.cluster.KMeans", params={"n_jobs": "deprecated"}, state={}), "")
    check_scalars(Node("sklearn.decomposition.NMF", params={"alpha": "deprecated", "beta_loss": "frobenius"},
                       state={"components_": np.ones((2, 3))}), "")
    with pytest.raises(sm.DocumentError, match="at n_features_in_: expected an integer count, found NoneType None"):
        check_scalars(Node("sklearn.linear_model.Ridge", params={}, state={"n_features_in_": None}), "")
