"""Bounded resources: what a file or document declares is charged before anything is allocated,
and every reader turns what escapes its checks into a typed error (see sklearn_migrator/limits.py).
Each crafted input here is a few kilobytes at most that would otherwise take gigabytes, or crash."""
import bz2
import gzip
import io
import json
import os
import pickle

import numpy as np
import pytest
from sklearn.tree import DecisionTreeClassifier

import sklearn_migrator as sm
from sklearn_migrator import limits, zoo
from sklearn_migrator.legacy import unpickler
from sklearn_migrator.legacy.unpickler import load_stubs

DATA = zoo.make_data()


@pytest.fixture(scope="module")
def tree():
    return DecisionTreeClassifier(max_depth=3, random_state=0).fit(DATA["X"], DATA["clf3"])


def _joblib_array_record(shape):
    """A pickle of one joblib (>= 0.10) array record declaring ``shape`` float64s, with no bytes after it."""
    from joblib.numpy_pickle import NumpyArrayWrapper

    return pickle.dumps(NumpyArrayWrapper(np.ndarray, shape, "C", np.dtype(np.float64)), protocol=2)


def test_a_joblib_array_declared_past_the_budget_is_refused_before_it_is_allocated(tmp_path):
    path = tmp_path / "model.pkl"
    path.write_bytes(bz2.compress(_joblib_array_record((3 * 10 ** 9,))))
    assert path.stat().st_size < 2500
    with pytest.raises(sm.ResourceLimitError, match=r"a joblib array of shape \(3000000000,\) declares "
                                                    r"24000000000 bytes.*max_bytes=24000000\d\d\d or more"):
        sm.load_legacy(path)


def test_max_bytes_raises_the_bound(tmp_path):
    path = tmp_path / "model.pkl"
    path.write_bytes(_joblib_array_record((10 ** 6,)))
    with pytest.raises(sm.ResourceLimitError, match="8000000 bytes"):
        sm.load_legacy(path, max_bytes=10 ** 6)
    with pytest.raises(sm.DocumentError, match="the joblib file ends inside an array"):  # past the limit: truncated
        sm.load_legacy(path, max_bytes=10 ** 7)


def test_shared_references_that_would_expand_are_refused(tree, tmp_path):
    nested = [0]
    for _ in range(29):  # a list holding one list ten times, 29 levels: 10 ** 29 values once copied
        nested = [nested] * 10
    tree.fanned_out_ = nested
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(tree, protocol=2))
    del tree.fanned_out_
    assert path.stat().st_size < 4000
    with pytest.raises(sm.ResourceLimitError, match="the file's shared references, copied"):
        sm.load_legacy(path)


def test_deeply_nested_pickles_are_refused(tmp_path):
    depth = 200000
    path = tmp_path / "deep.pkl"
    path.write_bytes(b"\x80\x02" + b"]" * depth + b"a" * (depth - 1) + b".")  # lists appended into lists
    with pytest.raises(sm.ResourceLimitError, match="nests objects 200000 levels deep, more than the 400"):
        sm.load_legacy(path)


def test_a_document_whose_packed_lists_would_expand_is_refused(tree):
    doc = json.loads(sm.dumps(tree))
    inner = {"__packed__": {"__same__": list(range(16))}, "count": 1 << 24}
    doc["tree"]["state"]["expanded_"] = {"__packed__": {"__same__": inner}, "count": 1 << 24}
    text = json.dumps(doc)
    assert len(text) < 10000
    with pytest.raises(sm.ResourceLimitError, match="a packed list's repeated value declares"):
        sm.loads(text)
    with pytest.raises(sm.ResourceLimitError, match="a packed list's repeated value declares"):
        sm.deserialize(json.loads(text))


def test_a_repeated_column_of_a_packed_list_is_charged_for_every_item(tree):
    doc = json.loads(sm.dumps(tree))
    row = {"__fields__": {"__dict__": {"__same__": [["k", [0] * 4096]]}}}  # items decoded one by one
    doc["tree"]["state"]["expanded_"] = {"__packed__": row, "count": 1 << 24}
    with pytest.raises(sm.ResourceLimitError, match="a packed column's repeated value declares"):
        sm.loads(json.dumps(doc))


