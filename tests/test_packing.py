"""Packed lists (many small objects of one class written column by column): exact round
trips, the cases that must not pack, and malformed packed values refused."""
import json

import numpy as np
import pytest
from sklearn.ensemble import GradientBoostingClassifier, RandomForestRegressor

import sklearn_migrator as sm
from sklearn_migrator import packing
from sklearn_migrator.codec import decode_tree, encode_tree
from sklearn_migrator.tree import Node, values_equal

RNG = np.random.RandomState(0)
X = RNG.rand(300, 5)
Y3 = RNG.randint(0, 3, 300)


def _json(value):
    return json.loads(json.dumps(value))


def test_a_boosted_model_is_packed_and_rebuilt_exactly():
    model = GradientBoostingClassifier(n_estimators=20, max_depth=2, random_state=0).fit(X, Y3)
    doc = sm.serialize(model)
    estimators = doc["tree"]["state"]["estimators_"]
    assert set(estimators) == {"__ndarray__", "shape", "packed"} and estimators["shape"] == [20, 3]
    columns = estimators["packed"]["__fields__"]
    assert columns["__class__"] == {"__same__": "sklearn.tree.DecisionTreeRegressor"}
    tree_state = columns["state"]["__fields__"]["tree_"]["__fields__"]["state"]["__fields__"]
    assert set(tree_state["nodes"]) == {"__concat__"}
    for text in (json.dumps(doc), sm.dumps(model)):
        rebuilt = sm.loads(text)
        np.testing.assert_array_equal(rebuilt.predict_proba(X), model.predict_proba(X))
        assert sm.serialize(rebuilt) == doc
    # the shared RandomState stays one object
    assert len({id(tree.random_state) for tree in sm.loads(sm.dumps(model)).estimators_.flat}) == 1


def test_the_readable_form_and_large_items_are_not_packed():
    model = GradientBoostingClassifier(n_estimators=10, max_depth=2, random_state=0).fit(X, Y3)
    assert "data" in sm.serialize(model, arrays="list")["tree"]["state"]["estimators_"]
    big = RandomForestRegressor(n_estimators=10, random_state=0).fit(RNG.rand(20000, 3), RNG.rand(20000))
    assert sum(tree.tree_.node_count for tree in big.estimators_) * 64 > 10 * packing.MAX_ITEM_BYTES
    assert type(sm.serialize(big)["tree"]["state"]["estimators_"]) is list
    small = RandomForestRegressor(n_estimators=10, max_depth=3, random_state=0).fit(X, Y3)
    assert set(sm.serialize(small)["tree"]["state"]["estimators_"]) == {"__packed__", "count"}


def _nodes(*states):
    return [Node("x.Thing", state=state) for state in states * 4]


@pytest.mark.parametrize("states", [
    ({"v": 0.0}, {"v": -0.0}),  # same by ==, different bits
    ({"v": 1}, {"v": 1.0}),
    ({"v": 1}, {"v": True}),
    ({"v": np.zeros(3)}, {"v": np.zeros(3, dtype=np.float32)}),
    ({"v": np.arange(3)}, {"v": np.arange(3).reshape(1, 3)}),
    ({"v": np.array([1.5, -0.0])}, {"v": np.array([1.5, 0.0])}),
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # key order is kept
    ({"v": [1, 2]}, {"v": [1, 2, 3]}),
    ({"v": np.array(["a", "bc"])}, {"v": np.array(["a", "b"])}),
])
def test_packing_keeps_every_difference(states):
    value = _nodes(*states)
    for arrays in ("auto", "base64"):
        encoded = encode_tree(value, arrays)
        assert set(encoded) == {"__packed__", "count"}
        decoded = decode_tree(_json(encoded))
        assert values_equal(decoded, value)
        assert [list(node.state) for node in decoded] == [list(node.state) for node in value]


