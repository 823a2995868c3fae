"""The paper's per-model functions for KNeighborsClassifier."""
from .._facade import model_functions

serialize_knn_clf, deserialize_knn_clf = model_functions(
    "sklearn.neighbors.KNeighborsClassifier", "knn_clf", __name__)
