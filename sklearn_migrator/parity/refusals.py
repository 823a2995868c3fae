"""The migrations expected to be refused, each with the change that makes it necessary.

A refusal is an outcome the parity rule accepts only when it is listed here:
the matrix, the tests and CI fail on a refusal this list does not expect (a
regression that starts refusing a migration) and on an expected refusal that
no longer happens (the list must follow the code). Entries name zoo
configurations (shell patterns on their ids), the release pairs they cover
and the words the refusal's message must contain; the first entry matching a
configuration and pair decides.
"""
from __future__ import annotations

import fnmatch

from ..versions import has_release


class Pairs:
    """A set of (source, target) release pairs: a union of rectangles, each a source
    range and a target range (``(first, end)``: releases from ``first`` up to, not
    including, ``end``; None for an open side)."""

    def __init__(self, *rectangles):
        self.rectangles = rectangles

    def __contains__(self, pair) -> bool:
        source, target = pair
        return any(_within(source, sources) and _within(target, targets) for sources, targets in self.rectangles)

    def __or__(self, other):
        return Pairs(*(self.rectangles + other.rectangles))

    def __str__(self):
        return " or ".join("source %s, target %s" % (_range(s), _range(t)) for s, t in self.rectangles)


def _within(version, bounds) -> bool:
    first, end = bounds
    return (first is None or has_release(version, first)) and (end is None or not has_release(version, end))


def _range(bounds) -> str:
    first, end = bounds
    if first and end:
        return "%s-%s" % (first, end)
    return (">= %s" % first) if first else ("< %s" % end)


def backward(release) -> Pairs:
    """From a release that has ``release`` to one that has not."""
    return Pairs(((release, None), (None, release)))


def forward(release) -> Pairs:
    """From a release that lacks ``release`` to one that has it."""
    return Pairs(((None, release), (release, None)))


def across(release) -> Pairs:
    return backward(release) | forward(release)


def only_in(first, end) -> Pairs:
    """Between a release of the line(s) ``first``-``end`` and any release outside them."""
    inside, below, above = (first, end), (None, first), (end, None)
    return Pairs((inside, below), (inside, above), (below, inside), (above, inside))


class Refusal:
    """Configurations ``cases`` are refused across ``pairs``, with a message containing
    ``match``, because of ``because`` (the upstream change)."""

    __slots__ = ("cases", "pairs", "match", "because")

    def __init__(self, cases, pairs, match, because):
        self.cases = (cases,) if isinstance(cases, str) else tuple(cases)
        self.pairs, self.match, self.because = pairs, match, because

    def expects(self, case, source, target) -> bool:
        return any(fnmatch.fnmatchcase(case, pattern) for pattern in self.cases) and (source, target) in self.pairs


_HGB = "HistGradientBoosting*"
_MISSING = "0.22 made every histogram gradient boosting tree route missing values (NaN) and 0.21 rejects them"

#: In the order they are tried: more specific entries before broader ones.
REFUSALS = [
    Refusal("Birch-kmeans-float32", Pairs((("1.2", None), (None, "0.21"))), "float32 subcluster centroids",
            "1.2 keeps float32 centroids and measures distances in float32; 0.20 computes in float64 only"),
    Refusal("CalibratedClassifierCV-temperature", backward("1.8"), "method='temperature'",
            "1.8 added temperature scaling"),
    Refusal("ColumnTransformer-column-selector", backward("0.22"), "make_column_selector does not exist",
            "0.22 added make_column_selector"),
    Refusal("GaussianProcessRegressor-*normalize_y", backward("0.23"), "normalize_y=True",
            "0.23 scales normalize_y predictions by the targets' standard deviation"),
    Refusal("GridSearchCV-Ridge-rmse-KFold", backward("0.22"), "squared=False",
            "0.22 added mean_squared_error(squared=False), with which neg_root_mean_squared_error scores"),
    Refusal("HistGradientBoosting*categorical*", backward("0.24"), "splits on categorical features",
            "0.24 added categorical splits"),
    Refusal("HistGradientBoostingClassifier-from_dtype", backward("1.4"), "internal OrdinalEncoder",
            "1.4 added categorical_features='from_dtype'"),
    Refusal("HistGradientBoostingRegressor-gamma", backward("1.3"), "loss='gamma'", "1.3 added the gamma loss"),
    Refusal("HistGradientBoostingRegressor-poisson*", backward("0.23"), "loss='poisson'",
            "0.23 added the Poisson loss"),
    Refusal("HistGradientBoostingRegressor-quantile", backward("1.1"), "loss='quantile'",
            "1.1 added the quantile loss"),
    Refusal(_HGB, backward("0.22"), "missing values", _MISSING),
    Refusal("IsolationForest*", across("0.21"), "average path length of small leaves",
            "0.21 changed IsolationForest's average path length of leaves holding 2 or fewer samples"),
    Refusal("KernelPCA-poly-inverse", only_in("0.23", "0.24.2"), "adds alpha to the kernel's diagonal",
            "0.23-0.24.1 add alpha to the kernel's diagonal in inverse_transform (reverted in 0.24.2)"),
    Refusal("Normalizer-max", across("0.23"), "norm='max'",
            "0.23 made Normalizer(norm='max') divide by the largest absolute value, where it took the largest value"),
    Refusal("OneHotEncoder-drop-first", backward("0.21"), "drop='first'", "0.21 added drop"),
    Refusal("OneHotEncoder-infrequent", backward("1.1"), "min_frequency", "1.1 added infrequent categories"),
    Refusal("OneHotEncoder-integers-dense", forward("0.22"), "legacy mode",
            "0.22 removed the legacy integer mode of OneHotEncoder (n_values, categorical_features)"),
    Refusal("OneVsOneClassifier", across("0.21"), "rescaled its confidences",
            "0.21 rescaled OneVsOneClassifier's confidences in decision_function"),
    Refusal("Pipeline-ColumnTransformer-HistGradientBoosting", Pairs((("0.22", None), (None, "0.21"))),
            "has no histogram gradient boosting", "0.21 introduced histogram gradient boosting"),
    Refusal("Pipeline-ColumnTransformer-HistGradientBoosting", Pairs((("0.21", "0.22"), (None, "0.21"))),
            "does not exist in the installed", "0.21 introduced histogram gradient boosting"),
    Refusal("Pipeline-ColumnTransformer-HistGradientBoosting", backward("0.22"), "missing values", _MISSING),
    Refusal("QuantileTransformer-uniform", across("0.21"), "outputs at the bounds",
            "0.21 stopped clipping a uniform QuantileTransformer's output to [1e-7, 1 - 1e-7]"),
    Refusal("RadiusNeighborsClassifier-*", backward("0.22"), "has no predict_proba",
            "0.22 added RadiusNeighborsClassifier.predict_proba and outlier_label_"),
    Refusal("SimpleImputer-indicator", backward("0.21"), "add_indicator=True", "0.21 added add_indicator"),
]


def expected_refusal(case, source, target):
    """The :class:`Refusal` expected for configuration ``case`` from release ``source``
    rebuilt in ``target``, or None (it must be migrated)."""
    for refusal in REFUSALS:
        if refusal.expects(case, str(source), str(target)):
            return refusal
    return None
