"""Fuzz the compiled boundary: mutate the state compiled scikit-learn code indexes or sizes
memory from, load it, call every output method, in worker processes that may crash.

    python fuzz/compiled_boundary.py [--per-family 20000] [--families tree svm ...]
                                     [--inputs documents pickles] [--seed 0]

For each codec family (the list of what its compiled code trusts is in docs/format.md),
a few fitted models are captured two ways: as state trees (documents) and as the states
pickle saves for each of their objects (``__reduce_ex__``: an estimator's ``__dict__``,
a Tree's nodes and values, a BallTree's arrays, with the arguments of its constructor).
A mutation picks one integer or float field of one of them (an element of a node, index
or count array, a field of a structured array, an integer attribute or argument, a
shape) and makes it out of range, negative, huge, off by one, or truncates or extends
the array it is in, then writes the document, or the pickle of the model with that one
state changed (what a hostile or corrupted file holds). A worker loads each file
(``sklearn_migrator.deserialize`` or ``load_legacy``) and, if it loads, calls every
output method the model has on query rows. Outcomes:

- refused: a ``MigratorError`` at load (the validators caught it);
- loaded: the model answered, or raised a Python exception from scikit-learn (memory-safe);
- untyped: load raised anything but a ``MigratorError`` (a defect);
- signal: the worker died (SIGSEGV, SIGABRT, SIGBUS...) or hung (killed, signal 9): the
  defect this hunts.

Prints a line per family and exits 1 on any signal or untyped error, naming the mutation
(model, field path, operation); the same seed makes the same mutations.
"""
import argparse
import importlib
import io
import json
import os
import pickle
import random
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

OUTPUTS = ("predict", "predict_proba", "predict_log_proba", "decision_function", "transform", "score_samples",
           "apply", "decision_path", "kneighbors", "radius_neighbors", "staged_predict")


