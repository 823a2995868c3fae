"""The paper's per-model functions for Lasso."""
from .._facade import model_functions

serialize_lasso_reg, deserialize_lasso_reg = model_functions(
    "sklearn.linear_model.Lasso", "lasso_reg", __name__)
