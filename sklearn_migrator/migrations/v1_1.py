"""scikit-learn 1.1 (May 2022)."""
import numpy as np

from ..tree import Node
from . import Step
from ._hist_gradient_boosting import baseline_down, baseline_up, loss_down, loss_up
from ._text import transformer_made_in_fit, transformer_made_in_init
from ._kinds import (_MISSING, constant, copy_of, param_added, param_values, state_added, state_removed, state_renamed,
                     value_added, when_fitted)
from .families import (BIRCH, FAST_ICA, FUNCTION_TRANSFORMER, GB_CLASSIFIERS, GLM, GRADIENT_BOOSTING, HGB_CLASSIFIER,
                       HGB_REGRESSOR, HIST_GRADIENT_BOOSTING, KBINS, KMEANS, KNN_IMPUTER, LDAS, LIBLINEAR_SVM,
                       MINIBATCH_KMEANS, NMF, ONE_HOT, ONE_VS_REST, ORDINAL, PCA, POISSON, SGD_CLASSIFIER,
                       SIMPLE_IMPUTER, SVCS, SVM, SVRS, TFIDF_VECTORIZER, TRUNCATED_SVDS, TWEEDIE)


def _n_iter(kind):
    def compute(node):
        classes = node.state.get("classes_")
        pairs = len(classes) * (len(classes) - 1) // 2 if classes is not None and len(classes) > 1 else 1
        return np.zeros(pairs, dtype=np.int32) if kind == "array" else 0
    return compute


def _n_iter_type(kind):
    """1.1 stores liblinear's iteration count as a Python int (a numpy int32 before)."""
    def apply(node, migration, path):
        if "n_iter_" in node.state:
            node.state["n_iter_"] = kind(node.state["n_iter_"])
    return apply


_MINKOWSKI = "sklearn.metrics._dist_metrics.MinkowskiDistance"


def _minkowski_placeholder(restore):
    """Until 1.0 an unweighted MinkowskiDistance carried ``vec = [0.]``; from 1.1 it is
    empty (a non-empty ``vec`` means per-feature weights)."""
    def apply(node, migration, path):
        p, vec, mat = node.state[:3]
        if restore and vec.size == 0:
            node.state = (p, np.zeros(1), mat) + tuple(node.state[3:])
        elif not restore and vec.shape == (1,) and vec[0] == 0.0:
            node.state = (p, np.zeros(0), mat) + tuple(node.state[3:])
    return apply


_LINKS = "sklearn.linear_model._glm.link."
_DISTRIBUTIONS = "sklearn._loss.glm_distribution."


def _glm_loss_up(node, migration, path):
    """1.1 moved generalised linear models onto the common ``sklearn._loss`` module:
    ``_family_instance`` and ``_link_instance`` (and PoissonRegressor's and
    GammaRegressor's fixed ``link='log'``) became ``_base_loss``, built fresh by the
    installed release as ``_get_loss`` would; a Tweedie model keeps the link it was
    fitted with."""
    from .v1_4 import _fresh_loss

    node.state.pop("_family_instance", None)
    node.state.pop("link", None)
    link = node.state.pop("_link_instance")
    if node.cls == TWEEDIE:
        identity = link.cls == _LINKS + "IdentityLink"
        name, kwargs = "HalfTweedieLossIdentity" if identity else "HalfTweedieLoss", {"power": node.params["power"]}
    else:
        name, kwargs = "HalfPoissonLoss" if node.cls == POISSON else "HalfGammaLoss", {}
    node.state["_base_loss"] = _fresh_loss(name, **kwargs)


def _distribution(name, power):
    """A 0.23-1.0 Tweedie-family distribution: its power and the lower bound of y it derives."""
    bound = (-np.inf, False) if power <= 0 else ((0, True) if power < 2 else (0, False))
    boundary = Node(_DISTRIBUTIONS + "DistributionBoundary", args=list(bound))
    return Node(_DISTRIBUTIONS + name, state={"_lower_bound": boundary, "_power": power})


