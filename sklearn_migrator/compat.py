"""Faithful constructions for models a target release can no longer compute.

When scikit-learn changes the arithmetic of an output (not just where state is
stored), a migrated model rebuilt as the plain class would answer differently.
The migration steps then rebuild it as one of these thin subclasses instead:
the fitted state and every other method are the scikit-learn class's own; only
the changed output is computed the way the source release computed it. Each
class is named in the document when the model is exported again, so a later
migration back to a release that computes the output natively restores the
plain scikit-learn class (see ``migrations/_kinds.output_changed``, ``v0_21.py`` and
``v1_8.py``).
"""
import math

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import AdaBoostClassifier, GradientBoostingClassifier, IsolationForest
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics.pairwise import pairwise_distances
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestCentroid
from sklearn.preprocessing import PolynomialFeatures, PowerTransformer, normalize
from sklearn.svm import SVC, NuSVC
from sklearn.utils import check_array
from sklearn.utils.extmath import softmax
from sklearn.utils.validation import FLOAT_DTYPES, check_is_fitted


def _validated(estimator, X, **check_params):
    """``X`` checked and converted as the installed release's own ``transform`` does it
    (``check_params``), including the checks of the fitted feature count (0.23+) and
    names (1.0+). An estimator fitted without recording its feature count (a
    TfidfTransformer before 1.0) is checked as its release's ``transform`` checks it:
    0.23 would raise asking for the count."""
    try:
        from sklearn.utils.validation import validate_data  # 1.6+
    except ImportError:
        validate = getattr(estimator, "_validate_data", None)  # 0.23-1.5
        if validate is None or not hasattr(estimator, "n_features_in_"):
            return check_array(X, **check_params)
        return validate(X, reset=False, **check_params)
    return validate_data(estimator, X, reset=False, **check_params)


def _sum_of_confidences(dec, n_classes):
    """One-vs-one votes and summed confidences per class, as scikit-learn's
    ``_ovr_decision_function`` accumulates them in every release."""
    predictions, confidences = dec < 0, -dec
    votes = np.zeros((dec.shape[0], n_classes))
    sums = np.zeros((dec.shape[0], n_classes))
    k = 0
    for i in range(n_classes):
        for j in range(i + 1, n_classes):
            sums[:, i] -= confidences[:, k]
            sums[:, j] += confidences[:, k]
            votes[predictions[:, k] == 0, i] += 1
            votes[predictions[:, k] == 1, j] += 1
            k += 1
    return votes, sums


class _OneVsRestSVC:
    """The one-vs-rest ``decision_function`` of a libsvm classifier (SVC, NuSVC)
    from its one-vs-one values; ``_scaled`` is the release's map of the summed confidences."""

    def decision_function(self, X):
        dec = self._decision_function(X)
        if self.decision_function_shape != "ovr" or len(self.classes_) <= 2:
            return dec
        votes, sums = _sum_of_confidences(dec, len(self.classes_))
        return votes + self._scaled(sums)


class _Scaled020:
    @staticmethod
    def _scaled(sums):
        high, low = sums.max(), sums.min()
        if high == low:
            return 0.0
        eps = np.finfo(sums.dtype).eps
        return sums * ((0.5 - eps) / max(abs(high), abs(low)))


class _Scaled021:
    @staticmethod
    def _scaled(sums):
        return sums / (3 * (np.abs(sums) + 1))


class SVCOneVsRest020(_Scaled020, _OneVsRestSVC, SVC):
    """SVC whose one-vs-rest ``decision_function`` is scikit-learn 0.20's.

    0.21 (scikit-learn PR #10440) replaced the scaling of the summed one-vs-one
    confidences by the largest one in the batch with the per-sample map
    ``x / (3 (|x| + 1))``. A multiclass SVC from 0.20 carried to 0.21+ keeps its
    values with this class; ``predict`` and ``predict_proba`` are SVC's own.
    """


class SVCOneVsRest021(_Scaled021, _OneVsRestSVC, SVC):
    """SVC whose one-vs-rest ``decision_function`` is scikit-learn 0.21+'s
    (``x / (3 (|x| + 1))`` of the summed confidences, PR #10440), for a multiclass
    SVC from 0.21+ carried back to 0.20."""


class NuSVCOneVsRest020(_Scaled020, _OneVsRestSVC, NuSVC):
    """NuSVC whose one-vs-rest ``decision_function`` is scikit-learn 0.20's (see SVCOneVsRest020)."""


