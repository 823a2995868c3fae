"""scikit-learn 1.8 (December 2025)."""
import numpy as np

from ..errors import MigrationError
from ..tree import Node
from . import Step
from .families import LOGISTIC, ONE_VS_REST

_SHARED = ("n_features_in_", "feature_names_in_")


def _is_ovr(node):
    multi_class, solver = node.params.get("multi_class"), node.params.get("solver")
    return multi_class in ("ovr", "warn") or (multi_class in ("auto", "deprecated") and solver == "liblinear")


def _as_one_vs_rest(node, migration, path):
    """Rewrite a one-vs-rest multiclass LogisticRegression as the equivalent
    ``OneVsRestClassifier`` of binary LogisticRegressions (class k against the rest,
    coefficients row k), which 1.8+ still computes the same way: expit of each
    decision value, normalised over classes."""
    params = {key: value for key, value in node.params.items() if key != "multi_class"}
    state = node.state
    classes = state["classes_"]
    n_iter = state.get("n_iter_")
    members = []
    for k in range(len(classes)):
        member = {"classes_": np.array([0, 1]), "coef_": state["coef_"][k:k + 1].copy(),
                  "intercept_": state["intercept_"][k:k + 1].copy()}
        if isinstance(n_iter, np.ndarray):
            member["n_iter_"] = n_iter[k:k + 1].copy() if n_iter.size == len(classes) else n_iter.copy()
        member.update((key, state[key]) for key in _SHARED if key in state)
        members.append(Node(LOGISTIC, params=dict(params), state=member))
    binarizer = Node("sklearn.preprocessing.LabelBinarizer",
                     params={"neg_label": 0, "pos_label": 1, "sparse_output": True},
                     state={"y_type_": "multiclass", "sparse_input_": False, "classes_": classes})
    node.cls = ONE_VS_REST
    node.params = {"estimator": Node(LOGISTIC, params=dict(params), state={}), "n_jobs": params.get("n_jobs"),
                   "verbose": 0}
    node.state = dict({"label_binarizer_": binarizer, "classes_": classes, "estimators_": members},
                      **{key: state[key] for key in _SHARED if key in state})
    migration.note(path, "a one-vs-rest LogisticRegression has no equivalent in scikit-learn %s (multi_class was "
                         "removed in 1.8); it was rebuilt as the equivalent OneVsRestClassifier of %d binary "
                         "LogisticRegressions, which offers predict, predict_proba and decision_function but not "
                         "predict_log_proba (use numpy.log(predict_proba(X)))" % (migration.target, len(classes)))


def _multi_class_removed_up(node, migration, path):
    """1.8 removed LogisticRegression's ``multi_class``: multiclass models are
    always multinomial and binary ones always use the logistic link. A one-vs-rest
    multiclass model becomes the equivalent OneVsRestClassifier; a binary model fitted
    as multinomial has no equivalent and is refused rather than changed."""
    n_classes = len(node.state.get("classes_", ()))
    if n_classes > 2 and _is_ovr(node):
        _as_one_vs_rest(node, migration, path)
        return
    if n_classes == 2 and node.params.get("multi_class") == "multinomial":
        raise MigrationError("a binary LogisticRegression fitted with multi_class='multinomial' has no "
                             "equivalent in scikit-learn 1.8+, which removed multi_class",
                             path=path or None, source_version=str(migration.source),
                             target_version=str(migration.target),
                             hint="Keep it on scikit-learn 1.7 or older, or refit it there")
    node.params.pop("multi_class", None)


def _multi_class_removed_down(node, migration, path):
    multiclass = len(node.state.get("classes_", ())) > 2
    node.params["multi_class"] = "multinomial" if multiclass else "deprecated"
    if node.params.get("penalty") == "deprecated":
        ratio = node.params.get("l1_ratio") or 0.0
        node.params["penalty"] = "l2" if ratio == 0.0 else ("l1" if ratio == 1.0 else "elasticnet")


STEPS = [
    Step("1.8", "LogisticRegression multi_class removed", [LOGISTIC], _multi_class_removed_up,
         _multi_class_removed_down, params_removed=["multi_class"]),
]
