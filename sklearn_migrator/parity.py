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
            try:
                output = method(X) if method is not None else None
            except AttributeError:  # an old release's way to say "not available" (VotingClassifier's hard voting)
                continue
            if isinstance(output, list):  # one array per output of a multi-output classifier
                results.update(("%s[%d]" % (name, index), _dense(item)) for index, item in enumerate(output))
            elif output is not None:
                results[name] = _dense(output)
        if "transform" in results and _method(estimator, "inverse_transform") is not None:
            try:
                results["inverse_transform"] = _dense(estimator.inverse_transform(results["transform"]))
            except (ValueError, TypeError, NotImplementedError):  # configurations that have no inverse
                pass
        if _method(estimator, "kneighbors") is not None:
            distances, indices = estimator.kneighbors(X)
            results["kneighbors.distances"], results["kneighbors.indices"] = distances, indices
        for name in ATTRIBUTES:
            value = getattr(estimator, name, None)
            # (0.22-0.23 regression trees had a deprecated classes_ of [None]: not an output)
            if isinstance(value, np.ndarray) and not (value.dtype == object and all(v is None for v in value.flat)):
                results[name] = value
    return results


def _offered(estimator, output):
    """Whether ``estimator``'s class has the method (or attribute) an output comes from
    (``SimpleImputer.inverse_transform`` only exists from 1.0 on)."""
    name = output.split("[")[0].split(".")[0]
    return name in ATTRIBUTES or hasattr(type(estimator), name)


def _dense(output):
    """An output as a numpy array (sparse matrices, e.g. one-hot codes, made dense; DataFrames as arrays)."""
    return np.asarray(output.toarray() if hasattr(output, "toarray") else output)


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
_NB = ("joint log-likelihoods are normalised by scipy's logsumexp, whose implementation changed across scipy "
       "releases, and " + _LOG)

#: estimator class name -> why its float outputs may differ in the last bits across releases.
TOLERATED = {
    "DecisionTreeClassifier": _LOG,
    "RandomForestClassifier": _LOG,
    "ExtraTreesClassifier": "across 1.4 its trees' class counts become class fractions or back, which the older "
                            "predict_proba normalises by a division that may round differently; " + _LOG,
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
    "PowerTransformer": "Yeo-Johnson and Box-Cox apply numpy's power, log and exp, whose vectorised "
                        "implementations changed across numpy releases",
    "FunctionTransformer": "it applies a numpy ufunc (log1p, expm1, ...), whose vectorised implementation changed "
                           "across numpy releases",
    "PolynomialFeatures": "0.22 builds each degree's products from the previous degree's columns, where 0.20-0.21 "
                          "multiplied each combination's factors at once: the same products, rounded in another "
                          "order",
    "AdaBoostClassifier": "SAMME.R sums the log of member probabilities and probabilities go through exp "
                          "(normalised up to 0.21, softmax since 0.22), whose vectorised implementations changed "
                          "across numpy releases; " + _LOG,
    "BaggingClassifier": "averages its members' probabilities, computed as theirs are (trees: " + _LOG
                         + "; logistic regression: " + _BLAS + ")",
    "BaggingRegressor": "averages its members' predictions, computed as theirs are (linear models: " + _BLAS + ")",
    "IsolationForest": "scores go through the average path length of each leaf's samples, which applies numpy's "
                       "log, whose vectorised implementation changed across numpy releases",
    "NuSVC": "kernel values come from the libsvm build bundled with each release; " + _LOG,
    "NuSVR": "kernel values come from the libsvm build bundled with each release",
    "OneClassSVM": "kernel values come from the libsvm build bundled with each release",
    "LinearSVC": "decision values are " + _BLAS,
    "LinearSVR": "predictions are " + _BLAS,
    "GaussianNB": _NB + " (here sums of squared standardised deviations)",
    "MultinomialNB": _NB + " (here " + _BLAS + ")",
    "BernoulliNB": _NB + " (here " + _BLAS + ")",
    "ComplementNB": _NB + " (here " + _BLAS + ")",
    "CategoricalNB": _NB,
    "LinearDiscriminantAnalysis": "decision values and projections are " + _BLAS + "; expit, softmax and log "
                                  "changed implementation",
    "QuadraticDiscriminantAnalysis": "decision values are " + _BLAS + "; 1.6 normalises probabilities by a "
                                     "log-sum-exp instead of dividing exponentials; " + _LOG,
    "NearestCentroid": "discriminant scores (1.6+) are squared distances " + _BLAS,
    "DummyClassifier": _LOG,
}
# Issue 6: neighbours, mixtures, decompositions, Birch and Gaussian processes.
_NEIGHBOURS = ("neighbour distances are " + _BLAS + " (brute force), or from the rewritten pairwise-distance "
               "reductions of 1.1+")
