"""Building blocks for migration steps: the kinds of change that recur across releases.

Each function returns a :class:`Step`; a release module lists them. Step
functions receive ``(node, migration, path)`` and rewrite the node in place.
"""
from __future__ import annotations

import numpy as np

from ..errors import MigrationError
from ..objects.sparse import shape_of
from ..objects.tree import n_features_of
from . import Step

_MISSING = object()


def _same(a, b) -> bool:
    try:
        return bool(type(a) is type(b) and a == b) or (a is None and b is None)
    except (TypeError, ValueError):
        return False


def _same_value(a, b) -> bool:
    return _same(a, b) or (isinstance(a, float) and isinstance(b, float) and a != a and b != b)  # NaN defaults


def refuse(migration, path, message, hint):
    """Raise the MigrationError of a model the target release cannot compute faithfully."""
    raise MigrationError(message, path=path or None, source_version=str(migration.source),
                         target_version=str(migration.target), hint=hint)


def _drop_param(node, migration, path, name, default, why, changes):
    value = node.params.pop(name, default)
    if _same_value(value, default) or (isinstance(value, str) and value == "deprecated"):
        return
    if changes is not None:
        refuse(migration, path, "%s=%r changes %s, which scikit-learn %s cannot express"
               % (name, value, changes, migration.target),
               "Keep the model on a release that has %s, or refit it with %s=%r" % (name, name, default))
    migration.note(path, "parameter %s=%r has no equivalent in scikit-learn %s and was dropped (%s)"
                   % (name, value, migration.target, why))


def param_added(release, classes, name, default, why="it only affects fitting", changes=None):
    """``release`` added constructor parameter ``name``; older releases behave as its ``default``.
    Going down, another value is dropped with a note (``why`` it does not matter), or, if
    it ``changes`` the fitted model's outputs (a description), refused."""
    def up(node, migration, path):
        node.params.setdefault(name, default)

    def down(node, migration, path):
        _drop_param(node, migration, path, name, default, why, changes)

    return Step(release, "parameter %s added (default %r)" % (name, default), classes, up, down,
                params_added=[name])


def param_removed(release, classes, name, default, why="it only affects fitting", changes=None):
    """``release`` removed parameter ``name``; older releases get ``default`` back."""
    added = param_added(release, classes, name, default, why, changes)
    return Step(release, "parameter %s removed" % name, classes, added.down, added.up, params_removed=[name])


def param_values(release, classes, name, mapping, one_way=False):
    """``release`` renamed values of parameter ``name`` (``{old: new}``). ``one_way``
    marks old values that were placeholders for a new one (a 'warn' default meaning
    'ovr'): older releases accept the new value as it is, so going down changes nothing."""
    inverse = {} if one_way else {new: old for old, new in mapping.items()}

    def rename(table):
        def apply(node, migration, path):
            value = node.params.get(name)
            if isinstance(value, str) and value in table:
                node.params[name] = table[value]
        return apply

    return Step(release, "values of %s renamed: %s" % (name, mapping), classes, rename(mapping), rename(inverse))


def value_added(release, classes, name, values, what):
    """``release`` added ``values`` of parameter ``name`` (``what`` they are: "the Poisson
    loss"); older releases have no equivalent, so a model using one is refused going down."""
    def down(node, migration, path):
        value = node.params.get(name)
        if isinstance(value, str) and value in values:
            refuse(migration, path, "%s=%r (%s) does not exist in scikit-learn %s" % (name, value, what,
                                                                                    migration.target),
                   "Keep the model on scikit-learn %s or newer, or refit it with another %s" % (release, name))

    return Step(release, "values %s of %s added" % (", ".join(values), name), classes, unchanged, down)


def _renamed_value(params, old, new, default):
    """The value in force while ``old`` is deprecated in favour of ``new`` (None meaning ``default``)."""
    if params.get(old, "deprecated") != "deprecated":
        return params[old]
    return default if params.get(new) is None else params[new]


def param_renamed(release, classes, old, new, default):
    """``release`` renamed parameter ``old`` to ``new`` with a deprecation: ``old``
    stays, set to 'deprecated', and ``new`` defaults to None, meaning ``default``."""
    def up(node, migration, path):
        node.params[new] = node.params.pop(old, default)
        node.params[old] = "deprecated"

    def down(node, migration, path):
        node.params[old] = _renamed_value(node.params, old, new, default)
        node.params.pop(new, None)

    return Step(release, "parameter %s renamed %s" % (old, new), classes, up, down, params_added=[new])


def param_rename_completed(release, classes, old, new, default):
    """``release`` removed the deprecated ``old`` of :func:`param_renamed`; ``new``
    defaults to ``default`` itself."""
    def up(node, migration, path):
        node.params[new] = _renamed_value(node.params, old, new, default)
        node.params.pop(old, None)

    def down(node, migration, path):
        node.params[old] = "deprecated"

    return Step(release, "deprecated parameter %s removed (use %s)" % (old, new), classes, up, down,
                params_removed=[old])


def state_renamed(release, classes, old, new):
    """``release`` renamed fitted attribute ``old`` to ``new``."""
    def move(source, target):
        def apply(node, migration, path):
            if source in node.state:
                node.state[target] = node.state.pop(source)
        return apply

    return Step(release, "attribute %s renamed %s" % (old, new), classes, move(old, new), move(new, old))


