"""Histogram gradient boosting's parts across releases: predictor node records,
losses and initial raw predictions.

A ``TreePredictor`` keeps its nodes as one structured array whose record
(``PREDICTOR_RECORD_DTYPE`` in ``_hist_gradient_boosting/common.pyx``) gained
and renamed fields over time; a step rewrites the records into the neighbouring
release's layout, copying every field both have and zeroing new ones.
"""
from __future__ import annotations

import numpy as np

from ..tree import Node
from ._unsupervised import refuse

_OLD_LOSSES = "sklearn.ensemble._hist_gradient_boosting.loss."
#: loss class of 0.21-1.0 -> (sklearn._loss class of 1.1+, its hessians_are_constant without sample weights)
LOSS_CLASSES = {
    "LeastSquares": ("HalfSquaredError", True),
    "LeastAbsoluteDeviation": ("AbsoluteError", True),
    "Poisson": ("HalfPoissonLoss", False),
    "BinaryCrossEntropy": ("HalfBinomialLoss", False),
    "CategoricalCrossEntropy": ("HalfMultinomialLoss", False),
}
_NEW_TO_OLD = {new: old for old, (new, _) in LOSS_CLASSES.items()}


def relayout(transform=None, renamed=(), check=None):
    """A step function giving each predictor's ``nodes`` a new record layout: fields
    ``renamed`` ((old, new) pairs), then ``transform(descr)`` applied; every field both
    layouts have is copied, new ones are zero. ``check(nodes, migration, path)`` may
    refuse first."""
    renamed = dict(renamed)

    def apply(node, migration, path):
        nodes = node.state["nodes"]
        if check is not None:
            check(nodes, migration, path)
        descr = [(renamed.get(field[0], field[0]),) + tuple(field[1:]) for field in nodes.dtype.descr]
        layout = np.dtype(transform(descr) if transform is not None else descr)
        sources = {new: old for old, new in renamed.items()}
        out = np.zeros(nodes.shape, dtype=layout)
        for name in layout.names:
            source = sources.get(name, name)
            if source in nodes.dtype.names:
                out[name] = nodes[source]
        node.state["nodes"] = out
    return apply


def inserted(fields, after=None):
    """A layout ``transform`` adding ``fields`` ((name, dtype) pairs) after field ``after``
    (at the end if None)."""
    def transform(descr):
        at = [field[0] for field in descr].index(after) + 1 if after is not None else len(descr)
        return descr[:at] + list(fields) + descr[at:]
    return transform


def removed(*names):
    """A layout ``transform`` dropping fields ``names``."""
    return lambda descr: [field for field in descr if field[0] not in names]


def retyped(name, dtype):
    """A layout ``transform`` changing the type of field ``name``."""
    return lambda descr: [(name, dtype) if field[0] == name else field for field in descr]


def refuse_categorical_splits(nodes, migration, path):
    """Categorical splits (0.24+) have no equivalent in older releases."""
    if "is_categorical" in nodes.dtype.names and bool((nodes["is_categorical"][nodes["is_leaf"] == 0] != 0).any()):
        refuse(migration, path, "this tree splits on categorical features, which scikit-learn %s does not have"
               % migration.target, "Keep the model on scikit-learn 0.24 or newer, or refit it with the categories "
                                   "treated as numbers")


def loss_up(node, migration, path):
    """1.1 moved histogram gradient boosting onto the common ``sklearn._loss`` module;
    the new loss object is built fresh by the installed release as fitting would."""
    from .v1_4 import _fresh_loss

    old = node.state.get("_loss")
    if not isinstance(old, Node) or not old.cls.startswith(_OLD_LOSSES):
        return
    new_name = LOSS_CLASSES[old.name][0]
    kwargs = {"n_classes": int(node.state["n_trees_per_iteration_"])} if new_name == "HalfMultinomialLoss" else {}
    node.state["_loss"] = _fresh_loss(new_name, **kwargs)


def loss_down(node, migration, path):
    new = node.state.get("_loss")
    if not isinstance(new, Node) or new.cls.startswith(_OLD_LOSSES):
        return
    old_name = _NEW_TO_OLD.get(new.name)
    if old_name is None:
        refuse(migration, path, "the %s of this model has no equivalent before scikit-learn 1.1" % new.name,
               "Keep the model on scikit-learn 1.1 or newer")
    node.state["_loss"] = Node(_OLD_LOSSES + old_name, state={
        "hessians_are_constant": LOSS_CLASSES[old_name][1], "n_threads": 1})


def baseline_up(node, migration, path):
    """1.1 keeps the initial raw predictions as a ``(1, n_trees_per_iteration)`` array
    (before: ``(n_trees_per_iteration, 1)``, or a scalar for one tree per iteration);
    the values, and the sums they start, are the same."""
    baseline = node.state.get("_baseline_prediction")
    if baseline is not None:
        node.state["_baseline_prediction"] = np.asarray(baseline, dtype=np.float64).reshape(1, -1)


def baseline_down(node, migration, path):
    baseline = node.state.get("_baseline_prediction")
    if baseline is not None:
        flat = np.asarray(baseline, dtype=np.float64).reshape(-1)
        node.state["_baseline_prediction"] = flat.reshape(-1, 1) if flat.size > 1 else np.float64(flat[0])
