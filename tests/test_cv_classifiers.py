"""Migration steps of the cross-validated classifiers and of probability calibration."""
import numpy as np
import pytest
import sklearn

from sklearn_migrator.capture import capture
from sklearn_migrator.errors import MigrationError
from sklearn_migrator.migrations import migrate
from sklearn_migrator.tree import Node
from sklearn_migrator.versions import has_release
from sklearn_migrator.zoo import make_data

CALIBRATED = "sklearn.calibration.CalibratedClassifierCV"
PAIR = "sklearn.calibration._CalibratedClassifier"


def test_prefit_calibration_is_refused_from_1_8():
    node = Node(CALIBRATED, params={"cv": "prefit", "method": "sigmoid"}, state={})
    with pytest.raises(MigrationError, match="prefit"):
        migrate(node, "1.7.2", "1.8.0")


def test_temperature_calibration_is_refused_before_1_8():
    node = Node(CALIBRATED, params={"cv": 3, "method": "temperature"}, state={})
    with pytest.raises(MigrationError, match="temperature"):
        migrate(node, "1.9.1", "1.7.2")


def test_calibrated_pair_keeps_its_classes_and_calibrators_across_0_24():
    classes, calibrators = np.array([0, 1, 2]), ["c0", "c1", "c2"]
    pair = Node(PAIR, state={"base_estimator": None, "method": "sigmoid", "classes": classes, "classes_": classes,
                             "calibrators_": calibrators, "label_encoder_": None})
    migrate(pair, "0.23.2", "1.2.2")
    assert sorted(pair.state) == ["calibrators", "classes", "estimator", "method"]
    assert pair.state["calibrators"] == calibrators and pair.state["classes"] is classes
    migrate(pair, "1.2.2", "0.23.2")
    encoder = pair.state.pop("label_encoder_")
    assert encoder.cls == "sklearn.preprocessing.LabelEncoder" and encoder.state["classes_"] is classes
    assert sorted(pair.state) == ["base_estimator", "calibrators_", "classes", "classes_", "method"]


@pytest.mark.parametrize("source,target", [("1.3.2", "1.4.2"), ("1.9.1", "0.24.2")])
def test_binary_member_of_a_multiclass_calibration_is_refused_across_1_4(source, target):
    member = Node("sklearn.naive_bayes.GaussianNB", params={}, state={"classes_": np.array([0, 2])})
    pair = Node(PAIR, state={"estimator": member, "method": "sigmoid", "classes": np.array([0, 1, 2]),
                             "calibrators": []})
    with pytest.raises(MigrationError, match="two of its classes"):
        migrate(pair, source, target)
    member.state["classes_"] = np.array([0, 1, 2])
    migrate(pair, source, target)


@pytest.mark.parametrize("ratios,penalty", [("warn", "l2"), ([0.0], "l2"), ([1.0], "l1"), ([0.2, 0.8], "elasticnet")])
def test_logistic_cv_penalty_comes_back_from_the_l1_ratios(ratios, penalty):
    node = Node("sklearn.linear_model.LogisticRegressionCV", state={},
                params={"penalty": "deprecated", "l1_ratios": ratios, "use_legacy_attributes": "warn"})
    migrate(node, "1.8.0", "1.7.2")
    assert node.params["penalty"] == penalty and "use_legacy_attributes" not in node.params
    assert node.params["l1_ratios"] == (None if ratios == "warn" else ratios)


@pytest.mark.skipif(not has_release(sklearn.__version__, "1.8"), reason="use_legacy_attributes is 1.8+")
@pytest.mark.parametrize("target,kwargs", [
    ("clf3", {}), ("clf2", {}), ("clf3", {"refit": False}),
    ("clf2", {"solver": "saga", "l1_ratios": [0.3, 0.9], "random_state": 0}),
    ("str3", {"solver": "saga", "l1_ratios": [0.5], "random_state": 0})])
def test_logistic_cv_new_attributes_go_back_to_the_legacy_layout(target, kwargs):
    from sklearn.linear_model import LogisticRegressionCV

    data = make_data()
    fitted = {legacy: capture(LogisticRegressionCV(Cs=3, cv=3, max_iter=300, use_legacy_attributes=legacy, **kwargs)
                              .fit(data["X"], data[target])) for legacy in (True, False)}
    migrate(fitted[False], sklearn.__version__, "1.7.2")
    migrate(fitted[True], sklearn.__version__, "1.7.2")
    # (without l1 ratios and with refit=False, 1.9 records an l1_ratio_ of 0.0 where 1.7-1.8 record
    # None: the conversion gives what the target records)
    names = ("C_", "n_iter_", "coefs_paths_", "scores_") + (() if kwargs == {"refit": False} else ("l1_ratio_",))
    for name in names:
        want, got = fitted[True].state[name], fitted[False].state[name]
        if isinstance(want, dict):
            assert list(got) == list(want)
            want, got = list(want.values()), list(got.values())
        np.testing.assert_array_equal(np.asarray(got), np.asarray(want), err_msg=name)
        assert np.asarray(got).dtype == np.asarray(want).dtype, name
