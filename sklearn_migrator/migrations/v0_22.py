"""scikit-learn 0.22 (December 2019); the private-module moves of this release
(``sklearn.tree.tree`` -> ``sklearn.tree._classes`` ...) need no step, since
documents name classes by their public paths."""
import numpy as np

from ..errors import MigrationError
from ..versions import has_release
from . import Step
from . import _adaboost as adaboost
from . import _search as search
from ..objects.sparse import shape_of
from ._hist_gradient_boosting import inserted, relayout
from ._kinds import (constant, missing, n_features, output_changed, param_added, param_removed, param_values, refuse,
                     state_added, state_removed, state_renamed, unchanged, value_added, when_fitted)
from .families import (AGGLOMERATIVE, BAYESIAN_RIDGE, BIN_MAPPER, CALIBRATED, COLUMN_TRANSFORMER, COORDINATE_DESCENT_CV,
                       COUNT_NB, DECISION_TREES, DUMMIES, DUMMY_CLASSIFIERS, EXTRA_TREES, FORESTS, FUNCTION_TRANSFORMER,
                       GRADIENT_BOOSTING, HGB_REGRESSOR, HIST_GRADIENT_BOOSTING, IFOREST, IFORESTS, IFOREST_OLD, KNN,
                       LARS, LOF, LOGISTIC, LOGISTIC_CV, MLP, MORE_NEIGHBORS, ONE_CLASS_SVM, ONE_HOT, ORDINAL,
                       POLYNOMIAL, POLYNOMIAL_PRODUCTS_021, POLYNOMIAL_PRODUCTS_022, RADIUS_CLASSIFIER, SCORER_CLASSES,
                       SEARCHES, SEARCHES_020, SHUFFLE_SPLITS, SVCS, SVM, SVRS, TREE_MODELS, TREE_PREDICTOR,
                       TREE_REGRESSORS, TRUNCATED_SVD, TRUNCATED_SVD_DOT_021, TRUNCATED_SVD_MATMUL_022)


def _presort(old_default, holder="params"):
    """0.22 deprecated ``presort`` (a parameter, or an attribute of extra trees): its
    value became 'deprecated'. It only affected fitting speed."""
    def up(node, migration, path):
        getattr(node, holder)["presort"] = "deprecated"

    def down(node, migration, path):
        values = getattr(node, holder)
        if values.get("presort") == "deprecated":
            values["presort"] = old_default
    return up, down


def _resolve_auto_multi_class(node, migration, path):
    """Until 0.21 ``predict_proba`` treated every ``multi_class`` but 'ovr' as multinomial;
    0.22 resolves 'auto' (one-vs-rest for binary problems and liblinear). Older releases
    get the resolved value."""
    if node.params.get("multi_class") == "auto":
        binary = len(node.state.get("classes_", ())) <= 2
        node.params["multi_class"] = "ovr" if binary or node.params.get("solver") == "liblinear" else "multinomial"


def _samples_fit(node):
    shape = shape_of(node.state["_fit_X"])  # (dense, or sparse with brute force)
    return missing(node) if shape is None else int(shape[0])


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


def _one_class_random_state(up):
    """0.22 removed OneClassSVM's ``random_state`` parameter (deprecated in 0.20, never
    used: one-class libsvm draws nothing); 0.22+ keeps the attribute as None."""
    def apply(node, migration, path):
        source, target = (node.params, node.state) if up else (node.state, node.params)
        source.pop("random_state", None)
        target["random_state"] = None
    return apply