def state_added(release, classes, name, compute):
    """``release`` added fitted attribute ``name``, derived for older state by ``compute(node)``
    (which may return ``_MISSING`` to leave it out)."""
    def up(node, migration, path):
        if name not in node.state:
            value = compute(node)
            if value is not _MISSING:
                node.state[name] = value

    def down(node, migration, path):
        node.state.pop(name, None)

    return Step(release, "attribute %s added" % name, classes, up, down)


def state_removed(release, classes, name, compute):
    """``release`` removed fitted attribute ``name``; ``compute(node)`` restores it for older releases."""
    added = state_added(release, classes, name, compute)
    return Step(release, "attribute %s removed" % name, classes, added.down, added.up)


def class_renamed(release, old, new):
    """``release`` renamed class ``old`` (canonical path) to ``new``."""
    def rename(source, target):
        def apply(node, migration, path):
            if node.cls == source:
                node.cls = target
        return apply

    return Step(release, "class %s renamed %s" % (old, new), [old, new], rename(old, new), rename(new, old))


def _rebuilt(release, plain, native, compat, applies, what):
    """The step function of :func:`output_changed` in one direction: ``native`` (the compat
    class computing the output as the target side of ``release`` does) becomes ``plain``
    again; ``plain`` becomes ``compat`` where ``applies``."""
    def apply(node, migration, path):
        if node.cls == native:
            node.cls = plain
        elif node.cls == plain and applies(node):
            node.cls = compat
            migration.note(path, "%s changed in scikit-learn %s; it was rebuilt as %s, which computes it as "
                                 "scikit-learn %s does" % (what, release, compat, migration.source))
    return apply


def output_changed(release, summary, plain, compat_before, compat_since, applies, what):
    """``release`` changed the arithmetic of an output of class ``plain`` (``what``: "a
    multiclass SVC's one-vs-rest decision_function"), for the models where
    ``applies(node)`` holds. Carried up across ``release``, such a model is rebuilt as
    ``compat_before``, the :mod:`sklearn_migrator.compat` subclass computing the output as
    the releases before it did; carried down, as ``compat_since``, computing it as
    ``release`` and later do. Either becomes ``plain`` again when carried back to a
    release that computes its output natively, so a round trip gives back the plain class."""
    return Step(release, summary, [plain, compat_before, compat_since],
                _rebuilt(release, plain, compat_since, compat_before, applies, what),
                _rebuilt(release, plain, compat_before, compat_since, applies, what))


def refused_across(what, applies):
    """``(up, down)`` refusing nodes for which ``applies(node)`` holds: ``what`` (an output)
    is computed differently on either side of the release, and neither side can be made
    to compute the other's."""
    def refuse_applying(node, migration, path):
        if applies(node):
            refuse(migration, path, "%s differ between scikit-learn %s and %s" % (what, migration.source,
                                                                                 migration.target),
                   "Keep the model on a release on the same side of the change, or refit it there")
    return refuse_applying, refuse_applying


def unchanged(node, migration, path):
    """A direction in which a step has nothing to do."""


def when_fitted(key, compute):
    """A ``compute`` for fitted nodes only (those holding ``key``): an unfitted template
    (a pipeline's or ensemble's unfitted parameter) gets nothing."""
    return lambda node: compute(node) if key in node.state else _MISSING


def constant(value):
    """A ``compute`` that always gives ``value``."""
    return lambda node: value


def copy_of(name):
    """A ``compute`` that copies another attribute (when present)."""
    return lambda node: node.state.get(name, _MISSING)


def missing(node):
    """A ``compute`` for an attribute older state cannot provide (left out; outputs do not use it)."""
    return _MISSING


def n_features(node):
    """The number of input features of an estimator, from whatever its state holds."""
    state = node.state
    declared = n_features_of(state)
    if declared is not None:
        return declared
    for key, axis in (("coef_", -1), ("_fit_X", 1), ("support_vectors_", 1), ("cluster_centers_", 1),
                      ("components_", 1), ("theta_", 1), ("feature_count_", 1), ("means_", 1), ("centroids_", 1)):
        shape = shape_of(state.get(key))  # (samples and support vectors may be sparse)
        if shape:
            return int(shape[axis])
    coefs = state.get("coefs_")
    if isinstance(coefs, list) and coefs:
        return int(coefs[0].shape[0])
    for key in ("n_input_features_", "_n_features"):  # PolynomialFeatures (until 1.0), ColumnTransformer
        if isinstance(state.get(key), int):
            return state[key]
    # Transformers: their per-feature statistics (last axis), quantiles, per-feature lists.
    for key in ("mean_", "scale_", "var_", "data_min_", "max_abs_", "center_", "quantiles_",
                "statistics_", "variances_", "scores_", "_mask_fit_X", "bin_edges_", "categories_"):
        value = state.get(key)
        if isinstance(value, np.ndarray) and value.ndim >= 1:
            return int(value.shape[-1]) if value.dtype != object else len(value)
        if isinstance(value, list):
            return len(value)
    return _MISSING