class NuSVCOneVsRest021(_Scaled021, _OneVsRestSVC, NuSVC):
    """NuSVC whose one-vs-rest ``decision_function`` is scikit-learn 0.21+'s (see SVCOneVsRest021)."""


class LinearDiscriminantAnalysisOneVsRest020(LinearDiscriminantAnalysis):
    """Multiclass LinearDiscriminantAnalysis whose ``predict_proba`` is scikit-learn
    0.20's: the logistic of each decision value, normalised over classes. 0.21
    (scikit-learn PR #11796) replaced it with the softmax of the decision values."""

    def predict_proba(self, X):
        proba = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return proba / proba.sum(axis=1).reshape((proba.shape[0], -1))

    def predict_log_proba(self, X):
        return np.log(self.predict_proba(X))


class LinearDiscriminantAnalysisSoftmax021(LinearDiscriminantAnalysis):
    """Multiclass LinearDiscriminantAnalysis whose ``predict_proba`` is scikit-learn
    0.21+'s softmax of the decision values (PR #11796), for a model carried back to 0.20."""

    def predict_proba(self, X):
        return softmax(self.decision_function(X))

    def predict_log_proba(self, X):
        return np.log(self.predict_proba(X))


class LogisticRegressionOneVsRest(LogisticRegression):
    """LogisticRegression fitted one-vs-rest (``multi_class='ovr'``, or 'auto'
    with liblinear), for scikit-learn 1.8+, which removed ``multi_class`` and
    always applies the softmax to multiclass models. Probabilities are the
    per-class logistic of the decision values normalised over classes, as
    ``multi_class='ovr'`` computed them up to 1.7 (``_predict_proba_lr``)."""

    def predict_proba(self, X):
        return self._predict_proba_lr(X)

    def predict_log_proba(self, X):
        return np.log(self.predict_proba(X))


class LogisticRegressionBinaryMultinomial(LogisticRegression):
    """Binary LogisticRegression fitted with ``multi_class='multinomial'``, for
    scikit-learn 1.8+, where binary models always use the logistic link.
    Probabilities are the softmax of ``(-d, d)`` for the decision value ``d``, as
    up to 1.7."""

    def predict_proba(self, X):
        decision = self.decision_function(X)
        return softmax(np.c_[-decision, decision], copy=False)

    def predict_log_proba(self, X):
        return np.log(self.predict_proba(X))


class LogisticRegressionCVOneVsRest(LogisticRegressionCV):
    """LogisticRegressionCV fitted one-vs-rest, for scikit-learn 1.8+: probabilities
    as :class:`LogisticRegressionOneVsRest` computes them."""

    predict_proba = LogisticRegressionOneVsRest.predict_proba
    predict_log_proba = LogisticRegressionOneVsRest.predict_log_proba


class LogisticRegressionCVBinaryMultinomial(LogisticRegressionCV):
    """Binary LogisticRegressionCV fitted with ``multi_class='multinomial'``, for
    scikit-learn 1.8+: probabilities as :class:`LogisticRegressionBinaryMultinomial`
    computes them."""

    predict_proba = LogisticRegressionBinaryMultinomial.predict_proba
    predict_log_proba = LogisticRegressionBinaryMultinomial.predict_log_proba


class IsolationForestOldBehaviour(IsolationForest):
    """IsolationForest fitted with ``behaviour='old'`` (the 0.20-0.21 default), for
    scikit-learn 0.22+, which removed it. ``decision_function`` is ``score_samples``
    minus ``offset_`` (-0.5) in both behaviours; the old one flagged outliers where it
    fell below ``threshold_``, the contamination percentile of the training scores
    (kept in ``_threshold_``), where the new one moves that percentile into ``offset_``
    and compares with 0."""

    def predict(self, X):
        decision = self.decision_function(X)
        is_inlier = np.ones(decision.shape[0], dtype=int)
        is_inlier[decision < self._threshold_] = -1
        return is_inlier


