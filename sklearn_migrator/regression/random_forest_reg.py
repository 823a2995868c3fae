"""``serialize_random_forest_reg`` / ``deserialize_random_forest_reg``: RandomForestRegressor (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.ensemble.RandomForestRegressor", "random_forest_reg", globals())
__all__ = ["serialize_random_forest_reg", "deserialize_random_forest_reg"]
