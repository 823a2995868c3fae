"""The command line: demo, models, inspect (documents and pickles)."""
import os
import pickle

import sklearn_migrator as sm
from sklearn_migrator import cli, zoo


def test_demo_prints_a_parity_line_per_configuration(capsys):
    assert cli.main(["demo", "--filter", "KMeans"]) == 0
    out = capsys.readouterr().out
    assert "KMeans-elkan-sample_weight" in out and "exact" in out
    assert out.strip().splitlines()[-1] == "3 passed, 0 failed"


def test_models_lists_the_registry(capsys):
    assert cli.main(["models"]) == 0
    assert capsys.readouterr().out.split() == sm.supported_models()


def test_inspect_a_document(tmp_path, capsys, data):
    estimator, _ = zoo.cases()[0].fit(data)
    sm.dump(estimator, str(tmp_path / "model.json"))
    assert cli.main(["inspect", str(tmp_path / "model.json")]) == 0
    out = capsys.readouterr().out
    assert "estimator:        sklearn.tree.DecisionTreeClassifier" in out and "tree_" in out


class _Payload:
    def __reduce__(self):
        return os.system, ("true",)


def test_inspect_lists_pickle_globals_without_loading(tmp_path, capsys, data):
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps([zoo.cases()[0].fit(data)[0], _Payload()], protocol=2))
    assert cli.main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "nothing was loaded" in out
    assert any("DecisionTreeClassifier" in line and "supported class" in line for line in out.splitlines())
    assert any("system" in line and "refused" in line for line in out.splitlines())


def test_errors_are_reported_not_raised(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    assert cli.main(["inspect", str(bad)]) == 1
    assert "error:" in capsys.readouterr().err
