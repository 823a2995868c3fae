"""scikit-learn 1.0 (September 2021)."""
import numpy as np

from ..errors import MigrationError
from ..tree import Node
from . import Step
from . import _search as search
from ._kinds import (_MISSING, constant, copy_of, n_features, param_added, param_removed, param_values, state_added,
                     state_removed, state_renamed, unchanged, when_fitted)
from ._unsupervised import absent, nmf_unregularized
from ._text import idf_width, transformer_width
from .families import (BAGGING_ENSEMBLES, BAYES, BIN_MAPPER, BIRCH, COLUMN_TRANSFORMER, DISCRETE_NB, DUMMIES,
                       FOREST_REGRESSORS, GAUSSIAN_NB, GB_REGRESSOR, GLM, GRADIENT_BOOSTING, HALVING_SEARCHES,
                       HGB_LOSSES, HGB_REGRESSOR, KERNEL_PCA, KMEANS, LASSO, LEAST_ANGLE, LINEAR_REGRESSION, MLP, NMF,
                       NORMALIZE_FALSE, ONE_HOT, ONE_VS_REST, ORDINAL, POLYNOMIALS, RIDGE, RIDGE_CLASSIFIER, SEARCHES,
                       SGD_CLASSIFIER, SGD_REGRESSOR, TFIDF_TRANSFORMERS, TFIDF_VECTORIZER, TREE_MODELS,
                       TREE_REGRESSORS)

_REGRESSION_CRITERIA = {"mse": "squared_error", "mae": "absolute_error"}


def _normalize_deprecated(node, migration, path):
    """1.0 deprecated ``normalize``; its default became 'deprecated'. The fitted
    coefficients already include any normalisation, so predictions do not use it."""
    if node.params.get("normalize") is False:
        node.params["normalize"] = "deprecated"


def _normalize_restored(node, migration, path):
    if node.params.get("normalize") == "deprecated":
        node.params["normalize"] = False


def normalize_value(old, new):
    """Lars and LassoLars defaulted to ``normalize=True``: 1.0 deprecated it with
    'deprecated' meaning True, 1.2 made 'deprecated' mean False (see
    ``_deprecate_normalize`` of each release). Rewrites value ``old`` as ``new``."""
    def apply(node, migration, path):
        value = node.params.get("normalize")
        if type(value) is type(old) and value == old:
            node.params["normalize"] = new
    return apply


def _mlp_loss(mapping):
    def apply(node, migration, path):
        if node.state.get("loss") in mapping:
            node.state["loss"] = mapping[node.state["loss"]]
    return apply


def _optimizer_params_up(node, migration, path):
    """1.0 stopped keeping the parameter list inside MLP's optimizer."""
    optimizer = node.state.get("_optimizer")
    if optimizer is not None and isinstance(optimizer.state, dict):
        optimizer.state.pop("params", None)


def _optimizer_params_down(node, migration, path):
    optimizer = node.state.get("_optimizer")
    if optimizer is not None and isinstance(optimizer.state, dict) and "coefs_" in node.state:
        optimizer.state.setdefault("params", list(node.state["coefs_"]) + list(node.state["intercepts_"]))


STEPS = [
    param_removed("1.0", TREE_MODELS, "min_impurity_split", None),
    state_removed("1.0", TREE_MODELS + BAGGING_ENSEMBLES, "n_features_", copy_of("n_features_in_")),
    # Criterion and loss renames: the old names stayed accepted until 1.2.
    param_values("1.0", TREE_REGRESSORS + FOREST_REGRESSORS, "criterion", _REGRESSION_CRITERIA),
    param_values("1.0", GRADIENT_BOOSTING, "criterion", {"mse": "squared_error"}),
    param_values("1.0", [GB_REGRESSOR], "loss", {"ls": "squared_error", "lad": "absolute_error"}),
    param_removed("1.0", [KMEANS], "n_jobs", "deprecated", "it only set the number of threads"),
    param_removed("1.0", [KMEANS], "precompute_distances", "deprecated", "it only affected speed"),
    Step("1.0", "normalize deprecated", [LASSO, LINEAR_REGRESSION, RIDGE] + NORMALIZE_FALSE + BAYES,
         _normalize_deprecated, _normalize_restored),
    param_added("1.0", [RIDGE, RIDGE_CLASSIFIER], "positive", False),
    state_added("1.0", [RIDGE, RIDGE_CLASSIFIER] + BAYES, "_normalize",
                lambda node: node.params.get("normalize") is True),
    Step("1.0", "MLPRegressor loss 'squared_loss' renamed 'squared_error'", [MLP[1]],
         _mlp_loss({"squared_loss": "squared_error"}), _mlp_loss({"squared_error": "squared_loss"})),
    Step("1.0", "MLP optimizer no longer keeps the parameter list", MLP, _optimizer_params_up,
         _optimizer_params_down),
    # 1.0 stopped validating the (ignored) input of dummies.
    state_removed("1.0", DUMMIES, "n_features_in_", constant(None)),
    state_renamed("1.0", [GAUSSIAN_NB], "sigma_", "var_"),
    state_removed("1.0", DISCRETE_NB, "n_features_", copy_of("n_features_in_")),
]


