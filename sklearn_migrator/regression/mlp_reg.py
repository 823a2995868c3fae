"""``serialize_mlp_reg`` / ``deserialize_mlp_reg``: MLPRegressor (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.neural_network.MLPRegressor", "mlp_reg", globals())
__all__ = ["serialize_mlp_reg", "deserialize_mlp_reg"]
