"""``serialize_mini_batch_kmeans`` / ``deserialize_mini_batch_kmeans``: MiniBatchKMeans (the paper's API)."""
from .._facade import model_functions

serialize_mini_batch_kmeans, deserialize_mini_batch_kmeans = model_functions("sklearn.cluster.MiniBatchKMeans", "mini_batch_kmeans", __name__)
