"""The paper's per-model functions for AgglomerativeClustering."""
from .._facade import model_functions

serialize_agglomerative, deserialize_agglomerative = model_functions(
    "sklearn.cluster.AgglomerativeClustering", "agglomerative", __name__)
