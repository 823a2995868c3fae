"""scikit-learn 1.9 (2026)."""
from . import Step
from ._kinds import constant, missing, output_changed, param_removed, param_values, state_added, unchanged
from .families import (COLUMN_TRANSFORMER, COMMON_LOSSES, COORDINATE_DESCENT_CV, GRADIENT_BOOSTING, KBINS, LOGISTIC_CVS,
                       POWER, POWER_YEO_JOHNSON_18, POWER_YEO_JOHNSON_19, SEARCHES, SVCS, SVRS, TREE_REGRESSORS)
from .v1_7 import effective_alphas


def _probability_up(node, migration, path):
    """1.9 deprecated SVC's ``probability`` (default 'deprecated'); whether the model can
    give probabilities is kept in ``_effective_probability``."""
    node.state.setdefault("_effective_probability", node.params.get("probability") is True)


def _probability_down(node, migration, path):
    effective = bool(node.state.pop("_effective_probability", False))
    if node.params.get("probability") == "deprecated":
        node.params["probability"] = effective

def _n_alphas_removed_up(node, migration, path):
    """1.9 removed LassoCV/ElasticNetCV's ``n_alphas`` (and ``_alphas``): ``alphas``
    defaults to 100 and holds the count or the alphas."""
    node.params["alphas"] = effective_alphas(node.params)
    node.params.pop("n_alphas", None)
    node.state.pop("_alphas", None)


def _n_alphas_removed_down(node, migration, path):
    node.params["n_alphas"] = "deprecated"
    node.state["_alphas"] = node.params["alphas"]


def _yeo_johnson(node):
    """Whether a PowerTransformer is fitted with method='yeo-johnson', which 1.9
    (scikit-learn PR #33272) computes with ``scipy.stats.yeojohnson``
    (``expm1(lambda log1p(x)) / lambda``) where up to 1.8 scikit-learn's own
    ``_yeo_johnson_transform`` computed ``(np.power(x + 1, lambda) - 1) / lambda``."""
    return node.params.get("method") == "yeo-johnson" and "lambdas_" in node.state


STEPS = [
    # 1.9 deprecated gradient boosting's criterion (always friedman_mse) and SVC's probability.
    param_values("1.9", GRADIENT_BOOSTING, "criterion", {"friedman_mse": "deprecated"}),
    # ... and removed 'friedman_mse' from the regression trees' criteria (gradient boosting now grows its trees
    # with 'squared_error'); a fitted tree's predictions never read it, and 'squared_error' is valid before 1.9.
    param_values("1.9", TREE_REGRESSORS, "criterion", {"friedman_mse": "squared_error"}, one_way=True),
    Step("1.9", "SVC probability deprecated", SVCS, _probability_up, _probability_down),
    state_added("1.9", SVRS, "_effective_probability", lambda node: False),
]

# Composition and preprocessing.
STEPS += [
    param_removed("1.9", [COLUMN_TRANSFORMER], "force_int_remainder_cols", "deprecated",
                  "it only decided how the remainder's columns were reported"),
    param_values("1.9", [KBINS], "quantile_method", {"warn": "averaged_inverted_cdf"}, one_way=True),
    output_changed("1.9", "PowerTransformer Yeo-Johnson transform by scipy", POWER, POWER_YEO_JOHNSON_18,
                   POWER_YEO_JOHNSON_19, _yeo_johnson, "a Yeo-Johnson PowerTransformer's transform"),
]

# Issue 6, the linear-model family.
STEPS += [
    Step("1.9", "LassoCV/ElasticNetCV n_alphas removed", COORDINATE_DESCENT_CV, _n_alphas_removed_up,
         _n_alphas_removed_down, params_removed=["n_alphas"]),
]

# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    # 1.9 made LogisticRegressionCV's scoring default 'warn', behaving as None (accuracy) until 1.11.
    Step("1.9", "LogisticRegressionCV scoring default 'warn'", LOGISTIC_CVS, unchanged,
         param_values("1.9", LOGISTIC_CVS, "scoring", {"warn": None}, one_way=True).up),
]

# The common losses keep the array namespace and device they compute with (None: numpy).
STEPS += [state_added("1.9", COMMON_LOSSES, name, constant(None)) for name in ("xp", "device")]

# Searches (issue 18): 1.9 keeps the checked splitter fit used (_checked_cv_orig); only fit reads it.
STEPS += [
    state_added("1.9", SEARCHES, "_checked_cv_orig", missing),
]
