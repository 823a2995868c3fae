"""scikit-learn 1.0 (September 2021)."""
from . import Step
from ._kinds import copy_of, n_features, param_added, param_removed, param_values, state_added, state_removed
from .families import (BAYES, DT_REGRESSOR, GLM, FORESTS, GB_REGRESSOR, GRADIENT_BOOSTING, KMEANS, LASSO, LEAST_ANGLE,
                       LINEAR_REGRESSION, MLP, NORMALIZE_FALSE, RIDGE, RIDGE_CLASSIFIER, SGD_CLASSIFIER, SGD_REGRESSOR,
                       TREE_MODELS)

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
    state_removed("1.0", TREE_MODELS, "n_features_", copy_of("n_features_in_")),
    # Criterion and loss renames: the old names stayed accepted until 1.2.
    param_values("1.0", [DT_REGRESSOR, FORESTS[1]], "criterion", _REGRESSION_CRITERIA),
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
]

# Issue 6, the linear-model family.
STEPS += [
    Step("1.0", "Lars normalize deprecated (default True)", LEAST_ANGLE, normalize_value(True, "deprecated"),
         normalize_value("deprecated", True)),
    # The old name stayed accepted until 1.2.
    param_values("1.0", [SGD_CLASSIFIER, SGD_REGRESSOR], "loss", {"squared_loss": "squared_error"}),
    state_added("1.0", GLM, "n_features_in_", n_features),
]
