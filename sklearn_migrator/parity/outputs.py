"""Outputs of a fitted estimator: what the parity rule compares.

``outputs`` calls every public output method an estimator has on the same
input (``score`` too, given targets; a sparse result is compared as its dense
values and its CSR ``.indices`` and ``.indptr``: which entries are stored and in
which order, whatever index dtype the scipy release uses), and collects the fitted results that
clusterers expose as attributes, so a rebuilt estimator can be compared with
its original, method by method.

A composite (a pipeline, a voting or stacking ensemble...) is also observed
member by member: each member's outputs on the very input the composite hands
it, named ``"<member path>:<output>"``, with that input kept as
``"<member path>:@input"`` unless it is the composite's own input. A rebuilt composite is observed on the *recorded*
inputs, so each member is judged in isolation, by its own class's reasons
(:mod:`.rule`).
"""
from __future__ import annotations

import warnings

import numpy as np

METHODS = ("predict", "predict_proba", "predict_log_proba", "decision_function", "transform", "score_samples",
           "apply")
ATTRIBUTES = ("labels_", "cluster_centers_", "children_", "distances_", "classes_")
#: The searches, which predict with their ``best_estimator_``.
SEARCH_CLASSES = ("GridSearchCV", "RandomizedSearchCV", "HalvingGridSearchCV", "HalvingRandomSearchCV")
#: A search's ``cv_results_`` (a dict; RidgeCV's of 1.5+ is an array, not compared).
SEARCH_RESULTS = "cv_results_"
#: A vectorizer's column names (``get_feature_names_out``, 1.0+; ``get_feature_names`` before 1.2).
FEATURE_NAMES = "feature_names"
_NAMING = ("get_feature_names_out", "get_feature_names")
#: Outputs that are discrete whatever their dtype: indices and labels (never tolerated; any
#: other output of a non-float dtype, a classifier's predicted labels, is discrete too).
DISCRETE = ("apply", "kneighbors.indices", "labels_", "children_", "classes_")
INPUT = "@input"
#: ``y`` for an estimator fitted without targets: ``score`` is called on ``X`` alone.
NO_TARGET = "no target"


def outputs(estimator, X, y=None, inputs=None) -> dict:
    """``{name: array}`` for every output ``estimator`` offers on ``X`` (and
    ``score`` on ``(X, y)`` when ``y`` is given, on ``X`` alone when it is
    :data:`NO_TARGET`), then its members' outputs
    (see the module docstring): on the inputs the composite hands them, or, given
    ``inputs`` (``{member path: array}``, a source's recorded ``@input`` entries),
    on those.

    ``X`` is copied first: an estimator may keep its training array itself
    (``_fit_X is X``), and scikit-learn shortcuts some computations when the
    query is that very object (exact zeros on the diagonal of
    ``euclidean_distances``), which no rebuilt or unpickled estimator can share.
    """
    results = own_outputs(estimator, X, y)
    _observe_members(estimator, X, inputs, "", results)
    return results


def _observe_members(estimator, X, inputs, prefix, results):
    """Add the outputs of ``estimator``'s members, and of theirs (a pipeline inside a
    union...), each named by its path (``steps[0][1]/transformer_list[1][1]``)."""
    for path, member, member_input in members(estimator, X):
        path = prefix + path
        if member_input is not X:  # an input the composite made: recorded, and taken from the record
            if inputs is not None:
                if path not in inputs:
                    continue
                member_input = inputs[path]
            results["%s:%s" % (path, INPUT)] = _recordable(member_input)
        results.update(("%s:%s" % (path, name), value) for name, value in own_outputs(member, member_input).items())
        _observe_members(member, member_input, inputs, path + "/", results)


def recorded_inputs(expected: dict) -> dict:
    """``{member path: input}`` from a source's outputs (its ``@input`` entries)."""
    suffix = ":" + INPUT
    return {name[:-len(suffix)]: _replayed(value) for name, value in expected.items() if name.endswith(suffix)}


