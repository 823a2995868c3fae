"""Checks for text and dictionary vectorizers before their vocabulary numbers columns.

A vectorizer turns each term it finds into the column ``vocabulary_[term]`` of a
sparse matrix whose width is the vocabulary's size; scipy does not check the
column numbers of a matrix built from them, and its compiled routines (products,
``toarray``) index with them. So the column numbers must be exactly ``0 .. n-1``,
and the idf weights a TfidfTransformer multiplies the columns by must number ``n``.
"""
from __future__ import annotations

import numpy as np

from ..tree import Node, join
from ._state import require
from .sparse import sparse_format, sparse_shape


def _vocabulary_size(state, path, names=None):
    """The size of a checked ``vocabulary_`` (None when unfitted): its values are the
    column numbers 0 .. n-1, each once; with ``names`` (DictVectorizer's
    ``feature_names_``), the term of each column is its name."""
    vocabulary = state.get("vocabulary_")
    if vocabulary is None:
        return None
    where = join(path, "vocabulary_")
    require(isinstance(vocabulary, dict), "vocabulary_ must map terms to column numbers", where)
    columns = list(vocabulary.values())
    require(all(isinstance(column, (int, np.integer)) and not isinstance(column, (bool, np.bool_))
                for column in columns), "vocabulary_ must map terms to integer column numbers", where)
    require(sorted(int(column) for column in columns) == list(range(len(columns))),
            "vocabulary_ must number its %d terms' columns 0 to %d, each once", where, len(columns),
            len(columns) - 1)
    if names is not None:
        require(isinstance(names, list) and len(names) == len(columns)
                and all(names[int(column)] == term for term, column in vocabulary.items()),
                "feature_names_ must name the columns vocabulary_ numbers", join(path, "feature_names_"))
    return len(columns)


#: The longest n-grams a vectorizer may be asked for: its analyzer loops over every length
#: from the shortest to the longest for each document (a range of 10^18 lengths never ends).
MAX_NGRAM = 10000


def _check_ngram_range(node, path):
    ngrams = node.params.get("ngram_range")
    require(isinstance(ngrams, (tuple, list)) and len(ngrams) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in ngrams)
            and 1 <= ngrams[0] <= ngrams[1] <= MAX_NGRAM,
            "ngram_range must be two n-gram lengths 1 <= min_n <= max_n <= %d, got %r", join(path, "ngram_range"),
            MAX_NGRAM, ngrams)


def validate_vectorizer(node, path):
    """CountVectorizer, TfidfVectorizer (and HashingVectorizer's n-grams); a
    TfidfVectorizer's transformer weighs as many columns as its vocabulary numbers."""
    _check_ngram_range(node, path)
    size = _vocabulary_size(node.state, path)
    transformer = node.state.get("_tfidf")
    if size is not None and isinstance(transformer, Node):
        weights = idf_size(transformer, join(path, "_tfidf"))
        require(weights is None or weights == size, "_tfidf weighs %s columns, but vocabulary_ numbers %d",
                join(path, "_tfidf"), weights, size)


def validate_dict_vectorizer(node, path):
    _vocabulary_size(node.state, path, node.state.get("feature_names_"))


def idf_size(node, path):
    """The number of idf weights of a TfidfTransformer (None without weights), checked:
    ``idf_`` a 1-d float array, or ``_idf_diag`` a square diagonal CSR matrix."""
    state = node.state
    idf, diagonal = state.get("idf_"), state.get("_idf_diag")
    if idf is not None:
        require(isinstance(idf, np.ndarray) and idf.ndim == 1 and idf.dtype.kind == "f",
                "idf_ must be a 1-d float array", join(path, "idf_"))
        return idf.shape[0]
    if diagonal is None:
        return None
    where = join(path, "_idf_diag")
    require(sparse_format(diagonal) == "csr", "_idf_diag must be a CSR matrix", where)
    rows, columns = sparse_shape(diagonal, where)
    indices, indptr = diagonal.state.get("indices"), diagonal.state.get("indptr")
    require(rows == columns and isinstance(indices, np.ndarray) and isinstance(indptr, np.ndarray)
            and np.array_equal(indices, np.arange(rows)) and np.array_equal(indptr, np.arange(rows + 1)),
            "_idf_diag must be a square diagonal matrix holding every weight", where)
    return rows


def validate_tfidf_transformer(node, path):
    size = idf_size(node, path)
    declared = node.state.get("n_features_in_")
    require(size is None or declared is None or declared == size, "n_features_in_ is %s, but there are %d idf "
            "weights", join(path, "n_features_in_"), declared, size)