_KERNEL = "kernel matrices come from scipy's cdist and numpy's vectorised exp, then " + _BLAS
TOLERATED.update({
    "RadiusNeighborsClassifier": _NEIGHBOURS,
    "RadiusNeighborsRegressor": _NEIGHBOURS,
    "NearestNeighbors": _NEIGHBOURS,
    "LocalOutlierFactor": _NEIGHBOURS + "; outlier scores are ratios of those distances",
    "GaussianMixture": "log-densities are " + _BLAS + "; probabilities go through numpy's exp and logsumexp",
    "BayesianGaussianMixture": "log-densities are " + _BLAS + "; probabilities go through numpy's exp, scipy's "
                               "digamma and logsumexp",
    "TruncatedSVD": "projections are " + _BLAS,
    "IncrementalPCA": "projections are " + _BLAS,
    "FactorAnalysis": "projections and log-likelihoods are " + _BLAS,
    "FastICA": "projections are " + _BLAS,
    "KernelPCA": "projections of " + _KERNEL,
    "LatentDirichletAllocation": "topic proportions are iterated from numpy's exp and scipy's digamma, whose "
                                 "implementations changed across releases, and " + _BLAS,
    "Birch": "distances to subcluster centroids are " + _BLAS + " (the Euclidean-distance routine was rewritten "
             "in 1.0)",
    "GaussianProcessRegressor": "predictions are products of " + _KERNEL,
    "GaussianProcessClassifier": "probabilities are products of " + _KERNEL + "; scipy's erf integrates them",
})
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
# Histogram gradient boosting: raw predictions are sums of leaf values, identical everywhere; what follows is not.
TOLERATED.update({
    "HistGradientBoostingClassifier": "multiclass probabilities go through a softmax written differently by the "
                                      "model's own losses (0.21-1.0) and sklearn._loss (1.1+), with numpy's exp, "
                                      "whose vectorised implementation changed across numpy releases",
    "HistGradientBoostingRegressor": "the Poisson and gamma losses predict the exp of the raw predictions, with "
                                     "numpy's exp, whose vectorised implementation changed across numpy releases",
})

# Issue 6: cross-validated classifiers and probability calibration (LogisticRegressionCV answers as
# LogisticRegression, its base class).
TOLERATED["RidgeClassifierCV"] = "decision values are " + _BLAS
TOLERATED["CalibratedClassifierCV"] = (
    "probabilities map its classifiers' decision values or probabilities (computed as theirs are) through the "
    "calibrators, and 0.22 computes the sigmoid calibration with scipy's expit where 0.20-0.21 computed "
    "1 / (1 + exp(.)) with numpy; " + _LOG)


def tolerance_reason(estimator):
    """Why ``estimator``'s float outputs may differ in the last bits, or None. ``estimator``
    is a class name, or a fitted estimator: a composite (a pipeline, a meta-estimator)
    is tolerated when one of its parts is, since its outputs are computed by them."""
    if isinstance(estimator, str):
        return TOLERATED.get(estimator)
    from .capture import capture
    from .registry import entry_for_name
    from .tree import iter_nodes

    for _, node in iter_nodes(capture(estimator)):
        for cls in entry_for_name(node.cls).resolve().__mro__:  # compat subclasses answer for their base
            if cls.__name__ in TOLERATED:
                return TOLERATED[cls.__name__]
    return None


def verdict(expected: dict, actual: dict, estimator):
    """Apply the parity rule: ``("exact" | "close" | "fail", details)``.

    Discrete outputs (labels, indices: any non-float dtype) must be equal
    exactly, always. Float outputs must be equal exactly, or within
    ``FLOAT_TOLERANCE`` when the estimator (a class name, or the fitted estimator,
    see :func:`tolerance_reason`) has a recorded reason in TOLERATED.
    ``details`` maps each output that is not exact to its max abs diff (None
    when shapes or dtypes are incomparable).
    """
    if not isinstance(estimator, str):  # outputs of methods the target release's class does not have
        expected = {name: value for name, value in expected.items() if _offered(estimator, name)}
    report = compare(expected, actual)
    details = {name: diff for name, (exact, diff) in report.items() if not exact}
    if not details:
        return "exact", {}
    reason = tolerance_reason(estimator)
    close = reason is not None and all(
        diff is not None and diff <= FLOAT_TOLERANCE and np.asarray(expected[name]).dtype.kind in "fc"
        for name, diff in details.items())
    return ("close" if close else "fail"), details
