"""scikit-learn 1.6 (December 2024)."""
import numpy as np

from ..tree import Node
from . import Step
from ._kinds import state_removed
from .families import AGGLOMERATIVE, RIDGE_CLASSIFIER, SGD_CLASSIFIERS

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


STEPS = [
    Step("1.6", "Cython losses pickled by constructor call", _CALLED_LOSSES, _to_call, _to_unpickle),
    # 1.6 stopped keeping the resolved metric of AgglomerativeClustering (1.2-1.5).
    state_removed("1.6", [AGGLOMERATIVE], "_metric", lambda node: node.params.get("metric") or "euclidean"),
]

# Issue 6, the linear-model family.
STEPS += [
    Step("1.6", "binary RidgeClassifier coefficients are 1-d", [RIDGE_CLASSIFIER], _binary_coef(1), _binary_coef(2)),
    Step("1.6", "SGD log, squared and Huber losses are sklearn._loss'", SGD_CLASSIFIERS, _sgd_loss(_SGD_LOSSES),
         _sgd_loss({new: old for old, new in _SGD_LOSSES.items()})),
]
