"""Outputs of a fitted estimator, and the comparison that decides parity.

``outputs`` calls every public output method an estimator has on the same
input and collects the fitted results that clusterers expose as attributes,
so a rebuilt estimator can be compared with its original, method by method.
"""
from __future__ import annotations

import warnings

import numpy as np

METHODS = ("predict", "predict_proba", "predict_log_proba", "decision_function", "transform", "score_samples",
           "apply")
ATTRIBUTES = ("labels_", "cluster_centers_", "children_", "distances_", "classes_")


def outputs(estimator, X) -> dict:
    """``{name: array}`` for every output ``estimator`` offers on ``X``.

    ``X`` is copied first: an estimator may keep its training array itself
    (``_fit_X is X``), and scikit-learn shortcuts some computations when the
    query is that very object (exact zeros on the diagonal of
    ``euclidean_distances``), which no rebuilt or unpickled estimator can share.
    """
    X = X.copy()
    results = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in METHODS:
            method = _method(estimator, name)
            if method is not None:
                results[name] = np.asarray(method(X))
        if "transform" in results and _method(estimator, "inverse_transform") is not None:
            results["inverse_transform"] = np.asarray(estimator.inverse_transform(results["transform"]))
        if _method(estimator, "kneighbors") is not None:
            distances, indices = estimator.kneighbors(X)
            results["kneighbors.distances"], results["kneighbors.indices"] = distances, indices
        for name in ATTRIBUTES:
            value = getattr(estimator, name, None)
            # (0.22-0.23 regression trees had a deprecated classes_ of [None]: not an output)
            if isinstance(value, np.ndarray) and not (value.dtype == object and all(v is None for v in value.flat)):
                results[name] = value
    return results


def _method(estimator, name):
    try:
        return getattr(estimator, name, None)
    except AttributeError:  # methods hidden by available_if / property checks
        return None


def compare(expected: dict, actual: dict) -> dict:
    """``{name: (exact, max_abs_diff)}`` for every output of ``expected``; missing ones are not exact."""
    report = {}
    for name, want in expected.items():
        got = actual.get(name)
        if got is None or np.shape(got) != np.shape(want):
            report[name] = (False, None)
            continue
        want, got = np.asarray(want), np.asarray(got)
        exact = want.dtype == got.dtype and np.array_equal(want, got, equal_nan=want.dtype.kind in "fc")
        diff = None
        if want.dtype.kind in "fciu" and got.dtype.kind in "fciu" and want.size:
            diff = 0.0 if exact else _max_abs_diff(want.astype(np.float64), got.astype(np.float64))
        report[name] = (exact, diff)
    return report


def _max_abs_diff(want, got) -> float:
    """Largest |want - got|, where equal infinities and NaN against NaN count as 0
    and a NaN or infinity against anything else as infinite."""
    with np.errstate(invalid="ignore"):
        diff = np.abs(want - got)
    diff[(want == got) | (np.isnan(want) & np.isnan(got))] = 0.0
    diff[np.isnan(diff)] = np.inf
    return float(diff.max())


#: The parity rule's tolerance for floating-point outputs, used only for estimators
#: listed in TOLERATED (where the target release computes the same quantity with
#: different floating-point arithmetic); everything else must match exactly.
FLOAT_TOLERANCE = 1e-12

_BLAS = ("computed with numpy/BLAS matrix products whose rounding depends on the numpy and BLAS build of "
         "the environment (each scikit-learn release ships with a different numpy)")
_LOG = "predict_log_proba applies numpy's log, whose vectorised implementation changed across numpy releases"

#: estimator class name -> why its float outputs may differ in the last bits across releases.
TOLERATED = {
    "DecisionTreeClassifier": _LOG,
    "RandomForestClassifier": _LOG,
    "GradientBoostingClassifier": "probabilities go through expit/softmax, rewritten in Cython in 1.4 "
                                  "(sklearn._loss); across 0.21 and 1.4 the initial predictions are folded into the "
                                  "first stage's trees, a sum that rounds differently by a few ulps; " + _LOG,
    "GradientBoostingRegressor": "across 0.21 the initial prediction is folded into the first stage's trees, a "
                                 "sum that rounds differently by a few ulps",
    "LogisticRegression": "decision values are " + _BLAS + "; softmax and log changed implementation",
    "LinearRegression": "predictions are " + _BLAS,
    "Ridge": "predictions are " + _BLAS,
    "Lasso": "predictions are " + _BLAS,
    "MLPClassifier": "activations are " + _BLAS + "; softmax and log changed implementation",
    "MLPRegressor": "activations are " + _BLAS,
    "PCA": "projections are " + _BLAS,
    "KMeans": "distances to centers are " + _BLAS + " (the Euclidean-distance routine was rewritten in 1.0)",
    "MiniBatchKMeans": "distances to centers are " + _BLAS + " (the Euclidean-distance routine was rewritten "
                       "in 1.0)",
    "KNeighborsClassifier": "neighbour distances are " + _BLAS + " (brute force), or from the rewritten "
                            "pairwise-distance reductions of 1.1+",
    "KNeighborsRegressor": "neighbour distances are " + _BLAS + " (brute force), or from the rewritten "
                           "pairwise-distance reductions of 1.1+",
    "SVC": "kernel values come from the libsvm build bundled with each release; " + _LOG,
    "SVR": "kernel values come from the libsvm build bundled with each release",
}
# Issue 6, the linear-model family: outputs are X @ coef_ (+ intercept_).
TOLERATED.update((name, "predictions are " + _BLAS) for name in (
    "ElasticNet", "ElasticNetCV", "LassoCV", "Lars", "LassoLars", "BayesianRidge", "ARDRegression", "HuberRegressor",
    "RidgeCV"))
TOLERATED["RidgeClassifier"] = "decision values are " + _BLAS
TOLERATED["SGDClassifier"] = "decision values are " + _BLAS + "; " + _LOG
TOLERATED.update((name, "outputs are " + _BLAS) for name in (
    "SGDRegressor", "Perceptron", "PassiveAggressiveClassifier", "PassiveAggressiveRegressor"))
TOLERATED.update((name, "predictions are the inverse link (exp or identity) of X @ coef_ + intercept_, " + _BLAS)
                 for name in ("PoissonRegressor", "GammaRegressor", "TweedieRegressor"))


def verdict(expected: dict, actual: dict, estimator: str):
    """Apply the parity rule: ``("exact" | "close" | "fail", details)``.

    Discrete outputs (labels, indices: any non-float dtype) must be equal
    exactly, always. Float outputs must be equal exactly, or within
    ``FLOAT_TOLERANCE`` when the estimator has a recorded reason in TOLERATED.
    ``details`` maps each output that is not exact to its max abs diff (None
    when shapes or dtypes are incomparable).
    """
    report = compare(expected, actual)
    details = {name: diff for name, (exact, diff) in report.items() if not exact}
    if not details:
        return "exact", {}
    reason = TOLERATED.get(estimator)
    close = reason is not None and all(
        diff is not None and diff <= FLOAT_TOLERANCE and np.asarray(expected[name]).dtype.kind in "fc"
        for name, diff in details.items())
    return ("close" if close else "fail"), details
