"""The model zoo: every supported estimator in several configurations, on fixed data.

Shared by the tests, the demo command and (later) the cross-version matrix,
so it must run unchanged on every supported release: data comes from numpy's
legacy ``RandomState`` (identical in every numpy), and a configuration that a
release cannot express (a parameter it lacks, a solver it dropped) is left
out for that release rather than approximated.
"""
from __future__ import annotations

import importlib
import warnings

import numpy as np
import sklearn

from .versions import has_release

N_SAMPLES = 120
N_FEATURES = 6

class Case:
    """One estimator configuration: an id, a factory, the data it is fitted on.

    ``data`` names the target in :func:`make_data` (``"none"`` for unsupervised
    fits); ``inputs`` names how the features are shaped for it (see
    :data:`INPUTS`; ``"labels"``: a label transformer fitted on the target alone);
    ``pandas`` feeds them as a DataFrame with named columns.
    """

    def __init__(self, id, make, data, sample_weight=False, pandas=False, inputs=None):
        self.id = id
        self.make = make
        self.data = data
        self.sample_weight = sample_weight
        self.pandas = pandas
        self.inputs = inputs

    def __repr__(self):
        return "Case(%r)" % self.id

    @classmethod
    def of_record(cls, record):
        """The configuration a matrix record was exported from (enough to compute its query)."""
        return cls(record["case"], None, record["data"], pandas=record["pandas"], inputs=record.get("inputs"))

    def fit(self, data=None):
        """The fitted estimator and the input its outputs are compared on."""
        data = data or make_data()
        y = data[self.data] if self.data != "none" else None
        kwargs = {"sample_weight": data["weight"]} if self.sample_weight else {}
        estimator = self.make()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if self.inputs == "labels":
                estimator.fit(y)
            elif y is None:
                estimator.fit(self.features(data["X"]), **kwargs)
            else:
                estimator.fit(self.features(data["X"]), y, **kwargs)
        return estimator, self.query(data)

    def query(self, data):
        """The input on which outputs are compared: new rows, or the labels of a label transformer."""
        if self.inputs == "labels":
            return data[self.data].copy()
        return self.features(data["X_query"])

    def query_target(self, data):
        """The targets of the query rows, which ``score`` is computed against (None for
        unsupervised fits and label transformers)."""
        if self.inputs == "labels":
            return None
        return data["query_targets"].get(self.data)

    def features(self, X):
        """``X`` as this configuration feeds it (shaped by ``inputs``, then a DataFrame if ``pandas``)."""
        if self.inputs is not None:
            X = INPUTS[self.inputs](X)
        if not self.pandas:
            return X
        import pandas as pd

        return pd.DataFrame(X, columns=["f%d" % i for i in range(X.shape[1])])


def _missing(X):
    X = X.copy()
    X[np.abs(X) > 1.5] = np.nan
    return X


def _categories(X):
    return np.array(["lo", "mid", "hi"], dtype=object)[np.digitize(X[:, :3], [-0.6, 0.6])]


def _mixed(X):
    """A DataFrame as production pipelines see: numeric columns with gaps, string columns."""
    import pandas as pd

    frame = pd.DataFrame(_missing(X[:, :3]), columns=["age", "income", "score"])
    strings = _categories(X[:, 3:])
    frame["city"], frame["plan"] = strings[:, 0], strings[:, 1]
    return frame


def _coded(X):
    """The last feature as category codes 0-3 (histogram gradient boosting's categorical_features)."""
    X = X.copy()
    X[:, -1] = np.digitize(X[:, -1], [-0.6, 0.0, 0.6])
    return X


def _category_frame(X):
    """Numeric columns and a pandas categorical column of strings (categorical_features='from_dtype')."""
    import pandas as pd

    frame = pd.DataFrame(X[:, :4], columns=["a", "b", "c", "d"])
    frame["kind"] = pd.Categorical(_categories(X[:, 4:])[:, 0])
    return frame


#: How a configuration's features are made from the zoo's normal data (same bits in every release).
INPUTS = {
    "positive": lambda X: np.abs(X) + 0.1,
    "float32": lambda X: X.astype(np.float32),
    "nonnegative": np.abs,  # counts-like data for NMF and LDA
    # Small non-negative integers: counts or categories 0, 1, 2 (naive Bayes of discrete features).
    "counts": lambda X: np.minimum(np.floor(np.abs(X) * 1.5), 2).astype(np.int64),
    # The first feature alone as a 1-D array (IsotonicRegression).
    "first": lambda X: X[:, 0].copy(),
    "missing": _missing,
    "integers": lambda X: np.digitize(X, [-1.0, 0.0, 1.0]).astype(np.int64),
    "categories": _categories,
    "mixed": _mixed,
    "coded": _coded,
    "category frame": _category_frame,
    # CSR samples, 60% of the entries stored (text features and one-hot data arrive so), no two rows
    # alike: releases order neighbours at exactly equal distances differently
    "sparse": lambda X: _sparse(X),
    "sparse nonnegative": lambda X: abs(_sparse(X)),
    "text": lambda X: _text(X),
    "records": lambda X: _records(X),
}

#: Words of the zoo's documents (non-ASCII ones included).
_WORDS = ("model", "data", "café", "naïve", "über", "tree", "forest", "signal", "noise", "label", "score", "vector")


def _text(X):
    """A short English-like document per row: a word per feature picked by its value, with
    stop words around them (the same text in every release)."""
    documents = []
    for row in X:
        words = [_WORDS[int(abs(value) * 4) % len(_WORDS)] for value in row]
        documents.append("The %s and the %s of %s." % (" ".join(words[:3]), " ".join(words[3:]), words[0].upper()))
    return documents


def _records(X):
    """A dict per row, as DictVectorizer and FeatureHasher take: numbers and strings."""
    cities = ("Paris", "Zürich", "Oslo")
    return [{"width": float(row[0]), "height": float(row[1]), "city": cities[int(np.digitize(row[2], [-0.5, 0.5]))]}
            for row in X]


def _sparse(X):
    from scipy import sparse

    return sparse.csr_matrix(np.where(np.abs(X) > 0.5, X, 0.0))


