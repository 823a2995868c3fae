"""Why an output may differ across releases: the reasons the parity rule accepts.

Each reason names the classes and the outputs it covers, the cause (which
routine, which upstream change, which library), the largest difference it
allows each output in ulps (:mod:`.ulps`), and when it applies:

- :class:`Stack`: the cause is in the arithmetic libraries (numpy's vectorised
  math, the BLAS it bundles, scipy); it applies only where source and target
  run different numpy or scipy versions;
- :class:`Crossing`: the cause is a change in scikit-learn's own code; it
  applies only where the pair of releases crosses the release that made it;
- :class:`Within`: the cause is a routine only some releases computed their way; it
  applies only where exactly one of the pair is among them;
- :class:`Members`: for composites, whose outputs are computed from their
  members' outputs; it applies only where one of the members was observed to
  differ as that member's own reason allows;
- :class:`Delegates`: for a composite whose output is one member's own output on
  the same input (a search's ``best_estimator_``); it applies only where that
  member's output was found to differ as its reason allows, by at least as much;
- :class:`Follows`: for an output computed from the estimator's own outputs
  (``score`` from ``predict``); it applies only where one of those differs as
  a reason allows.

Every reason is confirmed by the matrix: its report lists the cells each
covers and the largest distance seen (``docs/matrix/reasons.md``). A bound is
the largest distance the 15-release matrix has seen on the zoo's data,
or the test fixtures (recorded on an x86_64 AVX2 machine) have shown when
loaded on an AVX512F one, doubled and rounded up to a power of two (never less
than 2): outputs
computed through cancellation (a log-probability near 0, a projection near 0)
have large relative errors even when the absolute error is tiny, and their
bounds say so rather than hide it behind an absolute tolerance.
"""
from __future__ import annotations

from ..versions import has_release
from .outputs import SEARCH_CLASSES


class Stack:
    """Applies where the numeric stacks (numpy, scipy, CPU SIMD extensions) of source and target differ."""

    def applies(self, pair, context) -> bool:
        return not pair.same_stack

    def __str__(self):
        return "numpy, scipy or CPU differ"


class Crossing:
    """Applies where one of source and target has ``release`` and the other has not."""

    def __init__(self, release: str):
        self.release = release

    def applies(self, pair, context) -> bool:
        return has_release(pair.source, self.release) != has_release(pair.target, self.release)

    def __str__(self):
        return "across %s" % self.release


class Within:
    """Applies where exactly one of source and target is a release from ``first`` up to, not
    including, ``end`` (a routine only those releases computed their way)."""

    def __init__(self, first: str, end: str):
        self.first, self.end = first, end

    def applies(self, pair, context) -> bool:
        def inside(version):
            return has_release(version, self.first) and not has_release(version, self.end)
        return inside(pair.source) != inside(pair.target)

    def __str__(self):
        return "between %s-%s and another release" % (self.first, self.end)


class Members:
    """Applies where a member of the composite differs as its own reason allows."""

    def applies(self, pair, context) -> bool:
        return context.member_close()

    def __str__(self):
        return "a member differs as its reason allows"


class Delegates:
    """Applies where the composite's output is ``member``'s same output, found to differ as
    the member's reason allows and by at least as much."""

    def __init__(self, member):
        self.member = member

    def applies(self, pair, context) -> bool:
        return context.member_as_close(self.member)

    def __str__(self):
        return "%s's same output differs as much, as its reason allows" % self.member


class Follows:
    """Applies where one of the estimator's own ``outputs`` differs as a reason allows
    (``score`` is computed from ``predict``)."""

    def __init__(self, *outputs):
        self.outputs = outputs

    def applies(self, pair, context) -> bool:
        return context.own_close(self.outputs)

    def __str__(self):
        return "%s differs as its reason allows" % " or ".join(self.outputs)


