"""scikit-learn 1.6 (December 2024)."""
from . import Step
from ._kinds import state_removed
from .families import AGGLOMERATIVE
from ._kinds import param_values
from .families import NMF

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


STEPS = [
    Step("1.6", "Cython losses pickled by constructor call", _CALLED_LOSSES, _to_call, _to_unpickle),
    # 1.6 stopped keeping the resolved metric of AgglomerativeClustering (1.2-1.5).
    state_removed("1.6", [AGGLOMERATIVE], "_metric", lambda node: node.params.get("metric") or "euclidean"),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    # 1.4-1.5's n_components='warn' default behaved as None.
    param_values("1.6", [NMF], "n_components", {"warn": None}, one_way=True),
]
