"""scikit-learn 0.22 (December 2019); the private-module moves of this release
(``sklearn.tree.tree`` -> ``sklearn.tree._classes`` ...) need no step, since
documents name classes by their public paths."""
import numpy as np

from ..errors import MigrationError
from . import Step
from ._kinds import (constant, param_added, param_removed, param_values, state_added, state_removed, state_renamed,
                     unchanged)
from .families import (AGGLOMERATIVE, BAYESIAN_RIDGE, COORDINATE_DESCENT_CV, DT_REGRESSOR, DUMMIES, FORESTS,
                        GRADIENT_BOOSTING, KNN, LARS, LOGISTIC, MLP, SVCS, SVM, SVR, TREE_MODELS, TREES)


def _presort(old_default):
    """0.22 deprecated ``presort``: its value became 'deprecated'. It only
    affected fitting speed."""
    def up(node, migration, path):
        node.params["presort"] = "deprecated"

    def down(node, migration, path):
        if node.params.get("presort") == "deprecated":
            node.params["presort"] = old_default
    return up, down


def _resolve_auto_multi_class(node, migration, path):
    """Until 0.21 ``predict_proba`` treated every ``multi_class`` but 'ovr' as multinomial;
    0.22 resolves 'auto' (one-vs-rest for binary problems and liblinear). Older releases
    get the resolved value."""
    if node.params.get("multi_class") == "auto":
        binary = len(node.state.get("classes_", ())) <= 2
        node.params["multi_class"] = "ovr" if binary or node.params.get("solver") == "liblinear" else "multinomial"


def _samples_fit(node):
    return int(node.state["_fit_X"].shape[0])


def _svr_support_counts(count):
    """0.22 made libsvm report the support-vector count of regression models in
    ``_n_support`` (it was [0, 0]); 1.x checks it against ``support_vectors_``
    (the CVE-2020-28975 guard)."""
    def apply(node, migration, path):
        counts = node.state.get("_n_support", node.state.get("n_support_"))
        if isinstance(counts, np.ndarray) and counts.shape == (2,):
            n = count(node)
            key = "_n_support" if "_n_support" in node.state else "n_support_"
            node.state[key] = np.array([n, n], dtype=counts.dtype)
    return apply


def _output_2d(node):
    return bool(node.state.get("n_outputs_", 1) != 1)


def _break_ties_up(node, migration, path):
    node.params.setdefault("break_ties", False)


def _break_ties_down(node, migration, path):
    """0.22 added SVC's ``break_ties``: with it set, a multiclass one-vs-rest SVC
    predicts the argmax of ``decision_function`` instead of libsvm's vote, which
    older releases cannot do; such a model is refused rather than changed."""
    multiclass = len(node.state.get("classes_", ())) > 2
    if node.params.pop("break_ties", False) is True and multiclass and node.params.get("decision_function_shape") == "ovr":
        raise MigrationError("an SVC with break_ties=True predicts by the argmax of its one-vs-rest decision "
                             "function, which scikit-learn before 0.22 cannot do", path=path or None,
                             source_version=str(migration.source), target_version=str(migration.target),
                             hint="Keep it on scikit-learn 0.22 or newer, or refit it with break_ties=False")


def _cv_folds_up(node, migration, path):
    """0.22 changed the default cross-validation from 3 to 5 folds: ``cv=None`` (and
    0.20-0.21's default 'warn') meant 3 folds before. Newer releases get the number."""
    if node.params.get("cv") in (None, "warn"):
        node.params["cv"] = 3


def _cv_folds_down(node, migration, path):
    if node.params.get("cv") is None:
        node.params["cv"] = 5


STEPS = [
    param_added("0.22", TREE_MODELS, "ccp_alpha", 0.0),
    param_added("0.22", FORESTS, "max_samples", None),
    Step("0.22", "tree presort deprecated", TREES, *_presort(False)),
    Step("0.22", "gradient boosting presort deprecated", GRADIENT_BOOSTING, *_presort("auto")),
    # 0.22 stopped storing classification-only attributes on regression trees.
    state_removed("0.22", [DT_REGRESSOR], "classes_", constant(None)),
    state_removed("0.22", [DT_REGRESSOR], "n_classes_", constant(np.int64(1))),
    param_removed("0.22", [AGGLOMERATIVE], "pooling_func", "deprecated"),
    param_added("0.22", MLP, "max_fun", 15000),
    state_added("0.22", KNN, "n_samples_fit_", _samples_fit),
    state_renamed("0.22", SVM, "n_support_", "_n_support"),
    Step("0.22", "SVR support-vector counts", [SVR],
         _svr_support_counts(lambda node: node.state["support_"].shape[0]), _svr_support_counts(lambda node: 0)),
    Step("0.22", "SVC parameter break_ties added (default False)", SVCS, _break_ties_up, _break_ties_down,
         params_added=["break_ties"]),
    # 'auto_deprecated' (0.20-0.21 default) behaved as 'auto'; _gamma holds the value used.
    param_values("0.22", SVM, "gamma", {"auto_deprecated": "auto"}, one_way=True),
    # 0.21's 'warn' defaults behaved as 'ovr' and 'liblinear' (with a FutureWarning).
    param_values("0.22", [LOGISTIC], "multi_class", {"warn": "ovr"}, one_way=True),
    param_values("0.22", [LOGISTIC], "solver", {"warn": "liblinear"}, one_way=True),
    Step("0.22", "LogisticRegression resolves multi_class='auto' itself", [LOGISTIC], unchanged,
         _resolve_auto_multi_class),
    state_removed("0.22", DUMMIES, "output_2d_", _output_2d),
    state_added("0.22", ["sklearn.dummy.DummyClassifier"], "_strategy", lambda node: node.params["strategy"]),
]

# Issue 6, the linear-model family.
STEPS += [
    Step("0.22", "default cross-validation 3 -> 5 folds", COORDINATE_DESCENT_CV, _cv_folds_up, _cv_folds_down),
    # 0.22 made Lars' positive a class attribute fixed to False (LassoLars keeps the parameter).
    param_removed("0.22", [LARS], "positive", False, "the fitted coefficients already include it"),
    param_added("0.22", [BAYESIAN_RIDGE], "alpha_init", None),
    param_added("0.22", [BAYESIAN_RIDGE], "lambda_init", None),
]
