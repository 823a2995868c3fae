"""Pickles written by scikit-learn 0.20.4 to 1.9.1 are rescued in the installed release.

The fixtures come from scripts/make_legacy_fixtures.py (real environments of
each release, protocol 2 and the release's default protocol); the reference
outputs were computed there. Nothing from the files runs: the restricted
reader turns them into state trees, which are migrated and rebuilt.
"""
import glob
import gzip
import json
import os

import pytest

import sklearn_migrator as sm
from sklearn_migrator import parity, zoo
from sklearn_migrator.codec import decode_tree
from sklearn_migrator.legacy import load_legacy, read_legacy

HERE = os.path.dirname(os.path.abspath(__file__))
PICKLES = sorted(glob.glob(os.path.join(HERE, "fixtures", "pickles", "*", "*.pkl.gz")))


def test_fixtures_cover_every_release_and_estimator():
    assert len(PICKLES) == 420
    assert len({os.path.basename(os.path.dirname(path)) for path in PICKLES}) == 10


@pytest.mark.parametrize("path", PICKLES, ids=[os.path.relpath(p, HERE) for p in PICKLES])
def test_legacy_pickle_is_rescued(path, tmp_path):
    case = os.path.basename(path).split(".")[0]
    with gzip.open(os.path.join(os.path.dirname(path), case + ".outputs.json.gz"), "rt") as handle:
        record = json.load(handle)
    local = tmp_path / "model.pkl"
    with gzip.open(path, "rb") as handle:
        local.write_bytes(handle.read())

    doc = read_legacy(str(local))
    assert doc["sklearn_version"] == record["sklearn_version"]
    json.dumps(doc, allow_nan=False)

    estimator = load_legacy(str(local))
    assert type(estimator).__name__ == record["estimator"]
    X = zoo.Case(case, None, record["data"], pandas=record["pandas"]).inputs(zoo.make_data()["X_query"])
    status, details = parity.verdict(decode_tree(record["outputs"]), parity.outputs(estimator, X),
                                     record["estimator"])
    assert status in ("exact", "close"), details


def test_joblib_containers_are_refused_clearly(tmp_path):
    import joblib  # a dependency of scikit-learn
    import numpy as np

    path = tmp_path / "model.joblib"
    joblib.dump({"a": np.arange(3)}, str(path))
    with pytest.raises(sm.DocumentError, match="joblib containers are not supported yet"):
        read_legacy(str(path))


def test_a_pickle_of_something_else_is_refused(tmp_path):
    path = tmp_path / "list.pkl"
    import pickle

    path.write_bytes(pickle.dumps([1, 2, 3]))
    with pytest.raises(sm.DocumentError, match="does not hold a scikit-learn estimator"):
        read_legacy(str(path))