def _glm_loss_down(node, migration, path):
    loss = node.state.pop("_base_loss")
    link = loss.state["link"].name
    node.state["_link_instance"] = Node(_LINKS + link, state=None)
    if node.cls == TWEEDIE:
        node.state["_family_instance"] = _distribution("TweedieDistribution", node.params["power"])
    else:
        node.state["link"] = "log"
        node.state["_family_instance"] = _distribution(*(("PoissonDistribution", 1) if node.cls == POISSON
                                                         else ("GammaDistribution", 2)))


STEPS = [
    # Gradient boosting moved its loss to a private attribute and renamed 'deviance'.
    state_renamed("1.1", GRADIENT_BOOSTING, "loss_", "_loss"),
    param_values("1.1", GB_CLASSIFIERS, "loss", {"deviance": "log_loss"}),
    # KMeans' 'full' became 'lloyd' and 'auto' stopped meaning 'elkan'; assignment
    # (predict/transform) does not depend on the training algorithm.
    param_values("1.1", [KMEANS], "algorithm", {"auto": "lloyd", "full": "lloyd"}),
    state_added("1.1", [KMEANS, MINIBATCH_KMEANS], "_n_features_out",
                lambda node: int(node.state["cluster_centers_"].shape[0])),
    state_removed("1.1", [MINIBATCH_KMEANS], "algorithm", constant("auto")),
    state_removed("1.1", [MINIBATCH_KMEANS], "copy_x", constant(True)),
    state_removed("1.1", [MINIBATCH_KMEANS], "_algorithm", constant("elkan")),
    param_added("1.1", [PCA], "n_oversamples", 10),
    param_added("1.1", [PCA], "power_iteration_normalizer", "auto"),
    state_added("1.1", SVM, "_num_iter", _n_iter("array")),
    # 1.1 stopped padding unweighted Minkowski metrics with a placeholder weight.
    Step("1.1", "unweighted Minkowski metrics lost their placeholder weight", [_MINKOWSKI],
         _minkowski_placeholder(False), _minkowski_placeholder(True)),
    state_added("1.1", SVCS, "n_iter_", _n_iter("array")),
    state_added("1.1", SVRS, "n_iter_", _n_iter("int")),
    Step("1.1", "liblinear n_iter_ is a Python int", LIBLINEAR_SVM, _n_iter_type(int), _n_iter_type(np.int32)),
    state_added("1.1", LDAS, "_n_features_out", copy_of("_max_components")),
]


def _one_hot_outputs(node):
    """OneHotEncoder's output width per feature (1.1 keeps it, for infrequent categories)."""
    drop = node.state.get("drop_idx_")
    return [len(categories) - (drop is not None and drop[i] is not None)
            for i, categories in enumerate(node.state["categories_"])]


def _verbose_deprecated(node, migration, path):
    """1.1 deprecated SimpleImputer's ``verbose`` (it never printed anything)."""
    if node.params.get("verbose") == 0:
        node.params["verbose"] = "deprecated"


def _verbose_restored(node, migration, path):
    if node.params.get("verbose") == "deprecated":
        node.params["verbose"] = 0


def _fit_dtype(node):
    statistics = node.state.get("statistics_")
    return statistics.dtype if isinstance(statistics, np.ndarray) else _MISSING


STEPS += [
    param_added("1.1", [ONE_VS_REST], "verbose", 0, "it only prints progress"),
    param_added("1.1", [KBINS], "subsample", "warn"),
    param_added("1.1", [KBINS], "random_state", None),
    param_added("1.1", [ONE_HOT], "min_frequency", None, changes="which categories are grouped as infrequent"),
    param_added("1.1", [ONE_HOT], "max_categories", None, changes="which categories are grouped as infrequent"),
    state_added("1.1", [ONE_HOT], "_infrequent_enabled", when_fitted("categories_", constant(False))),
    state_added("1.1", [ONE_HOT], "_n_features_outs", when_fitted("categories_", _one_hot_outputs)),
    param_added("1.1", [ORDINAL], "encoded_missing_value", float("nan"), changes="how missing values are encoded"),
    param_added("1.1", [FUNCTION_TRANSFORMER], "feature_names_out", None, "it only names output features"),
    Step("1.1", "SimpleImputer verbose deprecated", [SIMPLE_IMPUTER], _verbose_deprecated, _verbose_restored),
    state_added("1.1", [SIMPLE_IMPUTER], "_fit_dtype", _fit_dtype),
    state_added("1.1", [KNN_IMPUTER], "_valid_mask",
                when_fitted("_mask_fit_X", lambda node: ~np.all(node.state["_mask_fit_X"], axis=0))),
]

