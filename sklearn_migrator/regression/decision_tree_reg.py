"""The paper's per-model functions for DecisionTreeRegressor."""
from .._facade import model_functions

serialize_decision_tree_reg, deserialize_decision_tree_reg = model_functions(
    "sklearn.tree.DecisionTreeRegressor", "decision_tree_reg", __name__)
