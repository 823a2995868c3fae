"""The parity rule itself: what it must refuse, and mutants of it that these tests catch.

Outputs of real fitted estimators are nudged by a known number of ulps
(``np.nextafter``) and judged across crafted pairs of releases, with the
reasons table replaced by a small one whose every entry these tests know.
"""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from sklearn_migrator import parity, zoo
from sklearn_migrator.parity import reasons, rule
from sklearn_migrator.parity.ulps import max_ulps

STACK_CHANGE = rule.Pair("1.3.2", "1.9.1", same_stack=False)
SAME_STACK = rule.Pair("1.7.2", "1.9.1", same_stack=True)
ONE_ENVIRONMENT = rule.Pair("1.9.1", "1.9.1", same_stack=True)
OTHER_CPU = rule.Pair("1.9.1", "1.9.1", same_stack=False)  # a file the same release wrote on another machine

TABLE = [
    reasons.Reason("LogisticRegression", {"predict_proba": 4, "decision_function": 4}, reasons.STACK, "BLAS"),
    reasons.Reason("StandardScaler", {"transform": 2}, reasons.Crossing("1.8"), "a rewritten routine"),
    reasons.Reason("Pipeline", {"predict_proba": 8}, reasons.MEMBERS, "its steps compute it"),
]


@pytest.fixture(autouse=True)
def table(monkeypatch):
    monkeypatch.setattr(rule, "REASONS", list(TABLE))


@pytest.fixture(scope="module")
def fitted():
    data = zoo.make_data()
    X, y = data["X"], data["clf3"]
    logistic = LogisticRegression(max_iter=500).fit(X, y)
    pipeline = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression(max_iter=500))]).fit(X, y)
    return logistic, pipeline, data["X_query"]


def _nudged(outputs, name, ulps, where=(0, 0)):
    """``outputs`` with element ``where`` of ``name`` moved up by ``ulps`` ulps."""
    changed = dict(outputs)
    value = changed[name].copy()
    for _ in range(ulps):
        value[where] = np.nextafter(value[where], np.inf)
    changed[name] = value
    return changed


def _verdict(fitted_model, X, name, ulps, pair, where=(0, 0)):
    expected = parity.outputs(fitted_model, X)
    return rule.verdict(expected, _nudged(expected, name, ulps, where), fitted_model, pair)


def test_identical_outputs_are_exact(fitted):
    logistic, _, X = fitted
    assert rule.verdict(parity.outputs(logistic, X), parity.outputs(logistic, X), logistic, SAME_STACK) == ("exact", {})


def test_one_ulp_on_an_output_no_reason_names_fails(fitted):
    logistic, _, X = fitted  # the table names predict_proba and decision_function, not predict_log_proba
    status, details = _verdict(logistic, X, "predict_log_proba", 1, STACK_CHANGE)
    assert status == "fail" and details["predict_log_proba"] == {"kind": "float", "ulps": 1.0, "reason": None}


def test_a_difference_within_the_bound_of_an_applying_reason_is_close(fitted):
    logistic, _, X = fitted
    status, details = _verdict(logistic, X, "predict_proba", 4, STACK_CHANGE)
    assert status == "close" and details["predict_proba"]["reason"] == 0


def test_a_difference_beyond_the_bound_fails(fitted):
    logistic, _, X = fitted
    assert _verdict(logistic, X, "predict_proba", 5, STACK_CHANGE)[0] == "fail"


def test_the_bound_is_relative_to_each_value(fitted):
    """4 ulps of the smallest probability pass, though they are a far smaller absolute
    difference than 5 ulps of the largest: a stated bound is relative, never absolute."""
    logistic, _, X = fitted
    proba = parity.outputs(logistic, X)["predict_proba"]
    small, large = np.unravel_index(proba.argmin(), proba.shape), np.unravel_index(proba.argmax(), proba.shape)
    assert _verdict(logistic, X, "predict_proba", 4, STACK_CHANGE, where=small)[0] == "close"
    assert _verdict(logistic, X, "predict_proba", 5, STACK_CHANGE, where=large)[0] == "fail"


def test_a_stack_reason_does_not_apply_between_identical_stacks(fitted):
    logistic, _, X = fitted
    assert _verdict(logistic, X, "predict_proba", 1, SAME_STACK)[0] == "fail"


