"""Canonical class paths grouped by the families that upstream changes touch together."""

DT_CLASSIFIER = "sklearn.tree.DecisionTreeClassifier"
DT_REGRESSOR = "sklearn.tree.DecisionTreeRegressor"
DECISION_TREES = [DT_CLASSIFIER, DT_REGRESSOR]
#: The randomised trees of ExtraTrees and IsolationForest: a decision tree's params and state, but
#: ``presort`` was an attribute, not a parameter (0.20-0.23).
EXTRA_TREES = ["sklearn.tree.ExtraTreeClassifier", "sklearn.tree.ExtraTreeRegressor"]
TREE_CLASSIFIERS = [DT_CLASSIFIER, EXTRA_TREES[0]]
TREE_REGRESSORS = [DT_REGRESSOR, EXTRA_TREES[1]]
TREES = DECISION_TREES + EXTRA_TREES
FOREST_CLASSIFIERS = ["sklearn.ensemble.RandomForestClassifier", "sklearn.ensemble.ExtraTreesClassifier"]
FOREST_REGRESSORS = ["sklearn.ensemble.RandomForestRegressor", "sklearn.ensemble.ExtraTreesRegressor"]
FORESTS = FOREST_CLASSIFIERS + FOREST_REGRESSORS
GB_CLASSIFIER = "sklearn.ensemble.GradientBoostingClassifier"
GB_REGRESSOR = "sklearn.ensemble.GradientBoostingRegressor"
#: GradientBoostingClassifier from 0.20 rebuilt for 0.21+: initial raw scores are init_.predict(X), as in 0.20.
GB_CLASSIFIER_INIT_020 = "sklearn_migrator.compat.GradientBoostingClassifierInit020"
GB_CLASSIFIERS = [GB_CLASSIFIER, GB_CLASSIFIER_INIT_020]
GRADIENT_BOOSTING = GB_CLASSIFIERS + [GB_REGRESSOR]
ADABOOST_CLASSIFIER = "sklearn.ensemble.AdaBoostClassifier"
#: AdaBoostClassifier and the compat subclasses it is rebuilt as where the target computes an output
#: differently, by (votes, probabilities). Votes: "samme.r" (SAMME.R's, dropped in 1.6), "weighted" (SAMME's
#: of 0.22-1.2, in 1.3+), "symmetric" (SAMME's of 1.3+, in 0.20-1.2). Probabilities: "0.21" (from the members'
#: scores, before 0.22, in 0.22+), "0.22" (from the decision function, in 0.20-0.21). None: the target's own.
ADABOOST_KINDS = {
    (None, None): ADABOOST_CLASSIFIER,
    ("samme.r", None): "sklearn_migrator.compat.AdaBoostClassifierSAMMER",
    ("weighted", None): "sklearn_migrator.compat.AdaBoostClassifierSAMMEVotes",
    ("symmetric", None): "sklearn_migrator.compat.AdaBoostClassifierSAMMESymmetric",
    (None, "0.21"): "sklearn_migrator.compat.AdaBoostClassifierProba021",
    ("samme.r", "0.21"): "sklearn_migrator.compat.AdaBoostClassifierSAMMERProba021",
    ("weighted", "0.21"): "sklearn_migrator.compat.AdaBoostClassifierSAMMEVotesProba021",
    (None, "0.22"): "sklearn_migrator.compat.AdaBoostClassifierProba022",
    ("symmetric", "0.22"): "sklearn_migrator.compat.AdaBoostClassifierSAMMESymmetricProba022",
}
ADABOOST_CLASSIFIERS = list(ADABOOST_KINDS.values())
ADABOOST = ["sklearn.ensemble.AdaBoostRegressor"] + ADABOOST_CLASSIFIERS
IFOREST = "sklearn.ensemble.IsolationForest"
#: IsolationForest fitted with behaviour='old' (0.20-0.21), rebuilt for 0.22+ (which removed it).
IFOREST_OLD = "sklearn_migrator.compat.IsolationForestOldBehaviour"
IFORESTS = [IFOREST, IFOREST_OLD]
BAGGING = ["sklearn.ensemble.BaggingClassifier", "sklearn.ensemble.BaggingRegressor"]
#: Subclasses of BaseBagging.
BAGGING_ENSEMBLES = IFORESTS + BAGGING
TREE_MODELS = TREES + FORESTS + GRADIENT_BOOSTING
LOGISTIC = "sklearn.linear_model.LogisticRegression"
#: LogisticRegressions rebuilt for 1.8+ (which removed multi_class): multiclass one-vs-rest, binary multinomial.
LOGISTIC_OVR = "sklearn_migrator.compat.LogisticRegressionOneVsRest"
LOGISTIC_BINARY_MULTINOMIAL = "sklearn_migrator.compat.LogisticRegressionBinaryMultinomial"
LINEAR_REGRESSION = "sklearn.linear_model.LinearRegression"
RIDGE = "sklearn.linear_model.Ridge"
LASSO = "sklearn.linear_model.Lasso"
LINEAR = [LOGISTIC, LINEAR_REGRESSION, RIDGE, LASSO]
KNN = ["sklearn.neighbors.KNeighborsClassifier", "sklearn.neighbors.KNeighborsRegressor"]
SVC, SVR = "sklearn.svm.SVC", "sklearn.svm.SVR"
NU_SVC, NU_SVR, ONE_CLASS_SVM = "sklearn.svm.NuSVC", "sklearn.svm.NuSVR", "sklearn.svm.OneClassSVM"
#: SVC rebuilt with the one-vs-rest decision function of 0.20 (in 0.21+) or of 0.21+ (in 0.20).
SVC_OVR_020, SVC_OVR_021 = "sklearn_migrator.compat.SVCOneVsRest020", "sklearn_migrator.compat.SVCOneVsRest021"
NU_SVC_OVR_020 = "sklearn_migrator.compat.NuSVCOneVsRest020"
NU_SVC_OVR_021 = "sklearn_migrator.compat.NuSVCOneVsRest021"
#: Every class holding a libsvm classifier's state (SVC and NuSVC share BaseSVC): steps that touch SVC touch them all.
SVCS = [SVC, SVC_OVR_020, SVC_OVR_021, NU_SVC, NU_SVC_OVR_020, NU_SVC_OVR_021]
#: libsvm models without classes (regression and one-class), whose state changed with SVR's.
SVRS = [SVR, NU_SVR, ONE_CLASS_SVM]
SVM = SVCS + SVRS
#: liblinear's support vector machines (pure numpy predictions).
LIBLINEAR_SVM = ["sklearn.svm.LinearSVC", "sklearn.svm.LinearSVR"]
GAUSSIAN_NB, CATEGORICAL_NB = "sklearn.naive_bayes.GaussianNB", "sklearn.naive_bayes.CategoricalNB"
#: Naive Bayes models of discrete features (_BaseDiscreteNB); CategoricalNB joined them in 0.22.
COUNT_NB = ["sklearn.naive_bayes.MultinomialNB", "sklearn.naive_bayes.BernoulliNB", "sklearn.naive_bayes.ComplementNB"]
DISCRETE_NB = COUNT_NB + [CATEGORICAL_NB]
LDA = "sklearn.discriminant_analysis.LinearDiscriminantAnalysis"
QDA = "sklearn.discriminant_analysis.QuadraticDiscriminantAnalysis"
#: LDA rebuilt with the multiclass predict_proba of 0.20 (in 0.21+) or of 0.21+ (in 0.20).
LDA_OVR_020 = "sklearn_migrator.compat.LinearDiscriminantAnalysisOneVsRest020"
LDA_SOFTMAX_021 = "sklearn_migrator.compat.LinearDiscriminantAnalysisSoftmax021"
LDAS = [LDA, LDA_OVR_020, LDA_SOFTMAX_021]
NEAREST_CENTROID = "sklearn.neighbors.NearestCentroid"
#: NearestCentroid from before 1.6 in 1.6+ (no scores), and from 1.6+ before 1.6 (with 1.6's scores).
NEAREST_CENTROID_UNSCORED = "sklearn_migrator.compat.NearestCentroidWithoutScores"
NEAREST_CENTROID_SCORES16 = "sklearn_migrator.compat.NearestCentroidScores16"
NEAREST_CENTROIDS = [NEAREST_CENTROID, NEAREST_CENTROID_UNSCORED, NEAREST_CENTROID_SCORES16]
ISOTONIC = "sklearn.isotonic.IsotonicRegression"
MLP = ["sklearn.neural_network.MLPClassifier", "sklearn.neural_network.MLPRegressor"]
AGGLOMERATIVE = "sklearn.cluster.AgglomerativeClustering"
KMEANS, MINIBATCH_KMEANS = "sklearn.cluster.KMeans", "sklearn.cluster.MiniBatchKMeans"
PCA = "sklearn.decomposition.PCA"
DUMMY_CLASSIFIER, DUMMY_REGRESSOR = "sklearn.dummy.DummyClassifier", "sklearn.dummy.DummyRegressor"
#: DummyClassifier rebuilt with the 'stratified' predict_proba dtype of 0.20 (in 0.21+) or of 0.21+ (in 0.20).
DUMMY_CLASSIFIER_INT_020 = "sklearn_migrator.compat.DummyClassifierIntegerProba020"
DUMMY_CLASSIFIER_FLOAT_021 = "sklearn_migrator.compat.DummyClassifierFloatProba021"
DUMMY_CLASSIFIERS = [DUMMY_CLASSIFIER, DUMMY_CLASSIFIER_INT_020, DUMMY_CLASSIFIER_FLOAT_021]
DUMMIES = DUMMY_CLASSIFIERS + [DUMMY_REGRESSOR]
TREE = "sklearn.tree._tree.Tree"
# Issue 6, the linear-model family.
ELASTIC_NET = "sklearn.linear_model.ElasticNet"
LASSO_CV, ELASTIC_NET_CV = "sklearn.linear_model.LassoCV", "sklearn.linear_model.ElasticNetCV"
COORDINATE_DESCENT_CV = [LASSO_CV, ELASTIC_NET_CV]
LARS, LASSO_LARS = "sklearn.linear_model.Lars", "sklearn.linear_model.LassoLars"
LEAST_ANGLE = [LARS, LASSO_LARS]
BAYESIAN_RIDGE, ARD = "sklearn.linear_model.BayesianRidge", "sklearn.linear_model.ARDRegression"
BAYES = [BAYESIAN_RIDGE, ARD]
HUBER = "sklearn.linear_model.HuberRegressor"
RIDGE_CLASSIFIER, RIDGE_CV = "sklearn.linear_model.RidgeClassifier", "sklearn.linear_model.RidgeCV"
#: Linear models whose ``normalize`` defaulted to False, deprecated in 1.0 and removed in 1.2.
NORMALIZE_FALSE = [ELASTIC_NET, RIDGE_CLASSIFIER, RIDGE_CV] + COORDINATE_DESCENT_CV
SGD_CLASSIFIER, SGD_REGRESSOR = "sklearn.linear_model.SGDClassifier", "sklearn.linear_model.SGDRegressor"
PERCEPTRON = "sklearn.linear_model.Perceptron"
PA_CLASSIFIER = "sklearn.linear_model.PassiveAggressiveClassifier"
PA_REGRESSOR = "sklearn.linear_model.PassiveAggressiveRegressor"
#: SGD classifiers keep a loss object; every SGD model keeps the rest of BaseSGD's state.
SGD_CLASSIFIERS = [SGD_CLASSIFIER, PERCEPTRON, PA_CLASSIFIER]
SGD = SGD_CLASSIFIERS + [SGD_REGRESSOR, PA_REGRESSOR]
QUANTILE = "sklearn.linear_model.QuantileRegressor"
POISSON, GAMMA = "sklearn.linear_model.PoissonRegressor", "sklearn.linear_model.GammaRegressor"
TWEEDIE = "sklearn.linear_model.TweedieRegressor"
GLM = [POISSON, GAMMA, TWEEDIE]
LINEAR_FAMILY = ([ELASTIC_NET, HUBER, RIDGE_CLASSIFIER, RIDGE_CV, QUANTILE] + COORDINATE_DESCENT_CV + LEAST_ANGLE
                 + BAYES + SGD)
