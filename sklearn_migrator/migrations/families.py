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
#: Every estimator that gained ``n_features_in_`` in 0.23 or 0.24.
WITH_N_FEATURES_IN = (TREE_MODELS + ADABOOST + LINEAR + KNN + SVM + MLP + [KMEANS, MINIBATCH_KMEANS, PCA]
                      + LIBLINEAR_SVM + [GAUSSIAN_NB] + DISCRETE_NB + LDAS + [QDA] + NEAREST_CENTROIDS)
