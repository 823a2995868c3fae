"""``serialize_agglomerative`` / ``deserialize_agglomerative``: AgglomerativeClustering (the paper's API)."""
from .._facade import model_functions

serialize_agglomerative, deserialize_agglomerative = model_functions("sklearn.cluster.AgglomerativeClustering", "agglomerative", __name__)
