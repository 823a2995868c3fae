"""``serialize_mini_batch_kmeans`` / ``deserialize_mini_batch_kmeans``: MiniBatchKMeans (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.cluster.MiniBatchKMeans", "mini_batch_kmeans", globals())
__all__ = ["serialize_mini_batch_kmeans", "deserialize_mini_batch_kmeans"]
