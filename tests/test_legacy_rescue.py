"""Pickle and joblib files written by scikit-learn 0.20.4 to 1.9.1 are rescued in
the installed release.

The fixtures come from scripts/make_legacy_fixtures.py (real environments of
each release head: pickle protocol 2 and the release's default protocol,
joblib plain and compressed); the reference outputs were computed there. Nothing from the files runs: the restricted
reader turns them into state trees, which are migrated and rebuilt.
"""
import glob
import gzip
import importlib.util
import json
import os
import re
import shutil
import warnings

import pytest

import sklearn_migrator as sm
from sklearn_migrator import zoo
from sklearn_migrator.parity import records
from sklearn_migrator.legacy import load_legacy, read_legacy
from sklearn_migrator.registry import PAPER_ESTIMATORS
from sklearn_migrator.versions import has_release

from conftest import assert_rebuilt_as, expected_refusal

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = sorted(path for pattern in ("*.pkl.gz", "*.joblib.gz", "*.z.joblib")
               for path in glob.glob(os.path.join(HERE, "fixtures", "pickles", "*", pattern)))


def _estimator(path):
    with gzip.open(os.path.join(os.path.dirname(path), os.path.basename(path).split(".")[0] + ".outputs.json.gz"),
                   "rt") as handle:
        return json.load(handle)["estimator"]


def test_fixtures_cover_every_release_head_and_estimator():
    """The paper's 21 estimators in four forms from every release head; every other
    estimator of the zoo as a pickle from the heads of three eras; and every
    configuration of text, sparse input and model selection (issue 18) as a pickle
    from every head that has its class."""
    paper = {path.rsplit(".", 1)[1] for path in PAPER_ESTIMATORS}
    by_release = {}
    for path in FILES:
        by_release.setdefault(os.path.basename(os.path.dirname(path)), []).append(path)
    assert len(by_release) == 15
    wider = set()
    for release, paths in by_release.items():
        forms = {}
        for path in paths:
            forms.setdefault(_estimator(path), set()).add(os.path.basename(path).split(".", 1)[1])
        assert paper <= set(forms), release
        assert all(forms[name] == {"p2.pkl.gz", "pkl.gz", "joblib.gz", "z.joblib"} for name in paper), release
        assert all(forms[name] == {"pkl.gz"} for name in set(forms) - paper), release
        wider |= set(forms) - paper
        cases = {os.path.basename(path).split(".")[0] for path in paths}
        assert {"GridSearchCV-TfidfVectorizer-ngram-tuples", "RandomizedSearchCV-DecisionTree", "SVC-sparse",
                "Pipeline-TfidfVectorizer-LogisticRegression", "DictVectorizer-sparse"} <= cases, release
        assert ("HalvingGridSearchCV-DecisionTree" in cases) is has_release(release, "0.24"), release
    exported = {type(case.make()).__name__ for case in zoo.cases()}  # top-level classes of the zoo here
    assert exported - paper <= wider <= set(sm.supported_models())


@pytest.mark.parametrize("path", FILES, ids=[os.path.relpath(p, HERE) for p in FILES])
def test_legacy_file_is_rescued(path, tmp_path):
    case = os.path.basename(path).split(".")[0]
    with gzip.open(os.path.join(os.path.dirname(path), case + ".outputs.json.gz"), "rt") as handle:
        record = json.load(handle)
    local = tmp_path / "model.bin"
    opener = open if path.endswith(".z.joblib") else gzip.open
    with opener(path, "rb") as handle:
        local.write_bytes(handle.read())

    _assert_rescued(str(local), case, record)


