"""Canonical class paths grouped by the families that upstream changes touch together."""

DT_CLASSIFIER = "sklearn.tree.DecisionTreeClassifier"
DT_REGRESSOR = "sklearn.tree.DecisionTreeRegressor"
TREES = [DT_CLASSIFIER, DT_REGRESSOR]
FORESTS = ["sklearn.ensemble.RandomForestClassifier", "sklearn.ensemble.RandomForestRegressor"]
GB_CLASSIFIER = "sklearn.ensemble.GradientBoostingClassifier"
GB_REGRESSOR = "sklearn.ensemble.GradientBoostingRegressor"
GRADIENT_BOOSTING = [GB_CLASSIFIER, GB_REGRESSOR]
ADABOOST = ["sklearn.ensemble.AdaBoostRegressor"]
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
#: SVC rebuilt with the one-vs-rest decision function of 0.20 (in 0.21+) or of 0.21+ (in 0.20).
SVC_OVR_020, SVC_OVR_021 = "sklearn_migrator.compat.SVCOneVsRest020", "sklearn_migrator.compat.SVCOneVsRest021"
#: Every class holding an SVC's state: steps that touch SVC touch them all.
SVCS = [SVC, SVC_OVR_020, SVC_OVR_021]
SVM = SVCS + [SVR]
MLP = ["sklearn.neural_network.MLPClassifier", "sklearn.neural_network.MLPRegressor"]
AGGLOMERATIVE = "sklearn.cluster.AgglomerativeClustering"
KMEANS, MINIBATCH_KMEANS = "sklearn.cluster.KMeans", "sklearn.cluster.MiniBatchKMeans"
PCA = "sklearn.decomposition.PCA"
DUMMIES = ["sklearn.dummy.DummyClassifier", "sklearn.dummy.DummyRegressor"]
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
                      + LINEAR_FAMILY)
