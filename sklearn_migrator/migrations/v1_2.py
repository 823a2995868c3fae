"""scikit-learn 1.2 (December 2022)."""
import numpy as np

from . import Step
from ._kinds import constant, copy_of, param_added, param_removed, state_added, state_removed, state_renamed, unchanged
from ._unsupervised import absent
from .families import (ADABOOST, AGGLOMERATIVE, BAGGING, COLUMN_TRANSFORMER, DISCRETE_NB, FAST_ICA, FORESTS, IFORESTS,
                       KNN_IMPUTER, LASSO, LINEAR_REGRESSION, MLP, NMF, ONE_HOT, PCA, RIDGE, SIMPLE_IMPUTER, STACKING,
                       SVRS)


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
    param_removed("1.2", [LASSO, LINEAR_REGRESSION, RIDGE], "normalize", False,
                  "the fitted coefficients already include it"),
    state_removed("1.2", [RIDGE], "_normalize", constant(False)),
    state_removed("1.2", [PCA], "n_features_", copy_of("n_features_in_")),
    state_added("1.2", MLP, "best_validation_score_", constant(None)),
    state_added("1.2", MLP, "validation_scores_", constant(None)),
    state_removed("1.2", SVRS, "class_weight_", constant(np.empty(0))),
    # 1.2 added force_alpha to discrete naive Bayes ('warn' behaving as False until 1.4).
    param_added("1.2", DISCRETE_NB, "force_alpha", "warn", "the fitted probabilities already include it"),
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
] + [state_removed("1.2", [NMF], name, absent) for name in ("_l1_reg_W", "_l1_reg_H", "_l2_reg_W", "_l2_reg_H")]