class GradientBoostingClassifierInit020(GradientBoostingClassifier):
    """GradientBoostingClassifier fitted by scikit-learn 0.20, in 0.21+. 0.20 took
    ``init_.predict(X)`` as the initial raw scores (its default initial estimators
    predicted the training log-odds for a binary model, 0.5 times them for the
    exponential loss, and the class priors themselves for a multiclass one) and added
    the stages to them in place; 0.21 passes ``init_.predict_proba(X)`` through the
    loss' link instead. The migration holds 0.20's constant initial scores in a
    'constant' DummyRegressor ``init_`` (a user's initial estimator is kept as it is);
    the raw predictions start from ``init_.predict(X)`` as in 0.20, so that
    ``decision_function``, ``predict_proba`` and ``predict`` are 0.20's to the bit."""

    def _raw_predict_init(self, X):
        self._check_initialized()
        X = self.estimators_[0, 0]._validate_X_predict(X, check_input=True)
        return self.init_.predict(X).astype(np.float64).reshape(X.shape[0], -1)


def _adaboost_input(estimator, X):
    """``X`` checked as the installed release's AdaBoostClassifier checks it for prediction:
    ``_check_X`` (0.24+), ``_validate_data`` (0.21-0.23) or ``_validate_X_predict`` (0.20)."""
    for name in ("_check_X", "_validate_data", "_validate_X_predict"):
        check = getattr(estimator, name, None)
        if check is not None:
            return check(X)


def _samme_r_scores(estimator, X):
    """The sum of the members' centred log-probabilities (``_samme_proba``, Zhu et al. 2009),
    SAMME.R's decision before it is normalised (its weights are all 1)."""
    n_classes = estimator.n_classes_
    votes = 0
    for member in estimator.estimators_:
        proba = member.predict_proba(X)
        np.clip(proba, np.finfo(proba.dtype).eps, None, out=proba)
        log_proba = np.log(proba)
        votes = votes + (n_classes - 1) * (log_proba - (1.0 / n_classes) * log_proba.sum(axis=1)[:, np.newaxis])
    return votes


def _weighted_probabilities(estimator, X):
    """The members' probabilities weighted by their SAMME weights."""
    return sum(member.predict_proba(X) * w for member, w in zip(estimator.estimators_, estimator.estimator_weights_))


class _AdaBoostVotes(AdaBoostClassifier):
    """AdaBoostClassifier whose ``decision_function`` sums the members' votes as
    ``_votes`` says, normalised by the weights as in every release; ``predict`` and,
    from 0.22, ``predict_proba`` derive from it."""

    def decision_function(self, X):
        check_is_fitted(self, "estimators_")
        X = _adaboost_input(self, X)
        pred = self._votes(X)
        pred /= self.estimator_weights_.sum()
        if self.n_classes_ == 2:
            pred[:, 0] *= -1
            return pred.sum(axis=1)
        return pred


class AdaBoostClassifierSAMMER(_AdaBoostVotes):
    """AdaBoostClassifier fitted with ``algorithm='SAMME.R'``, for scikit-learn 1.6+,
    which dropped it (1.8 removed the parameter): the decision function is the sum of
    the members' centred log-probabilities (``_samme_proba``, Zhu et al. 2009), as up
    to 1.5."""

    _votes = _samme_r_scores


class AdaBoostClassifierSAMMEVotes(_AdaBoostVotes):
    """AdaBoostClassifier fitted with SAMME in 0.22-1.2, for 1.3+, which made the
    votes symmetric (a member's weight for its class, minus the weight over K - 1 for
    the others): the decision function adds each member's weight to the class it
    predicts, as up to 1.2."""

    def _votes(self, X):
        classes = self.classes_[:, np.newaxis]
        return sum((estimator.predict(X) == classes).T * w
                   for estimator, w in zip(self.estimators_, self.estimator_weights_))


class AdaBoostClassifierSAMMESymmetric(_AdaBoostVotes):
    """AdaBoostClassifier fitted with SAMME in 1.3+, for 0.22-1.2: the symmetric votes
    of 1.3+ (see :class:`AdaBoostClassifierSAMMEVotes`)."""

    def _votes(self, X):
        classes, n_classes = self.classes_[:, np.newaxis], self.n_classes_
        return sum(np.where((estimator.predict(X) == classes).T, w, -1 / (n_classes - 1) * w)
                   for estimator, w in zip(self.estimators_, self.estimator_weights_))


