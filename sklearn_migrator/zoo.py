"""The model zoo: every supported estimator in several configurations, on fixed data.

Shared by the tests, the demo command and (later) the cross-version matrix,
so it must run unchanged on every supported release: data comes from numpy's
legacy ``RandomState`` (identical in every numpy), and a configuration that a
release cannot express (a parameter it lacks, a solver it dropped) is left
out for that release rather than approximated.
"""
from __future__ import annotations

import warnings

import numpy as np
import sklearn

from .versions import has_release

N_SAMPLES = 120
N_FEATURES = 6

#: Inputs a configuration may need instead of the real-valued features (named, so that a
#: record of the matrix can say which one its outputs were computed on).
FEATURES = {
    # Small non-negative integers: counts or categories 0, 1, 2 (naive Bayes of discrete features).
    "counts": lambda X: np.minimum(np.floor(np.abs(X) * 1.5), 2).astype(np.int64),
    # The first feature alone as a 1-D array (IsotonicRegression).
    "first": lambda X: X[:, 0].copy(),
}


class Case:
    """One estimator configuration: an id, a factory, the data it is fitted on."""

    def __init__(self, id, make, data, sample_weight=False, pandas=False, features=None):
        self.id = id
        self.make = make
        self.data = data
        self.sample_weight = sample_weight
        self.pandas = pandas
        self.features = features

    def __repr__(self):
        return "Case(%r)" % self.id

    def fit(self, data=None):
        """The fitted estimator and the new rows its outputs are compared on."""
        data = data or make_data()
        X = self.inputs(data["X"])
        y = data[self.data] if self.data != "none" else None
        kwargs = {"sample_weight": data["weight"]} if self.sample_weight else {}
        estimator = self.make()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if y is None:
                estimator.fit(X, **kwargs)
            else:
                estimator.fit(X, y, **kwargs)
        return estimator, self.inputs(data["X_query"])

    def inputs(self, X):
        """``X`` as this configuration feeds it (a DataFrame with named columns, or the array,
        transformed as ``features`` names)."""
        if self.features is not None:
            X = FEATURES[self.features](X)
        if not self.pandas:
            return X
        import pandas as pd

        return pd.DataFrame(X, columns=["f%d" % i for i in range(X.shape[1])])


