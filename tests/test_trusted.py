"""Functions of the user's own, carried only when the user names them as trusted: by import path
in documents, resolved in pickles, never imported otherwise."""
import pickle
import sys

import pytest
from sklearn.feature_extraction.text import CountVectorizer

import sklearn_migrator as sm
from sklearn_migrator import zoo

DOCS = zoo.INPUTS["text"](zoo.make_data()["X"])
NAME = __name__ + ".split_words"


def split_words(text):
    return text.lower().split()


def _vectorizer(tokenizer=split_words):
    return CountVectorizer(tokenizer=tokenizer, token_pattern=None).fit(DOCS)


def _same(a, b):
    assert a.vocabulary_ == b.vocabulary_
    assert (a.transform(DOCS) != b.transform(DOCS)).nnz == 0


def test_a_function_is_refused_unless_named_as_trusted():
    with pytest.raises(sm.CaptureError, match="at tokenizer: function 'split_words' cannot be exported") as raised:
        sm.serialize(_vectorizer())
    assert "trusted=['module.function']" in raised.value.hint


def test_a_trusted_function_travels_by_its_import_path(tmp_path):
    model = _vectorizer()
    path = str(tmp_path / "model.json")
    sm.dump(model, path, trusted=[NAME])
    doc = sm.serialize(model, trusted=[NAME])
    assert doc["trusted"] == [NAME] and doc["tree"]["params"]["tokenizer"] == {"__global__": NAME}
    with pytest.raises(sm.UnsupportedEstimatorError, match="references classes or functions of its own, which are code: "
                       + NAME) as raised:
        sm.load(path)
    assert NAME in raised.value.hint
    rebuilt = sm.load(path, trusted=[NAME])
    assert rebuilt.tokenizer is split_words
    _same(rebuilt, model)


def test_a_document_without_the_record_still_needs_the_name():
    doc = sm.serialize(_vectorizer(), trusted=[NAME])
    del doc["trusted"]  # edited: the reference alone must not import anything
    with pytest.raises(sm.UnsupportedEstimatorError, match="not a type or function sklearn-migrator may reference"):
        sm.deserialize(doc)


def test_a_script_function_is_mapped_to_the_object_given(tmp_path, monkeypatch):
    def tokenize(text):
        return text.split()

    tokenize.__module__, tokenize.__qualname__ = "__main__", "tokenize"
    monkeypatch.setattr(sys.modules["__main__"], "tokenize", tokenize, raising=False)
    model = _vectorizer(tokenize)
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(model))
    with pytest.raises(sm.UnsafeContentError, match="references __main__.tokenize") as raised:
        sm.load_legacy(str(path))
    assert "trusted=['__main__.tokenize']" in raised.value.hint
    rescued = sm.load_legacy(str(path), trusted={"__main__.tokenize": tokenize})
    assert rescued.tokenizer is tokenize
    _same(rescued, model)
    assert sm.read_legacy(str(path), trusted={"__main__.tokenize": tokenize})["trusted"] == ["__main__.tokenize"]


def test_a_trusted_function_in_a_pickle_is_imported_by_its_path(tmp_path):
    model = _vectorizer()
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(model))
    rescued = sm.load_legacy(str(path), trusted=[NAME])
    assert rescued.tokenizer is split_words
    _same(rescued, model)


@pytest.mark.parametrize("trusted, error, message", [
    ("mod.fn", TypeError, "a list of qualified names"),
    (["fn"], ValueError, "qualified names"),
    ({NAME: "not a function"}, ValueError, "must be a class or a function, got str"),
])
def test_malformed_trusted_arguments_are_refused(trusted, error, message):
    with pytest.raises(error, match=message):
        sm.serialize(_vectorizer(), trusted=trusted)


def test_a_trusted_name_that_cannot_be_imported_is_reported(tmp_path):
    doc = sm.serialize(_vectorizer(), trusted=[NAME])
    missing = "no_such_package.split_words"
    doc["trusted"] = [missing]
    doc["tree"]["params"]["tokenizer"] = {"__global__": missing}
    with pytest.raises(sm.UnavailableError, match="trusted %s cannot be imported here" % missing):
        sm.deserialize(doc, trusted=[missing])


def test_trust_ends_with_the_call():
    sm.serialize(_vectorizer(), trusted=[NAME])
    with pytest.raises(sm.CaptureError):
        sm.serialize(_vectorizer())


def agreement(estimator, X, y):
    return float((estimator.predict(X) == y).mean())


def test_a_search_scoring_with_a_trusted_function_scores_the_same():
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV

    data = zoo.make_data()
    search = GridSearchCV(LogisticRegression(max_iter=500), {"C": [0.1, 1.0]}, scoring=agreement, cv=3)
    search.fit(data["X"], data["clf3"])
    name = __name__ + ".agreement"
    rebuilt = sm.loads(sm.dumps(search, trusted=[name]), trusted=[name])
    assert rebuilt.scorer_ is agreement
    assert rebuilt.score(data["X_query"], data["query_targets"]["clf3"]) == search.score(
        data["X_query"], data["query_targets"]["clf3"])
