"""scikit-learn 1.2 (December 2022)."""
import numpy as np

from ..errors import MigrationError
from . import Step
from ._kinds import (constant, copy_of, param_added, param_removed, param_values, state_added, state_removed,
                     state_renamed, unchanged, when_fitted)
from ._unsupervised import absent
from .families import (ADABOOST, AGGLOMERATIVE, BAGGING, BAYES, BIRCH, CALIBRATED, CALIBRATED_PAIR, COLUMN_TRANSFORMER,
                       DISCRETE_NB, FAST_ICA, FORESTS, GLM, HGB_CLASSIFIER, HIST_GRADIENT_BOOSTING, IFORESTS,
                       KNN_IMPUTER, LASSO, LEAST_ANGLE, LINEAR_REGRESSION, MLP, NMF, NORMALIZE_FALSE, ONE_HOT, PCA,
                       QUANTILE, RIDGE, RIDGE_CLASSIFIER, SIMPLE_IMPUTER, STACKING, SVRS)
from .v1_0 import normalize_value


def _affinity_up(node, migration, path):
    """1.2 renamed AgglomerativeClustering's ``affinity`` to ``metric``."""
    affinity = node.params.pop("affinity", "euclidean")
    node.params["metric"] = node.params.get("metric") or affinity
    node.params["affinity"] = "deprecated"
    node.state.setdefault("_metric", node.params["metric"])


def _affinity_down(node, migration, path):
    metric = node.params.pop("metric", None)
    affinity = node.params.get("affinity")
    node.params["affinity"] = metric if metric is not None else (
        "euclidean" if affinity in (None, "deprecated") else affinity)
    node.state.pop("_metric", None)


def _holder(node, name):
    """AdaBoost takes ``base_estimator`` as a parameter, forests keep it as an attribute."""
    return node.params if name in node.params else node.state


def _base_estimator_up(node, migration, path):
    """1.2 renamed ensembles' ``base_estimator`` to ``estimator``."""
    holder = _holder(node, "base_estimator")
    if "base_estimator" in holder:
        value = holder["base_estimator"]
        holder["estimator"] = None if value == "deprecated" else value
        holder["base_estimator"] = "deprecated"
    if "base_estimator_" in node.state:
        node.state["estimator_"] = node.state.pop("base_estimator_")


def _base_estimator_down(node, migration, path):
    holder = _holder(node, "estimator")
    if "estimator" in holder:
        holder["base_estimator"] = holder.pop("estimator")
    if "estimator_" in node.state:
        node.state["base_estimator_"] = node.state.pop("estimator_")


def _n_init_down(default):
    """1.2 added ``n_init='auto'`` and made 'warn' (meaning 10, or 3 for MiniBatchKMeans)
    the default; older releases need the number of runs fitting used."""
    def apply(node, migration, path):
        if node.params.get("n_init") in ("warn", "auto"):
            node.params["n_init"] = int(node.state.get("_n_init", default))
    return apply


def _bayes_normalize_up(node, migration, path):
    """1.2 removed ``normalize`` from BayesianRidge and ARDRegression. The mean
    prediction uses coefficients that include it, but ``predict(return_std=True)``
    normalised its input with it and 1.2+ cannot: such a model is refused."""
    normalize = node.params.pop("normalize", False)
    if normalize is True:
        raise MigrationError("a %s fitted with normalize=True computes predict(return_std=True) on normalised "
                             "input, which scikit-learn 1.2 and newer cannot do" % node.name, path=path or None,
                             source_version=str(migration.source), target_version=str(migration.target),
                             hint="Keep it on scikit-learn 1.1 or older, or refit it in a Pipeline with a "
                                  "StandardScaler")


def _bayes_normalize_down(node, migration, path):
    node.params["normalize"] = False


def _solver_to_param(node, migration, path):
    """1.2 made the solver of generalised linear models a parameter ('lbfgs', or the new
    'newton-cholesky'); before, 'lbfgs' was the only solver, kept as an attribute."""
    node.params["solver"] = node.state.pop("solver", "lbfgs")


def _solver_to_state(node, migration, path):
    solver = node.params.pop("solver")
    if solver != "lbfgs":
        migration.note(path, "solver=%r has no equivalent before scikit-learn 1.2 and was dropped (it only "
                             "affects fitting)" % (solver,))
    node.state["solver"] = "lbfgs"


