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


class Case:
    """One estimator configuration: an id, a factory, the data it is fitted on."""

    def __init__(self, id, make, data, sample_weight=False, pandas=False):
        self.id = id
        self.make = make
        self.data = data
        self.sample_weight = sample_weight
        self.pandas = pandas

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
        """``X`` as this configuration feeds it (a DataFrame with named columns, or the array)."""
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
        "pos": np.exp(score / 4.0),
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
    _linear_family(add, pandas)
    return out


def _linear_family(add, pandas):
    """Issue 6: regularised, Bayesian, robust and cross-validated linear models."""
    from sklearn import linear_model as lm

    EN = lm.ElasticNet
    add("ElasticNet", lambda: EN(alpha=0.05, l1_ratio=0.3), "reg")
    add("ElasticNet-multioutput", lambda: EN(alpha=0.1), "reg2")
    add("ElasticNet-positive-random", lambda: EN(alpha=0.02, positive=True, selection="random", random_state=0),
        "reg")
    if _since("0.23"):
        add("ElasticNet-sample_weight", lambda: EN(alpha=0.05), "reg", sample_weight=True)
    if pandas:
        add("ElasticNet-pandas", lambda: EN(alpha=0.05), "reg", pandas=True)
    add("Lars", lambda: lm.Lars(n_nonzero_coefs=4), "reg")
    add("Lars-multioutput-no-intercept", lambda: lm.Lars(fit_intercept=False), "reg2")
    add("LassoLars", lambda: lm.LassoLars(alpha=0.01), "reg")
    add("LassoLars-positive", lambda: lm.LassoLars(alpha=0.005, positive=True), "reg")
    add("BayesianRidge", lambda: lm.BayesianRidge(compute_score=True), "reg")
    add("BayesianRidge-sample_weight", lm.BayesianRidge, "reg", sample_weight=True)
    add("ARDRegression", lm.ARDRegression, "reg")
    add("ARDRegression-threshold", lambda: lm.ARDRegression(threshold_lambda=50.0, compute_score=True), "reg")
    add("HuberRegressor", lm.HuberRegressor, "reg")
    add("HuberRegressor-sample_weight", lambda: lm.HuberRegressor(epsilon=1.5, alpha=0.01), "reg",
        sample_weight=True)
    RC = lm.RidgeClassifier
    add("RidgeClassifier-3class", RC, "clf3")
    add("RidgeClassifier-binary-class_weight-strings", lambda: RC(alpha=0.5, class_weight="balanced"), "str2")
    add("RidgeClassifier-sample_weight", lambda: RC(solver="lsqr", alpha=2.0), "str3", sample_weight=True)
    if pandas:
        add("RidgeClassifier-pandas", RC, "clf3", pandas=True)
    store = _param(lm.RidgeCV, "store_cv_results", "store_cv_values")
    add("RidgeCV", lambda: lm.RidgeCV(alphas=[0.1, 1.0, 10.0]), "reg")
    add("RidgeCV-store-cv", lambda: lm.RidgeCV(alphas=[0.01, 0.5, 5.0], **{store: True}), "reg")
    add("RidgeCV-folds-multioutput", lambda: lm.RidgeCV(alphas=[0.1, 1.0], cv=3), "reg2")
    add("LassoCV", lm.LassoCV, "reg")
    add("LassoCV-alphas", lambda: lm.LassoCV(alphas=[0.001, 0.01, 0.1], cv=3), "reg")
    add("ElasticNetCV-l1_ratios", lambda: lm.ElasticNetCV(l1_ratio=[0.2, 0.8], cv=3), "reg")
    if _since("1.0"):
        QR = lm.QuantileRegressor
        add("QuantileRegressor", lambda: QR(quantile=0.7, alpha=0.01, solver="highs"), "reg")
        add("QuantileRegressor-sample_weight", lambda: QR(alpha=0.05, solver="highs"), "reg", sample_weight=True)
    if _since("0.23"):
        add("PoissonRegressor", lambda: lm.PoissonRegressor(alpha=0.1), "pos")
        add("PoissonRegressor-sample_weight-no-intercept", lambda: lm.PoissonRegressor(fit_intercept=False), "pos",
            sample_weight=True)
        add("GammaRegressor", lambda: lm.GammaRegressor(alpha=0.01), "pos")
        add("TweedieRegressor-compound-poisson", lambda: lm.TweedieRegressor(power=1.5, alpha=0.1), "pos")
        add("TweedieRegressor-normal-identity", lambda: lm.TweedieRegressor(alpha=0.5), "reg")
        add("TweedieRegressor-inverse-gaussian-log", lambda: lm.TweedieRegressor(power=3, link="log"), "pos")
        if pandas:
            add("PoissonRegressor-pandas", lm.PoissonRegressor, "pos", pandas=True)
    _sgd_family(add, pandas, lm)


def _sgd_family(add, pandas, lm):
    """Issue 6: stochastic-gradient linear models (their loss objects are compiled)."""
    stop = {"max_iter": 1000, "tol": 1e-3, "random_state": 0}
    SGDC, SGDR = lm.SGDClassifier, lm.SGDRegressor
    log = "log_loss" if _since("1.1") else "log"
    squared = "squared_error" if _since("1.0") else "squared_loss"
    add("SGDClassifier-hinge-3class", lambda: SGDC(**stop), "clf3")
    add("SGDClassifier-log-binary", lambda: SGDC(loss=log, alpha=0.01, **stop), "clf2")
    add("SGDClassifier-log-3class-average", lambda: SGDC(loss=log, average=True, **stop), "str3")
    add("SGDClassifier-modified_huber-class_weight", lambda: SGDC(loss="modified_huber", class_weight="balanced",
                                                                  **stop), "clf3")
    add("SGDClassifier-squared-elasticnet", lambda: SGDC(loss=squared, penalty="elasticnet", learning_rate="constant",
                                                         eta0=0.001, **stop), "clf2")
    add("SGDClassifier-huber-early_stopping", lambda: SGDC(loss="huber", early_stopping=True, **stop), "str2")
    add("SGDClassifier-sample_weight", lambda: SGDC(loss="squared_hinge", **stop), "clf3", sample_weight=True)
    if pandas:
        add("SGDClassifier-pandas", lambda: SGDC(**stop), "clf3", pandas=True)
    add("SGDRegressor", lambda: SGDR(**stop), "reg")
    add("SGDRegressor-huber-average", lambda: SGDR(loss="huber", average=10, **stop), "reg")
    add("SGDRegressor-epsilon_insensitive-sample_weight", lambda: SGDR(loss="epsilon_insensitive", epsilon=0.05,
                                                                       **stop), "reg", sample_weight=True)
    add("Perceptron-3class", lambda: lm.Perceptron(**stop), "clf3")
    add("Perceptron-binary-l1-strings", lambda: lm.Perceptron(penalty="l1", alpha=0.001, **stop), "str2")
    PAC, PAR = lm.PassiveAggressiveClassifier, lm.PassiveAggressiveRegressor
    add("PassiveAggressiveClassifier-3class", lambda: PAC(**stop), "clf3")
    add("PassiveAggressiveClassifier-squared_hinge-binary", lambda: PAC(C=0.5, loss="squared_hinge", **stop), "clf2")
    add("PassiveAggressiveRegressor", lambda: PAR(**stop), "reg")
    add("PassiveAggressiveRegressor-squared-average", lambda: PAR(loss="squared_epsilon_insensitive", average=True,
                                                                  **stop), "reg")
