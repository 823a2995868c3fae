"""Build tests/fixtures/production_pipeline: the production pipeline of the model zoo
(a ColumnTransformer imputing and scaling numeric columns and one-hot encoding string
columns of a pandas DataFrame, then a HistGradientBoostingClassifier), exported by real
environments of older and newest releases: its document with the reference outputs
computed there, its pickle and its joblib file.

    python scripts/make_pipeline_fixtures.py [--versions 0.24.2 1.9.1] [--cache-dir DIR]
"""
import argparse
import gzip
import os
import shutil
import subprocess
import tempfile

from sklearn_migrator.matrix import environments

HERE = os.path.dirname(os.path.abspath(__file__))
CASE = "Pipeline-ColumnTransformer-HistGradientBoosting"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", nargs="+", default=["0.24.2", environments.RELEASE_HEADS[-1]])
    parser.add_argument("--cache-dir", default=os.path.expanduser("~/.cache/sklearn-migrator/envs"))
    parser.add_argument("--out", default=os.path.join(HERE, "..", "tests", "fixtures", "production_pipeline"))
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    work = tempfile.mkdtemp()
    for version in args.versions:
        python = environments.ensure(version, args.cache_dir)
        exported = os.path.join(work, version)
        subprocess.run([python, "-m", "sklearn_migrator.matrix.worker", "export", exported, "--pickles",
                        "--cases", CASE], check=True)
        target = os.path.join(args.out, version)
        os.makedirs(target)
        for suffix in (".json", ".pkl", ".joblib"):
            with open(os.path.join(exported, CASE + suffix), "rb") as src, \
                    gzip.open(os.path.join(target, CASE + suffix + ".gz"), "wb") as out:
                out.write(src.read())
        print("%s: %s" % (version, target), flush=True)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
