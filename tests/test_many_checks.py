"""The checks of many trees at once (a boosted model's stages, a forest's trees), made
field by field across the trees, accept and refuse exactly what checking each tree
alone does, and name the same tree and field."""
import numpy as np
import pytest
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier, RandomForestRegressor

from sklearn_migrator.capture import capture
from sklearn_migrator.errors import MigratorError
from sklearn_migrator.objects.tree import check_tree_inputs, check_trees_inputs
from sklearn_migrator.registry import entry_for_name

RNG = np.random.RandomState(0)
X = RNG.rand(200, 5)
Y3 = RNG.randint(0, 3, 200)
Y2 = RNG.rand(200, 2)

MODELS = {
    "boosted": lambda: GradientBoostingClassifier(n_estimators=6, max_depth=2, random_state=0).fit(X, Y3),
    "forest": lambda: RandomForestClassifier(n_estimators=12, max_depth=3, random_state=0).fit(X, Y3),
    "two outputs": lambda: RandomForestRegressor(n_estimators=12, max_depth=3, random_state=0).fit(X, Y2),
}


def _members(name):
    tree = capture(MODELS[name]())
    return [(member, "estimators_[%d]" % index) for index, member in enumerate(np.ravel(tree.state["estimators_"]))]


def _outcome(check):
    try:
        check()
    except MigratorError as error:
        return type(error).__name__, str(error)
    return "accepted"


def _plain(value):
    return value.tolist() if isinstance(value, np.ndarray) else value


# Edits of one tree: valid values in an uncommon form, and faults of every field checked.
TREE_EDITS = {
    "n_features as numpy int": lambda t: t.args.__setitem__(0, np.int64(t.args[0])),
    "n_features zero": lambda t: t.args.__setitem__(0, 0),
    "n_features bool": lambda t: t.args.__setitem__(0, True),
    "n_features float": lambda t: t.args.__setitem__(0, float(t.args[0])),
    "n_outputs too many": lambda t: t.args.__setitem__(2, t.args[2] + 1),
    "n_classes as float": lambda t: t.args.__setitem__(1, t.args[1].astype(float)),
    "n_classes zero": lambda t: t.args.__setitem__(1, np.zeros_like(t.args[1])),
    "n_classes as int32": lambda t: t.args.__setitem__(1, t.args[1].astype(np.int32)),
    "n_classes a list": lambda t: t.args.__setitem__(1, t.args[1].tolist()),
    "args too short": lambda t: t.args.pop(),
    "args a tuple": lambda t: setattr(t, "args", tuple(t.args)),
    "state not a dict": lambda t: setattr(t, "state", list(t.state.items())),
    "node_count missing": lambda t: t.state.pop("node_count"),
    "node_count numpy": lambda t: t.state.__setitem__("node_count", np.intp(t.state["node_count"])),
    "node_count off by one": lambda t: t.state.__setitem__("node_count", t.state["node_count"] + 1),
    "node_count negative": lambda t: t.state.__setitem__("node_count", -1),
    "max_depth negative": lambda t: t.state.__setitem__("max_depth", -1),
    "max_depth bool": lambda t: t.state.__setitem__("max_depth", False),
    "nodes another layout": lambda t: t.state.__setitem__("nodes", t.state["nodes"][["feature", "threshold"]]),
    "nodes strided": lambda t: t.state.__setitem__("nodes", np.repeat(t.state["nodes"], 2)[::2]),
    "nodes 2-D": lambda t: t.state.__setitem__("nodes", t.state["nodes"][:, None]),
    "nodes a list": lambda t: t.state.__setitem__("nodes", _plain(t.state["nodes"])),
    "values float32": lambda t: t.state.__setitem__("values", t.state["values"].astype(np.float32)),
    "values strided": lambda t: t.state.__setitem__("values", np.repeat(t.state["values"], 2, axis=0)[::2]),
    "values one row short": lambda t: t.state.__setitem__("values", t.state["values"][1:].copy()),
    "values missing": lambda t: t.state.pop("values"),
    "child points back": lambda t: t.state["nodes"]["left_child"].__setitem__(0, 0),
    "feature out of range": lambda t: t.state["nodes"]["feature"].__setitem__(0, 99),
    "untouched": lambda t: None,
}


