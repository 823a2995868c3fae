"""``serialize_gradient_boosting_reg`` / ``deserialize_gradient_boosting_reg``: GradientBoostingRegressor (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.ensemble.GradientBoostingRegressor", "gradient_boosting_reg", globals())
__all__ = ["serialize_gradient_boosting_reg", "deserialize_gradient_boosting_reg"]
