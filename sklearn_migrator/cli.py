"""The ``sklearn-migrator`` command line.

``demo``    migrate every zoo configuration through JSON text and print a parity table
``models``  list the supported estimators
``inspect`` summarise a document without building it
``matrix``  rebuild every zoo document across real environments of many releases
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys

import sklearn

from . import __version__, api, parity, zoo
from .document import check_envelope
from .errors import MigratorError
from .registry import supported_models


def _demo(args) -> int:
    data = zoo.make_data()
    selected = [case for case in zoo.cases() if not args.filter or args.filter in case.id]
    print("sklearn-migrator %s, scikit-learn %s: round trip of %d configurations through JSON text"
          % (__version__, sklearn.__version__, len(selected)))
    header = "%-52s %10s %10s %8s  %s" % ("configuration", "JSON bytes", "pickle", "outputs", "parity")
    print(header)
    print("-" * len(header))
    failures = 0
    for case in selected:
        estimator, X = case.fit(data)
        try:
            text = api.dumps(estimator, arrays=args.arrays)
            rebuilt = api.loads(text)
            report = parity.compare(parity.outputs(estimator, X), parity.outputs(rebuilt, X))
            exact = all(ok for ok, _ in report.values())
            verdict = "exact" if exact else "DIFFERS: " + ", ".join(
                "%s (max abs diff %s)" % (name, diff) for name, (ok, diff) in report.items() if not ok)
        except MigratorError as error:
            text, report, exact, verdict = "", {}, False, "ERROR: %s" % error
        failures += not exact
        print("%-52s %10d %10d %8d  %s" % (case.id, len(text), len(pickle.dumps(estimator, protocol=4)),
                                          len(report), verdict))
        sys.stdout.flush()
    print("%d passed, %d failed" % (len(selected) - failures, failures))
    return 1 if failures else 0


def _models(args) -> int:
    for name in supported_models():
        print(name)
    return 0


def _inspect(args) -> int:
    with open(args.document, "rb") as handle:
        head = handle.read(1)
    if head != b"{":
        return _inspect_pickle(args.document)
    with open(args.document, encoding="utf-8") as handle:
        doc = json.load(handle)
    check_envelope(doc)
    tree = doc["tree"]
    print("estimator:        %s" % doc["estimator"])
    print("scikit-learn:     %s (installed: %s)" % (doc["sklearn_version"], sklearn.__version__))
    print("written by:       %s" % ", ".join("%s %s" % item for item in sorted(doc["producer"].items())))
    print("params:")
    for key, value in sorted(tree.get("params", {}).items()):
        print("  %-28s %s" % (key, json.dumps(value)[:70]))
    print("fitted attributes: %s" % ", ".join(sorted(tree.get("state", {}))))
    return 0


def _matrix(args) -> int:
    import os

    from .matrix import environments, report, runner

    versions = args.versions or (environments.PATCH_RELEASES if args.all_patches else environments.RELEASE_HEADS)
    out_dir = os.path.abspath(args.out)
    cache_dir = os.path.abspath(args.cache_dir or os.path.join(os.path.expanduser("~"), ".cache",
                                                                "sklearn-migrator", "envs"))
    os.makedirs(out_dir, exist_ok=True)
    if args.from_results:
        import gzip

        opener = gzip.open if args.from_results.endswith(".gz") else open
        with opener(args.from_results, "rt") as handle:
            data = json.load(handle)
    else:
        data = runner.run_matrix(versions, out_dir, cache_dir, jobs=args.jobs,
                                 progress=lambda line: print(line, flush=True))
    with open(os.path.join(out_dir, "matrix.md"), "w", encoding="utf-8") as handle:
        handle.write(report.markdown(data))
    report.heatmap(data, os.path.join(out_dir, "matrix.png"))
    statuses = [r["status"] for r in data["results"] if r["status"] != "absent"]  # absent: class not in target
    print("%d results: %d exact, %d close, %d failed; report in %s (%smatrix.md, matrix.png)"
          % (len(statuses), statuses.count("exact"), statuses.count("close"),
             len(statuses) - statuses.count("exact") - statuses.count("close"), out_dir,
             "" if args.from_results else "results.json, "))
    problems = data["install_failures"] or data["export_failures"] or data["check_failures"]
    return 1 if problems or statuses.count("exact") + statuses.count("close") < len(statuses) else 0


def _convert(args) -> int:
    from .convert import convert

    return 1 if convert(args.paths, args.out, force=args.force, native_joblib=args.joblib,
                        progress=lambda line: print(line, flush=True)) else 0


def _inspect_pickle(path) -> int:
    """List every global a pickle or joblib file references, with what the legacy reader
    would do with it; nothing in the file runs."""
    import os

    from .legacy.containers import open_stream
    from .legacy.unpickler import global_verdict, referenced_globals

    stream, compression = open_stream(path)
    with stream:
        names = referenced_globals(stream, os.path.dirname(os.path.abspath(path)))
    print("%s: a %spickle stream referencing %d globals (nothing in it ran)"
          % (path, "" if compression == "none" else compression + "-compressed ", len(names)))
    for name in names:
        print("  %-70s %s" % (name, global_verdict(name)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sklearn-migrator", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="round-trip every zoo configuration and print a parity table")
    demo.add_argument("--filter", help="only configurations whose id contains this text")
    demo.add_argument("--arrays", choices=("auto", "list", "base64"), default="auto",
                      help="how arrays are written (default: auto)")
    demo.set_defaults(run=_demo)
    commands.add_parser("models", help="list the supported estimators").set_defaults(run=_models)
    inspect = commands.add_parser("inspect", help="summarise a document, or list the globals a pickle references, "
                                                  "without loading either")
    inspect.add_argument("document")
    inspect.set_defaults(run=_inspect)
    convert = commands.add_parser("convert", help="rescue legacy pickle/joblib files as documents, without "
                                                  "running code from them")
    convert.add_argument("paths", nargs="+", metavar="PATH",
                         help="pickle or joblib files, or directories searched for them")
    convert.add_argument("-o", "--out", required=True, metavar="OUTDIR", help="where documents are written")
    convert.add_argument("--joblib", action="store_true",
                         help="also write a joblib file of the model for the installed scikit-learn")
    convert.add_argument("--force", action="store_true", help="overwrite existing outputs")
    convert.set_defaults(run=_convert)
    matrix = commands.add_parser("matrix", help="rebuild every zoo document in real environments of many releases")
    matrix.add_argument("--versions", nargs="+", metavar="VERSION",
                        help="scikit-learn releases (default: the newest patch of every line, 0.20 to 1.9)")
    matrix.add_argument("--all-patches", action="store_true",
                        help="every release from 0.20.0 to 1.9.1 instead of the newest patch of each line")
    matrix.add_argument("--jobs", type=int, default=2, help="environments worked on in parallel (default: 2)")
    matrix.add_argument("--out", default="matrix-report", help="report directory (default: matrix-report)")
    matrix.add_argument("--cache-dir", help="where environments are kept (default: ~/.cache/sklearn-migrator/envs)")
    matrix.add_argument("--from-results", metavar="RESULTS_JSON",
                        help="only write the report (matrix.md, matrix.png) from an earlier run's results.json "
                             "(or results.json.gz)")
    matrix.set_defaults(run=_matrix)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except MigratorError as error:
        print("error: %s" % error, file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print("error: %s" % error, file=sys.stderr)
        return 1
