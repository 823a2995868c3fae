"""Text and dictionary vectorizers: exact round trips from documents and pickles, their state
across the releases that changed it, code refused, and vocabularies checked before they
number the columns of a matrix."""
import pickle

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

import sklearn_migrator as sm
from sklearn_migrator import zoo
from sklearn_migrator.codec import decode_tree, encode_tree
from sklearn_migrator.document import envelope
from sklearn_migrator.migrations import migrate
from sklearn_migrator.objects.text import validate_tfidf_transformer
from sklearn_migrator.versions import has_release

DATA = zoo.make_data()
DOCS, QUERY = zoo.INPUTS["text"](DATA["X"]), zoo.INPUTS["text"](DATA["X_query"])


def _tfidf():
    return TfidfVectorizer(sublinear_tf=True, norm="l1", stop_words="english", min_df=2).fit(DOCS)


def _same_sparse(a, b):
    assert type(a) is type(b) and a.shape == b.shape and a.dtype == b.dtype
    for name in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_a_pickled_text_pipeline_is_rescued_exactly(protocol, tmp_path):
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2)), LogisticRegression(max_iter=500))
    model.fit(DOCS, DATA["str3"])
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(model, protocol=protocol))
    rescued = sm.load_legacy(str(path))
    assert np.array_equal(rescued.predict_proba(QUERY), model.predict_proba(QUERY))
    _same_sparse(rescued[0].transform(QUERY), model[0].transform(QUERY))
    assert rescued[0].vocabulary_ == model[0].vocabulary_


def test_a_callable_tokenizer_is_refused_on_export_naming_the_parameter():
    vectorizer = CountVectorizer(tokenizer=str.split, token_pattern=None).fit(DOCS)
    with pytest.raises(sm.CaptureError, match="at tokenizer: method_descriptor 'split' cannot be exported") as raised:
        sm.serialize(vectorizer)
    assert "token_pattern" in raised.value.hint


def _tree(model):
    return decode_tree(sm.serialize(model)["tree"], "")


def _idf(transformer_node):
    """The idf weights of a TfidfTransformer node, in either release's form."""
    state = transformer_node.state
    return state["idf_"] if "idf_" in state else state["_idf_diag"].state["data"]


def test_idf_weights_move_between_the_array_and_the_diagonal_exactly():
    # 1.5 keeps them as idf_; before, as the diagonal of the CSR matrix _idf_diag the counts were multiplied by
    installed = _installed()
    other = "1.4.2" if has_release(installed, "1.5") else "1.9.1"
    tree = _tree(_tfidf())
    idf = _idf(tree.state["_tfidf"]).copy()
    migrate(tree, installed, other)
    newer = "idf_" if has_release(other, "1.5") else "_idf_diag"
    older = "_idf_diag" if newer == "idf_" else "idf_"
    assert newer in tree.state["_tfidf"].state and older not in tree.state["_tfidf"].state
    assert ("stop_words_" in tree.state) is (newer == "_idf_diag")
    if newer == "_idf_diag":
        diagonal = tree.state["_tfidf"].state["_idf_diag"]
        assert diagonal.cls == "scipy.sparse.csr_matrix" and diagonal.state["shape"] == [idf.shape[0]] * 2
        assert np.array_equal(diagonal.state["indices"], np.arange(idf.shape[0]))
    assert np.array_equal(_idf(tree.state["_tfidf"]), idf)
    migrate(tree, other, installed)
    assert np.array_equal(_idf(tree.state["_tfidf"]), idf) and _idf(tree.state["_tfidf"]).dtype == idf.dtype


def test_vocabulary_columns_are_numpy_integers_before_0_23():
    tree = _tree(_tfidf())
    migrate(tree, _installed(), "0.22.2.post1")
    assert {type(column) for column in tree.state["vocabulary_"].values()} == {np.int64}
    assert "n_features_in_" not in tree.state["_tfidf"].state