@pytest.mark.parametrize("shapes, stacked", [
    ([(3, 2), (0, 2), (4, 2)], True),  # rows of one width: split from one reshape
    ([(5,), (0,), (2,)], True),
    ([(2, 0), (3, 0)], False),  # no elements in a row: each array reshaped on its own
    ([(2,), (3, 1)], False),  # dimensions differ
    ([(), ()], False),  # 0-d arrays
    ([(2, 3), (2, 4)], False),  # widths differ
])
def test_concatenated_arrays_split_back_into_their_shapes(shapes, stacked, monkeypatch):
    if stacked:
        monkeypatch.setattr(packing, "_size", None)  # the array-by-array path must not be taken
    rng = np.random.RandomState(0)
    value = _nodes(*({"v": np.asarray(rng.rand(*shape))} for shape in shapes))
    encoded = encode_tree(value, "base64")
    assert "__concat__" in encoded["__packed__"]["__fields__"]["state"]["__fields__"]["v"]
    decoded = decode_tree(_json(encoded))
    assert values_equal(decoded, value)
    assert all(node.state["v"].flags.c_contiguous for node in decoded)


def _packed(column, count=2):
    return {"__packed__": column, "count": count}


@pytest.mark.parametrize("bad", [
    _packed({"__same__": 1}, count=-1),
    _packed({"__same__": 1}, count=1.5),
    _packed({"__same__": 1}, count=packing.MAX_COUNT + 1),
    _packed({"__each__": [1, 2, 3]}),
    _packed({"__each__": 1}),
    _packed({"__fields__": [1, 2]}),
    _packed({"__items__": {"a": 1}}),
    _packed({"__unknown__": 1}),
    _packed({"__same__": 1, "__each__": [1, 2]}),
    _packed({"__concat__": {"__ndarray__": "<f8", "shapes": {"__same__": [2]}, "base64": "AAAAAAAAAAA="}}),
    _packed({"__concat__": {"__ndarray__": "<f8", "shapes": {"__same__": [-1]}, "base64": ""}}),
    _packed({"__concat__": {"__ndarray__": "<f8", "shapes": {"__each__": [[1, 1], [1, True]]},
                            "base64": "AAAAAAAAAAAAAAAAAAAAAA=="}}),
    _packed({"__concat__": {"__ndarray__": "|O", "shapes": {"__same__": [0]}, "base64": ""}}),
    _packed({"__concat__": {"__ndarray__": "<f8", "shapes": {"__same__": [1]}}}),
    _packed({"__same__": {"__class__": "numpy.random.RandomState", "__id__": 1}}),
    {"__ndarray__": "<f8", "shape": [2], "packed": {"__same__": 1}},
    {"__ndarray__": "|O", "shape": [1 << 30], "packed": {"__same__": 1}},
    {"__ndarray__": "|O", "shape": [2], "packed": {"__each__": [1]}},
])
def test_malformed_packed_values_are_document_errors(bad):
    with pytest.raises(sm.DocumentError):
        decode_tree(bad)


def test_a_packed_column_may_stand_for_no_items():
    assert decode_tree(_packed({"__each__": []}, count=0)) == []
    assert decode_tree(_packed({"__fields__": {}}, count=2)) == [{}, {}]
    empty = decode_tree({"__ndarray__": "|O", "shape": [0, 3], "packed": {"__each__": []}})
    assert empty.shape == (0, 3) and empty.dtype == object


def _item_by_item(decoder, column, count, path):
    from sklearn_migrator import packing as p

    return [decoder.decode(item, path) for item in p.unfactor(column, count, path, decoder.array)]


def _varied_nodes(seed):
    rng = np.random.RandomState(seed)
    shared = Node("x.Shared", state={"k": np.arange(3)})
    return [Node("x.Item",
                 params={"alpha": 0.5, "name": "same", "n": int(rng.randint(3)), "shared": shared,
                         "pair": (1, 2), "flags": [True, False], "missing": None},
                 args=[20, np.array([int(rng.randint(1, 3))]), 1],
                 state={"tree_": Node("x.Inner", args=[int(rng.randint(2))],
                                      state={"nodes": rng.rand(int(rng.randint(1, 6)), 2),
                                             "count": int(rng.randint(9)), "nan": float("nan")}),
                        "weights": rng.rand(3), "label": {"a": [1, 2]}})
            for _ in range(12)]


