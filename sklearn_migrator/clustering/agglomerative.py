"""``serialize_agglomerative`` / ``deserialize_agglomerative``: AgglomerativeClustering (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.cluster.AgglomerativeClustering", "agglomerative", globals())
__all__ = ["serialize_agglomerative", "deserialize_agglomerative"]
