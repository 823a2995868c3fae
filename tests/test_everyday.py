"""Everyday use: one load for every file (told by content), dump's names and file objects,
containers of estimators, and classes of the user's own under trusted=."""
import bz2
import gzip
import io
import json
import pickle
import sys

import joblib
import numpy as np
import pytest
import sklearn
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import sklearn_migrator as sm
from sklearn_migrator import cli, zoo

class Clip(BaseEstimator, TransformerMixin):
    """A transformer of the user's own."""

    def __init__(self, low=0.0, high=1.0):
        self.low, self.high = low, high

    def fit(self, X, y=None):
        self.span_ = np.ptp(np.asarray(X), axis=0)
        return self

    def transform(self, X):
        return np.clip(X, self.low, self.high) / self.span_


class Holder:
    """A plain object of the user's own."""

    def __init__(self, value):
        self.value = value


CLIP = __name__ + ".Clip"


@pytest.fixture(scope="module")
def model(data):
    return zoo.cases()[0].fit(data)[0]


def _same(a, b, data):
    np.testing.assert_array_equal(a.predict(data["X_query"]), b.predict(data["X_query"]))


# -- one entry point ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["m.json", "m.json.gz", "m.json.zst"])
def test_load_reads_documents_by_content_whatever_their_name(name, model, data, tmp_path):
    path = tmp_path / name
    sm.dump(model, str(path))
    renamed = tmp_path / "model.bin"  # the name no longer says what it is
    path.rename(renamed)
    _same(sm.load(str(renamed)), model, data)
    with open(str(renamed), "rb") as handle:
        _same(sm.load(handle), model, data)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))  # 5 from Python 3.8
def test_load_reads_pickles_of_every_protocol(protocol, model, data, tmp_path):
    path = tmp_path / "model.json"  # a misleading name
    path.write_bytes(pickle.dumps(model, protocol=protocol))
    _same(sm.load(str(path)), model, data)
    _same(sm.load(io.BytesIO(path.read_bytes())), model, data)


@pytest.mark.parametrize("compress", [0, 3, ("zlib", 3), ("gzip", 3), ("bz2", 3), ("xz", 3), ("lzma", 3)])
def test_load_reads_joblib_files_of_every_compression(compress, model, data, tmp_path):
    path = tmp_path / "model"
    joblib.dump(model, str(path), compress=compress)
    _same(sm.load(str(path)), model, data)


@pytest.mark.parametrize("content, what", [
    (b"", "the file is an empty file, not a sklearn-migrator document"),
    (b"PK\x03\x04rest", "the file is a zip archive (a .skops file? skops.io.load reads those)"),
    (b'[1, 2, 3]', "the file is a JSON text that is not a sklearn-migrator document"),
    (bz2.compress(b'{"format": "x"}'), "the file is a bz2-compressed JSON text: documents are read plain, gzip- or "
                                      "zstandard-compressed"),
    (b"\x1f\x8b\x08\x00 not compressed", "the file is a gzip-compressed file whose content does not decompress"),
    (b"\x00\x01\x02\x03", "the file is neither a document nor a pickle (it starts with bytes 00 01 02 03)"),
])
def test_load_says_what_a_file_is_when_it_reads_neither(content, what, tmp_path):
    path = tmp_path / "model.json"
    path.write_bytes(content)
    with pytest.raises(sm.DocumentError) as raised:
        sm.load(str(path))
    assert raised.value.reason.startswith(what) and raised.value.path == str(path)


def test_the_legacy_route_names_a_document_and_its_reader(model, tmp_path):
    path = tmp_path / "model.pkl"
    sm.dump(model, str(tmp_path / "model.json.gz"))
    (tmp_path / "model.json.gz").rename(path)
    for read in (sm.load_legacy, sm.read_legacy):
        with pytest.raises(sm.DocumentError, match="the file is a gzip-compressed JSON document, not a pickle or "
                                                   "joblib file. It is a document: read it with sklearn_migrator.load"):
            read(str(path))


def test_loads_names_a_pickle_and_its_reader(model):
    with pytest.raises(sm.DocumentError, match=r"the file is a pickle stream \(protocol 4\), not a sklearn-migrator "
                                               "document. It is a legacy pickle: read it with sklearn_migrator.load"):
        sm.loads(pickle.dumps(model, protocol=4))


@pytest.mark.parametrize("name", ["model.pkl", "model.json.bz2", "model", "model.txt"])
def test_dump_refuses_a_name_it_does_not_write(name, model, tmp_path):
    with pytest.raises(ValueError, match=r"dump writes sklearn-migrator documents: name the file \.json, \.json\.gz "
                                         r"\(gzip\) or \.json\.zst \(zstandard\), not '%s'" % name.replace(".", r"\.")):
        sm.dump(model, str(tmp_path / name))
    assert list(tmp_path.iterdir()) == []


