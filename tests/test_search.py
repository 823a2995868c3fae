"""Hyper-parameter searches: exact round trips from documents and pickles (cv_results_ with its
masked arrays, scorers, splitters), their scorers across the releases that respelled them, code
refused, and hostile values refused before anything is built."""
import copy
import io
import pickle

import numpy as np
import pytest
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.tree import DecisionTreeClassifier

import sklearn_migrator as sm
from sklearn_migrator import zoo
from sklearn_migrator.codec import decode_tree, encode_tree
from sklearn_migrator.legacy.unpickler import load_stubs
from sklearn_migrator.migrations import migrate
from sklearn_migrator.tree import Global, Node, values_equal
from sklearn_migrator.versions import has_release

DATA = zoo.make_data()
X, Q = DATA["X"], DATA["X_query"]
INSTALLED = sklearn.__version__


def _search(**kwargs):
    kwargs.setdefault("cv", 3)
    return GridSearchCV(LogisticRegression(solver="lbfgs", max_iter=500), {"C": [0.1, 1.0, 10.0]}, **kwargs)


def _same_results(a, b):
    assert list(a) == list(b)
    for key in a:
        if isinstance(a[key], np.ma.MaskedArray):
            assert type(b[key]) is np.ma.MaskedArray and b[key].dtype == a[key].dtype, key
            assert np.array_equal(np.ma.getmaskarray(a[key]), np.ma.getmaskarray(b[key])), key
            assert list(a[key].data) == list(b[key].data), key
        elif isinstance(a[key], np.ndarray):
            assert b[key].dtype == a[key].dtype and np.array_equal(a[key], b[key]), key
        else:
            assert a[key] == b[key], key


def _same_search(rebuilt, search):
    _same_results(rebuilt.cv_results_, search.cv_results_)
    for name in ("best_index_", "best_score_", "best_params_", "n_splits_", "multimetric_"):
        assert getattr(rebuilt, name) == getattr(search, name), name
    assert np.array_equal(rebuilt.predict_proba(Q), search.predict_proba(Q))
    assert rebuilt.score(Q, DATA["query_targets"]["clf3"]) == search.score(Q, DATA["query_targets"]["clf3"])


@pytest.mark.parametrize("scoring", [None, "f1_macro", ["accuracy", "f1_macro"]])
def test_a_search_round_trips_through_json_exactly(scoring):
    search = _search(scoring=scoring, refit="f1_macro" if isinstance(scoring, list) else True).fit(X, DATA["clf3"])
    _same_search(sm.loads(sm.dumps(search)), search)


@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_a_pickled_search_is_rescued_exactly(protocol, tmp_path):
    search = _search(scoring="f1_macro", return_train_score=True).fit(X, DATA["clf3"])
    path = tmp_path / "search.pkl"
    path.write_bytes(pickle.dumps(search, protocol=protocol))
    _same_search(sm.load_legacy(str(path)), search)


def test_masked_values_keep_data_mask_and_fill_value():
    # A grid of two dicts: the second candidate sets no C, so param_C is masked there.
    grid = [{"C": [0.5]}, {"fit_intercept": [False]}]
    search = GridSearchCV(LogisticRegression(max_iter=500), grid, cv=KFold(3)).fit(X, DATA["clf2"])
    search.cv_results_["param_C"].fill_value = -1.0 if search.cv_results_["param_C"].dtype.kind == "f" else "?"
    rebuilt = sm.loads(sm.dumps(search))
    original, copied = search.cv_results_["param_C"], rebuilt.cv_results_["param_C"]
    assert list(np.ma.getmaskarray(copied)) == [False, True]
    assert copied.fill_value == original.fill_value
    _same_results(rebuilt.cv_results_, search.cv_results_)
    assert type(rebuilt.cv) is KFold and vars(rebuilt.cv) == vars(search.cv)


def test_a_search_without_refit_keeps_its_results_and_predicts_nothing():
    search = _search(refit=False).fit(X, DATA["clf3"])
    rebuilt = sm.loads(sm.dumps(search))
    _same_results(rebuilt.cv_results_, search.cv_results_)
    assert not hasattr(rebuilt, "best_estimator_")


