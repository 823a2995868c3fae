"""``serialize_svr`` / ``deserialize_svr``: SVR (the paper's API)."""
from .._facade import model_functions

serialize_svr, deserialize_svr = model_functions("sklearn.svm.SVR", "svr", __name__)
