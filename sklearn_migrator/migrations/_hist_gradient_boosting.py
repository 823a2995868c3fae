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
from ._kinds import refuse

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


_CATEGORY_CODES = np.arange(256)


def _recoded(bitset, raw):
    """A 256-bit category bitset over the encoder's codes, rewritten over the raw values
    ``raw[code]`` (bit ``v`` is bit ``v % 32`` of word ``v // 32``)."""
    codes = _CATEGORY_CODES[(bitset[_CATEGORY_CODES // 32] >> (_CATEGORY_CODES % 32)) & 1 == 1]
    values = raw[codes[codes < len(raw)]].astype(np.int64)
    out = np.zeros_like(bitset)
    np.bitwise_or.at(out, values // 32, (np.uint32(1) << (values % 32).astype(np.uint32)))
    return out


def _raw_categories(encoder, migration, path):
    """The raw category values the internal OrdinalEncoder learned, one float array per
    categorical feature; refused unless they are the integer codes 0-255 older releases read."""
    found = []
    for values in encoder.state["categories_"]:
        values = np.asarray(values)
        if values.dtype.kind == "f" and values.size and np.isnan(values[-1]):
            values = values[:-1]  # the encoder lists missing values last; every release routes them alike
        if values.dtype.kind not in "iuf" or not bool(((values >= 0) & (values <= 255)
                                                      & (values == np.floor(values))).all()):
            refuse(migration, path, "this model encodes categories that are not the integer codes 0-255 (%s) with an "
                                    "internal OrdinalEncoder, which scikit-learn %s does not have"
                   % (values.dtype, migration.target),
                   "Keep the model on scikit-learn 1.4 or newer, or refit it on categories encoded as integers")
        found.append(values.astype(np.float64))
    return found


def _in_input_order(values, order, replaced=None):
    """``values`` indexed by encoded column, put back in input order (``order[r]`` is
    encoded column ``r``'s input column); ``replaced`` overrides the first entries."""
    out = list(values) if isinstance(values, list) else np.array(values, copy=True)
    for column, position in enumerate(order):
        out[position] = replaced[column] if replaced is not None and column < len(replaced) else values[column]
    return out


def categories_without_encoder(node, migration, path):
    """1.4 encodes categorical features itself (with ``categorical_features='from_dtype'``
    for pandas categories, and for categories given by index too): an internal ColumnTransformer
    (``_preprocessor``) maps each categorical column's values to ordinal codes and
    moves those columns first, and the trees split on codes. Releases before read the
    raw values, which must be integer codes 0-255; when they are, the model is rewritten
    to read them: split features and the bin mapper's per-feature state back in input
    order, category bitsets and known categories over the raw values (values the
    encoder did not know were missing values there, and are unknown categories here,
    which go the same way)."""
    preprocessor = node.state.get("_preprocessor")
    if preprocessor is None:
        return
    encoder = next(item[1] for item in preprocessor.state["transformers_"] if item[0] == "encoder")
    raw = _raw_categories(encoder, migration, path)
    categorical = np.asarray(node.state["is_categorical_"], dtype=bool)
    order = np.concatenate([np.flatnonzero(categorical), np.flatnonzero(~categorical)])
    for iteration in node.state["_predictors"]:
        for predictor in iteration:
            nodes, bitsets = predictor.state["nodes"].copy(), predictor.state["raw_left_cat_bitsets"]
            recoded = np.zeros_like(bitsets)
            for split in np.flatnonzero((nodes["is_leaf"] == 0) & (nodes["is_categorical"] != 0)):
                at = nodes["bitset_idx"][split]
                recoded[at] = _recoded(bitsets[at], raw[nodes["feature_idx"][split]])
            nodes["feature_idx"] = order[nodes["feature_idx"]]
            predictor.state["nodes"], predictor.state["raw_left_cat_bitsets"] = nodes, recoded
    mapper = node.state["_bin_mapper"]
    for key in ("is_categorical_", "n_bins_non_missing_"):
        mapper.state[key] = _in_input_order(mapper.state[key], order)
    mapper.state["bin_thresholds_"] = _in_input_order(mapper.state["bin_thresholds_"], order, raw)
    mapper.params["is_categorical"] = categorical.copy()
    mapper.params["known_categories"] = _in_input_order([None] * len(order), order, raw)
    node.state["_preprocessor"] = None
    migration.note(path, "scikit-learn %s reads the model's categorical features as integer codes 0-255: other values, "
                         "which 1.4+ treats as unknown categories, are invalid input there" % migration.target)
