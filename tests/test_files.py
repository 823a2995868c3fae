"""Document files: compression chosen by file name, orjson when installed, the standard
library otherwise; every path gives the same estimator bit for bit."""
import gzip
import importlib.util
import json
import sys
import types

import numpy as np
import pytest

import sklearn_migrator as sm
from sklearn_migrator import jsonio, zoo

from conftest import fast_or_standard

CASES = [case for case in zoo.cases() if case.id in ("RandomForestClassifier-3class", "MLPRegressor-adam-multioutput",
                                                      "KNeighborsClassifier-ball_tree")]


@pytest.fixture(params=["orjson", "standard library"])
def backend(request, monkeypatch):
    return fast_or_standard(request, monkeypatch, jsonio, "orjson")


@pytest.mark.parametrize("suffix", [".json", ".json.gz", ".json.zst"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_files_round_trip_exactly(case, suffix, backend, tmp_path):
    if suffix == ".json.zst" and importlib.util.find_spec("zstandard") is None:
        with pytest.raises(sm.DocumentError, match="zstandard"):
            sm.dump(case.fit()[0], str(tmp_path / ("model" + suffix)))
        return
    model, X = case.fit()
    path = str(tmp_path / ("model" + suffix))
    sm.dump(model, path)
    if suffix == ".json.gz":
        with gzip.open(path, "rt") as handle:
            assert json.load(handle)["estimator"].endswith(type(model).__name__)
    rebuilt = sm.load(path)
    for method in ("predict", "predict_proba", "kneighbors"):
        if hasattr(model, method):
            np.testing.assert_array_equal(getattr(rebuilt, method)(X), getattr(model, method)(X))
    assert sm.serialize(rebuilt) == sm.serialize(model)


def test_a_gzip_document_is_read_member_by_member_and_a_truncated_one_refused(backend, tmp_path):
    model = CASES[0].fit()[0]
    text = sm.dumps(model).encode("utf-8")
    path = tmp_path / "model.json.gz"
    path.write_bytes(gzip.compress(text[:1000]) + gzip.compress(text[1000:]))  # what `cat a.gz b.gz` makes
    assert sm.serialize(sm.load(str(path))) == sm.serialize(model)
    for cut in (4, 100):  # inside the trailer, inside the compressed data
        path.write_bytes(gzip.compress(text)[:-cut])
        with pytest.raises(sm.DocumentError, match="cannot decompress the document: the file ends inside"):
            sm.load(str(path))
    path.write_bytes(gzip.compress(text) + b"trailing")
    with pytest.raises(sm.DocumentError, match="cannot decompress"):
        sm.load(str(path))


def test_both_json_backends_write_the_same_document(monkeypatch):
    model = CASES[0].fit()[0]
    fast = jsonio.to_bytes(sm.serialize(model))
    monkeypatch.setattr(jsonio, "orjson", None)
    assert json.loads(fast) == json.loads(jsonio.to_bytes(sm.serialize(model)))
    assert jsonio.from_bytes(fast) == json.loads(fast)


@pytest.mark.parametrize("release, used", [("3.9.14", False), ("3.9.15", True), ("3.10.0", True), ("4.0", True)])
def test_orjson_is_used_only_where_it_bounds_nesting(monkeypatch, release, used):
    # orjson before 3.9.15 overflows its stack on a deeply nested document (CVE-2024-27454)
    fake = types.ModuleType("orjson")
    fake.__version__ = release
    monkeypatch.setitem(sys.modules, "orjson", fake)
    assert (jsonio._safe_orjson() is fake) is used


def test_integers_beyond_64_bits_fall_back_to_the_standard_library():
    doc = {"big": 2 ** 70, "small": -(2 ** 65)}
    assert jsonio.from_bytes(jsonio.to_bytes(doc)) == doc


def test_invalid_json_is_a_document_error():
    with pytest.raises(sm.DocumentError, match="not valid JSON"):
        sm.loads("{not json")


@pytest.mark.parametrize("suffix", [".json.gz", ".json.zst"])
def test_a_corrupt_compressed_document_is_a_document_error(suffix, tmp_path):
    path = tmp_path / ("model" + suffix)
    path.write_bytes(b"\x1f\x8b\x08\x00 certainly not compressed")
    with pytest.raises(sm.DocumentError, match="does not decompress|cannot decompress|zstandard"):
        sm.load(str(path))
