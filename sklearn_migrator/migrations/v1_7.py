"""scikit-learn 1.7 (June 2025)."""
from . import Step
from ._kinds import param_added, state_added
from ._unsupervised import absent
from .families import KBINS, LINEAR_REGRESSION, MIXTURES, MLP


def _loss_to_param(node, migration, path):
    """1.7 made MLPRegressor's ``loss`` a constructor parameter (it was a fixed attribute)."""
    if "loss" in node.state:
        node.params["loss"] = node.state.pop("loss")


def _loss_to_state(node, migration, path):
    if "loss" in node.params:
        node.state["loss"] = node.params.pop("loss")


STEPS = [
    param_added("1.7", [LINEAR_REGRESSION], "tol", 1e-6),
    Step("1.7", "MLPRegressor loss became a parameter", [MLP[1]], _loss_to_param, _loss_to_state,
         params_added=["loss"]),
]

# Composition and preprocessing.
STEPS += [
    param_added("1.7", [KBINS], "quantile_method", "warn"),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    # 1.7 keeps the lower bound of every iteration (fitting history only).
    state_added("1.7", MIXTURES, "lower_bounds_", absent),
]
