"""The command line: demo, models, inspect (documents and pickles)."""
import json
import os
import pickle

import pytest
import sklearn

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
    assert "model.json: a JSON document\n  holds:        sklearn.tree.DecisionTreeClassifier\n" in out
    assert "    max_depth                int 5\n" in out and "tree_" in out
    assert out.endswith("  loads:        yes, under scikit-learn %s\n" % sklearn.__version__)


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
    assert cli.main(["inspect", str(path)]) == 1  # the reader refuses the file: a script must see it
    out = capsys.readouterr().out
    assert "nothing in the file ran" in out and (compress != ("gzip", 3) or "gzip-compressed" in out)
    assert any("DecisionTreeClassifier" in line and "supported class" in line for line in out.splitlines())
    assert any("system" in line and "refused" in line for line in out.splitlines())
    assert "  loads:        NO: " in out and "references posix.system" in out


def test_errors_are_reported_not_raised(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    assert cli.main(["inspect", str(bad)]) == 1
    assert "  loads:        NO: at format_version: required field is missing" in capsys.readouterr().out
    assert cli.main(["inspect", str(bad), "--json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] is False and record["kind"] == "document"
    assert record["error"].startswith("at format_version: required field is missing")


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
    assert any("broken.pkl: FAILED: " in line for line in lines) and lines[-1] == "3 converted, 0 skipped, 1 failed"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "nested", "nested/other.joblib", "nested/other.json", "tree.joblib", "tree.json", "tree.pkl.joblib",
        "tree.pkl.json"]
    X = data["X_query"]
    np.testing.assert_array_equal(sm.load(str(out / "tree.json")).predict(X), first.predict(X))
    np.testing.assert_array_equal(joblib.load(str(out / "nested" / "other.joblib")).predict(X), second.predict(X))

    before = (out / "tree.json").read_bytes()  # from tree.joblib, the first of the two "tree" files
    assert cli.main(["convert", str(models / "tree.pkl"), "-o", str(out)]) == 0  # a re-run of a script passes
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[1/1] %s: skipped: %s exists (--force overwrites)" % (models / "tree.pkl", out / "tree.json")
    assert lines[-1] == "0 converted, 1 skipped, 0 failed"
    assert cli.main(["convert", str(models / "tree.pkl"), "-o", str(out), "--force"]) == 0
    assert (out / "tree.json").read_bytes() == before


def test_convert_documents_to_native_files_in_parallel(tmp_path, capsys, data):
    import joblib
    import numpy as np

    docs = tmp_path / "docs"
    docs.mkdir()
    fitted = [zoo.cases()[index].fit(data)[0] for index in (0, 20, 40)]
    for index, (estimator, suffix) in enumerate(zip(fitted, (".json", ".json.gz", ".json.zst"))):
        sm.dump(estimator, str(docs / ("m%d%s" % (index, suffix))))  # zstandard: in the [test] extra
    written = sorted(path.name for path in docs.iterdir())
    out = tmp_path / "out"
    assert cli.main(["convert", str(docs), "-o", str(out), "--jobs", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.split(": ")[1] for line in lines[:-1]) == ["ok"] * len(written)
    assert lines[-1] == "%d converted, 0 skipped, 0 failed" % len(written)
    for index, estimator in enumerate(fitted[:len(written)]):
        native = joblib.load(str(out / ("m%d.joblib" % index)))
        assert type(native) is type(estimator)
        np.testing.assert_array_equal(native.predict(data["X_query"]), estimator.predict(data["X_query"]))


def test_convert_refuses_a_bad_jobs_count(tmp_path, capsys):
    assert cli.main(["convert", str(tmp_path), "-o", str(tmp_path / "out"), "--jobs", "0"]) == 1
    assert "jobs must be a positive integer, got 0" in capsys.readouterr().err


def test_demo_shows_no_warnings_from_the_models_it_fits(capsys):
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert cli.main(["demo", "--filter", "LogisticRegression"]) == 0
    assert caught == []


def test_help_is_plain_text_and_hides_maintainer_options(capsys):
    for argv in ([], ["convert", "--help"], ["inspect", "--help"], ["models", "--help"], ["matrix", "--help"]):
        with pytest.raises(SystemExit):
            cli.build_parser().parse_args(argv or ["--help"])
        text = capsys.readouterr().out
        assert "``" not in text and ":class:" not in text and ":func:" not in text
        assert "--readme" not in text and "--from-results" not in text
    cli.build_parser().parse_args(["models", "--readme", "README.md"])  # still there for maintainers


def test_readme_lists_what_the_registry_supports():
    from sklearn_migrator.cli import README_MODELS, models_markdown

    with open(os.path.join(os.path.dirname(__file__), "..", "README.md")) as handle:
        readme = handle.read()
    start, end = (readme.index(marker) for marker in README_MODELS)
    assert readme[start + len(README_MODELS[0]):end].strip() == models_markdown().strip(), \
        "run: sklearn-migrator models --readme README.md"
