"""Legacy fixtures loaded by plain pickle/joblib versus sklearn-migrator, in the installed release.

    python benchmarks/plain_loading.py

For every file in tests/fixtures/pickles (written by each release head), counts
how many plain ``pickle.load``/``joblib.load`` can load at all, how many of
those then meet the parity rule against the outputs recorded in the writing
release, and how many ``load_legacy`` rescues meeting it. Plain loading runs
code from the files: run this only on the repository's own fixtures.
"""
import collections
import glob
import gzip
import io
import json
import os
import pickle
import tempfile
import warnings

import joblib
import sklearn

from sklearn_migrator import load_legacy, zoo
from sklearn_migrator.parity import records
from sklearn_migrator.parity.refusals import expected_refusal

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "pickles")


def _passes(estimator, case, record):
    """Whether ``estimator`` meets the parity rule against the outputs the writing release recorded."""
    try:
        status, _ = records.check(dict(record, case=case), estimator, zoo.make_data())
    except Exception:  # a plain-loaded model may fail in any way when used
        return False
    return status in ("exact", "close")


def main():
    counts = collections.defaultdict(collections.Counter)
    with tempfile.TemporaryDirectory() as directory, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(glob.glob(os.path.join(ROOT, "*", "*"))):
            if path.endswith(".outputs.json.gz"):
                continue
            release, name = os.path.basename(os.path.dirname(path)), os.path.basename(path)
            case = name.split(".")[0]
            with gzip.open(os.path.join(ROOT, release, case + ".outputs.json.gz"), "rt") as handle:
                record = json.load(handle)
            with (open if name.endswith(".z.joblib") else gzip.open)(path, "rb") as handle:
                data = handle.read()
            local = os.path.join(directory, "model")
            with open(local, "wb") as handle:
                handle.write(data)
            row = counts[release]
            row["files"] += 1
            try:
                plain = joblib.load(local) if ".joblib" in name else pickle.load(io.BytesIO(data))
                row["plain loads"] += 1
                row["plain passes"] += _passes(plain, case, record)
            except Exception:
                pass
            if expected_refusal(case, record["sklearn_version"], sklearn.__version__) is not None:
                row["refused as listed"] += 1  # the parity rule's expected refusals (sklearn_migrator.parity)
                continue
            row["sklearn-migrator passes"] += _passes(load_legacy(local), case, record)
    print("Installed scikit-learn %s. Files per writing release (the paper's 21 estimators pickled with protocol 2 "
          "and the default and dumped by joblib plainly and compressed; the other estimators' first configuration "
          "and every text, sparse and search configuration pickled):\n" % sklearn.__version__)
    print("| written by | files | plain load succeeds | plain load meets parity | sklearn-migrator meets parity "
          "| refused as listed |")
    print("|---|---|---|---|---|---|")
    for release in sorted(counts, key=lambda v: [int(p) if p.isdigit() else 0 for p in v.split(".")]):
        row = counts[release]
        print("| %s | %d | %d | %d | %d | %d |" % (release, row["files"], row["plain loads"], row["plain passes"],
                                                  row["sklearn-migrator passes"], row["refused as listed"]))


if __name__ == "__main__":
    main()
