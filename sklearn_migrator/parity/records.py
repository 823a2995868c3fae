"""Reference outputs kept with an exported model, and the check of a rebuilt one against them.

The matrix harness and the fixture scripts store, beside each document or
pickle, what the source release computed (:func:`reference`); a test or the
matrix rebuilds the model anywhere and judges it against that record
(:func:`check`).
"""
from __future__ import annotations

import sklearn

from ..codec import decode_tree, encode_tree
from .outputs import NO_TARGET, outputs, recorded_inputs
from .refusals import expected_refusal
from .rule import Pair, differences, judge
from .stacks import stack


def reference(estimator, case, data) -> dict:
    """The record fields of a fitted zoo configuration: its outputs on the query rows
    (members' included), the targets ``score`` was computed against, and the
    release and numeric stack that computed them."""
    X, y = case.query(data), case.query_target(data)
    fields = {"sklearn_version": sklearn.__version__, "stack": stack()}
    if y is not None:
        fields["score_y"] = encode_tree(y, "base64")
    elif case.data == "none" and case.inputs != "labels":
        fields["score_y"], y = NO_TARGET, NO_TARGET
    fields["outputs"] = encode_tree(outputs(estimator, X, y), "base64")
    return fields


def observe(record, estimator, data) -> list:
    """The :func:`~.rule.differences` of ``estimator`` (rebuilt here) from the source's
    outputs in ``record``, on the same rows, targets and member inputs."""
    from ..zoo import Case

    X = Case.of_record(record).query(data)
    y = record.get("score_y")
    y = y if y is None or y == NO_TARGET else decode_tree(y)
    expected = decode_tree(record["outputs"])
    return differences(expected, outputs(estimator, X, y, inputs=recorded_inputs(expected)), estimator)


def check(record, estimator, data):
    """``(status, details)``: the parity rule applied to what :func:`observe` finds."""
    pair = Pair.of(record["sklearn_version"], record.get("stack"), sklearn.__version__, stack())
    return judge(observe(record, estimator, data), pair)


def judge_result(result: dict) -> dict:
    """Set a matrix result's ``status`` and ``detail`` from what was observed (its
    ``differences`` and ``stacks``, or its ``refusal``), by the parity rule and the
    expected refusals; the matrix calls it when checking and again when a report
    is made from stored results, so a changed rule re-judges old observations."""
    if result.get("status") in ("error", "absent"):
        return result
    expected = expected_refusal(result["case"], result["source"], result["target"])
    if "refusal" in result:
        message = result["refusal"]
        if expected is None:
            result.update(status="fail", detail="unexpected refusal: " + message)
        elif expected.match not in message:
            result.update(status="fail", detail="refused for another reason than expected (%s): %s"
                          % (expected.because, message))
        else:
            result.update(status="refused", detail=message)
        return result
    source_stack, target_stack = result.get("stacks") or (None, None)
    pair = Pair.of(result["source"], source_stack, result["target"], target_stack)
    status, details = judge(result["differences"], pair)
    if expected is not None:
        status, details = "fail", "expected to be refused (%s), but it was migrated" % expected.because
    result.update(status=status, detail=details)
    return result
