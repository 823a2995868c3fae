"""Steps for hyper-parameter searches, their scorers and their CV splitters.

A search predicts with ``best_estimator_``; what upstream changed around it is
how its scorer is spelled (a function, then an object, for the passthrough to
the estimator's own ``score``; one class per response method, then one class
naming the method), what some metrics are called, and the defaults of
parameters only ``fit`` reads. Each function here is one direction of one
such change; the release modules pair them into steps.
"""
from __future__ import annotations

from ..objects.search import search_results
from ..tree import Global, Node
from ._kinds import refuse
from .families import SCORER, SCORER_CLASSES

PASSTHROUGH_FUNCTION = "sklearn.metrics._scorer._passthrough_scorer"
PASSTHROUGH_SCORER = "sklearn.metrics._scorer._PassthroughScorer"
REFIT_CALLABLE = "sklearn.model_selection._search_successive_halving._refit_callable"

#: make_scorer's classes before 1.4 and the response method 1.4's ``_Scorer`` names for each
#: (a threshold scorer tried decision_function, then predict_proba).
RESPONSE_OF_CLASS = {
    SCORER_CLASSES[0]: "predict",
    SCORER_CLASSES[1]: "predict_proba",
    SCORER_CLASSES[2]: ("decision_function", "predict_proba"),
}
_CLASS_OF_RESPONSE = {method: cls for cls, method in RESPONSE_OF_CLASS.items()}

#: Metrics 1.4 split out of ``squared=False`` (deprecated in 1.4, removed in 1.6).
_ROOT_METRICS = {"sklearn.metrics.mean_squared_error": "sklearn.metrics.root_mean_squared_error",
                 "sklearn.metrics.mean_squared_log_error": "sklearn.metrics.root_mean_squared_log_error"}
_SQUARED_METRICS = {root: squared for squared, root in _ROOT_METRICS.items()}


def _scorers(node):
    """The search's scorer nodes and globals: ``scorer_`` (one, or a dict of them) and a
    scorer given as its ``scoring`` parameter."""
    found = []
    for value in (node.state.get("scorer_"), node.params.get("scoring")):
        for item in (value.values() if isinstance(value, dict) else [value]):
            if isinstance(item, (Node, Global)):
                found.append(item)
    return found


def passthrough_up(node, migration, path):
    """1.3 made the scorer of ``scoring=None`` an object holding the search's estimator
    (``_PassthroughScorer``, for 1.3's metadata routing of scorers) where it was the
    function ``_passthrough_scorer``; both call the best estimator's own ``score``."""
    if node.state.get("scorer_") == Global(PASSTHROUGH_FUNCTION):
        node.state["scorer_"] = Node(PASSTHROUGH_SCORER, state={"_estimator": node.params["estimator"]})


def passthrough_down(node, migration, path):
    scorer = node.state.get("scorer_")
    if type(scorer) is Node and scorer.cls == PASSTHROUGH_SCORER:
        node.state["scorer_"] = Global(PASSTHROUGH_FUNCTION)


def scorer_class_up(node, migration, path):
    """1.4 replaced ``_PredictScorer``, ``_ProbaScorer`` and ``_ThresholdScorer`` by one
    ``_Scorer`` naming the response method it calls."""
    if node.cls in RESPONSE_OF_CLASS:
        node.state["_response_method"] = RESPONSE_OF_CLASS[node.cls]
        node.cls = SCORER


def scorer_class_down(node, migration, path):
    if node.cls != SCORER:
        return
    method = node.state.pop("_response_method", "predict")
    method = tuple(method) if isinstance(method, list) else method
    cls = _CLASS_OF_RESPONSE.get(method)
    if cls is None:
        refuse(migration, path, "the scorer calls %r, which scikit-learn %s's scorers cannot call"
               % (method, migration.target),
               "Keep the model on scikit-learn 1.4 or newer, or refit the search with a scorer that calls "
               "predict, predict_proba or decision_function")
    node.cls = cls


