"""Build tests/fixtures/pickles: estimators pickled by old scikit-learn releases.

Uses the matrix harness's environments (built with uv and cached): in each
release head it fits the model zoo and writes every estimator pickled with
protocol 2 and with the release's default protocol, and dumped by the
release's joblib (scikit-learn's vendored copy where it had one) plainly and
compressed (zlib, gzip, bz2, xz, lzma in turn), next to its reference outputs.
The first configuration of every estimator goes into the fixtures (pickles and
plain joblib files gzipped), so the tests need no old environment.

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
DEFAULT_VERSIONS = environments.RELEASE_HEADS


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
            for suffix in (".p2.pkl", ".pkl", ".joblib"):
                with open(os.path.join(exported, case + suffix), "rb") as src, \
                        gzip.open(os.path.join(target, case + suffix + ".gz"), "wb") as out:
                    out.write(src.read())
            shutil.copy(os.path.join(exported, case + ".z.joblib"), target)
            total += 4
        print("%s: %d estimators" % (version, len(seen)), flush=True)
    shutil.rmtree(work)
    print("%d pickle and joblib files written to %s" % (total, os.path.abspath(args.out)))


if __name__ == "__main__":
    main()
