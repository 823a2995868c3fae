"""scikit-learn 1.0 (September 2021)."""
from . import Step
from ._kinds import (constant, copy_of, param_added, param_removed, param_values, state_added, state_removed,
                     state_renamed)
from .families import (DISCRETE_NB, DT_REGRESSOR, DUMMIES, FORESTS, GAUSSIAN_NB, GB_REGRESSOR, GRADIENT_BOOSTING, KMEANS,
                       LASSO, LINEAR_REGRESSION, MLP, RIDGE, TREE_MODELS)

_REGRESSION_CRITERIA = {"mse": "squared_error", "mae": "absolute_error"}


def _normalize_deprecated(node, migration, path):
    """1.0 deprecated ``normalize``; its default became 'deprecated'. The fitted
    coefficients already include any normalisation, so predictions do not use it."""
    if node.params.get("normalize") is False:
        node.params["normalize"] = "deprecated"


def _normalize_restored(node, migration, path):
    if node.params.get("normalize") == "deprecated":
        node.params["normalize"] = False


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
    Step("1.0", "normalize deprecated", [LASSO, LINEAR_REGRESSION, RIDGE], _normalize_deprecated,
         _normalize_restored),
    param_added("1.0", [RIDGE], "positive", False),
    state_added("1.0", [RIDGE], "_normalize", lambda node: node.params.get("normalize") is True),
    Step("1.0", "MLPRegressor loss 'squared_loss' renamed 'squared_error'", [MLP[1]],
         _mlp_loss({"squared_loss": "squared_error"}), _mlp_loss({"squared_error": "squared_loss"})),
    Step("1.0", "MLP optimizer no longer keeps the parameter list", MLP, _optimizer_params_up,
         _optimizer_params_down),
    # 1.0 stopped validating the (ignored) input of dummies.
    state_removed("1.0", DUMMIES, "n_features_in_", constant(None)),
    state_renamed("1.0", [GAUSSIAN_NB], "sigma_", "var_"),
    state_removed("1.0", DISCRETE_NB, "n_features_", copy_of("n_features_in_")),
]
