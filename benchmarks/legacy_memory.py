"""Memory and time of rescuing a large forest from joblib and pickle files.

    python benchmarks/legacy_memory.py [--trees 100] [--rows 20000]

Fits a RandomForestRegressor, writes it with joblib (plain and compress=3) and
pickle, then, each in a fresh interpreter, measures how far the process's
resident memory rises above its size before the load (``peak_memory``: so
scikit-learn's own C allocations count too) while ``load_legacy`` rescues the file, against the
bytes of the model's arrays (tree nodes and values); ``joblib.load`` of the
same file is measured the same way for comparison.
"""
import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time

_MEASURE = r"""
import json, sys, time
sys.path.insert(0, %r)
import joblib, numpy, sklearn, sklearn.ensemble  # the estimator's code is loaded before measuring
import peak_memory
import sklearn_migrator as sm
mode, path = sys.argv[1:3]
baseline = peak_memory.start()
started = time.perf_counter()
model = joblib.load(path) if mode == "joblib" else sm.load_legacy(path)
elapsed = time.perf_counter() - started
extra = peak_memory.rise(baseline)
arrays = 0
for tree in model.estimators_:
    state = tree.tree_.__getstate__()
    arrays += state["nodes"].nbytes + state["values"].nbytes
print(json.dumps({"extra": extra, "arrays": arrays, "seconds": elapsed}))
""" % os.path.dirname(os.path.abspath(__file__))


def _measure(mode, path):
    return json.loads(subprocess.run([sys.executable, "-c", _MEASURE, mode, path], stdout=subprocess.PIPE,
                                     check=True, universal_newlines=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()

    import joblib
    import numpy as np
    from sklearn.ensemble import RandomForestRegressor

    rng = np.random.RandomState(0)
    X = rng.rand(args.rows, 20)
    y = X @ rng.rand(20) + rng.rand(args.rows)
    model = RandomForestRegressor(n_estimators=args.trees, random_state=0, n_jobs=-1).fit(X, y)
    directory = tempfile.mkdtemp()
    files = {"joblib": os.path.join(directory, "forest.joblib"),
             "joblib compress=3": os.path.join(directory, "forest.z.joblib"),
             "pickle protocol 4": os.path.join(directory, "forest.pkl")}
    joblib.dump(model, files["joblib"])
    joblib.dump(model, files["joblib compress=3"], compress=3)
    with open(files["pickle protocol 4"], "wb") as handle:
        pickle.dump(model, handle, protocol=4)

    print("RandomForestRegressor, %d trees on %d x 20: %d nodes\n" % (
        args.trees, args.rows, sum(tree.tree_.node_count for tree in model.estimators_)))
    print("| file | size (MB) | model arrays (MB) | rescue: peak memory (MB) | / arrays | time (s) | "
          "joblib.load: peak memory (MB) | / arrays | time (s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, path in files.items():
        ours, native = _measure("rescue", path), _measure("joblib", path)
        print("| %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.1f | %.2f | %.2f |" % (
            name, os.path.getsize(path) / 1e6, ours["arrays"] / 1e6, ours["extra"] / 1e6,
            ours["extra"] / ours["arrays"], ours["seconds"], native["extra"] / 1e6,
            native["extra"] / native["arrays"], native["seconds"]))

if __name__ == "__main__":
    started = time.time()
    main()
    print("\nBenchmark run time: %.0f s." % (time.time() - started))