def _iforest_behaviour_up(node, migration, path):
    """0.22 removed IsolationForest's ``behaviour='old'`` (the 0.20-0.21 default): its
    ``predict`` compared ``decision_function`` with ``threshold_``, which 0.22 cannot
    do. Such a model is rebuilt as the :mod:`sklearn_migrator.compat` subclass that
    predicts as 0.20-0.21 did; ``behaviour`` became 'deprecated' and the resolved
    ``_contamination`` is no longer kept."""
    behaviour = node.params.get("behaviour")
    node.params["behaviour"] = "deprecated"
    node.state.pop("_contamination", None)
    if behaviour == "old":
        node.cls = IFOREST_OLD
        migration.note(path, "scikit-learn 0.22 removed IsolationForest's behaviour='old'; this model was rebuilt "
                             "as %s, an IsolationForest that predicts as behaviour='old' did" % IFOREST_OLD)
    else:
        node.state.pop("_threshold_", None)


def _iforest_behaviour_down(node, migration, path):
    node.params["behaviour"] = "old" if node.cls == IFOREST_OLD else "new"
    node.cls = IFOREST
    node.state["_contamination"] = node.params["contamination"]


STEPS = [
    param_added("0.22", TREE_MODELS, "ccp_alpha", 0.0),
    param_added("0.22", FORESTS, "max_samples", None),
    Step("0.22", "tree presort deprecated", DECISION_TREES, *_presort(False)),
    Step("0.22", "extra tree presort deprecated", EXTRA_TREES, *_presort(False, "state")),
    Step("0.22", "gradient boosting presort deprecated", GRADIENT_BOOSTING, *_presort("auto")),
    # 0.22 stopped storing classification-only attributes on regression trees.
    state_removed("0.22", TREE_REGRESSORS, "classes_", constant(None)),
    state_removed("0.22", TREE_REGRESSORS, "n_classes_", constant(np.int64(1))),
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
    param_values("0.22", [LOGISTIC, LOGISTIC_CV], "multi_class", {"warn": "ovr"}, one_way=True),
    param_values("0.22", [LOGISTIC], "solver", {"warn": "liblinear"}, one_way=True),
    Step("0.22", "LogisticRegression resolves multi_class='auto' itself", [LOGISTIC, LOGISTIC_CV], unchanged,
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

    # 0.20-0.21's default contamination 'legacy' meant 0.1 (with a FutureWarning).
    param_values("0.22", IFORESTS, "contamination", {"legacy": 0.1}, one_way=True),
    Step("0.22", "IsolationForest behaviour='old' removed", IFORESTS, _iforest_behaviour_up, _iforest_behaviour_down),
    # 0.21 computed probabilities from the members' scores (SAMME's weighted probabilities, SAMME.R's
    # log-probabilities), 0.22 from the decision function (PR #14114): other numbers for SAMME, other bits for SAMME.R.
    adaboost.changed("0.22", "AdaBoostClassifier probabilities from the decision function", adaboost.PROBABILITIES,
                     "0.21", "0.22", lambda node: True, "AdaBoostClassifier's predict_proba"),
]


# OneHotEncoder attributes of its legacy mode (integer inputs fitted as ranges), which 0.22 removed.
_ONE_HOT_LEGACY = ("_active_features_", "_categorical_features", "_categories", "_feature_indices_", "_legacy_mode",
                   "_n_values", "_n_values_")


def _one_hot_legacy_removed(node, migration, path):
    """0.22 removed OneHotEncoder's legacy mode and its ``n_values``/``categorical_features``
    parameters; an encoder fitted in legacy mode encodes differently and is refused."""
    if node.state.get("_legacy_mode"):
        raise MigrationError("this OneHotEncoder was fitted in the legacy mode of scikit-learn %s, which 0.22 "
                             "removed; it encodes differently from any newer encoder" % migration.source,
                             path=path or None, source_version=str(migration.source),
                             target_version=str(migration.target),
                             hint="Refit it with categories='auto' (the 0.20 and 0.21 default for non-integer data)")
    for name in ("n_values", "categorical_features"):
        if node.params.pop(name, None) is not None:
            raise MigrationError("OneHotEncoder's %s was removed in 0.22" % name, path=path or None,
                                 source_version=str(migration.source), target_version=str(migration.target))
    if node.params.get("categories") is None:
        node.params["categories"] = "auto"
    for name in _ONE_HOT_LEGACY:
        node.state.pop(name, None)


def _one_hot_legacy_restored(node, migration, path):
    node.params.update(n_values=None, categorical_features=None)
    node.state.update(_legacy_mode=False, _categories=node.params.get("categories"), _n_values=None,
                      _categorical_features="all", _n_values_=None, _active_features_=None, _feature_indices_=None)


def _function_transformer_validate_up(node, migration, path):
    """0.22 removed FunctionTransformer's fitted ``_validate`` (``validate=None`` meant True
    until then, with a warning) and its ``pass_y`` parameter."""
    validate = node.state.pop("_validate", None)
    if node.params.get("validate") is None:
        node.params["validate"] = True if validate is None else bool(validate)
    node.params.pop("pass_y", None)


def _function_transformer_validate_down(node, migration, path):
    node.params.setdefault("pass_y", "deprecated")
    node.state["_validate"] = bool(node.params.get("validate"))


def _column_names_up(node, migration, path):
    """0.22 keeps ColumnTransformer's fitted DataFrame columns as ``_feature_names_in``
    (an array, or None), where 0.20-0.21 kept ``_df_columns`` only when columns were named."""
    node.state["_feature_names_in"] = node.state.pop("_df_columns", None)


def _column_names_down(node, migration, path):
    names = node.state.pop("_feature_names_in", None)
    if names is not None:
        node.state["_df_columns"] = names


STEPS += [
    Step("0.22", "OneHotEncoder legacy mode removed", [ONE_HOT], _one_hot_legacy_removed, _one_hot_legacy_restored,
         params_removed=["n_values", "categorical_features"]),
    Step("0.22", "FunctionTransformer validate defaults to False, pass_y removed", [FUNCTION_TRANSFORMER],
         _function_transformer_validate_up, _function_transformer_validate_down, params_removed=["pass_y"]),
    state_removed("0.22", [ORDINAL], "_categories", lambda node: node.params.get("categories")),
    Step("0.22", "ColumnTransformer keeps the fitted frame's columns as _feature_names_in", [COLUMN_TRANSFORMER],
         _column_names_up, _column_names_down),
]


def _products_of_three(node):
    """Whether a fitted PolynomialFeatures has output columns multiplying three or more
    features, which 0.22 (scikit-learn PR #13290: degree-d columns built from the degree
    d-1 ones, in place) associates differently from 0.20-0.21's ``X[:, comb].prod(1)``;
    products of one or two factors, and powers of a single feature, are the same."""
    degree, features = node.params.get("degree"), n_features(node)
    if "n_output_features_" not in node.state or not isinstance(features, int):
        return False
    highest = degree if isinstance(degree, int) else degree[1]  # (1.0+: a (min, max) degree)
    return highest >= 3 and features >= (3 if node.params.get("interaction_only") else 2)


# 0.22 rebuilt PolynomialFeatures' dense products degree by degree (PR #13290).
STEPS += [
    output_changed("0.22", "PolynomialFeatures dense products of three or more factors", POLYNOMIAL,
                   POLYNOMIAL_PRODUCTS_021, POLYNOMIAL_PRODUCTS_022, _products_of_three,
                   "PolynomialFeatures' dense transform (products of three or more features)"),
]


def _outlier_label_up(node, migration, path):
    """0.22 resolves RadiusNeighborsClassifier's ``outlier_label`` at fit time into
    ``outlier_label_`` (one label per output), which ``predict`` reads."""
    if "outlier_label_" in node.state:
        return
    label = node.params.get("outlier_label")
    n_outputs = len(node.state["classes_"]) if node.state.get("outputs_2d_") else 1
    node.state["outlier_label_"] = None if label is None else (
        list(label) if isinstance(label, (list, tuple, np.ndarray)) else [label] * n_outputs)


def _radius_classifier_down(node, migration, path):
    """Before 0.22 RadiusNeighborsClassifier had no ``predict_proba`` and no
    'most_frequent' outlier label (scikit-learn PR #9597): such a model would lose an
    output, so it is refused."""
    refuse(migration, path, "RadiusNeighborsClassifier has no predict_proba (nor outlier_label_) before "
                            "scikit-learn 0.22", "Keep it on scikit-learn 0.22 or newer, or refit it in the target release")


def _blas_layout(array):
    """Whether numpy's matmul hands the 2-d ``array`` (or its transpose) to BLAS as it is
    laid out (numpy's ``is_blasable2d``): one axis of unit stride, the other of a positive
    stride spanning at least that axis."""
    if array.flags.c_contiguous or array.flags.f_contiguous:
        return True
    item, (rows, columns), (down, across) = array.itemsize, array.shape, array.strides
    return any(inner == item and outer > 0 and outer % item == 0 and outer // item >= extent
               for outer, inner, extent in ((down, across, columns), (across, down, rows)))


def _strided_components(node):
    """Whether a TruncatedSVD's ``transform`` product changed with 0.22 (scikit-learn PR
    #14538: ``safe_sparse_dot`` computes ``X @ components_.T`` where it called ``np.dot``).
    ``np.dot`` copies an operand BLAS cannot take and calls BLAS; numpy's ``@`` sums such
    an operand without BLAS, in another order (up to numpy 2.2 at least; 2.5 copies it
    too). arpack's ``components_`` is ``VT[::-1]``, whose negative strides the document
    keeps; the randomized solver's (a C array, or in 0.20-0.23 a row slice of a Fortran
    one) goes to BLAS either way, for the C- or Fortran-ordered input BLAS takes too."""
    components = node.state.get("components_")
    return isinstance(components, np.ndarray) and components.ndim == 2 and not _blas_layout(components)


# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    output_changed("0.22", "TruncatedSVD transform through matmul", TRUNCATED_SVD, TRUNCATED_SVD_DOT_021,
                   TRUNCATED_SVD_MATMUL_022, _strided_components,
                   "the transform of a TruncatedSVD with arpack's negatively strided components_"),
    state_added("0.22", MORE_NEIGHBORS, "n_samples_fit_", _samples_fit),
    Step("0.22", "RadiusNeighborsClassifier outlier_label_ and predict_proba", [RADIUS_CLASSIFIER], _outlier_label_up,
         _radius_classifier_down),
    # 'legacy' (the 0.20-0.21 default) meant a contamination of 0.1; _contamination held the value used.
    param_values("0.22", [LOF], "contamination", {"legacy": 0.1}, one_way=True),
    state_removed("0.22", [LOF], "_contamination", lambda node: node.params["contamination"]),
]

