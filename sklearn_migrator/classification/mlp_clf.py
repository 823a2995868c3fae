"""``serialize_mlp_clf`` / ``deserialize_mlp_clf``: MLPClassifier (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.neural_network.MLPClassifier", "mlp_clf", globals())
__all__ = ["serialize_mlp_clf", "deserialize_mlp_clf"]
