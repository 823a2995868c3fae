"""``serialize_knn_reg`` / ``deserialize_knn_reg``: KNeighborsRegressor (the paper's API)."""
from .._facade import model_functions

serialize_knn_reg, deserialize_knn_reg = model_functions("sklearn.neighbors.KNeighborsRegressor", "knn_reg", __name__)