# Issue 6, the linear-model family.
STEPS += [
    Step("0.22", "default cross-validation 3 -> 5 folds", COORDINATE_DESCENT_CV + [LOGISTIC_CV, CALIBRATED],
         _cv_folds_up, _cv_folds_down),
    # 0.22 made Lars' positive a class attribute fixed to False (LassoLars keeps the parameter).
    param_removed("0.22", [LARS], "positive", False, "the fitted coefficients already include it"),
    param_added("0.22", [BAYESIAN_RIDGE], "alpha_init", None),
    param_added("0.22", [BAYESIAN_RIDGE], "lambda_init", None),
]


def _max_bins_non_missing(node, migration, path):
    """0.22 reserved one of histogram gradient boosting's at most 256 bins for missing
    values: ``max_bins`` counts the others (at most 255; 256 before)."""
    if isinstance(node.params.get("max_bins"), int):
        node.params["max_bins"] = min(node.params["max_bins"], 255)


def _first_random_seed(node):
    """The seed 0.22's ``fit`` draws first from ``random_state`` (any seed for a model fitted
    without an integer ``random_state``: it only splits data when fitting goes on)."""
    seed = node.params.get("random_state")
    rng = np.random.RandomState(seed if isinstance(seed, int) else 0)
    return rng.randint(np.iinfo(np.uint32).max, dtype="u8")


