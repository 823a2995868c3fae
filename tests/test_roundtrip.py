"""Same-release round trip of every zoo configuration through JSON text, compared bit for bit."""
import json

import numpy as np
import pytest

import sklearn_migrator as sm
from sklearn_migrator import parity, zoo

CASES = zoo.cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
@pytest.mark.parametrize("arrays", ["auto", "list", "base64"])
def test_round_trip_is_exact(case, arrays, data):
    estimator, X = case.fit(data)
    doc = sm.serialize(estimator, arrays=arrays)
    text = json.dumps(doc, allow_nan=False)
    rebuilt = sm.deserialize(json.loads(text))
    # Idempotence: exporting the rebuilt estimator gives the same document. Checked
    # before any query, since neighbour trees count their queries in their state.
    assert sm.serialize(rebuilt, arrays=arrays) == json.loads(text)

    assert type(rebuilt) is type(estimator)
    y = case.query_target(data)
    expected = parity.outputs(estimator, X, y)
    actual = parity.outputs(rebuilt, X, y)
    assert expected, "the estimator offers no output to compare"
    assert sorted(actual) == sorted(expected)
    for name in expected:
        # (a member's sparse input is recorded as ("csr", data, indices, indptr, shape))
        pairs = zip(actual[name], expected[name]) if isinstance(expected[name], tuple) else [
            (actual[name], expected[name])]
        for got, want in pairs:
            np.testing.assert_array_equal(got, want, err_msg="%s.%s" % (case.id, name))
            assert np.asarray(got).dtype == np.asarray(want).dtype, name
    if hasattr(estimator, "feature_names_in_"):
        np.testing.assert_array_equal(rebuilt.feature_names_in_, estimator.feature_names_in_)
    assert rebuilt.get_params(deep=False).keys() == estimator.get_params(deep=False).keys()