def test_parameters_an_old_release_kept_in_its_transformer_are_read_from_it(tmp_path):
    # Before 1.1 TfidfVectorizer kept norm, use_idf, smooth_idf and sublinear_tf only in its _tfidf. In a
    # newer release, a pickle of that layout is made by dropping them and relabelling the file 1.0.2.
    model, installed = _tfidf(), _installed()
    if has_release(installed, "1.1"):
        model = pickle.loads(pickle.dumps(model))
        for name in ("norm", "use_idf", "smooth_idf", "sublinear_tf"):
            model.__dict__.pop(name)
        assert len(installed) == len("1.0.2")  # (the relabelling keeps the pickle's string lengths)
        stream = pickle.dumps(model, protocol=2).replace(installed.encode(), b"1.0.2", 1)
    else:
        assert "norm" not in vars(model)
        stream = pickle.dumps(model, protocol=2)
    path = tmp_path / "old.pkl"
    path.write_bytes(stream)
    tree = decode_tree(sm.read_legacy(str(path))["tree"], "")
    assert {name: tree.params[name] for name in ("norm", "sublinear_tf", "use_idf")} == {
        "norm": "l1", "sublinear_tf": True, "use_idf": True}


def _installed():
    import sklearn

    return sklearn.__version__


def _document(model, edit):
    doc = sm.serialize(model)
    tree = decode_tree(doc["tree"], "")
    edit(tree)
    return envelope(tree.cls, doc["sklearn_version"], encode_tree(tree))


def _vocabulary(change):
    def edit(tree):
        vocabulary = tree.state["vocabulary_"]
        first = sorted(vocabulary)[0]
        vocabulary[first] = change(vocabulary[first], len(vocabulary))
    return edit


BAD = {
    "column past the vocabulary": (_vocabulary(lambda column, size: size + 5), "each once"),
    "negative column": (_vocabulary(lambda column, size: -1), "each once"),
    "column used twice": (_vocabulary(lambda column, size: (column + 1) % size), "each once"),
    "column not an integer": (_vocabulary(lambda column, size: 1.5), "integer column numbers"),
    "fewer idf weights than columns": (lambda tree: _shorter_idf(tree.state["_tfidf"]), "_tfidf weighs"),
}


def _shorter_idf(node):
    state = node.state
    if "idf_" in state:
        state["idf_"] = state["idf_"][:-1]
    else:
        diagonal = state["_idf_diag"].state
        size = diagonal["shape"][0] - 1
        diagonal.update(shape=[size, size], data=diagonal["data"][:-1], indices=diagonal["indices"][:-1],
                        indptr=diagonal["indptr"][:-1])


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_malformed_vocabulary_is_refused_before_use(case):
    edit, words = BAD[case]
    with pytest.raises(sm.StateValidationError, match=words):
        sm.deserialize(_document(_tfidf(), edit))


def test_a_dict_vectorizer_s_names_must_match_its_columns():
    model = DictVectorizer().fit(zoo.INPUTS["records"](DATA["X"]))
    doc = _document(model, lambda tree: tree.state["feature_names_"].reverse())
    with pytest.raises(sm.StateValidationError, match="feature_names_ must name the columns"):
        sm.deserialize(doc)


def test_an_idf_diagonal_must_be_a_diagonal():
    transformer = TfidfTransformer().fit(zoo.INPUTS["counts"](DATA["X"]))
    tree = _tree(transformer)
    if "idf_" in tree.state:  # (1.5+: the form of older releases)
        migrate(tree, _installed(), "1.4.2")
    state = tree.state["_idf_diag"].state
    state["indices"] = state["indices"][::-1].copy()
    with pytest.raises(sm.StateValidationError, match="square diagonal"):
        validate_tfidf_transformer(tree, "")


@pytest.mark.parametrize("ngrams", [(-2 ** 62, 3), (2, 1), (1, 10 ** 9), (1.0, 2), None])
def test_an_n_gram_range_the_analyzer_could_not_finish_is_refused(ngrams):
    doc = _document(_tfidf(), lambda tree: tree.params.update(ngram_range=ngrams))
    with pytest.raises(sm.StateValidationError, match="ngram_range must be two n-gram lengths"):
        sm.deserialize(doc)



def test_the_english_stop_words_are_the_list_every_supported_release_has():
    """stop_words='english' is carried as the name: the list it resolves to is the same 318 words in
    every release from 0.20 to 1.9 (its sorted words' MD5 below, the same in each head); a release
    that changes it makes this fail, and the name must then be carried as the words."""
    import hashlib

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert len(ENGLISH_STOP_WORDS) == 318
    assert hashlib.md5(" ".join(sorted(ENGLISH_STOP_WORDS)).encode()).hexdigest() == "2e60f1a286e55f61afb244bab5353712"
