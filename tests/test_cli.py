"""The command line: demo, models, inspect (documents and pickles)."""
import os
import pickle

import pytest

import sklearn_migrator as sm
from sklearn_migrator import cli, zoo


def test_demo_prints_a_parity_line_per_configuration(capsys):
    assert cli.main(["demo", "--filter", "KMeans"]) == 0
    out = capsys.readouterr().out
    assert "KMeans-elkan-sample_weight" in out and "exact" in out
    expected = sum("KMeans" in case.id for case in zoo.cases())
    assert expected >= 3 and out.strip().splitlines()[-1] == "%d passed, 0 failed" % expected


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


@pytest.mark.parametrize("compress", [None, 0, ("gzip", 3)])
def test_inspect_lists_pickle_and_joblib_globals_without_running_them(compress, tmp_path, capsys, data):
    import joblib
    import numpy as np

    path = tmp_path / "model.bin"
    hidden = np.array([_Payload()], dtype=object)  # joblib writes it as a nested pickle stream
    content = [zoo.cases()[0].fit(data)[0], hidden]
    if compress is None:
        path.write_bytes(pickle.dumps(content, protocol=2))
    else:
        joblib.dump(content, str(path), compress=compress)
    assert cli.main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "nothing in it ran" in out and (compress != ("gzip", 3) or "gzip-compressed" in out)
    assert any("DecisionTreeClassifier" in line and "supported class" in line for line in out.splitlines())
    assert any("system" in line and "refused" in line for line in out.splitlines())


def test_errors_are_reported_not_raised(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    assert cli.main(["inspect", str(bad)]) == 1
    assert "error:" in capsys.readouterr().err


def test_convert_a_directory_of_legacy_files(tmp_path, capsys, data):
    import joblib
    import numpy as np

    models = tmp_path / "models"
    (models / "nested").mkdir(parents=True)
    first, second = zoo.cases()[0].fit(data)[0], zoo.cases()[20].fit(data)[0]
    (models / "tree.pkl").write_bytes(pickle.dumps(first, protocol=2))
    joblib.dump(second, str(models / "nested" / "other.joblib"), compress=3)
    (models / "broken.pkl").write_bytes(b"\x80\x02not a pickle")
    (models / "tree.joblib").write_bytes((models / "tree.pkl").read_bytes())  # same stem: kept apart
    (models / "notes.txt").write_text("not a model file")  # not taken from a directory
    out = tmp_path / "out"

    assert cli.main(["convert", str(models), "-o", str(out), "--joblib"]) == 1  # one file failed
    lines = capsys.readouterr().out.splitlines()
    assert len([line for line in lines if line.startswith("[")]) == 4
    assert any("broken.pkl: FAILED" in line for line in lines) and lines[-1] == "3 converted, 1 failed"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "nested", "nested/other.joblib", "nested/other.json", "tree.joblib", "tree.json", "tree.pkl.joblib",
        "tree.pkl.json"]
    X = data["X_query"]
    np.testing.assert_array_equal(sm.load(str(out / "tree.json")).predict(X), first.predict(X))
    np.testing.assert_array_equal(joblib.load(str(out / "nested" / "other.joblib")).predict(X), second.predict(X))

    before = (out / "tree.json").read_bytes()  # from tree.joblib, the first of the two "tree" files
    assert cli.main(["convert", str(models / "tree.pkl"), "-o", str(out)]) == 1
    assert "exists (use --force to overwrite)" in capsys.readouterr().out
    assert cli.main(["convert", str(models / "tree.pkl"), "-o", str(out), "--force"]) == 0
    assert (out / "tree.json").read_bytes() == before


def test_readme_lists_what_the_registry_supports():
    from sklearn_migrator.cli import README_MODELS, models_markdown

    with open(os.path.join(os.path.dirname(__file__), "..", "README.md")) as handle:
        readme = handle.read()
    start, end = (readme.index(marker) for marker in README_MODELS)
    assert readme[start + len(README_MODELS[0]):end].strip() == models_markdown().strip(), \
        "run: sklearn-migrator models --readme README.md"
