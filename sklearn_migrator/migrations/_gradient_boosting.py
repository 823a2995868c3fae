"""Gradient boosting's initial raw predictions, as each era of scikit-learn computes them.

Twice upstream changed how ``init_`` turns into raw predictions (0.21:
from ``init_.predict`` to the loss applied to ``init_.predict_proba``; 1.4:
a symmetric multinomial link). When a model crosses such a release,
the source era's initial predictions, constant for every default initial
estimator, are folded into the first stage's trees and ``init_`` becomes the
zero estimator, which every era reads the same way.
"""
from __future__ import annotations

import numpy as np

from ..errors import MigrationError
from ..tree import Node

_ZERO_020 = "sklearn.ensemble.gradient_boosting.ZeroEstimator"
_EPS32 = np.finfo(np.float32).eps


def n_stage_outputs(node) -> int:
    return int(node.state["estimators_"].shape[1])


def fold_into_first_stage(node, raw) -> None:
    """Make the first stage's tree k predict ``raw[k]`` more (``predict_stages`` scales
    leaf values by the learning rate, so each value gains ``raw[k] / learning_rate``)."""
    rate = node.params["learning_rate"]
    for k, stage in enumerate(node.state["estimators_"][0]):
        tree = stage.state["tree_"]
        tree.state["values"] = tree.state["values"] + raw[k] / rate


def raw_020(init) -> np.ndarray:
    """What 0.20's initial estimators predict (constants, taken as raw scores)."""
    state = init.state
    name = init.name
    if name == "PriorProbabilityEstimator":
        return np.asarray(state["priors"], dtype=np.float64)
    if name in ("LogOddsEstimator", "ScaledLogOddsEstimator"):
        return np.array([state["prior"]], dtype=np.float64)
    if name == "MeanEstimator":
        return np.array([state["mean"]], dtype=np.float64)
    if name == "QuantileEstimator":
        return np.array([state["quantile"]], dtype=np.float64)
    return np.zeros(state["n_classes"])  # ZeroEstimator


def raw_021(node, migration, path) -> np.ndarray:
    """Initial raw predictions of releases 0.21-1.3 for a Dummy initial estimator."""
    init = node.state["init_"]
    loss = node.params["loss"]
    if init.cls == "sklearn.dummy.DummyRegressor":
        return np.array([np.ravel(init.state["constant_"])[0]], dtype=np.float64)
    if init.cls == "sklearn.dummy.DummyClassifier" and init.params.get("strategy") == "prior":
        prior = np.clip(np.asarray(init.state["class_prior_"], dtype=np.float64), _EPS32, 1 - _EPS32)
        if n_stage_outputs(node) > 1:
            return np.log(prior)
        log_odds = np.log(prior[1] / (1 - prior[1]))
        return np.array([0.5 * log_odds if loss == "exponential" else log_odds])
    raise MigrationError("the initial estimator %s does not predict a constant, so its predictions cannot be "
                         "carried across the change of meaning in scikit-learn 0.21" % init.name, path=path or None,
                         source_version=str(migration.source), target_version=str(migration.target),
                         hint="Keep the model on the side of 0.21 it was fitted on")


def zero_020(node) -> Node:
    """0.20's zero initial estimator for this model."""
    return Node(_ZERO_020, state={"n_classes": n_stage_outputs(node)})