class Reason:
    """Outputs of classes ``classes`` may differ ``when`` it applies, because of
    ``cause``, each by up to its bound in ``bounds`` (``{output: ulps}``)."""

    __slots__ = ("classes", "bounds", "when", "cause")

    def __init__(self, classes, bounds, when, cause):
        self.classes = (classes,) if isinstance(classes, str) else tuple(classes)
        self.bounds, self.when, self.cause = dict(bounds), when, cause

    def bound(self, cls, output):
        """The bound this reason allows ``output`` (``predict_proba[1]`` counts as
        ``predict_proba``) of class ``cls``, or None if it does not name them."""
        return self.bounds.get(output.split("[")[0]) if cls in self.classes else None

    def applies(self, pair, context) -> bool:
        return self.when.applies(pair, context)


STACK, MEMBERS = Stack(), Members()
_REGRESSORS = (
    "ARDRegression", "AdaBoostRegressor", "BaggingRegressor", "BayesianRidge", "DecisionTreeRegressor",
    "DummyRegressor",
    "ElasticNet", "ElasticNetCV", "ExtraTreesRegressor", "GammaRegressor", "GaussianProcessRegressor",
    "GradientBoostingRegressor", "HistGradientBoostingRegressor", "HuberRegressor", "IsotonicRegression",
    "KNeighborsRegressor", "Lars", "Lasso", "LassoCV", "LassoLars", "LinearRegression", "LinearSVR", "MLPRegressor",
    "MultiOutputRegressor", "NuSVR", "PassiveAggressiveRegressor", "PoissonRegressor", "QuantileRegressor",
    "RadiusNeighborsRegressor", "RandomForestRegressor", "Ridge", "RidgeCV", "SGDRegressor", "SVR",
    "StackingRegressor", "TransformedTargetRegressor", "TweedieRegressor", "VotingRegressor")


_BLAS = ("computed with numpy's matrix products, which call the BLAS (OpenBLAS) build bundled with each numpy "
         "release; another build blocks and sums the products in another order")
_EXP = ("numpy's vectorised exp and log, whose SIMD implementations changed across numpy releases and are picked "
        "by CPU at run time")
_LINEAR = "X @ coef_ + intercept_ is " + _BLAS
_DISTANCES = ("squared Euclidean distances are ||x||^2 - 2 x.c + ||c||^2 with x.c " + _BLAS
              + " (and, from 1.1, the pairwise-distance reductions of sklearn.metrics._pairwise_distances_reduction)")
_PROBA = "probabilities and log-probabilities go through " + _EXP
_NB = ("joint log-likelihoods (" + _BLAS + ") are normalised by a log-sum-exp through " + _EXP
       + "; in log space a probability near 1 has a log-probability near 0, whose relative error is large")
_PROJECTION = ("projections X @ components_.T are " + _BLAS + "; a coordinate near 0 is the difference of large "
               "terms, so its relative error is large")
_LIBSVM = ("scikit-learn's libsvm computes its kernels' dot products with the BLAS ddot of the OpenBLAS bundled "
           "with scipy, whose kernel is picked by CPU (the AVX512 one sums in another order); a decision value near 0 "
           "is the difference of large terms, so its relative error is large")
_KERNEL = "kernel matrices come from scipy's cdist and numpy's exp, then products " + _BLAS
_TREE_FRACTIONS = ("1.4 stores class fractions in classification trees' values, where older releases stored "
                   "weighted counts that predict_proba normalises by a division rounding differently "
                   "(scikit-learn PR #27639); log-probabilities also go through " + _EXP)
def _each(when, cause, bounds_by_class):
    return [Reason(cls, bounds, when, cause) for cls, bounds in sorted(bounds_by_class.items())]


