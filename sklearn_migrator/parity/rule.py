"""The parity rule: exact, unless a stated reason says otherwise.

A rebuilt estimator's outputs are compared with its source's, output by
output (:mod:`.outputs`). Every output must be bit-identical, with three
exceptions, none of them for labels or indices (discrete outputs are exact,
always) and none within one environment (the same release on the same numeric
stack computes with the same arithmetic, so none of the conditions below can
hold there):

- a float output may differ by at most the bound (in ulps, :mod:`.ulps`) of a
  reason in :data:`.reasons.REASONS` naming the output's class and that output,
  and applying to the pair of releases: a reason in the arithmetic libraries
  applies only where source and target run on different numeric stacks
  (numpy or scipy versions, or a CPU with other SIMD extensions, whose kernels
  numpy and OpenBLAS pick at run time: a file written by the same release on
  another machine); a reason in scikit-learn's code only where the pair crosses the
  release that changed it;
- a member of a composite is judged as itself, on the input the source's
  composite handed it (``"<path>:<output>"`` outputs);
- a composite's own outputs are judged only by reasons that name it, which
  apply only where one of its members was seen to differ as that member's
  own reason allows.

Judging is split from observing (:func:`differences`), so the matrix can keep
what it observed and re-judge it (``sklearn-migrator matrix --from-results``).
"""
from __future__ import annotations

import numpy as np

from .outputs import DISCRETE, INPUT, member_at, offered
from .reasons import REASONS
from .ulps import max_ulps


class Pair:
    """A source and a target release, and whether they run the same numeric stack
    (numpy and scipy versions on the same kind of CPU: ``same_stack``)."""

    __slots__ = ("source", "target", "same_stack")

    def __init__(self, source, target, same_stack: bool):
        self.source, self.target, self.same_stack = str(source), str(target), bool(same_stack)

    def __repr__(self):
        return "Pair(%s -> %s, %s stack)" % (self.source, self.target, "same" if self.same_stack else "other")

    @classmethod
    def of(cls, source, source_stack, target, target_stack):
        """A pair from two releases and their numeric stacks (:func:`.stacks.stack`); an
        unknown stack (None) counts as a different one."""
        return cls(source, target, source_stack is not None and source_stack == target_stack)


def differences(expected: dict, actual: dict, estimator) -> list:
    """Every output of ``expected`` that ``actual`` does not reproduce bit for bit, as
    ``{"output", "class", "kind", "ulps"}`` records (JSON-ready): ``kind`` is
    ``"missing"``, ``"shape"``, ``"dtype"``, ``"discrete"`` or ``"float"`` (then
    ``ulps`` is the largest distance); ``class`` is the class whose reasons judge it
    (the member's, for a member's output). Outputs of methods the target's class
    lacks are not compared."""
    found = []
    for name, want in expected.items():
        if name.endswith(":" + INPUT):
            continue  # the input handed to a member: what it is judged on, not an output
        owner = _owner(estimator, name)
        if owner is None:  # the member the source had is not there
            found.append({"output": name, "class": None, "kind": "missing", "ulps": None})
            continue
        if not offered(owner, name.split(":")[-1]):
            continue
        got = actual.get(name)
        record = {"output": name, "class": judged_as(owner), "ulps": None}
        want = np.asarray(want)
        if got is None:
            record["kind"] = "missing"
        elif np.shape(got) != want.shape:
            record["kind"] = "shape"
        elif np.asarray(got).dtype != want.dtype:
            record["kind"] = "dtype"
        elif np.array_equal(want, got, equal_nan=want.dtype.kind in "fc"):
            continue
        elif want.dtype.kind not in "fc" or name.split(":")[-1].split("[")[0] in DISCRETE:
            record["kind"] = "discrete"
        else:
            record["kind"], record["ulps"] = "float", max_ulps(want, got)
        found.append(record)
    return found


def judge(found: list, pair: Pair):
    """``("exact" | "close" | "fail", {output: detail})`` for the :func:`differences`
    of a comparison across ``pair``; ``detail`` is ``{"kind", "ulps", "reason"}``,
    ``reason`` the index in REASONS of the reason that allows the difference (None:
    nothing does)."""
    if not found:
        return "exact", {}
    details = {}
    # members before their composites, and an estimator's outputs before those derived from them
    for record in sorted(found, key=_judging_order):
        reason = None
        if record["kind"] == "float":
            owner, _, output = record["output"].rpartition(":")
            close = {name: detail["ulps"] for name, detail in details.items() if detail["reason"] is not None}
            reason = find_reason(record["class"], output, pair, record["ulps"], Context(owner, close, output,
                                                                                        record["ulps"]))
        details[record["output"]] = {"kind": record["kind"], "ulps": record["ulps"], "reason": reason}
    status = "close" if all(detail["reason"] is not None for detail in details.values()) else "fail"
    return status, details


class Context:
    """What a reason may look at besides the pair: the path of the estimator whose
    output is judged (``""`` for the top level), the outputs found close so far
    (``{name: ulps}``), and the output judged and its distance."""

    __slots__ = ("owner", "close", "output", "ulps")

    def __init__(self, owner, close, output=None, ulps=None):
        self.owner, self.close, self.output, self.ulps = owner, close, output, ulps

    def member_close(self) -> bool:
        """Whether an output of one of the owner's members (at any depth) is close."""
        prefix = self.owner + "/" if self.owner else ""
        return any(name.startswith(prefix) and name.rpartition(":")[0] != self.owner for name in self.close)

    def member_as_close(self, member) -> bool:
        """Whether ``member``'s same output was found close, differing at least as much."""
        name = "%s%s:%s" % (self.owner + "/" if self.owner else "", member, self.output)
        return name in self.close and self.ulps <= self.close[name]

    def own_close(self, outputs) -> bool:
        """Whether one of the owner's own ``outputs`` is close."""
        prefix = self.owner + ":" if self.owner else ""
        return any(prefix + output in self.close for output in outputs)


def _judging_order(record):
    owner, _, output = record["output"].rpartition(":")
    return (-(owner.count("/") + bool(owner)), output.startswith("score"))


def find_reason(cls, output, pair, ulps, context=None):
    """The index in REASONS of the first reason allowing ``output`` of ``cls`` to
    differ by ``ulps`` across ``pair`` (in ``context``, a :class:`Context`), or None."""
    context = context or Context("", {})
    for index, reason in enumerate(REASONS):
        bound = reason.bound(cls, output)
        if bound is not None and ulps <= bound and reason.applies(pair, context):
            return index
    return None


def verdict(expected: dict, actual: dict, estimator, pair: Pair):
    """Apply the parity rule to ``estimator``'s ``actual`` outputs against the source's
    ``expected`` ones, across ``pair``: :func:`judge` of the :func:`differences`."""
    return judge(differences(expected, actual, estimator), pair)


def judged_as(estimator) -> str:
    """The class name whose reasons judge ``estimator``: its own, or, for a
    ``sklearn_migrator.compat`` subclass keeping a source release's computation,
    its scikit-learn base's."""
    for cls in type(estimator).__mro__:
        if cls.__module__ != "sklearn_migrator.compat":
            return cls.__name__
    return type(estimator).__name__


def _owner(estimator, name):
    """The estimator an output comes from: ``estimator``, or its member at the path
    before the ``:`` (None if there is none there)."""
    return estimator if ":" not in name else member_at(estimator, name.rsplit(":", 1)[0])
