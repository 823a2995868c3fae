"""The compat subclasses compute exactly what scikit-learn computes natively in the
releases whose behaviour they keep, and migrations swap them in and out."""
import hashlib
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
from sklearn_migrator.parity.stacks import stack
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


def _adaboost_probability_cases():
    """(compat class whose probabilities the installed release computes natively, params), per algorithm."""
    samme = {} if has_release(INSTALLED, "1.8") else dict(algorithm="SAMME")
    if not has_release(INSTALLED, "0.22"):
        return [(compat.AdaBoostClassifierProba021, samme), (compat.AdaBoostClassifierProba021, {"algorithm": "SAMME.R"})]
    symmetric = has_release(INSTALLED, "1.3")
    cases = [(compat.AdaBoostClassifierSAMMESymmetricProba022 if symmetric else compat.AdaBoostClassifierProba022, samme)]
    if not has_release(INSTALLED, "1.6"):
        cases.append((compat.AdaBoostClassifierProba022, {"algorithm": "SAMME.R"}))
    return cases


@pytest.mark.parametrize("cls, params", _adaboost_probability_cases())
@pytest.mark.parametrize("data", ["clf2", "clf3"])
def test_adaboost_probabilities_of_the_installed_release_are_native(data, cls, params):
    # (the classes keeping the other side of 0.22 are checked against older and newer documents in
    # test_cross_version, and across every release pair by the matrix)
    from sklearn.ensemble import AdaBoostClassifier

    params = dict(params, n_estimators=5, random_state=0)
    _assert_same_outputs(_fit(AdaBoostClassifier, data, **params), _fit(cls, data, **params),
                         ["predict_proba", "predict_log_proba", "predict"])


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


# Arithmetic changes carried bit for bit: 0.22's TruncatedSVD product (PR #14538) and PolynomialFeatures
# products (PR #13290), 1.8's spherical GaussianMixture (PR #30777), 1.9's Yeo-Johnson transform (PR #33272).
#: (zoo configuration, release that changed it, compat class computing it as before, as since, a configuration
#: of the same class whose output did not change)
ARITHMETIC_CHANGES = [
    ("TruncatedSVD-arpack", "0.22", "TruncatedSVDDot021", "TruncatedSVDMatmul022", "TruncatedSVD-randomized"),
    ("PolynomialFeatures-interactions", "0.22", "PolynomialFeaturesProducts021", "PolynomialFeaturesProducts022",
     "PolynomialFeatures"),
    ("GaussianMixture-spherical", "1.8", "GaussianMixtureSpherical17", "GaussianMixtureSpherical18",
     "GaussianMixture-full"),
    ("PowerTransformer-yeo-johnson", "1.9", "PowerTransformerYeoJohnson18", "PowerTransformerYeoJohnson19",
     "PowerTransformer-box-cox"),
]
#: The last release before each change and the first with it.
_AROUND = {"0.22": ("0.21.3", "0.22.2.post1"), "1.8": ("1.7.2", "1.8.0"), "1.9": ("1.8.0", "1.9.1")}
_OUTPUTS = {"TruncatedSVD": ["transform", "inverse_transform"], "PolynomialFeatures": ["transform"],
            "GaussianMixture": ["score_samples", "predict_proba", "predict"],
            "PowerTransformer": ["transform", "inverse_transform"]}


def _zoo_fit(case_id):
    case = next(case for case in zoo.cases() if case.id == case_id)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return case.fit(DATA)


def _as_class(estimator, cls):
    """``estimator``'s fitted state in an instance of ``cls``, as a migration builds it."""
    kept = cls.__new__(cls)
    kept.__dict__.update(estimator.__dict__)
    return kept


def _outputs(estimator, X):
    methods = next(names for base, names in _OUTPUTS.items() if base in {c.__name__ for c in type(estimator).__mro__})
    out = {}
    for method in methods:
        out[method] = getattr(estimator, method)(out["transform"] if method == "inverse_transform" else X)
    return out


@pytest.mark.parametrize("case, release, before, since, unaffected", ARITHMETIC_CHANGES)
def test_compat_arithmetic_of_the_installed_release_is_native(case, release, before, since, unaffected):
    # With the same fitted state, the class computing the installed release's arithmetic is the plain class,
    # bit for bit; the other computes the other side's, which differs in the last bits.
    plain, X = _zoo_fit(case)
    native, other = (since, before) if has_release(INSTALLED, release) else (before, since)
    expected = _outputs(plain, X)
    for method, value in _outputs(_as_class(plain, getattr(compat, native)), X).items():
        np.testing.assert_array_equal(value, expected[method], err_msg=method)
    if case != "TruncatedSVD-arpack":  # (numpy 2.5's matmul copies strided operands for BLAS, as np.dot does)
        changed = _outputs(_as_class(plain, getattr(compat, other)), X)
        assert any(not np.array_equal(changed[method], expected[method]) for method in expected)
        for method, value in changed.items():
            np.testing.assert_allclose(value, expected[method], rtol=1e-12, atol=1e-13, err_msg=method)


