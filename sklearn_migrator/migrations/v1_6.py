"""scikit-learn 1.6 (December 2024)."""
import numpy as np

from ..tree import Global, Node
from . import Step
from . import _adaboost as adaboost
from ._kinds import constant, param_added, param_values, state_added, state_removed, unchanged
from .families import (ADABOOST_CLASSIFIERS, AGGLOMERATIVE, BIRCH, CALIBRATED, CHECK_ARRAY, HIST_GRADIENT_BOOSTING,
                       NEAREST_CENTROID, NEAREST_CENTROIDS, NEAREST_CENTROID_SCORES16, NEAREST_CENTROID_UNSCORED, NMF,
                       PARTIAL, PIPELINE, RIDGE_CLASSIFIER, RIDGE_CLASSIFIER_CV, SCORER, SGD_CLASSIFIERS)

# Cython losses that 1.6 pickles by calling the class (before: Cython's __pyx_unpickle
# with the constructor arguments as state); the multinomial loss kept the old form.
_CALLED_LOSSES = ["sklearn._loss._loss.%s" % name for name in (
    "CyHalfSquaredError", "CyAbsoluteError", "CyPinballLoss", "CyHuberLoss", "CyHalfPoissonLoss", "CyHalfGammaLoss",
    "CyHalfTweedieLoss", "CyHalfTweedieLossIdentity", "CyHalfBinomialLoss", "CyExponentialLoss")]


def _to_call(node, migration, path):
    if node.args is None:
        node.args, node.state = list(node.state or ()), None


def _to_unpickle(node, migration, path):
    if node.args is not None:
        node.args, node.state = None, tuple(node.args)


def _binary_coef(ndim):
    """1.6 made ridge regression return 1-d coefficients for a single target
    (``_ridge_regression``: ``if n_targets == 1``), so a binary RidgeClassifier holds
    ``coef_`` of shape (n_features,) where older releases hold (1, n_features) and
    index its second axis."""
    def apply(node, migration, path):
        coef = node.state.get("coef_")
        if isinstance(coef, np.ndarray) and coef.ndim != ndim and coef.size == coef.shape[-1]:
            node.state["coef_"] = coef.reshape((1, -1) if ndim == 2 else (-1,))
    return apply


_SGD_LOSSES = {"sklearn.linear_model._sgd_fast." + old: "sklearn._loss._loss." + new for old, new in (
    ("Log", "CyHalfBinomialLoss"), ("SquaredLoss", "CyHalfSquaredError"), ("Huber", "CyHuberLoss"))}


def _sgd_loss(classes):
    """1.6 made SGD classifiers use the common Cython losses for the log, squared and
    Huber losses (built with the same arguments). Only the SGD model's own loss object
    is renamed: other estimators hold these Cython losses in their own right."""
    def apply(node, migration, path):
        loss = node.state.get("_loss_function_")
        if isinstance(loss, Node) and loss.cls in classes:
            loss.cls = classes[loss.cls]
    return apply



def _nearest_centroid_up(node, migration, path):
    """1.6 added NearestCentroid's ``priors`` and discriminant scores, computed from
    within-class standard deviations that older releases did not keep: an older model
    is rebuilt as :class:`~sklearn_migrator.compat.NearestCentroidWithoutScores` with
    uniform priors (its predictions are unchanged: 1.6 predicts the nearest centroid
    when priors are uniform); a 1.6+ model coming back becomes the plain class again."""
    if node.cls == NEAREST_CENTROID_SCORES16:
        node.cls = NEAREST_CENTROID
        prior = node.state["class_prior_"]
        node.params["priors"] = "uniform" if np.isclose(prior, 1 / len(prior)).all() else prior
    elif node.cls == NEAREST_CENTROID:
        node.cls = NEAREST_CENTROID_UNSCORED
        node.params["priors"] = "uniform"
        n_classes = len(node.state["classes_"])
        node.state["class_prior_"] = np.asarray([1 / n_classes] * n_classes)
        migration.note(path, "NearestCentroid gained scores in 1.6 from training statistics scikit-learn %s did "
                             "not keep; it was rebuilt as %s, which predicts as before and has no scores"
                             % (migration.source, NEAREST_CENTROID_UNSCORED))


def _nearest_centroid_down(node, migration, path):
    node.params.pop("priors", None)
    if node.cls == NEAREST_CENTROID_UNSCORED:
        node.cls = NEAREST_CENTROID
        node.state.pop("class_prior_", None)
    elif node.cls == NEAREST_CENTROID:
        node.cls = NEAREST_CENTROID_SCORES16
        migration.note(path, "NearestCentroid has no priors or scores before 1.6; it was rebuilt as %s, which "
                             "computes them as scikit-learn %s" % (NEAREST_CENTROID_SCORES16, migration.source))



