"""Write tests/fixtures/param_names.json: the constructor parameters of every
supported estimator in every release head, as recorded by the shared attribute
atlas (``../shared/atlas/atlas.json``, made from real environments). Supported
estimators the atlas does not cover are read from real environments too: the
release heads' environments of the matrix (built with uv when missing).

    python scripts/param_names_from_atlas.py [ATLAS_JSON] [--cache-dir DIR]
"""
import argparse
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

# Run inside a release's environment: the parameters of the named classes it has.
_PROBE = """
import importlib, json, sys
found = {}
for name, modules in json.loads(sys.argv[1]).items():
    for module in modules:
        try:
            cls = getattr(importlib.import_module(module), name.rsplit(".", 1)[1], None)
        except ImportError:
            continue
        if isinstance(cls, type):
            found[name] = sorted(cls._get_param_names())
            break
print(json.dumps(found))
"""


def from_environments(entries, cache_dir):
    """``{class name: {release: [params]}}`` for the registry ``entries``, from each release head."""
    from sklearn_migrator.matrix.environments import RELEASE_HEADS, ensure

    request = json.dumps({entry.name: entry.modules for entry in entries})
    names = {}
    for release in RELEASE_HEADS:
        output = subprocess.run([ensure(release, cache_dir), "-c", _PROBE, request], stdout=subprocess.PIPE,
                                universal_newlines=True, check=True).stdout
        for name, params in json.loads(output).items():
            names.setdefault(name.rsplit(".", 1)[1], {})[release] = params
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("atlas", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "atlas", "atlas.json"))
    parser.add_argument("--cache-dir",
                        default=os.path.join(os.path.expanduser("~"), ".cache", "sklearn-migrator", "envs"),
                        help="environments of the release heads (as for `sklearn-migrator matrix`)")
    args = parser.parse_args()
    from sklearn_migrator.registry import ENTRIES

    with open(args.atlas) as handle:
        atlas = json.load(handle)["estimators"]
    supported = [entry for entry in ENTRIES.values() if entry.top_level]
    names = {entry.class_name: {version: sorted(params) for version, params in
                                atlas[entry.class_name]["params_defaults"].items()}
             for entry in supported if entry.class_name in atlas}
    names.update(from_environments([entry for entry in supported if entry.class_name not in names], args.cache_dir))
    out = os.path.join(HERE, "..", "tests", "fixtures", "param_names.json")
    with open(out, "w") as handle:
        json.dump(names, handle, indent=1, sort_keys=True)
    print("wrote %d estimators to %s" % (len(names), os.path.abspath(out)))


if __name__ == "__main__":
    main()
