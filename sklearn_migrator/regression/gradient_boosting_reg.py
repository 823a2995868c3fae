"""``serialize_gradient_boosting_reg`` / ``deserialize_gradient_boosting_reg``: GradientBoostingRegressor (the paper's API)."""
from .._facade import model_functions

serialize_gradient_boosting_reg, deserialize_gradient_boosting_reg = model_functions("sklearn.ensemble.GradientBoostingRegressor", "gradient_boosting_reg", __name__)
