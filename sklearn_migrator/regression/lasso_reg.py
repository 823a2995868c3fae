"""``serialize_lasso_reg`` / ``deserialize_lasso_reg``: Lasso (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.linear_model.Lasso", "lasso_reg", globals())
__all__ = ["serialize_lasso_reg", "deserialize_lasso_reg"]
