"""The paper's per-model functions for RandomForestClassifier."""
from .._facade import model_functions

serialize_random_forest_clf, deserialize_random_forest_clf = model_functions(
    "sklearn.ensemble.RandomForestClassifier", "random_forest_clf", __name__)
