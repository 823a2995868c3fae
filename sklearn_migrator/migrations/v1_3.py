"""scikit-learn 1.3 (June 2023)."""
import numpy as np

from ..registry import METRICS
from . import Step
from . import _adaboost as adaboost
from . import _search as search
from ._hist_gradient_boosting import relayout, retyped
from ._kinds import (class_renamed, constant, missing, param_added, param_removed, param_renamed, param_values, refuse,
                     state_added, unchanged, value_added)
from .families import (ARD, BAYES, FAST_ICA, FOREST_CLASSIFIERS, FOREST_REGRESSORS, GP_REGRESSOR, HGB_REGRESSOR,
                       IFORESTS, KERNEL_PCA, LIBLINEAR_SVM, ONE_HOT, ORDINAL, SEARCHES, SIMPLE_IMPUTER, TREE,
                       TREE_CLASSIFIERS, TREE_PREDICTOR, TREE_REGRESSORS)


def _nodes_up(node, migration, path):
    """1.3 added ``missing_go_to_left`` to the tree node struct. For a tree grown
    without missing values 1.3 sets it, on split nodes, to whether the left child holds
    more (weighted) samples than the right, so NaN follows the majority; leaves get 0."""
    nodes = node.state["nodes"]
    if "missing_go_to_left" in nodes.dtype.names:
        return
    from sklearn.tree._tree import NODE_DTYPE

    grown = np.zeros(nodes.shape, dtype=NODE_DTYPE)
    for name in nodes.dtype.names:
        grown[name] = nodes[name]
    left, right = nodes["left_child"], nodes["right_child"]
    inner = left != -1
    weights = nodes["weighted_n_node_samples"]
    grown["missing_go_to_left"][inner] = weights[left[inner]] > weights[right[inner]]
    node.state["nodes"] = grown


def _nodes_down(node, migration, path):
    nodes = node.state["nodes"]
    if "missing_go_to_left" not in nodes.dtype.names:
        return
    from sklearn.tree._tree import NODE_DTYPE

    shrunk = np.zeros(nodes.shape, dtype=NODE_DTYPE)
    for name in NODE_DTYPE.names:
        shrunk[name] = nodes[name]
    node.state["nodes"] = shrunk


def _max_features_auto(replacement):
    """1.3 removed ``max_features='auto'`` (deprecated in 1.1): it meant 'sqrt'
    for classifiers and all features (1.0) for regressors."""
    def apply(node, migration, path):
        if node.params.get("max_features") == "auto":
            node.params["max_features"] = replacement
    return apply


def _node_depths(nodes):
    """The depth of every node, the root's being 1 (``Tree.compute_node_depths``)."""
    left, right = nodes["left_child"], nodes["right_child"]
    depths = np.zeros(nodes.shape[0], dtype=np.int64)
    depths[:1] = 1
    for parent in np.flatnonzero(left != -1):  # trees are grown parent first
        depths[left[parent]] = depths[right[parent]] = depths[parent] + 1
    return depths


def _iforest_paths_up(node, migration, path):
    """1.3 made IsolationForest keep, per tree, every node's depth
    (``_decision_path_lengths``) and the average path length of its training samples
    (``_average_path_length_per_tree``), which ``score_samples`` reads instead of walking
    decision paths. Computed as 1.3's ``fit`` does, with the installed release's
    ``_average_path_length``."""
    from sklearn.ensemble._iforest import _average_path_length

    if "estimators_" not in node.state:
        return
    nodes = [member.state["tree_"].state["nodes"] for member in node.state["estimators_"]]
    node.state["_average_path_length_per_tree"] = tuple(_average_path_length(n["n_node_samples"]) for n in nodes)
    node.state["_decision_path_lengths"] = tuple(_node_depths(n) for n in nodes)


def _iforest_paths_down(node, migration, path):
    node.state.pop("_average_path_length_per_tree", None)
    node.state.pop("_decision_path_lengths", None)


STEPS = [
    Step("1.3", "tree nodes gained missing_go_to_left", [TREE], _nodes_up, _nodes_down),
    Step("1.3", "IsolationForest keeps node depths and path lengths", IFORESTS, _iforest_paths_up,
         _iforest_paths_down),
    # 1.3 made SAMME's votes symmetric (a member adds its weight to the class it predicts and removes a
    # (K - 1)-th of it from the others): decision_function and predict_proba change, predict does not.
    adaboost.changed("1.3", "AdaBoostClassifier SAMME votes symmetric", adaboost.VOTES, "weighted", "symmetric",
                     lambda node: node.params.get("algorithm") == "SAMME", "AdaBoostClassifier's SAMME votes"),
    Step("1.3", "max_features='auto' removed (classifiers)", TREE_CLASSIFIERS + FOREST_CLASSIFIERS,
         _max_features_auto("sqrt"), unchanged),
    Step("1.3", "max_features='auto' removed (regressors)", TREE_REGRESSORS + FOREST_REGRESSORS,
         _max_features_auto(1.0), unchanged),
    # 1.3 made liblinear SVMs' dual default 'warn' (behaving as True) and accepted 'auto'; both only
    # choose the optimisation problem, so older releases get True.
    Step("1.3", "LinearSVC/LinearSVR dual 'warn' and 'auto'", LIBLINEAR_SVM, unchanged,
         param_values("1.3", LIBLINEAR_SVM, "dual", {"warn": True, "auto": True}).up),
] + [
    # 1.3 split distance metrics into float64 and float32 classes.
    class_renamed("1.3", "sklearn.metrics._dist_metrics.%sDistance" % name,
                  "sklearn.metrics._dist_metrics.%sDistance64" % name)
    for name in METRICS
]

