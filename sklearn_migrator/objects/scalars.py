"""The kinds and ranges of the scalar fields an estimator's own code relies on.

Arrays and compiled objects are checked by each class's validator; this module
checks the scalars beside them, in the state of every estimator (and the few
parameters whose range the release's own constraints leave open), before
anything is built:

* counts (``n_features_in_``, ``n_outputs_``, any ``n_*_`` attribute, ``max_features_``,
  ``_n_threads``...) are integers, not booleans, and not negative;
  a handful may be None (``n_iter_`` before a solver has iterated);
* the scalars predict reads as numbers (``intercept_``, ``offset_``, ``_gamma``,
  ``noise_variance_``...) are real numbers; flags (``outputs_2d_``, ``_sparse``...)
  are booleans; names that select code (``out_activation_``, ``_fit_method``,
  ``y_type_``...) are one of the values that code knows;
* a count that another field also states must agree with it: ``n_features_in_``
  with ``feature_names_in_`` and the width of the fitted arrays that hold one row
  or column per feature, ``n_classes_`` with ``classes_``, ``n_layers_`` with
  ``coefs_``, ``n_neighbors`` with the samples a neighbours model was fitted on
  (a tree's own counts and KMeans' centres are their classes' validators' to check).

A field not named here is not checked here (its class's validator may); the
table names what the fuzz of scalar fields over the zoo (tests/test_scalar_fuzz.py)
found the code to rely on, with what scikit-learn's code says each may hold.
"""
from __future__ import annotations

import re

import numpy as np

from ..errors import DocumentError
from ..tree import Node, join

_COUNT = re.compile(r"^n_[a-z0-9_]*_$")  # fitted counts by scikit-learn's naming: n_features_in_, n_iter_...
#: Counts that may also be None (no iteration yet; no bootstrap).
_COUNT_OR_NONE = frozenset(("n_iter_", "_n_samples_bootstrap"))
#: Estimators whose ``n_features_in_`` 0.23-0.24 set to None (they did not validate X).
_UNCOUNTED = ("sklearn.dummy.Dummy", "sklearn_migrator.compat.Dummy")
#: The placeholders releases gave a parameter's default while it was deprecated or changing; the
#: release's own rules (or the kinds of its defaults) judge them, not this module.
_PLACEHOLDERS = ("deprecated", "warn")
#: Counts named otherwise (private ones: those the estimators' code takes as integers).
_OTHER_COUNTS = frozenset(("max_features_", "_max_features", "_max_samples", "max_samples_", "_max_degree",
                           "_min_degree", "_max_components", "_batch_size", "batch_size_", "_n_features",
                           "_n_features_out", "_n_out_full", "_n_samples", "_n_samples_bootstrap", "_n_samples_orig",
                           "_n_since_last_reassign", "_n_threads", "_n_components", "_n_init"))
#: Fields that are real numbers (a count may be a real too: a weighted sample count).
_REALS = frozenset(("intercept_", "offset_", "_gamma", "noise_variance_", "a_", "b_", "beta_", "X_min_", "X_max_",
                    "epsilon", "nu", "C", "n_samples_seen_", "_tol", "inertia_", "alpha_", "lambda_", "scale_",
                    "_y_train_mean", "_y_train_std", "gamma_", "epsilon_", "loss_", "t_", "K_fit_all_",
                    "doc_topic_prior_", "topic_word_prior_", "_threshold_"))
_FLAGS = frozenset(("outputs_2d_", "sparse_output_", "_sparse", "_effective_probability", "_infrequent_enabled",
                    "_precomputed", "sparse_input_", "fixed_vocabulary_", "increasing_", "multimetric_",
                    "_use_validation_data", "do_early_stopping_", "_fitted_with_sw", "converged_", "output_2d_",
                    "_legacy_mode", "probability"))
#: Fields that are arrays or numpy floating-point scalars (their code reads ``.dtype``), never Python scalars.
_NUMPY_FLOATS = frozenset(("_baseline_prediction",))
#: Names that select code, with the values that code knows.
_CHOICES = {
    "out_activation_": ("identity", "logistic", "tanh", "relu", "softmax"),
    "_fit_method": ("brute", "kd_tree", "ball_tree"),
    "y_type_": ("binary", "multiclass", "multilabel-indicator", "continuous", "continuous-multioutput",
                "multiclass-multioutput", "unknown"),
    "_strategy": ("most_frequent", "prior", "stratified", "uniform", "constant", "mean", "median", "quantile"),
    "_categorical_features": ("all",),  # 0.20-0.21 OneHotEncoder (or an array of them)
}
#: Fields that are None or an object (never another scalar).
_NONE_OR_OBJECT = frozenset(("_preprocessor", "_drop_idx_after_grouping", "pairwise_indices_", "drop_idx_",
                             "indicator_", "_tree", "center_"))
