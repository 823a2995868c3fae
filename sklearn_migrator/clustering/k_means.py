"""The paper's per-model functions for KMeans."""
from .._facade import model_functions

serialize_k_means, deserialize_k_means = model_functions(
    "sklearn.cluster.KMeans", "k_means", __name__)