@pytest.mark.parametrize("model", sorted(MODELS))
@pytest.mark.parametrize("edit", sorted(TREE_EDITS))
@pytest.mark.parametrize("position", [0, 5])
def test_trees_checked_together_as_one_by_one(model, edit, position):
    trees = [(member.state["tree_"], path + ".tree_") for member, path in _members(model)]
    TREE_EDITS[edit](trees[position][0])
    codec = entry_for_name("sklearn.tree._tree.Tree").codec
    alone = _outcome(lambda: [codec.validate(node, path) for node, path in trees])
    together = _outcome(lambda: codec.validate_all(trees))
    assert together == alone
    assert (alone == "accepted") == (edit in ("untouched", "n_features as numpy int", "n_classes as int32",
                                              "node_count numpy"))
    if alone != "accepted":
        assert "estimators_[%d].tree_" % position in alone[1]


# Edits of one estimator holding a tree (its declarations against its tree's).
HOLDER_EDITS = {
    "features as numpy int": lambda s: s.__setitem__(_features_key(s), np.int64(s[_features_key(s)])),
    "features mismatch": lambda s: s.__setitem__(_features_key(s), s[_features_key(s)] + 1),
    "features a string": lambda s: s.__setitem__(_features_key(s), "5"),
    "features missing": lambda s: s.pop(_features_key(s)),
    "outputs mismatch": lambda s: s.__setitem__("n_outputs_", s["n_outputs_"] + 1),
    "outputs as numpy int": lambda s: s.__setitem__("n_outputs_", np.int64(s["n_outputs_"])),
    "outputs missing": lambda s: s.pop("n_outputs_"),
    "classes one short": lambda s: _edit_classes(s, lambda classes: classes[1:]),
    "classes a list": lambda s: _edit_classes(s, _plain),
    "tree not a node": lambda s: s.__setitem__("tree_", {"node_count": 1}),
    "tree missing": lambda s: s.pop("tree_"),
    "tree of another class": lambda s: setattr(s["tree_"], "cls", "sklearn.tree.DecisionTreeRegressor"),
    "tree args short": lambda s: s["tree_"].args.pop(),
    "tree n_features an array": lambda s: s["tree_"].args.__setitem__(0, np.array([5, 5])),
    "tree n_outputs an array": lambda s: s["tree_"].args.__setitem__(2, np.array([1, 1])),
    "untouched": lambda s: None,
}


def _edit_classes(state, edit):
    if state.get("classes_") is not None:  # a regressor's trees have none (0.21: None)
        state["classes_"] = edit(state["classes_"])


def _features_key(state):
    return "n_features_in_" if "n_features_in_" in state else "n_features_"


@pytest.mark.parametrize("model", sorted(MODELS))
@pytest.mark.parametrize("edit", sorted(HOLDER_EDITS))
@pytest.mark.parametrize("position", [0, 5])
def test_tree_estimators_checked_together_as_one_by_one(model, edit, position):
    members = _members(model)
    HOLDER_EDITS[edit](members[position][0].state)
    codec = entry_for_name(members[0][0].cls).codec
    alone = _outcome(lambda: [codec.validate(node, path) for node, path in members])
    together = _outcome(lambda: codec.validate_all(members))
    assert together == alone
    if alone != "accepted":
        assert "estimators_[%d]" % position in alone[1]
    # the same trees against one ensemble's declarations (holder=False: no class check)
    held = [(member.state.get("tree_"), member.state) for member, _ in members]
    trees, states = [tree for tree, _ in held], [state for _, state in held]
    alone = _outcome(lambda: [check_tree_inputs(tree, state, "at %d" % index, holder=False)
                              for index, (tree, state) in enumerate(held)])
    together = _outcome(lambda: check_trees_inputs(trees, states, "at {}".format, holder=False))
    assert together == alone


@pytest.mark.parametrize("model", sorted(MODELS))
def test_trees_as_captured_are_checked_field_by_field(model):
    """The common form is what capture and decoding give: those trees take the column checks,
    not the one-by-one fallback (which would accept them too, only slower)."""
    from sklearn_migrator.objects.tree import _inputs_fit, _tree_columns

    members = _members(model)
    trees = [member.state["tree_"] for member, _ in members]
    assert _tree_columns([(tree, "") for tree in trees]) is not None
    assert _inputs_fit(trees, [member.state for member, _ in members], holder=True)