def _column_indices(columns, names, n_features):
    """The input column indices a fitted ColumnTransformer selector stands for."""
    if columns is None:
        return []
    if isinstance(columns, np.ndarray) and columns.dtype == bool:
        return [int(i) for i in np.flatnonzero(columns)]
    if isinstance(columns, slice):
        start, stop = columns.start, columns.stop
        if isinstance(start, str) or isinstance(stop, str):  # label slices include their end
            start = 0 if start is None else names.index(start)
            stop = n_features if stop is None else names.index(stop) + 1
            columns = slice(start, stop, columns.step)
        return list(range(n_features))[columns]
    items = list(columns) if isinstance(columns, (list, tuple, np.ndarray)) else [columns]
    if items and all(isinstance(c, (bool, np.bool_)) for c in items):
        return [i for i, keep in enumerate(items) if keep]
    return [names.index(c) if isinstance(c, str) else int(c) for c in items]


def _column_transformer_up(node, migration, path):
    """1.0 names ColumnTransformer's fitted frame columns ``feature_names_in_`` and maps
    every transformer to its input column indices (``_transformer_to_input_indices``,
    which ``transform`` reads); an empty remainder is ``[]`` rather than None."""
    state = node.state
    if "_remainder" not in state:  # not fitted
        return
    names = state.pop("_feature_names_in", None)
    state.pop("_has_str_cols", None)
    if names is not None:
        state["feature_names_in_"] = names
    name, remainder, columns = state["_remainder"]
    state["_remainder"] = (name, remainder, [] if columns is None else columns)
    labels = [] if names is None else list(names)
    indices = {entry[0]: _column_indices(columns, labels, state["_n_features"])
               for entry, columns in zip(node.params["transformers"], state["_columns"])}
    indices["remainder"] = _column_indices(state["_remainder"][2], labels, state["_n_features"])
    state["_transformer_to_input_indices"] = indices


def _column_transformer_down(node, migration, path):
    state = node.state
    if "_remainder" not in state:  # not fitted
        return
    names = state.pop("feature_names_in_", None)
    state["_feature_names_in"] = names
    for name in ("_transformer_to_input_indices", "output_indices_"):
        state.pop(name, None)
    name, remainder, columns = state["_remainder"]
    state["_remainder"] = (name, remainder, columns if columns else None)


def _first_member_features(node):
    members = node.state.get("estimators_") or []
    first = members[0] if len(members) else None
    return first.state.get("n_features_in_", _MISSING) if isinstance(first, Node) else _MISSING


def _missing_indices(node):
    """OrdinalEncoder's position of NaN among each feature's categories (1.0)."""
    return {i: int(np.flatnonzero(np.isnan(c))[0]) for i, c in enumerate(node.state["categories_"])
            if c.dtype.kind == "f" and np.isnan(c).any()}


def _polynomial_up(node, migration, path):
    """1.0 let PolynomialFeatures take a (min, max) degree and keeps the full output width."""
    from sklearn.preprocessing import PolynomialFeatures

    if "n_output_features_" not in node.state:
        return
    degree = node.params["degree"]
    low, high = (0, degree) if isinstance(degree, int) else tuple(degree)
    node.state.update(_min_degree=low, _max_degree=high)
    n_features = node.state.pop("n_input_features_", None)
    node.state.setdefault("n_features_in_", n_features)
    node.state["_n_out_full"] = PolynomialFeatures._num_combinations(
        n_features=node.state["n_features_in_"], min_degree=0, max_degree=high,
        interaction_only=node.params["interaction_only"], include_bias=node.params["include_bias"])


def _polynomial_down(node, migration, path):
    if not isinstance(node.params.get("degree"), int):
        raise MigrationError("PolynomialFeatures with a (min, max) degree needs scikit-learn 1.0 or newer",
                             path=path or None, source_version=str(migration.source),
                             target_version=str(migration.target))
    for name in ("_min_degree", "_max_degree", "_n_out_full"):
        node.state.pop(name, None)
    if "n_features_in_" in node.state:
        node.state["n_input_features_"] = node.state["n_features_in_"]


