"""The compat subclasses compute exactly what scikit-learn computes natively in the
releases whose behaviour they keep, and migrations swap them in and out."""
import warnings

import numpy as np
import pytest
import sklearn
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import NearestCentroid
from sklearn.svm import SVC, NuSVC

import sklearn_migrator as sm
from sklearn_migrator import compat, zoo
from sklearn_migrator.codec import decode_tree
from sklearn_migrator.migrations import migrate
from sklearn_migrator.versions import has_release

INSTALLED = sklearn.__version__
DATA = zoo.make_data()


def _fit(cls, data, **params):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cls(**params).fit(DATA["X"], DATA[data])


def _assert_same_outputs(a, b, methods):
    X = DATA["X_query"]
    for method in methods:
        np.testing.assert_array_equal(getattr(a, method)(X), getattr(b, method)(X), err_msg=method)


def test_svc_formula_of_the_installed_release_is_native():
    # The compat class for the installed release's own formula must equal SVC bit for bit.
    native = compat.SVCOneVsRest021 if has_release(INSTALLED, "0.21") else compat.SVCOneVsRest020
    params = dict(gamma="scale" if has_release(INSTALLED, "0.22") else 0.1, random_state=0)
    _assert_same_outputs(_fit(SVC, "clf3", **params), _fit(native, "clf3", **params),
                         ["decision_function", "predict"])


def test_svc_formulas_differ_only_in_decision_function():
    old, new = _fit(compat.SVCOneVsRest020, "clf3", gamma=0.1), _fit(compat.SVCOneVsRest021, "clf3", gamma=0.1)
    _assert_same_outputs(old, new, ["predict"])
    X = DATA["X_query"]
    a, b = old.decision_function(X), new.decision_function(X)
    assert not np.array_equal(a, b)
    # Both add a tie-breaking term in (-1/2, 1/2) to the same one-vs-one votes.
    np.testing.assert_array_equal(np.round(a), np.round(b))
    # 0.21's term is per sample, below 1/3; 0.20's scales the batch's largest summed confidence to 1/2 - eps.
    assert np.abs(b - np.round(b)).max() < 1 / 3 < np.abs(a - np.round(a)).max()


@pytest.mark.skipif(has_release(INSTALLED, "1.8"), reason="multi_class was removed in 1.8; the compat classes "
                    "exist for those releases and are checked against pre-1.8 documents in test_cross_version")
@pytest.mark.parametrize("cls, data, multi_class, solver", [
    (compat.LogisticRegressionOneVsRest, "clf3", "ovr", "liblinear"),
    (compat.LogisticRegressionBinaryMultinomial, "clf2", "multinomial", "lbfgs"),
])
def test_logistic_compat_is_native_before_1_8(cls, data, multi_class, solver):
    params = dict(multi_class=multi_class, solver=solver, max_iter=500)
    _assert_same_outputs(_fit(LogisticRegression, data, **params), _fit(cls, data, **params),
                         ["decision_function", "predict", "predict_proba", "predict_log_proba"])


def _as_from(doc, release, **params):
    doc = dict(doc, sklearn_version=release)
    doc["tree"] = dict(doc["tree"], params=dict(doc["tree"]["params"], **params))
    return doc


@pytest.mark.skipif(not has_release(INSTALLED, "1.8"), reason="needs a release without multi_class")
def test_binary_multinomial_logistic_keeps_softmax_probabilities_in_1_8():
    fitted = _fit(LogisticRegression, "clf2", solver="lbfgs", max_iter=500)
    doc = _as_from(sm.serialize(fitted), "1.7.2", multi_class="multinomial")
    with pytest.warns(sm.MigrationWarning, match="multi_class='multinomial'"):
        rebuilt = sm.deserialize(doc)
    assert type(rebuilt) is compat.LogisticRegressionBinaryMultinomial
    d = fitted.decision_function(DATA["X_query"])
    z = np.c_[-d, d]
    e = np.exp(z - z.max(axis=1)[:, None])
    np.testing.assert_array_equal(rebuilt.predict_proba(DATA["X_query"]), e / e.sum(axis=1)[:, None])
    # Exported again and carried back, it is a plain multinomial LogisticRegression.
    again = sm.serialize(rebuilt)
    assert again["estimator"] == "sklearn_migrator.compat.LogisticRegressionBinaryMultinomial"
    tree = decode_tree(again["tree"], "")
    migrate(tree, INSTALLED, "1.7.2")
    assert tree.cls == "sklearn.linear_model.LogisticRegression" and tree.params["multi_class"] == "multinomial"


def test_svc_with_break_ties_is_refused_before_0_22():
    if not has_release(INSTALLED, "0.22"):
        pytest.skip("break_ties exists from 0.22")
    doc = sm.serialize(_fit(SVC, "clf3", break_ties=True, gamma=0.1))
    with pytest.raises(sm.MigrationError, match="break_ties"):
        migrate(decode_tree(doc["tree"], ""), INSTALLED, "0.21.3")


@pytest.mark.skipif(has_release(INSTALLED, "0.22"), reason="behaviour='old' exists up to 0.21; the compat class "
                    "is checked against 0.21 documents in test_cross_version")
