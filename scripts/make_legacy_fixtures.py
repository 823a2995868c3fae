"""Build tests/fixtures/pickles: estimators pickled by old scikit-learn releases.

Uses the matrix harness's environments (built with uv and cached): in each
release it fits the model zoo and writes every estimator pickled with protocol
2 and with the release's default protocol, next to its reference outputs. A
selection (the first configuration of every estimator) is gzipped into the
fixtures, so the tests need no old environment.

    python scripts/make_legacy_fixtures.py [--versions 0.20.4 ...] [--cache-dir DIR]
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import tempfile

from sklearn_migrator.matrix import environments

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_VERSIONS = ["0.20.4", "0.21.3", "0.22.2.post1", "0.24.2", "1.0.2", "1.2.2", "1.3.2", "1.5.2", "1.7.2",
                    "1.9.1"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", nargs="+", default=DEFAULT_VERSIONS)
    parser.add_argument("--cache-dir", default=os.path.expanduser("~/.cache/sklearn-migrator/envs"))
    parser.add_argument("--out", default=os.path.join(HERE, "..", "tests", "fixtures", "pickles"))
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    work = tempfile.mkdtemp()
    total = 0
    for version in args.versions:
        python = environments.ensure(version, args.cache_dir)
        exported = os.path.join(work, version)
        subprocess.run([python, "-m", "sklearn_migrator.matrix.worker", "export", exported, "--pickles"],
                       check=True)
        target = os.path.join(args.out, version)
        os.makedirs(target)
        seen = set()
        for name in sorted(os.listdir(exported)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(exported, name)) as handle:
                record = json.load(handle)
            if record["estimator"] in seen:
                continue
            seen.add(record["estimator"])
            record.pop("document", None)
            case = name[:-5]
            with gzip.open(os.path.join(target, case + ".outputs.json.gz"), "wt") as out:
                json.dump(record, out, separators=(",", ":"))
            for suffix in (".p2.pkl", ".pkl"):
                with open(os.path.join(exported, case + suffix), "rb") as src, \
                        gzip.open(os.path.join(target, case + suffix + ".gz"), "wb") as out:
                    out.write(src.read())
                total += 1
        print("%s: %d estimators" % (version, len(seen)), flush=True)
    shutil.rmtree(work)
    print("%d pickles written to %s" % (total, os.path.abspath(args.out)))


if __name__ == "__main__":
    main()
