"""The paper's example runs verbatim, and its 42 per-model functions exist and work."""
import importlib
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import sklearn

import sklearn_migrator as sm
from sklearn_migrator import zoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAPER = os.path.join(ROOT, "..", "shared", "seed", "sklearn-migrator-paper.md")

FACADES = {
    "classification.decision_tree_clf": ("decision_tree_clf", "DecisionTreeClassifier"),
    "classification.random_forest_clf": ("random_forest_clf", "RandomForestClassifier"),
    "classification.gradient_boosting_clf": ("gradient_boosting_clf", "GradientBoostingClassifier"),
    "classification.logistic_regression_clf": ("logistic_regression_clf", "LogisticRegression"),
    "classification.knn_clf": ("knn_clf", "KNeighborsClassifier"),
    "classification.mlp_clf": ("mlp_clf", "MLPClassifier"),
    "classification.svm_clf": ("svc", "SVC"),
    "regression.decision_tree_reg": ("decision_tree_reg", "DecisionTreeRegressor"),
    "regression.random_forest_reg": ("random_forest_reg", "RandomForestRegressor"),
    "regression.gradient_boosting_reg": ("gradient_boosting_reg", "GradientBoostingRegressor"),
    "regression.linear_regression_reg": ("linear_regression_reg", "LinearRegression"),
    "regression.ridge_reg": ("ridge_reg", "Ridge"),
    "regression.lasso_reg": ("lasso_reg", "Lasso"),
    "regression.knn_reg": ("knn_reg", "KNeighborsRegressor"),
    "regression.adaboost_reg": ("adaboost_reg", "AdaBoostRegressor"),
    "regression.mlp_reg": ("mlp_reg", "MLPRegressor"),
    "regression.svm_reg": ("svr", "SVR"),
    "clustering.agglomerative": ("agglomerative", "AgglomerativeClustering"),
    "clustering.k_means": ("k_means", "KMeans"),
    "clustering.mini_batch_k_means": ("mini_batch_kmeans", "MiniBatchKMeans"),
    "dimension.pca": ("pca", "PCA"),
}


def test_paper_example_runs_verbatim(tmp_path):
    example = os.path.join(ROOT, "examples", "paper_example.py")
    with open(example) as handle:
        code = handle.read()
    if os.path.exists(PAPER):  # the copy must stay the paper's text, character for character
        with open(PAPER) as handle:
            assert "```\n" + code + "```" in handle.read()
    result = subprocess.run([sys.executable, example], cwd=str(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Prediction parity verified."
    assert json.loads((tmp_path / "model.json").read_text())["format"] == "sklearn-migrator"


def test_supported_models_include_the_papers_21():
    assert set(name for _, name in FACADES.values()) <= set(sm.supported_models())


def _first_case(class_name):
    return next(case for case in zoo.cases() if case.make().__class__.__name__ == class_name)


@pytest.mark.parametrize("module_name", sorted(FACADES))
def test_facade_round_trip(module_name, data):
    suffix, class_name = FACADES[module_name]
    module = importlib.import_module("sklearn_migrator." + module_name)
    serialize = getattr(module, "serialize_" + suffix)
    deserialize = getattr(module, "deserialize_" + suffix)
    assert serialize.__name__ == "serialize_" + suffix and deserialize.__module__ == module.__name__

    estimator, X = _first_case(class_name).fit(data)
    payload = json.loads(json.dumps(serialize(estimator, version_in=sklearn.__version__)))
    rebuilt = deserialize(payload, version_out=sklearn.__version__)
    assert type(rebuilt) is type(estimator)
    for name in ("predict", "transform", "labels_"):
        if hasattr(estimator, name):
            want = getattr(estimator, name)
            got = getattr(rebuilt, name)
            np.testing.assert_array_equal(got(X) if callable(got) else got, want(X) if callable(want) else want)


def test_facades_refuse_other_versions_and_classes(data):
    from sklearn_migrator.classification.svm_clf import deserialize_svc, serialize_svc
    from sklearn_migrator.regression.ridge_reg import serialize_ridge_reg

    svc, _ = _first_case("SVC").fit(data)
    with pytest.raises(sm.VersionMismatchError, match="version_in='0.1.0' but scikit-learn"):
        serialize_svc(svc, version_in="0.1.0")
    doc = serialize_svc(svc, sklearn.__version__)
    with pytest.raises(sm.VersionMismatchError, match="version_out='99.0'"):
        deserialize_svc(doc, version_out="99.0")
    with pytest.raises(sm.UnsupportedEstimatorError, match="serialize_ridge_reg expects a Ridge, got SVC"):
        serialize_ridge_reg(svc, sklearn.__version__)
    from sklearn_migrator.regression.ridge_reg import deserialize_ridge_reg
    with pytest.raises(sm.DocumentError, match="expects a Ridge document, got sklearn.svm.SVC"):
        deserialize_ridge_reg(doc, sklearn.__version__)