def _recordable(member_input):
    """A member's input as a record keeps it: an array, or a sparse matrix as
    ``("csr", data, indices, indptr, shape)`` (fed a dense copy, a member fitted on
    sparse text features would compute by another route)."""
    if hasattr(member_input, "tocsr"):
        matrix = member_input.tocsr()
        return ("csr", matrix.data, matrix.indices, matrix.indptr, np.array(matrix.shape, dtype=np.int64))
    return _dense(member_input)


def _replayed(value):
    if isinstance(value, tuple) and value and value[0] == "csr":
        from scipy import sparse

        return sparse.csr_matrix(tuple(value[1:4]), shape=tuple(int(size) for size in value[4]))
    return value


def own_outputs(estimator, X, y=None) -> dict:
    X = X.copy()
    results = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in METHODS:
            method = _method(estimator, name)
            try:
                output = method(X) if method is not None else None
            except AttributeError:  # an old release's way to say "not available" (VotingClassifier's hard voting)
                continue
            if isinstance(output, list):  # one array per output of a multi-output classifier
                results.update(("%s[%d]" % (name, index), _dense(item)) for index, item in enumerate(output))
            elif output is not None:
                results[name] = _dense(output)
                if hasattr(output, "tocsr"):  # a sparse output: which entries it stores, in which order (as CSR;
                    matrix = output.tocsr()  # the index dtype follows the scipy release, not the model)
                    results[name + ".indices"] = matrix.indices.astype(np.int64)
                    results[name + ".indptr"] = matrix.indptr.astype(np.int64)
        if "transform" in results and _method(estimator, "inverse_transform") is not None:
            try:
                inverse = estimator.inverse_transform(results["transform"])
                if not isinstance(inverse, list):  # (a vectorizer's: the terms of each document)
                    results["inverse_transform"] = _dense(inverse)
            except (ValueError, TypeError, NotImplementedError):  # configurations that have no inverse
                pass
        if _method(estimator, "kneighbors") is not None:
            distances, indices = estimator.kneighbors(X)
            results["kneighbors.distances"], results["kneighbors.indices"] = distances, indices
        if y is not None and _method(estimator, "score") is not None:
            try:
                # a multi-output score is its own output: 0.23 changed how regressors average it
                name = "score" if y is NO_TARGET or np.ndim(y) < 2 else "score.multioutput"
                results[name] = np.asarray(estimator.score(X) if y is NO_TARGET else estimator.score(X, y))
            except (ValueError, TypeError, AttributeError):  # a score this estimator cannot give on these targets
                pass
        results.update(_search_results(estimator))
        if hasattr(estimator, "vocabulary_"):  # the text and dictionary vectorizers
            naming = next(getattr(estimator, name) for name in _NAMING if hasattr(estimator, name))
            results[FEATURE_NAMES] = np.array(list(naming()), dtype=object)
        for name in ATTRIBUTES:
            value = getattr(estimator, name, None)
            # (0.22-0.23 regression trees had a deprecated classes_ of [None]: not an output)
            if isinstance(value, np.ndarray) and not (value.dtype == object and all(v is None for v in value.flat)):
                results[name] = value
    return results


def _search_results(estimator):
    """A search's numeric results (``cv_results_.mean_test_score``...): data, carried exactly,
    and all a search fitted with refit=False offers."""
    results = getattr(estimator, SEARCH_RESULTS, None)
    if not isinstance(results, dict):
        return ()
    return [(SEARCH_RESULTS + "." + key, value) for key, value in results.items()
            if type(value) is np.ndarray and value.dtype.kind in "biuf"]


def members(estimator, X=None):
    """``[(path, member, input)]``: the members of a composite whose input can be
    observed, each with the input the composite hands it for ``X`` (None when ``X``
    is None: the members alone). Empty for anything that is not a composite (trees
    of a forest are not observed: the forest's own reasons judge its outputs)."""
    observe = _MEMBERS.get(type(estimator).__name__)
    if observe is None:
        for cls in type(estimator).__mro__[1:]:  # sklearn_migrator.compat subclasses answer as their base
            observe = _MEMBERS.get(cls.__name__)
            if observe is not None:
                break
    if observe is None:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(path, member, member_input) for path, member, member_input in observe(estimator, X)
                if member is not None and not isinstance(member, str)]