class _AdaBoostProbabilities021:
    """``predict_proba`` as scikit-learn 0.20-0.21 computed it: the members' scores
    (SAMME.R's centred log-probabilities, or SAMME's weighted probabilities), over the
    weights' sum, through exp(. / (K - 1)) and normalised. 0.22 (PR #14114) computes
    it from ``decision_function`` instead (see :class:`_AdaBoostProbabilities022`)."""

    def _member_scores(self, X):
        return (_samme_r_scores if self.algorithm == "SAMME.R" else _weighted_probabilities)(self, X)

    def predict_proba(self, X):
        check_is_fitted(self, "estimators_")
        X = _adaboost_input(self, X)
        if self.n_classes_ == 1:
            return np.ones((X.shape[0], 1))
        proba = self._member_scores(X)
        proba /= self.estimator_weights_.sum()
        proba = np.exp((1.0 / (self.n_classes_ - 1)) * proba)
        normalizer = proba.sum(axis=1)[:, np.newaxis]
        normalizer[normalizer == 0.0] = 1.0
        proba /= normalizer
        return proba

    def predict_log_proba(self, X):
        return np.log(self.predict_proba(X))


class _AdaBoostProbabilities022:
    """``predict_proba`` as scikit-learn 0.22+ computes it (PR #14114): the softmax of
    ``decision_function`` / (K - 1), a binary one spread as [-d, d] / 2."""

    def predict_proba(self, X):
        check_is_fitted(self, "estimators_")
        if self.n_classes_ == 1:
            return np.ones((_adaboost_input(self, X).shape[0], 1))
        decision = self.decision_function(X)
        if self.n_classes_ == 2:
            decision = np.vstack([-decision, decision]).T / 2
        else:
            decision /= self.n_classes_ - 1
        return softmax(decision, copy=False)

    def predict_log_proba(self, X):
        return np.log(self.predict_proba(X))


class AdaBoostClassifierProba021(_AdaBoostProbabilities021, AdaBoostClassifier):
    """AdaBoostClassifier fitted before 0.22, in 0.22-1.5 (either algorithm; SAMME
    until 1.2, after which it votes as :class:`AdaBoostClassifierSAMMEVotesProba021`):
    probabilities as 0.20-0.21 computed them."""


class AdaBoostClassifierSAMMERProba021(_AdaBoostProbabilities021, AdaBoostClassifierSAMMER):
    """AdaBoostClassifier fitted with SAMME.R before 0.22, in 1.6+: SAMME.R's decision
    function and 0.20-0.21's probabilities."""

    _member_scores = _samme_r_scores


class AdaBoostClassifierSAMMEVotesProba021(_AdaBoostProbabilities021, AdaBoostClassifierSAMMEVotes):
    """AdaBoostClassifier fitted with SAMME before 0.22, in 1.3+: 0.22-1.2's weighted
    votes and 0.20-0.21's probabilities."""

    _member_scores = _weighted_probabilities


class AdaBoostClassifierProba022(_AdaBoostProbabilities022, AdaBoostClassifier):
    """AdaBoostClassifier fitted by 0.22+, in 0.20-0.21: probabilities from the
    decision function, as 0.22+ computes them."""


class AdaBoostClassifierSAMMESymmetricProba022(_AdaBoostProbabilities022, AdaBoostClassifierSAMMESymmetric):
    """AdaBoostClassifier fitted with SAMME by 1.3+, in 0.20-0.21: 1.3+'s symmetric
    votes and 0.22+'s probabilities from them."""


def _no_scores(self):
    raise AttributeError("this NearestCentroid was fitted by scikit-learn before 1.6, which kept no within-class "
                         "standard deviations: it predicts the nearest centroid and has no scores")


class NearestCentroidWithoutScores(NearestCentroid):
    """NearestCentroid fitted before 1.6, in 1.6+. 1.6 added priors and discriminant
    scores (``decision_function``, ``predict_proba``) computed from the within-class
    standard deviations of the training data, which older releases did not keep. This
    model predicts the nearest centroid as it always did and offers no scores."""

    decision_function = predict_proba = predict_log_proba = property(_no_scores)


