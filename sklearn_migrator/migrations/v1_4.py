"""scikit-learn 1.4 (January 2024)."""
import importlib

import numpy as np

from ..tree import Node
from . import Step
from . import _search as search
from ._gradient_boosting import fold_into_first_stage
from ._hist_gradient_boosting import categories_without_encoder
from ._kinds import (constant, copy_of, param_added, param_removed, param_values, refused_across, state_added,
                     state_removed, state_renamed, unchanged, when_fitted)
from .families import (ADABOOST, AGGLOMERATIVE, BAGGING, CALIBRATED, CALIBRATED_PAIR, COLUMN_TRANSFORMER, DISCRETE_NB,
                       FORESTS, FUNCTION_TRANSFORMER, GB_CLASSIFIER, GB_CLASSIFIERS, GRADIENT_BOOSTING,
                       HIST_GRADIENT_BOOSTING, IFORESTS, KMEANS, LEAST_ANGLE, MINIBATCH_KMEANS, NMF, ONE_HOT, QUANTILE,
                       SCORER, SCORER_CLASSES, SEARCHES, SGD_CLASSIFIERS, TREES, TREE_CLASSIFIERS)

_OLD_LOSSES = "sklearn.ensemble._gb_losses."
# old loss class -> (new loss class, GB parameter passed as the new loss' quantile)
_LOSS_CLASSES = {
    "LeastSquaresError": ("HalfSquaredError", None),
    "LeastAbsoluteError": ("AbsoluteError", None),
    "HuberLossFunction": ("HuberLoss", "alpha"),
    "QuantileLossFunction": ("PinballLoss", "alpha"),
    "BinomialDeviance": ("HalfBinomialLoss", None),
    "MultinomialDeviance": ("HalfMultinomialLoss", None),
    "ExponentialLoss": ("ExponentialLoss", None),
}
_NEW_TO_OLD = {new: old for old, (new, _) in _LOSS_CLASSES.items()}


def _class_fractions(node, migration, path):
    """1.4 stores class fractions, not weighted counts, in classifier trees' ``value``
    (#27639), and ``predict_proba`` stopped normalising (1.4.0 already: the release
    heads alone cannot tell, the patch-release matrix did). The fractions are computed
    exactly as 1.3's ``predict_proba`` normalised (row sum per output over that
    output's classes, zero sums left alone), so probabilities stay bit-identical."""
    tree = node.state.get("tree_")
    if tree is None:
        return
    values = tree.state["values"].copy()
    for output, n_classes in enumerate(tree.args[1]):
        block = values[:, output, :n_classes]
        normalizer = block.sum(axis=1)[:, np.newaxis]
        normalizer[normalizer == 0.0] = 1.0
        values[:, output, :n_classes] = block / normalizer
    tree.state["values"] = values


def _class_counts(node, migration, path):
    """Back to weighted counts: fractions times the node's weighted sample count."""
    tree = node.state.get("tree_")
    if tree is None:
        return
    weights = tree.state["nodes"]["weighted_n_node_samples"]
    tree.state["values"] = tree.state["values"] * weights[:, np.newaxis, np.newaxis]


def _fresh_loss(name, **kwargs):
    from ..capture import capture

    module = importlib.import_module("sklearn._loss.loss")
    return capture(getattr(module, name)(sample_weight=None, **kwargs))


def _loss_up(node, migration, path):
    """1.4 replaced gradient boosting's own losses (``_gb_losses``) with the common
    ``sklearn._loss`` module. The new loss object is built fresh by the
    installed release from the model's parameters, as fitting would build it."""
    old = node.state.get("_loss")
    if old is None or not old.cls.startswith(_OLD_LOSSES):
        return
    new_name, quantile_param = _LOSS_CLASSES[old.name]
    kwargs = {}
    if quantile_param:
        kwargs["quantile"] = node.params[quantile_param]
    if new_name == "HalfMultinomialLoss":
        kwargs["n_classes"] = int(old.state["K"])
    node.state["_loss"] = _fresh_loss(new_name, **kwargs)


def _loss_down(node, migration, path):
    new = node.state.get("_loss")
    if new is None or new.cls.startswith(_OLD_LOSSES):
        return
    old_name = _NEW_TO_OLD[new.name]
    classes = node.state.get("classes_")
    state = {"K": int(len(classes)) if old_name == "MultinomialDeviance" else 1}
    if old_name == "HuberLossFunction":
        state.update(alpha=node.params["alpha"], gamma=None)
    elif old_name == "QuantileLossFunction":
        state.update(alpha=node.params["alpha"], percentile=node.params["alpha"] * 100.0)
    node.state["_loss"] = Node(_OLD_LOSSES + old_name, state=state)


def _old_init_raw(prior):
    """Initial raw predictions of a multiclass model up to 1.3: log of the clipped priors."""
    eps = np.finfo(np.float32).eps
    return np.log(np.clip(prior, eps, 1 - eps))


def _new_init_raw(prior):
    """From 1.4: the symmetric multinomial logit, log(p / geometric mean of p)."""
    eps = np.finfo(np.float64).eps
    clipped = np.clip(prior, eps, 1 - eps)
    return np.log(clipped / np.exp(np.mean(np.log(clipped))))


