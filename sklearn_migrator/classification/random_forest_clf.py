"""``serialize_random_forest_clf`` / ``deserialize_random_forest_clf``: RandomForestClassifier (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.ensemble.RandomForestClassifier", "random_forest_clf", globals())
__all__ = ["serialize_random_forest_clf", "deserialize_random_forest_clf"]
