"""scikit-learn 0.21 (May 2019)."""
import numpy as np

from ..errors import MigrationError
from ..tree import Node
from . import Step
from . import _search as search
from ._gradient_boosting import ZERO_020, dummy_regressor, init_020, init_of_020, raw_020, raw_021, zero_020
from ._kinds import (constant, missing, output_changed, param_added, param_removed, refuse, refused_across,
                     state_added, state_removed, state_renamed, unchanged, when_fitted)
from .families import (AGGLOMERATIVE, BAYESIAN_RIDGE, BIRCH, COLUMN_TRANSFORMER, DUMMY_CLASSIFIER,
                       DUMMY_CLASSIFIER_FLOAT_021, DUMMY_CLASSIFIER_INT_020, DUMMY_REGRESSOR, FEATURE_UNION,
                       GB_CLASSIFIER, GB_CLASSIFIER_INIT_020, GB_REGRESSOR, GRADIENT_BOOSTING, HASHERS, IFORESTS, LDA,
                       LDA_OVR_020, LDA_SOFTMAX_021, LOGISTIC, LOGISTIC_CV, NU_SVC, NU_SVC_OVR_020, NU_SVC_OVR_021,
                       ONE_HOT, ONE_VS_ONE, PIPELINE, POLYNOMIALS, QDA, QUANTILE_TRANSFORMER, SEARCHES_020, SGD,
                       SIMPLE_IMPUTER, SVC, SVC_OVR_020, SVC_OVR_021, TOPIC_LDA, VOTING)

_OLD_INIT_ESTIMATORS = {"sklearn.ensemble.gradient_boosting.%s" % name for name in (
    "QuantileEstimator", "MeanEstimator", "LogOddsEstimator", "ScaledLogOddsEstimator", "PriorProbabilityEstimator",
    "ZeroEstimator")}


def _init_up(node, migration, path):
    """0.21 computes gradient boosting's initial raw predictions from
    ``init_.predict_proba`` through the loss, where 0.20 took ``init_.predict`` as raw
    scores (the multinomial model even used the class priors themselves); both add the
    stages to them in place. 0.20's zero estimator becomes 'zero' and a regressor's
    mean or quantile the DummyRegressor 0.21 fits for its loss, holding the same
    constant: 0.21 reads both verbatim. A classifier keeps 0.20's initial scores, in a
    'constant' DummyRegressor, as a GradientBoostingClassifierInit020 (see
    ``_gradient_boosting``)."""
    init = node.state.get("init_")
    if not isinstance(init, Node):
        return
    if init.cls == ZERO_020:
        node.state["init_"] = "zero"
    elif node.cls == GB_REGRESSOR:
        if init.cls in _OLD_INIT_ESTIMATORS:
            node.state["init_"] = init_of_020(init)
    elif node.cls == GB_CLASSIFIER:
        if init.cls in _OLD_INIT_ESTIMATORS:
            node.state["init_"] = dummy_regressor("constant", raw_020(init))
        node.cls = GB_CLASSIFIER_INIT_020
        migration.note(path, "its initial raw predictions changed formula in 0.21; it was rebuilt as %s, which "
                             "computes them as scikit-learn %s does" % (GB_CLASSIFIER_INIT_020, migration.source))


def _init_down(node, migration, path):
    init = node.state.get("init_")
    if node.cls == GB_CLASSIFIER_INIT_020:
        node.cls = GB_CLASSIFIER
        if isinstance(init, Node) and init.cls == DUMMY_REGRESSOR:
            node.state["init_"] = init_020(node, raw_021(node, migration, path))
        return
    if init is None or (isinstance(init, Node) and init.cls in _OLD_INIT_ESTIMATORS):
        return
    if isinstance(init, Node):
        node.state["init_"] = init_020(node, raw_021(node, migration, path))
    else:
        node.state["init_"] = zero_020(node)


def _sgd_iterations_up(node, migration, path):
    """0.21 removed SGD's ``n_iter`` (deprecated in 0.19) and made ``max_iter`` and
    ``tol`` default to 1000 and 1e-3; 0.20's defaults (None) meant 5 iterations without
    stopping criterion. 0.20 kept the values fit used in ``_max_iter`` and ``_tol``:
    newer releases get them as the parameters."""
    node.params.pop("n_iter", None)
    if "_max_iter" in node.state:
        node.params["max_iter"] = node.state.pop("_max_iter")
        node.params["tol"] = node.state.pop("_tol", None)


