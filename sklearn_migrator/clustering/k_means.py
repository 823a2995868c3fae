"""``serialize_k_means`` / ``deserialize_k_means``: KMeans (the paper's API)."""
from .._facade import model_functions

serialize_k_means, deserialize_k_means = model_functions("sklearn.cluster.KMeans", "k_means", __name__)