def _my_scorer(estimator, X, y):
    return 0.0


def test_a_callable_scorer_is_refused_on_export_and_in_a_pickle(tmp_path):
    search = _search(scoring=_my_scorer).fit(X, DATA["clf3"])
    with pytest.raises(sm.CaptureError, match="at scoring: function '_my_scorer' cannot be exported") as raised:
        sm.serialize(search)
    assert "make_scorer of a scikit-learn metric" in raised.value.hint
    path = tmp_path / "search.pkl"
    path.write_bytes(pickle.dumps(search))
    with pytest.raises(sm.UnsafeContentError, match="_my_scorer, which is not on sklearn-migrator's allowlist"):
        sm.load_legacy(str(path))


def _tree(model):
    return decode_tree(sm.serialize(model)["tree"], "")


def _there_and_back(tree, other, part):
    """The tree as migrated to release ``other``; migrated back, ``part(tree)`` is as it was
    (the rest may not be: the estimator searched has its own steps)."""
    original = copy.deepcopy(part(tree))
    migrate(tree, INSTALLED, other)
    seen = copy.deepcopy(tree)
    migrate(tree, other, INSTALLED)
    assert values_equal(part(tree), original)
    return seen


def _scorer(tree):
    return tree.state["scorer_"]


def _other(release):
    """A release on the other side of ``release`` than the installed one."""
    return {"1.4": ("1.3.2", "1.4.2"), "1.3": ("1.2.2", "1.3.2"), "1.0": ("0.24.2", "1.0.2")}[release][
        not has_release(INSTALLED, release)]


def test_scorers_move_between_their_classes_and_response_methods():
    tree = _tree(_search(scoring="roc_auc").fit(X, DATA["clf2"]))
    seen = _there_and_back(tree, _other("1.4"), _scorer)
    older, newer = (seen, tree) if has_release(INSTALLED, "1.4") else (tree, seen)
    assert older.state["scorer_"].cls == "sklearn.metrics._scorer._ThresholdScorer"
    assert "_response_method" not in older.state["scorer_"].state
    assert newer.state["scorer_"].cls == "sklearn.metrics._scorer._Scorer"
    assert newer.state["scorer_"].state["_response_method"] == ("decision_function", "predict_proba")


@pytest.mark.skipif(not has_release(INSTALLED, "0.22"), reason="neg_root_mean_squared_error exists from 0.22")
def test_root_mean_squared_error_is_squared_false_before_1_4():
    search = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0]}, scoring="neg_root_mean_squared_error", cv=3)
    tree = _tree(search.fit(X, DATA["reg"]))
    seen = _there_and_back(tree, _other("1.4"), _scorer)
    older, newer = (seen, tree) if has_release(INSTALLED, "1.4") else (tree, seen)
    assert older.state["scorer_"].state["_score_func"] == Global("sklearn.metrics.mean_squared_error")
    assert older.state["scorer_"].state["_kwargs"] == {"squared": False}
    assert newer.state["scorer_"].state["_score_func"] == Global("sklearn.metrics.root_mean_squared_error")
    assert newer.state["scorer_"].state["_kwargs"] == {}


def test_the_passthrough_scorer_is_a_function_before_1_3():
    tree = _tree(_search().fit(X, DATA["clf3"]))
    # (the scorer's estimator, the search's own, has its own steps: compared by identity below)
    seen = _there_and_back(tree, _other("1.3"), lambda tree: getattr(tree.state["scorer_"], "cls", None))
    older, newer = (seen, tree) if has_release(INSTALLED, "1.3") else (tree, seen)
    assert older.state["scorer_"] == Global("sklearn.metrics._scorer._passthrough_scorer")
    assert newer.state["scorer_"].cls == "sklearn.metrics._scorer._PassthroughScorer"
    assert newer.state["scorer_"].state["_estimator"] is newer.params["estimator"]


