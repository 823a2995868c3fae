"""The paper's per-model functions for RandomForestRegressor."""
from .._facade import model_functions

serialize_random_forest_reg, deserialize_random_forest_reg = model_functions(
    "sklearn.ensemble.RandomForestRegressor", "random_forest_reg", __name__)
