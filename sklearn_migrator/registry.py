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

from . import trust
from .errors import CaptureError, UnsupportedEstimatorError
from .migrations.families import COMMON_LOSS_NAMES
from .objects.birch import BirchCodec
from .objects.cluster import validate_kmeans
from .objects.compiled import CompiledCodec
from .objects.containers import ContainerSubclassCodec, PlainContainerCodec
from .objects.ensemble import validate_bagging, validate_gradient_boosting, validate_tree_ensemble
from .objects.estimator import EstimatorCodec
from .objects.generator import GeneratorCodec
from .objects.hist_gradient_boosting import DERIVED_ATTRIBUTES, restore_scorer, validate_hist_gradient_boosting
from .objects.masked import MaskedArrayCodec
from .objects.neighbors import validate_binary_tree, validate_distance_metric, validate_neighbors
from .objects.partial import PartialCodec
from .objects.plain import PlainObjectCodec
from .objects.random_state import RandomStateCodec
from .objects.scalars import validate_kernel
from .objects.search import DEPRECATION_DICT, PassthroughScorerCodec, validate_scorer, validate_search
from .objects.sparse import INDEX_FIELDS, SparseCodec
from .objects.svm import validate_libsvm
from .objects.text import validate_dict_vectorizer, validate_tfidf_transformer, validate_vectorizer
from .objects.tree import validate_tree, validate_tree_estimator
from .tree import Global


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
                try:
                    cls = getattr(module, self.class_name, None)
                except ImportError:  # an experimental class not enabled (sklearn.model_selection's __getattr__)
                    continue
                if self._accepts(cls):
                    self._resolved, found = cls, True
                    break
            if not found:
                self._resolved = False
        return self._resolved or None


    @staticmethod
    def _accepts(found) -> bool:
        return isinstance(found, type)


class SparseArrayEntry(ClassEntry):
    """A scipy sparse array class (scipy 1.8+): where scipy lacks it, the matrix class of
    its format (``matrix``) is built instead."""

    __slots__ = ("matrix",)

    def __init__(self, name, modules, codec, aliases, matrix):
        super().__init__(name, modules, codec, aliases)
        self.matrix = matrix

    def resolve(self):
        return super().resolve() or self.matrix.resolve()


class GlobalEntry(ClassEntry):
    """One allowlisted type or function that may appear as a value (see
    :class:`~sklearn_migrator.tree.Global`)."""

    __slots__ = ()

    @staticmethod
    def _accepts(found) -> bool:
        return callable(found)


def _public(path: str, *private_modules: str) -> tuple:
    """An estimator importable as ``path``, living in ``private_modules`` over time."""
    module, name = path.rsplit(".", 1)
    return path, (module,) + private_modules, tuple("%s.%s" % (m, name) for m in private_modules)


def _located(module_names, names) -> list:
    """Classes without a public path: canonical = first module, others are history."""
    return [("%s.%s" % (module_names[0], name), tuple(module_names),
             tuple("%s.%s" % (m, name) for m in module_names[1:])) for name in names]