def test_a_compressed_document_may_not_inflate_past_the_budget(tree, tmp_path):
    path = tmp_path / "model.json.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(sm.dumps(tree)[:-1].encode())
        for _ in range(300):  # 300 MB of spaces, inside the document's last object
            handle.write(b" " * (1 << 20))
        handle.write(b"}")
    assert path.stat().st_size < 1 << 20
    with pytest.raises(sm.ResourceLimitError, match="the decompressed document declares"):
        sm.load(path)


def test_deeply_nested_json_gets_a_typed_error(tree):
    doc = sm.dumps(tree)
    deep = doc[:-1] + ', "deep_": ' + "[" * 200000 + "]" * 200000 + "}"
    with pytest.raises(sm.DocumentError):
        sm.loads(deep)


def test_array_files_are_not_followed_through_symbolic_links(tmp_path):
    from joblib.numpy_pickle_compat import NDArrayWrapper

    outside = tmp_path / "outside"
    outside.mkdir()
    np.save(str(outside / "secret.npy"), np.arange(3.0))
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    os.symlink(str(outside / "secret.npy"), str(model_dir / "model.pkl_01.npy"))
    stream = pickle.dumps(NDArrayWrapper("model.pkl_01.npy", np.ndarray), protocol=2)
    with pytest.raises(sm.UnsafeContentError, match="model.pkl_01.npy cannot be opened as a plain file"):
        load_stubs(io.BytesIO(stream), str(model_dir))


def test_build_changes_nothing_the_reader_did_not_create():
    # BUILD with slot state on the function the reader hands out for numpy.dtype
    stream = b"\x80\x02cnumpy\ndtype\nN}X\x01\x00\x00\x00xK\x01s\x86b."
    with pytest.raises(sm.UnsafeContentError, match="sets state on function, which is not an object it created"):
        load_stubs(stream)
    assert not hasattr(unpickler._dtype, "x")


def test_what_escapes_the_checks_is_still_typed(tree, monkeypatch):
    from sklearn_migrator.objects import tree as tree_checks

    def broken(*args):
        raise TypeError("a check that did not foresee this")
    monkeypatch.setattr(tree_checks, "_shape_problem", broken)
    with pytest.raises(sm.UnexpectedReadError, match="reading failed: TypeError: a check that did not") as caught:
        sm.loads(sm.dumps(tree))
    assert isinstance(caught.value.__cause__, TypeError)


def test_the_default_budget_scales_with_the_input():
    assert limits.Budget(0).limit == limits.FLOOR
    assert limits.Budget(10 << 20).limit == limits.RATIO * (10 << 20)
    assert limits.Budget(10 << 20, max_bytes=5).limit == 5


@pytest.mark.parametrize("suffix", [".json.gz", ".json.zst"])
def test_a_compressed_document_is_charged_as_it_inflates(tree, tmp_path, suffix):
    path = tmp_path / ("model" + suffix)
    sm.dump(tree, path)
    with pytest.raises(sm.ResourceLimitError, match="the decompressed document declares .* max_bytes="):
        sm.load(path, max_bytes=100)
    np.testing.assert_array_equal(sm.load(path).predict(DATA["X_query"]), tree.predict(DATA["X_query"]))


def test_a_joblib_zf_file_declaring_a_huge_length_is_refused(tmp_path):
    import zlib

    path = tmp_path / "model.pkl"  # joblib < 0.10's ZF layout: "ZF", the length in hex padded to 19, zlib data
    path.write_bytes(b"ZF" + ("0x%x" % (1 << 40)).ljust(19).encode() + zlib.compress(b"\x80\x02N."))
    with pytest.raises(sm.ResourceLimitError, match="a joblib ZF file declares 1099511627776 bytes"):
        sm.load_legacy(path)
