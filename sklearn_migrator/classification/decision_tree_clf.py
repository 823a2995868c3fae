"""``serialize_decision_tree_clf`` / ``deserialize_decision_tree_clf``: DecisionTreeClassifier (the paper's API)."""
from .._facade import model_functions

serialize_decision_tree_clf, deserialize_decision_tree_clf = model_functions("sklearn.tree.DecisionTreeClassifier", "decision_tree_clf", __name__)
