"""The paper's per-model functions for AdaBoostRegressor."""
from .._facade import model_functions

serialize_adaboost_reg, deserialize_adaboost_reg = model_functions(
    "sklearn.ensemble.AdaBoostRegressor", "adaboost_reg", __name__)