# The 21 estimators of the paper (top level: supported_models() lists them).
_PAPER = [
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
#: Canonical paths of the paper's 21 estimators.
PAPER_ESTIMATORS = tuple(path for path, _, _ in _PAPER)
_ESTIMATORS = list(_PAPER)

# Composition: estimators made of estimators (their parts are nodes in params and state).
_COMPOSITION = [
    _public("sklearn.pipeline.Pipeline"),
    _public("sklearn.pipeline.FeatureUnion"),
    _public("sklearn.compose.ColumnTransformer", "sklearn.compose._column_transformer"),
    _public("sklearn.compose.TransformedTargetRegressor", "sklearn.compose._target"),
    _public("sklearn.ensemble.VotingClassifier", "sklearn.ensemble._voting", "sklearn.ensemble.voting",
            "sklearn.ensemble.voting_classifier"),
    _public("sklearn.ensemble.VotingRegressor", "sklearn.ensemble._voting", "sklearn.ensemble.voting"),
    _public("sklearn.ensemble.StackingClassifier", "sklearn.ensemble._stacking"),
    _public("sklearn.ensemble.StackingRegressor", "sklearn.ensemble._stacking"),
    _public("sklearn.multiclass.OneVsRestClassifier"),
    _public("sklearn.multiclass.OneVsOneClassifier"),
    _public("sklearn.multioutput.MultiOutputRegressor"),
    _public("sklearn.multioutput.MultiOutputClassifier"),
]

# Preprocessing: transformers whose state is arrays and scalars.
_PREPROCESSING = [
    _public("sklearn.preprocessing." + name, "sklearn.preprocessing._data", "sklearn.preprocessing.data")
    for name in ("StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler", "Normalizer", "Binarizer",
                 "QuantileTransformer", "PowerTransformer")
] + [
    # 1.0 moved PolynomialFeatures to its own module.
    _public("sklearn.preprocessing.PolynomialFeatures", "sklearn.preprocessing._polynomial", "sklearn.preprocessing._data",
            "sklearn.preprocessing.data"),
    _public("sklearn.preprocessing.KBinsDiscretizer", "sklearn.preprocessing._discretization"),
    _public("sklearn.preprocessing.OneHotEncoder", "sklearn.preprocessing._encoders"),
    _public("sklearn.preprocessing.OrdinalEncoder", "sklearn.preprocessing._encoders"),
    _public("sklearn.preprocessing.LabelEncoder", "sklearn.preprocessing._label", "sklearn.preprocessing.label"),
    _public("sklearn.preprocessing.LabelBinarizer", "sklearn.preprocessing._label", "sklearn.preprocessing.label"),
    _public("sklearn.preprocessing.FunctionTransformer", "sklearn.preprocessing._function_transformer"),
    # sklearn.impute was one module until 0.21 made it a package.
    _public("sklearn.impute.SimpleImputer", "sklearn.impute._base"),
    _public("sklearn.impute.MissingIndicator", "sklearn.impute._base"),
    _public("sklearn.impute.KNNImputer", "sklearn.impute._knn"),
    _public("sklearn.feature_selection.VarianceThreshold", "sklearn.feature_selection._variance_threshold",
            "sklearn.feature_selection.variance_threshold"),
    _public("sklearn.feature_selection.SelectKBest", "sklearn.feature_selection._univariate_selection",
            "sklearn.feature_selection.univariate_selection"),
]

# Text and feature extraction (issue 18): vectorizers and hashers whose state is a vocabulary, idf
# weights (a sparse diagonal before 1.5) and stop words; a TfidfVectorizer holds a TfidfTransformer.
_TEXT = [_public("sklearn.feature_extraction.text." + name)
         for name in ("CountVectorizer", "TfidfVectorizer", "TfidfTransformer", "HashingVectorizer")] + [
    _public("sklearn.feature_extraction.DictVectorizer", "sklearn.feature_extraction._dict_vectorizer",
            "sklearn.feature_extraction.dict_vectorizer"),
    _public("sklearn.feature_extraction.FeatureHasher", "sklearn.feature_extraction._hash",
            "sklearn.feature_extraction.hashing"),
]

# Model selection (issue 18): searches predict with best_estimator_; their scorers and CV splitters
# are plain objects, their cv_results_ hold masked arrays. The successive-halving searches (0.24+)
# are importable from sklearn.model_selection only after enabling the experimental feature.
_SEARCHES = [_public("sklearn.model_selection." + name, "sklearn.model_selection._search")
             for name in ("GridSearchCV", "RandomizedSearchCV")] + [
    _public("sklearn.model_selection." + name, "sklearn.model_selection._search_successive_halving")
    for name in ("HalvingGridSearchCV", "HalvingRandomSearchCV")]
_SPLITTERS = [_public("sklearn.model_selection." + name, "sklearn.model_selection._split") for name in (
    "KFold", "StratifiedKFold", "GroupKFold", "StratifiedGroupKFold", "ShuffleSplit", "StratifiedShuffleSplit",
    "GroupShuffleSplit", "TimeSeriesSplit", "LeaveOneOut", "LeavePOut", "LeaveOneGroupOut", "LeavePGroupsOut",
    "PredefinedSplit")] + _located(("sklearn.model_selection._split",), ("_CVIterableWrapper",))
#: Scorers: make_scorer's classes until 1.4 (by the method they call), 1.4's one class, and 1.3's
#: passthrough to the estimator's own score (a function before 1.3, see _GLOBALS).
SCORERS = _located(("sklearn.metrics._scorer", "sklearn.metrics.scorer"), (
    "_PredictScorer", "_ProbaScorer", "_ThresholdScorer", "_Scorer"))

# Ensembles: extra trees, isolation forest, AdaBoost classifier, bagging.
_ENSEMBLE_ESTIMATORS = [
    _public("sklearn.ensemble.ExtraTreesClassifier", "sklearn.ensemble._forest", "sklearn.ensemble.forest"),
    _public("sklearn.ensemble.ExtraTreesRegressor", "sklearn.ensemble._forest", "sklearn.ensemble.forest"),
    _public("sklearn.ensemble.IsolationForest", "sklearn.ensemble._iforest", "sklearn.ensemble.iforest"),
    _public("sklearn.ensemble.AdaBoostClassifier", "sklearn.ensemble._weight_boosting",
            "sklearn.ensemble.weight_boosting"),
    _public("sklearn.ensemble.BaggingClassifier", "sklearn.ensemble._bagging", "sklearn.ensemble.bagging"),
    _public("sklearn.ensemble.BaggingRegressor", "sklearn.ensemble._bagging", "sklearn.ensemble.bagging"),
]
# Histogram gradient boosting (0.21+; importable from sklearn.ensemble only after enabling the
# experimental feature before 1.0, so also found in its private module).
_HGB = "sklearn.ensemble._hist_gradient_boosting."
_ENSEMBLE_ESTIMATORS += [_public("sklearn.ensemble." + name, _HGB + "gradient_boosting")
                         for name in ("HistGradientBoostingClassifier", "HistGradientBoostingRegressor")]
# Members of those ensembles.
_ENSEMBLE_NESTED = [
    _public("sklearn.tree.ExtraTreeClassifier", "sklearn.tree._classes", "sklearn.tree.tree"),
    _public("sklearn.tree.ExtraTreeRegressor", "sklearn.tree._classes", "sklearn.tree.tree"),
] + _located((_HGB + "binning",), ("_BinMapper",))

# Issue 6: neighbours, mixtures, decompositions, DBSCAN, Birch and Gaussian processes (top level). Birch's
# codec also constructs the _CFNode and _CFSubcluster objects of its CF tree, from the module Birch lives in.
_ESTIMATORS_UNSUPERVISED = [
    _public("sklearn.neighbors.RadiusNeighborsClassifier", "sklearn.neighbors._classification",
            "sklearn.neighbors.classification"),
    _public("sklearn.neighbors.RadiusNeighborsRegressor", "sklearn.neighbors._regression",
            "sklearn.neighbors.regression"),
    _public("sklearn.neighbors.NearestNeighbors", "sklearn.neighbors._unsupervised", "sklearn.neighbors.unsupervised"),
    _public("sklearn.neighbors.LocalOutlierFactor", "sklearn.neighbors._lof", "sklearn.neighbors.lof"),
    _public("sklearn.mixture.GaussianMixture", "sklearn.mixture._gaussian_mixture", "sklearn.mixture.gaussian_mixture"),
    _public("sklearn.mixture.BayesianGaussianMixture", "sklearn.mixture._bayesian_mixture",
            "sklearn.mixture.bayesian_mixture"),
    _public("sklearn.decomposition.TruncatedSVD", "sklearn.decomposition._truncated_svd",
            "sklearn.decomposition.truncated_svd"),
    _public("sklearn.decomposition.NMF", "sklearn.decomposition._nmf", "sklearn.decomposition.nmf"),
    _public("sklearn.decomposition.FastICA", "sklearn.decomposition._fastica", "sklearn.decomposition.fastica_"),
    _public("sklearn.decomposition.IncrementalPCA", "sklearn.decomposition._incremental_pca",
            "sklearn.decomposition.incremental_pca"),
    _public("sklearn.decomposition.KernelPCA", "sklearn.decomposition._kernel_pca", "sklearn.decomposition.kernel_pca"),
    _public("sklearn.decomposition.FactorAnalysis", "sklearn.decomposition._factor_analysis",
            "sklearn.decomposition.factor_analysis"),
    _public("sklearn.decomposition.LatentDirichletAllocation", "sklearn.decomposition._lda",
            "sklearn.decomposition.online_lda"),
    _public("sklearn.cluster.DBSCAN", "sklearn.cluster._dbscan", "sklearn.cluster.dbscan_"),
    _public("sklearn.cluster.Birch", "sklearn.cluster._birch", "sklearn.cluster.birch"),
    _public("sklearn.gaussian_process.GaussianProcessRegressor", "sklearn.gaussian_process._gpr",
            "sklearn.gaussian_process.gpr"),
    _public("sklearn.gaussian_process.GaussianProcessClassifier", "sklearn.gaussian_process._gpc",
            "sklearn.gaussian_process.gpc"),
]
# ... their nested estimators (a multiclass GaussianProcessClassifier holds a OneVsRest/OneVsOneClassifier,
# which is not allowlisted: such models are refused on export).
_NESTED_UNSUPERVISED = [
    _public("sklearn.preprocessing.KernelCenterer", "sklearn.preprocessing._data", "sklearn.preprocessing.data"),
] + _located(("sklearn.gaussian_process._gpc", "sklearn.gaussian_process.gpc"),
             ("_BinaryGaussianProcessClassifierLaplace",))
# ... and Gaussian-process kernels: plain objects holding hyperparameters (kernels as data, never code).
_KERNELS = _located(("sklearn.gaussian_process.kernels",), (
    "ConstantKernel", "WhiteKernel", "RBF", "Matern", "RationalQuadratic", "ExpSineSquared", "DotProduct",
    "PairwiseKernel", "Sum", "Product", "Exponentiation", "CompoundKernel"))

# Issue 6, estimators: libsvm/liblinear variants, naive Bayes, discriminant analysis, nearest
# centroid, dummies and isotonic regression (top level).
_SVM_NB_ESTIMATORS = [
    _public("sklearn.svm.%s" % name, "sklearn.svm._classes", "sklearn.svm.classes")
    for name in ("NuSVC", "NuSVR", "OneClassSVM", "LinearSVC", "LinearSVR")
] + [
    _public("sklearn.naive_bayes.%s" % name)
    for name in ("GaussianNB", "MultinomialNB", "BernoulliNB", "ComplementNB", "CategoricalNB")
] + [
    _public("sklearn.discriminant_analysis.LinearDiscriminantAnalysis"),
    _public("sklearn.discriminant_analysis.QuadraticDiscriminantAnalysis"),
    _public("sklearn.neighbors.NearestCentroid", "sklearn.neighbors._nearest_centroid",
            "sklearn.neighbors.nearest_centroid"),
    _public("sklearn.dummy.DummyClassifier"),
    _public("sklearn.dummy.DummyRegressor"),
    _public("sklearn.isotonic.IsotonicRegression"),
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
# Issue 6: cross-validated classifiers and probability calibration (top level); a calibrated
# classifier holds plain ``_CalibratedClassifier`` pairs of a fitted classifier and its calibrators
# (``_SigmoidCalibration``, IsotonicRegression, or from 1.8 ``_TemperatureScaling``).
_CV_CLASSIFIERS = [
    _public("sklearn.linear_model.LogisticRegressionCV", "sklearn.linear_model._logistic",
            "sklearn.linear_model.logistic"),
    _public("sklearn.linear_model.RidgeClassifierCV", "sklearn.linear_model._ridge", "sklearn.linear_model.ridge"),
    _public("sklearn.calibration.CalibratedClassifierCV"),
]
_ESTIMATORS += _CV_CLASSIFIERS
_CALIBRATORS = _located(("sklearn.calibration",), ("_SigmoidCalibration", "_TemperatureScaling"))
_CALIBRATED_PAIRS = _located(("sklearn.calibration",), ("_CalibratedClassifier",))
#: SGD's loss objects (``loss_function_``, ``_loss_function_`` since 1.4); from 1.6 the
#: log, squared and Huber losses are sklearn._loss' Cython losses (in ``_COMPILED``).
_SGD_LOSSES = _located(("sklearn.linear_model._sgd_fast", "sklearn.linear_model.sgd_fast"), (
    "Hinge", "SquaredHinge", "ModifiedHuber", "Log", "SquaredLoss", "Huber", "EpsilonInsensitive",
    "SquaredEpsilonInsensitive"))

# Checks of estimator state that compiled code relies on (see objects/).
_VALIDATORS = {
    **{path: validate_search for path, _, _ in _SEARCHES},
    "sklearn.tree.DecisionTreeClassifier": validate_tree_estimator,
    "sklearn.tree.DecisionTreeRegressor": validate_tree_estimator,
    "sklearn.ensemble.RandomForestClassifier": validate_tree_ensemble,
    "sklearn.ensemble.RandomForestRegressor": validate_tree_ensemble,
    "sklearn.ensemble.AdaBoostRegressor": validate_tree_ensemble,
    "sklearn.ensemble.ExtraTreesClassifier": validate_tree_ensemble,
    "sklearn.ensemble.ExtraTreesRegressor": validate_tree_ensemble,
    "sklearn.tree.ExtraTreeClassifier": validate_tree_estimator,
    "sklearn.tree.ExtraTreeRegressor": validate_tree_estimator,
    "sklearn.ensemble.IsolationForest": validate_bagging,
    "sklearn.ensemble.AdaBoostClassifier": validate_tree_ensemble,
    "sklearn.ensemble.BaggingClassifier": validate_bagging,
    "sklearn.ensemble.BaggingRegressor": validate_bagging,
    "sklearn.ensemble.GradientBoostingClassifier": validate_gradient_boosting,
    "sklearn.ensemble.HistGradientBoostingClassifier": validate_hist_gradient_boosting,
    "sklearn.ensemble.HistGradientBoostingRegressor": validate_hist_gradient_boosting,
    "sklearn.ensemble.GradientBoostingRegressor": validate_gradient_boosting,
    "sklearn.svm.SVC": validate_libsvm,
    "sklearn.svm.SVR": validate_libsvm,
    "sklearn.svm.NuSVC": validate_libsvm,
    "sklearn.svm.NuSVR": validate_libsvm,
    "sklearn.svm.OneClassSVM": validate_libsvm,
    "sklearn.cluster.KMeans": validate_kmeans,
    "sklearn.cluster.MiniBatchKMeans": validate_kmeans,
    "sklearn.neighbors.KNeighborsClassifier": validate_neighbors,
    "sklearn.neighbors.KNeighborsRegressor": validate_neighbors,
    "sklearn.neighbors.RadiusNeighborsClassifier": validate_neighbors,
    "sklearn.neighbors.RadiusNeighborsRegressor": validate_neighbors,
    "sklearn.neighbors.NearestNeighbors": validate_neighbors,
    "sklearn.neighbors.LocalOutlierFactor": validate_neighbors,
    "sklearn.feature_extraction.text.CountVectorizer": validate_vectorizer,
    "sklearn.feature_extraction.text.TfidfVectorizer": validate_vectorizer,
    "sklearn.feature_extraction.text.TfidfTransformer": validate_tfidf_transformer,
    "sklearn.feature_extraction.text.HashingVectorizer": validate_vectorizer,
    "sklearn.feature_extraction.DictVectorizer": validate_dict_vectorizer,
}


# Fitted attributes that follow from the params and are not data: (names, restore on build).
_DERIVED = {
    "sklearn.ensemble.HistGradientBoostingClassifier": (DERIVED_ATTRIBUTES, restore_scorer),
    "sklearn.ensemble.HistGradientBoostingRegressor": (DERIVED_ATTRIBUTES, restore_scorer),
}


# Parameters some releases forward to a held object instead of storing them: {param: attribute}.
_FORWARDED = {
    # TfidfVectorizer stores them since 1.1; before, properties read and set them on its TfidfTransformer.
    "sklearn.feature_extraction.text.TfidfVectorizer": {
        name: "_tfidf" for name in ("norm", "use_idf", "smooth_idf", "sublinear_tf")},
}


# Estimators whose state needs a codec of its own (a graph that is not a tree).
_CODECS = {"sklearn.cluster.Birch": BirchCodec()}


# List and dict subclasses held in fitted state.
#: The plain containers a file or document may hold its estimators in, by class path.
CONTAINER_CLASSES = ("builtins.dict", "builtins.list", "builtins.tuple")
_CONTAINERS = [
    _public("sklearn.utils.Bunch", "sklearn.utils._bunch"),
    # 0.20's searches' cv_results_, warning (FutureWarning) when a train score is read under
    # return_train_score='warn'.
    (DEPRECATION_DICT, ("sklearn.utils.deprecation",), ()),
]

# Subclasses that keep an output a target release computes differently (built by
# migration steps, exported again like the class they extend; see compat.py).
_COMPAT = {
    "SVCOneVsRest020": validate_libsvm,
    "GradientBoostingClassifierInit020": validate_gradient_boosting,
    "SVCOneVsRest021": validate_libsvm,
    "NuSVCOneVsRest020": validate_libsvm,
    "NuSVCOneVsRest021": validate_libsvm,
    "LinearDiscriminantAnalysisOneVsRest020": None,
    "LinearDiscriminantAnalysisSoftmax021": None,
    "NearestCentroidWithoutScores": None,
    "NearestCentroidScores16": None,
    "DummyClassifierIntegerProba020": None,
    "DummyClassifierFloatProba021": None,
    "LogisticRegressionOneVsRest": None,
    "LogisticRegressionBinaryMultinomial": None,
    "LogisticRegressionCVOneVsRest": None,
    "LogisticRegressionCVBinaryMultinomial": None,
    "IsolationForestOldBehaviour": validate_bagging,
    "AdaBoostClassifierSAMMER": validate_tree_ensemble,
    "AdaBoostClassifierSAMMEVotes": validate_tree_ensemble,
    "AdaBoostClassifierSAMMESymmetric": validate_tree_ensemble,
    "AdaBoostClassifierProba021": validate_tree_ensemble,
    "AdaBoostClassifierSAMMERProba021": validate_tree_ensemble,
    "AdaBoostClassifierSAMMEVotesProba021": validate_tree_ensemble,
    "AdaBoostClassifierProba022": validate_tree_ensemble,
    "AdaBoostClassifierSAMMESymmetricProba022": validate_tree_ensemble,
    "TruncatedSVDDot021": None,
    "TruncatedSVDMatmul022": None,
    "PolynomialFeaturesProducts021": None,
    "PolynomialFeaturesProducts022": None,
    "GaussianMixtureSpherical17": None,
    "GaussianMixtureSpherical18": None,
    "PowerTransformerYeoJohnson18": None,
    "PowerTransformerYeoJohnson19": None,
    "TfidfTransformerDiagonal14": validate_tfidf_transformer,
    "TfidfTransformerInPlace15": validate_tfidf_transformer,
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
    # Histogram gradient boosting's trees (checked by its validator) and its losses before sklearn._loss (0.21-1.0).
    + _located((_HGB + "predictor",), ("TreePredictor",))
    + _located((_HGB + "loss",), ("LeastSquares", "LeastAbsoluteDeviation", "Poisson", "BinaryCrossEntropy",
                                  "CategoricalCrossEntropy"))
    # The common loss module (1.1+), its links and intervals.
    + _located(("sklearn._loss.loss",), COMMON_LOSS_NAMES)
    + _located(("sklearn._loss.link",), (
        "Interval", "IdentityLink", "LogLink", "LogitLink", "HalfLogitLink", "MultinomialLogit"))
    + _located(("sklearn.neural_network._stochastic_optimizers",), ("SGDOptimizer", "AdamOptimizer"))
    # ColumnTransformer's callable column selector (0.22+), holding patterns and dtypes; the
    # UserList of remainder columns of 1.5-1.6 (its items in ``data``).
    + [_public("sklearn.compose.make_column_selector", "sklearn.compose._column_transformer")]
    + _located(("sklearn.compose._column_transformer",), ("_RemainderColsList",))
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

# scipy sparse matrices and arrays held in fitted state (see objects/sparse.py): scipy 1.8 moved the
# matrices from scipy.sparse.<format> to scipy.sparse._<format> and added the arrays, which lived in
# scipy.sparse._arrays until 1.11 moved them beside the matrices.
_SPARSE_MATRICES = [("scipy.sparse.%s_matrix" % fmt, ("scipy.sparse",),
                     ("scipy.sparse.%s.%s_matrix" % (fmt, fmt), "scipy.sparse._%s.%s_matrix" % (fmt, fmt)))
                    for fmt in INDEX_FIELDS]
_SPARSE_ARRAYS = [("scipy.sparse.%s_array" % fmt, ("scipy.sparse",),
                   ("scipy.sparse._arrays.%s_array" % fmt, "scipy.sparse._%s.%s_array" % (fmt, fmt)))
                  for fmt in INDEX_FIELDS]
#: Every name under which a pickle may reference a sparse matrix or array class.
SPARSE_ALIASES = frozenset(name for path, _, aliases in _SPARSE_MATRICES + _SPARSE_ARRAYS
                           for name in (path,) + aliases)

# Types and functions that may appear as parameter or attribute values, referenced by
# name (never pickled code): dtype parameters, score functions, FunctionTransformer's
# functions. numpy 2 names its bool scalar type ``numpy.bool``.
_NUMPY_TYPES = ("float16", "float32", "float64", "longdouble", "complex64", "complex128", "int8", "int16", "int32",
                "int64", "uint8", "uint16", "uint32", "uint64", "bool_", "object_", "str_", "bytes_",
                # abstract ones, as make_column_selector(dtype_include=np.number) takes them
                "generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact", "floating",
                "complexfloating")
#: numpy ufuncs a FunctionTransformer may apply (elementwise, no state, no side effects).
FUNCTION_TRANSFORMER_UFUNCS = (
    "absolute", "negative", "reciprocal", "sign", "sqrt", "cbrt", "square", "exp", "exp2", "expm1", "log", "log2",
    "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh",
    "arccosh", "arctanh", "floor", "ceil", "rint", "trunc")
_SCORE_FUNCTIONS = [
    _public("sklearn.feature_selection." + name, "sklearn.feature_selection._univariate_selection",
            "sklearn.feature_selection.univariate_selection")
    for name in ("chi2", "f_classif", "f_oneway", "f_regression", "r_regression")
] + [
    _public("sklearn.feature_selection." + name, "sklearn.feature_selection._mutual_info",
            "sklearn.feature_selection.mutual_info_")
    for name in ("mutual_info_classif", "mutual_info_regression")
]
# Metrics a scorer names (a scorer string's, or make_scorer's): 0.22 made their modules private.
_METRICS = [
    _public("sklearn.metrics." + name, "sklearn.metrics._" + module, "sklearn.metrics." + module)
    for module, names in (
        ("classification", ("accuracy_score", "balanced_accuracy_score", "brier_score_loss", "d2_brier_score",
                            "d2_log_loss_score", "f1_score", "fbeta_score", "jaccard_score", "log_loss",
                            "matthews_corrcoef", "precision_score", "recall_score", "hamming_loss", "zero_one_loss",
                            "hinge_loss", "cohen_kappa_score")),
        ("ranking", ("average_precision_score", "roc_auc_score", "top_k_accuracy_score")),
        ("regression", ("d2_absolute_error_score", "d2_pinball_score", "d2_tweedie_score", "explained_variance_score",
                        "max_error", "mean_absolute_error", "mean_absolute_percentage_error", "mean_gamma_deviance",
                        "mean_poisson_deviance", "mean_tweedie_deviance", "mean_pinball_loss", "mean_squared_error",
                        "mean_squared_log_error", "median_absolute_error", "r2_score", "root_mean_squared_error",
                        "root_mean_squared_log_error")))
    for name in names
] + [
    _public("sklearn.metrics." + name, "sklearn.metrics.cluster._supervised", "sklearn.metrics.cluster.supervised")
    for name in ("adjusted_mutual_info_score", "adjusted_rand_score", "completeness_score", "fowlkes_mallows_score",
                 "homogeneity_score", "mutual_info_score", "normalized_mutual_info_score", "rand_score",
                 "v_measure_score")
] + _located(("sklearn.metrics._scorer",), ("positive_likelihood_ratio", "negative_likelihood_ratio"))
_GLOBALS = (
    [("numpy." + name, ("numpy",), ("numpy.bool",) if name == "bool_" else ()) for name in _NUMPY_TYPES]
    + [("builtins." + name, ("builtins",), ("__builtin__." + name,)) for name in ("bool", "int", "float", "complex",
                                                                                  "str", "object")]
    + [("builtins.FutureWarning", ("builtins",), ("exceptions.FutureWarning",))]
    # (numpy pickles a ufunc by the name of its C module: numpy.core._multiarray_umath, numpy._core in 2.x)
    + [("numpy." + name, ("numpy",), tuple("%s._multiarray_umath.%s" % (core, name)
                                           for core in ("numpy.core", "numpy._core")))
       for name in FUNCTION_TRANSFORMER_UFUNCS]
    + _SCORE_FUNCTIONS
    + _METRICS
    # A search's scorer when scoring=None (a function until 1.3); the successive-halving searches' refit
    # (0.24, which stored this function in place of refit=True).
    + _located(("sklearn.metrics._scorer", "sklearn.metrics.scorer"), ("_passthrough_scorer",))
    + _located(("sklearn.model_selection._search_successive_halving",), ("_refit_callable",))
    # Input validation, which histogram gradient boosting's categorical preprocessing (1.4+) applies
    # to numeric columns through a partial.
    + [_public("sklearn.utils.check_array", "sklearn.utils.validation")]
)


def _build_entries() -> dict:
    entries = {}

    def add(spec, codec, top_level=False):
        name, modules, aliases = spec
        entries[name] = ClassEntry(name, modules, codec, aliases, top_level)

    for spec in _ESTIMATORS + _ENSEMBLE_ESTIMATORS + _ESTIMATORS_UNSUPERVISED + _SVM_NB_ESTIMATORS + _COMPOSITION + \
            _PREPROCESSING + _TEXT + _SEARCHES:
        codec = _CODECS.get(spec[0]) or EstimatorCodec(_VALIDATORS.get(spec[0]), _DERIVED.get(spec[0]),
                                                       _FORWARDED.get(spec[0]))
        add(spec, codec, top_level=True)
    for spec in _CONTAINERS:
        add(spec, ContainerSubclassCodec())
    for name in CONTAINER_CLASSES:  # what users pickle around their estimators: a whole file, never a field
        add((name, ("builtins",), ("__builtin__." + name.split(".")[1],)), PlainContainerCodec())
    for spec in _ENSEMBLE_NESTED + _NESTED_UNSUPERVISED + _CALIBRATORS:
        add(spec, EstimatorCodec(_VALIDATORS.get(spec[0])))
    for name, validator in _COMPAT.items():
        add(("sklearn_migrator.compat." + name, ("sklearn_migrator.compat",), ()), EstimatorCodec(validator))
    for spec in _PLAIN + _CALIBRATED_PAIRS + _SPLITTERS:
        add(spec, PlainObjectCodec())
    for spec in _KERNELS:
        add(spec, PlainObjectCodec(validate_kernel))
    for spec in SCORERS:
        add(spec, PlainObjectCodec(validate_scorer))
    add(("sklearn.metrics._scorer._PassthroughScorer", ("sklearn.metrics._scorer",), ()), PassthroughScorerCodec())
    add(("numpy.ma.MaskedArray", ("numpy.ma",), ("numpy.ma.core.MaskedArray",)), MaskedArrayCodec())
    for specs, validator in _COMPILED:
        for spec in specs:
            add(spec, CompiledCodec(validator))
    add(("numpy.random.Generator", ("numpy.random",), ("numpy.random._generator.Generator",
                                                      "numpy.random.generator.Generator",
                                                      "numpy.random._pickle.__generator_ctor")), GeneratorCodec())
    for (name, modules, aliases), (array, array_modules, array_aliases), fmt in zip(
            _SPARSE_MATRICES, _SPARSE_ARRAYS, INDEX_FIELDS):
        add((name, modules, aliases), SparseCodec(fmt))
        entries[array] = SparseArrayEntry(array, array_modules, SparseCodec(fmt), array_aliases, entries[name])
    add(("functools.partial", ("functools",), ()), PartialCodec())
    add(("numpy.random.RandomState", ("numpy.random",),
         ("numpy.random.mtrand.RandomState", "numpy.random._pickle.__randomstate_ctor",
          "numpy.random.__RandomState_ctor", "numpy.random.__init__.__RandomState_ctor")), RandomStateCodec())
    return entries


ENTRIES = _build_entries()
GLOBALS = {name: GlobalEntry(name, modules, None, aliases) for name, modules, aliases in _GLOBALS}
_GLOBAL_BY_ALIAS = {alias: entry for entry in GLOBALS.values() for alias in (entry.name,) + entry.aliases}
_GLOBAL_BY_ID = {}  # id(resolved object) -> entry, filled on first capture of a global
_BY_ALIAS = {alias: entry for entry in ENTRIES.values() for alias in (entry.name,) + entry.aliases}
_BY_CLASS = {}  # allowlisted classes met so far (a forest meets one class in every tree)


def entry_for_name(name: str, path: str = None) -> ClassEntry:
    """The entry of a canonical class path found in a document, or of a class the caller trusts."""
    entry = ENTRIES.get(name) if isinstance(name, str) else None
    if entry is None:
        entry = _trusted_class(name, path)
    if entry is None:
        raise UnsupportedEstimatorError("class %r is not on sklearn-migrator's allowlist" % (name,), path=path,
                                        hint=_UNSUPPORTED_HINT)
    return entry


def entry_for_alias(qualified: str, path: str = None) -> ClassEntry:
    """The entry of a class named in a pickle (any of its known module paths), or of a class
    the caller trusts."""
    entry = _BY_ALIAS.get(qualified) or _trusted_class(qualified, path)
    if entry is None:
        raise UnsupportedEstimatorError("class %s is not on sklearn-migrator's allowlist" % qualified, path=path,
                                        hint=_UNSUPPORTED_HINT)
    return entry


def entry_for_class(cls, path: str = None) -> ClassEntry:
    """The entry of a live object's class: the allowlisted class itself, or one the caller trusts."""
    entry = _BY_CLASS.get(cls)
    if entry is not None:
        return entry
    qualified = "%s.%s" % (getattr(cls, "__module__", "?"), getattr(cls, "__qualname__", cls.__name__))
    entry = _BY_ALIAS.get(qualified)
    if entry is None or entry.resolve() is not cls:
        trusted = trust.name_of(cls)
        if trusted is not None:
            return TrustedClassEntry(trusted, cls)
        raise UnsupportedEstimatorError(
            "objects of class %s cannot be exported (subclasses and classes outside scikit-learn's "
            "supported set are refused)" % qualified, path=path, hint=_UNSUPPORTED_HINT)
    _BY_CLASS[cls] = entry
    return entry


_UNSUPPORTED_HINT = ("sklearn_migrator.supported_models() lists the supported estimators; " + trust.CLASS_HINT)


def _trusted_class(name, path):
    """The entry of a class the caller named as trusted, or None."""
    if not isinstance(name, str) or not trust.is_trusted(name):
        return None
    return TrustedClassEntry(name, trust.resolve(name, path, kind="class"))


class TrustedClassEntry(ClassEntry):
    """A class of the user's own that the caller named as trusted (see :mod:`~sklearn_migrator.trust`):
    captured and built as scikit-learn's own estimators (``BaseEstimator`` subclasses, by their
    params and fitted state) or helper objects are, by its trusted name; no migration step names it."""

    __slots__ = ()

    def __init__(self, name, cls):
        estimator = any(base.__module__.split(".")[0] == "sklearn" and base.__name__ == "BaseEstimator"
                        for base in cls.__mro__)
        super().__init__(name, (), EstimatorCodec(check_params=False) if estimator else PlainObjectCodec())
        self._resolved = cls


class TrustedEntry:
    """A function the caller named as trusted (see :mod:`~sklearn_migrator.trust`)."""

    __slots__ = ("name", "path")

    def __init__(self, name, path=None):
        self.name, self.path = name, path

    def resolve(self):
        return trust.resolve(self.name, self.path)


def global_for_name(name: str, path: str = None):
    """The entry of a type or function named in a document or a pickle (canonical or historical
    path), or of a function the caller named as trusted."""
    entry = _GLOBAL_BY_ALIAS.get(name) if isinstance(name, str) else None
    if entry is None and isinstance(name, str) and trust.is_trusted(name):
        return TrustedEntry(name, path)
    if entry is None:
        raise UnsupportedEstimatorError("%r is not a type or function sklearn-migrator may reference" % (name,),
                                        path=path,
                                        hint="Only numpy scalar types, numpy ufuncs on the FunctionTransformer "
                                             "allowlist, scikit-learn score and metric functions and check_array are "
                                             "carried; " + trust.HINT)
    return entry


def global_reference(name: str):
    """A :class:`~sklearn_migrator.tree.Global` for an allowlisted type or function named
    in a pickle (canonical or historical path), or None."""
    entry = _GLOBAL_BY_ALIAS.get(name)
    return None if entry is None else Global(entry.name)


def global_for_object(obj, path: str = None) -> GlobalEntry:
    """The entry of a live type or function found in an estimator's state."""
    if not _GLOBAL_BY_ID:
        for entry in GLOBALS.values():
            resolved = entry.resolve()
            if resolved is not None:
                _GLOBAL_BY_ID.setdefault(id(resolved), entry)  # numpy.bool_ and numpy.bool are one object
    entry = _GLOBAL_BY_ID.get(id(obj))
    trusted = trust.name_of(obj) if entry is None else None
    if trusted is not None:
        return TrustedEntry(trusted, path)
    if entry is None:
        raise CaptureError("%s %r cannot be exported: only numpy scalar types, allowlisted numpy ufuncs, "
                           "scikit-learn score and metric functions and check_array are carried by name (arbitrary "
                           "code never is)" % (type(obj).__name__, getattr(obj, "__name__", obj)), path=path,
                           hint="Refit the estimator with a built-in setting in place of the function (a "
                                "vectorizer's tokenizer, preprocessor or analyzer: token_pattern, lowercase, "
                                "strip_accents, stop_words, analyzer='word', 'char' or 'char_wb'; a "
                                "FunctionTransformer's func: an allowlisted numpy ufunc; a search's scoring: a "
                                "scorer name, a list or dict of names, or make_scorer of a scikit-learn metric; "
                                "its refit: True, False or a metric's name); or, " + trust.HINT)
    return entry


def is_allowlisted(name: str) -> bool:
    """Whether a class or function path (canonical or historical) is read without ``trusted=``."""
    return name in _BY_ALIAS or name in _GLOBAL_BY_ALIAS


def supported_models() -> list:
    """Class names of the estimators that can be exported at top level, sorted."""
    return sorted(entry.class_name for entry in ENTRIES.values() if entry.top_level)


def supported_by_module() -> dict:
    """``{public module: [class names]}`` of the top-level estimators (what the README lists)."""
    grouped = {}
    for entry in ENTRIES.values():
        if entry.top_level:
            grouped.setdefault(entry.name.rsplit(".", 1)[0], []).append(entry.class_name)
    return {module: sorted(names) for module, names in sorted(grouped.items())}