def test_nothing_is_tolerated_within_one_environment(fitted):
    logistic, pipeline, X = fitted
    assert _verdict(logistic, X, "predict_proba", 1, ONE_ENVIRONMENT)[0] == "fail"
    assert _verdict(pipeline.steps[0][1], X, "transform", 1, ONE_ENVIRONMENT)[0] == "fail"


def test_the_same_release_on_another_cpu_is_judged_by_the_stack_reasons(fitted):
    # numpy and OpenBLAS pick kernels by the CPU's SIMD extensions at run time
    logistic, pipeline, X = fitted
    assert _verdict(logistic, X, "predict_proba", 4, OTHER_CPU)[0] == "close"
    assert _verdict(logistic, X, "predict_proba", 5, OTHER_CPU)[0] == "fail"
    assert _verdict(pipeline.steps[0][1], X, "transform", 1, OTHER_CPU)[0] == "fail"


def test_a_code_reason_applies_only_across_its_release(fitted):
    _, pipeline, X = fitted
    scaler = pipeline.steps[0][1]
    assert _verdict(scaler, X, "transform", 1, rule.Pair("1.7.2", "1.8.0", True))[0] == "close"
    assert _verdict(scaler, X, "transform", 1, rule.Pair("1.8.0", "1.9.1", False))[0] == "fail"


def test_labels_must_be_identical(fitted):
    logistic, _, X = fitted
    expected = parity.outputs(logistic, X)
    changed = dict(expected, predict=expected["predict"].copy())
    changed["predict"][0] = (changed["predict"][0] + 1) % 3
    status, details = rule.verdict(expected, changed, logistic, STACK_CHANGE)
    assert status == "fail" and details["predict"]["kind"] == "discrete"


def test_a_missing_output_fails(fitted):
    logistic, _, X = fitted
    expected = parity.outputs(logistic, X)
    actual = {name: value for name, value in expected.items() if name != "decision_function"}
    status, details = rule.verdict(expected, actual, logistic, STACK_CHANGE)
    assert status == "fail" and details["decision_function"]["kind"] == "missing"


def test_a_changed_dtype_fails_even_with_equal_values(fitted):
    logistic, _, X = fitted
    expected = parity.outputs(logistic, X)
    actual = dict(expected, predict_proba=expected["predict_proba"].astype(np.longdouble))
    status, details = rule.verdict(expected, actual, logistic, STACK_CHANGE)
    assert status == "fail" and details["predict_proba"]["kind"] == "dtype"


def test_a_composite_has_no_tolerance_of_its_own(fitted):
    """The pipeline's predict_proba differs but none of its steps, observed on the input the
    pipeline handed each, does: its reason needs a member seen to differ, so it fails."""
    _, pipeline, X = fitted
    assert _verdict(pipeline, X, "predict_proba", 1, STACK_CHANGE)[0] == "fail"


def test_a_composite_output_follows_a_member_judged_by_its_own_reason(fitted):
    _, pipeline, X = fitted
    expected = parity.outputs(pipeline, X)
    actual = _nudged(_nudged(expected, "steps[1][1]:predict_proba", 2), "predict_proba", 2)
    status, details = rule.verdict(expected, actual, pipeline, STACK_CHANGE)
    assert status == "close"
    assert details["steps[1][1]:predict_proba"]["reason"] == 0 and details["predict_proba"]["reason"] == 2
    # the member's own output beyond its own bound fails, whatever the composite's bound
    assert rule.verdict(expected, _nudged(actual, "steps[1][1]:predict_proba", 3), pipeline, STACK_CHANGE)[0] == "fail"


def test_members_are_judged_on_the_inputs_the_source_recorded(fitted):
    _, pipeline, X = fitted
    expected = parity.outputs(pipeline, X)
    inputs = parity.recorded_inputs(expected)
    assert sorted(inputs) == ["steps[1][1]"]  # the first step sees the pipeline's own input
    np.testing.assert_array_equal(inputs["steps[1][1]"], pipeline.steps[0][1].transform(X))
    moved = {path: value + 1.0 for path, value in inputs.items()}
    again = parity.outputs(pipeline, X, inputs=moved)
    np.testing.assert_array_equal(again["steps[1][1]:@input"], moved["steps[1][1]"])
    np.testing.assert_array_equal(again["steps[1][1]:predict_proba"],
                                  pipeline.steps[1][1].predict_proba(moved["steps[1][1]"]))


