"""The allowlist: every class sklearn-migrator will capture, decode or build.

Nothing outside this table is ever imported or constructed. An entry names a
class by its *canonical path* (what documents store), the modules it may be
imported from in the installed scikit-learn (tried in order; scikit-learn moved
most classes into private modules in 0.22), further names under which the class
is recognised but never imported (historical or odd module paths found on live
classes and in pickles), and the codec that knows how to capture and rebuild
its instances (:mod:`sklearn_migrator.objects`).

Adding an estimator whose state is arrays and scalars is one line in
``_ESTIMATORS``; a compiled object needs a codec in ``objects/`` and one line
in ``_COMPILED``.
"""
from __future__ import annotations

import importlib

from .errors import UnsupportedEstimatorError
from .objects.cluster import validate_kmeans
from .objects.compiled import CompiledCodec
from .objects.ensemble import validate_gradient_boosting, validate_tree_ensemble
from .objects.estimator import EstimatorCodec
from .objects.neighbors import validate_binary_tree, validate_distance_metric
from .objects.plain import PlainObjectCodec
from .objects.random_state import RandomStateCodec
from .objects.svm import validate_libsvm
from .objects.tree import validate_tree, validate_tree_estimator


class ClassEntry:
    """One allowlisted class."""

    __slots__ = ("name", "modules", "aliases", "codec", "top_level", "_resolved")

    def __init__(self, name, modules, codec, aliases=(), top_level=False):
        self.name = name
        self.modules = tuple(modules)
        self.aliases = tuple(aliases)
        self.codec = codec
        self.top_level = top_level
        self._resolved = None

    @property
    def class_name(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def resolve(self):
        """The class in the installed environment, or None if this release lacks it."""
        if self._resolved is None:
            found = False
            for module_name in self.modules:
                try:
                    module = importlib.import_module(module_name)
                except ImportError:
                    continue
                cls = getattr(module, self.class_name, None)
                if isinstance(cls, type):
                    self._resolved, found = cls, True
                    break
            if not found:
                self._resolved = False
        return self._resolved or None


def _public(path: str, *private_modules: str) -> tuple:
    """An estimator importable as ``path``, living in ``private_modules`` over time."""
    module, name = path.rsplit(".", 1)
    return path, (module,) + private_modules, tuple("%s.%s" % (m, name) for m in private_modules)


def _located(module_names, names) -> list:
    """Classes without a public path: canonical = first module, others are history."""
    return [("%s.%s" % (module_names[0], name), tuple(module_names),
             tuple("%s.%s" % (m, name) for m in module_names[1:])) for name in names]


# The 21 estimators of the paper (top level: supported_models() lists them).
_ESTIMATORS = [
    _public("sklearn.tree.DecisionTreeClassifier", "sklearn.tree._classes", "sklearn.tree.tree"),
    _public("sklearn.tree.DecisionTreeRegressor", "sklearn.tree._classes", "sklearn.tree.tree"),
    _public("sklearn.ensemble.RandomForestClassifier", "sklearn.ensemble._forest", "sklearn.ensemble.forest"),
    _public("sklearn.ensemble.RandomForestRegressor", "sklearn.ensemble._forest", "sklearn.ensemble.forest"),
    _public("sklearn.ensemble.GradientBoostingClassifier", "sklearn.ensemble._gb", "sklearn.ensemble.gradient_boosting"),
    _public("sklearn.ensemble.GradientBoostingRegressor", "sklearn.ensemble._gb", "sklearn.ensemble.gradient_boosting"),
    _public("sklearn.ensemble.AdaBoostRegressor", "sklearn.ensemble._weight_boosting", "sklearn.ensemble.weight_boosting"),
    _public("sklearn.linear_model.LogisticRegression", "sklearn.linear_model._logistic", "sklearn.linear_model.logistic"),
    _public("sklearn.linear_model.LinearRegression", "sklearn.linear_model._base", "sklearn.linear_model.base"),
    _public("sklearn.linear_model.Ridge", "sklearn.linear_model._ridge", "sklearn.linear_model.ridge"),
    _public("sklearn.linear_model.Lasso", "sklearn.linear_model._coordinate_descent",
            "sklearn.linear_model.coordinate_descent"),
    _public("sklearn.neighbors.KNeighborsClassifier", "sklearn.neighbors._classification",
            "sklearn.neighbors.classification"),
    _public("sklearn.neighbors.KNeighborsRegressor", "sklearn.neighbors._regression", "sklearn.neighbors.regression"),
    _public("sklearn.svm.SVC", "sklearn.svm._classes", "sklearn.svm.classes"),
    _public("sklearn.svm.SVR", "sklearn.svm._classes", "sklearn.svm.classes"),
    _public("sklearn.neural_network.MLPClassifier", "sklearn.neural_network._multilayer_perceptron",
            "sklearn.neural_network.multilayer_perceptron"),
    _public("sklearn.neural_network.MLPRegressor", "sklearn.neural_network._multilayer_perceptron",
            "sklearn.neural_network.multilayer_perceptron"),
    # 0.22.0 named the private cluster modules _hierarchical and _k_means; 0.22.1 renamed them.
    _public("sklearn.cluster.AgglomerativeClustering", "sklearn.cluster._agglomerative", "sklearn.cluster._hierarchical",
            "sklearn.cluster.hierarchical"),
    _public("sklearn.cluster.KMeans", "sklearn.cluster._kmeans", "sklearn.cluster._k_means", "sklearn.cluster.k_means_"),
    _public("sklearn.cluster.MiniBatchKMeans", "sklearn.cluster._kmeans", "sklearn.cluster._k_means",
            "sklearn.cluster.k_means_"),
    _public("sklearn.decomposition.PCA", "sklearn.decomposition._pca", "sklearn.decomposition.pca"),
]

# Issue 6, the linear-model family: regularised, Bayesian, robust and cross-validated linear models.
_LM, _LM_OLD = "sklearn.linear_model._", "sklearn.linear_model."
_LINEAR_FAMILY = [
    _public("sklearn.linear_model." + name, _LM + module, _LM_OLD + module) for module, names in (
        ("coordinate_descent", ("ElasticNet", "LassoCV", "ElasticNetCV")),
        ("least_angle", ("Lars", "LassoLars")),
        ("bayes", ("BayesianRidge", "ARDRegression")),
        ("huber", ("HuberRegressor",)),
        ("ridge", ("RidgeClassifier", "RidgeCV")),
        ("stochastic_gradient", ("SGDClassifier", "SGDRegressor")),
        ("perceptron", ("Perceptron",)),
        ("passive_aggressive", ("PassiveAggressiveClassifier", "PassiveAggressiveRegressor")),
        ("quantile", ("QuantileRegressor",)),
    ) for name in names
]
_ESTIMATORS += _LINEAR_FAMILY + [
    _public("sklearn.linear_model." + name, "sklearn.linear_model._glm.glm", "sklearn.linear_model._glm")
    for name in ("PoissonRegressor", "GammaRegressor", "TweedieRegressor")]
#: SGD's loss objects (``loss_function_``, ``_loss_function_`` since 1.4); from 1.6 the
#: log, squared and Huber losses are sklearn._loss' Cython losses (in ``_COMPILED``).
_SGD_LOSSES = _located(("sklearn.linear_model._sgd_fast", "sklearn.linear_model.sgd_fast"), (
    "Hinge", "SquaredHinge", "ModifiedHuber", "Log", "SquaredLoss", "Huber", "EpsilonInsensitive",
    "SquaredEpsilonInsensitive"))

# Checks of estimator state that compiled code relies on (see objects/).
_VALIDATORS = {
    "sklearn.tree.DecisionTreeClassifier": validate_tree_estimator,
    "sklearn.tree.DecisionTreeRegressor": validate_tree_estimator,
    "sklearn.ensemble.RandomForestClassifier": validate_tree_ensemble,
    "sklearn.ensemble.RandomForestRegressor": validate_tree_ensemble,
    "sklearn.ensemble.AdaBoostRegressor": validate_tree_ensemble,
    "sklearn.ensemble.GradientBoostingClassifier": validate_gradient_boosting,
    "sklearn.ensemble.GradientBoostingRegressor": validate_gradient_boosting,
    "sklearn.svm.SVC": validate_libsvm,
    "sklearn.svm.SVR": validate_libsvm,
    "sklearn.cluster.KMeans": validate_kmeans,
    "sklearn.cluster.MiniBatchKMeans": validate_kmeans,
}

# Estimators that appear only nested inside the supported ones.
_NESTED_ESTIMATORS = [
    _public("sklearn.dummy.DummyClassifier"),
    _public("sklearn.dummy.DummyRegressor"),
    _public("sklearn.preprocessing.LabelBinarizer", "sklearn.preprocessing._label", "sklearn.preprocessing.label"),
]

# Subclasses that keep an output a target release computes differently (built by
# migration steps, exported again like the class they extend; see compat.py).
_COMPAT = {
    "SVCOneVsRest020": validate_libsvm,
    "SVCOneVsRest021": validate_libsvm,
    "LogisticRegressionOneVsRest": None,
    "LogisticRegressionBinaryMultinomial": None,
}

# Plain Python helper objects (rebuilt with __new__ and their __dict__).
_PLAIN = (
    # Gradient-boosting losses before sklearn._loss (0.21-1.3; in gradient_boosting.py in 0.20).
    _located(("sklearn.ensemble._gb_losses", "sklearn.ensemble.gradient_boosting"), (
        "LeastSquaresError", "LeastAbsoluteError", "HuberLossFunction", "QuantileLossFunction",
        "BinomialDeviance", "MultinomialDeviance", "ExponentialLoss"))
    # Initial estimators of gradient boosting in 0.20 (init_), replaced by DummyClassifier/Regressor in 0.21.
    + _located(("sklearn.ensemble.gradient_boosting",), (
        "QuantileEstimator", "MeanEstimator", "LogOddsEstimator", "ScaledLogOddsEstimator",
        "PriorProbabilityEstimator", "ZeroEstimator"))
    # The common loss module (1.1+), its links and intervals.
    + _located(("sklearn._loss.loss",), (
        "HalfSquaredError", "AbsoluteError", "PinballLoss", "HuberLoss", "HalfPoissonLoss", "HalfGammaLoss",
        "HalfTweedieLoss", "HalfTweedieLossIdentity", "HalfBinomialLoss", "HalfMultinomialLoss", "ExponentialLoss"))
    + _located(("sklearn._loss.link",), (
        "Interval", "IdentityLink", "LogLink", "LogitLink", "HalfLogitLink", "MultinomialLogit"))
    + _located(("sklearn.neural_network._stochastic_optimizers",), ("SGDOptimizer", "AdamOptimizer"))
    # Generalised linear models' distributions and links before sklearn._loss (0.23-1.0).
    + _located(("sklearn._loss.glm_distribution",), (
        "TweedieDistribution", "NormalDistribution", "PoissonDistribution", "GammaDistribution",
        "InverseGaussianDistribution"))
    + _located(("sklearn.linear_model._glm.link",), ("IdentityLink", "LogLink", "LogitLink"))
)

# Compiled (Cython) objects: (entries, validator of their state before construction).
_CY_LOSSES = ("CyHalfSquaredError", "CyAbsoluteError", "CyPinballLoss", "CyHuberLoss", "CyHalfPoissonLoss",
              "CyHalfGammaLoss", "CyHalfTweedieLoss", "CyHalfTweedieLossIdentity", "CyHalfBinomialLoss",
              "CyHalfMultinomialLoss", "CyExponentialLoss")
#: Distance metrics by family name (class ``<name>Distance``, ``<name>Distance64`` since 1.3).
METRICS = ("Euclidean", "SEuclidean", "Manhattan", "Chebyshev", "Minkowski", "WMinkowski", "Mahalanobis",
           "Hamming", "Canberra", "BrayCurtis", "Jaccard", "Matching", "Dice", "Kulsinski", "RogersTanimoto",
           "RussellRao", "SokalMichener", "SokalSneath", "Haversine")
_COMPILED = [
    (_located(("sklearn.tree._tree",), ("Tree",)), validate_tree),
    ([_public("sklearn.neighbors.KDTree", "sklearn.neighbors._kd_tree", "sklearn.neighbors.kd_tree"),
      _public("sklearn.neighbors.BallTree", "sklearn.neighbors._ball_tree", "sklearn.neighbors.ball_tree")],
     validate_binary_tree),
    # Distance metrics: sklearn.neighbors.dist_metrics (0.20-0.21) -> sklearn.neighbors._dist_metrics
    # (0.22-0.24) -> sklearn.metrics._dist_metrics (1.0+); 1.3 renamed them *64 (and added *32).
    (_located(("sklearn.metrics._dist_metrics", "sklearn.neighbors._dist_metrics", "sklearn.neighbors.dist_metrics"),
              [m + "Distance" for m in METRICS])
     + _located(("sklearn.metrics._dist_metrics",), [m + "Distance64" for m in METRICS]),
     validate_distance_metric),
    # Cython loss objects; scikit-learn 1.5-1.8 builds give them the module name "_loss".
    ([(path, modules, aliases + ("_loss." + path.rsplit(".", 1)[1],))
      for path, modules, aliases in _located(("sklearn._loss._loss",), _CY_LOSSES)], None),
    (_SGD_LOSSES, None),
    (_located(("sklearn._loss.glm_distribution",), ("DistributionBoundary",)), None),
]


def _build_entries() -> dict:
    entries = {}

    def add(spec, codec, top_level=False):
        name, modules, aliases = spec
        entries[name] = ClassEntry(name, modules, codec, aliases, top_level)

    for spec in _ESTIMATORS:
        add(spec, EstimatorCodec(_VALIDATORS.get(spec[0])), top_level=True)
    for spec in _NESTED_ESTIMATORS:
        add(spec, EstimatorCodec())
    for name, validator in _COMPAT.items():
        add(("sklearn_migrator.compat." + name, ("sklearn_migrator.compat",), ()), EstimatorCodec(validator))
    for spec in _PLAIN:
        add(spec, PlainObjectCodec())
    for specs, validator in _COMPILED:
        for spec in specs:
            add(spec, CompiledCodec(validator))
    add(("numpy.random.RandomState", ("numpy.random",),
         ("numpy.random.mtrand.RandomState", "numpy.random._pickle.__randomstate_ctor",
          "numpy.random.__RandomState_ctor", "numpy.random.__init__.__RandomState_ctor")), RandomStateCodec())
    return entries


ENTRIES = _build_entries()
_BY_ALIAS = {alias: entry for entry in ENTRIES.values() for alias in (entry.name,) + entry.aliases}
_BY_CLASS = {}  # allowlisted classes met so far (a forest meets one class in every tree)


def entry_for_name(name: str, path: str = None) -> ClassEntry:
    """The entry of a canonical class path found in a document."""
    entry = ENTRIES.get(name) if isinstance(name, str) else None
    if entry is None:
        raise UnsupportedEstimatorError("class %r is not on sklearn-migrator's allowlist" % (name,), path=path)
    return entry


def entry_for_alias(qualified: str, path: str = None) -> ClassEntry:
    """The entry of a class named in a pickle (any of its known module paths)."""
    entry = _BY_ALIAS.get(qualified)
    if entry is None:
        raise UnsupportedEstimatorError("class %s is not on sklearn-migrator's allowlist" % qualified, path=path)
    return entry


def entry_for_class(cls, path: str = None) -> ClassEntry:
    """The entry of a live object's class; the class must be the allowlisted one itself."""
    entry = _BY_CLASS.get(cls)
    if entry is not None:
        return entry
    qualified = "%s.%s" % (getattr(cls, "__module__", "?"), getattr(cls, "__qualname__", cls.__name__))
    entry = _BY_ALIAS.get(qualified)
    if entry is None or entry.resolve() is not cls:
        raise UnsupportedEstimatorError(
            "objects of class %s cannot be exported (subclasses and classes outside scikit-learn's "
            "supported set are refused)" % qualified, path=path)
    _BY_CLASS[cls] = entry
    return entry


def supported_models() -> list:
    """Class names of the estimators that can be exported at top level, sorted."""
    return sorted(entry.class_name for entry in ENTRIES.values() if entry.top_level)