def member_at(estimator, path):
    """The member of ``estimator`` at ``path`` (as :func:`outputs` names it, nested
    members' paths joined by ``/``), or None."""
    for part in path.split("/"):
        estimator = next((member for found, member, _ in members(estimator) if found == part), None)
        if estimator is None:
            return None
    return estimator


def _pipeline(estimator, X):
    last = len(estimator.steps) - 1
    for index, (_, step) in enumerate(estimator.steps):
        if step is None or isinstance(step, str):  # "passthrough" (None before 0.21)
            continue
        yield "steps[%d][1]" % index, step, X
        if X is not None and index < last:
            X = step.transform(X)


def _listed(attribute):
    """Members in a list attribute, each seeing the composite's own input."""
    def observe(estimator, X):
        for index, member in enumerate(getattr(estimator, attribute)):
            yield "%s[%d]" % (attribute, index), member, X
    return observe


def _feature_union(estimator, X):
    for index, (_, member) in enumerate(estimator.transformer_list):
        yield "transformer_list[%d][1]" % index, member, X


def _stacking(estimator, X):
    for found in _listed("estimators_")(estimator, X):
        yield found
    yield "final_estimator_", estimator.final_estimator_, None if X is None else estimator.transform(X)


def _bagging(estimator, X):
    for index, (member, features) in enumerate(zip(estimator.estimators_, estimator.estimators_features_)):
        yield "estimators_[%d]" % index, member, None if X is None else np.asarray(X)[:, features]


def _calibrated(estimator, X):
    """Each calibrated classifier's fitted classifier (``base_estimator`` before 1.2,
    ``estimator`` since: one path for both)."""
    for index, calibrated in enumerate(estimator.calibrated_classifiers_):
        member = getattr(calibrated, "estimator", None) or getattr(calibrated, "base_estimator", None)
        yield "calibrated_classifiers_[%d]" % index, member, X


def _target_regressor(estimator, X):
    yield "regressor_", estimator.regressor_, X


#: Composite class name -> how its members and their inputs are found.
def _best(estimator, X):
    """A search's refitted best estimator (none with refit=False)."""
    yield "best_estimator_", getattr(estimator, "best_estimator_", None), X


_MEMBERS = {
    "Pipeline": _pipeline,
    "FeatureUnion": _feature_union,
    "VotingClassifier": _listed("estimators_"),
    "VotingRegressor": _listed("estimators_"),
    "StackingClassifier": _stacking,
    "StackingRegressor": _stacking,
    "BaggingClassifier": _bagging,
    "BaggingRegressor": _bagging,
    "OneVsRestClassifier": _listed("estimators_"),
    "OneVsOneClassifier": _listed("estimators_"),
    "MultiOutputRegressor": _listed("estimators_"),
    "MultiOutputClassifier": _listed("estimators_"),
    "CalibratedClassifierCV": _calibrated,
    "TransformedTargetRegressor": _target_regressor,
    **{name: _best for name in SEARCH_CLASSES},
}


def offered(estimator, output) -> bool:
    """Whether ``estimator`` has the method (or attribute) an output comes from
    (``SimpleImputer.inverse_transform`` only exists from 1.0 on)."""
    name = output.split("[")[0].split(".")[0]
    if name == SEARCH_RESULTS:
        return isinstance(getattr(estimator, name, None), dict)
    if name == FEATURE_NAMES:
        return any(hasattr(type(estimator), naming) for naming in _NAMING)
    return name in ATTRIBUTES or hasattr(type(estimator), name)


def _dense(output):
    """An output as a numpy array (sparse matrices, e.g. one-hot codes, made dense; DataFrames as arrays)."""
    return np.asarray(output.toarray() if hasattr(output, "toarray") else output)


def _method(estimator, name):
    try:
        return getattr(estimator, name, None)
    except AttributeError:  # methods hidden by available_if / property checks
        return None
