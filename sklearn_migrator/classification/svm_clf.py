"""The paper's per-model functions for SVC."""
from .._facade import model_functions

serialize_svc, deserialize_svc = model_functions("sklearn.svm.SVC", "svc", __name__)
