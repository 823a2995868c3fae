"""scipy sparse matrices in fitted state (CSR, CSC, COO): estimators fitted on sparse input
round-trip bit for bit through documents and legacy pickles, the matrices keep their exact
dtypes, and malformed ones are refused before anything uses them. (The suite also runs with
scipy < 1.6, whose pickles name scipy.sparse.csr and store COO as row and col.)"""
import pickle
import warnings

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn import cluster, decomposition, linear_model, naive_bayes, neighbors, svm
from sklearn.preprocessing import FunctionTransformer

import sklearn_migrator as sm
from sklearn_migrator.codec import decode_tree, encode_tree
from sklearn_migrator.document import envelope

OUTPUTS = ("predict", "predict_proba", "predict_log_proba", "decision_function", "score_samples", "transform")


def _data():
    rng = np.random.RandomState(0)
    X = rng.standard_normal((80, 30))
    X[np.abs(X) < 1.0] = 0.0  # about a third of the entries stored
    y = (X[:, 0] + X[:, 1] - X[:, 2] > 0).astype(int) + (X[:, 3] > 0.5)
    return sp.csr_matrix(X), y, X[:, :3].sum(axis=1)


X, Y, TARGET = _data()
ESTIMATORS = {
    "SVC": lambda: svm.SVC(gamma=0.1).fit(X, Y),
    "SVC-probability": lambda: svm.SVC(gamma=0.1, probability=True, random_state=0).fit(X, Y),
    "NuSVC": lambda: svm.NuSVC(nu=0.05, gamma=0.1).fit(X, Y > 0),
    "SVR": lambda: svm.SVR(gamma=0.1).fit(X, TARGET),
    "NuSVR-linear": lambda: svm.NuSVR(kernel="linear").fit(X, TARGET),
    "OneClassSVM": lambda: svm.OneClassSVM(gamma=0.1).fit(X),
    "KNeighborsClassifier": lambda: neighbors.KNeighborsClassifier(3, algorithm="brute").fit(X, Y),
    "KNeighborsRegressor-manhattan": lambda: neighbors.KNeighborsRegressor(
        4, algorithm="brute", metric="manhattan").fit(X, TARGET),
    "NearestNeighbors": lambda: neighbors.NearestNeighbors(n_neighbors=3, algorithm="brute").fit(X),
    "LogisticRegression": lambda: linear_model.LogisticRegression(max_iter=500).fit(X, Y),
    "MultinomialNB": lambda: naive_bayes.MultinomialNB().fit(abs(X), Y),
    "TruncatedSVD": lambda: decomposition.TruncatedSVD(4, random_state=0).fit(X),
    "KMeans": lambda: cluster.KMeans(3, n_init=3, random_state=0).fit(X),
}


def _fitted(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ESTIMATORS[name]()


def _query(name):
    return abs(X) if name == "MultinomialNB" else X


def _outputs(model, X):
    found = {}
    for name in OUTPUTS:
        method = getattr(model, name, None)
        if method is not None:
            try:
                found[name] = method(X)
            except AttributeError:  # e.g. predict_proba of an SVC without probability
                continue
    if hasattr(model, "kneighbors"):
        found["kneighbors"] = model.kneighbors(X)
    return found


def _assert_same(a, b):
    if sp.issparse(a):
        assert type(a) is type(b) and a.shape == b.shape
        for name in ("data", "indices", "indptr"):
            assert getattr(a, name).dtype == getattr(b, name).dtype and np.array_equal(getattr(a, name),
                                                                                       getattr(b, name))
    elif isinstance(a, tuple):
        for left, right in zip(a, b):
            _assert_same(left, right)
    else:
        assert a.dtype == b.dtype and np.array_equal(a, b)


def _assert_equivalent(model, rebuilt, name):
    expected, got = _outputs(model, _query(name)), _outputs(rebuilt, _query(name))
    assert set(expected) == set(got) and expected
    for method in expected:
        _assert_same(expected[method], got[method])
    for key, value in vars(model).items():  # the sparse attributes, exactly
        if sp.issparse(value):
            _assert_same(value, vars(rebuilt)[key])


@pytest.mark.parametrize("name", sorted(ESTIMATORS))
def test_a_model_fitted_on_sparse_input_round_trips_exactly(name):
    model = _fitted(name)
    _assert_equivalent(model, sm.loads(sm.dumps(model)), name)


@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
@pytest.mark.parametrize("name", ["SVC-probability", "NuSVR-linear", "KNeighborsClassifier"])
def test_a_pickle_of_a_model_fitted_on_sparse_input_is_rescued(name, protocol, tmp_path):
    model = _fitted(name)
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(model, protocol=protocol))
    _assert_equivalent(model, sm.load_legacy(str(path)), name)


@pytest.mark.parametrize("kind", ["csr_matrix", "csc_matrix", "coo_matrix", "csr_array", "csc_array", "coo_array"])
@pytest.mark.parametrize("index_dtype", [np.int32, np.int64])
def test_every_format_keeps_its_dtypes_and_values(kind, index_dtype, tmp_path):
    cls = getattr(sp, kind, None)
    if cls is None:  # scipy < 1.8 has no sparse arrays; documents holding them are tested below
        cls = getattr(sp, kind.replace("array", "matrix"))
    matrix = cls(sp.random(5, 7, density=0.4, format=kind[:3], random_state=0, dtype=np.float32))
    for name in ("indices", "indptr", "row", "col"):
        if name in vars(matrix) or (name in ("row", "col") and kind.startswith("coo")):
            setattr(matrix, name, getattr(matrix, name).astype(index_dtype))
    holder = FunctionTransformer(kw_args={"matrix": matrix})
    for rebuilt in (sm.loads(sm.dumps(holder)).kw_args["matrix"], _pickled(holder, tmp_path).kw_args["matrix"]):
        assert type(rebuilt) is type(matrix) and rebuilt.shape == matrix.shape
        fields = ("data", "row", "col") if kind.startswith("coo") else ("data", "indices", "indptr")
        for name in fields:
            assert getattr(rebuilt, name).dtype == getattr(matrix, name).dtype
            assert np.array_equal(getattr(rebuilt, name), getattr(matrix, name))


