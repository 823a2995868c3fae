"""``serialize_random_forest_clf`` / ``deserialize_random_forest_clf``: RandomForestClassifier (the paper's API)."""
from .._facade import model_functions

serialize_random_forest_clf, deserialize_random_forest_clf = model_functions("sklearn.ensemble.RandomForestClassifier", "random_forest_clf", __name__)