def _bin_mapper_up(node, migration, path):
    """0.22's bin mapper takes ``n_bins`` (the missing-values bin included, its index
    last) and counts the bins of non-missing values per feature."""
    node.params["n_bins"] = min(node.params.pop("max_bins"), 255) + 1
    if "actual_n_bins_" in node.state:
        node.state["n_bins_non_missing_"] = node.state.pop("actual_n_bins_")
        node.state["missing_values_bin_idx_"] = node.params["n_bins"] - 1


def _bin_mapper_down(node, migration, path):
    node.params["max_bins"] = node.params.pop("n_bins")
    if "n_bins_non_missing_" in node.state:
        node.state["actual_n_bins_"] = node.state.pop("n_bins_non_missing_")
        node.state.pop("missing_values_bin_idx_", None)


def _missing_values_refused(node, migration, path):
    """Every tree of 0.22+ routes missing values (``missing_go_to_left``); 0.21 rejects
    inputs holding NaN, so such a model would lose part of what it predicts."""
    if not has_release(migration.target, "0.21"):
        refuse(migration, path, "scikit-learn %s has no histogram gradient boosting" % migration.target,
               "Keep the model on scikit-learn 0.22 or newer")
    refuse(migration, path, "this model predicts for inputs with missing values (NaN), which scikit-learn %s's "
                            "histogram gradient boosting rejects" % migration.target,
           "Keep the model on scikit-learn 0.22 or newer")