def _recorded_model(name, cls=None):
    """(model, X, output methods) of the hand-built models whose outputs RECORDED holds."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.mixture import GaussianMixture
    from sklearn.preprocessing import PolynomialFeatures, PowerTransformer

    rng = np.random.RandomState(0)
    if name == "TruncatedSVD":
        model = (cls or TruncatedSVD)(n_components=3)
        model.components_ = rng.standard_normal((3, 20))[::-1]  # negative strides, as arpack leaves them
        X, methods = rng.standard_normal((10, 20)), ["transform"]
    elif name == "PolynomialFeatures":
        X, methods = rng.standard_normal((6, 4)), ["transform"]
        model = (cls or PolynomialFeatures)(3).fit(X)
    elif name == "GaussianMixture":
        model = (cls or GaussianMixture)(n_components=3, covariance_type="spherical")
        model.weights_, model.means_ = np.array([0.2, 0.5, 0.3]), rng.standard_normal((3, 6))
        model.covariances_ = rng.uniform(0.5, 2.0, 3)
        model.precisions_cholesky_ = 1 / np.sqrt(model.covariances_)
        model.precisions_ = 1 / model.covariances_
        model.converged_, model.n_iter_, model.lower_bound_ = True, 1, 0.0
        X, methods = rng.standard_normal((10, 6)) * 2, ["score_samples", "predict_proba"]
    else:
        model = (cls or PowerTransformer)(standardize=False)
        model.lambdas_ = np.array([0.0, 2.0, 0.7, -1.4, 2.6])  # (0 and 2: the log1p branches)
        X, methods = rng.standard_normal((10, 5)) * 2, ["transform"]
    model.n_features_in_ = X.shape[1]
    return model, X, methods


def _digest(array):
    return hashlib.sha256(np.ascontiguousarray(array, dtype="<f8").tobytes()).hexdigest()[:16]


#: The CPUs (SIMD extensions, as parity.stacks names them) the digests below were recorded on: numpy's
#: vectorised exp and log and OpenBLAS pick their kernels by CPU at run time.
AVX2 = "x86_64 avx,avx2,f16c,fma,sse2,sse4_1,sse4_2,ssse3"
AVX512 = ("x86_64 avx,avx2,avx512_bf16,avx512_vnni,avx512bw,avx512cd,avx512dq,avx512f,avx512vl,f16c,fma,sse2,"
          "sse4_1,sse4_2,ssse3")
#: Digests of the outputs of _recorded_model computed by the plain class of the release named (in the matrix
#: harness's environment of that release), with the numpy named on the CPUs named (None: products of doubles,
#: the same bits with any numpy, or the same on every CPU recorded), and the compat class that must reproduce them.
RECORDED = [
    ("TruncatedSVD", "0.21.3", "1.19.5", None, "TruncatedSVDDot021", {"transform": "05d0e365dfbc1bfb"}),
    ("TruncatedSVD", "0.22.2.post1", "1.19.5", None, "TruncatedSVDMatmul022", {"transform": "f6da06111fa3a106"}),
    ("PolynomialFeatures", "0.21.3", None, None, "PolynomialFeaturesProducts021", {"transform": "be3c7fc5ba1f6f69"}),
    ("PolynomialFeatures", "0.22.2.post1", None, None, "PolynomialFeaturesProducts022",
     {"transform": "18d651ad25465b8f"}),
    ("GaussianMixture", "1.7.2", "2.5.5", AVX2, "GaussianMixtureSpherical17",
     {"score_samples": "b6e81dcd23aecbb5", "predict_proba": "93d4d1f142d2340d"}),
    ("GaussianMixture", "1.8.0", "2.5.5", AVX2, "GaussianMixtureSpherical18",
     {"score_samples": "422593d7c1010924", "predict_proba": "5e4220a36176e7f5"}),
    ("GaussianMixture", "1.7.2", "2.5.5", AVX512, "GaussianMixtureSpherical17",
     {"score_samples": "b6e81dcd23aecbb5", "predict_proba": "d6c219dd04392b12"}),
    ("GaussianMixture", "1.8.0", "2.5.5", AVX512, "GaussianMixtureSpherical18",
     {"score_samples": "422593d7c1010924", "predict_proba": "f773cc83956f4b8b"}),
    ("PowerTransformer", "1.8.0", "2.5.5", AVX2, "PowerTransformerYeoJohnson18", {"transform": "8c894a4ead3c2f70"}),
    ("PowerTransformer", "1.9.1", "2.5.5", AVX2, "PowerTransformerYeoJohnson19", {"transform": "8e384d80679641fd"}),
    ("PowerTransformer", "1.8.0", "2.5.5", AVX512, "PowerTransformerYeoJohnson18", {"transform": "44dd68289131ee7e"}),
    ("PowerTransformer", "1.9.1", "2.5.5", AVX512, "PowerTransformerYeoJohnson19", {"transform": "ac2e018a3da2c710"}),
]


@pytest.mark.parametrize("name, release, numpy_version, cpu, cls, digests", RECORDED,
                         ids=["%s-%s%s" % (r[0], r[1], "" if r[3] is None else "-avx512" if r[3] == AVX512 else "-avx2")
                              for r in RECORDED])
def test_compat_class_reproduces_the_recorded_output_of_its_release(name, release, numpy_version, cpu, cls, digests):
    if numpy_version not in (None, np.__version__) or cpu not in (None, stack()["cpu"]):
        pytest.skip("recorded with numpy %s on %s, whose BLAS and elementwise functions the outputs depend on"
                    % (numpy_version, cpu))
    model, X, methods = _recorded_model(name, getattr(compat, cls))
    assert {method: _digest(getattr(model, method)(X)) for method in methods} == digests
    # (and the two sides of each change recorded different outputs)
    other = next(r[5] for r in RECORDED if r[0] == name and r[1] != release and r[2:4] == (numpy_version, cpu))
    assert all(other[method] != digest for method, digest in digests.items())


def _migrated(tree, source, target):
    migration = migrate(tree, source, target)
    return tree, " ".join(migration.notes)


def _tree(estimator):
    """A fresh state tree of ``estimator`` (decoded from its document, as array layouts are
    stored there: arpack's negative strides survive, where a deep copy would lose them)."""
    document = sm.serialize(estimator)
    return lambda: decode_tree(document["tree"], "")


@pytest.mark.parametrize("case, release, before, since, unaffected", ARITHMETIC_CHANGES)
def test_migration_picks_the_compat_class_only_across_its_release(case, release, before, since, unaffected):
    last_before, first_since = _AROUND[release]
    tree = _tree(_zoo_fit(case)[0])
    plain_path = tree().cls
    if has_release(INSTALLED, release):
        across, kept, same_side = last_before, since, first_since
    else:
        across, kept, same_side = first_since, before, "0.20.4"
    rebuilt, notes = _migrated(tree(), INSTALLED, across)
    assert rebuilt.cls == "sklearn_migrator.compat." + kept
    assert "changed in scikit-learn %s" % release in notes and kept in notes
    # Carried back, it is the plain class again; on the same side of the release it stays plain.
    assert _migrated(rebuilt, across, INSTALLED)[0].cls == plain_path
    assert _migrated(tree(), INSTALLED, same_side)[0].cls == plain_path
    # A configuration whose output the release did not change stays plain across it.
    assert _migrated(_tree(_zoo_fit(unaffected)[0])(), INSTALLED, across)[0].cls == plain_path


@pytest.mark.parametrize("cls", [compat.TruncatedSVDDot021, compat.TruncatedSVDMatmul022,
                                 compat.PolynomialFeaturesProducts021, compat.PolynomialFeaturesProducts022])
@pytest.mark.parametrize("fmt", ["csr", "csc"])
def test_compat_classes_transform_sparse_input_as_the_plain_class(cls, fmt):
    from scipy import sparse

    plain, X = _zoo_fit("TruncatedSVD-arpack" if "SVD" in cls.__name__ else "PolynomialFeatures-interactions")
    X = sparse.csr_matrix(X) if fmt == "csr" else sparse.csc_matrix(X)
    expected, value = plain.transform(X), _as_class(plain, cls).transform(X)
    assert sparse.issparse(value) == sparse.issparse(expected)
    if sparse.issparse(value):
        assert value.format == expected.format
        value, expected = value.toarray(), expected.toarray()
    np.testing.assert_array_equal(value, expected)


@pytest.mark.parametrize("case", ["GradientBoostingClassifier-3class", "GradientBoostingRegressor-huber",
                                  "GradientBoostingRegressor-absolute_error"])
def test_gradient_boosting_from_0_20_starts_from_its_own_initial_scores(case):
    """0.20 took init_.predict as the initial raw scores (the class priors themselves for a
    multinomial model) and added the stages to them in place; 0.21 went through the loss.
    Carried as the source's row of initial scores, the raw predictions (sums of leaf
    values, the same arithmetic everywhere) are the ones 0.20 computed, bit for bit, in
    any release."""
    import gzip
    import json
    import os

    path = os.path.join(os.path.dirname(__file__), "fixtures", "documents", "0.20.4", case + ".json.gz")
    with gzip.open(path, "rt") as handle:
        record = json.load(handle)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = sm.deserialize(record["document"])
    classifier = case.startswith("GradientBoostingClassifier")
    if classifier and has_release(INSTALLED, "0.21"):
        assert type(model).__name__ == "GradientBoostingClassifierInit020"
    else:
        assert type(model).__module__.startswith("sklearn.")
    X = zoo.Case.of_record(record).query(DATA)
    method = "decision_function" if classifier else "predict"
    np.testing.assert_array_equal(getattr(model, method)(X), decode_tree(record["outputs"])[method])