#: Every estimator that gained ``n_features_in_`` in 0.23 or 0.24.
WITH_N_FEATURES_IN = (TREE_MODELS + ADABOOST + LINEAR + KNN + SVM + MLP + [KMEANS, MINIBATCH_KMEANS, PCA]
                      + BAGGING_ENSEMBLES + LIBLINEAR_SVM + [GAUSSIAN_NB] + DISCRETE_NB + LDAS + [QDA]
                      + NEAREST_CENTROIDS + LINEAR_FAMILY)

# Composition and preprocessing (issue 6).
PIPELINE, FEATURE_UNION = "sklearn.pipeline.Pipeline", "sklearn.pipeline.FeatureUnion"
COLUMN_TRANSFORMER = "sklearn.compose.ColumnTransformer"
TRANSFORMED_TARGET = "sklearn.compose.TransformedTargetRegressor"
VOTING = ["sklearn.ensemble.VotingClassifier", "sklearn.ensemble.VotingRegressor"]
STACKING = ["sklearn.ensemble.StackingClassifier", "sklearn.ensemble.StackingRegressor"]
STANDARD_SCALER, MIN_MAX_SCALER = "sklearn.preprocessing.StandardScaler", "sklearn.preprocessing.MinMaxScaler"
MAX_ABS_SCALER, ROBUST_SCALER = "sklearn.preprocessing.MaxAbsScaler", "sklearn.preprocessing.RobustScaler"
SCALERS = [STANDARD_SCALER, MIN_MAX_SCALER, MAX_ABS_SCALER, ROBUST_SCALER]
POLYNOMIAL = "sklearn.preprocessing.PolynomialFeatures"
#: PolynomialFeatures rebuilt with the dense products of 0.20-0.21 (in 0.22+) or of 0.22+ (in 0.20-0.21).
POLYNOMIAL_PRODUCTS_021 = "sklearn_migrator.compat.PolynomialFeaturesProducts021"
POLYNOMIAL_PRODUCTS_022 = "sklearn_migrator.compat.PolynomialFeaturesProducts022"
POLYNOMIALS = [POLYNOMIAL, POLYNOMIAL_PRODUCTS_021, POLYNOMIAL_PRODUCTS_022]
KBINS = "sklearn.preprocessing.KBinsDiscretizer"
ONE_HOT, ORDINAL = "sklearn.preprocessing.OneHotEncoder", "sklearn.preprocessing.OrdinalEncoder"
SIMPLE_IMPUTER, KNN_IMPUTER = "sklearn.impute.SimpleImputer", "sklearn.impute.KNNImputer"
MISSING_INDICATOR = "sklearn.impute.MissingIndicator"
QUANTILE_TRANSFORMER = "sklearn.preprocessing.QuantileTransformer"
ONE_VS_ONE, ONE_VS_REST = "sklearn.multiclass.OneVsOneClassifier", "sklearn.multiclass.OneVsRestClassifier"
FUNCTION_TRANSFORMER = "sklearn.preprocessing.FunctionTransformer"
NORMALIZER = "sklearn.preprocessing.Normalizer"
POWER = "sklearn.preprocessing.PowerTransformer"
#: PowerTransformer rebuilt with the Yeo-Johnson transform of up to 1.8 (in 1.9+) or of 1.9+ (before 1.9).
POWER_YEO_JOHNSON_18 = "sklearn_migrator.compat.PowerTransformerYeoJohnson18"
POWER_YEO_JOHNSON_19 = "sklearn_migrator.compat.PowerTransformerYeoJohnson19"
POWERS = [POWER, POWER_YEO_JOHNSON_18, POWER_YEO_JOHNSON_19]
#: Estimators added by issue 6 that gained ``n_features_in_`` in 0.23.
TRANSFORMERS_WITH_N_FEATURES_IN = SCALERS + [
    COLUMN_TRANSFORMER, SIMPLE_IMPUTER, KNN_IMPUTER, MISSING_INDICATOR, ONE_VS_ONE, KBINS, QUANTILE_TRANSFORMER,
    FUNCTION_TRANSFORMER, NORMALIZER, "sklearn.multioutput.MultiOutputRegressor",
    "sklearn.multioutput.MultiOutputClassifier", "sklearn.preprocessing.Binarizer",
    "sklearn.feature_selection.SelectKBest",
    "sklearn.feature_selection.VarianceThreshold"] + POLYNOMIALS
