"""sklearn-migrator documents against pickle and joblib: size, write and read time, peak memory.

    python benchmarks/formats.py [--quick] [--runs 5] [--models a b ...] [--out docs/benchmarks.md]

Models (issue 5): (a) RandomForestRegressor 300 trees on 20k x 20, (b)
RandomForestClassifier 300 trees, 3 classes, (c) GradientBoostingClassifier 300
stages, 3 classes, (d) MLPClassifier (512, 256), (e) KNeighborsClassifier on
100k x 20, (f) SVC on 5k x 20, (g) LogisticRegression. ``--quick`` shrinks
them (for a smoke run). Each method writes the model to a file and reads it
back; times are medians of ``--runs`` runs measured in this process, ratios are
against pickle in the same run. Peak memory is how far a fresh interpreter's
resident size rises during one write or read (``peak_memory``). Parity is the
largest absolute difference of the read model's outputs from the original's.
"""
import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def models(quick):
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier, RandomForestRegressor
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.svm import SVC

    scale = 10 if quick else 1
    rng = np.random.RandomState(0)

    def data(rows, classes=None):
        X = rng.rand(rows // scale, 20)
        y = rng.randint(0, classes, len(X)) if classes else X @ rng.rand(20) + rng.rand(len(X))
        return X, y

    def forest(cls, *shape):
        # Fitted on every core, predicting on one: parallel accumulation would reorder the sums.
        return cls(300 // scale, random_state=0, n_jobs=-1).fit(*data(*shape)).set_params(n_jobs=None)

    return {
        "a": ("RandomForestRegressor 300 trees, 20k x 20", lambda: forest(RandomForestRegressor, 20000)),
        "b": ("RandomForestClassifier 300 trees, 3 classes", lambda: forest(RandomForestClassifier, 20000, 3)),
        "c": ("GradientBoostingClassifier 300 stages, 3 classes",
              lambda: GradientBoostingClassifier(n_estimators=300 // scale, random_state=0).fit(*data(5000, 3))),
        "d": ("MLPClassifier (512, 256)",
              lambda: MLPClassifier((512 // scale, 256 // scale), max_iter=5, random_state=0).fit(*data(2000, 3))),
        "e": ("KNeighborsClassifier, 100k x 20", lambda: KNeighborsClassifier().fit(*data(100000, 3))),
        "f": ("SVC, 5k x 20", lambda: SVC().fit(*data(5000, 3))),
        "g": ("LogisticRegression", lambda: LogisticRegression(max_iter=500).fit(*data(2000, 3))),
    }


def methods():
    """``{name: (suffix, write(model, path), read(path))}`` of every method installed here."""
    import joblib

    import sklearn_migrator as sm

    def pickle_write(model, path):
        with open(path, "wb") as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def pickle_read(path):
        with open(path, "rb") as handle:
            return pickle.load(handle)

    found = {
        "pickle": (".pkl", pickle_write, pickle_read),
        "joblib": (".joblib", joblib.dump, joblib.load),
        "joblib compress=3": (".z.joblib", lambda model, path: joblib.dump(model, path, compress=3), joblib.load),
        "sklearn-migrator compact": (".json", sm.dump, sm.load),
        "sklearn-migrator readable": (".json", lambda model, path: sm.dump(model, path, arrays="list"), sm.load),
        "sklearn-migrator .json.gz": (".json.gz", sm.dump, sm.load),
    }
    try:
        import skops.io as sio

        found["skops"] = (".skops", sio.dump, lambda path: sio.load(path, trusted=sio.get_untrusted_types(file=path)))
    except ImportError:
        pass
    return found


def _outputs(model, X):
    for name in ("predict_proba", "predict"):
        if hasattr(model, name):
            return np.asarray(getattr(model, name)(X), dtype=float)
    raise TypeError("no output")


_PEAK = r"""
import importlib, pickle, sys
sys.path.insert(0, %r)
import formats, peak_memory
name, mode, model_path, path, module = sys.argv[1:6]
importlib.import_module(module)  # the estimator's code is loaded before measuring, as in a running service
write, read = formats.methods()[name][1:]
if mode == "write":
    with open(model_path, "rb") as handle:
        model = pickle.load(handle)
    baseline = peak_memory.start()
    write(model, path)
else:
    baseline = peak_memory.start()
    read(path)
print(peak_memory.rise(baseline))
""" % HERE


def peak(name, mode, model_path, path, module):
    out = subprocess.run([sys.executable, "-c", _PEAK, name, mode, model_path, path, module], stdout=subprocess.PIPE,
                         check=True, universal_newlines=True).stdout
    return int(out.split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--models", nargs="+", default=list("abcdefg"))
    parser.add_argument("--out", help="also write the Markdown table here")
    args = parser.parse_args()

    import sklearn

    rows = ["| model | method | size (MB) | size / pickle | write (s) | write / pickle | read (s) | "
            "read / pickle | peak write (MB) | peak read (MB) | parity (max abs diff) |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    X = np.random.RandomState(1).rand(200, 20)
    directory = tempfile.mkdtemp()
    for key in args.models:
        title, fit = models(args.quick)[key]
        model = fit()
        model_path = os.path.join(directory, "model.pickle")
        with open(model_path, "wb") as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        expected = _outputs(model, X)
        base = None
        for name, (suffix, write, read) in methods().items():
            path = os.path.join(directory, "out" + suffix)
            writes, reads = [], []
            for _ in range(args.runs):
                started = time.perf_counter()
                write(model, path)
                writes.append(time.perf_counter() - started)
                started = time.perf_counter()
                loaded = read(path)
                reads.append(time.perf_counter() - started)
            size, write_s, read_s = os.path.getsize(path), statistics.median(writes), statistics.median(reads)
            if base is None:
                base = (size, write_s, read_s)
            diff = float(np.max(np.abs(_outputs(loaded, X) - expected)))
            rows.append("| (%s) %s | %s | %.2f | %.2f | %.4f | %.1f | %.4f | %.1f | %.0f | %.0f | %.3g |" % (
                key, title, name, size / 1e6, size / base[0], write_s, write_s / base[1], read_s, read_s / base[2],
                peak(name, "write", model_path, path, type(model).__module__) / 1e6,
                peak(name, "read", model_path, path, type(model).__module__) / 1e6, diff))
            print(rows[-1], flush=True)
    table = "\n".join(rows)
    header = ("Generated by `python benchmarks/formats.py%s` (Python %s, scikit-learn %s, numpy %s, %d CPU cores; "
              "medians of %d runs, ratios against pickle in the same run).\n\n"
              % (" --quick" if args.quick else "", sys.version.split()[0], sklearn.__version__, np.__version__,
                 os.cpu_count(), args.runs))
    if args.out:
        with open(args.out, "w") as handle:
            handle.write("# Benchmarks\n\n" + header + table + "\n")


if __name__ == "__main__":
    main()
