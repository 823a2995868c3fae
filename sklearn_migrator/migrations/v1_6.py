"""scikit-learn 1.6 (December 2024)."""
from . import Step
from ._kinds import param_added, param_values, state_removed
from .families import ADABOOST_CLASSIFIER, ADABOOST_CLASSIFIERS, ADABOOST_SAMME_R, AGGLOMERATIVE, NMF, PIPELINE

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


def _samme_r_up(node, migration, path):
    """1.6 deprecated AdaBoostClassifier's ``algorithm`` (default 'deprecated') and
    always boosts with SAMME: a model fitted with SAMME.R is rebuilt as the
    :mod:`sklearn_migrator.compat` subclass whose decision function sums its members'
    centred log-probabilities, as up to 1.5."""
    if node.cls == ADABOOST_CLASSIFIER and node.params.get("algorithm") == "SAMME.R" and "estimators_" in node.state:
        node.cls = ADABOOST_SAMME_R
        migration.note(path, "scikit-learn 1.6 dropped AdaBoostClassifier's SAMME.R; this model was rebuilt as %s, "
                             "which computes its outputs as SAMME.R did" % ADABOOST_SAMME_R)
    node.params["algorithm"] = "deprecated"


def _samme_r_down(node, migration, path):
    samme_r = node.cls == ADABOOST_SAMME_R
    if samme_r:
        node.cls = ADABOOST_CLASSIFIER
    if samme_r or node.params.get("algorithm") == "deprecated":
        node.params["algorithm"] = "SAMME.R" if samme_r else "SAMME"


STEPS = [
    Step("1.6", "Cython losses pickled by constructor call", _CALLED_LOSSES, _to_call, _to_unpickle),
    Step("1.6", "AdaBoostClassifier algorithm deprecated, SAMME.R dropped", ADABOOST_CLASSIFIERS, _samme_r_up,
         _samme_r_down),
    # 1.6 stopped keeping the resolved metric of AgglomerativeClustering (1.2-1.5).
    state_removed("1.6", [AGGLOMERATIVE], "_metric", lambda node: node.params.get("metric") or "euclidean"),
]

# Composition and preprocessing.
STEPS += [
    param_added("1.6", [PIPELINE], "transform_input", None, "it only routes metadata while fitting"),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    # 1.4-1.5's n_components='warn' default behaved as None.
    param_values("1.6", [NMF], "n_components", {"warn": None}, one_way=True),
]
