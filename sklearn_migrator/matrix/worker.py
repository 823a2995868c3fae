"""The part of the matrix harness that runs inside each isolated environment.

``python -m sklearn_migrator.matrix.worker export DIR``
    fits every zoo configuration the installed release can express and writes,
    per configuration, its document and its reference outputs to DIR.
``python -m sklearn_migrator.matrix.worker check DIR... --out RESULTS``
    rebuilds every document found under the DIRs, computes the same outputs on
    the same data and writes one result per document (JSON lines).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
import sys
import traceback
import warnings

import sklearn

from .. import api, registry, zoo
from ..parity import stack
from ..parity.records import judge_result, observe, reference
from ..errors import MigrationError, MigratorError, UnavailableError


def _joblib(module=None):
    """The joblib this release's users had: scikit-learn's vendored copy while it existed
    (or the module named, e.g. 'joblib' where an old standalone joblib is installed)."""
    if module:
        return importlib.import_module(module)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from sklearn.externals import joblib
        except ImportError:
            import joblib
    return joblib


def _compressors(joblib):
    """Every compressor this joblib can write (lz4 only when installed)."""
    names = ["zlib", "gzip", "bz2", "xz", "lzma"] + (["lz4"] if importlib.util.find_spec("lz4") else [])
    return names if hasattr(joblib, "register_compressor") else [None]  # joblib < 0.10: zlib, level only


def export(out_dir: str, pickles: bool = False, joblib_module: str = None, cases=None) -> int:
    """Fit the zoo (only configurations whose id contains one of ``cases``, if given);
    write each configuration's document and reference outputs (and, with ``pickles``,
    the estimator pickled with protocol 2 and the default protocol, and dumped by
    joblib plainly and compressed, compressors taken in turn)."""
    os.makedirs(out_dir, exist_ok=True)
    data = zoo.make_data()
    joblib = _joblib(joblib_module) if pickles else None
    compressors = _compressors(joblib) if pickles else None
    chosen = [case for case in zoo.cases() if not cases or any(part in case.id for part in cases)]
    for index, case in enumerate(chosen):
        estimator, _ = case.fit(data)
        record = {"case": case.id, "estimator": type(estimator).__name__, "sklearn_version": sklearn.__version__,
                  "data": case.data, "pandas": case.pandas, "inputs": case.inputs}
        try:
            record["document"] = api.serialize(estimator)
            record.update(reference(estimator, case, data))
        except MigratorError as error:
            record["export_error"] = str(error)
        with open(os.path.join(out_dir, case.id + ".json"), "w") as handle:
            json.dump(record, handle, allow_nan=False)
        if pickles:
            for suffix, protocol in ((".p2.pkl", 2), (".pkl", pickle.DEFAULT_PROTOCOL)):
                with open(os.path.join(out_dir, case.id + suffix), "wb") as handle:
                    pickle.dump(estimator, handle, protocol=protocol)
            joblib.dump(estimator, os.path.join(out_dir, case.id + ".joblib"))
            compressor = compressors[index % len(compressors)]
            joblib.dump(estimator, os.path.join(out_dir, case.id + ".z.joblib"),
                        compress=(compressor, 3) if compressor else 3)
    return 0


def check_record(record, data) -> dict:
    """The result of rebuilding one exported document here."""
    result = {"source": record["sklearn_version"], "target": sklearn.__version__, "case": record["case"],
              "estimator": record["estimator"]}
    if "export_error" in record:
        result.update(status="error", detail="export failed: " + record["export_error"])
        return result
    entry = registry.ENTRIES.get(record["document"].get("estimator"))
    if entry is not None and entry.resolve() is None:
        # Refused by design (UnavailableError): not a pair where both releases have the class.
        result.update(status="absent", detail="the class does not exist in scikit-learn %s" % sklearn.__version__)
        return result
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            estimator = api.deserialize(record["document"], allow_unverified=True)
        notes = sorted({str(w.message) for w in caught if w.category.__name__ == "MigrationWarning"
                        and "not verified" not in str(w.message)})
        result.update(differences=observe(record, estimator, data), stacks=[record.get("stack"), stack()])
        if notes:
            result["notes"] = notes
    except (MigrationError, UnavailableError) as error:  # the target cannot express the model: said so
        result["refusal"] = "%s: %s" % (type(error).__name__, error)
    except MigratorError as error:
        result.update(status="error", detail="%s: %s" % (type(error).__name__, error))
    except Exception as error:  # an unexpected failure is a result too, with its traceback's last line
        result.update(status="error", detail="%s: %s | %s" % (type(error).__name__, error,
                                                              traceback.format_exc().strip().splitlines()[-2]))
    judge_result(result)
    return result


def check(dirs, out_path: str) -> int:
    data = zoo.make_data()
    with open(out_path, "w") as out:
        for directory in dirs:
            for name in sorted(os.listdir(directory)):
                if name.endswith(".json"):
                    with open(os.path.join(directory, name)) as handle:
                        record = json.load(handle)
                    out.write(json.dumps(check_record(record, data)) + "\n")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sklearn_migrator.matrix.worker")
    commands = parser.add_subparsers(dest="command")
    commands.required = True
    exporter = commands.add_parser("export")
    exporter.add_argument("out_dir")
    exporter.add_argument("--pickles", action="store_true", help="also write pickles of every estimator")
    exporter.add_argument("--joblib-module", help="the joblib to dump with (default: scikit-learn's vendored "
                                                  "copy where it exists, else joblib)")
    exporter.add_argument("--cases", nargs="+", metavar="SUBSTRING",
                          help="only configurations whose id contains one of these")
    checker = commands.add_parser("check")
    checker.add_argument("dirs", nargs="+")
    checker.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    if args.command == "export":
        return export(args.out_dir, args.pickles, args.joblib_module, args.cases)
    return check(args.dirs, args.out)


if __name__ == "__main__":
    sys.exit(main())
