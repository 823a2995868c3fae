"""``serialize_pca`` / ``deserialize_pca``: PCA (the paper's API)."""
from .._facade import model_functions

serialize_pca, deserialize_pca = model_functions("sklearn.decomposition.PCA", "pca", __name__)