STEPS = [
    Step("1.2", "AgglomerativeClustering affinity -> metric", [AGGLOMERATIVE], _affinity_up, _affinity_down,
         params_added=["metric"]),
    Step("1.2", "AdaBoost and bagging base_estimator -> estimator", ADABOOST + BAGGING, _base_estimator_up,
         _base_estimator_down,
         params_added=["estimator"]),
    Step("1.2", "forests base_estimator -> estimator (attributes)", FORESTS + IFORESTS, _base_estimator_up,
         _base_estimator_down),
    Step("1.2", "KMeans n_init='warn'", ["sklearn.cluster.KMeans"], unchanged, _n_init_down(10)),
    Step("1.2", "MiniBatchKMeans n_init='warn'", ["sklearn.cluster.MiniBatchKMeans"], unchanged,
         _n_init_down(3)),
    param_removed("1.2", [LASSO, LINEAR_REGRESSION, RIDGE] + NORMALIZE_FALSE, "normalize", False,
                  "the fitted coefficients already include it"),
    state_removed("1.2", [RIDGE, RIDGE_CLASSIFIER] + BAYES, "_normalize", constant(False)),
    state_removed("1.2", [PCA], "n_features_", copy_of("n_features_in_")),
    state_added("1.2", MLP, "best_validation_score_", constant(None)),
    state_added("1.2", MLP, "validation_scores_", constant(None)),
    state_removed("1.2", SVRS, "class_weight_", constant(np.empty(0))),
    # 1.2 added force_alpha to discrete naive Bayes ('warn' behaving as False until 1.4).
    param_added("1.2", DISCRETE_NB, "force_alpha", "warn", "the fitted probabilities already include it"),
]

# Issue 6, the linear-model family.
STEPS += [
    Step("1.2", "BayesianRidge/ARDRegression normalize removed", BAYES, _bayes_normalize_up, _bayes_normalize_down,
         params_removed=["normalize"]),
    Step("1.2", "Lars normalize='deprecated' means False", LEAST_ANGLE, normalize_value("deprecated", True),
         normalize_value("deprecated", False)),
    Step("1.2", "GLM solver became a parameter", GLM, _solver_to_param, _solver_to_state, params_added=["solver"]),
    # 1.2 made QuantileRegressor's solver default 'warn', meaning 'interior-point' (1.4 made it 'highs').
    Step("1.2", "QuantileRegressor solver default 'warn'", [QUANTILE], unchanged,
         param_values("1.2", [QUANTILE], "solver", {"warn": "interior-point"}, one_way=True).up),
]


def _sparse_output_up(node, migration, path):
    """1.2 renamed OneHotEncoder's ``sparse`` to ``sparse_output`` (``sparse`` deprecated)."""
    sparse = node.params.get("sparse", True)
    node.params.setdefault("sparse_output", True if sparse == "deprecated" else sparse)
    node.params["sparse"] = "deprecated"


def _sparse_output_down(node, migration, path):
    node.params["sparse"] = node.params.pop("sparse_output", True)


STEPS += [
    Step("1.2", "OneHotEncoder sparse -> sparse_output", [ONE_HOT], _sparse_output_up, _sparse_output_down,
         params_added=["sparse_output"]),
    state_added("1.2", [ONE_HOT], "_drop_idx_after_grouping", copy_of("drop_idx_")),
    param_added("1.2", [SIMPLE_IMPUTER, KNN_IMPUTER], "keep_empty_features", False,
                changes="the output (all-missing features kept)"),
    state_added("1.2", [COLUMN_TRANSFORMER], "_name_to_fitted_passthrough", constant({})),
    state_renamed("1.2", STACKING[:1], "_le", "_label_encoder"),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    param_added("1.2", [FAST_ICA], "whiten_solver", "svd"),
    param_removed("1.2", [NMF], "alpha", "deprecated", "replaced by alpha_W and alpha_H in 1.0"),
    param_removed("1.2", [NMF], "regularization", "deprecated", "replaced by alpha_W and alpha_H in 1.0"),
] + [state_removed("1.2", [NMF], name, absent) for name in ("_l1_reg_W", "_l1_reg_H", "_l2_reg_W", "_l2_reg_H")] + [
    # Birch's deprecated flags went; older releases get those of a model fitted by fit (which flags
    # only tell 0.20-0.21's predict that the model is fitted).
    state_removed("1.2", [BIRCH], "_deprecated_fit", when_fitted("subcluster_centers_", constant(True))),
    state_removed("1.2", [BIRCH], "_deprecated_partial_fit", when_fitted("subcluster_centers_", constant(False))),
]

# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    # 1.2 renamed CalibratedClassifierCV's base_estimator estimator, in its calibrated classifiers too.
    Step("1.2", "CalibratedClassifierCV base_estimator -> estimator", [CALIBRATED], _base_estimator_up,
         _base_estimator_down, params_added=["estimator"]),
    state_renamed("1.2", [CALIBRATED_PAIR], "base_estimator", "estimator"),
]

# Histogram gradient boosting: class weights, interaction constraints.
STEPS += [
    param_added("1.2", [HGB_CLASSIFIER], "class_weight", None),
    param_added("1.2", HIST_GRADIENT_BOOSTING, "interaction_cst", None),
]