def _renamed_metric(table, squared):
    """A step function renaming the metric of every scorer of a search whose function is in
    ``table``, ``squared`` being the ``squared`` keyword the old spelling takes."""
    def apply(node, migration, path):
        for scorer in _scorers(node):
            if type(scorer) is not Node or not isinstance(scorer.state, dict):
                continue
            function, kwargs = scorer.state.get("_score_func"), scorer.state.get("_kwargs")
            if not (type(function) is Global and function.name in table and isinstance(kwargs, dict)):
                continue
            if squared is None and kwargs.get("squared", True) is False:  # up: squared=False is the root metric
                kwargs.pop("squared")
                scorer.state["_score_func"] = Global(table[function.name])
            elif squared is False:  # down: the root metric is squared=False of the old one
                kwargs["squared"] = False
                scorer.state["_score_func"] = Global(table[function.name])
    return apply


#: 1.4 added root_mean_squared_error and root_mean_squared_log_error, which the
#: ``neg_root_mean_squared_*`` scorers call, in place of ``squared=False``.
root_metrics_up = _renamed_metric(_ROOT_METRICS, None)
root_metrics_down = _renamed_metric(_SQUARED_METRICS, False)


def halving_refit_up(node, migration, path):
    """0.24's successive-halving searches stored ``refit=True`` as the function
    ``_refit_callable`` (picking the best candidate of the last iteration); 1.0 keeps
    ``True`` and picks it the same way in ``_select_best_index``."""
    if node.params.get("refit") == Global(REFIT_CALLABLE):
        node.params["refit"] = True


def halving_refit_down(node, migration, path):
    if node.params.get("refit") is True:
        node.params["refit"] = Global(REFIT_CALLABLE)


def shuffle_test_size_up(node, migration, path):
    """0.22 replaced ``test_size='default'`` (0.1 of the samples, with a warning) by None
    and a class default kept in ``_default_test_size`` (0.1; GroupShuffleSplit 0.2)."""
    default = 0.2 if node.cls.endswith("GroupShuffleSplit") else 0.1
    if node.state.get("test_size") == "default":
        node.state["test_size"] = None
    node.state.setdefault("_default_test_size", default)


def shuffle_test_size_down(node, migration, path):
    default = node.state.pop("_default_test_size", None)
    if node.state.get("test_size") is None and node.state.get("train_size") is None:
        node.state["test_size"] = default


def train_scores_up(node, migration, path):
    """0.21 removed ``return_train_score='warn'``, which computed train scores (and warned
    when they were read): True is what it did."""
    if node.params.get("return_train_score") == "warn":
        node.params["return_train_score"] = True


def plain_results_up(node, migration, path):
    """0.21 keeps ``cv_results_`` as a plain dict; 0.20's was a ``DeprecationDict`` warning
    when a train score computed under ``return_train_score='warn'`` was read."""
    if "cv_results_" in node.state:
        node.state["cv_results_"] = search_results(node.state)


def squared_keyword_removed(metric):
    """The step function carrying a search down across the release that gave ``metric`` its
    ``squared`` keyword: dropped where True (the default), refused where False (the root of
    the metric, which the older release cannot compute)."""
    def down(node, migration, path):
        for scorer in _scorers(node):
            state = scorer.state if type(scorer) is Node and isinstance(scorer.state, dict) else {}
            kwargs = state.get("_kwargs")
            if state.get("_score_func") != Global(metric) or not isinstance(kwargs, dict) or "squared" not in kwargs:
                continue
            if kwargs["squared"] is not True:
                refuse(migration, path, "the search scores with %s(squared=False), which scikit-learn %s cannot "
                       "compute" % (metric.rsplit(".", 1)[1], migration.target),
                       "Keep the model on a release that has the squared keyword, or refit the search there "
                       "with another scoring")
            del kwargs["squared"]
    return down


def folds_up(node, migration, path):
    """0.22 made ``cv=None`` mean 5 folds (scikit-learn PR #13839, announced in 0.20 by
    PR #11557); before, None and 'warn' meant 3."""
    if node.params.get("cv") in ("warn", None):
        node.params["cv"] = 3


def folds_down(node, migration, path):
    if node.params.get("cv") is None:
        node.params["cv"] = 5
