"""``serialize_svr`` / ``deserialize_svr``: SVR (the paper's API)."""
from .._facade import model_functions

model_functions("sklearn.svm.SVR", "svr", globals())
__all__ = ["serialize_svr", "deserialize_svr"]
