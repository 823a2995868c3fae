"""Text feature extraction across releases: the type of the vocabulary's column numbers
(0.23) and TfidfTransformer's idf weights, the diagonal of a CSR matrix until 1.5 and an
array since."""
from __future__ import annotations

import numpy as np

from ..objects.sparse import shape_of
from ..objects.text import idf_size
from ..tree import Node
from ._kinds import missing, refuse
from .families import TFIDF_TRANSFORMER

CSR = "scipy.sparse.csr_matrix"


def _column_numbers(node, convert):
    vocabulary = node.state.get("vocabulary_")
    if isinstance(vocabulary, dict):
        node.state["vocabulary_"] = {term: convert(column) if isinstance(column, (int, np.integer))
                                     and not isinstance(column, (bool, np.bool_)) else column
                                     for term, column in vocabulary.items()}


def vocabulary_ints(node, migration, path):
    """0.23 fills ``vocabulary_`` with Python ints where 0.22 and older kept numpy int64
    column numbers; the columns are the same."""
    _column_numbers(node, int)


def vocabulary_int64(node, migration, path):
    _column_numbers(node, np.int64)


def idf_array(node, migration, path):
    """1.5 keeps TfidfTransformer's idf weights as ``idf_`` (1-d, of the fit's dtype) and
    multiplies each stored term count by its term's weight (``X.data *= idf_[X.indices]``),
    applying them whenever ``idf_`` exists; before, they were the diagonal of a CSR matrix
    ``_idf_diag`` the counts were multiplied by (``X @ _idf_diag``), applied when
    ``use_idf``. Either way each output is one count times one weight."""
    if node.state.get("_idf_diag") is None:
        return
    idf_size(node, path)  # a square diagonal CSR matrix, or a StateValidationError naming it
    diagonal = node.state.pop("_idf_diag")
    if node.params.get("use_idf") is not False:  # (weights a user switched off after fitting: 1.5 would apply them)
        node.state["idf_"] = diagonal.state["data"]


def idf_diagonal(node, migration, path):
    if node.state.get("idf_") is None:
        return
    if node.params.get("use_idf") is False:
        refuse(migration, path, "a TfidfTransformer with use_idf=False and idf_ weights applies them in "
                                "scikit-learn 1.5+, and not in %s" % migration.target,
               "Set use_idf=True, or drop idf_, before exporting the model")
    size = idf_size(node, path)  # a 1-d float array, or a StateValidationError naming it
    idf = node.state.pop("idf_")
    node.state["_idf_diag"] = Node(CSR, state={
        "shape": [size, size], "data": idf, "indices": np.arange(size, dtype=np.int32),
        "indptr": np.arange(size + 1, dtype=np.int32), "sorted_indices": None, "canonical_format": None})


def idf_width(node):
    """The feature count a fitted TfidfTransformer of 0.24 or older knew: its diagonal's size."""
    shape = shape_of(node.state.get("_idf_diag"))
    return missing(node) if shape is None else shape[0]


def weighted_and_normalised(node):
    """Whether a TfidfTransformer weighs its counts (it holds idf weights) and normalises rows."""
    return ("idf_" in node.state or "_idf_diag" in node.state) and node.params.get("norm") is not None


def transformer_width(node, migration, path):
    """1.0 records the input width of a fitted TfidfTransformer, and 1.5+ takes a
    transformer without it (one fitted with ``use_idf=False`` before 1.0 kept nothing)
    for unfitted: a TfidfVectorizer's transformer takes as many columns as its
    vocabulary numbers."""
    transformer, vocabulary = node.state.get("_tfidf"), node.state.get("vocabulary_")
    if isinstance(transformer, Node) and isinstance(transformer.state, dict) and isinstance(vocabulary, dict):
        transformer.state.setdefault("n_features_in_", len(vocabulary))



#: The parameters a TfidfVectorizer forwarded to its TfidfTransformer before 1.1.
FORWARDED_PARAMS = ("norm", "use_idf", "smooth_idf", "sublinear_tf")


def transformer_made_in_fit(node, migration, path):
    """1.1 made TfidfVectorizer keep ``norm``, ``use_idf``, ``smooth_idf`` and
    ``sublinear_tf`` itself and create its TfidfTransformer ``_tfidf`` in ``fit``; before,
    ``__init__`` created it and the four were properties reading and setting it. So an
    unfitted vectorizer (a search's or a pipeline's template) has no ``_tfidf`` from 1.1,
    and needs one before."""
    if "vocabulary_" not in node.state:
        node.state.pop("_tfidf", None)


def transformer_made_in_init(node, migration, path):
    if "_tfidf" not in node.state:
        node.state["_tfidf"] = Node(TFIDF_TRANSFORMER, params={name: node.params[name] for name in FORWARDED_PARAMS},
                                    state={})