#: 1.5-1.6 list class of ColumnTransformer's remainder columns (1.7 removed it).
REMAINDER_COLUMNS = "sklearn.compose._column_transformer._RemainderColsList"

# Issue 6: neighbours, mixtures, decompositions, DBSCAN, Birch and Gaussian processes.
RADIUS_CLASSIFIER = "sklearn.neighbors.RadiusNeighborsClassifier"
LOF = "sklearn.neighbors.LocalOutlierFactor"
MORE_NEIGHBORS = [RADIUS_CLASSIFIER, "sklearn.neighbors.RadiusNeighborsRegressor", "sklearn.neighbors.NearestNeighbors",
                  LOF]
GAUSSIAN_MIXTURE = "sklearn.mixture.GaussianMixture"
#: GaussianMixture rebuilt with the spherical log-probabilities of up to 1.7 (in 1.8+) or of 1.8+ (before 1.8).
GAUSSIAN_MIXTURE_SPHERICAL_17 = "sklearn_migrator.compat.GaussianMixtureSpherical17"
GAUSSIAN_MIXTURE_SPHERICAL_18 = "sklearn_migrator.compat.GaussianMixtureSpherical18"
MIXTURES = [GAUSSIAN_MIXTURE, GAUSSIAN_MIXTURE_SPHERICAL_17, GAUSSIAN_MIXTURE_SPHERICAL_18,
            "sklearn.mixture.BayesianGaussianMixture"]
