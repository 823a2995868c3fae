"""scikit-learn 1.7 (June 2025)."""
from numbers import Integral

from ..tree import Node
from . import Step
from ._kinds import param_added, param_rename_completed, state_added, state_removed, unchanged, when_fitted
from ._unsupervised import absent
from .families import (COLUMN_TRANSFORMER, COORDINATE_DESCENT_CV, HGB_CLASSIFIER, KBINS, LABEL_ENCODER,
                       LINEAR_REGRESSION, MIXTURES, MLP, RIDGE_CLASSIFIER_CV, RIDGE_CV)
from .v1_5 import remainder_columns_plain


def _loss_to_param(node, migration, path):
    """1.7 made MLPRegressor's ``loss`` a constructor parameter (it was a fixed attribute)."""
    if "loss" in node.state:
        node.params["loss"] = node.state.pop("loss")


def _loss_to_state(node, migration, path):
    if "loss" in node.params:
        node.state["loss"] = node.params.pop("loss")


def _is_count(value) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def effective_alphas(params):
    """What LassoCV/ElasticNetCV of 1.7-1.8 resolve into ``_alphas``: a number of alphas
    to generate or the alphas themselves ('warn' and None defer to ``n_alphas``)."""
    alphas, n_alphas = params.get("alphas"), params.get("n_alphas", "deprecated")
    if alphas is None or (isinstance(alphas, str) and alphas == "warn"):
        return 100 if n_alphas == "deprecated" else n_alphas
    return alphas


def _alphas_up(node, migration, path):
    """1.7 let ``alphas`` of LassoCV/ElasticNetCV be a count, deprecating ``n_alphas``
    (default 'deprecated', meaning 100) and ``alphas=None`` (default 'warn'); fit
    keeps the resolved value in ``_alphas``."""
    n_alphas = node.params.pop("n_alphas", 100)
    if node.params.get("alphas") is None:
        node.params["alphas"] = "warn" if n_alphas == 100 else n_alphas
    node.params["n_alphas"] = "deprecated"
    node.state["_alphas"] = effective_alphas(node.params)


def _alphas_down(node, migration, path):
    node.state.pop("_alphas", None)
    alphas = effective_alphas(node.params)
    node.params["n_alphas"] = alphas if _is_count(alphas) else 100
    node.params["alphas"] = None if _is_count(alphas) else alphas


STEPS = [
    param_added("1.7", [LINEAR_REGRESSION], "tol", 1e-6),
    Step("1.7", "MLPRegressor loss became a parameter", [MLP[1]], _loss_to_param, _loss_to_state,
         params_added=["loss"]),
]

# Issue 6, the linear-model family.
STEPS += [
    param_rename_completed("1.7", [RIDGE_CV, RIDGE_CLASSIFIER_CV], "store_cv_values", "store_cv_results", False),
    state_removed("1.7", [RIDGE_CV, RIDGE_CLASSIFIER_CV], "_store_cv_results",
                  lambda node: node.params["store_cv_results"] is True),
    Step("1.7", "LassoCV/ElasticNetCV alphas may be a count, n_alphas deprecated", COORDINATE_DESCENT_CV,
         _alphas_up, _alphas_down),
]

def _remainder_cols_no_effect(node, migration, path):
    """1.7 made ColumnTransformer's ``force_int_remainder_cols`` a deprecated no-op
    (default 'deprecated'): the fitted remainder columns are what ``transformers_`` holds."""
    if isinstance(node.params.get("force_int_remainder_cols"), bool):
        node.params["force_int_remainder_cols"] = "deprecated"


def _remainder_cols_default(node, migration, path):
    if node.params.get("force_int_remainder_cols") == "deprecated":
        node.params["force_int_remainder_cols"] = True  # 1.5-1.6's default


# Composition and preprocessing.
STEPS += [
    Step("1.7", "force_int_remainder_cols deprecated (no effect)", [COLUMN_TRANSFORMER], _remainder_cols_no_effect,
         _remainder_cols_default),
    param_added("1.7", [KBINS], "quantile_method", "warn"),
    Step("1.7", "ColumnTransformer remainder columns list class removed", [COLUMN_TRANSFORMER],
         remainder_columns_plain, unchanged),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    # 1.7 keeps the lower bound of every iteration (fitting history only).
    state_added("1.7", MIXTURES, "lower_bounds_", absent),
]

# Histogram gradient boosting classifiers keep the label encoder of their targets (fitting only).
STEPS += [
    state_added("1.7", [HGB_CLASSIFIER], "_label_encoder", when_fitted("classes_", lambda node: Node(
        LABEL_ENCODER, params={}, state={"classes_": node.state["classes_"]}))),
]