#: Arrays whose last axis has one entry per input feature (a scaler's ``mean_`` and a naive Bayes's
#: per-class ``var_`` alike). KMeans' ``cluster_centers_`` and a tree's own counts are its class
#: validator's to check (``objects/cluster.validate_kmeans``, ``objects/tree.check_tree_inputs``).
_PER_FEATURE = ("coef_", "components_", "feature_names_in_", "mean_", "var_", "scale_",
                "statistics_", "theta_", "means_", "feature_log_prob_", "data_min_", "quantiles_")
_INTEGERS = (int, np.integer)
_REAL_TYPES = (int, float, np.integer, np.floating)
_SCALARS = (type(None), bool, int, float, str, np.generic)


def _problem(name, value, cls=""):
    """What is wrong with scalar ``value`` in field ``name`` of an object of class ``cls``, or None."""
    flag = isinstance(value, (bool, np.bool_))
    if name in _FLAGS:
        return None if flag else "expected a boolean"
    if name in _CHOICES:
        return None if isinstance(value, str) and value in _CHOICES[name] else (
            "expected one of %s" % ", ".join(map(repr, _CHOICES[name])))
    if name in _NONE_OR_OBJECT:
        return None if value is None else "expected None or an object"
    if name in _NUMPY_FLOATS:
        return None if isinstance(value, np.floating) else "expected an array or a numpy float"
    if name == "effective_metric_":
        known = _metrics()
        return None if isinstance(value, str) and (known is None or value in known) else (
            "expected a metric's name known to this release")
    if name in _REALS:
        if flag or not isinstance(value, _REAL_TYPES):
            return "expected a number"
        return "expected a count, not negative" if (_COUNT.match(name) and value < 0) else None
    if _COUNT.match(name) or name in _OTHER_COUNTS:
        if value is None and (name in _COUNT_OR_NONE or (name == "n_features_in_" and cls.startswith(_UNCOUNTED))):
            return None
        if flag or not isinstance(value, _INTEGERS):
            return "expected an integer count"
        return "expected a count, not negative" if value < 0 else None
    return None


def _metrics():
    """The metric names the installed release's neighbours models know (None if it does not say)."""
    for module in ("sklearn.neighbors._base", "sklearn.neighbors.base"):
        try:
            valid = __import__(module, fromlist=["VALID_METRICS"]).VALID_METRICS
        except (ImportError, AttributeError):
            continue
        return set().union(*map(set, valid.values())) | {"precomputed"}
    return None


def check_scalars(node, path):
    """Raise DocumentError for the first scalar of a node's state whose kind or range its
    code does not accept, or whose count another field contradicts."""
    for name, value in node.state.items():
        if isinstance(value, _SCALARS):
            problem = _problem(name, value, node.cls)
            if problem is not None:
                raise DocumentError("%s, found %s %r" % (problem, type(value).__name__, value), path=join(path, name),
                                    hint=_HINT)
    _check_counts(node, path)
    _check_params(node, path)


_HINT = "The document was edited or is corrupt; export it again from its source"


def _check_counts(node, path):
    state = node.state
    declared = state.get("n_features_in_")
    if isinstance(declared, _INTEGERS) and not isinstance(declared, bool):
        for name in _PER_FEATURE:
            array = state.get(name)
            if isinstance(array, np.ndarray) and array.ndim and array.size:
                _agree(declared, array.shape[-1], "n_features_in_", "%s's width" % name, path)
    classes, n_classes = state.get("classes_"), state.get("n_classes_")
    if isinstance(classes, np.ndarray) and classes.ndim == 1 and isinstance(n_classes, _INTEGERS):
        _agree(n_classes, len(classes), "n_classes_", "the number of classes_", path)
    coefs, layers = state.get("coefs_"), state.get("n_layers_")
    if isinstance(coefs, list) and isinstance(layers, _INTEGERS):
        _agree(layers, len(coefs) + 1, "n_layers_", "the layers coefs_ joins", path)