TRUNCATED_SVD, NMF = "sklearn.decomposition.TruncatedSVD", "sklearn.decomposition.NMF"
#: TruncatedSVD rebuilt to transform with the product of 0.20-0.21 (in 0.22+) or of 0.22+ (in 0.20-0.21).
TRUNCATED_SVD_DOT_021 = "sklearn_migrator.compat.TruncatedSVDDot021"
TRUNCATED_SVD_MATMUL_022 = "sklearn_migrator.compat.TruncatedSVDMatmul022"
TRUNCATED_SVDS = [TRUNCATED_SVD, TRUNCATED_SVD_DOT_021, TRUNCATED_SVD_MATMUL_022]
FAST_ICA, INCREMENTAL_PCA = "sklearn.decomposition.FastICA", "sklearn.decomposition.IncrementalPCA"
KERNEL_PCA, FACTOR_ANALYSIS = "sklearn.decomposition.KernelPCA", "sklearn.decomposition.FactorAnalysis"
TOPIC_LDA = "sklearn.decomposition.LatentDirichletAllocation"
DBSCAN = "sklearn.cluster.DBSCAN"
BIRCH = "sklearn.cluster.Birch"
GP_REGRESSOR = "sklearn.gaussian_process.GaussianProcessRegressor"
GP_CLASSIFIER = "sklearn.gaussian_process.GaussianProcessClassifier"
#: Every issue-6 estimator above, all of which gained ``n_features_in_`` in 0.23.
UNSUPERVISED = MORE_NEIGHBORS + MIXTURES + TRUNCATED_SVDS + [NMF, FAST_ICA, INCREMENTAL_PCA, KERNEL_PCA,
                                                             FACTOR_ANALYSIS, TOPIC_LDA, DBSCAN, BIRCH, GP_REGRESSOR,
                                                             GP_CLASSIFIER]

