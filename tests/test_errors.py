"""Bad input gets a typed error naming the estimator, the field, the versions and a fix."""
import copy
import json
import os
import threading

import numpy as np
import pytest
import sklearn
from sklearn.ensemble import RandomForestRegressor
from sklearn.kernel_ridge import KernelRidge
from sklearn.svm import SVC, NuSVC, NuSVR, OneClassSVM
from sklearn.tree import DecisionTreeClassifier

import sklearn_migrator as sm
from sklearn_migrator import atomic, zoo
from sklearn_migrator.arrays import encode_array


@pytest.fixture(scope="module")
def tree_doc():
    data = zoo.make_data()
    model = DecisionTreeClassifier(max_depth=3, random_state=0).fit(data["X"], data["clf3"])
    return json.loads(json.dumps(sm.serialize(model, arrays="list")))


def mutated(doc, edit):
    doc = copy.deepcopy(doc)
    edit(doc)
    return doc


def test_unsupported_estimator_is_named_with_a_hint(data):
    with pytest.raises(sm.UnsupportedEstimatorError) as info:
        sm.serialize(KernelRidge().fit(data["X"], data["reg"]))
    message = str(info.value)
    assert "KernelRidge" in message and "supported_models()" in message


def test_subclasses_are_refused(data):
    class MyForest(RandomForestRegressor):
        pass

    with pytest.raises(sm.UnsupportedEstimatorError, match="MyForest cannot be exported"):
        sm.serialize(MyForest(n_estimators=2).fit(data["X"], data["reg"]))


def test_unknown_class_in_document(tree_doc):
    doc = mutated(tree_doc, lambda d: d["tree"]["state"]["tree_"].update({"__class__": "os.system"}))
    with pytest.raises(sm.UnsupportedEstimatorError) as info:
        sm.deserialize(doc)
    message = str(info.value)
    assert "'os.system' is not on sklearn-migrator's allowlist" in message
    assert "DecisionTreeClassifier at tree_" in message
    assert "document from scikit-learn %s" % sklearn.__version__ in message


@pytest.mark.parametrize("key", ["format", "tree", "sklearn_version", "estimator"])
def test_missing_envelope_field(tree_doc, key):
    with pytest.raises(sm.DocumentError, match="at %s: required field is missing" % key):
        sm.deserialize(mutated(tree_doc, lambda d: d.pop(key)))


def test_mistyped_envelope_field(tree_doc):
    with pytest.raises(sm.DocumentError, match="at format_version: expected int, got str"):
        sm.deserialize(mutated(tree_doc, lambda d: d.update(format_version="1")))


def test_newer_format_asks_for_an_upgrade(tree_doc):
    with pytest.raises(sm.DocumentError, match="format version 2 is not readable.*Upgrade sklearn-migrator"):
        sm.deserialize(mutated(tree_doc, lambda d: d.update(format_version=2)))


def test_not_a_document():
    with pytest.raises(sm.DocumentError, match="must be a JSON object"):
        sm.deserialize([1, 2])
    with pytest.raises(sm.DocumentError, match="not valid JSON"):
        sm.loads('{"format": ')


def test_missing_parameter_is_named(tree_doc):
    doc = mutated(tree_doc, lambda d: d["tree"]["params"].pop("max_depth"))
    with pytest.raises(sm.DocumentError) as info:
        sm.deserialize(doc)
    assert "DecisionTreeClassifier at params" in str(info.value)
    assert "parameters this release requires but the document lacks: max_depth" in str(info.value)


def test_unknown_parameter_is_named(tree_doc):
    doc = mutated(tree_doc, lambda d: d["tree"]["params"].update(bogus_param=True))
    with pytest.raises(sm.DocumentError, match="parameters not in this release: bogus_param"):
        sm.deserialize(doc)


def test_mistyped_array_element(tree_doc):
    def edit(d):
        d["tree"]["state"]["tree_"]["state"]["values"]["data"][0] = "0.5"
    with pytest.raises(sm.DocumentError, match="at tree_.values: array elements do not match dtype float64"):
        sm.deserialize(mutated(tree_doc, edit))


def test_truncated_base64(tree_doc):
    def edit(d):
        nodes = d["tree"]["state"]["tree_"]["state"]["nodes"]
        nodes["base64"] = nodes["base64"][:-8]
    with pytest.raises(sm.DocumentError, match="at tree_.nodes: array data holds .* bytes"):
        sm.deserialize(mutated(tree_doc, edit))


def _edit_nodes(doc, field, index, value):
    from sklearn_migrator.arrays import decode_array

    nodes_json = doc["tree"]["state"]["tree_"]["state"]["nodes"]
    nodes = decode_array(nodes_json, "", None).copy()
    nodes[field][index] = value
    doc["tree"]["state"]["tree_"]["state"]["nodes"] = encode_array(nodes, "base64", None)


@pytest.mark.parametrize("field,index,value,message", [
    ("left_child", 0, 10 ** 6, "child indices must point forward to existing nodes"),
    ("left_child", 1, 0, "child indices must point forward"),  # a cycle back to the root
    ("right_child", 0, -1, "a node has exactly one child"),
    ("feature", 0, 6, r"split features must be in \[0, 6\)"),
])
def test_crafted_tree_nodes_are_refused_before_cython_sees_them(tree_doc, field, index, value, message):
    doc = mutated(tree_doc, lambda d: _edit_nodes(d, field, index, value))
    with pytest.raises(sm.StateValidationError, match="DecisionTreeClassifier at tree_.nodes: " + message):
        sm.deserialize(doc)