class NearestCentroidScores16(NearestCentroid):
    """NearestCentroid fitted by 1.6+, before 1.6: with 1.6's discriminant scores
    (squared distances to the centroids in units of the within-class standard
    deviations, plus twice the log class priors; ``decision_function`` for the
    euclidean metric only) and its prediction by their argmax unless the priors are
    uniform (then the nearest centroid, as before 1.6)."""

    def _scores(self, X):
        X = check_array(X, accept_sparse="csr", dtype=np.float64, copy=True)
        mask = self.within_class_std_dev_ != 0
        X[:, mask] /= self.within_class_std_dev_[mask]
        centroids = self.centroids_.copy()
        centroids[:, mask] /= self.within_class_std_dev_[mask]
        scores = np.empty((X.shape[0], self.classes_.size), dtype=np.float64)
        for k in range(self.classes_.size):
            distances = pairwise_distances(X, centroids[[k]], metric=self.metric).ravel()
            distances **= 2
            scores[:, k] = np.squeeze(-distances + 2.0 * np.log(self.class_prior_[k]))
        return scores

    def predict(self, X):
        if np.isclose(self.class_prior_, 1 / len(self.classes_)).all():
            return super().predict(X)
        return self.classes_.take(self._scores(X).argmax(axis=1))

    @property
    def decision_function(self):
        if self.metric != "euclidean":
            raise AttributeError("decision_function is only available for the euclidean metric")
        return self._decision_function

    def _decision_function(self, X):
        scores = self._scores(X)
        return scores[:, 1] - scores[:, 0] if len(self.classes_) == 2 else scores

    def predict_proba(self, X):
        return np.exp(self.predict_log_proba(X))

    def predict_log_proba(self, X):
        scores = self._scores(X)
        log_likelihood = scores - scores.max(axis=1)[:, np.newaxis]
        return log_likelihood - np.log(np.exp(log_likelihood).sum(axis=1)[:, np.newaxis])


def _proba_as(dtype):
    def predict_proba(self, X):
        proba = DummyClassifier.predict_proba(self, X)
        return [p.astype(dtype) for p in proba] if isinstance(proba, list) else proba.astype(dtype)
    return predict_proba


class DummyClassifierIntegerProba020(DummyClassifier):
    """'stratified' DummyClassifier from 0.20, in 0.21+: ``predict_proba`` returns the
    drawn one-hot rows as integers, as 0.20 did (0.21 casts them to float64)."""

    predict_proba = _proba_as(int)


class DummyClassifierFloatProba021(DummyClassifier):
    """'stratified' DummyClassifier from 0.21+, in 0.20: ``predict_proba`` returns
    float64 as 0.21+ does (0.20 returned the integer draws)."""

    predict_proba = _proba_as(np.float64)


class TruncatedSVDDot021(TruncatedSVD):
    """TruncatedSVD whose ``transform`` of dense input is scikit-learn 0.20-0.21's
    ``np.dot(X, components_.T)``, for a model carried to 0.22+.

    0.22 (scikit-learn PR #14538) made ``safe_sparse_dot`` compute ``a @ b`` where it
    called ``np.dot(a, b)``. The arpack solver leaves ``components_`` as ``VT[::-1]``,
    with negative strides (which the document keeps): numpy's ``@`` then sums without
    BLAS (up to numpy 2.2 at least; 2.5 copies the operand as ``np.dot`` does), where
    ``np.dot`` copies the operand and calls BLAS, so ``transform`` differs in the last
    bits (up to ~20 ulps; ``inverse_transform``, unchanged, carries it). Sparse input
    is multiplied by scipy, as in every release.
    """

    def transform(self, X):
        if sparse.issparse(X):
            return super().transform(X)
        check_is_fitted(self, "components_")
        return np.dot(_validated(self, X), self.components_.T)


class TruncatedSVDMatmul022(TruncatedSVD):
    """TruncatedSVD whose ``transform`` is scikit-learn 0.22+'s ``X @ components_.T``
    (``safe_sparse_dot`` since PR #14538), for a model carried back to 0.20-0.21 (see
    :class:`TruncatedSVDDot021`)."""

    def transform(self, X):
        X = check_array(X, accept_sparse="csr")  # as 0.20-0.21's transform
        return X @ self.components_.T