def _samme_r_up(node, migration, path):
    """1.6 deprecated AdaBoostClassifier's ``algorithm`` (default 'deprecated') and
    always boosts with SAMME: a model fitted with SAMME.R is rebuilt as the
    :mod:`sklearn_migrator.compat` subclass whose decision function sums its members'
    centred log-probabilities, as up to 1.5."""
    if node.params.get("algorithm") == "SAMME.R" and "estimators_" in node.state:
        adaboost.rebuild(node, migration, path, adaboost.VOTES, "samme.r",
                         "scikit-learn 1.6 dropped AdaBoostClassifier's SAMME.R")
    node.params["algorithm"] = "deprecated"


def _samme_r_down(node, migration, path):
    samme_r = adaboost.kind(node)[adaboost.VOTES] == "samme.r"
    if samme_r:
        adaboost.rebuild(node, migration, path, adaboost.VOTES, None)
    if samme_r or node.params.get("algorithm") == "deprecated":
        node.params["algorithm"] = "SAMME.R" if samme_r else "SAMME"


STEPS = [
    # 1.4-1.5's default 'warn' treated a frame's categorical columns as numeric, as None does; 1.6 made the
    # default 'from_dtype' and dropped 'warn' (scikit-learn PR #30002; 'warn falls back to None': PR #28485).
    param_values("1.6", HIST_GRADIENT_BOOSTING, "categorical_features", {"warn": None}, one_way=True),
    Step("1.6", "NearestCentroid priors and discriminant scores", NEAREST_CENTROIDS, _nearest_centroid_up,
         _nearest_centroid_down, params_added=["priors"]),
    Step("1.6", "Cython losses pickled by constructor call", _CALLED_LOSSES, _to_call, _to_unpickle),
    Step("1.6", "AdaBoostClassifier algorithm deprecated, SAMME.R dropped", ADABOOST_CLASSIFIERS, _samme_r_up,
         _samme_r_down),
    # 1.6 stopped keeping the resolved metric of AgglomerativeClustering (1.2-1.5).
    state_removed("1.6", [AGGLOMERATIVE], "_metric", lambda node: node.params.get("metric") or "euclidean"),
]

# Issue 6, the linear-model family.
STEPS += [
    Step("1.6", "binary RidgeClassifier coefficients are 1-d", [RIDGE_CLASSIFIER, RIDGE_CLASSIFIER_CV], _binary_coef(1),
         _binary_coef(2)),
    Step("1.6", "SGD log, squared and Huber losses are sklearn._loss'", SGD_CLASSIFIERS, _sgd_loss(_SGD_LOSSES),
         _sgd_loss({new: old for old, new in _SGD_LOSSES.items()})),
]

# Composition and preprocessing.
STEPS += [
    param_added("1.6", [PIPELINE], "transform_input", None, "it only routes metadata while fitting"),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN, Birch and Gaussian processes.


def _birch_copy_down(node, migration, path):
    """1.6 deprecated Birch's ``copy`` (the input is never modified): its new default
    'deprecated' is the old default, True."""
    if node.params.get("copy") == "deprecated":
        node.params["copy"] = True


STEPS += [
    # 1.4-1.5's n_components='warn' default behaved as None.
    param_values("1.6", [NMF], "n_components", {"warn": None}, one_way=True),
    Step("1.6", "Birch copy deprecated (default 'deprecated')", [BIRCH], unchanged, _birch_copy_down),
]

# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    # 1.6 made CalibratedClassifierCV's ensemble default 'auto': True, but False for a
    # FrozenEstimator (which documents do not carry).
    Step("1.6", "CalibratedClassifierCV ensemble='auto'", [CALIBRATED], unchanged,
         param_values("1.6", [CALIBRATED], "ensemble", {"auto": True}, one_way=True).up),
]


def _check_array_keyword(old, new):
    """1.6 renamed check_array's ``force_all_finite`` ``ensure_all_finite`` (the old name
    was removed in 1.8); histogram gradient boosting's categorical preprocessing calls it
    through a partial."""
    def apply(node, migration, path):
        if node.args[:1] == [Global(CHECK_ARRAY)] and old in node.state:
            node.state[new] = node.state.pop(old)
    return apply


STEPS += [
    Step("1.6", "check_array's force_all_finite renamed ensure_all_finite", [PARTIAL],
         _check_array_keyword("force_all_finite", "ensure_all_finite"),
         _check_array_keyword("ensure_all_finite", "force_all_finite")),
]

# Scorers (issue 18): _deprecation_msg again (1.6-1.7), which __call__ reads.
STEPS += [
    state_added("1.6", [SCORER], "_deprecation_msg", constant(None)),
]
