"""The paper's per-model functions for LogisticRegression."""
from .._facade import model_functions

serialize_logistic_regression_clf, deserialize_logistic_regression_clf = model_functions(
    "sklearn.linear_model.LogisticRegression", "logistic_regression_clf", __name__)