def _check_params(node, path):
    """Parameters the fitted state constrains further than the release's own rules do."""
    state, params = node.state, node.params
    if not params:
        return
    seed = params.get("random_state")
    if isinstance(seed, bool) or (isinstance(seed, _INTEGERS) and not 0 <= seed < 2 ** 32) or isinstance(
            seed, (float, str)):
        _bad_param("random_state", "expected None, a seed from 0 to 2**32 - 1 or a RandomState, found %r" % (seed,),
                   path)
    jobs = params.get("n_jobs")
    if jobs is not None and jobs not in _PLACEHOLDERS and (isinstance(jobs, bool) or not isinstance(jobs, _INTEGERS)):
        _bad_param("n_jobs", "expected None or an integer, found %r" % (jobs,), path)
    weights = params.get("transformer_weights")
    if "transformer_list" in params and weights is not None and not isinstance(weights, dict):
        _bad_param("transformer_weights", "expected None or a dict, found %r" % (weights,), path)
    if "_fit_method" in state:  # neighbours models
        neighbors, fitted = params.get("n_neighbors"), state.get("n_samples_fit_")
        if fitted is None and isinstance(state.get("_fit_X"), np.ndarray):  # (before 0.24: the training set's rows)
            fitted = state["_fit_X"].shape[0]
        if "radius" not in params or neighbors is not None:
            if isinstance(neighbors, bool) or not isinstance(neighbors, _INTEGERS) or (
                    isinstance(fitted, _INTEGERS) and not 1 <= neighbors <= max(fitted, 1)):
                _bad_param("n_neighbors", "expected a count of at most the %s samples fitted, found %r"
                           % (fitted, neighbors), path)
        if params.get("metric") == "minkowski" and "p" in params and params["p"] is None:
            _bad_param("p", "the minkowski metric needs p, found None", path)
    if "_gamma" in state:  # libsvm models: libsvm reads the degree as a C int
        degree = params.get("degree")
        if isinstance(degree, bool) or not isinstance(degree, _INTEGERS) or not 0 <= degree < 2 ** 31:
            _bad_param("degree", "expected an integer from 0 to 2**31 - 1, found %r" % (degree,), path)
        probabilities, probability = state.get("probA_", state.get("_probA")), params.get("probability")
        if "probability" in params and not isinstance(probability, bool) and probability != "deprecated":
            _bad_param("probability", "expected a boolean, found %r" % (probability,), path)
        if isinstance(probabilities, np.ndarray) and probability is True and not probabilities.size:
            _bad_param("probability", "probability is True, but the model was fitted without it (no probA_)", path)
    if "y_type_" in state and "neg_label" in params:  # LabelBinarizer
        neg, pos = params.get("neg_label"), params.get("pos_label")
        if not all(isinstance(v, _INTEGERS) and not isinstance(v, bool) for v in (neg, pos)) or not neg < pos:
            _bad_param("neg_label", "expected integers neg_label < pos_label, found %r and %r" % (neg, pos), path)
    if "radius" in params and "_fit_method" in state and "n_neighbors" not in params:  # radius neighbours
        radius = params["radius"]
        if isinstance(radius, bool) or not isinstance(radius, _REAL_TYPES) or not radius >= 0:
            _bad_param("radius", "expected a non-negative number, found %r" % (radius,), path)
    if "token_pattern" in params:  # the text vectorizers (their options are checked when a document is read)
        if params.get("analyzer") == "word" and params.get("tokenizer") is None \
                and not isinstance(params["token_pattern"], str):
            _bad_param("token_pattern", "the word analyzer needs a token_pattern or a tokenizer, found %r"
                       % (params["token_pattern"],), path)
        for name, known in (("strip_accents", ("ascii", "unicode")), ("stop_words", ("english",))):
            if isinstance(params.get(name), str) and params[name] not in known:
                _bad_param(name, "expected None, %s or a %s, found %r" % (
                    " or ".join(map(repr, known)), "callable" if name == "strip_accents" else "list of words",
                    params[name]), path)
    features = params.get("n_features")
    if "alternate_sign" in params and (isinstance(features, bool) or not isinstance(features, _INTEGERS)
                                       or features < 1):  # the hashers
        _bad_param("n_features", "expected a positive integer, found %r" % (features,), path)
    if "beta_loss" in params and "components_" in state:  # NMF: transform runs its solver with these
        fitted = state.get("_n_components", state.get("n_components_"))
        given = params.get("n_components")
        if isinstance(fitted, _INTEGERS) and not (
                isinstance(given, str) or (given is None and state.get("n_features_in_", fitted) == fitted) or (
                    isinstance(given, _INTEGERS) and not isinstance(given, bool) and given == fitted)):
            _bad_param("n_components", "the model was fitted with %r components, found %r" % (fitted, given), path)
        if params.get("solver") == "cd" and params["beta_loss"] not in ("frobenius", 2):
            _bad_param("beta_loss", "the 'cd' solver handles only the frobenius loss, found %r"
                       % (params["beta_loss"],), path)
        for name, minimum, kinds in (("alpha", 0, _REAL_TYPES), ("tol", 0, _REAL_TYPES), ("max_iter", 1, _INTEGERS)):
            value = params.get(name, minimum)
            if value in _PLACEHOLDERS:
                continue
            if isinstance(value, bool) or not isinstance(value, kinds) or not value >= minimum:
                _bad_param(name, "expected a number of at least %d, found %r" % (minimum, value), path)
    whiten = params.get("whiten")
    if "mixing_" in state and whiten not in (False, None) and "mean_" not in state:  # FastICA
        _bad_param("whiten", "whiten is %r, but the model was fitted without whitening (no mean_)" % (whiten,), path)
    if "best_index_" in state and params.get("refit") is not False and "best_estimator_" not in state \
            and "cv_results_" in state:
        _bad_param("refit", "refit is %r, but the search holds no best_estimator_" % (params.get("refit"),), path)
    estimators = state.get("estimators_")
    if "bootstrap" in params and "n_estimators" in params and isinstance(estimators, list):  # forests, bagging
        count = params["n_estimators"]
        if isinstance(count, bool) or not isinstance(count, _INTEGERS) or count != len(estimators):
            _bad_param("n_estimators", "the ensemble holds %d estimators, found %r" % (len(estimators), count), path)
    drop = params.get("drop")
    if "categories_" in state and "handle_unknown" in params and isinstance(drop, str) \
            and drop not in ("first", "if_binary"):  # OneHotEncoder
        _bad_param("drop", "expected None, 'first', 'if_binary' or the categories to drop, found %r" % (drop,), path)
    indicator = state.get("indicator_")  # the imputers make it with the default sparse='auto'
    if isinstance(indicator, Node) and isinstance(indicator.params, dict) and indicator.params.get("sparse") != "auto":
        raise DocumentError("an imputer's missing-value indicator is made with sparse='auto', found %r"
                            % (indicator.params.get("sparse"),), path=join(join(join(path, "indicator_"), "params"),
                                                                           "sparse"), hint=_HINT)
    scores, k = state.get("scores_"), params.get("k")
    if isinstance(scores, np.ndarray) and "k" in params and k != "all":
        if isinstance(k, bool) or not isinstance(k, _INTEGERS) or not 0 <= k <= scores.shape[-1]:
            _bad_param("k", "expected 'all' or a count of at most the %d features scored, found %r"
                       % (scores.shape[-1], k), path)