@pytest.mark.parametrize("want, got, ulps", [
    (1.0, np.nextafter(1.0, 2.0), 1),
    (-0.0, 0.0, 0),
    (np.nextafter(0.0, 1.0), np.nextafter(0.0, -1.0), 2),  # across zero: the denormals on both sides
    (1e-300, 1e-300, 0),
    (np.nan, np.nan, 0),
    (np.inf, np.inf, 0),
    (1.0, np.nan, float("inf")),
    (1.0, np.inf, float("inf")),
])
def test_ulp_distance(want, got, ulps):
    assert max_ulps(np.array([want]), np.array([got])) == ulps


def test_ulp_distance_counts_the_floats_of_the_dtype():
    one = np.float32(1.0)
    assert max_ulps(np.array([one]), np.array([np.nextafter(one, np.float32(2))])) == 1
    assert max_ulps(np.array([1.0, 2.0]), np.array([1.0, np.nextafter(np.nextafter(2.0, 3.0), 3.0)])) == 2
    assert max_ulps(np.array([1 + 1j]), np.array([1 + np.nextafter(1.0, 2.0) * 1j])) == 1


# Mutants of the rule: each must turn at least one of the checks above from its expected
# verdict (the suite catches it). (name, what the mutant does to the rule)
MUTANTS = {
    "bounds widened": lambda monkeypatch: monkeypatch.setattr(
        rule, "REASONS", [reasons.Reason(r.classes, {name: bound * 1000 for name, bound in r.bounds.items()},
                                         r.when, r.cause) for r in TABLE]),
    "everything tolerated": lambda monkeypatch: monkeypatch.setattr(
        rule, "find_reason", lambda *args, **kwargs: 0),
    "stack condition ignored": lambda monkeypatch: monkeypatch.setattr(
        reasons.Stack, "applies", lambda self, pair, context: True),
    "composites tolerated without an observed member": lambda monkeypatch: monkeypatch.setattr(
        reasons.Members, "applies", lambda self, pair, context: True),
    "release condition ignored": lambda monkeypatch: monkeypatch.setattr(
        reasons.Crossing, "applies", lambda self, pair, context: True),
    "absolute tolerance 1e-12": lambda monkeypatch: monkeypatch.setattr(
        rule, "max_ulps", lambda want, got: 0.0 if np.max(np.abs(want - got)) <= 1e-12 else float("inf")),
}
CHECKS = [
    lambda fitted: _verdict(fitted[0], fitted[2], "predict_proba", 5, STACK_CHANGE)[0] == "fail",
    lambda fitted: _verdict(fitted[0], fitted[2], "predict_log_proba", 1, STACK_CHANGE)[0] == "fail",
    lambda fitted: _verdict(fitted[0], fitted[2], "predict_proba", 1, SAME_STACK)[0] == "fail",
    lambda fitted: _verdict(fitted[0], fitted[2], "predict_proba", 1, ONE_ENVIRONMENT)[0] == "fail",
    lambda fitted: _verdict(fitted[1].steps[0][1], fitted[2], "transform", 1, ONE_ENVIRONMENT)[0] == "fail",
    lambda fitted: _verdict(fitted[1], fitted[2], "predict_proba", 1, STACK_CHANGE)[0] == "fail",
    lambda fitted: _verdict(fitted[0], fitted[2], "predict_proba", 4, STACK_CHANGE)[0] == "close",
]


def test_the_checks_hold_for_the_rule(fitted):
    assert [check(fitted) for check in CHECKS] == [True] * len(CHECKS)


@pytest.mark.parametrize("mutant", sorted(MUTANTS))
def test_a_mutant_of_the_rule_is_caught(mutant, fitted, monkeypatch):
    MUTANTS[mutant](monkeypatch)
    assert not all(check(fitted) for check in CHECKS), "the checks pass with the rule mutated: %s" % mutant