# Issue 6: cross-validated classifiers and probability calibration.
LOGISTIC_CV = "sklearn.linear_model.LogisticRegressionCV"
#: LogisticRegressionCVs rebuilt for 1.8+ (which removed multi_class), as LOGISTIC_OVR/LOGISTIC_BINARY_MULTINOMIAL.
LOGISTIC_CV_OVR = "sklearn_migrator.compat.LogisticRegressionCVOneVsRest"
LOGISTIC_CV_BINARY_MULTINOMIAL = "sklearn_migrator.compat.LogisticRegressionCVBinaryMultinomial"
LOGISTIC_CVS = [LOGISTIC_CV, LOGISTIC_CV_OVR, LOGISTIC_CV_BINARY_MULTINOMIAL]
RIDGE_CLASSIFIER_CV = "sklearn.linear_model.RidgeClassifierCV"
#: RidgeClassifierCV's ``normalize`` (default False) went the same way.
NORMALIZE_FALSE = NORMALIZE_FALSE + [RIDGE_CLASSIFIER_CV]
CALIBRATED = "sklearn.calibration.CalibratedClassifierCV"
#: A fitted classifier and its calibrators (a plain object, not an estimator).
CALIBRATED_PAIR = "sklearn.calibration._CalibratedClassifier"

# Histogram gradient boosting (issue 6).
HGB_CLASSIFIER = "sklearn.ensemble.HistGradientBoostingClassifier"
HGB_REGRESSOR = "sklearn.ensemble.HistGradientBoostingRegressor"
HIST_GRADIENT_BOOSTING = [HGB_CLASSIFIER, HGB_REGRESSOR]
_HGB = "sklearn.ensemble._hist_gradient_boosting."
BIN_MAPPER = _HGB + "binning._BinMapper"
TREE_PREDICTOR = _HGB + "predictor.TreePredictor"
#: Histogram gradient boosting's own losses (0.21-1.0), replaced by sklearn._loss in 1.1.
HGB_LOSSES = [_HGB + "loss." + name for name in ("LeastSquares", "LeastAbsoluteDeviation", "Poisson",
                                                  "BinaryCrossEntropy", "CategoricalCrossEntropy")]