STEPS += [
    param_added("1.0", [COLUMN_TRANSFORMER], "verbose_feature_names_out", True, "it only names output features"),
    Step("1.0", "ColumnTransformer feature_names_in_ and input indices", [COLUMN_TRANSFORMER],
         _column_transformer_up, _column_transformer_down),
    state_added("1.0", [ONE_VS_REST], "n_features_in_", _first_member_features),
    state_added("1.0", [ONE_HOT, ORDINAL], "n_features_in_", n_features),
    state_added("1.0", [ORDINAL], "_missing_indices", when_fitted("categories_", _missing_indices)),
    Step("1.0", "PolynomialFeatures degree bounds", POLYNOMIALS, _polynomial_up, _polynomial_down),
]

#: Settings 1.0's NMF stores when fitting and computes again in ``transform``.
_NMF_FIT_SETTINGS = ("_beta_loss", "_n_components", "_l1_reg_W", "_l1_reg_H", "_l2_reg_W", "_l2_reg_H")


def _nmf_alphas_up(node, migration, path):
    """1.0 deprecated NMF's ``alpha`` and ``regularization`` for ``alpha_W`` and ``alpha_H``
    (scikit-learn PR #20512), whose penalties are scaled by the data's size."""
    nmf_unregularized(node, migration, path, node.params.get("alpha"))
    node.params.update(alpha="deprecated", regularization="deprecated", alpha_W=0.0, alpha_H="same")


def _nmf_alphas_down(node, migration, path):
    for name in ("alpha_W", "alpha_H"):
        nmf_unregularized(node, migration, path, node.params.pop(name, 0.0))
    node.params.update(alpha=0.0, regularization="both")

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    Step("1.0", "NMF alpha and regularization deprecated for alpha_W and alpha_H", [NMF], _nmf_alphas_up,
         _nmf_alphas_down, params_added=["alpha_W", "alpha_H"]),
] + [state_added("1.0", [NMF], name, absent) for name in _NMF_FIT_SETTINGS] + [
    state_renamed("1.0", [KERNEL_PCA], "lambdas_", "eigenvalues_"),
    state_renamed("1.0", [KERNEL_PCA], "alphas_", "eigenvectors_"),
    param_added("1.0", [KERNEL_PCA], "iterated_power", "auto"),
    # Birch's fit_ and partial_fit_ flags became deprecated properties of private ones (set by fit and
    # partial_fit themselves, which the flags never steer: carried as they are).
    state_renamed("1.0", [BIRCH], "fit_", "_deprecated_fit"),
    state_renamed("1.0", [BIRCH], "partial_fit_", "_deprecated_partial_fit"),
]

# Issue 6, the linear-model family.
STEPS += [
    Step("1.0", "Lars normalize deprecated (default True)", LEAST_ANGLE, normalize_value(True, "deprecated"),
         normalize_value("deprecated", True)),
    # The old name stayed accepted until 1.2.
    param_values("1.0", [SGD_CLASSIFIER, SGD_REGRESSOR], "loss", {"squared_loss": "squared_error"}),
    state_added("1.0", GLM, "n_features_in_", n_features),
]

# Histogram gradient boosting: loss names, threads.
STEPS += [
    param_values("1.0", [HGB_REGRESSOR], "loss", {"least_squares": "squared_error",
                                                 "least_absolute_deviation": "absolute_error"}),
    param_added("1.0", [BIN_MAPPER], "n_threads", None),
    state_added("1.0", HGB_LOSSES, "n_threads", constant(1)),
]


# Text feature extraction (issue 18): 1.0 records a fitted TfidfTransformer's input width.
STEPS += [
    state_added("1.0", TFIDF_TRANSFORMERS, "n_features_in_", idf_width),
    Step("1.0", "a TfidfVectorizer's transformer records its input width", [TFIDF_VECTORIZER], transformer_width,
         unchanged),
]

# Searches (issue 18): the successive-halving searches' refit.
STEPS += [
    Step("1.0", "successive-halving searches keep refit=True", HALVING_SEARCHES, search.halving_refit_up,
         search.halving_refit_down),
    Step("1.0", "mean_squared_log_error gained squared", SEARCHES, unchanged,
         search.squared_keyword_removed("sklearn.metrics.mean_squared_log_error")),
]
