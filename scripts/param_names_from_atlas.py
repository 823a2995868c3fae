"""Write tests/fixtures/param_names.json: the constructor parameters of every
top-level estimator of the registry in every release head, as recorded by the
shared attribute atlas (``../shared/atlas/atlas.json``, made from real
environments), or, for classes the atlas did not fit, read from each release's
own environment (built or reused in ``--cache-dir`` like the matrix's).

    python scripts/param_names_from_atlas.py [ATLAS_JSON] [--cache-dir DIR]
"""
import argparse
import json
import os
import subprocess

from sklearn_migrator.matrix.environments import RELEASE_HEADS, ensure
from sklearn_migrator.registry import ENTRIES

HERE = os.path.dirname(os.path.abspath(__file__))
# Prints {class name: sorted parameters} for the classes (module, name) this release has.
_PROBE = """
import importlib, json, sys
found = {}
for module, name in json.loads(sys.argv[1]):
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        continue
    found[name] = sorted(cls._get_param_names())
print(json.dumps(found))
"""


def from_environments(classes, cache_dir):
    """``{class name: {release: [parameters]}}`` read in each release head's environment."""
    names = {}
    wanted = json.dumps([entry.name.rsplit(".", 1) for entry in classes])
    for release in RELEASE_HEADS:
        python = ensure(release, cache_dir)
        found = json.loads(subprocess.run([python, "-c", _PROBE, wanted], stdout=subprocess.PIPE, check=True,
                                          universal_newlines=True).stdout)
        for name, params in found.items():
            names.setdefault(name, {})[release] = params
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("atlas", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "atlas", "atlas.json"))
    parser.add_argument("--cache-dir", default=os.path.expanduser("~/.cache/sklearn-migrator/envs"))
    args = parser.parse_args()
    with open(args.atlas) as handle:
        atlas = json.load(handle)["estimators"]
    top_level = [entry for entry in ENTRIES.values() if entry.top_level]
    names = {entry.class_name: {version: sorted(params) for version, params in
                                atlas[entry.class_name]["params_defaults"].items()}
             for entry in top_level if entry.class_name in atlas}
    missing = [entry for entry in top_level if entry.class_name not in atlas]
    if missing:
        names.update(from_environments(missing, args.cache_dir))
    out = os.path.join(HERE, "..", "tests", "fixtures", "param_names.json")
    with open(out, "w") as handle:
        json.dump(names, handle, indent=1, sort_keys=True)
    print("wrote %d estimators to %s" % (len(names), os.path.abspath(out)))


if __name__ == "__main__":
    main()
