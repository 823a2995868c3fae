"""The fast paths of issue 5: base64 with or without pybase64, long strings streamed
into the output on writing and cut out of the text before parsing. Each must give
exactly what the plain path gives: the same JSON value, the same estimator."""
import base64
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sklearn_migrator as sm
from sklearn_migrator import b64, jsonio, zoo

from conftest import fast_or_standard

FOREST = next(case for case in zoo.cases() if case.id == "RandomForestClassifier-3class")


@pytest.fixture(params=["pybase64", "standard library"])
def codec(request, monkeypatch):
    return fast_or_standard(request, monkeypatch, b64, "pybase64")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=5000))
def test_base64_matches_the_standard_library(data):
    for module in (b64.pybase64, None):
        original, b64.pybase64 = b64.pybase64, module
        try:
            text = b64.encode(data)
            assert text == base64.b64encode(data)
            assert b"".join(b64.encode_chunks(data)) == text
            assert b64.decode(text) == data and b64.decode(text.decode("ascii")) == data
        finally:
            b64.pybase64 = original


@pytest.mark.parametrize("text", ["QUJD=", "QU JD", "QU\nJD", "QUJ\u00e9", "QUJ", "QU\\/D", "===="])
def test_base64_decoding_is_strict(text, codec):
    with pytest.raises(ValueError):
        b64.decode(text)


def test_chunks_join_without_padding():
    data = bytes(range(256)) * (b64.CHUNK // 256 * 2 + 3)
    pieces = list(b64.encode_chunks(data))
    assert len(pieces) == 3 and b"=" not in b"".join(pieces[:-1])
    assert b"".join(pieces) == base64.b64encode(data)


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("arrays", ["auto", "base64", "list"])
def test_streamed_text_is_the_document_serialize_gives(arrays, indent, codec):
    model, X = FOREST.fit()
    text = sm.dumps(model, arrays=arrays, indent=indent)
    assert json.loads(text) == json.loads(json.dumps(sm.serialize(model, arrays=arrays)))
    rebuilt = sm.loads(text)
    np.testing.assert_array_equal(rebuilt.predict_proba(X), model.predict_proba(X))
    assert sm.serialize(rebuilt) == sm.serialize(model)


def _long(n=jsonio.CUT_MIN_LENGTH):
    return base64.b64encode(bytes(range(256)) * (n // 256 + 1)).decode("ascii")[:n // 4 * 4]


def test_parse_document_cuts_long_base64_strings_and_keeps_the_rest():
    data = json.dumps({"a": {"base64": _long()}, "b": {"base64": "QUJD"}, "c": [1, 2.5, None]}).encode()
    value, cut = jsonio.parse_document(data)
    assert cut is not None and value["b"] == {"base64": "QUJD"} and value["c"] == [1, 2.5, None]
    assert value["a"]["base64"] != _long()  # a placeholder ...
    assert cut.text(value["a"]["base64"], "a") == _long()  # ... standing for the string
    assert bytes(cut.bytes(value["a"]["base64"])) == base64.b64decode(_long())


@pytest.mark.parametrize("text", [
    '{"x": "\\"base64\\":\\"%s"}',  # the key inside another string
    '{"x\\"base64": "%s"}',  # a key ending in an escaped quote
    '{"base64" : "%s"}',  # spacing the writer does not use: parsed normally
])
def test_strings_that_are_not_a_base64_value_are_parsed_normally(text):
    data = (text % _long()).encode()
    value, cut = jsonio.parse_document(data)
    assert value == json.loads(data) and cut is None


def test_escaped_characters_in_a_cut_string_are_unescaped():
    escaped = _long().replace("/", "\\/")
    assert escaped != _long()
    value, cut = jsonio.parse_document(('{"base64": "%s"}' % escaped).encode())
    assert cut.text(value["base64"], "") == _long()
    assert bytes(cut.bytes(value["base64"])) == base64.b64decode(_long())


def test_an_array_written_with_escaped_slashes_decodes_exactly():
    model, X = FOREST.fit()
    text = sm.dumps(model, arrays="base64")
    assert '/' in text
    rebuilt = sm.loads(text.replace("/", "\\/"))
    np.testing.assert_array_equal(rebuilt.predict_proba(X), model.predict_proba(X))


@pytest.mark.parametrize("damage", ["!", "\\x", "\u00e9", "\n"])
def test_a_damaged_cut_string_is_a_document_error(damage):
    model = FOREST.fit()[0]
    text = sm.dumps(model, arrays="base64")
    at = text.index('"base64":"') + len('"base64":"') + 10
    with pytest.raises(sm.DocumentError):
        sm.loads(text[:at] + damage + text[at + 1:])


def test_an_unterminated_string_is_a_document_error():
    text = sm.dumps(FOREST.fit()[0], arrays="base64")
    at = text.rindex('"base64":"') + 20
    with pytest.raises(sm.DocumentError, match="not valid JSON"):
        sm.loads(text[:at])


def test_a_placeholder_in_the_text_is_just_a_string():
    data = json.dumps({"a": {"base64": _long()}, "b": "@cut-0000000000000000-0"}).encode()
    value, cut = jsonio.parse_document(data)
    assert cut.text(value["b"], "b") == "@cut-0000000000000000-0"


def test_a_consumed_tree_lets_go_of_each_state_once_its_object_is_built():
    from sklearn_migrator.build import build
    from sklearn_migrator.capture import capture
    from sklearn_migrator.tree import iter_nodes

    case = next(c for c in zoo.cases() if c.id.startswith("GradientBoostingClassifier"))
    model, X = case.fit()
    kept = capture(model)
    first, second = build(kept), build(kept)  # by default the tree stays whole: it can be built again
    consumed = capture(model)
    nodes = [node for _, node in iter_nodes(consumed)]
    third = build(consumed, consume=True)
    assert len(nodes) > 2 * model.estimators_.size and all(node.state is None and node.params is None for node in nodes)
    for rebuilt in (first, second, third):
        np.testing.assert_array_equal(rebuilt.predict_proba(X), model.predict_proba(X))