def _polynomial_products_022(XP, X, degree, interaction_only, include_bias):
    """Fill ``XP`` with the polynomial features of dense ``X`` as scikit-learn 0.22's
    ``PolynomialFeatures.transform`` computes them (verbatim but for the names): the
    degree-d columns are the degree d-1 columns that exclude features before
    ``feature_idx``, times that feature, written in place."""
    n_features = X.shape[1]
    if include_bias:
        XP[:, 0] = 1
        current_col = 1
    else:
        current_col = 0

    # d = 0
    XP[:, current_col:current_col + n_features] = X
    index = list(range(current_col, current_col + n_features))
    current_col += n_features
    index.append(current_col)

    # d >= 1
    for _ in range(1, degree):
        new_index = []
        end = index[-1]
        for feature_idx in range(n_features):
            start = index[feature_idx]
            new_index.append(current_col)
            if interaction_only:
                start += (index[feature_idx + 1] - index[feature_idx])
            next_col = current_col + end - start
            if next_col <= current_col:
                break
            # XP[:, start:end] are terms of degree d - 1
            # that exclude feature #feature_idx.
            np.multiply(XP[:, start:end], X[:, feature_idx:feature_idx + 1], out=XP[:, current_col:next_col],
                        casting="no")
            current_col = next_col

        new_index.append(current_col)
        index = new_index
    return XP


class PolynomialFeaturesProducts021(PolynomialFeatures):
    """PolynomialFeatures whose ``transform`` of dense input multiplies the features of
    each output column as scikit-learn 0.20-0.21 did, for a model carried to 0.22+.

    0.21 computes every column as ``X[:, comb].prod(1)``: ``(x_i x_j) x_k`` for the
    features i <= j <= k of a degree-3 term. 0.22 (scikit-learn PR #13290) builds the
    degree-d columns by multiplying degree d-1 columns by one feature in place,
    ``x_i (x_j x_k)``, so products of three or more factors round differently (in the
    last bit or two). Sparse input is computed as in every release.
    """

    def transform(self, X):
        if sparse.issparse(X):
            return super().transform(X)
        check_is_fitted(self, "n_output_features_")
        X = _validated(self, X, order="F", dtype=FLOAT_DTYPES)
        powers = self.powers_  # one row of exponents per output column, in the order of the combinations
        if X.shape[1] != powers.shape[1]:
            raise ValueError("X shape does not match training shape")
        XP = np.empty((X.shape[0], self.n_output_features_), dtype=X.dtype, order=self.order)
        features = np.arange(powers.shape[1])
        for i, exponents in enumerate(powers):
            comb = np.repeat(features, exponents)  # the combination (0, 0, 2) of x_0^2 x_2
            XP[:, i] = X[:, comb].prod(1)
        return XP


class PolynomialFeaturesProducts022(PolynomialFeatures):
    """PolynomialFeatures whose ``transform`` of dense input builds the products as
    scikit-learn 0.22+ does (PR #13290: degree-d columns are degree d-1 columns times one
    feature, in place), for a model carried back to 0.20-0.21 (see
    :class:`PolynomialFeaturesProducts021`)."""

    def transform(self, X):
        if sparse.issparse(X):
            return super().transform(X)
        check_is_fitted(self, "n_output_features_")
        X = check_array(X, order="F", dtype=FLOAT_DTYPES)  # as 0.20-0.22
        n_samples, n_features = X.shape
        if n_features != self.powers_.shape[1]:  # (n_input_features_ up to 0.24)
            raise ValueError("X shape does not match training shape")
        XP = np.empty((n_samples, self.n_output_features_), dtype=X.dtype,
                      order=getattr(self, "order", "C"))  # (0.21 added order; 0.20's output is C-ordered)
        return _polynomial_products_022(XP, X, self.degree, self.interaction_only, self.include_bias)


def _spherical_log_prob_17(X, means, precisions_chol):
    """scikit-learn 1.7's ``_estimate_log_gaussian_prob`` for covariance_type='spherical'
    (its ``_compute_log_det_cholesky`` and, for numpy input, ``row_norms`` inlined)."""
    n_samples, n_features = X.shape
    log_det = n_features * (np.log(precisions_chol))
    precisions = precisions_chol**2
    log_prob = (
        np.sum(means**2, 1) * precisions
        - 2 * np.dot(X, means.T * precisions)
        + np.outer(np.einsum("ij,ij->i", X, X), precisions)
    )
    return -0.5 * (n_features * np.log(2 * np.pi).astype(X.dtype) + log_prob) + log_det


def _spherical_log_prob_18(X, means, precisions_chol):
    """scikit-learn 1.8's ``_estimate_log_gaussian_prob`` for covariance_type='spherical',
    in its numpy namespace (``xp.linalg.outer`` is ``np.outer`` there)."""
    n_samples, n_features = X.shape
    log_det = n_features * np.log(precisions_chol)
    precisions = precisions_chol**2
    log_prob = (
        np.sum(means**2, axis=1) * precisions
        - 2 * (X @ means.T * precisions)
        + np.outer(np.einsum("ij,ij->i", X, X), precisions)
    )
    return -0.5 * (n_features * math.log(2 * math.pi) + log_prob) + log_det


