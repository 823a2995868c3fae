"""scikit-learn 0.23 (May 2020)."""
from . import Step
from ._kinds import constant, n_features, state_added, state_renamed, unchanged
from .families import DUMMIES, ISOTONIC, KMEANS, MINIBATCH_KMEANS, SVM, WITH_N_FEATURES_IN


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


def _isotonic_training_data(node, migration, path):
    """0.23 stopped keeping IsotonicRegression's deduplicated training data (``_X_``,
    ``_y_``, kept until then for backward compatibility); predictions use only the
    interpolation points, so older releases do without."""
    node.state.pop("_X_", None)
    node.state.pop("_y_", None)


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
    # 0.23's validation set n_features_in_ to None on dummies (they accept any input).
    state_added("0.23", DUMMIES, "n_features_in_", constant(None)),
    Step("0.23", "IsotonicRegression training data dropped", [ISOTONIC], _isotonic_training_data, unchanged),
]
