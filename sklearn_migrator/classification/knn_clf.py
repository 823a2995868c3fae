"""``serialize_knn_clf`` / ``deserialize_knn_clf``: KNeighborsClassifier (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.neighbors.KNeighborsClassifier", "knn_clf", globals())
__all__ = ["serialize_knn_clf", "deserialize_knn_clf"]
