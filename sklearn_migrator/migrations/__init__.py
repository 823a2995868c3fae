"""Migration steps: carrying a state tree from one scikit-learn release to another.

Like database migrations, each upstream change that alters an estimator's
state (a renamed attribute, a moved class, a new tree-node field) is one
:class:`Step` with an ``up`` (older -> newer) and a ``down`` (newer -> older)
function, tied to the release that introduced the change. The steps of one
release live in one module, ``v<major>_<minor>.py``, listed in ``RELEASES``;
supporting a new scikit-learn release means adding that module.

Going from release A to release B applies, in order, ``up`` of every step
introduced after A up to B, or ``down`` of every step introduced after B up
to A, newest first. A step's functions receive each node of the classes it
names and rewrite it in place; they may record a note (a parameter dropped,
an equivalent construction used) that ends up in the migration report.

A migration is only attempted between release lines listed in
``VERIFIED_LINES``: lines whose steps the cross-version matrix has proven.
Anything else is refused with :class:`~sklearn_migrator.errors.MigrationError`
rather than risk a silently different prediction.
"""
from __future__ import annotations

import importlib

from ..errors import MigrationError, StateValidationError
from ..tree import iter_nodes
from ..versions import has_release, parse

#: Modules of steps, one per scikit-learn release that changed estimator state, oldest first.
RELEASES = ("v0_21", "v0_22", "v0_23", "v0_24", "v1_0", "v1_1", "v1_2", "v1_3", "v1_4", "v1_5", "v1_6",
            "v1_7", "v1_8", "v1_9")

#: (major, minor) release lines between which migration has been verified end to end by
#: ``sklearn-migrator matrix`` (docs/matrix/matrix.md): every configuration of every pair
#: passes the parity rule, or is a declared gap that the steps report as a warning.
VERIFIED_LINES = frozenset([(0, 20), (0, 21), (0, 22), (0, 23), (0, 24), (1, 0), (1, 1), (1, 2), (1, 3), (1, 4),
                            (1, 5), (1, 6), (1, 7), (1, 8), (1, 9)])


class Step:
    """One upstream change, and how to move state across it in both directions.

    ``params_added``/``params_removed`` declare how the release changed the set of
    constructor parameters of ``classes``; :func:`param_names_at` uses them to tell
    which attributes of an old pickled estimator were parameters.
    """

    def __init__(self, release, summary, classes, up, down, params_added=(), params_removed=()):
        self.release = parse(release)
        self.summary = summary
        self.classes = frozenset(classes)
        self.up = up
        self.down = down
        self.params_added = frozenset(params_added)
        self.params_removed = frozenset(params_removed)

    def __repr__(self):
        return "Step(%s: %s)" % (self.release, self.summary)


class Migration:
    """What one migration did: passed to every step function, returned to the caller."""

    def __init__(self, source, target):
        self.source = parse(source)
        self.target = parse(target)
        self.applied = []
        self.notes = []

    def note(self, path, message):
        """Record something the user should know (a dropped parameter, an equivalent rebuild)."""
        self.notes.append("%s: %s" % (path or "estimator", message))


def load_steps(modules=None) -> list:
    """All steps of the release modules, oldest release first."""
    steps = []
    for name in RELEASES if modules is None else modules:
        module = name if not isinstance(name, str) else importlib.import_module("%s.%s" % (__name__, name))
        steps.extend(module.STEPS)
    return sorted(steps, key=lambda step: step.release)


def plan(source, target, steps) -> list:
    """``[(step, function)]`` that carries state from ``source`` to ``target``, in order."""
    source, target = parse(source), parse(target)
    if target >= source:
        return [(step, step.up) for step in steps
                if not has_release(source, step.release) and has_release(target, step.release)]
    return [(step, step.down) for step in reversed(steps)
            if has_release(source, step.release) and not has_release(target, step.release)]


def param_names_at(cls: str, version, names, installed, steps=None) -> set:
    """The constructor parameters of ``cls`` in release ``version``, given its ``names``
    in the ``installed`` release, from the parameter changes the steps declare."""
    names = set(names)
    for step, function in plan(installed, version, load_steps() if steps is None else steps):
        if cls in step.classes:
            going_up = function is step.up
            names -= step.params_removed if going_up else step.params_added
            names |= step.params_added if going_up else step.params_removed
    return names


def migrate(tree, source, target, steps=None, verified_lines=None, allow_unverified=False) -> Migration:
    """Rewrite ``tree`` in place from release ``source`` to ``target``; return what was done."""
    migration = Migration(source, target)
    if migration.source == migration.target:
        return migration
    lines = VERIFIED_LINES if verified_lines is None else verified_lines
    unverified = [str(v) for v in (migration.source, migration.target) if v.minor not in lines]
    if unverified and not allow_unverified:
        first, last = min(lines), max(lines)
        raise MigrationError(
            "migrating between releases is not verified for scikit-learn %s (supported: %d.%d to %d.%d)"
            % (" and ".join(unverified), first[0], first[1], last[0], last[1]),
            source_version=str(migration.source), target_version=str(migration.target),
            hint="Rebuild the document under the scikit-learn release it was written with, or pass "
                 "allow_unverified=True to attempt it and check the outputs yourself")
    if unverified:
        migration.note("", "migration between scikit-learn %s and %s is not verified by the version matrix"
                       % (migration.source, migration.target))
    for step, function in plan(source, target, load_steps() if steps is None else steps):
        for path, node in list(iter_nodes(tree)):
            if node.cls in step.classes:
                try:
                    function(node, migration, path)
                except (LookupError, TypeError, ValueError, AttributeError) as exc:
                    # Steps rely on the state being what the release wrote; a corrupt or forged
                    # document can break that before the builder's validation runs.
                    raise StateValidationError(
                        "the state does not have the shape %s expects (%s: %s)" % (step, type(exc).__name__, exc),
                        path=path or None, source_version=str(migration.source),
                        target_version=str(migration.target),
                        hint="The document or file is corrupt; export it again from its source")
        migration.applied.append("%s %s" % ("up" if function is step.up else "down", step))
    return migration
