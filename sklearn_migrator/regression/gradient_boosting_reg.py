"""The paper's per-model functions for GradientBoostingRegressor."""
from .._facade import model_functions

serialize_gradient_boosting_reg, deserialize_gradient_boosting_reg = model_functions(
    "sklearn.ensemble.GradientBoostingRegressor", "gradient_boosting_reg", __name__)