@pytest.mark.skipif(not has_release(INSTALLED, "0.24"), reason="successive halving exists from 0.24")
def test_successive_halving_refit_was_a_function_in_0_24():
    case = next(case for case in zoo.cases() if case.id == "HalvingGridSearchCV-DecisionTree")
    tree = _tree(case.fit()[0])
    seen = _there_and_back(tree, _other("1.0"), lambda tree: tree.params["refit"])
    older = seen if has_release(INSTALLED, "1.0") else tree
    assert older.params["refit"] == Global("sklearn.model_selection._search_successive_halving._refit_callable")


def _scorer_node(function, sign, method="predict"):
    """A scorer node of the installed release's class (``_Scorer`` from 1.4, naming ``method``;
    before, ``_PredictScorer``, given a ``_response_method`` only if ``method`` is another)."""
    state = {"_score_func": function, "_sign": sign, "_kwargs": {}}
    if has_release(INSTALLED, "1.4") or method != "predict":
        state["_response_method"] = method
    return Node("sklearn.metrics._scorer._%sScorer" % ("" if has_release(INSTALLED, "1.4") else "Predict"),
                state=state)


def _hostile(mutate):
    """A search's document with its tree changed by ``mutate`` (the same envelope)."""
    search = GridSearchCV(DecisionTreeClassifier(random_state=0), {"max_depth": [2, 3]}, cv=3).fit(X, DATA["clf3"])
    document = sm.serialize(search)
    tree = decode_tree(document["tree"], "")
    mutate(tree)
    document["tree"] = encode_tree(tree)
    return document


@pytest.mark.parametrize("mutate, message", [
    (lambda t: t.state.__setitem__("best_index_", 7), "best_index_ 7 is past the 2 candidates"),
    (lambda t: t.state["cv_results_"]["param_max_depth"].state.__setitem__("mask", np.zeros(3, dtype=bool)),
     "mask must be a boolean array of the data's shape"),
    (lambda t: t.state["cv_results_"]["param_max_depth"].state.pop("fill_value"),
     "expected the fields data, mask and fill_value"),
    (lambda t: t.params.__setitem__("scoring", _scorer_node("os.system", 1)),
     "a scorer's function must be an allowlisted metric"),
    (lambda t: t.params.__setitem__("scoring", _scorer_node(Global("sklearn.metrics.accuracy_score"), 2)),
     "a scorer's sign must be 1 or -1"),
    (lambda t: t.params.__setitem__("scoring", _scorer_node(Global("sklearn.metrics.accuracy_score"), 1, "fit")),
     "response method must be one of"),
])
def test_hostile_search_values_are_refused_before_building(mutate, message):
    with pytest.raises(sm.StateValidationError, match=message):
        sm.deserialize(_hostile(mutate))


def test_masked_reconstruction_of_another_class_is_refused():
    # _mareconstruct(SomeSklearnClass, ndarray, (0,), b"b"): only MaskedArray may be made this way
    stream = (b"\x80\x02cnumpy.ma.core\n_mareconstruct\n(csklearn.tree._classes\nDecisionTreeClassifier\n"
              b"cnumpy\nndarray\nK\x00\x85C\x01btR.")
    with pytest.raises(sm.UnsafeContentError, match="only allowed for numpy.ma.MaskedArray"):
        load_stubs(io.BytesIO(stream))


def test_what_is_not_carried_is_refused_naming_the_value():
    from scipy import stats
    from sklearn.model_selection import RandomizedSearchCV

    distributions = RandomizedSearchCV(LogisticRegression(max_iter=500), {"C": stats.uniform(0.1, 2.0)}, n_iter=2,
                                       cv=3, random_state=0).fit(X, DATA["clf3"])
    with pytest.raises(sm.UnsupportedEstimatorError, match="at param_distributions.C: objects of class scipy"):
        sm.serialize(distributions)
    splits = _search(cv=KFold(3).split(X)).fit(X, DATA["clf3"])
    with pytest.raises(sm.CaptureError, match="at cv: a generator cannot be exported") as raised:
        sm.serialize(splits)
    assert "list of (train, test) index arrays" in raised.value.hint
    own_refit = _search(refit=lambda results: 0).fit(X, DATA["clf3"])
    with pytest.raises(sm.CaptureError, match="at refit: function '<lambda>' cannot be exported"):
        sm.serialize(own_refit)
