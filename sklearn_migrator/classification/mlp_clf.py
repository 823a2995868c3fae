"""The paper's per-model functions for MLPClassifier."""
from .._facade import model_functions

serialize_mlp_clf, deserialize_mlp_clf = model_functions(
    "sklearn.neural_network.MLPClassifier", "mlp_clf", __name__)
