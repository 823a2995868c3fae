"""The paper's per-model functions for LinearRegression."""
from .._facade import model_functions

serialize_linear_regression_reg, deserialize_linear_regression_reg = model_functions(
    "sklearn.linear_model.LinearRegression", "linear_regression_reg", __name__)
