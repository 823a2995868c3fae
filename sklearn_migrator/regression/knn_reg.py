"""The paper's per-model functions for KNeighborsRegressor."""
from .._facade import model_functions

serialize_knn_reg, deserialize_knn_reg = model_functions(
    "sklearn.neighbors.KNeighborsRegressor", "knn_reg", __name__)