class _SphericalLogProb(GaussianMixture):
    """GaussianMixture whose spherical log-probabilities are ``_spherical`` (the log
    probability of each sample under each component, before the weights)."""

    def _estimate_log_prob(self, X, xp=None):  # (1.8 added xp)
        if self.covariance_type == "spherical":
            return self._spherical(X, self.means_, self.precisions_cholesky_)
        if xp is None:
            return super()._estimate_log_prob(X)
        return super()._estimate_log_prob(X, xp=xp)


class GaussianMixtureSpherical17(_SphericalLogProb):
    """GaussianMixture with covariance_type='spherical' whose log-probabilities are
    scikit-learn 1.7's, for a model carried to 1.8+.

    1.8 (scikit-learn PR #30777, array API support) computes the spherical branch of
    ``_estimate_log_gaussian_prob`` as ``X @ means.T * precisions``, i.e.
    ``(X @ means.T) * precisions``, where 1.7 computed ``np.dot(X, means.T * precisions)``:
    ``score_samples`` changes in the last bit or two and ``predict_proba`` by up to ~30
    ulps. Other covariance types are computed as the plain class does.
    """

    _spherical = staticmethod(_spherical_log_prob_17)


class GaussianMixtureSpherical18(_SphericalLogProb):
    """GaussianMixture with covariance_type='spherical' whose log-probabilities are
    scikit-learn 1.8+'s (``(X @ means.T) * precisions``, PR #30777), for a model carried
    back before 1.8 (see :class:`GaussianMixtureSpherical17`)."""

    _spherical = staticmethod(_spherical_log_prob_18)


def _yeo_johnson_18(x, lmbda):
    """scikit-learn 1.8's ``PowerTransformer._yeo_johnson_transform`` (the same since 0.20)."""
    out = np.zeros_like(x)
    pos = x >= 0  # binary mask

    # when x >= 0
    if abs(lmbda) < np.spacing(1.0):
        out[pos] = np.log1p(x[pos])
    else:  # lmbda != 0
        out[pos] = (np.power(x[pos] + 1, lmbda) - 1) / lmbda

    # when x < 0
    if abs(lmbda - 2) > np.spacing(1.0):
        out[~pos] = -(np.power(-x[~pos] + 1, 2 - lmbda) - 1) / (2 - lmbda)
    else:  # lmbda == 2
        out[~pos] = -np.log1p(-x[~pos])

    return out


def _yeo_johnson_scipy(x, lmbda):
    """``scipy.stats.yeojohnson(x, lmbda)`` as SciPy 1.18 (with scikit-learn 1.9) computes
    it for a numpy array: its ``_yeojohnson_transform``, ``xp_result_type(x, lmbda,
    force_floating=True)`` being ``np.result_type(x, lmbda, 1.0)``."""
    x = np.asarray(x)
    if x.size == 0:
        return x
    dtype = np.result_type(x, lmbda, 1.0)
    eps = np.finfo(dtype).eps
    out = np.zeros_like(x, dtype=dtype)
    pos = x >= 0  # binary mask

    # when x >= 0
    if abs(lmbda) < eps:
        out[pos] = np.log1p(x[pos])
    else:  # lmbda != 0
        # more stable version of: ((x + 1) ** lmbda - 1) / lmbda
        out[pos] = np.expm1(lmbda * np.log1p(x[pos])) / lmbda

    # when x < 0
    if abs(lmbda - 2) > eps:
        out[~pos] = -np.expm1((2 - lmbda) * np.log1p(-x[~pos])) / (2 - lmbda)
    else:  # lmbda == 2
        out[~pos] = -np.log1p(-x[~pos])

    return out