def _assert_rescued(path, case, record):
    """The file's document is at its release, and the rebuilt estimator meets the parity rule
    (or is refused, for the listed reason, where migrating the model is)."""
    refused = expected_refusal(case, record["sklearn_version"], record["estimator"])
    if refused is not None:
        with pytest.raises(sm.MigratorError, match=re.escape(refused)):
            load_legacy(path)
        return
    doc = read_legacy(path)
    assert doc["sklearn_version"] == record["sklearn_version"]
    json.dumps(doc, allow_nan=False)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        estimator = load_legacy(path)
    notes = " ".join(str(w.message) for w in caught if issubclass(w.category, sm.MigrationWarning))
    assert_rebuilt_as(estimator, record["estimator"], notes)
    status, details = records.check(dict(record, case=case), estimator, zoo.make_data())
    assert status in ("exact", "close"), details


OLD_JOBLIB = sorted(glob.glob(os.path.join(HERE, "fixtures", "old_joblib", "*")))


def test_old_joblib_fixtures_cover_every_estimator():
    assert len(OLD_JOBLIB) == 21


@pytest.mark.parametrize("layout", [".joblib", ".z.joblib"])
@pytest.mark.parametrize("directory", OLD_JOBLIB, ids=[os.path.basename(p) for p in OLD_JOBLIB])
def test_joblib_before_0_10_is_rescued(directory, layout, tmp_path):
    # joblib 0.9.4 (scikit-learn 0.20.4): arrays in sibling .npy files, or everything in a ZF file.
    case = os.path.basename(directory)
    with gzip.open(os.path.join(directory, "outputs.json.gz"), "rt") as handle:
        record = json.load(handle)
    for name in os.listdir(directory):
        shutil.copy(os.path.join(directory, name), str(tmp_path))
    _assert_rescued(str(tmp_path / (case + layout)), case, record)


def test_a_missing_joblib_array_file_is_reported(tmp_path):
    directory = OLD_JOBLIB[0]
    case = os.path.basename(directory)
    for name in os.listdir(directory):
        if not name.endswith("_01.npy"):
            shutil.copy(os.path.join(directory, name), str(tmp_path))
    with pytest.raises(sm.DocumentError, match="_01.npy, which is missing"):
        read_legacy(str(tmp_path / (case + ".joblib")))


@pytest.mark.parametrize("compress", [0, 3, ("gzip", 3), ("bz2", 3), ("xz", 3), ("lzma", 3), ("lz4", 3)])
def test_joblib_layouts_of_the_installed_joblib(compress, tmp_path):
    # Fortran-ordered, big-endian, object and empty arrays inside one joblib file.
    import joblib  # a dependency of scikit-learn
    import numpy as np

    path = str(tmp_path / "model.joblib")
    if compress == ("lz4", 3) and importlib.util.find_spec("lz4") is None:
        (tmp_path / "model.joblib").write_bytes(b"\x04\x22\x4d\x18 an lz4 frame")
        with pytest.raises(sm.DocumentError, match="lz4 package is not installed"):
            read_legacy(path)
        return
    model = zoo.cases()[0].fit()[0]
    arrays = [np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.arange(5, dtype=">i4"),
              np.array(["a", 1, None], dtype=object), np.empty((0, 3))]
    joblib.dump(model, path, compress=compress)
    assert type(load_legacy(path)) is type(model)
    joblib.dump({"model": model, "arrays": arrays}, path, compress=compress)
    from sklearn_migrator.legacy.containers import open_stream
    from sklearn_migrator.legacy.unpickler import load_stubs

    stream, _ = open_stream(path)
    with stream:
        loaded = load_stubs(stream)["arrays"]
    for got, want in zip(loaded, arrays):
        assert got.dtype == want.dtype.newbyteorder("=") and got.shape == want.shape
        assert got.tolist() == want.tolist()
    assert loaded[0].flags.f_contiguous


def test_a_pickle_of_something_else_is_refused(tmp_path):
    path = tmp_path / "list.pkl"
    import pickle

    path.write_bytes(pickle.dumps([1, 2, 3]))
    with pytest.raises(sm.DocumentError, match="the file holds a list without a scikit-learn estimator in it"):
        read_legacy(str(path))
    path.write_bytes(pickle.dumps({1, 2}))
    with pytest.raises(sm.DocumentError, match="does not hold a scikit-learn estimator \\(it holds set\\)"):
        read_legacy(str(path))
