"""Generate sklearn_migrator/data/param_types.json: the kinds of value each estimator parameter
takes, from the ``_parameter_constraints`` of scikit-learn 1.2 and later.

Releases before 1.2 declare no constraints; there, sklearn-migrator checks a parameter's
*kind* (number, string, boolean, None, callable, object, container) against the union of
the kinds 1.2+ accept for it and the kind of its default in each older release named
(``FunctionTransformer(validate=None)`` in 0.20-0.21, ``n_iter_no_change=None`` in 0.21's
histogram boosting), never its range or its string options (those changed across
releases). A parameter no 1.2+ release has (``presort``, ``normalize``...) is not in the
table and is not checked there.

    python scripts/make_param_types.py --cache-dir /work/cache/envs \
        0.20.4 0.21.3 0.22.2.post1 0.23.2 0.24.2 1.0.2 1.1.3 1.2.2 1.3.2 ... 1.9.1

Each release's environment (``<cache-dir>/sklearn-<version>``, as the matrix makes them)
runs this file with ``--worker`` and prints its table (constraints from 1.2, defaults
before); the tables are merged.
"""
import argparse
import json
import os
import subprocess
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "sklearn_migrator", "data", "param_types.json")


def _kinds(constraint) -> set:
    """The kinds of value a 1.2+ constraint accepts."""
    import numbers

    from sklearn.utils import _param_validation as pv

    if constraint is None:
        return {"none"}
    if isinstance(constraint, str):
        return {"boolean": {"bool"}, "array-like": {"container", "object"}, "sparse matrix": {"object"},
                "random_state": {"int", "none", "object"}, "verbose": {"int", "bool"},
                "cv_object": {"int", "none", "object", "container"}, "missing_values": {"real", "str", "none"},
                "nan": {"real"}, "no_validation": {"any"}}.get(constraint, {"any"})
    if constraint is callable:
        return {"callable"}
    hidden = getattr(pv, "Hidden", None)
    if hidden is not None and isinstance(constraint, hidden):
        return _kinds(constraint.constraint)
    if isinstance(constraint, getattr(pv, "Interval", ())):
        return {"int"} if constraint.type is numbers.Integral else {"real"}
    if isinstance(constraint, getattr(pv, "StrOptions", ())):
        return {"str"}
    if isinstance(constraint, getattr(pv, "Options", ())):
        return _type_kinds(constraint.type)
    if isinstance(constraint, getattr(pv, "HasMethods", ())):
        return {"object"}
    if isinstance(constraint, getattr(pv, "MissingValues", ())):
        return {"real", "str", "none"}
    if isinstance(constraint, type):
        return _type_kinds(constraint)
    return {"any"}  # a constraint object this script does not know: accept anything


def _type_kinds(kind) -> set:
    import numbers

    import numpy as np

    if kind is bool:
        return {"bool"}
    if isinstance(kind, type) and issubclass(kind, numbers.Integral):
        return {"int"}
    if isinstance(kind, type) and issubclass(kind, numbers.Real):
        return {"real"}
    if kind is str:
        return {"str"}
    if kind in (dict, list, tuple, np.ndarray):
        return {"container"}
    if kind is type(None):
        return {"none"}
    return {"object"}


def _value_kind(value) -> str:
    if value is None:
        return "none"
    if callable(value) and not hasattr(value, "get_params"):
        return "callable"
    kinds = _type_kinds(type(value))
    return next(iter(kinds))


def _estimators():
    """``(name, class)`` of the public estimators of the installed scikit-learn (walked by hand
    before 0.22, whose ``all_estimators`` imports test modules that need pytest)."""
    try:
        from sklearn.utils import all_estimators
        return all_estimators()
    except ImportError:
        pass
    import importlib
    import inspect
    import pkgutil

    import sklearn
    from sklearn.base import BaseEstimator

    found = {}
    for module_info in pkgutil.walk_packages(sklearn.__path__, "sklearn."):
        if ".tests" in module_info.name or "externals" in module_info.name or "._" in module_info.name:
            continue
        try:
            module = importlib.import_module(module_info.name)
        except Exception:  # a module that needs an optional package
            continue
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseEstimator) and not name.startswith("_") and cls.__module__.startswith("sklearn"):
                found[name] = cls
    return sorted(found.items())


def worker():
    import inspect
    import warnings

    import sklearn

    warnings.simplefilter("ignore")
    table, defaults = {}, {}
    for name, cls in _estimators():
        constraints = getattr(cls, "_parameter_constraints", None)
        if not isinstance(constraints, dict):
            defaults[name] = {param.name: [_value_kind(param.default)]
                              for param in inspect.signature(cls.__init__).parameters.values()
                              if param.default is not inspect.Parameter.empty}
            continue
        params = table.setdefault(name, {})
        for param, allowed in constraints.items():
            params[param] = sorted(set().union(*(_kinds(c) for c in allowed)) if isinstance(allowed, list)
                                   else {"any"})
    json.dump({"sklearn": sklearn.__version__, "table": table, "defaults": defaults}, sys.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("versions", nargs="*")
    parser.add_argument("--cache-dir")
    parser.add_argument("--worker", action="store_true")
    args = parser.parse_args()
    if args.worker:
        return worker()
    merged, releases, defaults = {}, [], []
    for version in args.versions:
        python = os.path.join(args.cache_dir, "sklearn-%s" % version, "bin", "python")
        found = json.loads(subprocess.run([python, os.path.abspath(__file__), "--worker"], check=True,
                                          stdout=subprocess.PIPE).stdout)
        releases.append(found["sklearn"])
        defaults.append(found["defaults"])
        for name, params in found["table"].items():
            for param, kinds in params.items():
                merged.setdefault(name, {}).setdefault(param, set()).update(kinds)
    for table in defaults:  # an older release's default is a kind it accepts (only where 1.2+ declares any)
        for name, params in table.items():
            for param, kinds in params.items():
                if param in merged.get(name, {}):
                    merged[name][param].update(kinds)
    data = {"generated_by": "scripts/make_param_types.py", "releases": releases,
            "classes": {name: {param: sorted(kinds) for param, kinds in sorted(params.items())}
                        for name, params in sorted(merged.items())}}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print("%d classes from %s -> %s" % (len(merged), ", ".join(releases), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
