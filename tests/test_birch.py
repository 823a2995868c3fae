"""Birch: its CF tree (a graph with cycles) stored as a table, rebuilt with the same
links, checked before it is built, and carried across the releases that changed
the estimator around it."""
import pickle
import warnings

import numpy as np
import pytest
import scipy.sparse as sp
import sklearn
from sklearn.cluster import Birch, KMeans

import sklearn_migrator as sm
from sklearn_migrator.capture import capture
from sklearn_migrator.codec import decode_tree
from sklearn_migrator.migrations import migrate

INSTALLED = sklearn.__version__
RNG = np.random.RandomState(0)
X, MORE, QUERY = RNG.normal(size=(300, 5)), RNG.normal(size=(150, 5)), RNG.normal(size=(60, 5))


def _fitted(data=X, chunks=1, **params):
    model = Birch(**params)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # fewer subclusters than n_clusters
        if chunks == 1:
            return model.fit(data)
        for part in np.array_split(np.arange(data.shape[0]), chunks):
            model.partial_fit(data[part])
    return model


MODELS = {
    "default": lambda: _fitted(),
    "deep": lambda: _fitted(threshold=0.5, branching_factor=3, n_clusters=None),
    "kmeans-global": lambda: _fitted(threshold=1.2, n_clusters=KMeans(n_clusters=3, n_init=2, random_state=0)),
    "float32": lambda: _fitted(X.astype(np.float32), threshold=0.7, branching_factor=6),
    "sparse": lambda: _fitted(sp.csr_matrix(np.where(X > 0.3, X, 0.0)), threshold=0.8),
    "partial_fit": lambda: _fitted(chunks=4, threshold=0.6, branching_factor=5),
}


def _leaves(model):
    leaf, found = model.dummy_leaf_.next_leaf_, []
    while leaf is not None:
        found.append(leaf)
        leaf = leaf.next_leaf_
    return found


@pytest.mark.parametrize("name", sorted(MODELS))
@pytest.mark.parametrize("arrays", ["auto", "list"])
def test_round_trip_keeps_outputs_and_continues_training_as_the_original(name, arrays):
    original = MODELS[name]()
    query = QUERY.astype(np.float32) if name == "float32" else QUERY
    rebuilt = sm.loads(sm.dumps(original, arrays=arrays))
    np.testing.assert_array_equal(rebuilt.predict(query), original.predict(query))
    np.testing.assert_array_equal(rebuilt.transform(query), original.transform(query))
    assert [leaf.centroids_.shape for leaf in _leaves(rebuilt)] == [leaf.centroids_.shape for leaf in
                                                                   _leaves(original)]
    # The nodes' centroids are views of the arrays insertion updates, as fitting made them, so
    # training goes on exactly as it would have on the original.
    for leaf in _leaves(rebuilt):
        assert np.shares_memory(leaf.centroids_, leaf.init_centroids_)
    more = MORE.astype(np.float32) if name == "float32" else MORE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        original.partial_fit(more)
        rebuilt.partial_fit(more)
    np.testing.assert_array_equal(rebuilt.subcluster_centers_, original.subcluster_centers_)
    np.testing.assert_array_equal(rebuilt.predict(query), original.predict(query))


def test_the_document_is_the_same_after_a_round_trip_and_unfitted_birch_has_no_tree():
    text = sm.dumps(MODELS["deep"]())
    assert sm.dumps(sm.loads(text)) == text
    assert "cf_tree_" not in capture(Birch()).state
    assert sm.loads(sm.dumps(Birch(threshold=0.2))).get_params() == Birch(threshold=0.2).get_params()


def test_a_rescued_pickle_continues_training_as_the_original(tmp_path):
    original = MODELS["deep"]()
    path = tmp_path / "birch.pkl"
    path.write_bytes(pickle.dumps(original))
    rescued = sm.load_legacy(str(path))
    np.testing.assert_array_equal(rescued.predict(QUERY), original.predict(QUERY))
    original.partial_fit(MORE)
    rescued.partial_fit(MORE)
    np.testing.assert_array_equal(rescued.subcluster_centers_, original.subcluster_centers_)


