"""The paper's per-model functions for PCA."""
from .._facade import model_functions

serialize_pca, deserialize_pca = model_functions("sklearn.decomposition.PCA", "pca", __name__)
