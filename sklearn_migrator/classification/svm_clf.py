"""``serialize_svc`` / ``deserialize_svc``: SVC (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.svm.SVC", "svc", globals())
__all__ = ["serialize_svc", "deserialize_svc"]
