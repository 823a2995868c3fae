"""The migration mechanism: steps chosen by release and applied in order, both directions."""
import types

import pytest

from sklearn_migrator.errors import MigrationError
from sklearn_migrator.migrations import Step, load_steps, migrate, plan
from sklearn_migrator.tree import Node


def rename(old, new):
    def apply(node, migration, path):
        node.state[new] = node.state.pop(old)
    return apply


STEPS = [
    Step("0.22", "a -> b", ["x.Est"], rename("a", "b"), rename("b", "a")),
    Step("1.0", "b -> c", ["x.Est"], rename("b", "c"), rename("c", "b")),
    Step("1.3.1", "note only", ["x.Other"], lambda n, m, p: m.note(p, "dropped"), lambda n, m, p: None),
]
LINES = {(0, 21), (0, 22), (1, 0), (1, 3), (1, 9)}


def test_plan_selects_steps_between_releases():
    assert [s.summary for s, f in plan("0.21.3", "1.3.2", STEPS)] == ["a -> b", "b -> c", "note only"]
    assert [s.summary for s, f in plan("1.3.0", "1.3.2", STEPS)] == ["note only"]
    assert [s.summary for s, f in plan("1.9.1", "0.21.3", STEPS)] == ["note only", "b -> c", "a -> b"]
    assert all(f is s.down for s, f in plan("1.9.1", "0.22.2.post1", STEPS))
    assert plan("0.22.0rc1", "0.22.2", STEPS) == []


def test_up_and_down_are_inverse():
    tree = Node("x.Est", params={}, state={"a": 1, "nested": Node("x.Other", state={})})
    forward = migrate(tree, "0.21.3", "1.9.1", STEPS, LINES)
    assert tree.state["c"] == 1 and "a" not in tree.state
    assert len(forward.applied) == 3 and forward.notes == ["nested: dropped"]
    migrate(tree, "1.9.1", "0.21.3", STEPS, LINES)
    assert tree.state["a"] == 1 and "c" not in tree.state


def test_unverified_lines_are_refused():
    with pytest.raises(MigrationError, match="not verified for scikit-learn 0.24.2"):
        migrate(Node("x.Est", state={}), "0.24.2", "1.9.1", STEPS, LINES)


def test_release_modules_are_loaded_in_release_order():
    late = types.SimpleNamespace(STEPS=[STEPS[1]])
    early = types.SimpleNamespace(STEPS=[STEPS[0]])
    assert [s.summary for s in load_steps([late, early])] == ["a -> b", "b -> c"]


def test_one_way_value_renames_leave_older_releases_alone():
    from sklearn_migrator.migrations._kinds import param_values

    steps = [param_values("0.22", ["x.Est"], "solver", {"warn": "liblinear"}, one_way=True),
             param_values("1.0", ["x.Est"], "criterion", {"mse": "squared_error"})]
    node = Node("x.Est", params={"solver": "warn", "criterion": "mse"}, state={})
    migrate(node, "0.21.3", "1.9.1", steps, LINES)
    assert node.params == {"solver": "liblinear", "criterion": "squared_error"}
    migrate(node, "1.9.1", "0.21.3", steps, LINES)
    assert node.params == {"solver": "liblinear", "criterion": "mse"}


def test_steps_are_tied_to_the_patch_release_that_changed_state():
    # Found by the patch-release matrix: classifier tree fractions arrived in 1.4.0, not 1.4.1,
    # and MiniBatchKMeans' private settings in 0.23.2, not 0.23.0.
    def summaries(source, target):
        return [step.summary for step, _ in plan(source, target, load_steps())]

    assert "classifier tree values are class fractions" in summaries("1.3.2", "1.4.0")
    assert "classifier tree values are class fractions" not in summaries("1.4.0", "1.9.1")
    assert any("_init_size" in s for s in summaries("0.23.1", "0.23.2"))
    assert not any("_init_size" in s for s in summaries("0.22.2.post1", "0.23.1"))
