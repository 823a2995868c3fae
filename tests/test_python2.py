"""Models pickled by scikit-learn 0.20.4 under Python 2.7 (tests/fixtures/python2, written by
scripts/make_python2_fixtures.py): rescued in the installed release, predictions equal to Python 2's,
string labels as text.

Python 2 ``str`` buffers of numpy state arrive as latin-1 text and are encoded back to the same
bytes (arrays and numpy scalars alike: a scalar's buffer used to reach ``np.frombuffer`` as text);
a Python 2 file's ``S`` arrays (its ``str`` labels) become text, a Python 3 file's bytes stay bytes.
"""
import pickle
import glob
import os
import warnings

import numpy as np
import pytest

import sklearn_migrator as sm

HERE = os.path.join(os.path.dirname(__file__), "fixtures", "python2")
FILES = sorted(os.path.basename(path) for path in glob.glob(os.path.join(HERE, "*-p*.pkl")) + glob.glob(
    os.path.join(HERE, "*.joblib")))
EXPECTED = np.load(os.path.join(HERE, "expected.npz"))
DOCUMENTS = ["apple banana", "banana cherry", u"cherry d\xe9j\xe0", "apple apple"] * 5


def _text(labels):
    """Python 2's own predictions, stored by numpy as bytes ('S'), as the text they were there."""
    return np.char.decode(labels, "utf-8")


@pytest.mark.parametrize("name", FILES)
def test_a_python2_pickle_is_rescued_with_the_same_predictions(name):
    assert len(FILES) == 21
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (migration notes: 0.20 to the installed release)
        model = sm.load(os.path.join(HERE, name))
    model_name = name.split("-")[0].split(".")[0]
    found = model.predict(DOCUMENTS if model_name == "tfidf" else EXPECTED["X"])
    assert found.dtype.kind == "U"  # "yes", as a model fitted under Python 3 predicts, not b"yes"
    np.testing.assert_array_equal(found, _text(EXPECTED[model_name]))


def test_a_python3_pickle_keeps_its_byte_labels(tmp_path):
    from sklearn.tree import DecisionTreeClassifier

    X = EXPECTED["X"]
    labels = np.array([b"yes", b"no"])[(X[:, 0] > 0.5).astype(int)]
    model = DecisionTreeClassifier(max_depth=2, random_state=0).fit(X, labels)
    for protocol in (0, 2, pickle.HIGHEST_PROTOCOL):
        path = tmp_path / ("model-%d.pkl" % protocol)
        path.write_bytes(pickle.dumps(model, protocol=protocol))
        rescued = sm.load(str(path))
        assert rescued.classes_.dtype.kind == "S"
        np.testing.assert_array_equal(rescued.predict(X), model.predict(X))
