"""scikit-learn 1.3 (June 2023)."""
import numpy as np

from . import Step
from ._kinds import class_renamed, missing, param_renamed, state_added, unchanged
from .families import ARD, BAYES, DT_CLASSIFIER, DT_REGRESSOR, FORESTS, TREE
from ..registry import METRICS


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


STEPS = [
    Step("1.3", "tree nodes gained missing_go_to_left", [TREE], _nodes_up, _nodes_down),
    Step("1.3", "max_features='auto' removed (classifiers)", [DT_CLASSIFIER, FORESTS[0]],
         _max_features_auto("sqrt"), unchanged),
    Step("1.3", "max_features='auto' removed (regressors)", [DT_REGRESSOR, FORESTS[1]],
         _max_features_auto(1.0), unchanged),
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