def test_dump_takes_compress_explicitly(model, data, tmp_path):
    sm.dump(model, str(tmp_path / "m.json.gz"), compress="gzip")
    assert (tmp_path / "m.json.gz").read_bytes()[:2] == b"\x1f\x8b"
    with pytest.raises(ValueError, match="compress='gzip' but the name 'm.json' says plain JSON"):
        sm.dump(model, str(tmp_path / "m.json"), compress="gzip")
    with pytest.raises(ValueError, match="compress must be None, 'gzip' or 'zstd', got 'bz2'"):
        sm.dump(model, str(tmp_path / "m.json"), compress="bz2")


@pytest.mark.parametrize("compress", [None, "gzip"])
def test_dump_writes_to_binary_and_text_file_objects(compress, model, data):
    binary = io.BytesIO()
    sm.dump(model, binary, compress=compress)
    raw = binary.getvalue()
    assert (gzip.decompress(raw) if compress else raw).startswith(b'{"format":"sklearn-migrator"')
    binary.seek(0)
    _same(sm.load(binary), model, data)
    text = io.StringIO()
    if compress:
        with pytest.raises(ValueError, match="a text file object takes plain JSON"):
            sm.dump(model, text, compress=compress)
    else:
        sm.dump(model, text)
        assert text.getvalue().encode("utf-8") == raw


# -- containers --------------------------------------------------------------------------------------------

def _bundle(data):
    scaler = StandardScaler().fit(data["X"])
    model = LogisticRegression().fit(scaler.transform(data["X"]), data["clf3"])
    return {"svc": model, "scaler": scaler, "orient": 9, "columns": ["a", "b"], "arr": np.arange(3.0),
            "pair": (scaler, [model])}


def _check_bundle(found, bundle, data):
    assert type(found) is dict and sorted(found) == sorted(bundle)
    assert found["orient"] == 9 and found["columns"] == ["a", "b"]
    np.testing.assert_array_equal(found["arr"], bundle["arr"])
    assert type(found["pair"]) is tuple and type(found["pair"][1]) is list
    assert found["pair"][0] is found["scaler"] and found["pair"][1][0] is found["svc"]  # shared stays shared
    X = data["X_query"]
    np.testing.assert_array_equal(found["svc"].predict_proba(found["scaler"].transform(X)),
                                  bundle["svc"].predict_proba(bundle["scaler"].transform(X)))


def test_a_dict_of_estimators_and_values_round_trips(data, tmp_path):
    bundle = _bundle(data)
    doc = sm.serialize(bundle)
    assert doc["estimator"] == "builtins.dict"
    _check_bundle(sm.deserialize(json.loads(json.dumps(doc))), bundle, data)
    sm.dump(bundle, str(tmp_path / "b.json"))
    _check_bundle(sm.load(str(tmp_path / "b.json")), bundle, data)


@pytest.mark.parametrize("write", ["pickle", "joblib"])
def test_a_pickled_dict_of_estimators_is_rescued_whole(write, data, tmp_path):
    bundle = _bundle(data)
    path = tmp_path / "bundle.pkl"
    if write == "pickle":
        path.write_bytes(pickle.dumps(bundle, protocol=2))
    else:
        joblib.dump(bundle, str(path), compress=3)
    _check_bundle(sm.load(str(path)), bundle, data)
    _check_bundle(sm.load_legacy(str(path)), bundle, data)
    _check_bundle(sm.deserialize(sm.read_legacy(str(path))), bundle, data)


def test_a_tuple_and_a_list_keep_their_type(data):
    scaler = StandardScaler().fit(data["X"])
    found = sm.loads(sm.dumps((scaler, "note")))
    assert type(found) is tuple and type(found[0]) is StandardScaler and found[1] == "note"
    found = sm.loads(sm.dumps([scaler, [scaler, 2]]))
    assert type(found) is list and found[1][1] == 2 and found[1][0] is found[0]


def test_a_container_without_an_estimator_is_refused(tmp_path):
    with pytest.raises(sm.CaptureError, match="dict: the dict holds no scikit-learn estimator"):
        sm.serialize({"a": 1, "b": np.arange(2)})
    path = tmp_path / "values.pkl"
    path.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(sm.DocumentError, match="the file holds a dict without a scikit-learn estimator in it"):
        sm.load(str(path))