def _pickled(obj, tmp_path):
    path = tmp_path / "holder.pkl"
    path.write_bytes(pickle.dumps(obj, protocol=2))
    return sm.load_legacy(str(path))


def test_a_sparse_array_is_rebuilt_as_the_matrix_of_its_format_where_scipy_lacks_arrays():
    holder = FunctionTransformer(kw_args={"matrix": sp.csr_matrix(np.eye(3))})
    doc = sm.serialize(holder)
    tree = decode_tree(doc["tree"], "")
    node = tree.params["kw_args"]["matrix"]
    node.cls = "scipy.sparse.csr_array"
    rebuilt = sm.deserialize(envelope(tree.cls, doc["sklearn_version"], encode_tree(tree)))
    matrix = rebuilt.kw_args["matrix"]
    assert type(matrix) is getattr(sp, "csr_array", sp.csr_matrix)
    assert np.array_equal(matrix.toarray(), np.eye(3))


def _edited(model, edit):
    """The document of ``model`` with ``edit(state of its first sparse matrix)`` applied."""
    doc = sm.serialize(model)
    tree = decode_tree(doc["tree"], "")
    edit(tree.state["support_vectors_"].state)
    return envelope(tree.cls, doc["sklearn_version"], encode_tree(tree))


def _set(key, change):
    def edit(state):
        state[key] = change(state[key])
    return edit


BAD = {
    "indptr decreases": (_set("indptr", lambda a: np.concatenate([a[:2], a[1:2] - 1, a[3:]])), "never decrease"),
    "indptr starts past 0": (_set("indptr", lambda a: a + 1), "start at 0"),
    "indptr ends early": (_set("indptr", lambda a: np.concatenate([a[:-1], a[-1:] - 1])), "indptr ends at"),
    "indptr too short": (_set("indptr", lambda a: a[:-1]), "entries for"),
    "index past the columns": (_set("indices", lambda a: np.concatenate([a[:-1], [10 ** 6]]).astype(a.dtype)),
                               "must lie in"),
    "negative index": (_set("indices", lambda a: np.concatenate([[-1], a[1:]]).astype(a.dtype)), "must lie in"),
    "one value too many": (_set("data", lambda a: np.concatenate([a, a[:1]])), "values"),
    "float indices": (_set("indices", lambda a: a.astype(np.float64)), "unexpected dtype"),
    "index dtypes differ": (_set("indices", lambda a: a.astype(np.int64)), "share an int32 or int64 dtype"),
    "false claim of sorted indices": (lambda state: state.update(
        sorted_indices=True, indices=state["indices"][::-1].copy()), "not sorted"),
    "negative shape": (_set("shape", lambda shape: [-1, shape[1]]), ">= 0"),
    "two-dimensional data": (_set("data", lambda a: a.reshape(1, -1)), "dimensions"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_malformed_sparse_matrix_is_refused_before_use(case):
    edit, words = BAD[case]
    with pytest.raises(sm.StateValidationError, match=words):
        sm.deserialize(_edited(_fitted("SVC"), edit))


def test_sparse_support_vectors_must_match_the_sparse_flag():
    doc = _edited(_fitted("SVC"), lambda state: None)
    tree = decode_tree(doc["tree"], "")
    tree.state["_sparse"] = False
    with pytest.raises(sm.StateValidationError, match="_sparse is False, but support_vectors_ is sparse"):
        sm.deserialize(envelope(tree.cls, doc["sklearn_version"], encode_tree(tree)))


def test_sparse_samples_of_a_tree_search_are_refused():
    doc = sm.serialize(_fitted("KNeighborsClassifier"))
    tree = decode_tree(doc["tree"], "")
    tree.state["_fit_method"] = "kd_tree"
    with pytest.raises(sm.StateValidationError, match="brute force only"):
        sm.deserialize(envelope(tree.cls, doc["sklearn_version"], encode_tree(tree)))


@pytest.mark.parametrize("name", ["KNeighborsClassifier", "SVC"])
def test_counts_older_releases_lack_are_restored_from_sparse_shapes(name):
    # 0.22 added n_samples_fit_ and 0.23 n_features_in_: a model from 0.21 gets them from its sparse samples
    from sklearn_migrator.migrations import migrate
    from sklearn_migrator.versions import has_release

    document = sm.serialize(_fitted(name))
    tree, installed = decode_tree(document["tree"], ""), document["sklearn_version"]
    newer = has_release(installed, "0.23")
    if newer:
        migrate(tree, installed, "0.21.3")
    assert "n_features_in_" not in tree.state and "n_samples_fit_" not in tree.state
    migrate(tree, "0.21.3", installed if newer else "1.9.1")
    assert tree.state["n_features_in_"] == X.shape[1]
    if name == "KNeighborsClassifier":
        assert tree.state["n_samples_fit_"] == X.shape[0]
