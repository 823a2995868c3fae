"""scikit-learn 1.8 (December 2025)."""
from ..errors import MigrationError
from . import Step
from .families import LOGISTIC


def _is_ovr(node):
    multi_class, solver = node.params.get("multi_class"), node.params.get("solver")
    return multi_class in ("ovr", "warn") or (multi_class in ("auto", "deprecated") and solver == "liblinear")


def _multi_class_removed_up(node, migration, path):
    """1.8 removed LogisticRegression's ``multi_class`` (#28703): multiclass models are
    always multinomial and binary ones always use the logistic link. A one-vs-rest
    multiclass model, or a binary model fitted as multinomial, computes different
    probabilities there, so it is refused rather than changed."""
    n_classes = len(node.state.get("classes_", ()))
    multi_class = node.params.get("multi_class")
    if (n_classes > 2 and _is_ovr(node)) or (n_classes == 2 and multi_class == "multinomial"):
        raise MigrationError("this LogisticRegression (%s, %d classes) has no equivalent in scikit-learn 1.8+, "
                             "which removed multi_class" % ("one-vs-rest" if _is_ovr(node) else "multinomial",
                                                           n_classes),
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
         _multi_class_removed_down),
]
