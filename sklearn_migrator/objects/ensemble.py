"""Checks for tree ensembles (forests, gradient boosting, AdaBoost, bagging).

Ensembles validate their input once and then call their trees without
checking again (``check_input=False``, or gradient boosting's Cython
``predict_stages``), so every member tree must split on features the
ensemble accepts, and gradient boosting's stage array must have the column
count its raw-prediction buffer is allocated with.
"""
from __future__ import annotations

import numpy as np

from ..tree import Node, join
from ._state import field, require
from .tree import check_tree_inputs, check_trees_inputs, n_features_of


# Members whose own validator (validate_tree_estimator) checks their tree against their state.
_SELF_CHECKING = ("sklearn.tree.DecisionTreeClassifier", "sklearn.tree.DecisionTreeRegressor",
                  "sklearn.tree.ExtraTreeClassifier", "sklearn.tree.ExtraTreeRegressor")


def _members(node, path):
    members = field(node.state, "estimators_", join(path, "state"), required=False)
    if members is None:
        return []
    where = join(path, "estimators_")
    require(isinstance(members, (list, np.ndarray)), "estimators_ must be a list or an array", where)
    flat = list(members.flat) if isinstance(members, np.ndarray) else list(members)
    require(all(isinstance(member, Node) for member in flat), "estimators_ must hold estimators", where)
    return flat


def validate_tree_ensemble(node, path):
    members = _members(node, path)
    held = [(index, member, member.state.get("tree_")) for index, member in enumerate(members)
            if isinstance(member.state, dict) and member.state.get("tree_") is not None]
    if not held:
        return

    def where(position):
        return "%s.estimators_[%d].tree_" % (path, held[position][0])

    check_trees_inputs([tree for _, _, tree in held], [node.state] * len(held), where, holder=False)
    for position, (_, member, tree) in enumerate(held):
        if member.cls not in _SELF_CHECKING:
            check_tree_inputs(tree, member.state, where(position))


def validate_bagging(node, path):
    """Bagging ensembles (BaggingClassifier/Regressor, IsolationForest) give member ``i``
    the columns ``estimators_features_[i]``, or all columns when ``_max_features`` is the
    feature count (IsolationForest); IsolationForest applies its trees without input
    checks, so a member tree must take exactly the columns it is given."""
    members = _members(node, path)
    state = node.state
    features = field(state, "estimators_features_", join(path, "state"), required=bool(members))
    if not members:
        return
    where = join(path, "estimators_features_")
    require(isinstance(features, list) and len(features) == len(members),
            "estimators_features_ must list one array per member", where)
    n_features = n_features_of(state)
    require(n_features is not None, "a fitted bagging ensemble needs n_features_in_", join(path, "n_features_in_"))
    whole = state.get("_max_features") == n_features
    for index, (member, columns) in enumerate(zip(members, features)):
        at = "%s[%d]" % (where, index)
        require(isinstance(columns, np.ndarray) and columns.ndim == 1 and columns.dtype.kind in "iu"
                and ((columns >= 0) & (columns < n_features)).all(),
                "expected a 1-D array of feature indices in [0, %d)", at, n_features)
        tree = member.state.get("tree_") if isinstance(member.state, dict) else None
        if tree is not None:
            width = n_features if whole else len(columns)
            check_tree_inputs(tree, {"n_features_in_": width}, join(path, "estimators_[%d].tree_" % index),
                              holder=False)


def _stage_tree(member):
    """Whether a gradient-boosting stage is a fitted single-output DecisionTreeRegressor."""
    tree = member.state.get("tree_") if isinstance(member.state, dict) else None
    return (member.cls == "sklearn.tree.DecisionTreeRegressor" and isinstance(tree, Node)
            and tree.cls == "sklearn.tree._tree.Tree" and tree.args[2:3] == [1])


# Losses whose raw predictions have one column per class; any other loss makes a
# classifier keep only the positive-class column, so it must be binary.
_MULTICLASS_LOSSES = ("HalfMultinomialLoss", "MultinomialDeviance")

