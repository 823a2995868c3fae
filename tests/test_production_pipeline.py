"""The production pipeline (a ColumnTransformer imputing and scaling the numeric columns
and one-hot encoding the string columns of a pandas DataFrame, then a
HistGradientBoostingClassifier) crosses releases: its document from 0.24.2 and from
the newest release runs here, and its 0.24.2 pickle and joblib file are rescued here.

The fixtures were written by real environments of those releases, with the reference
outputs computed there (scripts/make_pipeline_fixtures.py). The reverse direction,
newest to 1.0.2, is a cell of every matrix run (and of CI's pipeline matrix).
"""
import glob
import gzip
import json
import os

import pytest
import sklearn

import sklearn_migrator as sm
from sklearn_migrator import zoo
from sklearn_migrator.parity import records
from sklearn_migrator.codec import decode_tree
from sklearn_migrator.versions import has_release

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "production_pipeline")
CASE = "Pipeline-ColumnTransformer-HistGradientBoosting"
RELEASES = sorted(os.listdir(HERE))
pandas = pytest.importorskip("pandas")  # the pipeline takes a DataFrame (a test dependency)


def _record(release):
    with gzip.open(os.path.join(HERE, release, CASE + ".json.gz"), "rt") as handle:
        return json.load(handle)


def _assert_parity(record, estimator):
    assert type(estimator).__name__ == "Pipeline"
    assert type(estimator.steps[-1][1]).__name__ == "HistGradientBoostingClassifier"
    X = zoo.Case.of_record(record).query(zoo.make_data())
    status, details = records.check(record, estimator, zoo.make_data())
    assert status in ("exact", "close"), details
    assert (estimator.predict(X) == decode_tree(record["outputs"])["predict"]).all()


def test_fixtures_hold_0_24_2_and_the_newest_release():
    assert RELEASES[0] == "0.24.2" and len(RELEASES) == 2
    assert sorted(os.path.basename(path) for path in glob.glob(os.path.join(HERE, "*", "*"))) == sorted(
        CASE + suffix for suffix in (".joblib.gz", ".json.gz", ".pkl.gz") for _ in RELEASES)


@pytest.mark.parametrize("release", RELEASES)
def test_document_runs_here(release):
    record = _record(release)
    if not has_release(sklearn.__version__, "0.22"):  # 0.21 rejects the missing values every newer tree routes
        with pytest.raises(sm.MigrationError, match="missing values"):
            sm.deserialize(record["document"])
        return
    _assert_parity(record, sm.deserialize(record["document"]))


@pytest.mark.parametrize("suffix", [".pkl.gz", ".joblib.gz"])
def test_0_24_2_file_is_rescued(suffix, tmp_path):
    local = tmp_path / ("model" + suffix[:-3])
    with gzip.open(os.path.join(HERE, "0.24.2", CASE + suffix), "rb") as handle:
        local.write_bytes(handle.read())
    if not has_release(sklearn.__version__, "0.22"):
        with pytest.raises(sm.MigrationError, match="missing values"):
            sm.load_legacy(str(local))
        return
    _assert_parity(_record("0.24.2"), sm.load_legacy(str(local)))