def make_data(n_samples: int = N_SAMPLES, n_features: int = N_FEATURES) -> dict:
    """Fixed synthetic data: the same bits in every numpy release. ``X_query`` holds
    new rows from the same distribution, on which outputs are compared; their targets
    (``query_targets``, drawn last so nothing before them changes) are what ``score``
    is computed against."""
    rng = np.random.RandomState(0)
    X = rng.normal(size=(n_samples, n_features))
    coef = rng.normal(size=n_features)
    targets, thresholds = _targets(X, coef, rng)
    data = dict(targets, X=X, weight=rng.uniform(0.5, 2.0, size=n_samples),
                X_query=rng.normal(size=(n_samples // 3, n_features)))
    data["query_targets"], _ = _targets(data["X_query"], coef, rng, thresholds)
    return data


def _targets(X, coef, rng, thresholds=None):
    """``({target name: targets of X}, thresholds)``: a linear score with noise and a
    second, nonlinear output, and labels cut from the score at ``thresholds`` (the
    score's terciles and median when None)."""
    score = X.dot(coef) + 0.5 * rng.normal(size=len(X))
    second = X[:, 0] * 2.0 - X[:, 1] ** 2 + 0.1 * rng.normal(size=len(X))
    cuts, median = thresholds or (np.percentile(score, [33.3, 66.7]), np.median(score))
    y3, y2 = np.digitize(score, cuts), (score > median).astype(np.int64)
    return {"reg": score, "reg2": np.column_stack([score, second]), "pos": np.exp(score / 4.0), "clf3": y3,
            "clf2": y2, "str3": np.array(["cat", "dog", "emu"])[y3], "str2": np.array(["no", "yes"])[y2],
            "multi": np.column_stack([y3, y2])}, (cuts, median)


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

    _preprocessing_cases(add)
    _composition_cases(add, pandas)

    PCA = decomposition.PCA
    add("PCA", PCA, "none")
    add("PCA-full-whiten", lambda: PCA(n_components=3, whiten=True, svd_solver="full"), "none")
    add("PCA-arpack", lambda: PCA(n_components=2, svd_solver="arpack", random_state=0), "none")
    add("PCA-randomized", lambda: PCA(n_components=2, svd_solver="randomized", random_state=0), "none")
    add("PCA-variance-ratio", lambda: PCA(n_components=0.9, svd_solver="full"), "none")
    _ensembles(add, pandas)
    _svm_nb_cases(add, pandas)
    _linear_family(add, pandas)
    _cv_classifiers(add, pandas)
    _hist_gradient_boosting(add, pandas)
    _sparse_cases(add)
    _text_cases(add)
    _search_cases(add)
    out.extend(_unsupervised_cases(pandas))
    return out


def _text_cases(add):
    """Text and dictionary vectorizers, alone and in the pipelines real projects pickle."""
    from sklearn import linear_model, naive_bayes, pipeline, svm
    from sklearn.feature_extraction import DictVectorizer, FeatureHasher, text

    add("CountVectorizer-ngrams-stop_words", lambda: text.CountVectorizer(ngram_range=(1, 2), stop_words="english",
                                                                          min_df=2), "none", inputs="text")
    add("CountVectorizer-char_wb", lambda: text.CountVectorizer(analyzer="char_wb", ngram_range=(2, 3),
                                                                max_features=60, binary=True), "none", inputs="text")
    add("TfidfVectorizer-sublinear", lambda: text.TfidfVectorizer(sublinear_tf=True, max_df=0.9), "none",
        inputs="text")
    add("TfidfVectorizer-float32-l1", lambda: text.TfidfVectorizer(dtype=np.float32, norm="l1", smooth_idf=False),
        "none", inputs="text")
    add("TfidfVectorizer-no-idf", lambda: text.TfidfVectorizer(use_idf=False), "none", inputs="text")
    add("TfidfTransformer", text.TfidfTransformer, "none", inputs="counts")
    add("HashingVectorizer", lambda: text.HashingVectorizer(n_features=2 ** 8, ngram_range=(1, 2)), "none",
        inputs="text")
    add("DictVectorizer-dense", lambda: DictVectorizer(sparse=False), "none", inputs="records")
    add("DictVectorizer-sparse", DictVectorizer, "none", inputs="records")
    add("FeatureHasher", lambda: FeatureHasher(n_features=64), "none", inputs="records")
    add("Pipeline-TfidfVectorizer-LogisticRegression", lambda: pipeline.make_pipeline(
        text.TfidfVectorizer(), linear_model.LogisticRegression(max_iter=500)), "str3", inputs="text")
    add("Pipeline-CountVectorizer-MultinomialNB", lambda: pipeline.make_pipeline(
        text.CountVectorizer(), naive_bayes.MultinomialNB()), "clf3", inputs="text")
    add("Pipeline-TfidfVectorizer-LinearSVC", lambda: pipeline.make_pipeline(
        text.TfidfVectorizer(ngram_range=(1, 2)), svm.LinearSVC(C=0.5)), "clf2", inputs="text")


def _search_cases(add):
    """Hyper-parameter searches pickled whole: scorers named, listed (multimetric) and made
    with make_scorer, splitter objects, estimators and tuples as searched values (masked where
    a candidate's grid does not set them), refit=False, successive halving (0.24+)."""
    from sklearn import linear_model, model_selection as ms, pipeline, preprocessing, svm, tree
    from sklearn.feature_extraction import text
    from sklearn.metrics import fbeta_score, make_scorer

    multinomial = {} if _since("0.22") else {"multi_class": "multinomial"}

    def logistic(**kwargs):
        return linear_model.LogisticRegression(solver="lbfgs", max_iter=500, **dict(multinomial, **kwargs))

    Cs = {"C": [0.1, 1.0, 10.0]}
    add("GridSearchCV-LogisticRegression", lambda: ms.GridSearchCV(logistic(), Cs, cv=3), "clf3")
    add("GridSearchCV-SVC-accuracy-strings", lambda: ms.GridSearchCV(
        svm.SVC(gamma="scale"), {"C": [0.5, 2.0], "kernel": ["rbf", "linear"]}, scoring="accuracy", cv=3), "str3")
    add("GridSearchCV-multimetric-refit-train-scores", lambda: ms.GridSearchCV(
        logistic(), Cs, scoring=["accuracy", "f1_macro"], refit="f1_macro", cv=3, return_train_score=True), "clf3")
    add("GridSearchCV-make_scorer-fbeta", lambda: ms.GridSearchCV(
        tree.DecisionTreeClassifier(random_state=0), {"max_depth": [2, 4]},
        scoring=make_scorer(fbeta_score, beta=2, average="macro"), cv=3), "clf3")
    rmse = "neg_root_mean_squared_error" if _since("0.22") else "neg_mean_squared_error"
    add("GridSearchCV-Ridge-rmse-KFold", lambda: ms.GridSearchCV(
        linear_model.Ridge(), {"alpha": [0.1, 1.0, 10.0]}, scoring=rmse,
        cv=ms.KFold(3, shuffle=True, random_state=0)), "reg")
    add("GridSearchCV-roc_auc-binary", lambda: ms.GridSearchCV(logistic(), Cs, scoring="roc_auc", cv=3), "str2")
    add("GridSearchCV-Pipeline-estimators-as-values", lambda: ms.GridSearchCV(
        pipeline.Pipeline([("scale", preprocessing.StandardScaler()), ("clf", logistic())]),
        [{"clf": [logistic()], "clf__C": [0.5, 2.0]}, {"clf": [tree.DecisionTreeClassifier(max_depth=3,
                                                                                           random_state=0)]}],
        cv=ms.StratifiedKFold(3)), "clf3")
    add("GridSearchCV-refit-false", lambda: ms.GridSearchCV(logistic(), Cs, refit=False, cv=3), "clf3")
    add("GridSearchCV-TfidfVectorizer-ngram-tuples", lambda: ms.GridSearchCV(
        pipeline.make_pipeline(text.TfidfVectorizer(), logistic()),
        {"tfidfvectorizer__ngram_range": [(1, 1), (1, 2)], "logisticregression__C": [1.0, 10.0]}, cv=3),
        "str3", inputs="text")
    add("RandomizedSearchCV-DecisionTree", lambda: ms.RandomizedSearchCV(
        tree.DecisionTreeClassifier(random_state=0), {"max_depth": [2, 3, 4, 5], "min_samples_leaf": [1, 3, 5]},
        n_iter=4, random_state=0, cv=3), "clf3")
    add("RandomizedSearchCV-ShuffleSplit-regressor", lambda: ms.RandomizedSearchCV(
        tree.DecisionTreeRegressor(random_state=0), {"max_depth": [2, 4, 6, None]}, n_iter=3, random_state=0,
        cv=ms.ShuffleSplit(3, test_size=0.25, random_state=0)), "reg")
    if _since("0.24"):
        importlib.import_module("sklearn.experimental.enable_halving_search_cv")  # makes them importable
        from sklearn.model_selection import HalvingGridSearchCV, HalvingRandomSearchCV

        add("HalvingGridSearchCV-DecisionTree", lambda: HalvingGridSearchCV(
            tree.DecisionTreeClassifier(random_state=0), {"max_depth": [2, 4, 6], "min_samples_split": [2, 8]},
            factor=2, cv=3, random_state=0), "clf3")
        add("HalvingRandomSearchCV-LogisticRegression", lambda: HalvingRandomSearchCV(
            logistic(), {"C": [0.01, 0.1, 1.0, 10.0]}, factor=2, cv=3, random_state=0), "clf2")


def _sparse_cases(add):
    """Estimators fitted on CSR samples: sparse support vectors and dual coefficients (libsvm's
    sparse path), sparse training samples (brute-force neighbours), and models whose fitted
    state is dense but whose fit took the sparse route."""
    from sklearn import cluster, decomposition, linear_model, naive_bayes, neighbors, svm

    add("SVC-sparse", lambda: svm.SVC(gamma="scale", probability=True, random_state=0), "clf3", inputs="sparse")
    add("NuSVC-sparse-binary", lambda: svm.NuSVC(nu=0.3, gamma="scale"), "clf2", inputs="sparse")
    add("SVR-sparse-linear", lambda: svm.SVR(kernel="linear"), "reg", inputs="sparse")
    add("NuSVR-sparse", lambda: svm.NuSVR(gamma="scale"), "reg", inputs="sparse")
    add("OneClassSVM-sparse", lambda: svm.OneClassSVM(gamma="scale"), "none", inputs="sparse")
    add("KNeighborsClassifier-sparse", lambda: neighbors.KNeighborsClassifier(n_neighbors=5), "str3",
        inputs="sparse")
    add("KNeighborsRegressor-sparse-manhattan", lambda: neighbors.KNeighborsRegressor(
        n_neighbors=4, metric="manhattan"), "reg", inputs="sparse")
    add("NearestNeighbors-sparse", lambda: neighbors.NearestNeighbors(n_neighbors=3), "none", inputs="sparse")
    add("LogisticRegression-sparse", lambda: linear_model.LogisticRegression(solver="liblinear"), "clf2",
        inputs="sparse")
    add("Ridge-sparse", lambda: linear_model.Ridge(alpha=0.5, solver="sparse_cg"), "reg", inputs="sparse")
    add("MultinomialNB-sparse", naive_bayes.MultinomialNB, "clf3", inputs="sparse nonnegative")
    add("TruncatedSVD-sparse", lambda: decomposition.TruncatedSVD(n_components=3, random_state=0), "none",
        inputs="sparse")
    add("KMeans-sparse", lambda: cluster.KMeans(n_clusters=3, n_init=3, random_state=0), "none", inputs="sparse")


def _unsupervised_cases(pandas) -> list:
    """Issue 6: neighbours, mixtures, decompositions, DBSCAN, Birch and Gaussian processes."""
    from sklearn import cluster, decomposition, gaussian_process, mixture, neighbors
    from sklearn.gaussian_process import kernels

    out = []

    def add(id, make, data, **kwargs):
        out.append(Case(id, make, data, **kwargs))

    RNC, RNR, NN = neighbors.RadiusNeighborsClassifier, neighbors.RadiusNeighborsRegressor, neighbors.NearestNeighbors
    add("RadiusNeighborsClassifier-ball_tree", lambda: RNC(radius=3.0, algorithm="ball_tree"), "clf3")
    add("RadiusNeighborsClassifier-distance-kd_tree-strings", lambda: RNC(radius=3.5, weights="distance",
                                                                          algorithm="kd_tree"), "str3")
    add("RadiusNeighborsClassifier-brute-manhattan", lambda: RNC(radius=6.0, p=1, algorithm="brute"), "clf2")
    if _since("0.22"):
        add("RadiusNeighborsClassifier-outlier_label", lambda: RNC(radius=1.9, outlier_label="most_frequent"),
            "clf3")
    add("RadiusNeighborsRegressor-kd_tree", lambda: RNR(radius=3.0, algorithm="kd_tree"), "reg")
    add("RadiusNeighborsRegressor-ball_tree-distance", lambda: RNR(radius=3.5, weights="distance",
                                                                   algorithm="ball_tree", leaf_size=5), "reg")
    add("RadiusNeighborsRegressor-brute-multioutput", lambda: RNR(radius=3.0, algorithm="brute"), "reg2")
    add("NearestNeighbors-kd_tree", lambda: NN(n_neighbors=4, algorithm="kd_tree"), "none")
    add("NearestNeighbors-ball_tree-manhattan", lambda: NN(n_neighbors=3, p=1, algorithm="ball_tree"), "none")
    add("NearestNeighbors-brute-cosine", lambda: NN(n_neighbors=5, metric="cosine", algorithm="brute"), "none")
    LOF = neighbors.LocalOutlierFactor
    add("LocalOutlierFactor-kd_tree", lambda: LOF(n_neighbors=10, novelty=True, algorithm="kd_tree",
                                                  contamination=0.1), "none")
    add("LocalOutlierFactor-ball_tree-auto", lambda: LOF(n_neighbors=15, novelty=True, algorithm="ball_tree",
                                                         contamination="auto"), "none")
    if pandas:
        add("LocalOutlierFactor-brute-pandas", lambda: LOF(novelty=True, algorithm="brute", contamination=0.2),
            "none", pandas=True)

    GM, BGM = mixture.GaussianMixture, mixture.BayesianGaussianMixture
    for covariance in ("full", "tied", "diag", "spherical"):
        add("GaussianMixture-%s" % covariance, lambda c=covariance: GM(n_components=3, covariance_type=c,
                                                                        random_state=0), "none")
    add("BayesianGaussianMixture-dirichlet_process", lambda: BGM(n_components=3, random_state=0), "none")
    add("BayesianGaussianMixture-dirichlet_distribution-diag",
        lambda: BGM(n_components=3, covariance_type="diag", weight_concentration_prior_type="dirichlet_distribution",
                    random_state=0), "none")

    TSVD = decomposition.TruncatedSVD
    add("TruncatedSVD-randomized", lambda: TSVD(n_components=3, random_state=0), "none")
    add("TruncatedSVD-arpack", lambda: TSVD(n_components=2, algorithm="arpack", random_state=0), "none")
    NMF = decomposition.NMF
    add("NMF-cd", lambda: NMF(n_components=3, init="nndsvd", random_state=0, max_iter=400), "none",
        inputs="nonnegative")
    add("NMF-mu-kl", lambda: NMF(n_components=2, init="nndsvda", solver="mu", beta_loss="kullback-leibler",
                                 random_state=0, max_iter=300), "none", inputs="nonnegative")
    ICA = decomposition.FastICA
    add("FastICA", lambda: ICA(n_components=4, random_state=0, max_iter=400), "none")
    add("FastICA-deflation-no-whiten", lambda: ICA(algorithm="deflation", whiten=False, random_state=0,
                                                   max_iter=400), "none")
    IPCA = decomposition.IncrementalPCA
    add("IncrementalPCA", lambda: IPCA(n_components=3, batch_size=40), "none")
    add("IncrementalPCA-whiten", lambda: IPCA(whiten=True), "none")
    KPCA = decomposition.KernelPCA
    add("KernelPCA-rbf", lambda: KPCA(n_components=3, kernel="rbf", gamma=0.1), "none")
    add("KernelPCA-poly-inverse", lambda: KPCA(n_components=4, kernel="poly", degree=2, gamma=0.2,
                                               fit_inverse_transform=True), "none")
    add("KernelPCA-sigmoid", lambda: KPCA(n_components=3, kernel="sigmoid", coef0=0.5), "none")
    add("KernelPCA-linear-dense", lambda: KPCA(n_components=2, eigen_solver="dense"), "none")
    FA = decomposition.FactorAnalysis
    add("FactorAnalysis", lambda: FA(n_components=3, random_state=0), "none")
    add("FactorAnalysis-lapack", lambda: FA(svd_method="lapack"), "none")
    if _since("0.24"):
        add("FactorAnalysis-varimax", lambda: FA(n_components=2, rotation="varimax", random_state=0), "none")
    LDA = decomposition.LatentDirichletAllocation
    add("LatentDirichletAllocation-batch", lambda: LDA(n_components=3, learning_method="batch", random_state=0),
        "none", inputs="nonnegative")
    add("LatentDirichletAllocation-online", lambda: LDA(n_components=2, learning_method="online", batch_size=30,
                                                        random_state=0), "none", inputs="nonnegative")

    add("DBSCAN", lambda: cluster.DBSCAN(eps=2.0), "none")
    add("DBSCAN-manhattan-sample_weight", lambda: cluster.DBSCAN(eps=3.5, min_samples=8, metric="manhattan"), "none",
        sample_weight=True)

    add("Birch", lambda: cluster.Birch(n_clusters=3), "none")
    # A small threshold and branching factor grow a CF tree several levels deep.
    add("Birch-deep-no-global-clustering", lambda: cluster.Birch(threshold=0.6, branching_factor=4, n_clusters=None,
                                                                 compute_labels=False), "none")
    # The global clustering by an estimator (fitted on the subclusters); 1.2+ keeps a float32 CF tree.
    add("Birch-kmeans-float32", lambda: cluster.Birch(threshold=1.5, n_clusters=cluster.KMeans(
        n_clusters=3, n_init=3, random_state=0)), "none", inputs="float32")

    GPR, GPC = gaussian_process.GaussianProcessRegressor, gaussian_process.GaussianProcessClassifier
    add("GaussianProcessRegressor", lambda: GPR(random_state=0), "reg")
    # (a well-conditioned kernel matrix: rounding differences of the kernel values grow with its condition number)
    add("GaussianProcessRegressor-rational-quadratic-normalize_y",
        lambda: GPR(kernel=kernels.RationalQuadratic(), alpha=0.5, normalize_y=True, random_state=0), "reg")
    add("GaussianProcessRegressor-matern-white-multioutput",
        lambda: GPR(kernel=kernels.Matern(nu=1.5) + kernels.DotProduct() ** 2 + kernels.WhiteKernel(0.1),
                    optimizer=None, alpha=1e-2), "reg2")
    add("GaussianProcessClassifier-binary", lambda: GPC(random_state=0), "clf2")
    add("GaussianProcessClassifier-rational-quadratic-strings",
        lambda: GPC(kernel=kernels.RationalQuadratic(), random_state=0), "str2")
    return out


def _preprocessing_cases(add):
    from sklearn import feature_selection, impute, preprocessing as pp

    add("StandardScaler", pp.StandardScaler, "none")
    add("StandardScaler-no-mean", lambda: pp.StandardScaler(with_mean=False), "none")
    if _since("0.24"):
        add("StandardScaler-sample_weight", pp.StandardScaler, "none", sample_weight=True)
    add("MinMaxScaler", lambda: pp.MinMaxScaler(feature_range=(-1.0, 2.0)), "none")
    add("MaxAbsScaler", pp.MaxAbsScaler, "none")
    add("RobustScaler", lambda: pp.RobustScaler(quantile_range=(10.0, 90.0)), "none")
    add("RobustScaler-no-centering", lambda: pp.RobustScaler(with_centering=False), "none")
    add("Normalizer-l1", lambda: pp.Normalizer(norm="l1"), "none")
    add("Normalizer-max", lambda: pp.Normalizer(norm="max"), "none")
    add("Binarizer", lambda: pp.Binarizer(threshold=0.2), "none")
    add("QuantileTransformer-normal", lambda: pp.QuantileTransformer(n_quantiles=50, output_distribution="normal",
                                                                     random_state=0), "none")
    add("QuantileTransformer-uniform", lambda: pp.QuantileTransformer(n_quantiles=30, random_state=0), "none")
    add("PowerTransformer-yeo-johnson", pp.PowerTransformer, "none")
    add("PowerTransformer-box-cox", lambda: pp.PowerTransformer(method="box-cox", standardize=False), "none",
        inputs="positive")
    add("PolynomialFeatures", lambda: pp.PolynomialFeatures(2), "none")
    add("PolynomialFeatures-interactions", lambda: pp.PolynomialFeatures(3, interaction_only=True,
                                                                         include_bias=False), "none")
    for strategy in ("uniform", "quantile", "kmeans"):
        add("KBinsDiscretizer-%s" % strategy, lambda s=strategy: pp.KBinsDiscretizer(
            n_bins=4, encode="ordinal", strategy=s), "none")
    add("KBinsDiscretizer-onehot", lambda: pp.KBinsDiscretizer(n_bins=3), "none")
    dense = {_param(pp.OneHotEncoder, "sparse_output", "sparse"): False}
    add("OneHotEncoder-ignore", lambda: pp.OneHotEncoder(handle_unknown="ignore"), "none", inputs="categories")
    add("OneHotEncoder-integers-dense", lambda: pp.OneHotEncoder(**dense), "none", inputs="integers")
    if _since("0.21"):
        add("OneHotEncoder-drop-first", lambda: pp.OneHotEncoder(drop="first", **dense), "none", inputs="categories")
    if _since("1.1"):
        add("OneHotEncoder-infrequent", lambda: pp.OneHotEncoder(min_frequency=20, handle_unknown="infrequent_if_exist"),
            "none", inputs="integers")
    add("OrdinalEncoder", pp.OrdinalEncoder, "none", inputs="categories")
    add("OrdinalEncoder-integers", pp.OrdinalEncoder, "none", inputs="integers")
    add("LabelEncoder-strings", pp.LabelEncoder, "str3", inputs="labels")
    add("LabelBinarizer-strings", pp.LabelBinarizer, "str3", inputs="labels")
    add("LabelBinarizer-binary", lambda: pp.LabelBinarizer(neg_label=-1), "clf2", inputs="labels")
    add("FunctionTransformer-log1p", lambda: pp.FunctionTransformer(np.log1p, inverse_func=np.expm1), "none",
        inputs="positive")
    for strategy in ("mean", "median", "most_frequent"):
        add("SimpleImputer-%s" % strategy, lambda s=strategy: impute.SimpleImputer(strategy=s), "none",
            inputs="missing")
    add("SimpleImputer-constant", lambda: impute.SimpleImputer(strategy="constant", fill_value=-1.0), "none",
        inputs="missing")
    if _since("0.21"):
        add("SimpleImputer-indicator", lambda: impute.SimpleImputer(add_indicator=True), "none", inputs="missing")
    add("MissingIndicator", lambda: impute.MissingIndicator(features="all"), "none", inputs="missing")
    if _since("0.22"):
        add("KNNImputer", lambda: impute.KNNImputer(n_neighbors=3), "none", inputs="missing")
    add("VarianceThreshold", lambda: feature_selection.VarianceThreshold(0.8), "none")
    add("SelectKBest-f_classif", lambda: feature_selection.SelectKBest(feature_selection.f_classif, k=3), "clf3")
    add("SelectKBest-chi2", lambda: feature_selection.SelectKBest(feature_selection.chi2, k=2), "clf2",
        inputs="positive")
    add("SelectKBest-f_regression", lambda: feature_selection.SelectKBest(feature_selection.f_regression, k=4),
        "reg")


def _composition_cases(add, pandas):
    from sklearn import compose, decomposition, ensemble, feature_selection, impute, linear_model, multiclass
    from sklearn import multioutput, pipeline, preprocessing as pp, tree

    multinomial = {} if _since("0.22") else {"multi_class": "multinomial"}

    def logistic():
        return linear_model.LogisticRegression(solver="lbfgs", max_iter=500, **multinomial)

    add("Pipeline-scaler-logistic", lambda: pipeline.Pipeline([("scale", pp.StandardScaler()), ("clf", logistic())]),
        "clf3")
    add("Pipeline-polynomial-ridge", lambda: pipeline.make_pipeline(pp.PolynomialFeatures(2),
                                                                    linear_model.Ridge(alpha=1.0)), "reg")
    if _since("0.21"):
        add("Pipeline-passthrough-step", lambda: pipeline.Pipeline([("skip", "passthrough"),
                                                                    ("tree", tree.DecisionTreeClassifier(
                                                                        max_depth=3, random_state=0))]), "str3")
    add("FeatureUnion-pca-kbest", lambda: pipeline.make_pipeline(pipeline.FeatureUnion([
        ("pca", decomposition.PCA(n_components=2)),
        ("kbest", feature_selection.SelectKBest(feature_selection.f_classif, k=2))]), logistic()), "clf3")
    add("FeatureUnion-weights", lambda: pipeline.FeatureUnion([
        ("scale", pp.StandardScaler()), ("pca", decomposition.PCA(n_components=2))],
        transformer_weights={"pca": 2.0}), "none")
    add("ColumnTransformer-selectors", lambda: compose.ColumnTransformer([
        ("scale", pp.StandardScaler(), [0, 1]), ("minmax", pp.MinMaxScaler(), slice(2, 4)),
        ("dropped", "drop", np.array([False] * 4 + [True, False]))], remainder="passthrough"), "none")
    add("ColumnTransformer-remainder-estimator", lambda: compose.ColumnTransformer(
        [("bins", pp.KBinsDiscretizer(n_bins=3, encode="ordinal"), [5])], remainder=pp.RobustScaler()), "none")
    if pandas:
        add("Pipeline-ColumnTransformer-frame", lambda: pipeline.make_pipeline(compose.ColumnTransformer([
            ("num", pipeline.make_pipeline(impute.SimpleImputer(), pp.StandardScaler()), ["age", "income", "score"]),
            ("cat", pp.OneHotEncoder(handle_unknown="ignore"), ["city", "plan"])]), logistic()), "str3",
            inputs="mixed")
        if _since("0.22"):
            add("ColumnTransformer-column-selector", lambda: compose.ColumnTransformer([
                ("num", impute.SimpleImputer(strategy="median"), compose.make_column_selector(dtype_include=np.number)),
                ("cat", pp.OrdinalEncoder(), compose.make_column_selector(dtype_include=object))]), "none",
                inputs="mixed")
    add("TransformedTargetRegressor-scaler", lambda: compose.TransformedTargetRegressor(
        regressor=linear_model.LinearRegression(), transformer=pp.StandardScaler()), "reg")
    add("TransformedTargetRegressor-functions", lambda: compose.TransformedTargetRegressor(
        regressor=linear_model.Ridge(alpha=0.5), func=np.arcsinh, inverse_func=np.sinh), "reg")
    add("VotingClassifier-soft", lambda: ensemble.VotingClassifier([
        ("lr", logistic()), ("tree", tree.DecisionTreeClassifier(max_depth=3, random_state=0))], voting="soft"),
        "str3")
    add("VotingClassifier-hard-weights", lambda: ensemble.VotingClassifier([
        ("lr", logistic()), ("tree", tree.DecisionTreeClassifier(max_depth=2, random_state=0)),
        ("tree2", tree.DecisionTreeClassifier(max_depth=4, random_state=1))], weights=[2, 1, 1]), "clf3")
    if _since("0.21"):
        add("VotingRegressor", lambda: ensemble.VotingRegressor([
            ("ridge", linear_model.Ridge()), ("tree", tree.DecisionTreeRegressor(max_depth=4, random_state=0))]),
            "reg")
    if _since("0.22"):
        add("StackingClassifier", lambda: ensemble.StackingClassifier([
            ("lr", logistic()), ("tree", tree.DecisionTreeClassifier(max_depth=3, random_state=0))],
            final_estimator=logistic(), cv=3), "clf3")
        add("StackingRegressor-passthrough", lambda: ensemble.StackingRegressor([
            ("ridge", linear_model.Ridge()), ("tree", tree.DecisionTreeRegressor(max_depth=3, random_state=0))],
            final_estimator=linear_model.Ridge(alpha=2.0), cv=3, passthrough=True), "reg")
    add("OneVsRestClassifier", lambda: multiclass.OneVsRestClassifier(logistic()), "str3")
    add("OneVsOneClassifier", lambda: multiclass.OneVsOneClassifier(tree.DecisionTreeClassifier(
        max_depth=3, random_state=0)), "clf3")
    add("MultiOutputRegressor", lambda: multioutput.MultiOutputRegressor(linear_model.Ridge(alpha=0.3)), "reg2")
    add("MultiOutputClassifier", lambda: multioutput.MultiOutputClassifier(tree.DecisionTreeClassifier(
        max_depth=3, random_state=0)), "multi")


def _ensembles(add, pandas):
    """Ensembles: extra trees, isolation forest, AdaBoost classifier, bagging."""
    from sklearn import ensemble, linear_model, tree

    ETC, ETR = ensemble.ExtraTreesClassifier, ensemble.ExtraTreesRegressor
    add("ExtraTreesClassifier-3class", lambda: ETC(n_estimators=8, random_state=0), "clf3")
    add("ExtraTreesClassifier-strings-bootstrap-class_weight",
        lambda: ETC(n_estimators=6, bootstrap=True, class_weight="balanced", random_state=0), "str3")
    add("ExtraTreesClassifier-binary-sample_weight", lambda: ETC(n_estimators=6, max_depth=4, random_state=0),
        "clf2", sample_weight=True)
    if pandas:
        add("ExtraTreesClassifier-pandas", lambda: ETC(n_estimators=5, random_state=0), "clf3", pandas=True)
    add("ExtraTreesRegressor", lambda: ETR(n_estimators=8, max_features=0.5, random_state=0), "reg")
    add("ExtraTreesRegressor-multioutput", lambda: ETR(n_estimators=6, random_state=0), "reg2")
    add("ExtraTreesRegressor-bootstrap-sample_weight",
        lambda: ETR(n_estimators=6, bootstrap=True, min_samples_leaf=2, random_state=0), "reg", sample_weight=True)

    IF = ensemble.IsolationForest
    new_behaviour = {} if _since("0.22") else {"behaviour": "new"}
    add("IsolationForest", lambda: IF(n_estimators=10, random_state=0), "none")  # 0.20-0.21: behaviour='old'
    add("IsolationForest-contamination-max_features",
        lambda: IF(n_estimators=8, contamination=0.15, max_samples=64, max_features=0.5, random_state=0,
                   **new_behaviour), "none")
    add("IsolationForest-bootstrap-sample_weight",
        lambda: IF(n_estimators=6, contamination="auto", bootstrap=True, random_state=0, **new_behaviour), "none",
        sample_weight=True)
    if pandas:
        add("IsolationForest-pandas", lambda: IF(n_estimators=5, max_samples=0.5, random_state=0, **new_behaviour),
            "none", pandas=True)

    ABC = ensemble.AdaBoostClassifier
    member = _param(ABC, "estimator", "base_estimator")
    samme = {} if _since("1.8") else {"algorithm": "SAMME"}
    if not _since("1.6"):  # SAMME.R, the default until 1.6
        add("AdaBoostClassifier-SAMME.R-3class", lambda: ABC(n_estimators=10, algorithm="SAMME.R", random_state=0),
            "clf3")
        add("AdaBoostClassifier-SAMME.R-binary-sample_weight",
            lambda: ABC(n_estimators=8, algorithm="SAMME.R", learning_rate=0.5, random_state=0), "clf2",
            sample_weight=True)
    add("AdaBoostClassifier-SAMME-3class-strings", lambda: ABC(n_estimators=10, random_state=0, **samme), "str3")
    add("AdaBoostClassifier-SAMME-binary-depth2", lambda: ABC(**dict(
        samme, n_estimators=8, random_state=0, **{member: tree.DecisionTreeClassifier(max_depth=2)})), "clf2")

    BC, BR = ensemble.BaggingClassifier, ensemble.BaggingRegressor
    member = _param(BC, "estimator", "base_estimator")
    add("BaggingClassifier-trees-3class", lambda: BC(n_estimators=6, random_state=0), "clf3")
    add("BaggingClassifier-logistic-max_features-strings", lambda: BC(**{
        member: linear_model.LogisticRegression(solver="lbfgs", max_iter=500), "n_estimators": 5,
        "max_features": 0.5, "max_samples": 0.8, "random_state": 0}), "str2")
    add("BaggingClassifier-bootstrap_features-sample_weight",
        lambda: BC(n_estimators=5, bootstrap_features=True, random_state=0), "clf2", sample_weight=True)
    if pandas:
        add("BaggingClassifier-pandas", lambda: BC(n_estimators=4, max_features=0.5, random_state=0), "clf3",
            pandas=True)
    add("BaggingRegressor-trees", lambda: BR(n_estimators=6, random_state=0), "reg")
    add("BaggingRegressor-linear-max_features", lambda: BR(**{
        member: linear_model.LinearRegression(), "n_estimators": 5, "max_features": 0.5, "random_state": 0}),
        "reg")
    add("BaggingRegressor-extra-tree-no-bootstrap", lambda: BR(**{
        member: tree.ExtraTreeRegressor(random_state=0), "n_estimators": 4, "bootstrap": False,
        "max_samples": 0.7, "random_state": 0}), "reg2")


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
    add("MultinomialNB-3class", lambda: NB.MultinomialNB(alpha=0.5), "clf3", inputs="counts")
    add("MultinomialNB-uniform-sample_weight", lambda: NB.MultinomialNB(fit_prior=False), "str2", sample_weight=True,
        inputs="counts")
    add("BernoulliNB-3class", NB.BernoulliNB, "clf3")
    add("BernoulliNB-binarize-strings-sample_weight", lambda: NB.BernoulliNB(alpha=0.3, binarize=0.5), "str3",
        sample_weight=True)
    add("ComplementNB-3class", NB.ComplementNB, "clf3", inputs="counts")
    add("ComplementNB-norm-binary", lambda: NB.ComplementNB(norm=True), "clf2", inputs="counts")
    if _since("0.22"):
        add("CategoricalNB-3class", NB.CategoricalNB, "clf3", inputs="counts")
        add("CategoricalNB-strings-sample_weight", lambda: NB.CategoricalNB(alpha=0.5), "str2", sample_weight=True,
            inputs="counts")

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
    add("IsotonicRegression", IR, "reg", inputs="first")
    add("IsotonicRegression-decreasing-clip-sample_weight", lambda: IR(increasing=False, out_of_bounds="clip"),
        "reg", sample_weight=True, inputs="first")
    add("IsotonicRegression-auto-bounds", lambda: IR(increasing="auto", y_min=-1.0, y_max=1.0), "reg",
        inputs="first")


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


def _cv_classifiers(add, pandas):
    """Issue 6: cross-validated classifiers and probability calibration."""
    from sklearn import calibration, ensemble, linear_model as lm, naive_bayes, svm

    LRCV = lm.LogisticRegressionCV
    grid = {"Cs": 4, "cv": 3, "max_iter": 500}
    multinomial = {} if _since("0.22") else {"multi_class": "multinomial"}
    add("LogisticRegressionCV-lbfgs-multinomial", lambda: LRCV(**dict(grid, **multinomial)), "clf3")
    add("LogisticRegressionCV-liblinear-binary", lambda: LRCV(solver="liblinear", **grid), "clf2")
    if _since("0.21.3") or not _since("0.21"):  # 0.21.0-0.21.2 fail to fit refit=False (fixed in 0.21.3)
        add("LogisticRegressionCV-refit-false-strings", lambda: LRCV(refit=False, **dict(grid, **multinomial)),
            "str3")
    add("LogisticRegressionCV-class_weight-sample_weight", lambda: LRCV(class_weight="balanced", **grid), "clf2",
        sample_weight=True)
    if not _since("1.8"):
        ovr = {"multi_class": "ovr"} if not _since("1.5") else {}
        add("LogisticRegressionCV-liblinear-ovr", lambda: LRCV(solver="liblinear", **dict(grid, **ovr)), "clf3")
        add("LogisticRegressionCV-binary-multinomial", lambda: LRCV(multi_class="multinomial", **grid), "str2")
    if _since("0.21"):
        elasticnet = {} if _since("1.8") else {"penalty": "elasticnet"}
        add("LogisticRegressionCV-saga-elasticnet", lambda: LRCV(solver="saga", l1_ratios=[0.2, 0.8], Cs=3, cv=3,
                                                                 max_iter=200, **elasticnet), "clf3")
    if _since("1.8"):
        add("LogisticRegressionCV-new-attributes", lambda: LRCV(use_legacy_attributes=False, **grid), "clf3")
        add("LogisticRegressionCV-new-attributes-binary-elasticnet",
            lambda: LRCV(use_legacy_attributes=False, solver="saga", l1_ratios=[0.3, 0.9], Cs=3, cv=3, max_iter=200),
            "clf2")
    if pandas:
        add("LogisticRegressionCV-pandas", lambda: LRCV(**dict(grid, **multinomial)), "clf3", pandas=True)

    RCCV = lm.RidgeClassifierCV
    store = _param(RCCV, "store_cv_results", "store_cv_values")
    add("RidgeClassifierCV-3class", lambda: RCCV(alphas=[0.1, 1.0, 10.0]), "clf3")
    add("RidgeClassifierCV-binary-class_weight-strings", lambda: RCCV(alphas=[0.3, 3.0], class_weight="balanced"),
        "str2")
    add("RidgeClassifierCV-folds-sample_weight", lambda: RCCV(alphas=[0.1, 1.0, 10.0], cv=3), "str3",
        sample_weight=True)
    add("RidgeClassifierCV-store-cv-binary", lambda: RCCV(alphas=[0.01, 1.0], **{store: True}), "clf2")
    if pandas:
        add("RidgeClassifierCV-pandas", RCCV, "clf3", pandas=True)

    CCV = calibration.CalibratedClassifierCV
    inner = _param(CCV, "estimator", "base_estimator")

    def calibrated(estimator, **kwargs):
        return lambda: CCV(**dict(kwargs, **{inner: estimator}))

    add("CalibratedClassifierCV-sigmoid-LinearSVC-binary", calibrated(svm.LinearSVC(random_state=0), cv=3), "clf2")
    add("CalibratedClassifierCV-isotonic-GaussianNB-3class",
        calibrated(naive_bayes.GaussianNB(), method="isotonic", cv=3), "clf3")
    add("CalibratedClassifierCV-sigmoid-strings-sample_weight",
        calibrated(lm.LogisticRegression(solver="lbfgs", max_iter=500, **multinomial), cv=3), "str3",
        sample_weight=True)
    add("CalibratedClassifierCV-default-LinearSVC-3class", calibrated(None, cv=3), "clf3")
    if _since("0.24"):
        add("CalibratedClassifierCV-ensemble-false", calibrated(svm.LinearSVC(random_state=0), cv=3, ensemble=False),
            "clf3")
    if _since("1.8"):
        add("CalibratedClassifierCV-temperature", calibrated(lm.LogisticRegression(), method="temperature", cv=3),
            "clf3")
    if pandas:
        add("CalibratedClassifierCV-isotonic-forest-pandas",
            calibrated(ensemble.RandomForestClassifier(n_estimators=5, random_state=0), method="isotonic", cv=3),
            "clf3", pandas=True)


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


def _hist_gradient_boosting(add, pandas):
    """Histogram gradient boosting (0.21+; an experimental import before 1.0): losses, missing
    values, categorical features, early stopping, constraints, and the production pipeline
    (a ColumnTransformer over a DataFrame, then the model)."""
    if not _since("0.21"):
        return
    if not _since("1.0"):  # importing it makes the classes importable from sklearn.ensemble
        importlib.import_module("sklearn.experimental.enable_hist_gradient_boosting")
    from sklearn import compose, ensemble, impute, pipeline, preprocessing as pp

    HGC, HGR = ensemble.HistGradientBoostingClassifier, ensemble.HistGradientBoostingRegressor
    add("HistGradientBoostingClassifier-binary", lambda: HGC(max_iter=15, random_state=0), "clf2")
    add("HistGradientBoostingClassifier-3class-strings",
        lambda: HGC(max_iter=10, max_leaf_nodes=8, learning_rate=0.2, l2_regularization=0.5, random_state=0), "str3")
    # Early stopping on the loss or a scorer (0.21-0.22: when n_iter_no_change is set).
    stopping = {"early_stopping": True} if _since("0.23") else {}
    add("HistGradientBoostingClassifier-early-stopping", lambda: HGC(**dict(
        stopping, max_iter=40, n_iter_no_change=3, scoring="loss", validation_fraction=0.25, random_state=0)), "clf3")
    add("HistGradientBoostingClassifier-early-stopping-accuracy", lambda: HGC(**dict(
        stopping, max_iter=40, n_iter_no_change=3, scoring="accuracy", random_state=0)), "str2")
    add("HistGradientBoostingRegressor", lambda: HGR(max_iter=20, random_state=0), "reg")
    add("HistGradientBoostingRegressor-depth-leaf", lambda: HGR(max_iter=12, max_depth=3, min_samples_leaf=8,
                                                                 max_bins=32, random_state=0), "reg")
    if _since("0.22"):
        add("HistGradientBoostingClassifier-missing", lambda: HGC(max_iter=10, random_state=0), "clf3",
            inputs="missing")
        absolute = "absolute_error" if _since("1.0") else "least_absolute_deviation"
        add("HistGradientBoostingRegressor-absolute-missing", lambda: HGR(loss=absolute, max_iter=10, random_state=0),
            "reg", inputs="missing")
    if _since("0.23"):
        add("HistGradientBoostingRegressor-poisson-monotonic", lambda: HGR(
            loss="poisson", max_iter=10, monotonic_cst=[1, 0, -1, 0, 0, 0], random_state=0), "pos")
        add("HistGradientBoostingClassifier-sample_weight", lambda: HGC(max_iter=8, random_state=0), "clf2",
            sample_weight=True)
    if _since("0.24"):
        add("HistGradientBoostingClassifier-categorical", lambda: HGC(
            max_iter=10, categorical_features=[5], random_state=0), "clf3", inputs="coded")
        add("HistGradientBoostingRegressor-categorical-mask", lambda: HGR(
            max_iter=10, categorical_features=[False] * 5 + [True], random_state=0), "reg", inputs="coded")
    if _since("1.1"):
        add("HistGradientBoostingRegressor-quantile", lambda: HGR(loss="quantile", quantile=0.8, max_iter=10,
                                                                   random_state=0), "reg")
    if _since("1.2"):
        add("HistGradientBoostingClassifier-class_weight-interactions", lambda: HGC(
            max_iter=10, class_weight="balanced", interaction_cst=[[0, 1], [2, 3, 4, 5]], random_state=0), "str2")
    if _since("1.3"):
        add("HistGradientBoostingRegressor-gamma", lambda: HGR(loss="gamma", max_iter=10, random_state=0), "pos")
    if _since("1.4"):
        add("HistGradientBoostingRegressor-max_features", lambda: HGR(max_iter=10, max_features=0.5, random_state=0),
            "reg")
        if pandas:
            add("HistGradientBoostingClassifier-from_dtype", lambda: HGC(
                max_iter=10, categorical_features="from_dtype", random_state=0), "clf3", inputs="category frame")
    if pandas:
        add("Pipeline-ColumnTransformer-HistGradientBoosting", lambda: pipeline.make_pipeline(
            compose.ColumnTransformer([
                ("num", pipeline.make_pipeline(impute.SimpleImputer(), pp.StandardScaler()), ["age", "income", "score"]),
                ("cat", pp.OneHotEncoder(handle_unknown="ignore"), ["city", "plan"])], sparse_threshold=0),
            HGC(max_iter=20, random_state=0)), "str3", inputs="mixed")
