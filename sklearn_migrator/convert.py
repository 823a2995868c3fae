"""``sklearn-migrator convert``: legacy pickle/joblib files -> documents (and native joblib
files); documents -> native joblib files of the installed release.

Each file is identified by content. A legacy file is read without running code
from it, migrated to the installed scikit-learn and built there (so a document is
only written for a model that works); a document is read as ``load`` reads it.
Outputs are written atomically. A bad file is reported and the others go on; an
existing output is skipped (reported as such) unless ``force``.
"""
from __future__ import annotations

import os
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed

from sklearn import __version__ as installed

from . import jsonio, sniff
from .api import load
from .atomic import write_atomically
from .errors import MigrationWarning, MigratorError
from .legacy.files import Source, read_tree, reading_file, tree_document
from .restore import rebuild
from .trust import trusting

#: File names taken from directories: what pickle.dump, joblib.dump and dump are usually given.
LEGACY_SUFFIXES = (".pkl", ".pickle", ".p", ".joblib", ".jbl", ".jl", ".sav", ".model", ".z", ".gz", ".bz2",
                   ".xz", ".lzma", ".lz4")
DOCUMENT_SUFFIXES = (".json", ".zst")


def collect(paths) -> list:
    """``(input path, output stem relative to the output directory)`` for every file
    named or found (recursively, by suffix) in a named directory. The stem drops the
    file's pickle/document/compression suffixes unless another file already took it."""
    suffixes = LEGACY_SUFFIXES + DOCUMENT_SUFFIXES
    found = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.extend((os.path.join(root, name), os.path.relpath(os.path.join(root, name), path))
                             for name in sorted(files) if name.lower().endswith(suffixes))
        else:
            found.append((path, os.path.basename(path)))
    taken = set()
    result = []
    for source, relative in found:
        stem = _stem(relative, suffixes)
        stem = relative if stem in taken else stem
        taken.add(stem)
        result.append((source, stem))
    return result


def _stem(relative, suffixes):
    head, name = os.path.split(relative)
    while True:
        base, suffix = os.path.splitext(name)
        if not base or suffix.lower() not in suffixes:
            break
        name = base
    return os.path.join(head, name)


class Skipped(Exception):
    """Every output of a file exists and overwriting was not asked for."""


def convert_file(source, stem, out_dir, *, force=False, native_joblib=False, max_bytes=None, trusted=None) -> str:
    """Convert one file; return a one-line description of what was written (``max_bytes``:
    see :func:`sklearn_migrator.read_legacy`). Raises :class:`Skipped` when its outputs exist."""
    kind = sniff.identify_path(source)
    if kind.route is None:
        raise sniff.refuse(kind, sniff.LEGACY, source)
    suffixes = (".joblib",) if kind.route == sniff.DOCUMENT else (".json", ".joblib") if native_joblib else (".json",)
    outputs = [os.path.join(out_dir, stem + suffix) for suffix in suffixes]
    existing = [path for path in outputs if os.path.exists(path)]
    if existing and not force:
        raise Skipped("%s exist%s (--force overwrites)" % (", ".join(existing), "s" if len(existing) == 1 else ""))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MigrationWarning)
        if kind.route == sniff.DOCUMENT:
            model, doc = load(source, max_bytes=max_bytes, trusted=trusted), None
        else:
            legacy = Source(source)
            with reading_file(legacy, max_bytes), trusting(trusted) as used:
                tree, version = read_tree(legacy)
                doc = tree_document(tree, version, trusted=used)  # before the migration rewrites the tree
                model = rebuild(tree, version)
    notes = [str(w.message) for w in caught if issubclass(w.category, MigrationWarning)]
    os.makedirs(os.path.dirname(outputs[0]) or ".", exist_ok=True)
    if doc is not None:
        write_atomically(outputs[0], jsonio.file_writer(doc))
    if outputs[-1].endswith(".joblib"):
        import joblib

        write_atomically(outputs[-1], lambda path: joblib.dump(model, path))
    what = type(model).__name__ if doc is None else doc["estimator"].rsplit(".", 1)[-1]
    origin = "document" if doc is None else "scikit-learn %s" % doc["sklearn_version"]
    line = "%s (%s, checked in %s) -> %s" % (what, origin, installed, ", ".join(outputs))
    return line + "".join("\n    note: %s" % note for note in notes)


def _outcome(source, stem, out_dir, options):
    """``(status, text)`` of converting one file: ``"ok"``, ``"skipped"`` or ``"FAILED"``."""
    try:
        if not os.path.exists(source):
            raise FileNotFoundError("no such file or directory")
        return "ok", convert_file(source, stem, out_dir, **options)
    except Skipped as skipped:
        return "skipped", str(skipped)
    except (MigratorError, OSError) as error:
        return "FAILED", str(error)


def convert(paths, out_dir, *, force=False, native_joblib=False, max_bytes=None, trusted=None, jobs=1,
            progress=print) -> int:
    """Convert every file (``jobs`` at a time, in processes of their own), reporting a line per
    file as each ends; the number that failed."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError("jobs must be a positive integer, got %r" % (jobs,))
    files = collect(paths)
    options = dict(force=force, native_joblib=native_joblib, max_bytes=max_bytes, trusted=trusted)
    counts = {"ok": 0, "skipped": 0, "FAILED": 0}

    def report(index, source, status, text):
        counts[status] += 1
        progress("[%d/%d] %s: %s: %s" % (index, len(files), source, status, text))

    if jobs == 1 or len(files) < 2:
        for index, (source, stem) in enumerate(files, 1):
            report(index, source, *_outcome(source, stem, out_dir, options))
    else:
        with ProcessPoolExecutor(min(jobs, len(files))) as pool:
            futures = {pool.submit(_outcome, source, stem, out_dir, options): source for source, stem in files}
            for index, future in enumerate(as_completed(futures), 1):
                report(index, futures[future], *future.result())
    progress("%d converted, %d skipped, %d failed%s" % (counts["ok"], counts["skipped"], counts["FAILED"],
                                                        "" if files else " (no files found)"))
    return counts["FAILED"]