class PowerTransformerYeoJohnson18(PowerTransformer):
    """PowerTransformer(method='yeo-johnson') whose ``transform`` is scikit-learn 1.8's,
    for a model carried to 1.9+.

    1.9 (scikit-learn PR #33272) transforms with ``scipy.stats.yeojohnson``, which
    computes ``expm1(l log1p(x)) / l`` (and ``-expm1((2 - l) log1p(-x)) / (2 - l)`` for
    x < 0), where up to 1.8 scikit-learn's own ``_yeo_johnson_transform`` computed
    ``(np.power(x + 1, l) - 1) / l`` (and ``-(np.power(1 - x, 2 - l) - 1) / (2 - l)``):
    ``transform`` differs by up to ~40 ulps, and ``inverse_transform`` (unchanged) of it
    with it. In 1.9+ this is 1.8's ``transform``, on 1.9+'s input checks; before, the
    class's own.
    """

    def _yeo_johnson_transform(self, x, lmbda):
        return _yeo_johnson_18(x, lmbda)

    def transform(self, X):
        if self.method != "yeo-johnson" or hasattr(PowerTransformer, "_yeo_johnson_transform"):
            return super().transform(X)  # (up to 1.8, which computes it by _yeo_johnson_transform)
        check_is_fitted(self)
        X = self._check_input(X, in_fit=False, check_positive=True, check_shape=True)

        for i, lmbda in enumerate(self.lambdas_):
            with np.errstate(invalid="ignore"):  # hide NaN warnings
                X[:, i] = self._yeo_johnson_transform(X[:, i], lmbda)

        if self.standardize:
            X = self._scaler.transform(X)

        return X


class PowerTransformerYeoJohnson19(PowerTransformer):
    """PowerTransformer(method='yeo-johnson') whose transform is scikit-learn 1.9+'s
    (``scipy.stats.yeojohnson``, PR #33272; see :class:`PowerTransformerYeoJohnson18`),
    for a model carried back before 1.9. Up to 1.8 ``transform`` (and fitting) compute
    the transform through ``_yeo_johnson_transform``, which this class replaces."""

    def _yeo_johnson_transform(self, x, lmbda):
        return _yeo_johnson_scipy(x, lmbda)


def _counts(estimator, X, copy, dtype, width):
    """The count matrix a TfidfTransformer weighs: ``X`` checked as its release does, CSR,
    its counts logarithmic with ``sublinear_tf``; ``width`` idf weights expected."""
    X = _validated(estimator, X, accept_sparse="csr", dtype=dtype, copy=copy)
    if X.shape[1] != width:  # (checked by the release itself since 0.23; before, by hand as here)
        raise ValueError("Input has n_features=%d while the model has been trained with n_features=%d"
                         % (X.shape[1], width))
    if not sparse.issparse(X):
        X = sparse.csr_matrix(X, dtype=np.float64 if dtype is FLOAT_DTYPES else X.dtype)
    if estimator.sublinear_tf:
        np.log(X.data, X.data)
        X.data += 1
    return X


class TfidfTransformerDiagonal14(TfidfTransformer):
    """TfidfTransformer whose ``transform`` weighs counts as scikit-learn 1.4 and older do,
    for a model carried to 1.5+: by the product with the diagonal matrix of the idf weights
    (``X @ _idf_diag``), whose rows list their terms in another order than the counts, so
    that normalising sums a row's squares (or absolute values) in that order. 1.5
    (``idf_`` stored as an array) multiplies each count by its weight in place instead:
    each weighted count is the same, a row's norm may differ in the last bit."""

    def transform(self, X, copy=True):
        check_is_fitted(self)
        idf = self.idf_ if self.use_idf else None
        X = _counts(self, X, copy, FLOAT_DTYPES, X.shape[1] if idf is None else idf.shape[0])
        if idf is not None:
            X = X @ sparse.diags(idf, offsets=0, shape=(idf.shape[0], idf.shape[0]), format="csr", dtype=idf.dtype)
        return X if self.norm is None else normalize(X, norm=self.norm, copy=False)


class TfidfTransformerInPlace15(TfidfTransformer):
    """TfidfTransformer whose ``transform`` weighs counts as scikit-learn 1.5+ does
    (``X.data *= idf_[X.indices]``, rows keeping their terms' order; see
    :class:`TfidfTransformerDiagonal14`), for a model carried back before 1.5, whose
    weights are the diagonal of ``_idf_diag``."""

    def transform(self, X, copy=True):
        diagonal = vars(self).get("_idf_diag")
        X = _counts(self, X, copy, [np.float64, np.float32], X.shape[1] if diagonal is None else diagonal.shape[0])
        if diagonal is not None:
            X.data *= diagonal.data[X.indices]
        return X if self.norm is None else normalize(X, norm=self.norm, copy=False)

