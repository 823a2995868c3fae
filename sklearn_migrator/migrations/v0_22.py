"""scikit-learn 0.22 (December 2019); the private-module moves of this release
(``sklearn.tree.tree`` -> ``sklearn.tree._classes`` ...) need no step, since
documents name classes by their public paths."""
import numpy as np

from ..errors import MigrationError
from . import Step
from ._kinds import (constant, n_features, param_added, param_removed, param_values, state_added, state_removed,
                     state_renamed, unchanged)
from .families import (AGGLOMERATIVE, COUNT_NB, DT_REGRESSOR, DUMMIES, DUMMY_CLASSIFIERS, FORESTS, GRADIENT_BOOSTING, KNN,
                        LOGISTIC, MLP, ONE_CLASS_SVM, SVCS, SVM, SVRS, TREE_MODELS, TREES)


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


def _one_class_random_state(up):
    """0.22 removed OneClassSVM's ``random_state`` parameter (deprecated in 0.20, never
    used: one-class libsvm draws nothing); 0.22+ keeps the attribute as None."""
    def apply(node, migration, path):
        source, target = (node.params, node.state) if up else (node.state, node.params)
        source.pop("random_state", None)
        target["random_state"] = None
    return apply


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
    Step("0.22", "SVR support-vector counts", SVRS,
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
    state_added("0.22", DUMMY_CLASSIFIERS, "_strategy", lambda node: node.params["strategy"]),
    # 0.22 made DummyClassifier's default strategy 'warn' (meaning 'stratified', until 0.24).
    Step("0.22", "DummyClassifier strategy='warn'", DUMMY_CLASSIFIERS, unchanged,
         param_values("0.22", DUMMY_CLASSIFIERS, "strategy", {"warn": "stratified"}).up),
    Step("0.22", "OneClassSVM parameter random_state removed", [ONE_CLASS_SVM], _one_class_random_state(True),
         _one_class_random_state(False), params_removed=["random_state"]),
    # 0.22 stored n_features_ on discrete naive Bayes models (deprecated in 1.0 for n_features_in_).
    state_added("0.22", COUNT_NB, "n_features_", n_features),
]