def _models(family):
    """[(name, fitted model, query rows)] of a codec family."""
    import sklearn
    from sklearn import cluster, ensemble, neighbors, svm, tree
    from sklearn.datasets import make_classification

    from sklearn_migrator.versions import has_release

    def since(release):
        return has_release(sklearn.__version__, release)

    X, y = make_classification(120, 5, n_informative=3, n_classes=3, random_state=0)
    reg = X[:, 0] * 2.0 + X[:, 1]
    Xq = np.vstack([X[:20], X[:5] * 50, -X[:5]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if family == "tree":
            return [("DecisionTreeClassifier", tree.DecisionTreeClassifier(random_state=0).fit(X, y), Xq),
                    ("DecisionTreeRegressor", tree.DecisionTreeRegressor(max_depth=6, random_state=0).fit(X, reg), Xq),
                    ("ExtraTreeClassifier", tree.ExtraTreeClassifier(random_state=0).fit(X, y), Xq),
                    ("RandomForestClassifier",
                     ensemble.RandomForestClassifier(3, max_depth=4, random_state=0).fit(X, y), Xq)]
        if family == "gradient_boosting":
            return [("GradientBoostingClassifier-3class",
                     ensemble.GradientBoostingClassifier(n_estimators=3, max_depth=2, random_state=0).fit(X, y), Xq),
                    ("GradientBoostingClassifier-binary",
                     ensemble.GradientBoostingClassifier(n_estimators=3, max_depth=2, random_state=0).fit(X, y > 0),
                     Xq),
                    ("GradientBoostingRegressor",
                     ensemble.GradientBoostingRegressor(n_estimators=3, max_depth=2, random_state=0).fit(X, reg), Xq)]
        if family == "hist_gradient_boosting":
            if not since("0.22"):
                importlib.import_module("sklearn.experimental.enable_hist_gradient_boosting")  # 0.21
            models = [("HistGradientBoostingClassifier",
                       ensemble.HistGradientBoostingClassifier(max_iter=3, random_state=0).fit(X, y), Xq)]
            if since("0.24"):  # categorical splits
                Xc = X.copy()
                Xc[:, 4] = (np.abs(Xc[:, 4]) * 3).astype(int) % 4
                models.append(("HistGradientBoostingRegressor-categorical", ensemble.HistGradientBoostingRegressor(
                    max_iter=3, categorical_features=[4], random_state=0).fit(Xc, reg), np.abs(Xq).round()))
            return models
        if family == "svm":
            K = X @ X.T
            return [("SVC", svm.SVC(probability=True, random_state=0).fit(X, y), Xq),
                    ("NuSVC", svm.NuSVC().fit(X, y), Xq),
                    ("SVR", svm.SVR().fit(X, reg), Xq),
                    ("OneClassSVM", svm.OneClassSVM().fit(X), Xq),
                    ("SVC-precomputed", svm.SVC(kernel="precomputed").fit(K, y), K[:20])]
        if family == "neighbors":
            return [("KNeighborsClassifier-kd_tree", neighbors.KNeighborsClassifier(3).fit(X, y), Xq),
                    ("KNeighborsClassifier-ball_tree-manhattan", neighbors.KNeighborsClassifier(
                        3, algorithm="ball_tree", metric="manhattan").fit(X, y), Xq),
                    ("KNeighborsClassifier-brute-manhattan", neighbors.KNeighborsClassifier(
                        3, algorithm="brute", metric="manhattan").fit(X, y), Xq),
                    ("KNeighborsRegressor-minkowski3", neighbors.KNeighborsRegressor(
                        3, algorithm="ball_tree", p=3).fit(X, reg), Xq),
                    ("RadiusNeighborsClassifier", neighbors.RadiusNeighborsClassifier(
                        3.0, outlier_label=0).fit(X, y), Xq),
                    ("LocalOutlierFactor", neighbors.LocalOutlierFactor(5, novelty=True).fit(X), Xq)]
        if family == "clustering":
            return [("KMeans", cluster.KMeans(3, n_init=2, random_state=0).fit(X), Xq),
                    ("Birch", cluster.Birch(n_clusters=3, threshold=0.3).fit(X), Xq)]
        if family == "bagging":
            return [("IsolationForest", ensemble.IsolationForest(n_estimators=3, random_state=0).fit(X), Xq),
                    ("BaggingClassifier", ensemble.BaggingClassifier(
                        n_estimators=3, max_features=3, random_state=0).fit(X, y), Xq)]
        if family == "sparse":  # CSR samples, support vectors and dual coefficients
            from scipy import sparse

            Xs, Xqs = (sparse.csr_matrix(np.where(np.abs(A) > 0.8, A, 0.0)) for A in (X, Xq))
            return [("SVC-sparse", svm.SVC(probability=True, random_state=0).fit(Xs, y), Xqs),
                    ("SVR-sparse", svm.SVR().fit(Xs, reg), Xqs),
                    ("OneClassSVM-sparse", svm.OneClassSVM().fit(Xs), Xqs),
                    ("KNeighborsClassifier-sparse", neighbors.KNeighborsClassifier(
                        3, algorithm="brute").fit(Xs, y), Xqs),
                    ("NearestNeighbors-sparse-manhattan", neighbors.NearestNeighbors(
                        n_neighbors=3, metric="manhattan").fit(Xs), Xqs)]
        if family == "text":  # vocabularies numbering the columns of sparse matrices, idf weights
            from sklearn.feature_extraction import DictVectorizer
            from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
            from sklearn.linear_model import LogisticRegression
            from sklearn.pipeline import make_pipeline

            from sklearn_migrator.zoo import INPUTS

            docs, query = INPUTS["text"](X), INPUTS["text"](Xq)
            records, query_records = INPUTS["records"](X), INPUTS["records"](Xq)
            return [("TfidfVectorizer", TfidfVectorizer(sublinear_tf=True).fit(docs), query),
                    ("CountVectorizer-char_wb", CountVectorizer(analyzer="char_wb", ngram_range=(2, 3)).fit(docs),
                     query),
                    ("Pipeline-TfidfVectorizer-LogisticRegression", make_pipeline(
                        TfidfVectorizer(), LogisticRegression(max_iter=300)).fit(docs, y), query),
                    ("DictVectorizer-dense", DictVectorizer(sparse=False).fit(records), query_records)]
        if family == "search":  # best_index_ into cv_results_, masked arrays, scorers naming metrics
            from sklearn.linear_model import LogisticRegression
            from sklearn.metrics import fbeta_score, make_scorer
            from sklearn.model_selection import GridSearchCV, KFold

            grid = [{"C": [0.1, 1.0]}, {"fit_intercept": [False]}]
            return [("GridSearchCV", GridSearchCV(LogisticRegression(max_iter=300), grid, cv=KFold(3)).fit(X, y), Xq),
                    ("GridSearchCV-make_scorer", GridSearchCV(
                        tree.DecisionTreeClassifier(random_state=0), {"max_depth": [2, 3]}, cv=3,
                        scoring=make_scorer(fbeta_score, beta=2, average="macro")).fit(X, y), Xq),
                    ("GridSearchCV-multimetric", GridSearchCV(
                        LogisticRegression(max_iter=300), {"C": [0.1, 1.0]}, cv=3, scoring=["accuracy", "f1_macro"],
                        refit="accuracy").fit(X, y), Xq)]
    raise ValueError("unknown family %r" % family)


FAMILIES = ("tree", "gradient_boosting", "hist_gradient_boosting", "svm", "neighbors", "clustering", "bagging",
            "sparse", "text", "search")
INPUTS = ("documents", "pickles")


def _slots(value, path, out):
    """Every mutable numeric place of a state tree: (path, container, key) triples."""
    from sklearn_migrator.tree import Node

    if isinstance(value, Node):
        for part in ("params", "args", "state"):
            inner = getattr(value, part)
            if inner is not None:
                _slots(inner, path + (part,), out)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (bool, str)) or item is None:
                continue
            if isinstance(item, (int, float, np.integer, np.floating)):
                out.append((path + (key,), value, key))
            else:
                _slots(item, path + (key,), out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (int, float, np.integer, np.floating)) and not isinstance(item, bool):
                out.append((path + (index,), value, index))
            else:
                _slots(item, path + (index,), out)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            if isinstance(item, (int, np.integer)) and not isinstance(item, bool):
                out.append((path + (index,), value, index))  # replaced through the parent (a tuple)
            else:
                _slots(item, path + (index,), out)
    elif isinstance(value, np.ndarray) and value.size and (value.dtype.kind in "iuf" or value.dtype.names):
        out.append((path, value, None))
    elif isinstance(value, np.ndarray) and value.dtype == object:
        for index, item in enumerate(value.ravel().tolist()):
            _slots(item, path + (index,), out)


_INTS = (-1, 0, 1, 2, 3, 7, 2 ** 31 - 1, -2 ** 31, 2 ** 62, -2 ** 62, 255, 256, 65535)


def _int_values(rng, current, size):
    return [current + 1, current - 1, size, size + 1, size - 1, -size, rng.choice(_INTS), rng.randrange(-1000, 1000)]


def _mutate_array(array, rng):
    """A mutated copy of ``array`` and the operation's name."""
    kind = rng.random()
    if kind < 0.12 and array.ndim >= 1 and array.shape[0] > 0:
        return array[:-1].copy(), "truncate"
    if kind < 0.2 and array.ndim >= 1 and array.shape[0] > 0:
        return np.concatenate([array, array[-1:]]), "extend"
    out = array.copy()
    flat = out.reshape(-1)
    index = rng.randrange(flat.shape[0])
    names = array.dtype.names
    field = rng.choice(names) if names else None
    target = flat[field] if names else flat
    if target.ndim > 1:  # a sub-array field
        target = target.reshape(target.shape[0], -1)[:, 0]
    dtype = target.dtype
    if dtype.kind in "iu":
        value = rng.choice(_int_values(rng, int(target[index]), flat.shape[0]))
        info = np.iinfo(dtype)
        value = min(max(value, info.min), info.max)
    elif dtype.kind == "f":
        value = rng.choice([np.nan, np.inf, -np.inf, 1e308, -1e308, 0.0, -1.0, float(target[index]) * 1e10,
                            float(flat.shape[0]), 2.0 ** 40])
    else:
        return out, "unchanged"
    target[index] = value
    return out, "%s[%d]=%r" % (field or "", index, value)


def _mutate(tree, rng):
    """Mutate one numeric place of ``tree``; describe it."""
    slots = []
    _slots(tree, (), slots)
    path, holder, key = rng.choice(slots)
    if key is None:  # a whole array
        mutated, what = _mutate_array(holder, rng)
        _set(tree, path, mutated)
        return "%s %s" % ("/".join(map(str, path)), what)
    current = holder[key]
    if isinstance(current, (float, np.floating)):
        value = rng.choice([np.nan, np.inf, -1.0, 0.0, 1e308, float(current) * 1e6])
    else:
        value = rng.choice(_int_values(rng, int(current), 100))
    _set(tree, path, value)
    return "%s=%r" % ("/".join(map(str, path)), value)


def _set(container, path, value):
    """``container`` with the place at ``path`` set to ``value``: nodes, lists, dicts and object
    arrays changed in place, tuples rebuilt in their parent."""
    from sklearn_migrator.tree import Node

    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(container, Node):
        setattr(container, key, _set(getattr(container, key), rest, value))
    elif isinstance(container, tuple):
        items = list(container)
        items[key] = _set(items[key], rest, value)
        return tuple(items)
    elif isinstance(container, np.ndarray):  # an object array, indexed flat
        flat = container.reshape(-1)
        flat[key] = _set(flat[key], rest, value)
    else:
        container[key] = _set(container[key], rest, value)
    return container


def _cases(family, count, seed, inputs):
    """``count`` mutated files of ``family`` as (description, file suffix, bytes, query rows),
    bytes None for a mutation that cannot be written."""
    rng = random.Random("%s-%s-%d" % (family, inputs, seed))
    mutated = _mutated_documents if inputs == "documents" else _mutated_pickles
    models = [(name, mutated.captured(model), X) for name, model, X in _models(family)]
    for index in range(count):
        name, captured, X = models[index % len(models)]
        try:
            what, suffix, payload = mutated(captured, rng)
        except (TypeError, ValueError, OverflowError, IndexError) as exc:  # a mutation the writer cannot write
            yield "%s (not writable: %s)" % (name, exc), None, None, X
            continue
        yield "%s %s" % (name, what), suffix, payload, X


def _mutated_documents(tree_json, rng):
    """The document of a model (whose encoded state tree is ``tree_json``) with one numeric
    place of its state changed."""
    import sklearn

    from sklearn_migrator.codec import decode_tree, encode_tree
    from sklearn_migrator.document import envelope

    tree = decode_tree(tree_json, "")
    what = _mutate(tree, rng)
    document = envelope(tree.cls, sklearn.__version__, encode_tree(tree))
    return what, ".json", json.dumps(document).encode()


def _serialized(model):
    import sklearn_migrator as sm

    return sm.serialize(model)["tree"]


_mutated_documents.captured = _serialized


class _States:
    """A pickler's dispatch table that reduces every scikit-learn object as it would be,
    recording each reduction in ``seen`` (in order), and hands back the (constructor
    arguments, state) pairs of ``replaced`` (by that order) instead."""

    def __init__(self, protocol, replaced=None):
        self.protocol, self.replaced, self.seen = protocol, replaced or {}, []

    def get(self, cls, default=None):
        return self._reduce if cls.__module__.split(".")[0] == "sklearn" else default

    def _reduce(self, obj):
        reduced = obj.__reduce_ex__(self.protocol)
        if isinstance(reduced, str):
            return reduced
        index = len(self.seen)
        self.seen.append((type(obj).__name__, reduced))
        if index in self.replaced:
            args, state = self.replaced[index]
            return (reduced[0], args, state) + tuple(reduced[3:])
        return reduced

    def dumps(self, model):
        stream = io.BytesIO()
        pickler = pickle._Pickler(stream, self.protocol)  # the Python pickler consults dispatch_table.get
        pickler.dispatch_table = self
        pickler.dump(model)
        return stream.getvalue()


def _mutated_pickles(recorder, rng):
    """The pickle of a model (that ``recorder`` pickled) with one numeric place of one
    object's reduced state (or constructor arguments) changed."""
    places = []
    for index, (_, reduced) in enumerate(recorder.seen):
        slots = []
        _slots(_args_and_state(reduced), (), slots)
        places += [index] * len(slots)
    index = rng.choice(places)
    name, reduced = recorder.seen[index]
    args_and_state = _copied(_args_and_state(reduced))
    what = _mutate(args_and_state, rng)
    payload = _States(recorder.protocol, {index: tuple(args_and_state)}).dumps(recorder.model)
    return "%s#%d %s" % (name, index, what), ".pkl", payload


def _args_and_state(reduced):
    """[constructor arguments, state] of a reduction (the state is None where there is none)."""
    return [reduced[1], reduced[2] if len(reduced) > 2 else None]


def _recorded(model, protocol=2):
    recorder = _States(protocol)
    recorder.dumps(model)
    recorder.model = model
    return recorder


_mutated_pickles.captured = _recorded


def _copied(value):
    """``value`` with its dicts, lists, tuples and object arrays copied (what a mutation
    changes in place), everything else shared."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if type(value) in (list, tuple):
        return type(value)(_copied(item) for item in value)
    if isinstance(value, np.ndarray) and value.dtype == object:
        copy = np.empty(value.shape, dtype=object)
        copy.reshape(-1)[:] = [_copied(item) for item in value.reshape(-1)]
        return copy
    return value


WORKER = r'''
import json, os, sys, warnings
import numpy as np
warnings.simplefilter("ignore")
import sklearn_migrator as sm
OUTPUTS = %r
report = open(sys.argv[2], "a", buffering=1)
def print(*words, **ignored):
    report.write(" ".join(map(str, words)) + "\n")
    report.flush()
    os.fsync(report.fileno())
for line in open(sys.argv[1]):
    index, path, x_path = line.split()
    print("start", index, flush=True)
    if x_path.endswith(".npz"):
        from scipy import sparse
        X = sparse.load_npz(x_path)
    elif x_path.endswith(".json"):
        with open(x_path) as handle:
            X = json.load(handle)
    else:
        X = np.load(x_path)
    try:
        if path.endswith(".pkl"):
            model = sm.load_legacy(path)
        else:
            with open(path) as handle:
                model = sm.deserialize(json.load(handle))
    except sm.MigratorError:
        print("refused", index, flush=True)
        continue
    except Exception as exc:
        print("untyped", index, type(exc).__name__, str(exc)[:200].replace("\n", " "), flush=True)
        continue
    for name in OUTPUTS:
        method = getattr(model, name, None)
        if method is None:
            continue
        try:
            result = method(X)
            if name == "staged_predict":
                for _ in result:
                    pass
        except Exception:
            pass
    print("loaded", index, flush=True)
''' % (OUTPUTS,)


def run_family(family, count, seed, workdir, inputs="documents", chunk=500, seconds_per_state=20):
    """Outcome counts of ``count`` mutated ``inputs`` (documents or pickles) of ``family`` and
    the failures (signal, untyped), ``chunk`` files on disk at a time."""
    counts = {"refused": 0, "loaded": 0, "untyped": 0, "signal": 0, "not writable": 0}
    failures, batch = [], []
    x_path = None
    for index, (what, suffix, payload, X) in enumerate(_cases(family, count, seed, inputs)):
        if payload is None:
            counts["not writable"] += 1
            continue
        if x_path is None:
            x_path = os.path.join(workdir, "%s-X.%s" % (family, "npy" if isinstance(X, np.ndarray) else
                                                        "json" if isinstance(X, list) else "npz"))
            _save(x_path, X)
        path = os.path.join(workdir, "%s-%d%s" % (family, index, suffix))
        with open(path, "wb") as handle:
            handle.write(payload)
        batch.append((index, what, path, x_path))
        if len(batch) == chunk:
            _run_batch(batch, counts, failures, seconds_per_state)
            batch = []
    _run_batch(batch, counts, failures, seconds_per_state)
    return counts, failures


def _save(path, X):
    if isinstance(X, np.ndarray):
        np.save(path, X)
    elif isinstance(X, list):  # documents or records
        with open(path, "w") as handle:
            json.dump(X, handle)
    else:
        from scipy import sparse

        sparse.save_npz(path, X)


def _work(items, seconds_per_state):
    """Run a worker on ``items``; ``(exit code, report lines)``."""
    env = dict(os.environ, PYTHONPATH=os.path.dirname(HERE) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    jobs, report = items[0][2] + ".jobs", items[0][2] + ".report"
    with open(jobs, "w") as handle:
        handle.write("".join("%d %s %s\n" % (i, d, x) for i, _, d, x in items))
    open(report, "w").close()
    worker = subprocess.Popen([sys.executable, "-c", WORKER, jobs, report], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        code = worker.wait(seconds_per_state * len(items) + 60)
    except subprocess.TimeoutExpired:  # a hang is a failure too
        worker.kill()
        code = worker.wait()
    with open(report) as handle:
        lines = handle.read().splitlines()
    os.remove(jobs)
    os.remove(report)
    return code, lines


def _run_batch(pending, counts, failures, seconds_per_state, suspects=8):
    """Run the files of ``pending`` in workers, a new worker after each one that dies. A
    state may corrupt memory silently and a later one in the same worker crash on it, so a
    crash is attributed by running the crashing state and the ``suspects`` before it alone."""
    while pending:
        code, lines = _work(pending, seconds_per_state)
        started, finished, order = None, set(), []
        for line in lines:
            word, index = line.split()[:2]
            if word == "start":
                started = int(index)
                continue
            finished.add(int(index))
            order.append(int(index))
            counts[word] += 1
            if word == "untyped":
                failures.append(("untyped", _what(pending, int(index)), line))
        if started is not None and started not in finished:
            counts["signal"] += 1
            finished.add(started)
            blamed = [index for index in order[-suspects:] + [started]
                      if _work([item for item in pending if item[0] == index], seconds_per_state)[0] != 0]
            for index in blamed or [started]:
                failures.append(("signal %d" % -code if code < 0 else "exit %d" % code, _what(pending, index),
                                 "" if blamed else "(only after the states before it in the same worker)"))
        elif started is None and code != 0:
            raise RuntimeError("the fuzzing worker failed to start (exit %d)" % code)
        for index, _, path, _ in pending:
            if index in finished:
                os.remove(path)
        pending[:] = [item for item in pending if item[0] not in finished]


def _what(pending, index):
    return next(what for i, what, _, _ in pending if i == index)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-family", type=int, default=20000, help="mutated states per family (default 20000)")
    parser.add_argument("--families", nargs="+", choices=FAMILIES, default=list(FAMILIES))
    parser.add_argument("--inputs", nargs="+", choices=INPUTS, default=list(INPUTS),
                        help="mutate documents, pickles or both (default both)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    import sklearn

    print("compiled-boundary fuzzer: scikit-learn %s, numpy %s, %d mutated states per family and input, seed %d"
          % (sklearn.__version__, np.__version__, args.per_family, args.seed), flush=True)
    total_failures = []
    with tempfile.TemporaryDirectory() as workdir:
        for inputs in args.inputs:
            for family in args.families:
                started = time.time()
                counts, failures = run_family(family, args.per_family, args.seed, workdir, inputs)
                print("%-32s %s  (%.0f s)" % ("%s/%s" % (family, inputs), ", ".join(
                    "%s %d" % item for item in counts.items()), time.time() - started), flush=True)
                for kind, what, detail in failures:
                    print("  %s: %s %s" % (kind, what, detail), flush=True)
                total_failures += failures
    print("%d failures" % len(total_failures))
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
