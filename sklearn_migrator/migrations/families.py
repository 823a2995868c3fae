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
#: Every estimator that gained ``n_features_in_`` in 0.23 or 0.24.
WITH_N_FEATURES_IN = TREE_MODELS + ADABOOST + LINEAR + KNN + SVM + MLP + [KMEANS, MINIBATCH_KMEANS, PCA]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
RADIUS_CLASSIFIER = "sklearn.neighbors.RadiusNeighborsClassifier"
LOF = "sklearn.neighbors.LocalOutlierFactor"
MORE_NEIGHBORS = [RADIUS_CLASSIFIER, "sklearn.neighbors.RadiusNeighborsRegressor", "sklearn.neighbors.NearestNeighbors",
                  LOF]
MIXTURES = ["sklearn.mixture.GaussianMixture", "sklearn.mixture.BayesianGaussianMixture"]
TRUNCATED_SVD, NMF = "sklearn.decomposition.TruncatedSVD", "sklearn.decomposition.NMF"
FAST_ICA, INCREMENTAL_PCA = "sklearn.decomposition.FastICA", "sklearn.decomposition.IncrementalPCA"
KERNEL_PCA, FACTOR_ANALYSIS = "sklearn.decomposition.KernelPCA", "sklearn.decomposition.FactorAnalysis"
LDA = "sklearn.decomposition.LatentDirichletAllocation"
DBSCAN = "sklearn.cluster.DBSCAN"
GP_REGRESSOR = "sklearn.gaussian_process.GaussianProcessRegressor"
GP_CLASSIFIER = "sklearn.gaussian_process.GaussianProcessClassifier"
#: Every issue-6 estimator above, all of which gained ``n_features_in_`` in 0.23.
UNSUPERVISED = MORE_NEIGHBORS + MIXTURES + [TRUNCATED_SVD, NMF, FAST_ICA, INCREMENTAL_PCA, KERNEL_PCA,
                                            FACTOR_ANALYSIS, LDA, DBSCAN, GP_REGRESSOR, GP_CLASSIFIER]
