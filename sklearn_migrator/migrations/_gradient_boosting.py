"""Gradient boosting's initial raw predictions, as each era of scikit-learn computes them.

Twice upstream changed how ``init_`` turns into raw predictions (0.21:
from ``init_.predict`` to the loss applied to ``init_.predict_proba``; 1.4:
a symmetric multinomial link). Every era then adds the stages to those initial
predictions in place (``predict_stages``: ``raw[i, k] += learning_rate * leaf value``,
stage after stage), so a model predicts to the bit what its source release did
when its initial raw predictions are the very values the source started from.

Across 0.21 they are carried that way: the source's (constant) initial scores
become an initial estimator of the target that predicts them verbatim (0.20's
estimators in 0.20; a DummyRegressor in 0.21+, read by the regressor itself and
by :class:`sklearn_migrator.compat.GradientBoostingClassifierInit020`, which takes
``init_.predict`` as raw scores like 0.20). Across 1.4 a multiclass model's initial
predictions are still folded into the first stage's trees (``init_`` becomes the
zero estimator), which agrees with the source to a few ulps only.
"""
from __future__ import annotations

import numpy as np

from ..errors import MigrationError
from ..tree import Node

_OLD = "sklearn.ensemble.gradient_boosting."
ZERO_020 = _OLD + "ZeroEstimator"
_DUMMY_REGRESSOR = "sklearn.dummy.DummyRegressor"
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
    """Initial raw predictions of releases 0.21-1.3 for a constant initial estimator,
    computed with the very operations of their losses' ``get_init_raw_predictions``
    on one row of ``init_``'s predictions (the same for every sample)."""
    init = node.state["init_"]
    loss = node.params["loss"]
    if init.cls == _DUMMY_REGRESSOR:
        return np.asarray(init.state["constant_"], dtype=np.float64).reshape(-1)
    if init.cls == "sklearn.dummy.DummyClassifier" and init.params.get("strategy") == "prior":
        proba = np.ones((1, 1)) * np.asarray(init.state["class_prior_"])  # DummyClassifier.predict_proba
        if n_stage_outputs(node) > 1:  # MultinomialDeviance
            return np.log(np.clip(proba, _EPS32, 1 - _EPS32)).astype(np.float64)[0]
        pos = np.clip(proba[:, 1], _EPS32, 1 - _EPS32)
        if loss == "exponential":
            return (.5 * np.log(pos / (1 - pos))).astype(np.float64)
        return np.log(pos / (1 - pos)).astype(np.float64)
    raise MigrationError("the initial estimator %s does not predict a constant, so its predictions cannot be "
                         "carried across the change of meaning in scikit-learn 0.21" % init.name, path=path or None,
                         source_version=str(migration.source), target_version=str(migration.target),
                         hint="Keep the model on the side of 0.21 it was fitted on")


def zero_020(node) -> Node:
    """0.20's zero initial estimator for this model."""
    return Node(ZERO_020, state={"n_classes": n_stage_outputs(node)})


def dummy_regressor(strategy, raw, quantile=None) -> Node:
    """A fitted 0.21 DummyRegressor predicting the row ``raw`` (``np.full`` of ``constant_``)."""
    raw = np.asarray(raw, dtype=np.float64)
    return Node(_DUMMY_REGRESSOR, params={"constant": raw.copy() if strategy == "constant" else None,
                                          "quantile": quantile, "strategy": strategy},
                state={"output_2d_": False, "n_outputs_": int(raw.shape[0]), "constant_": raw.reshape(1, -1)})


def init_of_020(init) -> Node:
    """0.20's MeanEstimator or QuantileEstimator as the DummyRegressor 0.21+ fits for the loss."""
    if init.name == "MeanEstimator":
        return dummy_regressor("mean", raw_020(init))
    return dummy_regressor("quantile", raw_020(init), quantile=init.state["alpha"])


def init_020(node, raw) -> Node:
    """The 0.20 initial estimator that predicts the row ``raw`` for this model (``fill``)."""
    raw = np.asarray(raw, dtype=np.float64)
    if n_stage_outputs(node) > 1:
        return Node(_OLD + "PriorProbabilityEstimator", state={"priors": raw})
    value = raw[0]
    if "classes_" in node.state:
        name = "ScaledLogOddsEstimator" if node.params["loss"] == "exponential" else "LogOddsEstimator"
        return Node(_OLD + name, state={"prior": value})
    init = node.state["init_"]
    strategy = init.params.get("strategy") if init.cls == _DUMMY_REGRESSOR else None
    if strategy in ("quantile", "median"):
        alpha = init.params["quantile"] if strategy == "quantile" else 0.5
        return Node(_OLD + "QuantileEstimator", state={"alpha": alpha, "quantile": value})
    return Node(_OLD + "MeanEstimator", state={"mean": value})
