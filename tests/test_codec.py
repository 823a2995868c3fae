"""The JSON codec: every value kind round-trips bit for bit and stays strict JSON."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

import sklearn_migrator as sm
from sklearn_migrator import limits
from sklearn_migrator.codec import decode_tree, encode_tree
from sklearn_migrator.tree import Global, Node, values_equal


def round_trip(value, arrays="auto"):
    text = json.dumps(encode_tree(value, arrays), allow_nan=False)
    return decode_tree(json.loads(text))


NODE_DTYPE_LIKE = np.dtype({"names": ["left", "threshold", "flag"], "formats": ["<i8", "<f8", "u1"],
                            "offsets": [0, 8, 16], "itemsize": 24})

VALUES = {
    "floats": [0.1, -0.0, float("nan"), float("inf"), -float("inf"), 1e308, 5e-324],
    "ints": [0, -1, 2 ** 63 - 1, -2 ** 63, 2 ** 64 - 1, True, False, None, "text", "__not_a_tag"],
    "tuple": (1, (2.5, "x"), []),
    "sets": [{"the", "and", "café"}, frozenset({3, 1, 2.5, ("x", 1), None}), set(), frozenset()],
    "dict-keys": {0: "a", 1.5: "b", (1, 2): "c", "__class__": "d", None: "e", np.int64(3): "f"},
    "numpy-scalars": [np.float64(np.nan), np.float32(0.1), np.float16(-0.0), np.int8(-5), np.uint64(2 ** 64 - 1),
                      np.bool_(True), np.int32(7), np.complex128(1 - 2j), np.str_("label")],
    "dtypes": [np.dtype("<f8"), np.dtype("|b1"), NODE_DTYPE_LIKE],
    "references": [Global("numpy.float64"), Global("numpy.log1p"), Global("sklearn.feature_selection.chi2"),
                   slice(1, None, 2), slice(None, None, None), slice(-3, 7, None)],
    "arrays": [np.arange(200, dtype=np.float64) / 7, np.array([np.nan, np.inf, -0.0]),
               np.array([[1, 2], [3, 4]], dtype=np.int32, order="F"), np.arange(12.0).reshape(3, 4)[::-1],
               np.array(["a", "bcd", ""]), np.array([True, False]), np.empty((0, 3)), np.array(3.5),
               np.arange(6, dtype=">f8"), np.array([2 ** 63 - 1, -2 ** 63], dtype=np.int64),
               np.zeros(3, dtype=NODE_DTYPE_LIKE), np.array([b"ab", b"c"]), np.arange(4, dtype=np.float32) / 3,
               np.array([1 + 2j, np.nan]), np.asfortranarray(np.arange(36.0).reshape(6, 6))[:2],
               np.arange(24.0).reshape(4, 6)[:, ::2], np.array([None, "x", 1.5, (1, 2)], dtype=object)],
}


@pytest.mark.parametrize("arrays", ["auto", "list", "base64"])
@pytest.mark.parametrize("name", sorted(VALUES))
def test_values_round_trip_exactly(name, arrays):
    value = VALUES[name]
    decoded = round_trip(value, arrays)
    if name == "arrays":
        for original, back in zip(value, decoded):
            # Big-endian input comes back little-endian with the same values; all else is identical.
            little = original.astype(original.dtype.newbyteorder("<")) if original.dtype.byteorder == ">" \
                else original
            assert values_equal(back, little)
            assert back.strides == little.strides or little.size == 0  # strides of empty arrays are arbitrary
    else:
        assert values_equal(decoded, value)


def test_a_set_is_written_in_an_order_string_hashing_does_not_change():
    code = ("import json; from sklearn_migrator.codec import encode_tree; "
            "print(json.dumps(encode_tree({'words': set('the and of to in a is that for it'.split())})))")
    written = {subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONHASHSEED=seed),
                              capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(written) == 1 and '"__set__": ["a", "and", "for"' in written.pop()


@pytest.mark.parametrize("value, message", [
    ({"__set__": [[1, 2]]}, "sets may hold only"),
    ({"__set__": 3}, "must hold a list"),
    ({"__frozenset__": [{"__set__": []}]}, "sets may hold only"),
])
def test_malformed_sets_are_refused(value, message):
    with pytest.raises(sm.DocumentError, match=message):
        decode_tree(value)


def test_numpy_scalar_types_survive():
    decoded = round_trip(VALUES["numpy-scalars"])
    assert [type(v) for v in decoded] == [type(v) for v in VALUES["numpy-scalars"]]


def test_readable_form_is_plain_lists_and_compact_form_is_base64():
    small, large = np.arange(3.0), np.arange(1000.0)
    assert encode_tree(small)["data"] == [0.0, 1.0, 2.0]
    assert "base64" in encode_tree(large) and "data" in encode_tree(large, "list")
    assert "base64" in encode_tree(small, "base64")


def test_shared_objects_are_written_once_and_stay_shared(data):
    from sklearn.ensemble import GradientBoostingRegressor

    model = GradientBoostingRegressor(n_estimators=5, random_state=0).fit(data["X"], data["reg"])
    text = json.dumps(sm.serialize(model))
    assert text.count('"numpy.random.RandomState"') == 1 and text.count('"__ref__"') == 5
    rebuilt = sm.loads(text)
    shared = {id(tree.random_state) for tree in rebuilt.estimators_.ravel()}
    assert len(shared) == 1


def test_decoding_never_imports_named_modules():
    doc = {"__class__": "xml.dom.minidom.Node", "state": {}}
    before = set(sys.modules)
    tree = decode_tree(doc)
    assert isinstance(tree, Node)
    with pytest.raises(sm.UnsupportedEstimatorError, match="not on sklearn-migrator's allowlist"):
        from sklearn_migrator.build import build

        build(tree)
    assert not {m for m in set(sys.modules) - before if m.startswith("xml")}


@pytest.mark.parametrize("strides,error,message", [
    ([8, 8], sm.DocumentError, "overlap"), ([0, 8], sm.DocumentError, "positive multiples"),
    ([8, 12], sm.DocumentError, "positive multiples"),
    ([8, 10 ** 9], sm.ResourceLimitError, "the buffer an array's strides span"),
])
def test_crafted_strides_are_refused(strides, error, message):
    value = {"__ndarray__": "<f8", "shape": [2, 3], "data": [0.0] * 6, "strides": strides}
    with pytest.raises(error, match=message), limits.reading(1000):
        decode_tree(value)


def test_a_column_view_of_a_wide_matrix_keeps_its_strides():
    """0.20-0.21's multinomial LogisticRegression keeps ``intercept_`` as the last column of
    its (classes, features + 1) weights: 3 values spanning the whole matrix."""
    weights = np.arange(3 * 501, dtype=np.float64).reshape(3, 501)
    column = weights[:, -1]
    decoded = decode_tree(json.loads(json.dumps(encode_tree(column))))
    assert decoded.strides == column.strides and np.array_equal(decoded, column)


@pytest.mark.parametrize("value, message", [
    ({"__global__": "os.system"}, "not a type or function sklearn-migrator may reference"),
    ({"__global__": 7}, "not a type or function"),
    ({"__slice__": [0, 1.5, None]}, "each an integer or null"),
    ({"__slice__": [0, 1]}, "start, stop, step"),
])
def test_malformed_references_are_refused(value, message):
    with pytest.raises(sm.MigratorError, match=message):
        decode_tree(value)


def test_a_tree_holding_itself_is_refused_not_recursed():
    from sklearn_migrator.build import build

    node = Node("sklearn.linear_model.LinearRegression", params={}, state={})
    node.state["inner"] = [node]
    with pytest.raises(sm.DocumentError, match="contains itself"):
        build(node)


def test_shared_nodes_and_tuples_are_built_once_in_place():
    from sklearn_migrator.build import build
    from sklearn_migrator.capture import capture
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.linear_model import LogisticRegression

    rng = np.random.RandomState(0)
    X, y = rng.rand(40, 3), rng.randint(0, 2, 40)
    model = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())]).fit(X, y)
    tree = capture(model)
    shared = tree.params["steps"][0][1]
    tree.params["steps"].append(("again", shared))  # a node met twice, inside tuples
    rebuilt = build(tree)
    assert rebuilt.steps[2][1] is rebuilt.steps[0][1] and type(rebuilt.steps[0]) is tuple
    rebuilt.steps.pop()
    np.testing.assert_array_equal(rebuilt.predict_proba(X), model.predict_proba(X))


def test_the_build_walk_lists_nodes_as_iter_nodes_does():
    """Validation takes its nodes from the build's walk: the same nodes, in the same order,
    at the same paths as iter_nodes (the order decides which fault is reported first)."""
    from sklearn_migrator import zoo
    from sklearn_migrator.build import _Layout
    from sklearn_migrator.capture import capture
    from sklearn_migrator.tree import iter_nodes

    for case in list(zoo.cases())[::15]:
        tree = capture(case.fit()[0])
        layout = _Layout()
        layout.value(tree, "")
        assert [(path, id(node)) for node, path in layout.nodes] == [(path, id(node)) for path, node in iter_nodes(tree)]
