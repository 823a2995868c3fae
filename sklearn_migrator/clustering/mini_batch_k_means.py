"""The paper's per-model functions for MiniBatchKMeans."""
from .._facade import model_functions

serialize_mini_batch_kmeans, deserialize_mini_batch_kmeans = model_functions(
    "sklearn.cluster.MiniBatchKMeans", "mini_batch_kmeans", __name__)
