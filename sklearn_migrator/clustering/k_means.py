"""``serialize_k_means`` / ``deserialize_k_means``: KMeans (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.cluster.KMeans", "k_means", globals())
__all__ = ["serialize_k_means", "deserialize_k_means"]
