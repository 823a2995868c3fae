"""sklearn-migrator documents against pickle, joblib, skops, ONNX and the published
sklearn-migrator 1.0.0: size, write and read time, peak memory, prediction parity.

    pip install ".[bench]"
    python benchmarks/formats.py [--quick] [--runs 5] [--models a b ...] [--methods NAME ...]

Models (issue 5): (a) RandomForestRegressor 300 trees on 20k x 20, (b)
RandomForestClassifier 300 trees, 3 classes, (c) GradientBoostingClassifier 300
stages, 3 classes, (d) MLPClassifier (512, 256), (e) KNeighborsClassifier on
100k x 20, (f) SVC on 5k x 20, (g) LogisticRegression. ``--quick`` shrinks
them ten times (a smoke run).

Each method writes the model to a file and reads it back, ``--runs`` times;
times are medians, ratios are against pickle in the same run; the methods
take turns run after run, so that the machine's drifts touch all alike. A
method whose single write and read take over ``--slow`` seconds runs once (the
table says so). Peak memory is how far a fresh interpreter's resident size rises during
one write or one read (``peak_memory.py``), also as a multiple of the bytes of
the model's arrays. Parity is the largest absolute difference of the read
model's outputs (``predict_proba``, else ``predict``) from the original's on
200 rows. The published sklearn-migrator 1.0.0 runs in its own environment
(made with ``uv`` under ``--cache-dir``), skops, skl2onnx and onnxruntime where
installed. Writes ``docs/benchmarks.md``, ``docs/benchmarks.png`` and the raw
figures as ``docs/benchmarks.json``.
"""
import argparse
import gc
import importlib.util
import json
import os
import pickle
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PUBLISHED = "sklearn-migrator==1.0.0"


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


def outputs(model, X):
    for name in ("predict_proba", "predict"):
        if hasattr(model, name):
            return np.asarray(getattr(model, name)(X), dtype=float)
    raise TypeError("no output")


class _Onnx:
    """An onnxruntime session answering ``predict``/``predict_proba`` like the model."""

    def __init__(self, path):
        import onnxruntime

        self.session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
        self.names = [output.name for output in self.session.get_outputs()]

    def _run(self, X):
        return dict(zip(self.names, self.session.run(None, {"X": X.astype(np.float32)})))

    def predict(self, X):
        return self._run(X)[self.names[0]]

    def __getattr__(self, name):
        if name == "predict_proba" and "probabilities" in self.names:
            return lambda X: self._run(X)["probabilities"]
        raise AttributeError(name)


def _onnx_write(model, path):
    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType

    options = {id(model): {"zipmap": False}} if hasattr(model, "classes_") else None
    onnx_model = to_onnx(model, initial_types=[("X", FloatTensorType([None, model.n_features_in_]))],
                         options=options, target_opset=17)
    with open(path, "wb") as handle:
        handle.write(onnx_model.SerializeToString())


def _pickle_write(model, path):
    with open(path, "wb") as handle:
        pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _pickle_read(path):
    with open(path, "rb") as handle:
        return pickle.load(handle)


def _joblib(compress):
    import joblib

    return lambda model, path: joblib.dump(model, path, compress=compress), joblib.load


def _ours(arrays):
    import sklearn_migrator as sm

    return lambda model, path: sm.dump(model, path, arrays=arrays), sm.load


def _skops():
    import skops.io as sio

    return sio.dump, lambda path: sio.load(path, trusted=sio.get_untrusted_types(file=path))


#: name: (file suffix, modules it needs, () -> (write(model, path), read(path)))
METHODS = {
    "pickle": (".pkl", (), lambda: (_pickle_write, _pickle_read)),
    "joblib": (".joblib", ("joblib",), lambda: _joblib(0)),
    "joblib compress=3": (".z.joblib", ("joblib",), lambda: _joblib(3)),
    "ours compact": (".json", (), lambda: _ours("auto")),
    "ours readable": (".json", (), lambda: _ours("list")),
    "ours .json.gz": (".json.gz", (), lambda: _ours("auto")),
    "ours .json.zst": (".json.zst", ("zstandard",), lambda: _ours("auto")),
    "skops": (".skops", ("skops",), _skops),
    "skl2onnx + onnxruntime": (".onnx", ("skl2onnx", "onnxruntime"), lambda: (_onnx_write, _Onnx)),
}


def methods(names=None):
    """``{name: (suffix, write(model, path), read(path))}`` of the methods installed here
    (only ``names``, if given: a method's modules are imported when it is chosen)."""
    return {name: (suffix,) + make() for name, (suffix, modules, make) in METHODS.items()
            if (names is None or name in names) and all(importlib.util.find_spec(m) for m in modules)}


