"""Build tests/fixtures/pickles: estimators pickled by old scikit-learn releases.

Uses the matrix harness's environments (built with uv and cached): in each
release head it fits the model zoo and writes every estimator pickled with
protocol 2 and with the release's default protocol, and dumped by the
release's joblib (scikit-learn's vendored copy where it had one) plainly and
compressed (zlib, gzip, bz2, xz, lzma in turn), next to its reference outputs.
The first configuration of each of the paper's 21 estimators goes into the
fixtures in all four forms (pickles and plain joblib files gzipped) from every
release head; the first configuration of every other supported estimator goes in
as a gzipped pickle from three heads spanning the eras of scikit-learn's state
(0.21.3, 0.24.2, 1.2.2), so the tests need no old environment and the
repository stays small. Then the paper's estimators with standalone joblib
0.9.4 on scikit-learn 0.20.4, the last joblib writing the pre-0.10 layouts
(arrays in sibling .npy files; ZF compression), kept ungzipped with their
sibling files in tests/fixtures/old_joblib/<case>/.

With ``--cases``, only the configurations whose id contains one of the given
substrings are written, every one of them, as gzipped pickles from every
version given; the other fixtures are left as they are (so a family of
configurations can join without rewriting the rest).

    python scripts/make_legacy_fixtures.py [--versions 0.20.4 ...] [--cache-dir DIR] [--cases SUBSTRING ...]
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import tempfile

from sklearn_migrator.matrix import environments
from sklearn_migrator.registry import PAPER_ESTIMATORS

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_VERSIONS = environments.RELEASE_HEADS
#: Where the estimators beyond the paper's are pickled (one head per era of their state).
WIDER_RELEASES = ("0.21.3", "0.24.2", "1.2.2")
_PAPER_NAMES = {path.rsplit(".", 1)[1] for path in PAPER_ESTIMATORS}


def _first_configurations(exported, paper_only=True, every=False):
    """``(case id, record without its document)`` of the first configuration of every
    estimator (of the paper's, with ``paper_only``; every configuration, with ``every``)."""
    seen = set()
    for name in sorted(os.listdir(exported)):
        if name.endswith(".json"):
            with open(os.path.join(exported, name)) as handle:
                record = json.load(handle)
            if every or record["estimator"] not in seen and (not paper_only or record["estimator"] in _PAPER_NAMES):
                seen.add(record["estimator"])
                record.pop("document", None)
                yield name[:-5], record


def old_joblib(cache_dir, out, work):
    shutil.rmtree(out, ignore_errors=True)
    python = environments.ensure("0.20.4", cache_dir, extra=["joblib==0.9.4"])
    exported = os.path.join(work, "old-joblib")
    subprocess.run([python, "-m", "sklearn_migrator.matrix.worker", "export", exported, "--pickles",
                    "--joblib-module", "joblib"], check=True)
    count = 0
    for case, record in _first_configurations(exported):
        target = os.path.join(out, case)
        os.makedirs(target)
        with gzip.open(os.path.join(target, "outputs.json.gz"), "wt") as handle:
            json.dump(record, handle, separators=(",", ":"))
        for name in os.listdir(exported):
            if name.startswith(case + ".joblib") or name.startswith(case + ".z.joblib"):
                shutil.copy(os.path.join(exported, name), target)
        count += 1
    print("joblib 0.9.4 on scikit-learn 0.20.4: %d estimators in %s" % (count, os.path.abspath(out)), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", nargs="+", default=DEFAULT_VERSIONS)
    parser.add_argument("--cache-dir", default=os.path.expanduser("~/.cache/sklearn-migrator/envs"))
    parser.add_argument("--out", default=os.path.join(HERE, "..", "tests", "fixtures", "pickles"))
    parser.add_argument("--old-joblib-out", default=os.path.join(HERE, "..", "tests", "fixtures", "old_joblib"))
    parser.add_argument("--cases", nargs="+", metavar="SUBSTRING",
                        help="only (every one of) these configurations, keeping the other fixtures")
    args = parser.parse_args()
    work = tempfile.mkdtemp()
    if not args.cases:
        shutil.rmtree(args.out, ignore_errors=True)
        old_joblib(args.cache_dir, args.old_joblib_out, work)
    total = 0
    for version in args.versions:
        python = environments.ensure(version, args.cache_dir)
        exported = os.path.join(work, version)
        subprocess.run([python, "-m", "sklearn_migrator.matrix.worker", "export", exported, "--pickles"]
                       + (["--cases"] + args.cases if args.cases else []), check=True)
        target = os.path.join(args.out, version)
        os.makedirs(target, exist_ok=True)
        seen = 0
        for case, record in _first_configurations(exported, paper_only=version not in WIDER_RELEASES,
                                                  every=bool(args.cases)):
            seen += 1
            with gzip.open(os.path.join(target, case + ".outputs.json.gz"), "wt") as out:
                json.dump(record, out, separators=(",", ":"))
            paper = record["estimator"] in _PAPER_NAMES
            for suffix in (".p2.pkl", ".pkl", ".joblib") if paper else (".pkl",):
                with open(os.path.join(exported, case + suffix), "rb") as src, \
                        gzip.open(os.path.join(target, case + suffix + ".gz"), "wb") as out:
                    out.write(src.read())
                total += 1
            if paper:
                shutil.copy(os.path.join(exported, case + ".z.joblib"), target)
                total += 1
        print("%s: %d estimators" % (version, seen), flush=True)
    shutil.rmtree(work)
    print("%d pickle and joblib files written to %s" % (total, os.path.abspath(args.out)))


if __name__ == "__main__":
    main()
