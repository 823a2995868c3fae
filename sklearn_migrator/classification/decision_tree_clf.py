"""The paper's per-model functions for DecisionTreeClassifier."""
from .._facade import model_functions

serialize_decision_tree_clf, deserialize_decision_tree_clf = model_functions(
    "sklearn.tree.DecisionTreeClassifier", "decision_tree_clf", __name__)
