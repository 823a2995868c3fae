"""Models pickled by scikit-learn 0.20.4 under Python 2.7 (tests/fixtures/python2, written by
scripts/make_python2_fixtures.py): rescued in the installed release, predictions equal to Python 2's.

Python 2 ``str`` buffers of numpy state arrive as latin-1 text and are encoded back to the same
bytes (arrays and numpy scalars alike: a scalar's buffer used to reach ``np.frombuffer`` as text).
"""
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
    """Labels as text: Python 2's str labels are numpy bytes ('S'); which type the rescued model
    returns them as is issue 20's to settle, their values are compared here."""
    labels = np.asarray(labels)
    return labels.astype("U") if labels.dtype.kind == "S" else labels


@pytest.mark.parametrize("name", FILES)
def test_a_python2_pickle_is_rescued_with_the_same_predictions(name):
    assert len(FILES) == 21
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (migration notes: 0.20 to the installed release)
        model = sm.load(os.path.join(HERE, name))
    model_name = name.split("-")[0].split(".")[0]
    found = model.predict(DOCUMENTS if model_name == "tfidf" else EXPECTED["X"])
    np.testing.assert_array_equal(_text(found), _text(EXPECTED[model_name]))
