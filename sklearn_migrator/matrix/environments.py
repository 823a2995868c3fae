"""Isolated environments for scikit-learn releases, built with uv and cached.

Each release gets the interpreter and the numpy/scipy/pandas pins of its day
(old scikit-learn wheels break on newer numpy). An environment is reused when
its marker file records the same install spec; this package is copied into it
afresh on every run so the code under test is always the current one.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess

from ..versions import Version

# (first release of the line, Python minor, extra pins); the last matching row wins.
_RELEASE_LINES = [
    ("0.20", "3.7", ["numpy<1.20", "scipy<1.6", "pandas<1.4"]),
    ("0.22", "3.8", ["numpy<1.20", "scipy<1.6", "pandas<1.3"]),
    ("0.24", "3.9", ["numpy<1.22", "scipy<1.8", "pandas<1.4"]),
    ("1.0", "3.9", ["numpy<1.23", "scipy<1.9", "pandas<1.5"]),
    ("1.1", "3.10", ["numpy<1.24", "scipy<1.10", "pandas<2"]),
    ("1.2", "3.11", ["numpy<1.25", "scipy<1.11", "pandas<2.1"]),
    ("1.3", "3.11", ["numpy<2", "scipy<1.12", "pandas<2.2"]),
    ("1.4", "3.12", ["numpy<2.1", "scipy<1.14"]),
    ("1.5", "3.12", ["numpy<2.2", "scipy<1.15"]),
    ("1.6", "3.12", ["numpy<2.3"]),
    ("1.7", "3.13", []),
]
#: The newest patch release of every minor line from 0.20 to 1.9 (0.21.0 was never on PyPI).
RELEASE_HEADS = ["0.20.4", "0.21.3", "0.22.2.post1", "0.23.2", "0.24.2", "1.0.2", "1.1.3", "1.2.2", "1.3.2",
                 "1.4.2", "1.5.2", "1.6.1", "1.7.2", "1.8.0", "1.9.1"]
#: Every release from 0.20.0 to 1.9.1 with files on PyPI (as listed there in November 2026; 1.4.1 exists only
#: as 1.4.1.post1, 0.22.0 as 0.22).
PATCH_RELEASES = ["0.20.0", "0.20.1", "0.20.2", "0.20.3", "0.20.4", "0.21.0", "0.21.1", "0.21.2", "0.21.3", "0.22",
                  "0.22.1", "0.22.2", "0.22.2.post1", "0.23.0", "0.23.1", "0.23.2", "0.24.0", "0.24.1", "0.24.2",
                  "1.0", "1.0.1", "1.0.2", "1.1.0", "1.1.1", "1.1.2", "1.1.3", "1.2.0", "1.2.1", "1.2.2", "1.3.0",
                  "1.3.1", "1.3.2", "1.4.0", "1.4.1.post1", "1.4.2", "1.5.0", "1.5.1", "1.5.2", "1.6.0", "1.6.1",
                  "1.7.0", "1.7.1", "1.7.2", "1.8.0", "1.9.0", "1.9.1"]
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class EnvironmentBuildError(Exception):
    """An environment that could not be built (the message says why)."""


def requirements(release: str):
    """``(python_minor, [requirements])`` for a scikit-learn release."""
    version = Version(release)
    python, pins = None, None
    for first, minor, extra in _RELEASE_LINES:
        if version >= Version(first):
            python, pins = minor, extra
    if python is None:
        raise EnvironmentBuildError("scikit-learn %s is older than the supported 0.20" % release)
    return python, ["scikit-learn==%s" % release, "joblib", "pandas"] + pins


def find_interpreter(minor: str):
    """The newest installed patch release of Python ``minor`` (pyenv first, then uv's finder)."""
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    candidates = sorted(glob.glob(os.path.join(root, "versions", minor + ".*", "bin", "python")),
                        key=lambda p: [int(x) for x in p.split(os.sep)[-3].split(".") if x.isdigit()])
    if candidates:
        return candidates[-1]
    try:
        found = subprocess.run(["uv", "python", "find", minor], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        found = ""
    if not found:
        raise EnvironmentBuildError("no Python %s interpreter found (install it with pyenv or uv)" % minor)
    return found


def _uv():
    uv = shutil.which("uv")
    if uv is None:
        raise EnvironmentBuildError("uv is not installed (pip install uv)")
    return uv


def _run(command, log):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    with open(log, "a") as handle:
        handle.write("$ %s\n%s\n" % (" ".join(command), result.stdout))
    if result.returncode != 0:
        tail = result.stdout.strip().splitlines()[-3:]
        raise EnvironmentBuildError("`%s` failed: %s" % (" ".join(command[:3]), " | ".join(tail)))


def ensure(release: str, cache_dir: str, extra=(), with_package=True) -> str:
    """The Python executable of a ready environment for ``release`` (built if needed),
    with ``extra`` requirements (e.g. an old joblib) overriding the defaults, and this
    package copied into it unless ``with_package`` is false (the matrix puts its own
    copy first on its workers' path)."""
    minor, reqs = requirements(release)
    reqs = [r for r in reqs if r.split("=")[0] not in {e.split("=")[0] for e in extra}] + list(extra)
    path = os.path.join(cache_dir, "sklearn-" + release + "".join("+" + e for e in extra))
    python = os.path.join(path, "bin", "python")
    marker = os.path.join(path, ".sklearn-migrator-env.json")
    spec = {"python": minor, "requirements": reqs}
    if not (os.path.exists(marker) and _read(marker) == spec and os.path.exists(python)):
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(cache_dir, exist_ok=True)
        log = path + ".log"
        _run([_uv(), "venv", "--quiet", "--python", find_interpreter(minor), path], log)
        _run([_uv(), "pip", "install", "--quiet", "--python", python] + reqs, log)
        with open(marker, "w") as handle:
            json.dump(spec, handle)
    if with_package:
        _install_package(python)
    return python


def _install_package(python: str) -> None:
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             stdout=subprocess.PIPE, universal_newlines=True, check=True).stdout.strip()
    target = os.path.join(purelib, "sklearn_migrator")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(PACKAGE_DIR, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def _read(path):
    try:
        with open(path) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None
