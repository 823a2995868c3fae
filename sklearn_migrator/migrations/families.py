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
GRADIENT_BOOSTING = [GB_CLASSIFIER, GB_REGRESSOR]
ADABOOST_CLASSIFIER = "sklearn.ensemble.AdaBoostClassifier"
#: AdaBoostClassifiers rebuilt where the target computes their decision function differently: SAMME.R
#: (removed in 1.6), SAMME's weighted votes of 0.22-1.2 (in 1.3+) and 1.3+'s symmetric votes (in 0.22-1.2).
ADABOOST_SAMME_R = "sklearn_migrator.compat.AdaBoostClassifierSAMMER"
ADABOOST_SAMME_VOTES, ADABOOST_SAMME_SYMMETRIC = ("sklearn_migrator.compat.AdaBoostClassifierSAMMEVotes",
                                                  "sklearn_migrator.compat.AdaBoostClassifierSAMMESymmetric")
ADABOOST_CLASSIFIERS = [ADABOOST_CLASSIFIER, ADABOOST_SAMME_R, ADABOOST_SAMME_VOTES, ADABOOST_SAMME_SYMMETRIC]
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
WITH_N_FEATURES_IN = (TREE_MODELS + ADABOOST + LINEAR + KNN + SVM + MLP + [KMEANS, MINIBATCH_KMEANS, PCA]
                      + BAGGING_ENSEMBLES)
