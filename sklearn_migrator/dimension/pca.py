"""``serialize_pca`` / ``deserialize_pca``: PCA (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.decomposition.PCA", "pca", globals())
__all__ = ["serialize_pca", "deserialize_pca"]
