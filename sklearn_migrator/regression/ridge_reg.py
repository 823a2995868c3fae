"""``serialize_ridge_reg`` / ``deserialize_ridge_reg``: Ridge (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.linear_model.Ridge", "ridge_reg", globals())
__all__ = ["serialize_ridge_reg", "deserialize_ridge_reg"]
