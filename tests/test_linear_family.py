"""Migration steps of the linear-model family whose parameter values change meaning across releases."""
import numpy as np
import pytest

from sklearn_migrator.errors import MigrationError
from sklearn_migrator.migrations import migrate
from sklearn_migrator.tree import Node

LM = "sklearn.linear_model."


def _walk(cls, params, state, releases):
    """The params and state of a node carried through ``releases`` in turn."""
    node = Node(LM + cls, params=dict(params), state=dict(state))
    seen = []
    for source, target in zip(releases, releases[1:]):
        migrate(node, source, target)
        seen.append((dict(node.params), dict(node.state)))
    return seen


def test_lasso_cv_folds_and_alpha_count_keep_their_meaning():
    params = {"cv": "warn", "alphas": None, "n_alphas": 50}
    (p17, s17), (p19, _), (p16, s16), (p21, _) = _walk(
        "LassoCV", params, {}, ["0.21.3", "1.7.2", "1.9.1", "1.6.1", "0.21.3"])
    assert p17["cv"] == 3 and p17["alphas"] == 50 and p17["n_alphas"] == "deprecated" and s17["_alphas"] == 50
    assert p19["alphas"] == 50 and "n_alphas" not in p19
    assert p16["alphas"] is None and p16["n_alphas"] == 50 and "_alphas" not in s16
    assert p21 == {"cv": 3, "alphas": None, "n_alphas": 50, "normalize": False}


def test_default_folds_go_back_as_five():
    (params, _), = _walk("ElasticNetCV", {"cv": None}, {}, ["1.0.2", "0.21.3"])
    assert params["cv"] == 5


def test_lasso_cv_explicit_alphas_pass_through():
    alphas = np.array([0.1, 1.0])
    (p17, s17), (p16, _) = _walk("LassoCV", {"cv": 3, "alphas": alphas, "n_alphas": 100}, {},
                                 ["1.6.1", "1.7.2", "1.6.1"])
    assert p17["alphas"] is alphas and s17["_alphas"] is alphas
    assert p16["alphas"] is alphas and p16["n_alphas"] == 100


def test_ridge_cv_store_cv_values_renamed():
    (p15, s15), (p19, s19), (p14, s14) = _walk(
        "RidgeCV", {"store_cv_values": True}, {"cv_values_": np.zeros(3)}, ["1.4.2", "1.5.2", "1.9.1", "1.4.2"])
    assert p15 == {"store_cv_values": "deprecated", "store_cv_results": True} and s15["_store_cv_results"] is True
    assert "cv_results_" in s15 and "cv_values_" not in s15
    assert p19 == {"store_cv_results": True} and "_store_cv_results" not in s19
    assert p14 == {"store_cv_values": True} and "cv_values_" in s14


def test_bayesian_n_iter_becomes_max_iter():
    (p13, _), (p15, _), (p12, _) = _walk("ARDRegression", {"n_iter": 50}, {}, ["1.2.2", "1.3.2", "1.5.2", "1.2.2"])
    assert p13 == {"n_iter": "deprecated", "max_iter": 50} and p15 == {"max_iter": 50} and p12 == {"n_iter": 50}


@pytest.mark.parametrize("normalize,at_11,at_13", [(True, "deprecated", True), (False, False, False)])
def test_lars_normalize_default_true_then_false(normalize, at_11, at_13):
    (p11, _), (p13, _), (p19, _), (back13, _), (back11, _) = _walk(
        "Lars", {"normalize": normalize}, {}, ["0.24.2", "1.1.3", "1.3.2", "1.9.1", "1.3.2", "1.1.3"])
    assert p11["normalize"] == at_11 and p13["normalize"] is at_13 and "normalize" not in p19
    assert back13["normalize"] == "deprecated" and back11["normalize"] is False


def test_bayesian_ridge_normalized_is_refused_where_return_std_cannot_follow():
    node = Node(LM + "BayesianRidge", params={"normalize": True}, state={"_normalize": True})
    with pytest.raises(MigrationError, match="return_std"):
        migrate(node, "1.1.3", "1.2.2")
    node = Node(LM + "BayesianRidge", params={"normalize": "deprecated"}, state={"_normalize": False})
    migrate(node, "1.1.3", "1.9.1")
    assert "normalize" not in node.params and "_normalize" not in node.state


def test_binary_ridge_classifier_coefficients_change_shape():
    (_, up), = _walk("RidgeClassifier", {}, {"coef_": np.ones((1, 4))}, ["1.5.2", "1.6.1"])
    (_, down), = _walk("RidgeClassifier", {}, {"coef_": np.ones(4)}, ["1.6.1", "1.5.2"])
    (_, multiclass), = _walk("RidgeClassifier", {}, {"coef_": np.ones((3, 4))}, ["1.5.2", "1.6.1"])
    assert up["coef_"].shape == (4,) and down["coef_"].shape == (1, 4) and multiclass["coef_"].shape == (3, 4)


@pytest.mark.parametrize("cls,power,link,family,bound", [
    ("TweedieRegressor", 1.5, "LogLink", "TweedieDistribution", [0, True]),
    ("TweedieRegressor", 0.0, "IdentityLink", "TweedieDistribution", [-np.inf, False]),
    ("GammaRegressor", None, "LogLink", "GammaDistribution", [0, False]),
])
def test_glm_losses_go_back_as_distribution_and_link(cls, power, link, family, bound):
    params = {"power": power} if power is not None else {}
    loss = Node("sklearn._loss.loss.HalfTweedieLoss", state={"link": Node("sklearn._loss.link." + link, state={})})
    (params, state), = _walk(cls, params, {"_base_loss": loss}, ["1.1.3", "1.0.2"])
    assert state["_link_instance"].cls == "sklearn.linear_model._glm.link." + link
    assert state["_family_instance"].name == family and state["_family_instance"].state["_lower_bound"].args == bound
    assert "_base_loss" not in state and (state.get("link") == "log") == (cls != "TweedieRegressor")
