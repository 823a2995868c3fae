"""``serialize_adaboost_reg`` / ``deserialize_adaboost_reg``: AdaBoostRegressor (the paper's API)."""
from .._facade import model_functions

serialize_adaboost_reg, deserialize_adaboost_reg = model_functions("sklearn.ensemble.AdaBoostRegressor", "adaboost_reg", __name__)