@pytest.mark.parametrize("seed", range(5))
def test_columns_decode_as_the_items_spelled_out_would(seed, monkeypatch):
    from sklearn_migrator.codec import Decoder

    fixed = [Node("x.Fixed", args=[20, np.array([1]), np.asfortranarray(np.arange(4.0).reshape(2, 2)), (1,)],
                  state={"v": float(index)}) for index in range(10)]
    value = [_varied_nodes(seed), np.array(_varied_nodes(seed + 10), dtype=object).reshape(3, 4), fixed]
    encoded = _json(encode_tree(value))
    assert set(encoded[0]) == {"__packed__", "count"} and "packed" in encoded[1]
    assert set(encoded[2]["__packed__"]["__fields__"]["args"]) == {"__same__"}
    columnar = decode_tree(encoded)
    monkeypatch.setattr(Decoder, "unpack", _item_by_item)
    spelled_out = decode_tree(encoded)
    assert values_equal(columnar, spelled_out) and values_equal(columnar, value)
    for decoded in (columnar, spelled_out):  # the shared node stays shared; nothing else is
        assert len({id(node.params["shared"]) for node in decoded[0]}) == 1
        assert len({id(node.args[2]) for node in decoded[2]}) == 10
        assert all(node.args[2].flags.f_contiguous for node in decoded[2])


@pytest.mark.parametrize("field, value, message", [
    ("left_child", 0, "child indices must point forward"),
    ("feature", 99, "split features must be in"),
    ("right_child", -1, "exactly one child"),
])
def test_a_bad_tree_among_many_is_named(field, value, message):
    from sklearn_migrator.build import build
    from sklearn_migrator.capture import capture

    model = GradientBoostingClassifier(n_estimators=20, max_depth=2, random_state=0).fit(X, Y3)
    tree = capture(model)
    nodes = tree.state["estimators_"][7, 1].state["tree_"].state["nodes"]
    nodes[field][0] = value
    with pytest.raises(sm.StateValidationError, match=r"estimators_\[22\]\.tree_\.nodes.*" + message):
        build(tree)


def _spelled_out(tree):
    from sklearn_migrator import columns

    original = columns.column
    columns.column = columns._spelled_out
    try:
        return encode_tree(tree, "auto", streamed=True)
    finally:
        columns.column = original


def _text(encoded):
    from sklearn_migrator import jsonio

    pieces = []
    jsonio.write_document(encoded, pieces.append)
    return b"".join(pieces)


@pytest.mark.parametrize("seed", range(3))
def test_columns_are_written_as_the_items_spelled_out_would_be(seed):
    from sklearn_migrator.capture import capture

    model = GradientBoostingClassifier(n_estimators=12, max_depth=2, random_state=seed).fit(X, Y3)
    fixed = [Node("x.Fixed", args=[20, np.array([1]), np.asfortranarray(np.arange(4.0).reshape(2, 2)), (1,)],
                  state={"v": float(index), "w": np.arange(index, dtype=">i4"), "u": np.zeros(index % 2)})
             for index in range(10)]
    for tree in (capture(model), [_varied_nodes(seed), fixed]):
        assert _text(encode_tree(tree, "auto", streamed=True)) == _text(_spelled_out(tree))


def test_shared_nodes_in_two_columns_are_defined_in_item_order(monkeypatch):
    from sklearn_migrator.codec import Decoder

    a, b = Node("x.A", state={"k": 1}), Node("x.B", state={"k": 2})
    items = [Node("x.Item", state={"p": a if index else b, "q": b if index else a}) for index in range(10)]
    encoded = json.loads(_text(encode_tree(items, "auto", streamed=True)))
    assert encoded == json.loads(_text(_spelled_out(items)))
    monkeypatch.setattr(Decoder, "unpack", _item_by_item)
    decoded = decode_tree(encoded)
    assert values_equal(decoded, items) and decoded[0].state["p"] is decoded[1].state["q"]
