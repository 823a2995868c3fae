"""Write tests/fixtures/python2: models pickled by scikit-learn 0.20.4 under Python 2.7.

Run with Python 2.7 and that release on the path (uv cannot make Python 2 environments):

    python2.7 -m pip install --target DIR numpy==1.16.6 scipy==1.2.3 scikit-learn==0.20.4
    PYTHONPATH=DIR python2.7 scripts/make_python2_fixtures.py tests/fixtures/python2

Each model is written with pickle protocols 0 and 2 and with joblib (``sklearn.externals.joblib``,
compress=3); ``expected.npz`` holds the query rows and each model's predictions made there.
"""
import pickle
import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.externals import joblib
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

DOCUMENTS = ["apple banana", "banana cherry", u"cherry d\xe9j\xe0", "apple apple"] * 5


def main(out):
    rng = np.random.RandomState(0)
    X = rng.rand(60, 4)
    y = np.array(["yes", "no", "maybe"])[rng.randint(0, 3, 60)]  # Python 2 str labels
    models = {
        "lr": LogisticRegression(solver="lbfgs", multi_class="multinomial").fit(X, y),
        "tree": DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y),
        "svc": SVC(gamma="scale").fit(X, y),
        "forest": RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y),
        "gb": GradientBoostingClassifier(n_estimators=5, random_state=0).fit(X, y),
        "pipe": make_pipeline(StandardScaler(), LogisticRegression(solver="lbfgs", multi_class="auto")).fit(X, y),
        "tfidf": make_pipeline(TfidfVectorizer(), LogisticRegression(solver="lbfgs", multi_class="auto")).fit(
            DOCUMENTS, ["a", "b", "a", "b"] * 5),
    }
    expected = {"X": X}
    for name, model in sorted(models.items()):
        expected[name] = model.predict(DOCUMENTS if name == "tfidf" else X)
        for protocol in (0, 2):
            with open("%s/%s-p%d.pkl" % (out, name, protocol), "wb") as handle:
                pickle.dump(model, handle, protocol=protocol)
        joblib.dump(model, "%s/%s.joblib" % (out, name), compress=3)
    np.savez("%s/expected.npz" % out, **expected)


if __name__ == "__main__":
    main(sys.argv[1])
