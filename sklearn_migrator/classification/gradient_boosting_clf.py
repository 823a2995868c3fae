"""The paper's per-model functions for GradientBoostingClassifier."""
from .._facade import model_functions

serialize_gradient_boosting_clf, deserialize_gradient_boosting_clf = model_functions(
    "sklearn.ensemble.GradientBoostingClassifier", "gradient_boosting_clf", __name__)