def _whiten_resolved(node, migration, path):
    """1.1 added FastICA's whiten='unit-variance'/'arbitrary-variance' (True and the
    'warn' default meaning 'arbitrary-variance') and resolves it at fit time into
    ``_whiten``, which ``transform`` reads until 1.2."""
    whiten = node.params.get("whiten")
    node.state.setdefault("_whiten", "arbitrary-variance" if whiten in (True, "warn") else whiten)


def _whiten_boolean(node, migration, path):
    """Before 1.1 ``whiten`` was a boolean; the fitted ``components_`` and ``mixing_``
    already carry the variance convention, so any whitening is True there."""
    whiten = node.state.pop("_whiten", node.params.get("whiten"))
    node.params["whiten"] = bool(whiten)

# Issue 6: neighbours, mixtures, decompositions, DBSCAN and Gaussian processes.
STEPS += [
    param_added("1.1", TRUNCATED_SVDS, "n_oversamples", 10),
    param_added("1.1", TRUNCATED_SVDS, "power_iteration_normalizer", "auto"),
    # 0.24-1.0's init='warn' default behaved as None.
    param_values("1.1", [NMF], "init", {"warn": None}, one_way=True),
    Step("1.1", "FastICA whiten resolved into _whiten", [FAST_ICA], _whiten_resolved, _whiten_boolean),
    state_added("1.1", [BIRCH], "_n_features_out",
                when_fitted("subcluster_centers_", lambda node: int(node.state["subcluster_centers_"].shape[0]))),
]

# Issue 6, the linear-model family.
STEPS += [
    # The old name stayed accepted until 1.3.
    param_values("1.1", [SGD_CLASSIFIER], "loss", {"log": "log_loss"}),
    Step("1.1", "generalised linear models use sklearn._loss", GLM, _glm_loss_up, _glm_loss_down),
]


def _log_loss_up(node, migration, path):
    """1.1 named the classifier's loss 'log_loss' (binary or multinomial as the classes
    require, which 'auto' and the explicit crossentropy names all meant for the fitted model)."""
    if node.params.get("loss") in ("auto", "binary_crossentropy", "categorical_crossentropy"):
        node.params["loss"] = "log_loss"


def _log_loss_down(node, migration, path):
    if node.params.get("loss") == "log_loss":
        node.params["loss"] = "auto"


# Histogram gradient boosting: sklearn._loss, the initial predictions' shape, the quantile loss.
STEPS += [
    Step("1.1", "histogram gradient boosting losses moved to sklearn._loss", HIST_GRADIENT_BOOSTING,
         loss_up, loss_down),
    Step("1.1", "initial raw predictions of shape (1, n_trees_per_iteration)", HIST_GRADIENT_BOOSTING, baseline_up,
         baseline_down),
    Step("1.1", "classifier loss 'log_loss'", [HGB_CLASSIFIER], _log_loss_up, _log_loss_down),
    param_added("1.1", [HGB_REGRESSOR], "quantile", None),
    value_added("1.1", [HGB_REGRESSOR], "loss", ["quantile"], "the pinball loss"),
]

# TfidfVectorizer keeps its idf settings itself and makes its TfidfTransformer in fit.
STEPS += [
    Step("1.1", "TfidfVectorizer makes its TfidfTransformer in fit", [TFIDF_VECTORIZER], transformer_made_in_fit,
         transformer_made_in_init),
]