def test_members_of_members_are_observed_and_judged_first():
    from sklearn.decomposition import PCA
    from sklearn.pipeline import FeatureUnion

    data = zoo.make_data()
    model = Pipeline([("union", FeatureUnion([("pca", PCA(2)), ("scale", StandardScaler())])),
                      ("clf", LogisticRegression(max_iter=500))]).fit(data["X"], data["clf3"])
    expected = parity.outputs(model, data["X_query"])
    assert "steps[0][1]/transformer_list[0][1]:transform" in expected
    assert rule.member_at(model, "steps[0][1]/transformer_list[0][1]") is model.steps[0][1].transformer_list[0][1]
    table = TABLE + [reasons.Reason("PCA", {"transform": 4}, reasons.STACK, "BLAS"),
                     reasons.Reason("FeatureUnion", {"transform": 4}, reasons.MEMBERS, "its members")]
    rule.REASONS[:] = table
    union_only = _nudged(expected, "steps[0][1]:transform", 1)
    assert rule.verdict(expected, union_only, model, STACK_CHANGE)[0] == "fail"  # no member of the union differs
    both = _nudged(union_only, "steps[0][1]/transformer_list[0][1]:transform", 1)
    status, details = rule.verdict(expected, both, model, STACK_CHANGE)
    assert status == "close" and details["steps[0][1]:transform"]["reason"] == len(table) - 1


def test_score_follows_the_predictions_it_is_computed_from():
    from sklearn.linear_model import Ridge

    data = zoo.make_data()
    model = Ridge().fit(data["X"], data["reg"])
    X, y = data["X_query"], data["query_targets"]["reg"]
    expected = parity.outputs(model, X, y)
    rule.REASONS[:] = TABLE + [reasons.Reason("Ridge", {"predict": 4}, reasons.STACK, "BLAS"),
                               reasons.Reason("Ridge", {"score": 4}, reasons.Follows("predict"), "R^2")]
    score_only = dict(expected, score=np.nextafter(expected["score"], 2.0))
    assert rule.verdict(expected, score_only, model, STACK_CHANGE)[0] == "fail"
    assert rule.verdict(expected, _nudged(score_only, "predict", 1, where=(0,)), model, STACK_CHANGE)[0] == "close"


DELEGATES = reasons.Reason("GridSearchCV", {"predict_proba": float("inf")}, reasons.Delegates("best_estimator_"),
                           "the best estimator's output")


@pytest.fixture(scope="module")
def search():
    from sklearn.model_selection import GridSearchCV

    data = zoo.make_data()
    fitted = GridSearchCV(LogisticRegression(max_iter=500), {"C": [0.1, 1.0]}, cv=3).fit(data["X"], data["clf3"])
    return fitted, data["X_query"]


@pytest.mark.parametrize("member_ulps, search_ulps, status", [
    (3, 3, "close"),  # the search's output is the member's, differing as much
    (3, 2, "close"),
    (3, 4, "fail"),  # more than its member's: something else changed it
    (0, 1, "fail"),  # its member is exact
    (5, 5, "fail"),  # its member differs beyond the member's own bound
])
def test_a_search_differs_only_as_much_as_its_best_estimator(search, monkeypatch, member_ulps, search_ulps, status):
    monkeypatch.setattr(rule, "REASONS", TABLE + [DELEGATES])
    fitted_search, X = search
    expected = parity.outputs(fitted_search, X)
    actual = _nudged(expected, "predict_proba", search_ulps) if search_ulps else dict(expected)
    if member_ulps:
        actual = _nudged(actual, "best_estimator_:predict_proba", member_ulps)
    assert rule.verdict(expected, actual, fitted_search, STACK_CHANGE)[0] == status


def test_a_search_differs_by_nothing_within_one_environment(search, monkeypatch):
    monkeypatch.setattr(rule, "REASONS", TABLE + [DELEGATES])
    fitted_search, X = search
    expected = parity.outputs(fitted_search, X)
    actual = _nudged(_nudged(expected, "predict_proba", 1), "best_estimator_:predict_proba", 1)
    assert rule.verdict(expected, actual, fitted_search, ONE_ENVIRONMENT)[0] == "fail"


@pytest.mark.parametrize("source, target, applies", [
    ("0.20.4", "0.21.3", True), ("0.21.0", "0.22", True), ("0.22", "0.21.3", True),
    ("0.20.4", "0.22.2.post1", False), ("0.21.0", "0.21.3", False), ("1.9.1", "0.20.4", False),
])
def test_a_routine_of_some_releases_applies_only_between_them_and_others(source, target, applies):
    assert reasons.Within("0.21", "0.22").applies(rule.Pair(source, target, same_stack=True), None) is applies