# Histogram gradient boosting: missing values, warm start, the absolute error loss (0.22).
STEPS += [
    param_added("0.22", HIST_GRADIENT_BOOSTING, "warm_start", False),
    Step("0.22", "max_bins counts the bins of non-missing values", HIST_GRADIENT_BOOSTING, _max_bins_non_missing,
         unchanged),
    value_added("0.22", [HGB_REGRESSOR], "loss", ["least_absolute_deviation"], "the absolute error loss"),
    state_added("0.22", HIST_GRADIENT_BOOSTING, "_random_seed", when_fitted("_predictors", _first_random_seed)),
    Step("0.22", "bin mapper: n_bins with a bin for missing values", [BIN_MAPPER], _bin_mapper_up, _bin_mapper_down,
         params_added=["n_bins"], params_removed=["max_bins"]),
    Step("0.22", "predictor nodes gained missing_go_to_left", [TREE_PREDICTOR],
         relayout(inserted([("missing_go_to_left", "|u1")], after="threshold")), _missing_values_refused),
]

# Searches (issue 18): 0.22 deprecated iid ('warn' -> 'deprecated'), made error_score default to nan
# ('raise-deprecating', which raised, is 'raise') and cv=None mean 5 folds where it meant 3 ('warn' too).
# Scorers gained _deprecation_msg, which __call__ reads (None: no warning).
STEPS += [
    param_values("0.22", SEARCHES_020, "iid", {"warn": "deprecated"}),
    param_values("0.22", SEARCHES_020, "error_score", {"raise-deprecating": "raise"}, one_way=True),
    Step("0.22", "searches' cv=None means 5 folds, not 3", SEARCHES_020, search.folds_up, search.folds_down),
    state_added("0.22", SCORER_CLASSES, "_deprecation_msg", constant(None)),
    Step("0.22", "mean_squared_error gained squared (neg_root_mean_squared_error)", SEARCHES, unchanged,
         search.squared_keyword_removed("sklearn.metrics.mean_squared_error")),
    Step("0.22", "shuffle splits' test_size 'default' became None and _default_test_size", SHUFFLE_SPLITS,
         search.shuffle_test_size_up, search.shuffle_test_size_down),
]
