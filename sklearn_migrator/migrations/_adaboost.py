"""AdaBoostClassifier's outputs, as each era of scikit-learn computes them.

Three releases changed them: 0.22 derived ``predict_proba`` from the decision
function (PR #14114), 1.3 made SAMME's votes symmetric, 1.6 dropped SAMME.R
(deprecating ``algorithm``). A model crossing one of them is rebuilt as the
:mod:`sklearn_migrator.compat` subclass computing that output as its source
did; since a model may cross several, the subclass is looked up by two
coordinates, (votes, probabilities), in ``families.ADABOOST_KINDS``, and each
step changes one coordinate only.
"""
from __future__ import annotations

from . import Step
from .families import ADABOOST_CLASSIFIERS, ADABOOST_KINDS

VOTES, PROBABILITIES = 0, 1
_KIND = {cls: kind for kind, cls in ADABOOST_KINDS.items()}


def kind(node):
    """(votes, probabilities) of an AdaBoostClassifier node (None, None: the plain class)."""
    return _KIND[node.cls]


def rebuild(node, migration, path, axis, value, what=None):
    """Set one coordinate of the node's kind; ``what`` (the output that changed, which
    release) is noted where a model is rebuilt as a compat subclass."""
    new = list(kind(node))
    new[axis] = value
    node.cls = ADABOOST_KINDS[tuple(new)]
    if what is not None:
        migration.note(path, "%s; this AdaBoostClassifier was rebuilt as %s, which computes its outputs as "
                             "scikit-learn %s does" % (what, node.cls, migration.source))


def _across(release, axis, native, kept, applies, what):
    """One direction of :func:`changed`: a model carrying the target side's way (``native``)
    gets the plain computation back; a plain fitted one where ``applies`` keeps its source's
    (``kept``)."""
    def apply(node, migration, path):
        value = kind(node)[axis]
        if value == native:
            rebuild(node, migration, path, axis, None)
        elif value is None and "estimators_" in node.state and applies(node):
            rebuild(node, migration, path, axis, kept, "%s changed in scikit-learn %s" % (what, release))
    return apply


def changed(release, summary, axis, before, since, applies, what):
    """``release`` changed the coordinate ``axis`` of the models where ``applies(node)``:
    carried up across it they keep ``before`` (the computation of the releases before),
    carried down ``since``; either is dropped when the model comes back to its side."""
    return Step(release, summary, ADABOOST_CLASSIFIERS, _across(release, axis, since, before, applies, what),
                _across(release, axis, before, since, applies, what))
