"""scikit-learn 0.23 (May 2020)."""
from . import Step
from ._kinds import missing, n_features, param_added, state_added, state_renamed
from .families import KMEANS, LEAST_ANGLE, MINIBATCH_KMEANS, RIDGE_CV, SGD, SVM, WITH_N_FEATURES_IN


def _deprecated_params(defaults):
    """0.23 deprecated KMeans' ``n_jobs`` and ``precompute_distances``;
    both only affected speed."""
    def up(node, migration, path):
        for name in defaults:
            if name in node.params:
                node.params[name] = "deprecated"

    def down(node, migration, path):
        for name, default in defaults.items():
            if node.params.get(name) == "deprecated":
                node.params[name] = default
    return up, down


def _n_threads(node):
    from sklearn.utils._openmp_helpers import _openmp_effective_n_threads

    return _openmp_effective_n_threads()


def _kmeans_algorithm(node):
    return "full" if node.params.get("algorithm") == "full" else "elkan"


STEPS = [
    state_added("0.23", WITH_N_FEATURES_IN, "n_features_in_", n_features),
    Step("0.23", "k-means n_jobs/precompute_distances deprecated", [KMEANS],
         *_deprecated_params({"n_jobs": None, "precompute_distances": "auto"})),
    state_added("0.23", [KMEANS], "_n_threads", _n_threads),
    # 0.23.2 made fit store its validated settings, on MiniBatchKMeans too (0.23.0-0.23.1 kept
    # only KMeans._n_threads; found by the patch-release matrix).
    state_added("0.23.2", [MINIBATCH_KMEANS], "_n_threads", _n_threads),
    state_added("0.23.2", [KMEANS, MINIBATCH_KMEANS], "_n_init", lambda node: node.params["n_init"]),
    state_added("0.23.2", [KMEANS, MINIBATCH_KMEANS], "_tol", lambda node: node.params["tol"]),
    state_added("0.23.2", [KMEANS, MINIBATCH_KMEANS], "_algorithm", _kmeans_algorithm),
    state_added("0.23.2", [MINIBATCH_KMEANS], "_init_size", lambda node: node.state.get("init_size_")),
    state_renamed("0.23", SVM, "probA_", "_probA"),
    state_renamed("0.23", SVM, "probB_", "_probB"),
]

# Issue 6, the linear-model family.
STEPS += [
    param_added("0.23", LEAST_ANGLE, "jitter", None),
    param_added("0.23", LEAST_ANGLE, "random_state", None),
    state_added("0.23", [RIDGE_CV], "best_score_", missing),
] + [
    # 0.23 made the averaged-SGD attributes private.
    state_renamed("0.23", SGD, name + "_", "_" + name)
    for name in ("average_coef", "average_intercept", "standard_coef", "standard_intercept")
]
