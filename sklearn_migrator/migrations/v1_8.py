"""scikit-learn 1.8 (December 2025)."""
from . import Step
from ._kinds import constant, state_added, state_removed
from .families import (LOGISTIC, LOGISTIC_BINARY_MULTINOMIAL, LOGISTIC_OVR, PERCEPTRON, RIDGE_CLASSIFIER, SGD_CLASSIFIER,
                       SGD_REGRESSOR)

#: The compat class keeping each ``multi_class`` behaviour 1.8+ no longer computes.
_COMPAT = {"ovr": LOGISTIC_OVR, "multinomial": LOGISTIC_BINARY_MULTINOMIAL}


def _legacy_behaviour(node):
    """'ovr' or 'multinomial' where 1.8+ would compute the model differently, else None."""
    multi_class, solver = node.params.get("multi_class"), node.params.get("solver")
    n_classes = len(node.state.get("classes_", ()))
    if n_classes > 2 and (multi_class in ("ovr", "warn") or
                          (multi_class in ("auto", "deprecated") and solver == "liblinear")):
        return "ovr"
    if n_classes == 2 and multi_class == "multinomial":
        return "multinomial"
    return None


def _multi_class_removed_up(node, migration, path):
    """1.8 removed LogisticRegression's ``multi_class``: multiclass models always
    use the softmax and binary ones the logistic link. A model fitted otherwise (one-
    vs-rest multiclass, multinomial binary) is rebuilt as the
    :mod:`sklearn_migrator.compat` subclass that computes its probabilities as the
    source release did; decision values and predictions are LogisticRegression's."""
    behaviour = _legacy_behaviour(node)
    node.params.pop("multi_class", None)
    if behaviour is not None:
        node.cls = _COMPAT[behaviour]
        migration.note(path, "scikit-learn 1.8 removed LogisticRegression's multi_class; this model, fitted with "
                             "multi_class=%r, was rebuilt as %s, a LogisticRegression that computes its probabilities "
                             "as multi_class=%r did" % (behaviour, node.cls, behaviour))


def _multi_class_removed_down(node, migration, path):
    behaviour = next((name for name, cls in _COMPAT.items() if cls == node.cls), None)
    node.cls = LOGISTIC
    if behaviour is not None:
        node.params["multi_class"] = behaviour
    else:
        node.params["multi_class"] = "multinomial" if len(node.state.get("classes_", ())) > 2 else "deprecated"
    if node.params.get("penalty") == "deprecated":
        ratio = node.params.get("l1_ratio") or 0.0
        node.params["penalty"] = "l2" if ratio == 0.0 else ("l1" if ratio == 1.0 else "elasticnet")


STEPS = [
    Step("1.8", "LogisticRegression multi_class removed", [LOGISTIC] + list(_COMPAT.values()),
         _multi_class_removed_up, _multi_class_removed_down, params_removed=["multi_class"]),
]

# Issue 6, the linear-model family.
STEPS += [
    # 1.8 made RidgeClassifier.classes_ an attribute (it was a property reading the label binarizer).
    state_added("1.8", [RIDGE_CLASSIFIER], "classes_", lambda node: node.state["_label_binarizer"].state["classes_"]),
    # 1.8 dropped BaseSGD's C (passive-aggressive's step bound, 1.0 for the other SGD models).
    state_removed("1.8", [SGD_CLASSIFIER, SGD_REGRESSOR, PERCEPTRON], "C", constant(1.0)),
]
