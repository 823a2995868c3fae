"""scikit-learn 1.5 (May 2024)."""
from ._kinds import n_features, param_values, state_added
from .families import DUMMIES, LIBLINEAR_SVM, LOGISTIC

STEPS = [
    # 1.5 deprecated multi_class; its default became 'deprecated', behaving as 'auto'.
    param_values("1.5", [LOGISTIC], "multi_class", {"auto": "deprecated"}),
    # 1.5 made liblinear SVMs' dual default 'auto' and dropped 'warn' (which behaved as True).
    param_values("1.5", LIBLINEAR_SVM, "dual", {"warn": True}, one_way=True),
    # 1.5 records the input width on dummies (unknown, and left out, for models from older releases).
    state_added("1.5", DUMMIES, "n_features_in_", n_features),
]
