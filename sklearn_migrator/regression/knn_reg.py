"""``serialize_knn_reg`` / ``deserialize_knn_reg``: KNeighborsRegressor (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.neighbors.KNeighborsRegressor", "knn_reg", globals())
__all__ = ["serialize_knn_reg", "deserialize_knn_reg"]