def _bad_param(name, message, path):
    raise DocumentError(message, path=join(join(path, "params"), name), hint=_HINT)


def _agree(value, expected, name, what, path):
    if isinstance(value, bool) or value != expected:
        raise DocumentError("%s is %r, but %s is %d" % (name, value, what, expected), path=join(path, name),
                            hint=_HINT)


#: A Gaussian-process kernel's fields that are not numeric hyperparameters.
_KERNEL_SETTINGS = frozenset(("metric", "pairwise_kernels_kwargs", "kernel", "k1", "k2", "kernels"))


def validate_kernel(node, path):
    """A Gaussian-process kernel's hyperparameters (length scales, ``nu``, ``alpha``...) are
    numbers (or arrays of them); ``nu`` and length scales are positive."""
    state = node.state
    if not isinstance(state, dict):
        return
    for name, value in state.items():
        if name in _KERNEL_SETTINGS or name.endswith("_bounds") or not isinstance(value, _SCALARS):
            continue
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, _REAL_TYPES):
            raise DocumentError("expected a number, found %s %r" % (type(value).__name__, value),
                                path=join(path, name), hint=_HINT)
        if name in ("nu", "length_scale") and not value > 0:
            raise DocumentError("expected a positive number, found %r" % (value,), path=join(path, name), hint=_HINT)
