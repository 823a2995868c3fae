"""The parameter changes the migration steps declare match the real releases.

From the installed release's constructor parameters, the steps must derive the
parameters of every release head exactly as the atlas recorded them in real
environments (tests/fixtures/param_names.json, from scripts/param_names_from_atlas.py).
"""
import json
import os

import pytest
import sklearn

from sklearn_migrator.migrations import param_names_at
from sklearn_migrator.registry import ENTRIES

with open(os.path.join(os.path.dirname(__file__), "fixtures", "param_names.json")) as handle:
    RECORDED = json.load(handle)
CANONICAL = {entry.class_name: name for name, entry in ENTRIES.items() if entry.top_level}
CASES = [(estimator, version) for estimator in sorted(RECORDED) for version in sorted(RECORDED[estimator])]


@pytest.mark.parametrize("estimator,version", CASES, ids=["%s@%s" % case for case in CASES])
def test_declared_parameter_changes_reproduce_every_release(estimator, version):
    canonical = CANONICAL[estimator]
    cls = ENTRIES[canonical].resolve()
    if cls is None:
        pytest.skip("%s does not exist in the installed scikit-learn %s" % (estimator, sklearn.__version__))
    installed = cls._get_param_names()
    derived = param_names_at(canonical, version, installed, sklearn.__version__)
    assert sorted(derived) == RECORDED[estimator][version]
