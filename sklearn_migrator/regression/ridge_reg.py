"""The paper's per-model functions for Ridge."""
from .._facade import model_functions

serialize_ridge_reg, deserialize_ridge_reg = model_functions(
    "sklearn.linear_model.Ridge", "ridge_reg", __name__)