#: The reasons, in the order they are tried.
REASONS = (
    # Arithmetic libraries: apply only between different numpy/scipy versions.
    _each(STACK, _LINEAR, {
        "ARDRegression": {"predict": 16}, "BayesianRidge": {"predict": 128},
        "ElasticNet": {"predict": 16}, "ElasticNetCV": {"predict": 16}, "HuberRegressor": {"predict": 128},
        "Lars": {"predict": 8}, "Lasso": {"predict": 8}, "LassoCV": {"predict": 16},
        "LassoLars": {"predict": 32}, "LinearRegression": {"predict": 128}, "LinearSVR": {"predict": 32},
        "PassiveAggressiveRegressor": {"predict": 1024}, "Ridge": {"predict": 16},
        "RidgeCV": {"predict": 16}, "SGDRegressor": {"predict": 16},
        "LinearSVC": {"decision_function": 32}, "PassiveAggressiveClassifier": {"decision_function": 128},
        "Perceptron": {"decision_function": 512}, "RidgeClassifier": {"decision_function": 64},
        "RidgeClassifierCV": {"decision_function": 64}})
    + _each(STACK, _LINEAR + "; the inverse link (exp) is " + _EXP, {
        "GammaRegressor": {"predict": 4, "score": 16}, "PoissonRegressor": {"predict": 4, "score": 16},
        "TweedieRegressor": {"predict": 8, "score": 8}})
    + _each(STACK, "decision values are " + _LINEAR + "; " + _PROBA, {
        "LogisticRegression": {"decision_function": 512, "predict_proba": 64, "predict_log_proba": 512},
        "LogisticRegressionCV": {"decision_function": 64, "predict_proba": 64, "predict_log_proba": 16384},
        "SGDClassifier": {"decision_function": 32, "predict_proba": 32, "predict_log_proba": 256}})
    + _each(STACK, "decision values are " + _BLAS + "; " + _PROBA + " (QDA from 1.6 normalises by a log-sum-exp)", {
        "LinearDiscriminantAnalysis": {"decision_function": 1024, "predict_proba": 256, "predict_log_proba": 512,
                                       "transform": 16},
        "QuadraticDiscriminantAnalysis": {"decision_function": 16, "predict_proba": 256,
                                          "predict_log_proba": 134217728}})
    + _each(STACK, "activations are " + _BLAS + "; softmax and logistic outputs go through " + _EXP, {
        "MLPClassifier": {"predict_proba": 512, "predict_log_proba": 128}, "MLPRegressor": {"predict": 16}})
    + _each(STACK, _LIBSVM + "; probabilities (Platt scaling) go through " + _EXP, {
        "NuSVC": {"decision_function": 2048, "predict_proba": 256, "predict_log_proba": 512},
        "NuSVR": {"predict": 8192},
        "OneClassSVM": {"decision_function": 2 ** 25, "score_samples": 2 ** 23},
        "SVC": {"decision_function": 4096, "predict_proba": 1024, "predict_log_proba": 1024},
        "SVR": {"predict": 65536}})
    + _each(STACK, _NB, {
        "BernoulliNB": {"predict_proba": 16, "predict_log_proba": 128},
        "CategoricalNB": {"predict_proba": 32, "predict_log_proba": 64},
        "ComplementNB": {"predict_proba": 8, "predict_log_proba": 8},
        "GaussianNB": {"predict_proba": 32, "predict_log_proba": 65536},
        "MultinomialNB": {"predict_proba": 32, "predict_log_proba": 64}})
    + _each(STACK, _PROJECTION, {
        "IncrementalPCA": {"transform": 2048, "inverse_transform": 512},
        "PCA": {"transform": 2048, "inverse_transform": 1024, "score_samples": 4, "score": 2},
        "TruncatedSVD": {"transform": 128, "inverse_transform": 512},
        "KernelPCA": {"transform": 262144, "inverse_transform": 8192}})
    + _each(STACK, _DISTANCES, {
        "Birch": {"transform": 16}, "KMeans": {"transform": 4, "score": 8},
        "MiniBatchKMeans": {"transform": 4, "score": 8},
        "KNeighborsClassifier": {"kneighbors.distances": 16},
        "KNeighborsRegressor": {"kneighbors.distances": 16},
        "NearestNeighbors": {"kneighbors.distances": 64},
        "LocalOutlierFactor": {"kneighbors.distances": 16, "decision_function": 64, "score_samples": 2},
        "NearestCentroid": {"decision_function": 64, "predict_proba": 256, "predict_log_proba": 64}})
    + _each(STACK, "log-densities are " + _BLAS + "; probabilities go through " + _EXP + " and scipy's digamma", {
        "GaussianMixture": {"predict_proba": 256, "score_samples": 4, "score": 2},
        "BayesianGaussianMixture": {"predict_proba": 256, "score_samples": 16, "score": 8},
        "LatentDirichletAllocation": {"transform": 32, "score": 4}})
    + _each(STACK, _KERNEL + "; the classifier integrates them with scipy's erf", {
        "GaussianProcessRegressor": {"predict": 16384},
        "GaussianProcessClassifier": {"predict_proba": 65536}})
    + _each(STACK, "the functions it applies are numpy's vectorised math (the zoo's: log1p and expm1, " + _EXP + ")", {
        "FunctionTransformer": {"transform": 2, "inverse_transform": 8},
        "TransformedTargetRegressor": {"predict": 2}})
    + _each(STACK, "sublinear_tf takes " + _EXP + " of the counts; rows are normalised by their norms", {
        "TfidfTransformer": {"transform": 4}, "TfidfVectorizer": {"transform": 4}})
    + _each(STACK, "anomaly scores are 2 ** (-mean depth / c(n)), c(n) computed with " + _EXP, {
        "IsolationForest": {"decision_function": 1024, "score_samples": 2}})
    + _each(STACK, "members predict on the composite's column subsets X[:, features] with " + _BLAS + "; seen only "
                   "on an AVX512F CPU, across numpy 1.23/1.24, while each member's outputs on the recorded subsets "
                   "agree (the subsets handed to the members inside predict take another BLAS path)", {
        "BaggingClassifier": {"decision_function": 16, "predict_proba": 8, "predict_log_proba": 8},
        "BaggingRegressor": {"predict": 16}})
    + _each(STACK, "class priors' logarithms are " + _EXP, {
        "DummyClassifier": {"predict_log_proba": 2}})
    + _each(STACK, "Yeo-Johnson applies " + _EXP + " and numpy's power", {
        "PowerTransformer": {"transform": 256, "inverse_transform": 128}})
    + _each(STACK, "leaf values are summed stage by stage (identical everywhere); the loss maps raw predictions "
                   "through " + _EXP + " (sklearn._loss's Cython softmax from 1.4)", {
        "GradientBoostingClassifier": {"decision_function": 256, "predict_proba": 16, "predict_log_proba": 64}})
    + _each(STACK, "SAMME.R sums the log of member probabilities and maps it through " + _EXP, {
        "AdaBoostClassifier": {"decision_function": 32, "predict_proba": 16, "predict_log_proba": 16}})
    + _each(STACK, _TREE_FRACTIONS, {
        "DecisionTreeClassifier": {"predict_proba": 2, "predict_log_proba": 8},
        "ExtraTreesClassifier": {"predict_proba": 8, "predict_log_proba": 32},
        "RandomForestClassifier": {"predict_proba": 8, "predict_log_proba": 32}})
    + _each(STACK, "multiclass probabilities go through a softmax written by the model's own losses (0.21-1.0) "
                   "and by sklearn._loss (1.1+), with " + _EXP, {
        "HistGradientBoostingClassifier": {"predict_proba": 16}})
    + _each(STACK, "the loss's inverse link (exp for the Poisson, gamma and Tweedie losses) is " + _EXP, {
        "HistGradientBoostingRegressor": {"predict": 2}})
    # Composites: apply only where a member, observed on the input the composite handed it, differs as its
    # own reason allows; their outputs are computed from the members' and pass the difference on.
    + _each(MEMBERS, "computed from its members' outputs, which differ as their own reasons allow", {
        "BaggingClassifier": {"decision_function": 16, "predict_proba": 8, "predict_log_proba": 32},
        "CalibratedClassifierCV": {"predict_proba": 512},
        "FeatureUnion": {"transform": 1024},
        "MultiOutputRegressor": {"predict": 16},
        "OneVsRestClassifier": {"decision_function": 512, "predict_proba": 32},
        "Pipeline": {"decision_function": 64, "predict_proba": 32, "predict_log_proba": 64},
        "StackingClassifier": {"decision_function": 64, "predict_proba": 8, "transform": 4},
        "StackingRegressor": {"predict": 8, "transform": 8, "score": 2},
        "TransformedTargetRegressor": {"predict": 16, "score": 8},
        "VotingClassifier": {"predict_proba": 4, "transform": 8},
        "VotingRegressor": {"predict": 64, "transform": 8}})
    # A search predicts, transforms and scores with its best estimator on the same input: its outputs are the
    # member's, bound by the distance the member's own reason allowed.
    + [Reason(SEARCH_CLASSES,
              {output: float("inf") for output in ("predict", "predict_proba", "predict_log_proba",
                                                   "decision_function", "transform", "inverse_transform",
                                                   "score_samples", "score", "score.multioutput")},
              Delegates("best_estimator_"), "a search's output is its best_estimator_'s on the same input")]
    # scikit-learn's code: apply only across the release that changed it.
    + _each(Crossing("0.21"), "0.21 computes the sigmoid calibration with scipy's expit where 0.20 computed "
                              "1 / (1 + np.exp(.)) (scikit-learn PR #12909); they differ where numpy's exp takes "
                              "its AVX512F path", {
        "CalibratedClassifierCV": {"predict_proba": 4}})
    + [Reason([name for name in _REGRESSORS if name != "MultiOutputRegressor"],  # which always averaged uniformly
              {"score": 4, "score.multioutput": float("inf")}, Crossing("0.23"),
              "0.23 made RegressorMixin.score average the outputs' R^2 uniformly where it weighted them by variance "
              "(scikit-learn PR #13157): for one output (s v) / v rounds s by an ulp; for several it is another "
              "number, not compared across 0.23")]
    + _each(Within("0.21", "0.22"), "0.21's sparse manhattan_distances sums the absolute differences of a "
                                     "densified row with the BLAS dasum of scipy's OpenBLAS "
                                     "(sklearn.utils._cython_blas, new in 0.21), whose kernel is picked by CPU; "
                                     "0.20's bundled reference BLAS and 0.22's loop over the stored values "
                                     "(scikit-learn PR #15049) add in index order. The OpenBLAS order cannot be "
                                     "reproduced elsewhere", {
        "KNeighborsRegressor": {"kneighbors.distances": 4}})
    + _each(Crossing("0.21"), "0.21 moved KMeans' compiled label assignment from scikit-learn's bundled "
                              "reference BLAS to scipy's OpenBLAS (sklearn.utils._cython_blas), whose ddot of the "
                              "centers' squared norms is picked by CPU and sums in another order", {
        "KMeans": {"score": 4}})
    + _each(Crossing("0.23"), "0.23 rewrote KMeans' Lloyd and Elkan iterations and its inertia in chunked Cython "
                              "(scikit-learn PR #11950), summing the inertia in another order", {
        "KMeans": {"score": 4}})
    # Outputs computed from the estimator's own: apply only where those differ as a reason allows.
    + [Reason(_REGRESSORS, {"score": 128, "score.multioutput": 16}, Follows("predict"),
              "R^2 of predictions that differ as the class's own reason allows")]
    + [Reason(SEARCH_CLASSES, {"score": 128}, Follows("predict", "predict_proba", "decision_function"),
              "the scorer's metric of its best estimator's predictions, which differ as their reason allows")]
)