def make_data(n_samples: int = N_SAMPLES, n_features: int = N_FEATURES) -> dict:
    """Fixed synthetic data: the same bits in every numpy release. ``X_query`` holds
    new rows from the same distribution, on which outputs are compared."""
    rng = np.random.RandomState(0)
    X = rng.normal(size=(n_samples, n_features))
    score = X.dot(rng.normal(size=n_features)) + 0.5 * rng.normal(size=n_samples)
    y3 = np.digitize(score, np.percentile(score, [33.3, 66.7]))
    second = X[:, 0] * 2.0 - X[:, 1] ** 2 + 0.1 * rng.normal(size=n_samples)
    return {
        "X": X,
        "reg": score,
        "reg2": np.column_stack([score, second]),
        "clf3": y3,
        "clf2": (score > np.median(score)).astype(np.int64),
        "str3": np.array(["cat", "dog", "emu"])[y3],
        "str2": np.array(["no", "yes"])[(score > np.median(score)).astype(int)],
        "weight": rng.uniform(0.5, 2.0, size=n_samples),
        "X_query": rng.normal(size=(n_samples // 3, n_features)),
    }


def _since(release: str) -> bool:
    return has_release(sklearn.__version__, release)


def _param(cls, *names):
    """The first of ``names`` that ``cls`` accepts (parameters renamed across releases)."""
    accepted = cls._get_param_names()
    for name in names:
        if name in accepted:
            return name
    return None


def _has_pandas() -> bool:
    import importlib.util

    return importlib.util.find_spec("pandas") is not None


def cases() -> list:
    """All configurations the installed release can express."""
    from sklearn import cluster, decomposition, dummy, ensemble, linear_model, neighbors, neural_network, svm, tree

    out = []

    def add(id, make, data, **kwargs):
        out.append(Case(id, make, data, **kwargs))

    pandas = _has_pandas()
    DT, RF, GB = tree.DecisionTreeClassifier, ensemble.RandomForestClassifier, ensemble.GradientBoostingClassifier
    add("DecisionTreeClassifier-3class", lambda: DT(max_depth=5, random_state=0), "clf3")
    add("DecisionTreeClassifier-binary-class_weight", lambda: DT(class_weight="balanced", random_state=0), "clf2")
    add("DecisionTreeClassifier-strings", lambda: DT(min_samples_leaf=3, random_state=0), "str3")
    add("DecisionTreeClassifier-sample_weight", lambda: DT(max_depth=4, random_state=0), "clf3", sample_weight=True)
    if pandas:
        add("DecisionTreeClassifier-pandas", lambda: DT(max_depth=4, random_state=0), "clf3", pandas=True)
    DTR = tree.DecisionTreeRegressor
    add("DecisionTreeRegressor", lambda: DTR(max_depth=6, random_state=0), "reg")
    add("DecisionTreeRegressor-multioutput", lambda: DTR(max_depth=5, random_state=0), "reg2")
    add("DecisionTreeRegressor-sample_weight", lambda: DTR(random_state=0), "reg", sample_weight=True)

    add("RandomForestClassifier-3class", lambda: RF(n_estimators=8, random_state=0), "clf3")
    add("RandomForestClassifier-strings-class_weight",
        lambda: RF(n_estimators=6, class_weight="balanced_subsample", random_state=0), "str3")
    add("RandomForestClassifier-binary-sample_weight", lambda: RF(n_estimators=6, max_depth=4, random_state=0),
        "clf2", sample_weight=True)
    if pandas:
        add("RandomForestClassifier-pandas", lambda: RF(n_estimators=5, random_state=0), "clf3", pandas=True)
    RFR = ensemble.RandomForestRegressor
    add("RandomForestRegressor", lambda: RFR(n_estimators=8, max_features=0.5, random_state=0), "reg")
    add("RandomForestRegressor-multioutput", lambda: RFR(n_estimators=6, random_state=0), "reg2")

    add("GradientBoostingClassifier-binary", lambda: GB(n_estimators=15, random_state=0), "clf2")
    add("GradientBoostingClassifier-3class", lambda: GB(n_estimators=12, max_depth=2, random_state=0), "clf3")
    add("GradientBoostingClassifier-subsample", lambda: GB(n_estimators=12, subsample=0.7, random_state=0), "str3")
    add("GradientBoostingClassifier-early_stopping",
        lambda: GB(n_estimators=80, n_iter_no_change=3, validation_fraction=0.2, random_state=0), "clf3")
    add("GradientBoostingClassifier-sample_weight", lambda: GB(n_estimators=10, random_state=0), "str2",
        sample_weight=True)
    if _since("0.21"):
        add("GradientBoostingClassifier-init", lambda: GB(n_estimators=10, init=dummy.DummyClassifier(
            strategy="prior"), random_state=0), "clf3")
    GBR = ensemble.GradientBoostingRegressor
    lad = "absolute_error" if _since("1.0") else "lad"
    add("GradientBoostingRegressor", lambda: GBR(n_estimators=15, random_state=0), "reg")
    add("GradientBoostingRegressor-huber", lambda: GBR(loss="huber", n_estimators=10, random_state=0), "reg")
    add("GradientBoostingRegressor-quantile", lambda: GBR(loss="quantile", alpha=0.8, n_estimators=10,
                                                          random_state=0), "reg")
    add("GradientBoostingRegressor-absolute_error", lambda: GBR(loss=lad, n_estimators=10, random_state=0), "reg")
    add("GradientBoostingRegressor-subsample-early_stopping",
        lambda: GBR(n_estimators=60, subsample=0.8, n_iter_no_change=3, random_state=0), "reg")
    if _since("0.21"):
        add("GradientBoostingRegressor-init", lambda: GBR(n_estimators=10, init=dummy.DummyRegressor(
            strategy="median"), random_state=0), "reg", sample_weight=True)

    LR = linear_model.LogisticRegression
    multinomial = {} if _since("0.22") else {"multi_class": "multinomial"}
    add("LogisticRegression-lbfgs-multinomial", lambda: LR(solver="lbfgs", max_iter=500, **multinomial), "clf3")
    add("LogisticRegression-liblinear-binary", lambda: LR(solver="liblinear", C=0.5), "clf2")
    if not _since("1.8"):
        ovr = {"multi_class": "ovr"} if not _since("1.5") else {}
        add("LogisticRegression-liblinear-ovr", lambda: LR(solver="liblinear", **ovr), "clf3")
        add("LogisticRegression-binary-multinomial", lambda: LR(solver="lbfgs", multi_class="multinomial",
                                                                max_iter=500), "clf2")
    add("LogisticRegression-class_weight-strings", lambda: LR(class_weight="balanced", solver="lbfgs",
                                                              max_iter=500, **multinomial), "str3")
    add("LogisticRegression-sample_weight", lambda: LR(solver="lbfgs", max_iter=500), "clf2", sample_weight=True)
    if pandas:
        add("LogisticRegression-pandas", lambda: LR(solver="lbfgs", max_iter=500, **multinomial), "clf3",
            pandas=True)

    KNC, KNR = neighbors.KNeighborsClassifier, neighbors.KNeighborsRegressor
    for algorithm in ("ball_tree", "kd_tree", "brute"):
        add("KNeighborsClassifier-%s" % algorithm, lambda a=algorithm: KNC(n_neighbors=5, algorithm=a), "clf3")
    add("KNeighborsClassifier-distance-manhattan", lambda: KNC(n_neighbors=7, weights="distance", p=1,
                                                               algorithm="kd_tree"), "str3")
    add("KNeighborsClassifier-minkowski3-ball_tree", lambda: KNC(n_neighbors=4, p=3, algorithm="ball_tree"), "clf2")
    add("KNeighborsRegressor-kd_tree", lambda: KNR(n_neighbors=5, algorithm="kd_tree"), "reg")
    add("KNeighborsRegressor-ball_tree-distance", lambda: KNR(n_neighbors=6, weights="distance",
                                                              algorithm="ball_tree", leaf_size=5), "reg")
    add("KNeighborsRegressor-brute-multioutput", lambda: KNR(n_neighbors=3, algorithm="brute"), "reg2")

    add("SVC-rbf-3class", lambda: svm.SVC(gamma="scale"), "clf3")
    add("SVC-probability", lambda: svm.SVC(gamma="scale", probability=True, random_state=0), "clf3")
    add("SVC-linear-binary", lambda: svm.SVC(kernel="linear", C=0.5), "clf2")
    add("SVC-ovo-class_weight-strings", lambda: svm.SVC(gamma="scale", decision_function_shape="ovo",
                                                        class_weight="balanced"), "str3")
    add("SVC-sample_weight", lambda: svm.SVC(gamma="scale", probability=True, random_state=0), "clf2",
        sample_weight=True)
    add("SVR-rbf", lambda: svm.SVR(gamma="scale"), "reg")
    add("SVR-linear", lambda: svm.SVR(kernel="linear", C=2.0), "reg")
    add("SVR-poly", lambda: svm.SVR(kernel="poly", degree=2, gamma="scale"), "reg", sample_weight=True)

    MLPC, MLPR = neural_network.MLPClassifier, neural_network.MLPRegressor
    add("MLPClassifier-adam-3class", lambda: MLPC(hidden_layer_sizes=(16,), max_iter=200, random_state=0), "clf3")
    add("MLPClassifier-sgd-strings", lambda: MLPC(hidden_layer_sizes=(8, 4), solver="sgd", max_iter=100,
                                                  random_state=0), "str3")
    add("MLPClassifier-lbfgs-binary", lambda: MLPC(hidden_layer_sizes=(10,), solver="lbfgs", max_iter=100,
                                                   random_state=0), "clf2")
    add("MLPRegressor-adam-multioutput", lambda: MLPR(hidden_layer_sizes=(16,), max_iter=200, random_state=0),
        "reg2")
    add("MLPRegressor-lbfgs", lambda: MLPR(hidden_layer_sizes=(12,), solver="lbfgs", max_iter=200,
                                           random_state=0), "reg")

    add("LinearRegression", linear_model.LinearRegression, "reg")
    add("LinearRegression-multioutput-no-intercept", lambda: linear_model.LinearRegression(fit_intercept=False),
        "reg2")
    add("LinearRegression-sample_weight", linear_model.LinearRegression, "reg", sample_weight=True)
    if pandas:
        add("LinearRegression-pandas", linear_model.LinearRegression, "reg", pandas=True)
    add("Ridge", lambda: linear_model.Ridge(alpha=0.5), "reg")
    add("Ridge-multioutput-svd", lambda: linear_model.Ridge(alpha=2.0, solver="svd"), "reg2")
    add("Ridge-sample_weight", lambda: linear_model.Ridge(alpha=1.0, solver="cholesky"), "reg", sample_weight=True)
    add("Lasso", lambda: linear_model.Lasso(alpha=0.05), "reg")
    add("Lasso-multioutput", lambda: linear_model.Lasso(alpha=0.1), "reg2")

    ABR = ensemble.AdaBoostRegressor
    for loss in ("linear", "square", "exponential"):
        add("AdaBoostRegressor-%s" % loss, lambda l=loss: ABR(n_estimators=10, loss=l, random_state=0), "reg")

    AC = cluster.AgglomerativeClustering
    metric = _param(AC, "metric", "affinity")
    add("AgglomerativeClustering-ward", lambda: AC(n_clusters=3), "none")
    add("AgglomerativeClustering-average-manhattan",
        lambda: AC(n_clusters=4, linkage="average", **{metric: "manhattan"}), "none")
    if _since("0.21"):
        add("AgglomerativeClustering-distance_threshold",
            lambda: AC(n_clusters=None, distance_threshold=8.0, compute_full_tree=True), "none")

    add("KMeans", lambda: cluster.KMeans(n_clusters=3, n_init=3, random_state=0), "none")
    add("KMeans-elkan-sample_weight", lambda: cluster.KMeans(n_clusters=4, n_init=2, algorithm="elkan",
                                                             random_state=0), "none", sample_weight=True)
    add("MiniBatchKMeans", lambda: cluster.MiniBatchKMeans(n_clusters=3, n_init=3, batch_size=32,
                                                           random_state=0), "none")

    PCA = decomposition.PCA
    add("PCA", PCA, "none")
    add("PCA-full-whiten", lambda: PCA(n_components=3, whiten=True, svd_solver="full"), "none")
    add("PCA-arpack", lambda: PCA(n_components=2, svd_solver="arpack", random_state=0), "none")
    add("PCA-randomized", lambda: PCA(n_components=2, svd_solver="randomized", random_state=0), "none")
    add("PCA-variance-ratio", lambda: PCA(n_components=0.9, svd_solver="full"), "none")
    _svm_nb_cases(add, pandas)
    return out


def _svm_nb_cases(add, pandas):
    """libsvm/liblinear variants, naive Bayes, discriminant analysis, nearest centroid,
    dummies and isotonic regression (issue 6)."""
    from sklearn import discriminant_analysis, dummy, isotonic, naive_bayes, neighbors, svm

    add("NuSVC-rbf-3class", lambda: svm.NuSVC(gamma="scale"), "clf3")
    add("NuSVC-probability-strings", lambda: svm.NuSVC(nu=0.3, gamma="scale", probability=True, random_state=0),
        "str3")
    add("NuSVC-linear-binary-sample_weight", lambda: svm.NuSVC(kernel="linear", nu=0.4), "clf2", sample_weight=True)
    add("NuSVC-ovo-class_weight", lambda: svm.NuSVC(gamma="scale", decision_function_shape="ovo",
                                                    class_weight="balanced"), "clf3")
    add("NuSVR-rbf", lambda: svm.NuSVR(gamma="scale"), "reg")
    add("NuSVR-linear-sample_weight", lambda: svm.NuSVR(kernel="linear", nu=0.3, C=2.0), "reg", sample_weight=True)
    add("NuSVR-poly", lambda: svm.NuSVR(kernel="poly", degree=2, gamma="scale"), "reg")
    add("OneClassSVM-rbf", lambda: svm.OneClassSVM(gamma="scale", nu=0.2), "none")
    add("OneClassSVM-linear-sample_weight", lambda: svm.OneClassSVM(kernel="linear", nu=0.3), "none",
        sample_weight=True)
    add("OneClassSVM-sigmoid", lambda: svm.OneClassSVM(kernel="sigmoid", gamma=0.1, coef0=0.5), "none")

    add("LinearSVC-3class", lambda: svm.LinearSVC(max_iter=5000, random_state=0), "clf3")
    add("LinearSVC-l1-binary", lambda: svm.LinearSVC(penalty="l1", dual=False, C=0.5), "clf2")
    add("LinearSVC-crammer_singer-strings", lambda: svm.LinearSVC(multi_class="crammer_singer", max_iter=5000,
                                                                  random_state=0), "str3")
    add("LinearSVC-class_weight-sample_weight", lambda: svm.LinearSVC(class_weight="balanced", max_iter=5000,
                                                                      random_state=0), "clf2", sample_weight=True)
    if pandas:
        add("LinearSVC-pandas", lambda: svm.LinearSVC(max_iter=5000, random_state=0), "clf3", pandas=True)
    add("LinearSVR", lambda: svm.LinearSVR(max_iter=5000, random_state=0), "reg")
    add("LinearSVR-squared-primal-sample_weight", lambda: svm.LinearSVR(loss="squared_epsilon_insensitive",
                                                                        dual=False), "reg", sample_weight=True)

    NB = naive_bayes
    add("GaussianNB-3class", NB.GaussianNB, "clf3")
    add("GaussianNB-priors-strings", lambda: NB.GaussianNB(priors=[0.2, 0.3, 0.5]), "str3")
    add("GaussianNB-var_smoothing-sample_weight", lambda: NB.GaussianNB(var_smoothing=1e-3), "clf2",
        sample_weight=True)
    if pandas:
        add("GaussianNB-pandas", NB.GaussianNB, "clf3", pandas=True)
    add("MultinomialNB-3class", lambda: NB.MultinomialNB(alpha=0.5), "clf3", features="counts")
    add("MultinomialNB-uniform-sample_weight", lambda: NB.MultinomialNB(fit_prior=False), "str2", sample_weight=True,
        features="counts")
    add("BernoulliNB-3class", NB.BernoulliNB, "clf3")
    add("BernoulliNB-binarize-strings-sample_weight", lambda: NB.BernoulliNB(alpha=0.3, binarize=0.5), "str3",
        sample_weight=True)
    add("ComplementNB-3class", NB.ComplementNB, "clf3", features="counts")
    add("ComplementNB-norm-binary", lambda: NB.ComplementNB(norm=True), "clf2", features="counts")
    if _since("0.22"):
        add("CategoricalNB-3class", NB.CategoricalNB, "clf3", features="counts")
        add("CategoricalNB-strings-sample_weight", lambda: NB.CategoricalNB(alpha=0.5), "str2", sample_weight=True,
            features="counts")

    DA = discriminant_analysis
    add("LinearDiscriminantAnalysis-svd-3class", DA.LinearDiscriminantAnalysis, "clf3")
    add("LinearDiscriminantAnalysis-eigen-shrinkage-strings",
        lambda: DA.LinearDiscriminantAnalysis(solver="eigen", shrinkage="auto"), "str3")
    add("LinearDiscriminantAnalysis-n_components-covariance",
        lambda: DA.LinearDiscriminantAnalysis(n_components=1, store_covariance=True), "clf3")
    add("LinearDiscriminantAnalysis-binary", lambda: DA.LinearDiscriminantAnalysis(priors=[0.4, 0.6]), "clf2")
    if pandas:
        add("LinearDiscriminantAnalysis-pandas", DA.LinearDiscriminantAnalysis, "clf3", pandas=True)
    add("QuadraticDiscriminantAnalysis-3class", DA.QuadraticDiscriminantAnalysis, "clf3")
    add("QuadraticDiscriminantAnalysis-reg_param-strings",
        lambda: DA.QuadraticDiscriminantAnalysis(reg_param=0.1, store_covariance=True), "str3")
    add("QuadraticDiscriminantAnalysis-priors-binary",
        lambda: DA.QuadraticDiscriminantAnalysis(priors=[0.3, 0.7]), "clf2")
    if _since("1.8"):
        add("QuadraticDiscriminantAnalysis-eigen-shrinkage",
            lambda: DA.QuadraticDiscriminantAnalysis(solver="eigen", shrinkage=0.2), "clf3")

    NC = neighbors.NearestCentroid
    add("NearestCentroid-3class", NC, "clf3")
    add("NearestCentroid-manhattan-strings", lambda: NC(metric="manhattan"), "str3")
    add("NearestCentroid-shrink-binary", lambda: NC(shrink_threshold=0.2), "clf2")

    DC, DR = dummy.DummyClassifier, dummy.DummyRegressor
    add("DummyClassifier-prior-sample_weight", lambda: DC(strategy="prior"), "clf3", sample_weight=True)
    add("DummyClassifier-most_frequent-strings", lambda: DC(strategy="most_frequent"), "str3")
    add("DummyClassifier-stratified", lambda: DC(strategy="stratified", random_state=0), "clf2")
    add("DummyClassifier-uniform", lambda: DC(strategy="uniform", random_state=0), "clf3")
    add("DummyClassifier-constant-strings", lambda: DC(strategy="constant", constant="dog"), "str3")
    add("DummyRegressor-mean", lambda: DR(strategy="mean"), "reg")
    add("DummyRegressor-median-multioutput", lambda: DR(strategy="median"), "reg2")
    add("DummyRegressor-quantile-sample_weight", lambda: DR(strategy="quantile", quantile=0.25), "reg",
        sample_weight=True)
    add("DummyRegressor-constant", lambda: DR(strategy="constant", constant=1.5), "reg")

    IR = isotonic.IsotonicRegression
    add("IsotonicRegression", IR, "reg", features="first")
    add("IsotonicRegression-decreasing-clip-sample_weight", lambda: IR(increasing=False, out_of_bounds="clip"),
        "reg", sample_weight=True, features="first")
    add("IsotonicRegression-auto-bounds", lambda: IR(increasing="auto", y_min=-1.0, y_max=1.0), "reg",
        features="first")
