"""Mutation fuzzing of the decoder: hostile documents only ever raise typed errors.

CI runs a few thousand examples; set SKLEARN_MIGRATOR_FUZZ_EXAMPLES for a longer
run. Each example takes a valid document, replaces one field anywhere in it with
an arbitrary JSON value (or corrupts its text), and loads it. The outcome must
be a rebuilt estimator or a MigratorError; any other exception is a bug.
"""
import json
import os
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeRegressor

import sklearn_migrator as sm
from sklearn_migrator import zoo

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2 ** 70, 2 ** 70) | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.sampled_from(["__ndarray__", "__class__", "<f8", "|O", "sklearn.svm.SVC", "numpy.random.RandomState"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["__class__", "__ndarray__", "shape", "data", "base64", "__tuple__", "__ref__", "state",
                         "params", "args", "x", "__scalar__", "value", "__dict__", "flip", "order",
                         "__packed__", "count", "packed", "__same__", "__fields__", "__items__", "__each__",
                         "__concat__", "shapes"]),
        children, max_size=4),
    max_leaves=12)


def _documents():
    data = zoo.make_data(40)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SVC's probability=True is deprecated in recent releases
        return _fitted_documents(data)


def _fitted_documents(data):
    models = [DecisionTreeRegressor(max_depth=3, random_state=0).fit(data["X"], data["reg"]),
              GradientBoostingClassifier(n_estimators=3, max_depth=2, random_state=0).fit(data["X"], data["clf3"]),
              KNeighborsClassifier(3, algorithm="kd_tree").fit(data["X"], data["clf2"]),
              SVC(probability=True, random_state=0).fit(data["X"], data["clf3"])]
    return [json.loads(sm.dumps(model, arrays=mode)) for model in models for mode in ("list", "base64")]


DOCUMENTS = _documents()


def _slots(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            for sub in _slots(item, path + (key,)):
                yield sub
    elif isinstance(value, list):
        for index, item in enumerate(value[:6]):
            for sub in _slots(item, path + (index,)):
                yield sub


SLOTS = [(i, slot) for i, doc in enumerate(DOCUMENTS) for slot in _slots(doc) if slot]


X = zoo.make_data(40)["X"]
EXAMPLES = int(os.environ.get("SKLEARN_MIGRATOR_FUZZ_EXAMPLES", "1500"))


def _load_expecting_typed_errors(doc, load=sm.deserialize):
    try:
        model = load(doc)
    except sm.MigratorError:
        return
    # A model that was rebuilt must not crash the interpreter when used; scikit-learn
    # raising a Python exception on state that is odd but memory-safe is acceptable.
    try:
        model.predict(X)
    except Exception:
        pass


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SLOTS), json_values)
def test_replacing_any_field_gives_a_typed_error_or_a_model(slot, replacement):
    index, path = slot
    doc = json.loads(json.dumps(DOCUMENTS[index]))
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = replacement
    _load_expecting_typed_errors(doc)


@settings(max_examples=max(1, EXAMPLES // 4), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(DOCUMENTS) - 1), st.data())
def test_corrupted_text_gives_a_typed_error_or_a_model(index, data):
    text = json.dumps(DOCUMENTS[index])
    cut = data.draw(st.integers(0, len(text)))
    flip = data.draw(st.integers(0, len(text) - 1))
    char = data.draw(st.sampled_from('0123456789-e."{}[],:tfn'))
    for corrupted in (text[:cut], text[:flip] + char + text[flip + 1:]):
        _load_expecting_typed_errors(corrupted, sm.loads)  # the text path: long base64 strings are cut out
        try:
            _load_expecting_typed_errors(json.loads(corrupted))
        except ValueError:  # not JSON at all: sm.loads reports it as a DocumentError
            with pytest.raises(sm.DocumentError):
                sm.loads(corrupted)
