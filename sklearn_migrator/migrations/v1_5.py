"""scikit-learn 1.5 (May 2024)."""
from ..tree import Node
from . import Step
from ._kinds import (constant, n_features, output_changed, param_added, param_renamed, param_rename_completed,
                     param_values, state_added, state_removed, state_renamed, unchanged)
from ._text import idf_array, idf_diagonal, weighted_and_normalised
from .families import (BAYES, COLUMN_TRANSFORMER, DUMMIES, FEATURE_UNION, KBINS, LIBLINEAR_SVM, LOGISTIC, LOGISTIC_CV,
                       REMAINDER_COLUMNS, RIDGE_CLASSIFIER_CV, RIDGE_CV, TFIDF_DIAGONAL_14, TFIDF_IN_PLACE_15,
                       TFIDF_TRANSFORMER, TFIDF_TRANSFORMERS, VECTORIZERS)

STEPS = [
    # 1.5 deprecated multi_class; its default became 'deprecated', behaving as 'auto'.
    param_values("1.5", [LOGISTIC, LOGISTIC_CV], "multi_class", {"auto": "deprecated"}),
    # 1.5 made liblinear SVMs' dual default 'auto' and dropped 'warn' (which behaved as True).
    param_values("1.5", LIBLINEAR_SVM, "dual", {"warn": True}, one_way=True),
    # 1.5 records the input width on dummies (unknown, and left out, for models from older releases).
    state_added("1.5", DUMMIES, "n_features_in_", n_features),
]


def _plain_columns(entry):
    """A ``(name, transformer, columns)`` entry with its columns as a plain list."""
    columns = entry[2] if isinstance(entry, tuple) and len(entry) == 3 else None
    if isinstance(columns, Node) and columns.cls == REMAINDER_COLUMNS:
        return entry[:2] + (list(columns.state["data"]),)
    return entry


def remainder_columns_plain(node, migration, path):
    """1.5-1.6 may keep ColumnTransformer's remainder columns as a ``_RemainderColsList``
    (a list that warns when read); other releases lack the class: a plain list selects
    the same columns."""
    state = node.state
    if isinstance(state.get("transformers_"), list):
        state["transformers_"] = [_plain_columns(entry) for entry in state["transformers_"]]
    if "_remainder" in state:
        state["_remainder"] = _plain_columns(state["_remainder"])


STEPS += [
    param_added("1.5", [FEATURE_UNION], "verbose_feature_names_out", True, "it only names output features"),
    param_added("1.5", [COLUMN_TRANSFORMER], "force_int_remainder_cols", True,
                "it only decides how the remainder's columns are reported"),
    Step("1.5", "ColumnTransformer remainder columns list class", [COLUMN_TRANSFORMER], unchanged,
         remainder_columns_plain),
    param_values("1.5", [KBINS], "subsample", {"warn": 200000}, one_way=True),
]

# Issue 6, the linear-model family.
STEPS += [
    param_rename_completed("1.5", BAYES, "n_iter", "max_iter", 300),
    # RidgeCV renamed store_cv_values store_cv_results and cv_values_ cv_results_;
    # fit resolves the two into _store_cv_results (1.5-1.6).
    param_renamed("1.5", [RIDGE_CV, RIDGE_CLASSIFIER_CV], "store_cv_values", "store_cv_results", False),
    state_added("1.5", [RIDGE_CV, RIDGE_CLASSIFIER_CV], "_store_cv_results",
                lambda node: node.params["store_cv_results"] is True),
    state_renamed("1.5", [RIDGE_CV, RIDGE_CLASSIFIER_CV], "cv_values_", "cv_results_"),
]


# Text feature extraction (issue 18).
STEPS += [
    Step("1.5", "TfidfTransformer keeps its idf weights as an array", TFIDF_TRANSFORMERS, idf_array, idf_diagonal),
    # ... and multiplies each count by its weight in place, where 1.4 multiplied by their diagonal matrix,
    # whose product lists each row's terms in another order: normalising sums them in another order.
    output_changed("1.5", "TfidfTransformer weighs counts in place", TFIDF_TRANSFORMER, TFIDF_DIAGONAL_14,
                   TFIDF_IN_PLACE_15, weighted_and_normalised, "a TfidfTransformer's normalised tf-idf"),
    # 1.5 removed the vectorizers' stop_words_ (the terms max_df, min_df or max_features cut, kept for
    # introspection only); older releases accept None there.
    state_removed("1.5", VECTORIZERS, "stop_words_", constant(None)),
]
