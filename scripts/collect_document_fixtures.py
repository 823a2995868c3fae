"""Collect cross-version test fixtures from a matrix run.

After ``sklearn-migrator matrix --cache-dir CACHE`` has exported the model zoo in
every release, this copies a selection of those documents (with the reference
outputs computed in their source environment) into ``tests/fixtures/documents``
as gzipped JSON, so the test suite can check migrations from old releases
without building old environments.

    python scripts/collect_document_fixtures.py CACHE/work/documents [--cases SUBSTRING ...]

With ``--cases``, only the configurations whose id contains one of the given
substrings are collected (each estimator's first and the special ones), and the
other fixtures are left as they are.
"""
import argparse
import gzip
import json
import os
import shutil

VERSIONS = ["0.20.4", "0.21.3", "0.22.2.post1", "0.24.2", "1.0.2", "1.2.2", "1.3.2", "1.5.2", "1.7.2", "1.9.1"]
# The first configuration of every estimator, plus the ones that exercise a special migration.
SPECIAL = {"LogisticRegression-liblinear-ovr", "GradientBoostingClassifier-3class", "SVC-rbf-3class",
           "KNeighborsClassifier-minkowski3-ball_tree", "GradientBoostingRegressor-huber",
           "IsolationForest", "AdaBoostClassifier-SAMME.R-3class", "GridSearchCV-roc_auc-binary",
           "GridSearchCV-Ridge-rmse-KFold", "GridSearchCV-Pipeline-estimators-as-values",
           "GridSearchCV-multimetric-refit-train-scores", "GridSearchCV-TfidfVectorizer-ngram-tuples"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", help="the documents directory of a matrix run (CACHE/work/documents)")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures",
                                                      "documents"))
    parser.add_argument("--cases", nargs="+", metavar="SUBSTRING",
                        help="only these configurations, keeping the other fixtures")
    args = parser.parse_args()
    if not args.cases:
        shutil.rmtree(args.out, ignore_errors=True)
    count = 0
    for version in VERSIONS:
        source = os.path.join(args.documents, version)
        seen = set()
        for name in sorted(os.listdir(source)):
            if not name.endswith(".json") or args.cases and not any(part in name for part in args.cases):
                continue
            with open(os.path.join(source, name)) as handle:
                record = json.load(handle)
            if record["estimator"] in seen and record["case"] not in SPECIAL:
                continue
            seen.add(record["estimator"])
            target = os.path.join(args.out, version)
            os.makedirs(target, exist_ok=True)
            with gzip.open(os.path.join(target, name + ".gz"), "wt") as out:
                json.dump(record, out, separators=(",", ":"))
            count += 1
    print("%d fixtures written to %s" % (count, os.path.abspath(args.out)))


if __name__ == "__main__":
    main()