# Issue 6, the linear-model family.
STEPS += [
    param_renamed("1.3", BAYES, "n_iter", "max_iter", 300),
    state_added("1.3", [ARD], "n_iter_", missing),
]

# Composition and preprocessing.
STEPS += [
    param_added("1.3", [ONE_HOT], "feature_name_combiner", "concat", "it only names output features"),
    param_added("1.3", [ORDINAL], "min_frequency", None, changes="which categories are grouped as infrequent"),
    param_added("1.3", [ORDINAL], "max_categories", None, changes="which categories are grouped as infrequent"),
    state_added("1.3", [ORDINAL], "_infrequent_enabled", constant(False)),
    param_removed("1.3", [SIMPLE_IMPUTER], "verbose", "deprecated", "it never printed anything"),
]


#: Kernels whose ``gamma=None`` meant 1/n_features of their input before 1.3 (chi2: 1.0).
_GAMMA_BY_WIDTH = ("rbf", "laplacian", "poly", "polynomial", "sigmoid")
_GAMMA_KERNELS = _GAMMA_BY_WIDTH + ("chi2",)


def _kernel_gamma_up(node, migration, path):
    """1.3 fixes KernelPCA's kernel coefficient at fit time (``gamma_``; ``gamma=None``
    means 1/n_features). Before, None meant 1/width of each kernel's input, so
    ``inverse_transform`` (a kernel on the projections) used 1/n_components: a model
    with both widths cannot be expressed by one ``gamma_`` and is refused."""
    if "gamma_" in node.state:
        return
    gamma, kernel = node.params.get("gamma"), node.params.get("kernel")
    n_features = node.state["X_fit_"].shape[1]
    inverse = node.state.get("X_transformed_fit_")
    if gamma is None and kernel in _GAMMA_BY_WIDTH and node.params.get("fit_inverse_transform") \
            and inverse is not None and inverse.shape[1] != n_features:
        refuse(migration, path, "this KernelPCA's inverse_transform uses gamma=1/%d, its transform gamma=1/%d; "
                                "scikit-learn 1.3+ keeps one gamma_" % (inverse.shape[1], n_features),
               "Refit it with an explicit gamma, or keep it on scikit-learn before 1.3")
    node.state["gamma_"] = gamma if gamma is not None else (1.0 if kernel == "chi2" else 1.0 / n_features)


def _kernel_gamma_down(node, migration, path):
    """Older releases get the fitted coefficient as ``gamma`` itself, which they then use
    in both directions as 1.3+ does."""
    gamma = node.state.pop("gamma_", None)
    if node.params.get("gamma") is None and gamma is not None and node.params.get("kernel") in _GAMMA_KERNELS:
        node.params["gamma"] = gamma
        migration.note(path, "KernelPCA's gamma=None became gamma=%r, the coefficient it was fitted with" % gamma)

def _whiten_from_state(node, migration, path):
    """1.3 removed FastICA's whiten=True and 'warn' (default 'unit-variance') and reads
    ``whiten`` itself again instead of the resolved ``_whiten``."""
    whiten = node.state.pop("_whiten", node.params.get("whiten"))
    node.params["whiten"] = "arbitrary-variance" if whiten in (True, "warn") else whiten


def _whiten_to_state(node, migration, path):
    node.state["_whiten"] = node.params.get("whiten")

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    param_added("1.3", [GP_REGRESSOR], "n_targets", None),
    Step("1.3", "KernelPCA keeps its kernel coefficient gamma_", [KERNEL_PCA], _kernel_gamma_up, _kernel_gamma_down),
    Step("1.3", "FastICA whiten True and 'warn' removed", [FAST_ICA], _whiten_from_state, _whiten_to_state),
]

# Histogram gradient boosting: features indexed by intp, the gamma loss.
STEPS += [
    # (a patch release: 1.3.0's nodes still hold feature_idx as uint32)
    Step("1.3.1", "predictor nodes index features with intp", [TREE_PREDICTOR],
         relayout(retyped("feature_idx", np.dtype(np.intp).str)), relayout(retyped("feature_idx", "<u4"))),
    value_added("1.3", [HGB_REGRESSOR], "loss", ["gamma"], "the gamma loss"),
]

# Searches (issue 18): the passthrough scorer of scoring=None became an object.
STEPS += [
    Step("1.3", "scoring=None's scorer is a _PassthroughScorer", SEARCHES, search.passthrough_up,
         search.passthrough_down),
]
