"""Orchestrates the matrix: environments, exports, checks, in parallel, with progress."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

from . import environments


def _worker(python, *args):
    return [python, "-m", "sklearn_migrator.matrix.worker"] + list(args)


def _parallel(jobs, tasks, describe, progress):
    """Run ``{key: callable}`` on ``jobs`` threads; ``{key: result or exception}``."""
    done = {}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(task): key for key, task in tasks.items()}
        for index, future in enumerate(as_completed(futures), 1):
            key = futures[future]
            try:
                done[key] = future.result()
                progress("[%d/%d] %s: ok" % (index, len(tasks), describe(key)))
            except Exception as error:  # reported per key, never hidden
                done[key] = error
                progress("[%d/%d] %s: FAILED: %s" % (index, len(tasks), describe(key), error))
    return done


def _call(command, log_path, package_dir):
    """Run a worker from the log's directory (never the caller's: ``python -m`` would put a
    source checkout there) with the run's own copy of the package in ``package_dir`` first
    on its path (not the copy in the environment, which a run from another checkout sharing
    the cache may replace meanwhile)."""
    started = time.time()
    environment = dict(os.environ, PYTHONPATH=package_dir)
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                            cwd=os.path.dirname(log_path), env=environment)
    with open(log_path, "w") as handle:
        handle.write(result.stdout)
    if result.returncode != 0:
        raise RuntimeError("exit %d after %.0fs, see %s" % (result.returncode, time.time() - started, log_path))
    return time.time() - started


def _numeric_stack(python) -> str:
    """The numpy and scipy versions of an environment: their builds decide floating-point rounding."""
    return subprocess.check_output([python, "-c", "import numpy, scipy; print('numpy %s, scipy %s' % "
                                    "(numpy.__version__, scipy.__version__))"], universal_newlines=True).strip()


def run_matrix(versions, out_dir, cache_dir, jobs=2, progress=print, cases=None) -> dict:
    """Build, export, check; return the report data (also written as results.json).
    ``cases``: only the zoo configurations whose id contains one of these substrings.

    Documents and logs go to a directory of this run under ``<cache_dir>/work`` (runs
    sharing a cache never see each other's documents), removed when every release was
    installed, exported and checked and kept otherwise (the failures name its logs), so
    ``out_dir`` holds only the report."""
    started = time.time()
    os.makedirs(os.path.join(cache_dir, "work"), exist_ok=True)
    work = tempfile.mkdtemp(prefix="run-", dir=os.path.join(cache_dir, "work"))
    package = os.path.join(work, "package")
    shutil.copytree(environments.PACKAGE_DIR, os.path.join(package, "sklearn_migrator"),
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    progress("building %d environments in %s (cached between runs)" % (len(versions), cache_dir))
    built = _parallel(jobs, {v: (lambda v=v: environments.ensure(v, cache_dir, with_package=False)) for v in versions},
                      lambda v: "environment scikit-learn %s" % v, progress)
    pythons = {v: p for v, p in built.items() if isinstance(p, str)}
    install_failures = {v: str(e) for v, e in built.items() if not isinstance(e, str)}

    docs = {v: os.path.join(work, "documents", v) for v in pythons}
    selection = ["--cases"] + list(cases) if cases else []
    exported = _parallel(jobs, {v: (lambda v=v: _call(_worker(pythons[v], "export", docs[v], *selection),
                                                      os.path.join(work, "export-%s.log" % v), package))
                                for v in pythons}, lambda v: "fit zoo and export in %s" % v, progress)
    sources = [v for v in pythons if not isinstance(exported[v], Exception)]
    export_failures = {v: str(e) for v, e in exported.items() if isinstance(e, Exception)}

    results_path = {v: os.path.join(work, "results-%s.jsonl" % v) for v in pythons}
    checked = _parallel(jobs, {v: (lambda v=v: _call(
        _worker(pythons[v], "check", *[docs[s] for s in sources], "--out", results_path[v]),
        os.path.join(work, "check-%s.log" % v), package)) for v in pythons},
        lambda v: "rebuild all documents in %s" % v, progress)
    check_failures = {v: str(e) for v, e in checked.items() if isinstance(e, Exception)}

    results = []
    for v in pythons:
        if v not in check_failures:
            with open(results_path[v]) as handle:
                results.extend(json.loads(line) for line in handle if line.strip())
    report = {"versions": list(versions), "python": sys.version.split()[0], "cpus": os.cpu_count(),
              "wall_seconds": round(time.time() - started), "stacks": {v: _numeric_stack(p) for v, p in pythons.items()},
              "install_failures": install_failures, "export_failures": export_failures,
              "check_failures": check_failures, "results": results}
    with open(os.path.join(out_dir, "results.json"), "w") as handle:
        json.dump(report, handle, separators=(",", ":"))
    if not (install_failures or export_failures or check_failures):
        shutil.rmtree(work, ignore_errors=True)
    return report