def test_isolation_forest_old_behaviour_is_native_before_0_22():
    from sklearn.ensemble import IsolationForest

    params = dict(n_estimators=5, behaviour="old", contamination=0.1, random_state=0)
    native, kept = (cls(**params).fit(DATA["X"]) for cls in (IsolationForest, compat.IsolationForestOldBehaviour))
    _assert_same_outputs(native, kept, ["predict", "decision_function", "score_samples"])


def _adaboost_native_case():
    """(compat class whose decision function the installed release computes natively, params)."""
    if not has_release(INSTALLED, "1.3"):
        return compat.AdaBoostClassifierSAMMEVotes, dict(algorithm="SAMME")
    return compat.AdaBoostClassifierSAMMESymmetric, {} if has_release(INSTALLED, "1.8") else dict(algorithm="SAMME")


@pytest.mark.parametrize("data", ["clf2", "clf3"])
def test_adaboost_samme_votes_of_the_installed_release_are_native(data):
    from sklearn.ensemble import AdaBoostClassifier

    cls, params = _adaboost_native_case()
    _assert_same_outputs(_fit(AdaBoostClassifier, data, n_estimators=5, random_state=0, **params),
                         _fit(cls, data, n_estimators=5, random_state=0, **params), ["decision_function", "predict"])


@pytest.mark.skipif(has_release(INSTALLED, "1.6"), reason="SAMME.R was dropped in 1.6; the compat class is checked "
                    "against older documents in test_cross_version")
@pytest.mark.parametrize("data", ["clf2", "clf3"])
def test_adaboost_samme_r_is_native_before_1_6(data):
    from sklearn.ensemble import AdaBoostClassifier

    params = dict(n_estimators=5, algorithm="SAMME.R", random_state=0)
    _assert_same_outputs(_fit(AdaBoostClassifier, data, **params),
                         _fit(compat.AdaBoostClassifierSAMMER, data, **params),
                         ["decision_function", "predict"])


def _installed_formula(cls_020, cls_021):
    return cls_021 if has_release(INSTALLED, "0.21") else cls_020


def test_nusvc_formula_of_the_installed_release_is_native():
    native = _installed_formula(compat.NuSVCOneVsRest020, compat.NuSVCOneVsRest021)
    params = dict(gamma="scale", random_state=0)
    _assert_same_outputs(_fit(NuSVC, "clf3", **params), _fit(native, "clf3", **params),
                         ["decision_function", "predict"])


def test_lda_probabilities_of_the_installed_release_are_native():
    native = _installed_formula(compat.LinearDiscriminantAnalysisOneVsRest020,
                                compat.LinearDiscriminantAnalysisSoftmax021)
    _assert_same_outputs(_fit(LinearDiscriminantAnalysis, "clf3"), _fit(native, "clf3"),
                         ["predict_proba", "predict_log_proba", "decision_function"])


def test_stratified_dummy_probabilities_of_the_installed_release_are_native():
    native = _installed_formula(compat.DummyClassifierIntegerProba020, compat.DummyClassifierFloatProba021)
    params = dict(strategy="stratified", random_state=0)
    plain, kept = _fit(DummyClassifier, "clf3", **params), _fit(native, "clf3", **params)
    _assert_same_outputs(plain, kept, ["predict_proba", "predict"])
    assert plain.predict_proba(DATA["X_query"]).dtype == kept.predict_proba(DATA["X_query"]).dtype


@pytest.mark.skipif(not has_release(INSTALLED, "1.6"), reason="NearestCentroid has scores from 1.6")
@pytest.mark.parametrize("priors", ["uniform", "empirical"])
def test_nearest_centroid_scores_are_native_from_1_6(priors):
    _assert_same_outputs(_fit(NearestCentroid, "clf3", priors=priors),
                         _fit(compat.NearestCentroidScores16, "clf3", priors=priors),
                         ["predict", "decision_function", "predict_proba", "predict_log_proba"])


@pytest.mark.skipif(not has_release(INSTALLED, "1.6"), reason="NearestCentroid has scores from 1.6")
def test_nearest_centroid_without_scores_predicts_and_hides_scores():
    doc = sm.serialize(_fit(NearestCentroid, "clf3"))
    doc = dict(doc, sklearn_version="1.5.2")
    doc["tree"] = dict(doc["tree"], params={k: v for k, v in doc["tree"]["params"].items() if k != "priors"})
    doc["tree"]["state"] = {k: v for k, v in doc["tree"]["state"].items()
                            if k not in ("class_prior_", "deviations_", "within_class_std_dev_")}
    with pytest.warns(sm.MigrationWarning, match="no scores"):
        rebuilt = sm.deserialize(doc)
    assert type(rebuilt) is compat.NearestCentroidWithoutScores
    for method in ("decision_function", "predict_proba", "predict_log_proba"):
        assert not hasattr(rebuilt, method)
    np.testing.assert_array_equal(rebuilt.predict(DATA["X_query"]),
                                  _fit(NearestCentroid, "clf3").predict(DATA["X_query"]))
