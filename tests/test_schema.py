"""Documents satisfy the JSON Schema shipped in the package."""
import json

import jsonschema
import pytest

import sklearn_migrator as sm
from sklearn_migrator import zoo
from sklearn_migrator.document import load_schema

CASES = zoo.cases()[::4]


@pytest.fixture(scope="module")
def validator():
    schema = load_schema()
    cls = getattr(jsonschema, "Draft202012Validator", None) or jsonschema.Draft7Validator
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_documents_match_the_schema(case, data, validator):
    estimator, _ = case.fit(data)
    for arrays in ("auto", "list"):
        validator.validate(json.loads(sm.dumps(estimator, arrays=arrays)))


def test_a_document_holding_sets_matches_the_schema(validator):
    from sklearn.preprocessing import FunctionTransformer

    holder = FunctionTransformer(kw_args={"words": {"a", "b"}, "codes": frozenset({1, 2})})
    validator.validate(json.loads(sm.dumps(holder)))


def test_schema_rejects_a_malformed_document(validator):
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"format": "sklearn-migrator", "format_version": 1, "estimator": "x",
                            "sklearn_version": "1.0", "producer": {}, "tree": {"__class__": 1}})
