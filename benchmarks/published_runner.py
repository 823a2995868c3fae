"""Times the published sklearn-migrator 1.0.0 on one model, inside its own environment.

    python published_runner.py MODEL.pickle X.npy OUT.json RUNS SLOW

Run by ``formats.py`` with the interpreter of an environment holding
sklearn-migrator 1.0.0 (its API: ``serialize(model)`` -> dict, written with
``json.dump``; ``deserialize(dict)``). Prints one JSON line: size, write and read
times, peak memory of one write and one read (fresh interpreters), parity;
or the error that stopped it.
"""
import importlib
import json
import os
import pickle
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peak_memory  # noqa: E402
from formats import measure, outputs  # noqa: E402  (formats needs only numpy at import)


def write(model, path):
    from sklearn_migrator import serialize

    with open(path, "w") as handle:
        json.dump(serialize(model), handle)


def read(path):
    from sklearn_migrator import deserialize

    with open(path) as handle:
        return deserialize(json.load(handle))


def main():
    model_path, X_path, out_path, runs, slow = sys.argv[1:6]
    with open(model_path, "rb") as handle:
        model = pickle.load(handle)
    if len(sys.argv) > 6:  # a peak-memory child: one write or one read
        importlib.import_module("sklearn_migrator")  # imports are not counted
        baseline = peak_memory.start()
        write(model, out_path) if sys.argv[6] == "write" else read(out_path)
        print(peak_memory.rise(baseline))
        return
    try:
        size, writes, reads, loaded = measure(model, write, read, out_path, int(runs), float(slow))
        X = np.load(X_path)
        result = {"size": size, "writes": writes, "reads": reads,
                  "parity": float(np.max(np.abs(outputs(loaded, X) - outputs(model, X))))}
        del loaded
        for mode in ("write", "read"):
            out = subprocess.run([sys.executable] + sys.argv[:6] + [mode], stdout=subprocess.PIPE, check=True,
                                 universal_newlines=True).stdout
            result["peak_" + mode] = int(out.split()[-1])
    except Exception as exc:
        result = {"error": "%s: %s" % (type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