def _fold_init(raw_of_source):
    """1.4 gave multiclass gradient boosting a symmetric link: its initial raw
    predictions are log(p) minus their mean, where 1.3 used log(p), so
    ``decision_function`` would shift by a constant per model (probabilities do not).
    The source release's initial predictions are folded into the first stage's trees
    and ``init_`` becomes 'zero' (see ``_gradient_boosting``)."""
    def apply(node, migration, path):
        classes = node.state.get("classes_")
        init = node.state.get("init_")
        if classes is None or len(classes) <= 2 or not isinstance(init, Node):
            return
        if init.cls != "sklearn.dummy.DummyClassifier" or init.params.get("strategy") != "prior":
            migration.note(path, "decision_function of this multiclass model shifts by a per-sample constant "
                                 "between scikit-learn 1.3 and 1.4 (its init estimator is not a prior); "
                                 "predict and predict_proba are unchanged")
            return
        fold_into_first_stage(node, raw_of_source(np.asarray(init.state["class_prior_"], dtype=np.float64)))
        node.state["init_"] = "zero"
    return apply


def _trees_per_iteration(node):
    classes = node.state.get("classes_")
    return int(len(classes)) if classes is not None and len(classes) > 2 else 1


def _n_init_up(default):
    """1.4 made ``n_init`` default to 'auto'; the 1.2-1.3 default 'warn' meant 10 (3)."""
    def apply(node, migration, path):
        if node.params.get("n_init") == "warn":
            node.params["n_init"] = default
    return apply


def _affinity_removed_up(node, migration, path):
    """1.4 removed ``affinity`` and made ``metric`` default to 'euclidean'."""
    node.params.pop("affinity", None)
    if node.params.get("metric") is None:
        node.params["metric"] = "euclidean"


def _affinity_removed_down(node, migration, path):
    node.params["affinity"] = "deprecated"


STEPS = [
    param_added("1.4", TREES + FORESTS, "monotonic_cst", None),
    Step("1.4", "classifier tree values are class fractions", TREE_CLASSIFIERS, _class_fractions, _class_counts),
    Step("1.4", "gradient boosting losses moved to sklearn._loss", GRADIENT_BOOSTING, _loss_up, _loss_down),
    # A GradientBoostingClassifierInit020 computes its initial scores itself, through neither link.
    Step("1.4", "multiclass gradient boosting: symmetric initial predictions", [GB_CLASSIFIER],
         _fold_init(_old_init_raw), _fold_init(_new_init_raw)),
    state_added("1.4", GRADIENT_BOOSTING, "n_trees_per_iteration_", _trees_per_iteration),
    state_removed("1.4", GB_CLASSIFIERS, "_n_classes", copy_of("n_classes_")),
    param_removed("1.4", ADABOOST + BAGGING, "base_estimator", "deprecated"),
    state_removed("1.4", FORESTS + IFORESTS, "base_estimator", lambda node: "deprecated"),
    Step("1.4", "AgglomerativeClustering affinity removed", [AGGLOMERATIVE], _affinity_removed_up,
         _affinity_removed_down, params_removed=["affinity"]),
    Step("1.4", "KMeans n_init 'warn' removed", [KMEANS], _n_init_up(10), unchanged),
    Step("1.4", "MiniBatchKMeans n_init 'warn' removed", [MINIBATCH_KMEANS], _n_init_up(3), unchanged),
    # 1.4 made force_alpha default True; 1.2-1.3's 'warn' behaved as False.
    param_values("1.4", DISCRETE_NB, "force_alpha", {"warn": False}, one_way=True),
]

def _passthrough(node, name):
    """Whether ColumnTransformer ``node`` was asked to pass the columns of ``name`` through."""
    if name == "remainder":
        return node.params.get("remainder") == "passthrough"
    return any(entry[0] == name and entry[1] == "passthrough" for entry in node.params.get("transformers", ()))


def _identity(node, name):
    """The identity FunctionTransformer 1.4+ fits for a passthrough selection."""
    indices = node.state["_transformer_to_input_indices"][name]
    state = {"n_features_in_": len(indices), "_sklearn_output_config": {"transform": "default"}}
    if "feature_names_in_" in node.state:
        state["feature_names_in_"] = node.state["feature_names_in_"][indices]
    return Node(FUNCTION_TRANSFORMER, params={
        "accept_sparse": True, "check_inverse": False, "feature_names_out": "one-to-one", "func": None,
        "inv_kw_args": None, "inverse_func": None, "kw_args": None, "validate": False}, state=state)


def _passthrough_fitted(node, migration, path):
    """1.4 keeps the identity transformer it fitted for a 'passthrough' selection in
    ``transformers_`` (1.2-1.3 kept it in ``_name_to_fitted_passthrough``, older releases
    made a new one on every transform)."""
    fitted = node.state.pop("_name_to_fitted_passthrough", None) or {}
    if "transformers_" in node.state:
        node.state["transformers_"] = [
            (name, fitted.get(name) or _identity(node, name), columns) if trans == "passthrough" else (name, trans, columns)
            for name, trans, columns in node.state["transformers_"]]