def _sgd_iterations_down(node, migration, path):
    node.params["n_iter"] = None
    node.state["_max_iter"], node.state["_tol"] = node.params.get("max_iter"), node.params.get("tol")


def _multiclass(node):
    return len(node.state.get("classes_", ())) > 2


def _multiclass_ovr(node):
    return _multiclass(node) and node.params.get("decision_function_shape") == "ovr"


def _flatten_transform_up(node, migration, path):
    """0.20's VotingClassifier default ``flatten_transform=None`` returned the unflattened
    probabilities (with a DeprecationWarning), as False does; 0.21 made the default True."""
    if "flatten_transform" in node.params and node.params["flatten_transform"] is None:
        node.params["flatten_transform"] = False


def _warm_start_param(node, migration, path):
    """0.21 made IsolationForest's ``warm_start`` a constructor parameter (in 0.20 an
    attribute, always False, set by the bagging base class)."""
    node.params["warm_start"] = node.state.pop("warm_start", False)


def _warm_start_attribute(node, migration, path):
    node.state["warm_start"] = node.params.pop("warm_start", False)


def _iforest_path_length_changed(node, migration, path):
    """0.21 changed IsolationForest's average path length of a leaf holding one or two
    training samples (0 and 1, where 0.20 gave 1 and 2 (log 1 + gamma) - 1), which
    enters every score: a fitted model scores differently on each side of 0.21."""
    if "estimators_" in node.state:
        raise MigrationError("IsolationForest's average path length of small leaves changed in scikit-learn 0.21, "
                             "so this model's score_samples, decision_function and predict would change",
                             path=path or None, source_version=str(migration.source),
                             target_version=str(migration.target),
                             hint="Keep the model on the side of 0.21 it was fitted on, or refit it")


STEPS = [
    Step("0.21", "VotingClassifier flatten_transform default True", VOTING, _flatten_transform_up, unchanged),
    param_added("0.21", [AGGLOMERATIVE], "distance_threshold", None),
    state_renamed("0.21", [AGGLOMERATIVE], "n_components_", "n_connected_components_"),
    state_added("0.21", [AGGLOMERATIVE], "n_clusters_", lambda node: node.params["n_clusters"]),
    param_added("0.21", [LOGISTIC], "l1_ratio", None),
    # 0.21 changed how SVC and NuSVC turn one-vs-one votes into a one-vs-rest decision_function
    # (scikit-learn PR #10440: 0.20 scaled the summed confidences by the largest in the batch).
    output_changed("0.21", "SVC one-vs-rest decision function changed", SVC, SVC_OVR_020, SVC_OVR_021,
                   _multiclass_ovr, "a multiclass SVC's one-vs-rest decision_function"),
    output_changed("0.21", "NuSVC one-vs-rest decision function changed", NU_SVC, NU_SVC_OVR_020, NU_SVC_OVR_021,
                   _multiclass_ovr, "a multiclass NuSVC's one-vs-rest decision_function"),
    # 0.21 (PR #11796) computes LDA's multiclass probabilities by softmax, not normalised logistics.
    output_changed("0.21", "LinearDiscriminantAnalysis multiclass predict_proba changed", LDA, LDA_OVR_020,
                   LDA_SOFTMAX_021, _multiclass, "a multiclass LinearDiscriminantAnalysis's predict_proba"),
    # 0.21 made a 'stratified' DummyClassifier's predict_proba float64 (0.20 returned the integer draws).
    output_changed("0.21", "DummyClassifier stratified predict_proba dtype changed", DUMMY_CLASSIFIER,
                   DUMMY_CLASSIFIER_INT_020, DUMMY_CLASSIFIER_FLOAT_021,
                   lambda node: node.params.get("strategy") == "stratified",
                   "a 'stratified' DummyClassifier's predict_proba dtype"),
    # 0.21 removed QDA's store_covariances (deprecated in 0.19 for store_covariance).
    param_removed("0.21", [QDA], "store_covariances", None),

    Step("0.21", "IsolationForest warm_start became a parameter", IFORESTS, _warm_start_param, _warm_start_attribute,
         params_added=["warm_start"]),
    Step("0.21", "IsolationForest average path length of small leaves changed", IFORESTS,
         _iforest_path_length_changed, _iforest_path_length_changed),
    Step("0.21", "gradient boosting initial predictions through the loss", GRADIENT_BOOSTING, _init_up, _init_down),
]

# Issue 6, the linear-model family.
STEPS += [
    state_added("0.21", [BAYESIAN_RIDGE], "n_iter_", missing),
    Step("0.21", "SGD n_iter removed, max_iter/tol defaults", SGD, _sgd_iterations_up, _sgd_iterations_down,
         params_removed=["n_iter"]),
]

