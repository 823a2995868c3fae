"""``serialize_adaboost_reg`` / ``deserialize_adaboost_reg``: AdaBoostRegressor (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.ensemble.AdaBoostRegressor", "adaboost_reg", globals())
__all__ = ["serialize_adaboost_reg", "deserialize_adaboost_reg"]
