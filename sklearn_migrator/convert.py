"""``sklearn-migrator convert``: legacy pickle/joblib files -> documents (and native joblib files).

Each file is read without running code from it, migrated to the installed
scikit-learn and built there (so a document is only written for a model that
works), then written atomically. A bad file is reported and skipped; nothing is
overwritten unless asked.
"""
from __future__ import annotations

import os
import warnings

from sklearn import __version__ as installed

from . import jsonio
from .api import rebuild
from .atomic import write_atomically
from .errors import MigrationWarning, MigratorError
from .legacy.files import read_tree, reading_file, tree_document

#: File names taken from directories: what pickle.dump and joblib.dump are usually given.
LEGACY_SUFFIXES = (".pkl", ".pickle", ".p", ".joblib", ".jbl", ".jl", ".sav", ".model", ".z", ".gz", ".bz2",
                   ".xz", ".lzma", ".lz4")


def collect(paths) -> list:
    """``(input path, output stem relative to the output directory)`` for every file
    named or found (recursively, by suffix) in a named directory. The stem drops the
    file's pickle/compression suffixes unless another file already took it."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.extend((os.path.join(root, name), os.path.relpath(os.path.join(root, name), path))
                             for name in sorted(files) if name.lower().endswith(LEGACY_SUFFIXES))
        else:
            found.append((path, os.path.basename(path)))
    taken = set()
    result = []
    for source, relative in found:
        stem = _stem(relative)
        stem = relative if stem in taken else stem
        taken.add(stem)
        result.append((source, stem))
    return result


def _stem(relative):
    head, name = os.path.split(relative)
    while True:
        base, suffix = os.path.splitext(name)
        if not base or suffix.lower() not in LEGACY_SUFFIXES:
            break
        name = base
    return os.path.join(head, name)


def convert_file(source, stem, out_dir, *, force=False, native_joblib=False, max_bytes=None) -> str:
    """Convert one file; return a one-line description of what was written (``max_bytes``:
    see :func:`sklearn_migrator.read_legacy`)."""
    with reading_file(source, max_bytes), warnings.catch_warnings(record=True) as caught:
        tree, version = read_tree(source)
        doc = tree_document(tree, version)  # before the migration rewrites the tree
        warnings.simplefilter("always", MigrationWarning)
        model = rebuild(tree, version)
    notes = [str(w.message) for w in caught if issubclass(w.category, MigrationWarning)]
    outputs = [os.path.join(out_dir, stem + suffix) for suffix in ((".json", ".joblib") if native_joblib
                                                                   else (".json",))]
    for path in outputs:
        if os.path.exists(path) and not force:
            raise FileExistsError("%s exists (use --force to overwrite)" % path)
    os.makedirs(os.path.dirname(outputs[0]) or ".", exist_ok=True)
    write_atomically(outputs[0], jsonio.file_writer(outputs[0], doc))
    if native_joblib:
        import joblib

        write_atomically(outputs[1], lambda path: joblib.dump(model, path))

    line = "%s (scikit-learn %s, checked in %s) -> %s" % (doc["estimator"].rsplit(".", 1)[-1],
                                                       doc["sklearn_version"], installed, ", ".join(outputs))
    return line + "".join("\n    note: %s" % note for note in notes)


def convert(paths, out_dir, *, force=False, native_joblib=False, max_bytes=None, progress=print) -> int:
    """Convert every file; the number that failed."""
    files = collect(paths)
    failed = 0
    for index, (source, stem) in enumerate(files, 1):
        try:
            if not os.path.exists(source):
                raise FileNotFoundError("no such file or directory")
            outcome = "ok: " + convert_file(source, stem, out_dir, force=force, native_joblib=native_joblib,
                                            max_bytes=max_bytes)
        except (MigratorError, OSError) as error:
            failed += 1
            outcome = "FAILED: %s" % error
        progress("[%d/%d] %s: %s" % (index, len(files), source, outcome))
    progress("%d converted, %d failed%s" % (len(files) - failed, failed, "" if files else " (no files found)"))
    return failed