def test_inspect_shows_a_containers_layout(data, tmp_path, capsys):
    path = tmp_path / "bundle.pkl"
    path.write_bytes(pickle.dumps(_bundle(data), protocol=2))
    assert cli.main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  holds:        builtins.dict\n" in out
    for row in ("['svc']                  sklearn.linear_model.LogisticRegression",
                "['orient']               int 9", "['arr']                  array of float64, shape (3,)",
                "['pair']                 tuple of 2",
                "['pair'][1][0]           sklearn.linear_model.LogisticRegression"):
        assert "    %s\n" % row in out
    assert cli.main(["inspect", "--json", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] and ["['scaler']", "sklearn.preprocessing.StandardScaler"] in record["layout"]


# -- classes of the user's own -----------------------------------------------------------------------------

def _custom_pipeline(data):
    return make_pipeline(Clip(0.1, 0.9), LogisticRegression()).fit(data["X"], data["clf3"])


def _same_proba(a, b, data):
    np.testing.assert_array_equal(a.predict_proba(data["X_query"]), b.predict_proba(data["X_query"]))


def test_a_users_class_is_refused_unless_trusted(data):
    with pytest.raises(sm.UnsupportedEstimatorError, match=r"Pipeline at steps\[0\]\[1\]: objects of class %s "
                                                           "cannot be exported" % CLIP) as raised:
        sm.serialize(_custom_pipeline(data))
    assert "trusted=['module.Class']" in raised.value.hint


def test_a_trusted_class_travels_by_its_import_path(data, tmp_path):
    pipeline = _custom_pipeline(data)
    path = str(tmp_path / "model.json")
    sm.dump(pipeline, path, trusted=[CLIP])
    doc = sm.serialize(pipeline, trusted=[CLIP])
    assert doc["trusted"] == [CLIP]
    step = doc["tree"]["params"]["steps"][0]["__tuple__"][1]
    assert step["__class__"] == CLIP and step["params"] == {"high": 0.9, "low": 0.1}
    assert sm.get_untrusted_types(path) == [CLIP]
    with pytest.raises(sm.UnsupportedEstimatorError, match="references classes or functions of its own, which "
                                                           "are code: " + CLIP):
        sm.load(path)
    rebuilt = sm.load(path, trusted=[CLIP])
    assert type(rebuilt.steps[0][1]) is Clip and rebuilt.steps[0][1]._sklearn_version == sklearn.__version__
    _same_proba(rebuilt, pipeline, data)


def test_a_trusted_class_in_a_pickle_and_one_defined_in_a_script(data, tmp_path, monkeypatch):
    pipeline = _custom_pipeline(data)
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(pipeline, protocol=2))
    assert sm.get_untrusted_types(str(path)) == [CLIP]
    with pytest.raises(sm.UnsafeContentError, match="references %s, which is not on" % CLIP):
        sm.load(str(path))
    _same_proba(sm.load(str(path), trusted=[CLIP]), pipeline, data)
    assert sm.read_legacy(str(path), trusted=[CLIP])["trusted"] == [CLIP]

    monkeypatch.setattr(Clip, "__module__", "__main__")  # as if defined in the training script
    monkeypatch.setattr(sys.modules["__main__"], "Clip", Clip, raising=False)
    path.write_bytes(pickle.dumps(pipeline, protocol=4))
    assert sm.get_untrusted_types(str(path)) == ["__main__.Clip"]
    _same_proba(sm.load(str(path), trusted={"__main__.Clip": Clip}), pipeline, data)


def test_a_plain_trusted_object_and_what_stays_refused(data):
    scaler = StandardScaler().fit(data["X"])
    holder = __name__ + ".Holder"
    found = sm.loads(sm.dumps({"scaler": scaler, "h": Holder(np.arange(2))}, trusted=[holder]), trusted=[holder])
    assert type(found["h"]) is Holder and found["h"].value.tolist() == [0, 1]
    with pytest.raises(sm.UnsupportedEstimatorError, match=r"at h\.value: objects of class .*Clip cannot be "):
        sm.serialize({"scaler": scaler, "h": Holder(Clip())}, trusted=[holder])  # only what is named
    with pytest.raises(sm.CaptureError, match=r"at h\.value: .* cannot be exported"):
        sm.serialize({"scaler": scaler, "h": Holder(len)}, trusted=[holder])  # a callable not named
    with pytest.raises(ValueError, match=r"trusted\['x\.y'\] must be a class or a function, got int"):
        sm.serialize(scaler, trusted={"x.y": 3})


def test_inspect_and_convert_take_trusted_names(data, tmp_path, capsys):
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(_custom_pipeline(data), protocol=2))
    assert cli.main(["inspect", str(path)]) == 1
    assert cli.main(["inspect", str(path), "--trusted", CLIP]) == 0
    assert cli.main(["convert", str(path), "-o", str(tmp_path / "out"), "--trusted", CLIP]) == 0
    capsys.readouterr()
    assert sm.get_untrusted_types(str(tmp_path / "out" / "model.json")) == [CLIP]


def test_a_missing_file_is_the_operating_systems_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        sm.load(str(tmp_path / "absent.json"))
    with pytest.raises(FileNotFoundError):
        sm.get_untrusted_types(str(tmp_path / "absent.pkl"))
