"""scikit-learn 1.0 (September 2021)."""
from . import Step
from ._kinds import copy_of, param_added, param_removed, param_values, state_added, state_removed
from .families import (DT_REGRESSOR, FORESTS, GB_REGRESSOR, GRADIENT_BOOSTING, KMEANS, LASSO, LINEAR_REGRESSION, MLP, RIDGE, TREE_MODELS)
from ._kinds import state_renamed
from ._unsupervised import absent, nmf_unregularized
from .families import KERNEL_PCA, NMF

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
]
