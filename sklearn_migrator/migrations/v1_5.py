"""scikit-learn 1.5 (May 2024)."""
from ._kinds import param_rename_completed, param_renamed, param_values, state_added, state_renamed
from .families import BAYES, LOGISTIC, RIDGE_CV

STEPS = [
    # 1.5 deprecated multi_class; its default became 'deprecated', behaving as 'auto'.
    param_values("1.5", [LOGISTIC], "multi_class", {"auto": "deprecated"}),
]

# Issue 6, the linear-model family.
STEPS += [
    param_rename_completed("1.5", BAYES, "n_iter", "max_iter", 300),
    # RidgeCV renamed store_cv_values store_cv_results and cv_values_ cv_results_;
    # fit resolves the two into _store_cv_results (1.5-1.6).
    param_renamed("1.5", [RIDGE_CV], "store_cv_values", "store_cv_results", False),
    state_added("1.5", [RIDGE_CV], "_store_cv_results", lambda node: node.params["store_cv_results"] is True),
    state_renamed("1.5", [RIDGE_CV], "cv_values_", "cv_results_"),
]
