"""The paper's per-model functions for MLPRegressor."""
from .._facade import model_functions

serialize_mlp_reg, deserialize_mlp_reg = model_functions(
    "sklearn.neural_network.MLPRegressor", "mlp_reg", __name__)
