"""``serialize_decision_tree_reg`` / ``deserialize_decision_tree_reg``: DecisionTreeRegressor (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.tree.DecisionTreeRegressor", "decision_tree_reg", globals())
__all__ = ["serialize_decision_tree_reg", "deserialize_decision_tree_reg"]
