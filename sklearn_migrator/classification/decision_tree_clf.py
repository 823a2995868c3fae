"""``serialize_decision_tree_clf`` / ``deserialize_decision_tree_clf``: DecisionTreeClassifier (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.tree.DecisionTreeClassifier", "decision_tree_clf", globals())
__all__ = ["serialize_decision_tree_clf", "deserialize_decision_tree_clf"]