def array_bytes(model):
    """Bytes held in the numeric arrays of the model's state (what the issue's memory limit counts)."""
    from sklearn_migrator.capture import capture

    total, stack = 0, [capture(model)]
    while stack:
        value = stack.pop()
        if isinstance(value, np.ndarray):
            if value.dtype == object:
                stack.extend(value.flat)
            else:
                total += value.nbytes
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
        elif hasattr(value, "cls"):  # a state-tree node
            stack.extend(part for part in (value.params, value.state, value.args) if part is not None)
    return total


def time_once(model, write, read, path):
    """``(write seconds, read seconds, what was read)`` of one write and read. Each starts
    from a collected heap, so that garbage the method before left behind is not
    collected on this one's time (the collector stays on while it runs)."""
    gc.collect()
    started = time.perf_counter()
    write(model, path)
    written = time.perf_counter() - started
    gc.collect()
    started = time.perf_counter()
    loaded = read(path)
    return written, time.perf_counter() - started, loaded


def measure(model, write, read, path, runs, slow):
    """``(size, write times, read times, what was read)`` of one method."""
    writes, reads = [], []
    for _ in range(runs):
        write_s, read_s, loaded = time_once(model, write, read, path)
        writes.append(write_s)
        reads.append(read_s)
        if writes[0] + reads[0] > slow:
            break
    return os.path.getsize(path), writes, reads, loaded


def measure_all(model, chosen, directory, runs, slow, X, expected):
    """``{name: result}`` for every method, timed run after run in turn, so that drifts
    in the machine's speed (a shared 2-core VM) touch every method alike."""
    results = {name: {"writes": [], "reads": []} for name in chosen}
    for run in range(runs):
        for name, (suffix, write, read) in chosen.items():
            result = results[name]
            if "error" in result or (run and result["writes"][0] + result["reads"][0] > slow):
                continue
            path = os.path.join(directory, "out" + suffix)
            try:
                write_s, read_s, loaded = time_once(model, write, read, path)
                if not run:
                    result["size"] = os.path.getsize(path)
                    result["parity"] = float(np.max(np.abs(outputs(loaded, X) - expected)))
                del loaded
            except Exception as exc:  # a peer that cannot handle this model: reported, not fatal
                results[name] = {"error": "%s: %s" % (type(exc).__name__,
                                                      str(exc).splitlines()[0] if str(exc) else "")}
                continue
            result["writes"].append(write_s)
            result["reads"].append(read_s)
    return results


_PEAK = r"""
import importlib, pickle, sys
sys.path.insert(0, %r)
import formats, peak_memory
name, mode, model_path, path, module = sys.argv[1:6]
importlib.import_module(module)  # the estimator's code is loaded before measuring, as in a running service
write, read = formats.methods([name])[name][1:]  # imports what the method needs
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


def published_python(cache_dir):
    """The interpreter of an environment holding the published sklearn-migrator 1.0.0 and
    the installed scikit-learn release (made once with uv)."""
    import sklearn

    env = os.path.join(cache_dir, "published-%s-sklearn-%s" % (PUBLISHED.split("==")[1], sklearn.__version__))
    python = os.path.join(env, "bin", "python")
    if not os.path.exists(python):
        subprocess.run(["uv", "venv", "--quiet", "--python", sys.executable, env], check=True)
        subprocess.run(["uv", "pip", "install", "--quiet", "--python", python, PUBLISHED,
                        "scikit-learn==%s" % sklearn.__version__, "numpy==%s" % np.__version__], check=True)
    return python


def published(python, model_path, X_path, out_path, runs, slow):
    """The published package's figures, measured in its environment by ``published_runner.py``."""
    done = subprocess.run([python, os.path.join(HERE, "published_runner.py"), model_path, X_path, out_path,
                           str(runs), str(slow)], stdout=subprocess.PIPE, universal_newlines=True)
    return json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {
        "error": "runner exited with %d" % done.returncode}


def row(key, title, name, result, base, arrays):
    if "error" in result:
        return {"model": key, "title": title, "method": name, "error": result["error"]}
    write_s, read_s = statistics.median(result["writes"]), statistics.median(result["reads"])
    out = {"model": key, "title": title, "method": name, "size": result["size"], "write": write_s, "read": read_s,
           "runs": len(result["writes"]), "peak_write": result.get("peak_write"),
           "peak_read": result.get("peak_read"), "parity": result["parity"], "array_bytes": arrays}
    base = out if base is None else base  # pickle is its own base
    out.update(size_ratio=out["size"] / base["size"], write_ratio=write_s / base["write"],
               read_ratio=read_s / base["read"])
    return out


