"""Histogram gradient boosting: crafted predictor trees are refused before Cython walks
them, and the migration steps carry every zoo model down to older releases and back
without changing an output (or refuse, naming what the older release lacks)."""
import functools

import numpy as np
import pytest
import sklearn

import sklearn_migrator as sm
from sklearn_migrator import parity, zoo
from sklearn_migrator.build import build
from sklearn_migrator.capture import capture
from sklearn_migrator.migrations import migrate
from sklearn_migrator.versions import has_release

DATA = zoo.make_data()
CASES = {case.id: case for case in zoo.cases() if "HistGradientBoosting" in case.id}


@functools.lru_cache(maxsize=None)
def _fitted(case_id):
    return CASES[case_id].fit(DATA)


def _fitted_tree(case_id):
    """The fitted model, its query and a fresh state tree of it (edited by the tests)."""
    model, X = _fitted(case_id)
    return model, X, capture(model)


def _predictor_nodes(tree, iteration=0, k=0):
    predictor = tree.state["_predictors"][iteration][k]
    predictor.state["nodes"] = predictor.state["nodes"].copy()
    return predictor.state["nodes"]


def _first_split(nodes):
    return int(np.flatnonzero(nodes["is_leaf"] == 0)[0])


def _edit_left_far(tree):
    nodes = _predictor_nodes(tree)
    nodes["left"][_first_split(nodes)] = 10 ** 6


def _edit_cycle(tree):
    nodes = _predictor_nodes(tree)
    split = _first_split(nodes)
    nodes["right"][split] = split


def _edit_shared_subtree(tree):
    """Both children of the root's left split lead to the same node (a DAG, not a tree)."""
    nodes = _predictor_nodes(tree)
    split = _first_split(nodes)
    inner = int(nodes["left"][split])
    if nodes["is_leaf"][inner]:
        inner = int(nodes["right"][split])
    nodes["right"][inner] = nodes["left"][inner]


def _edit_feature(tree):
    nodes = _predictor_nodes(tree)
    nodes["feature_idx"][_first_split(nodes)] = 6


def _edit_empty(tree):
    predictor = tree.state["_predictors"][0][0]
    predictor.state["nodes"] = predictor.state["nodes"][:0]


def _edit_layout(tree):
    predictor = tree.state["_predictors"][0][0]
    nodes = predictor.state["nodes"]
    kept = [name for name in nodes.dtype.names if name != "gain"]
    predictor.state["nodes"] = np.array(nodes[kept].tolist(), dtype=[(name, nodes.dtype[name]) for name in kept])


def _edit_iteration(tree):
    tree.state["_predictors"][0] = tree.state["_predictors"][0][:1]


@pytest.mark.parametrize("edit, message", [
    (_edit_left_far, "split children must point forward to existing nodes"),
    (_edit_cycle, "split children must point forward"),
    (_edit_shared_subtree, "every node but the root must be the child of exactly one split"),
    (_edit_feature, r"split features must be in \[0, 6\)"),
    (_edit_empty, "at least one node"),
    (_edit_layout, "node layout .* does not match this release's"),
    (_edit_iteration, "iterations of 3 predictors each"),
])
def test_crafted_predictors_are_refused_before_cython_sees_them(edit, message):
    model, X, tree = _fitted_tree("HistGradientBoostingClassifier-3class-strings")
    edit(tree)
    with pytest.raises(sm.StateValidationError, match=message):
        build(tree)


CATEGORICAL = sorted(case for case in CASES if "categorical" in case)  # 0.24+


def _categorical_split(tree):
    """(nodes, index) of a categorical split of some predictor."""
    for iteration in tree.state["_predictors"]:
        for predictor in iteration:
            nodes = predictor.state["nodes"]
            found = np.flatnonzero((nodes["is_leaf"] == 0) & (nodes["is_categorical"] != 0))
            if found.size:
                predictor.state["nodes"] = nodes = nodes.copy()
                return nodes, int(found[0])
    raise AssertionError("the zoo's categorical model has no categorical split")


@pytest.mark.parametrize("case_id", CATEGORICAL)
def test_crafted_categorical_splits_are_refused(case_id):
    model, X, tree = _fitted_tree(case_id)
    nodes, split = _categorical_split(tree)
    nodes["bitset_idx"][split] = 99
    with pytest.raises(sm.StateValidationError, match="categorical split must name one of the predictor's bitsets"):
        build(tree)

    model, X, tree = _fitted_tree(case_id)
    nodes, split = _categorical_split(tree)
    numeric = int(np.flatnonzero(tree.state["_bin_mapper"].state["is_categorical_"] == 0)[0])
    nodes["feature_idx"][split] = numeric  # no known categories: f_idx_map would point nowhere
    with pytest.raises(sm.StateValidationError, match="and a categorical feature"):
        build(tree)

    model, X, tree = _fitted_tree(case_id)
    mapper = tree.state["_bin_mapper"]
    feature = int(np.flatnonzero(mapper.state["is_categorical_"])[0])
    mapper.state["bin_thresholds_"] = list(mapper.state["bin_thresholds_"])
    mapper.state["bin_thresholds_"][feature] = np.array([0.0, 300.0])
    with pytest.raises(sm.StateValidationError, match=r"integers in \[0, 255\]"):
        build(tree)


#: Releases that introduced what a zoo configuration uses: older targets refuse it with this message.
_INTRODUCED = {  # (0.22's absolute error loss is refused below 0.22 for its missing values, checked first)
    "poisson": ("0.23", "the Poisson loss"),
    "categorical": ("0.24", "splits on categorical features"),
    "quantile": ("1.1", "the pinball loss"),
    "gamma": ("1.3", "the gamma loss"),
    "from_dtype": ("1.4", "encodes categories that are not the integer codes 0-255"),  # strings
}
_OLDER_HEADS = [release for release in ("0.21.3", "0.22.2.post1", "0.24.2", "1.3.2")
                if has_release(sklearn.__version__, release) and sklearn.__version__ != release]


def _introduced(case_id):
    """(release, what older ones lack) for a zoo configuration fitted here (the reason
    given for the newest release it crosses, checked first going down)."""
    for key, (release, what) in _INTRODUCED.items():
        if key in case_id:
            return release, what
    return "0.22", "missing values"  # every tree of 0.22+ routes them; 0.21 rejects them


@pytest.mark.parametrize("release", _OLDER_HEADS)
@pytest.mark.parametrize("case_id", sorted(CASES))
def test_down_to_an_older_release_and_back_changes_no_output(case_id, release):
    model, X, tree = _fitted_tree(case_id)
    introduced, what = _introduced(case_id)
    if not has_release(release, introduced):
        with pytest.raises(sm.MigrationError, match=what):
            migrate(tree, sklearn.__version__, release)
        return
    migrate(tree, sklearn.__version__, release)
    migrate(tree, release, sklearn.__version__)
    rebuilt = build(tree)
    assert parity.differences(parity.outputs(model, X), parity.outputs(rebuilt, X), rebuilt) == []