def _passthrough_named(node, migration, path):
    if "transformers_" not in node.state:
        return
    fitted = {}
    entries = []
    for name, trans, columns in node.state["transformers_"]:
        if isinstance(trans, Node) and trans.cls == FUNCTION_TRANSFORMER and _passthrough(node, name):
            fitted[name], trans = trans, "passthrough"
        entries.append((name, trans, columns))
    node.state["transformers_"] = entries
    node.state["_name_to_fitted_passthrough"] = fitted


# Composition and preprocessing.
STEPS += [
    param_removed("1.4", [ONE_HOT], "sparse", "deprecated", "sparse_output replaced it"),
    state_removed("1.4", [COLUMN_TRANSFORMER], "_n_features", copy_of("n_features_in_")),
    Step("1.4", "ColumnTransformer keeps fitted passthrough transformers in transformers_", [COLUMN_TRANSFORMER],
         _passthrough_fitted, _passthrough_named),
]


def _n_components_down(node, migration, path):
    """1.4 added NMF's n_components='auto' (and the 'warn' default meaning None); the
    fitted ``components_`` hold the resolved count, so older releases get None."""
    if node.params.get("n_components") in ("auto", "warn"):
        node.params["n_components"] = None

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    Step("1.4", "NMF n_components 'auto' added", [NMF], unchanged, _n_components_down),
]

# Issue 6, the linear-model family.
STEPS += [
    param_removed("1.4", LEAST_ANGLE, "normalize", "deprecated", "the fitted coefficients already include it"),
    state_renamed("1.4", SGD_CLASSIFIERS, "loss_function_", "_loss_function_"),
    # 1.4 made QuantileRegressor's solver default 'highs'; the 1.2-1.3 default 'warn' meant 'interior-point'.
    param_values("1.4", [QUANTILE], "solver", {"warn": "interior-point"}, one_way=True),
]


def _binary_member_of_multiclass(node):
    """Whether a calibrated classifier pairs a multiclass calibration with a binary
    classifier (fitted on a split lacking classes). Until 1.3 its probabilities were
    sliced by the calibration's class count (both columns, one calibrator each); 1.4
    (``_get_response_values``) takes the classifier's positive class alone, with one
    calibrator. (A classifier answering with its decision function, one column on both
    sides, is refused too: the state does not tell which method it answers with.)"""
    estimator = node.state.get("estimator")
    classes = estimator.state.get("classes_") if isinstance(estimator, Node) else None
    return classes is not None and len(classes) == 2 and len(node.state.get("classes", ())) > 2


# Issue 6: cross-validated classifiers and probability calibration.
STEPS += [
    param_removed("1.4", [CALIBRATED], "base_estimator", "deprecated"),
    Step("1.4", "calibrated classifiers read a binary classifier's positive class alone", [CALIBRATED_PAIR],
         *refused_across("the probabilities of a multiclass CalibratedClassifierCV holding a classifier fitted on "
                         "two of its classes", _binary_member_of_multiclass)),
]


def _feature_subsample_rng(node):
    """1.4's generator for ``max_features`` (fitting only): seeded from the model's seed."""
    from ..capture import capture

    return capture(np.random.default_rng(int(node.state["_random_seed"])))


def _categorical_by_dtype_down(node, migration, path):
    """Releases before 1.4 have no internal categorical encoding (see
    :func:`categories_without_encoder`), nor ``categorical_features='warn'``/'from_dtype'
    (1.4's new values), which mean None there for data without categorical dtypes."""
    encoded = node.state.get("_preprocessor") is not None
    categories_without_encoder(node, migration, path)
    if node.params.get("categorical_features") in ("warn", "from_dtype"):
        node.params["categorical_features"] = np.array(node.state["is_categorical_"]) if encoded else None


# Histogram gradient boosting: feature subsampling, categorical features encoded by dtype.
STEPS += [
    param_added("1.4", HIST_GRADIENT_BOOSTING, "max_features", 1.0),
    state_added("1.4", HIST_GRADIENT_BOOSTING, "_preprocessor", when_fitted("_predictors", constant(None))),
    state_added("1.4", HIST_GRADIENT_BOOSTING, "_is_categorical_remapped",
                when_fitted("_predictors", copy_of("is_categorical_"))),
    state_added("1.4", HIST_GRADIENT_BOOSTING, "_feature_subsample_rng",
                when_fitted("_predictors", _feature_subsample_rng)),
    # Listed last: going down it runs first, while _preprocessor is still there to be judged.
    Step("1.4", "categorical features encoded by the model", HIST_GRADIENT_BOOSTING, unchanged,
         _categorical_by_dtype_down),
]

# Scorers (issue 18): one class naming its response method; root mean squared errors became metrics.
STEPS += [
    Step("1.4", "scorers are _Scorer(response_method)", SCORER_CLASSES + [SCORER],
         search.scorer_class_up, search.scorer_class_down),
    Step("1.4", "squared=False scorers call root_mean_squared(_log)_error", SEARCHES,
         search.root_metrics_up, search.root_metrics_down),
]