@pytest.mark.parametrize("model, target, message", [
    (SVC(gamma="scale"), "clf3", "must count the support vectors of each class"),
    (NuSVC(gamma="scale"), "clf3", "must count the support vectors of each class"),
    (NuSVR(gamma="scale"), "reg", r"must be \[0, 0\] or the number of support vectors twice"),
    (OneClassSVM(gamma="scale"), None, r"must be \[0, 0\] or the number of support vectors twice"),
])
def test_crafted_svm_counts_are_refused(data, model, target, message):
    fitted = model.fit(data["X"]) if target is None else model.fit(data["X"], data[target])
    doc = json.loads(json.dumps(sm.serialize(fitted, arrays="list")))
    doc["tree"]["state"]["_n_support" if "_n_support" in doc["tree"]["state"] else "n_support_"]["data"][0] += 1
    with pytest.raises(sm.StateValidationError, match=message):
        sm.deserialize(doc)


def test_unknown_tag_and_dangling_reference(tree_doc):
    with pytest.raises(sm.DocumentError, match="unknown or malformed tagged value '__evil__'"):
        sm.deserialize(mutated(tree_doc, lambda d: d["tree"]["state"].update(x={"__evil__": 1})))
    with pytest.raises(sm.DocumentError, match="reference to unknown object 7"):
        sm.deserialize(mutated(tree_doc, lambda d: d["tree"]["state"].update(x={"__ref__": 7})))


def test_version_out_must_be_installed(tree_doc):
    with pytest.raises(sm.VersionMismatchError) as info:
        sm.deserialize(tree_doc, version_out="0.1.0")
    assert "running scikit-learn %s" % sklearn.__version__ in str(info.value)
    with pytest.raises(sm.VersionError, match="not a valid release version"):
        sm.deserialize(tree_doc, version_out="latest")


@pytest.mark.parametrize("other", ["0.19.2", "2.0.0"])
def test_unverified_cross_version_is_refused_not_guessed(tree_doc, other):
    with pytest.raises(sm.MigrationError) as info:
        sm.deserialize(mutated(tree_doc, lambda d: d.update(sklearn_version=other)))
    message = str(info.value)
    assert "not verified for scikit-learn %s (supported: 0.20 to 1.9)" % other in message
    assert "document from scikit-learn %s" % other in message and sklearn.__version__ in message
    # The explicit opt-in attempts it, loudly.
    with pytest.warns(sm.MigrationWarning, match="not verified by the version matrix"):
        sm.deserialize(mutated(tree_doc, lambda d: d.update(sklearn_version=other)), allow_unverified=True)


def test_dump_is_atomic_and_keeps_nothing_half_written(tmp_path, data):
    target = tmp_path / "model.json"
    model = DecisionTreeClassifier(max_depth=2).fit(data["X"], data["clf2"])
    sm.dump(model, str(target))
    before = target.read_text()
    with pytest.raises(sm.UnsupportedEstimatorError):
        sm.dump(KernelRidge().fit(data["X"], data["reg"]), str(target))
    assert target.read_text() == before and sorted(p.name for p in tmp_path.iterdir()) == ["model.json"]
    np.testing.assert_array_equal(sm.load(str(target)).predict(data["X"]), model.predict(data["X"]))


def test_a_large_file_replaced_is_let_go_whole(tmp_path, monkeypatch, data):
    """The replaced file is closed in a background thread: a reader holding it still
    reads all of it, nothing is left in the directory, no descriptor stays open."""
    monkeypatch.setattr(atomic, "RELEASE_IN_BACKGROUND", 10)
    held, hold = [], atomic._hold_large_file
    monkeypatch.setattr(atomic, "_hold_large_file", lambda path: held.append(hold(path)) or held[-1])
    target = tmp_path / "model.json"
    target.write_bytes(b"old model " * 10)
    descriptors = sorted(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    model = DecisionTreeClassifier(max_depth=2).fit(data["X"], data["clf2"])
    with open(str(target), "rb") as reader:
        sm.dump(model, str(target))
        assert reader.read() == b"old model " * 10
    for thread in threading.enumerate():
        if thread.name.startswith("sklearn-migrator: release"):
            thread.join()
    assert len(held) == 1 and isinstance(held[0], int)  # the old file was held across the rename
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.json"]
    np.testing.assert_array_equal(sm.load(str(target)).predict(data["X"]), model.predict(data["X"]))
    if descriptors is not None:
        assert sorted(os.listdir("/proc/self/fd")) == descriptors


@pytest.mark.parametrize("func", [lambda X: X + 1, np.add, json.dumps], ids=["lambda", "ufunc-off-list", "function"])
def test_arbitrary_callables_are_never_exported(func, data):
    from sklearn.preprocessing import FunctionTransformer

    with pytest.raises(sm.CaptureError, match="func: .* cannot be exported: only numpy scalar types"):
        sm.serialize(FunctionTransformer(func).fit(data["X"]))


def test_a_reference_missing_from_the_installed_release_is_named(data):
    from sklearn.feature_selection import SelectKBest, f_classif

    doc = json.loads(json.dumps(sm.serialize(SelectKBest(f_classif, k=2).fit(data["X"], data["clf3"]))))
    doc["tree"]["params"]["score_func"] = {"__global__": "sklearn.feature_selection.r_regression"}
    if not hasattr(__import__("sklearn.feature_selection").feature_selection, "r_regression"):
        with pytest.raises(sm.UnsupportedEstimatorError, match="r_regression does not exist"):
            sm.deserialize(doc)
    else:
        assert sm.deserialize(doc).score_func.__name__ == "r_regression"
