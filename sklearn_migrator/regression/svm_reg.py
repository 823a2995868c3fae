"""The paper's per-model functions for SVR."""
from .._facade import model_functions

serialize_svr, deserialize_svr = model_functions("sklearn.svm.SVR", "svr", __name__)