def _passthrough_down(node, migration, path):
    """0.21 let a Pipeline step be 'passthrough'; 0.20 spelled a skipped step None."""
    node.params["steps"] = [(name, None if step == "passthrough" else step) for name, step in node.params["steps"]]


# Composition and preprocessing.
STEPS += [
    Step("0.21", "Pipeline steps may be 'passthrough'", [PIPELINE], unchanged, _passthrough_down),
    param_added("0.21", [PIPELINE, FEATURE_UNION, COLUMN_TRANSFORMER], "verbose", False, "it only prints progress"),
    param_added("0.21", POLYNOMIALS, "order", "C", "it only sets the memory layout of the output"),
    param_added("0.21", [ONE_HOT], "drop", None, changes="which categories the output drops"),
    state_added("0.21", [ONE_HOT], "drop_idx_", constant(None)),
    param_added("0.21", [SIMPLE_IMPUTER], "add_indicator", False, changes="the output (indicator columns)"),
    state_added("0.21", [SIMPLE_IMPUTER], "indicator_", constant(None)),
    state_added("0.21", [QUANTILE_TRANSFORMER], "n_quantiles_",
                when_fitted("quantiles_", lambda node: int(node.state["quantiles_"].shape[0]))),
    Step("0.21", "QuantileTransformer's uniform output no longer clipped to [1e-7, 1 - 1e-7]", [QUANTILE_TRANSFORMER],
         *refused_across("a uniform QuantileTransformer's outputs at the bounds",
                          lambda node: node.params.get("output_distribution") == "uniform")),
    Step("0.21", "OneVsOneClassifier's decision function changed", [ONE_VS_ONE],
         *refused_across("OneVsOneClassifier's decision_function (0.21 rescaled its confidences)",
                          lambda node: True)),
]

# Issue 6: neighbours, mixtures, decompositions, DBSCAN, Birch and Gaussian processes.


def _birch_float32_down(node, migration, path):
    """0.21 made ``euclidean_distances`` compute float32 inputs in float64 (#13554); 0.20
    computes them in float32. A Birch fitted on float32 data by 1.2+ (which keeps the CF
    tree in the input's dtype) would transform float32 queries less precisely there."""
    centers = node.state.get("subcluster_centers_")
    if isinstance(centers, np.ndarray) and centers.dtype == np.float32:
        refuse(migration, path, "a Birch with float32 subcluster centroids (fitted on float32 data by scikit-learn "
                                "1.2 or newer) measures distances in float32 arithmetic in scikit-learn %s"
               % migration.target, "Keep the model on scikit-learn 0.21 or newer, or refit it on float64 data")


STEPS += [
    param_removed("0.21", [TOPIC_LDA], "n_topics", None, "it was the deprecated name of n_components"),
    state_removed("0.21", [TOPIC_LDA], "_n_components", lambda node: node.params["n_components"]),
    Step("0.21", "euclidean_distances computes float32 in float64", [BIRCH], unchanged, _birch_float32_down),
]

# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    # 0.21 added elastic-net to LogisticRegressionCV: a grid of l1 ratios, and the chosen one.
    param_added("0.21", [LOGISTIC_CV], "l1_ratios", None),
    state_added("0.21", [LOGISTIC_CV], "l1_ratios_", when_fitted("coef_", lambda node: np.array([None], dtype=object))),
    state_added("0.21", [LOGISTIC_CV], "l1_ratio_",
                when_fitted("coef_", lambda node: np.array([None] * len(node.state["C_"]), dtype=object))),
]

# Text feature extraction (issue 18): 0.21 removed the hashers' non_negative (deprecated in 0.19),
# which took the absolute value of every hashed feature.
STEPS += [
    param_removed("0.21", HASHERS, "non_negative", False,
                  changes="the output (absolute values of the hashed features)"),
]

# Searches (issue 18): 0.21 removed fit_params (deprecated in 0.19; fit takes them) and made
# return_train_score default to False, its 'warn' having computed train scores with a warning.
STEPS += [
    param_removed("0.21", SEARCHES_020, "fit_params", None, "fit parameters are passed to fit"),
    Step("0.21", "searches' return_train_score 'warn' removed", SEARCHES_020, search.train_scores_up, unchanged),
    Step("0.21", "searches' cv_results_ is a plain dict", SEARCHES_020, search.plain_results_up, unchanged),
]