# Per-class arrays of the initial estimator (DummyClassifier; 0.20's prior estimators):
# their length sets the width of the raw-prediction buffer the stages write into.
_INIT_CLASS_ARRAYS = ("classes_", "class_prior_", "priors")


def validate_gradient_boosting(node, path):
    validate_tree_ensemble(node, path)
    state = node.state
    stages = state.get("estimators_")
    where = join(path, "estimators_")
    if stages is None:  # unfitted; a fitted model's stages go to compiled code, which would take None
        require("init_" not in state and "n_estimators_" not in state, "a fitted model needs its estimators_",
                where)
        return
    require(isinstance(stages, np.ndarray) and stages.ndim == 2, "estimators_ must be a 2-D array of trees", where)
    classes = state.get("classes_")
    n_classes = classes.shape[0] if isinstance(classes, np.ndarray) and classes.ndim == 1 else None
    expected = n_classes if n_classes is not None and n_classes > 2 else 1
    require(stages.shape[1] == expected, "estimators_ has %d columns, expected %d" % (stages.shape[1], expected),
            where)
    declared = state.get("n_trees_per_iteration_")
    require(declared is None or declared == expected, "n_trees_per_iteration_ does not match estimators_",
            join(path, "n_trees_per_iteration_"))
    for key in ("loss_", "_loss"):
        loss = state.get(key)
        if not isinstance(loss, Node):
            continue
        if isinstance(loss.state, dict) and "K" in loss.state:
            require(loss.state["K"] == expected, "loss K does not match estimators_", join(path, key))
        require(expected == 1 or loss.name in _MULTICLASS_LOSSES,
                "a %d-class model needs a multiclass loss, not %s" % (expected, loss.name), join(path, key))
    # predict_stages reads each stage's tree_ as a Tree without checking its type.
    stages = [_stage_tree(member) for member in _members(node, path)]
    if not all(stages):
        require(False, "every stage must be a fitted single-output DecisionTreeRegressor",
                "%s.estimators_[%d]" % (path, stages.index(False)))
    init = state.get("init_")
    if not (isinstance(init, Node) and isinstance(init.state, dict)):
        return
    _check_init_outputs(init, expected if init.cls == _DUMMY_REGRESSOR and n_classes is not None else 1,
                        join(path, "init_"))
    if n_classes is not None:
        for key in _INIT_CLASS_ARRAYS:
            value = init.state.get(key)
            require(value is None or (isinstance(value, np.ndarray) and value.shape[:1] == (n_classes,)),
                    "init_ does not predict the %d classes of the model" % n_classes, join(path, "init_." + key))
        # (DummyClassifier's 'uniform', 'most_frequent' and 'constant' size their probabilities by n_classes_)
        count = init.state.get("n_classes_")
        require(count is None or (isinstance(count, (int, np.integer)) and count == n_classes),
                "init_ does not predict the %d classes of the model" % n_classes, join(path, "init_.n_classes_"))


_DUMMY_REGRESSOR = "sklearn.dummy.DummyRegressor"


def _check_init_outputs(init, width, path):
    """The initial estimator's predictions become the raw-prediction buffer the stages write
    ``width`` columns into: a regressor's (and 0.20's constant scores, kept by a DummyRegressor
    in a classifier) must have that many outputs, a classifier's one (its classes are checked
    apart); a DummyRegressor predicts ``constant_`` once per output."""
    outputs = init.state.get("n_outputs_")
    require(outputs is None or (isinstance(outputs, (int, np.integer)) and outputs == width),
            "init_ must predict %d output(s) per sample, not %r" % (width, outputs), join(path, "n_outputs_"))
    constant = init.state.get("constant_")
    require(init.cls != _DUMMY_REGRESSOR or (isinstance(constant, np.ndarray) and constant.size == width),
            "init_.constant_ must hold %d value(s)" % width, join(path, "constant_"))