def test_a_cf_tree_of_unknown_shape_is_a_capture_error_live_and_a_document_error_in_a_file(tmp_path):
    model = MODELS["deep"]()
    model.root_.subclusters_[0].weight_ = 1.0  # an attribute no release of Birch has
    with pytest.raises(sm.CaptureError, match="_CFSubcluster holds attributes"):
        sm.serialize(model)
    path = tmp_path / "birch.pkl"
    path.write_bytes(pickle.dumps(model))
    with pytest.raises(sm.DocumentError, match="_CFSubcluster holds attributes") as info:
        sm.load_legacy(str(path))
    assert "changed Birch's CF tree" in str(info.value)


def _tree():
    return decode_tree(sm.serialize(MODELS["deep"]())["tree"], "")


def _cf(tree):
    return tree.state["cf_tree_"]


def _loop_the_leaf_list(tree):
    nodes = _cf(tree)["nodes"]
    last = int(np.flatnonzero((nodes["next_leaf_"] == -1) & (nodes["prev_leaf_"] >= 0))[0])
    nodes["next_leaf_"][last] = 0  # back to the dummy leaf, whose prev stays -1
    nodes["prev_leaf_"][0] = last


def _share_a_child(tree):
    children = _cf(tree)["subclusters"]["child_"]
    linked = np.flatnonzero(children >= 0)
    children[linked[1]] = children[linked[0]]


def _child_is_root(tree):
    children = _cf(tree)["subclusters"]["child_"]
    children[np.flatnonzero(children >= 0)[0]] = 1


def _inconsistent_links(tree):
    nodes = _cf(tree)["nodes"]
    first = int(nodes["next_leaf_"][0])
    nodes["prev_leaf_"][first] = -1


def _too_many_subclusters(tree):
    counts = _cf(tree)["nodes"]["n_subclusters"]
    counts[1], counts[2:] = counts.sum(), 0  # every subcluster in the root, beyond its rows


def _short_centroids(tree):
    _cf(tree)["nodes"]["init_centroids_"][1] = np.zeros((2, 5))


def _wrong_width(tree):
    _cf(tree)["subclusters"]["linear_sum_"][0] = np.zeros(4)


def _root_only(tree):
    tree.state["root_"] = tree.state.pop("cf_tree_")


@pytest.mark.parametrize("damage, message", [
    (_loop_the_leaf_list, "linked both ways"),
    (_share_a_child, "node of its own"),
    (_child_is_root, "node of its own"),
    (_inconsistent_links, "linked both ways"),
    (_too_many_subclusters, "subclusters"),
    (_short_centroids, "init_centroids_"),
    (_wrong_width, "one entry per feature"),
    (_root_only, "cf_tree_"),
])
def test_a_damaged_cf_tree_is_refused_before_anything_is_built(damage, message):
    from sklearn_migrator.build import build

    tree = _tree()
    damage(tree)
    with pytest.raises(sm.DocumentError, match=message):
        build(tree)


def test_fit_flags_are_renamed_in_1_0_and_removed_in_1_2():
    tree = _tree()
    migrate(tree, INSTALLED, "0.24.2")
    assert tree.state["fit_"] is True and tree.state["partial_fit_"] is False
    assert "_n_features_out" not in tree.state and "_deprecated_fit" not in tree.state
    migrate(tree, "0.24.2", "1.0.2")
    assert tree.state["_deprecated_fit"] is True and "fit_" not in tree.state
    migrate(tree, "1.0.2", "1.9.1")
    assert tree.state["_n_features_out"] == tree.state["subcluster_centers_"].shape[0]
    assert not {"_deprecated_fit", "_deprecated_partial_fit", "fit_", "partial_fit_"} & set(tree.state)


def test_copy_is_restored_below_1_6_and_dropped_with_a_note_from_1_8():
    tree = _tree()
    migrate(tree, INSTALLED, "1.5.2")
    assert tree.params["copy"] is True
    tree.params["copy"] = False
    notes = migrate(tree, "1.5.2", "1.9.1").notes
    assert "copy" not in tree.params and any("copy=False" in note for note in notes)
    migrate(tree, "1.9.1", "1.7.2")
    assert tree.params["copy"] == "deprecated"


def test_float32_centroids_are_refused_in_0_20_which_measures_them_in_float32():
    tree = _tree()
    tree.state["subcluster_centers_"] = tree.state["subcluster_centers_"].astype(np.float32)  # as 1.2+ fits float32
    with pytest.raises(sm.MigrationError, match="float32 arithmetic"):
        migrate(tree, INSTALLED, "0.20.4")
    migrate(_tree(), INSTALLED, "0.20.4")
