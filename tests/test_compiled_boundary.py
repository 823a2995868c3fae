"""State that passes for plausible but that compiled scikit-learn code would trust to index or
size memory is refused at load, from documents and from legacy pickles alike (issue 26's cases:
each crashed the interpreter, or read out of bounds, after a load that succeeded)."""
import pickle
import warnings

import numpy as np
import pytest
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_classification
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

import sklearn_migrator as sm
from sklearn_migrator.codec import decode_tree, encode_tree
from sklearn_migrator.document import envelope
from sklearn_migrator.versions import has_release

X, Y = make_classification(200, 6, n_informative=4, n_classes=3, random_state=0)


def _document_with(model, edit):
    """``model``'s document with its state tree edited by ``edit(root)``."""
    tree = decode_tree(sm.serialize(model)["tree"], "")
    edit(tree)
    return envelope(tree.cls, sklearn.__version__, encode_tree(tree))


def _pickle_with(model, edit, tmp_path):
    edit(model)
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(model, protocol=2))
    return path


def _knn():
    return KNeighborsClassifier(3, metric="manhattan", algorithm="brute").fit(X, Y)


def _tree():
    return DecisionTreeClassifier(random_state=0).fit(X, Y)


def _gradient_boosting():
    X300, y300 = make_classification(3000, 12, n_informative=10, n_classes=300, n_clusters_per_class=1,
                                     random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return GradientBoostingClassifier(n_estimators=1, max_depth=1, random_state=0).fit(X300, y300)


def _set(key, value):
    return lambda holder: holder.__setitem__(key, value(holder[key]))


def _shallow_tree_state(tree_state):
    tree_state["max_depth"] = 1


# (case, model, edit of the document's state, edit of the live model for a pickle, path and words of the error)
CASES = [
    ("knn-labels-huge", _knn, _set("_y", lambda y: np.full_like(y, 10 ** 9)),
     lambda m: setattr(m, "_y", np.full_like(m._y, 10 ** 9)), "_y: _y holds class indices outside [0, 3)"),
    ("knn-labels-negative", _knn, _set("_y", lambda y: np.full_like(y, -5)),
     lambda m: setattr(m, "_y", np.full_like(m._y, -5)), "_y: _y holds class indices outside [0, 3)"),
    ("knn-labels-short", _knn, _set("_y", lambda y: y[:10].copy()),
     lambda m: setattr(m, "_y", m._y[:10].copy()), "_y: _y must have one row per sample of _fit_X (200)"),
    ("tree-max-depth-short", _tree, lambda state: _shallow_tree_state(state["tree_"].state),
     lambda m: m.tree_.__setstate__(dict(m.tree_.__getstate__(), max_depth=1)),
     "tree_.max_depth: max_depth is less than the depth of the tree's nodes"),
    ("tree-max-depth-huge", _tree, lambda state: state["tree_"].state.__setitem__("max_depth", 2 ** 40),
     None, "tree_.max_depth: max_depth must be below the node count"),
    ("kmeans-threads-negative", lambda: KMeans(3, n_init=2, random_state=0).fit(X),
     lambda state: state.__setitem__("_n_threads", -100), lambda m: setattr(m, "_n_threads", -100),
     "_n_threads: _n_threads must be a thread count in [1, 4096]"),
    ("gradient-boosting-init-width", _gradient_boosting, lambda state: state["init_"].state.update(n_classes_=1),
     lambda m: setattr(m.init_, "n_classes_", 1), "init_.n_classes_: init_ does not predict the 300 classes"),
]


@pytest.mark.parametrize("case, model, edit_state, edit_model, message", CASES, ids=[c[0] for c in CASES])
def test_state_compiled_code_would_trust_is_refused_in_documents(case, model, edit_state, edit_model, message):
    doc = _document_with(model(), lambda tree: edit_state(tree.state))
    with pytest.raises(sm.StateValidationError, match=message.replace("[", r"\[").replace("(", r"\(")
                       .replace(")", r"\)")):
        sm.deserialize(doc)


@pytest.mark.parametrize("case, model, edit_state, edit_model, message",
                         [c for c in CASES if c[3] is not None], ids=[c[0] for c in CASES if c[3] is not None])
def test_state_compiled_code_would_trust_is_refused_in_pickles(case, model, edit_state, edit_model, message,
                                                               tmp_path):
    with pytest.raises(sm.StateValidationError, match=message.replace("[", r"\[").replace("(", r"\(")
                       .replace(")", r"\)")):
        sm.load_legacy(_pickle_with(model(), edit_model, tmp_path))


def _precomputed_svc():
    K = X @ X.T
    return SVC(kernel="precomputed").fit(K, Y), K[:40]


def test_a_precomputed_kernel_svc_round_trips_exactly():
    model, K = _precomputed_svc()
    rebuilt = sm.loads(sm.dumps(model))
    for method in ("predict", "decision_function"):
        np.testing.assert_array_equal(getattr(rebuilt, method)(K), getattr(model, method)(K))


def test_a_precomputed_kernel_svc_with_support_indices_out_of_range_is_refused():
    model, _ = _precomputed_svc()

    def edit(state):
        state["support_"] = state["support_"].copy()
        state["support_"][0] = 10 ** 8
    with pytest.raises(sm.StateValidationError, match="support_: support_ holds indices outside the 200 training"):
        sm.deserialize(_document_with(model, lambda tree: edit(tree.state)))


@pytest.mark.skipif(not has_release(sklearn.__version__, "0.24"), reason="n_features_in_ (0.24+) is what "
                    "prediction checks a query against; before it, the feature count itself is")
def test_a_histogram_gradient_boosting_wider_than_its_declared_features_is_refused():
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(max_iter=3, random_state=0).fit(X, Y)

    def widen(state):
        wide = 10 ** 5
        state["_n_features"] = wide
        mapper = state["_bin_mapper"].state
        for key, value in list(mapper.items()):
            if isinstance(value, np.ndarray) and value.shape[:1] == (6,):
                mapper[key] = np.resize(value, (wide,) + value.shape[1:])
            elif isinstance(value, list) and len(value) == 6:
                mapper[key] = (value * wide)[:wide]
    with pytest.raises(sm.StateValidationError, match=r"n_features_in_: n_features_in_ \(6\) is not the feature "
                       r"count \(100000\)"):
        sm.deserialize(_document_with(model, lambda tree: widen(tree.state)))