#: The common loss module's losses (1.1+), shared by GLMs, SGD, gradient boosting and histogram gradient boosting.
COMMON_LOSS_NAMES = ("HalfSquaredError", "AbsoluteError", "PinballLoss", "HuberLoss", "HalfPoissonLoss",
                     "HalfGammaLoss", "HalfTweedieLoss", "HalfTweedieLossIdentity", "HalfBinomialLoss",
                     "HalfMultinomialLoss", "ExponentialLoss")
COMMON_LOSSES = ["sklearn._loss.loss." + name for name in COMMON_LOSS_NAMES]
# Text and feature extraction (issue 18).
_TEXT = "sklearn.feature_extraction.text."
COUNT_VECTORIZER, TFIDF_VECTORIZER = _TEXT + "CountVectorizer", _TEXT + "TfidfVectorizer"
VECTORIZERS = [COUNT_VECTORIZER, TFIDF_VECTORIZER]
TFIDF_TRANSFORMER = _TEXT + "TfidfTransformer"
#: TfidfTransformers weighing counts as the other side of 1.5 does (see compat.py).
TFIDF_DIAGONAL_14 = "sklearn_migrator.compat.TfidfTransformerDiagonal14"
TFIDF_IN_PLACE_15 = "sklearn_migrator.compat.TfidfTransformerInPlace15"
TFIDF_TRANSFORMERS = [TFIDF_TRANSFORMER, TFIDF_DIAGONAL_14, TFIDF_IN_PLACE_15]
HASHERS = [_TEXT + "HashingVectorizer", "sklearn.feature_extraction.FeatureHasher"]
DICT_VECTORIZER = "sklearn.feature_extraction.DictVectorizer"
PARTIAL = "functools.partial"
LABEL_ENCODER = "sklearn.preprocessing.LabelEncoder"
CHECK_ARRAY = "sklearn.utils.check_array"
#: Hyper-parameter searches (issue 18): the two of 0.20, and the successive-halving ones (0.24+).
SEARCHES_020 = ["sklearn.model_selection.GridSearchCV", "sklearn.model_selection.RandomizedSearchCV"]
HALVING_SEARCHES = ["sklearn.model_selection.HalvingGridSearchCV", "sklearn.model_selection.HalvingRandomSearchCV"]
SEARCHES = SEARCHES_020 + HALVING_SEARCHES
#: make_scorer's classes before 1.4 (predict, predict_proba, decision_function), and 1.4's one class.
SCORER_CLASSES = ["sklearn.metrics._scorer._PredictScorer", "sklearn.metrics._scorer._ProbaScorer",
                  "sklearn.metrics._scorer._ThresholdScorer"]
SCORER = "sklearn.metrics._scorer._Scorer"
SHUFFLE_SPLITS = ["sklearn.model_selection." + name
                  for name in ("ShuffleSplit", "StratifiedShuffleSplit", "GroupShuffleSplit")]
TIME_SERIES_SPLIT = "sklearn.model_selection.TimeSeriesSplit"