def _mb(value):
    return "-" if value is None else "%.1f" % (value / 1e6)


def markdown(rows, header):
    lines = ["| model | method | size (MB) | size / pickle | write (s) | write / pickle | read (s) | read / pickle "
             "| peak write / read (MB) | peak / array bytes | parity (max abs diff) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "error" in r:
            lines.append("| (%s) %s | %s | fails: %s | | | | | | | | |" % (r["model"], r["title"], r["method"],
                                                                         r["error"].replace("|", "/")[:120]))
            continue
        peaks = [p for p in (r["peak_write"], r["peak_read"]) if p is not None]
        lines.append("| (%s) %s | %s | %.2f | %.2f | %.4f%s | %.2f | %.4f | %.2f | %s / %s | %s | %.3g |" % (
            r["model"], r["title"], r["method"], r["size"] / 1e6, r["size_ratio"], r["write"],
            "" if r["runs"] > 1 else " (1 run)", r["write_ratio"], r["read"], r["read_ratio"], _mb(r["peak_write"]),
            _mb(r["peak_read"]), "%.2f" % (max(peaks) / r["array_bytes"]) if peaks else "-", r["parity"]))
    return header + "\n".join(lines) + "\n"


README_START, README_END = "<!-- benchmarks: start -->", "<!-- benchmarks: end -->"


def summary(rows):
    """The README's digest of the table: our compact document against pickle and the peers."""
    def cell(key, name, *fields):
        r = next((r for r in rows if r["model"] == key and r["method"] == name), None)
        if r is None:
            return "-"
        if "error" in r:
            return "fails"
        return " / ".join("%.2f" % r[f] for f in fields)

    lines = ["| model | ours compact: size / write / read | ours .json.zst size vs joblib compress=3 (MB) "
             "| skops write / read | skl2onnx write / read | published 1.0.0 write / read |",
             "|---|---|---|---|---|---|"]
    for key in dict.fromkeys(r["model"] for r in rows):
        title = next(r["title"] for r in rows if r["model"] == key)
        zst = [next((r for r in rows if r["model"] == key and r["method"] == n and "error" not in r), None)
               for n in ("ours .json.zst", "joblib compress=3")]
        lines.append("| (%s) %s | %s | %s | %s | %s | %s |" % (
            key, title, cell(key, "ours compact", "size_ratio", "write_ratio", "read_ratio"),
            "%.2f vs %.2f" % (zst[0]["size"] / 1e6, zst[1]["size"] / 1e6) if all(zst) else "-",
            cell(key, "skops", "write_ratio", "read_ratio"),
            cell(key, "skl2onnx + onnxruntime", "write_ratio", "read_ratio"),
            cell(key, "published 1.0.0", "write_ratio", "read_ratio")))
    return "\n".join(lines)


def update_readme(path, text):
    """Replace what stands between the benchmark markers of the README with ``text``."""
    with open(path) as handle:
        readme = handle.read()
    start, end = readme.index(README_START) + len(README_START), readme.index(README_END)
    with open(path, "w") as handle:
        handle.write(readme[:start] + "\n" + text + "\n" + readme[end:])


def chart(rows, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = sorted({r["model"] for r in rows})
    names = [n for n in dict.fromkeys(r["method"] for r in rows) if n != "pickle"]
    figure, axes = plt.subplots(1, 2, figsize=(15, 6), sharey=True)
    width = 0.8 / max(len(names), 1)
    for axis, what in zip(axes, ("write_ratio", "read_ratio")):
        for index, name in enumerate(names):
            values = [next((r.get(what, np.nan) for r in rows if r["model"] == k and r["method"] == name), np.nan)
                      for k in keys]
            axis.bar(np.arange(len(keys)) + index * width, values, width, label=name)
        axis.set_yscale("log")
        axis.axhline(1, color="black", linewidth=0.8)
        axis.set_xticks(np.arange(len(keys)) + 0.4 - width / 2)
        axis.set_xticklabels(["(%s)" % k for k in keys])
        axis.set_title("%s time / pickle (log scale; lower is better)" % what.split("_")[0])
    axes[0].legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=90)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow", type=float, default=20.0,
                        help="a method taking longer than this (s) for one write and read runs once")
    parser.add_argument("--models", nargs="+", default=list("abcdefg"))
    parser.add_argument("--methods", nargs="+", help="only these methods (pickle always runs: it is the base)")
    parser.add_argument("--no-published", action="store_true", help="skip the published sklearn-migrator 1.0.0")
    parser.add_argument("--cache-dir", default=os.path.join(tempfile.gettempdir(), "sklearn-migrator-bench"))
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks"),
                        help="writes OUT.md, OUT.png and OUT.json")
    parser.add_argument("--readme", default=os.path.join(ROOT, "README.md"),
                        help="the README whose benchmark digest is replaced ('' for none)")
    args = parser.parse_args()
    commit = _commit()  # the code measured, taken before the run

    import sklearn

    os.makedirs(args.cache_dir, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    python = None if args.no_published else published_python(args.cache_dir)
    chosen = methods()
    if args.methods:
        unknown = set(args.methods) - set(chosen) - {"published 1.0.0"}
        if unknown:
            parser.error("unknown or not installed here: %s (have: %s)" % (", ".join(sorted(unknown)),
                                                                          ", ".join(chosen)))
        chosen = {name: chosen[name] for name in chosen if name == "pickle" or name in args.methods}
        if "published 1.0.0" not in args.methods:
            python = None
    X = np.random.RandomState(1).rand(200, 20)
    directory = tempfile.mkdtemp(dir=args.cache_dir)
    X_path = os.path.join(directory, "X.npy")
    np.save(X_path, X)
    rows = []
    for key in args.models:
        title, fit = models(args.quick)[key]
        model = fit()
        model_path = os.path.join(directory, "model.pickle")
        with open(model_path, "wb") as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        expected, arrays, base = outputs(model, X), array_bytes(model), None
        results = measure_all(model, chosen, directory, args.runs, args.slow, X, expected)
        for name, (suffix, write, read) in chosen.items():
            result = results[name]
            if "error" not in result:
                path = os.path.join(directory, "out" + suffix)
                write(model, path)  # the file peak() reads
                result["peak_write"] = peak(name, "write", model_path, path, type(model).__module__)
                result["peak_read"] = peak(name, "read", model_path, path, type(model).__module__)
            rows.append(row(key, title, name, result, base, arrays))
            if name == "pickle":
                base = rows[-1]
            print(markdown(rows[-1:], "").splitlines()[-1], flush=True)
        if python is not None:
            result = published(python, model_path, X_path, os.path.join(directory, "published.json"),
                               args.runs, args.slow)
            rows.append(row(key, title, "published 1.0.0", result, base, arrays))
            print(markdown(rows[-1:], "").splitlines()[-1], flush=True)
    command = "python benchmarks/formats.py" + "".join(option for option, given in (
        (" --quick", args.quick), (" --runs %d" % args.runs, args.runs != 5),
        (" --models " + " ".join(args.models), args.models != list("abcdefg")),
        (" --methods " + " ".join(map(shlex.quote, args.methods or ())), args.methods),
        (" --no-published", args.no_published)) if given)
    header = ("# Benchmarks\n\nGenerated by `%s` on commit %s (Python %s, scikit-learn %s, numpy %s, %d CPU cores; "
              "orjson %s, pybase64 %s). Times are medians of %d runs (a method whose one write and read take over "
              "%g s runs once), ratios are against pickle (highest protocol) in the same run; peak memory is the rise of a "
              "fresh interpreter's resident size during one write or read; array bytes are those of the model's "
              "numeric arrays. ![write and read time against pickle](benchmarks.png)\n\n"
              % (command, commit, sys.version.split()[0], sklearn.__version__, np.__version__, os.cpu_count(),
                 _installed("orjson"), _installed("pybase64"), args.runs, args.slow))
    with open(args.out + ".md", "w") as handle:
        handle.write(markdown(rows, header))
    with open(args.out + ".json", "w") as handle:
        json.dump(rows, handle, indent=1)
    chart([r for r in rows if "error" not in r], args.out + ".png")
    if args.readme:
        update_readme(args.readme, "Ratios against pickle, from `%s` (full table: [docs/benchmarks.md](docs/"
                                   "benchmarks.md)):\n\n%s" % (command, summary(rows)))
    print("wrote %s.md, .png and .json%s" % (args.out, " and the README digest" if args.readme else ""))


def _git(*args):
    return subprocess.run(("git",) + args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          universal_newlines=True, check=True).stdout.strip()


def _commit():
    """The commit of the measured code (with "+changes" if the tree differs from it), or "unknown"."""
    try:
        changed = _git("status", "--porcelain", "--untracked-files=no")
        return _git("rev-parse", "--short", "HEAD") + ("+changes" if changed else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _installed(name):
    try:
        module = __import__(name)
    except ImportError:
        return "not installed"
    return getattr(module, "__version__", None) or getattr(module, "get_version", lambda: "installed")()


if __name__ == "__main__":
    main()
