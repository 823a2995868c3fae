"""``serialize_linear_regression_reg`` / ``deserialize_linear_regression_reg``: LinearRegression (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.linear_model.LinearRegression", "linear_regression_reg", globals())
__all__ = ["serialize_linear_regression_reg", "deserialize_linear_regression_reg"]
