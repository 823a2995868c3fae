"""Faithful constructions for models a target release can no longer compute.

When scikit-learn changes the arithmetic of an output (not just where state is
stored), a migrated model rebuilt as the plain class would answer differently.
The migration steps then rebuild it as one of these thin subclasses instead:
the fitted state and every other method are the scikit-learn class's own; only
the changed output is computed the way the source release computed it. Each
class is named in the document when the model is exported again, so a later
migration back to a release that computes the output natively restores the
plain scikit-learn class (see ``migrations/v0_21.py`` and ``v1_8.py``).
"""
import numpy as np
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import AdaBoostClassifier, IsolationForest
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics.pairwise import pairwise_distances
from sklearn.neighbors import NearestCentroid
from sklearn.svm import SVC, NuSVC
from sklearn.utils import check_array
from sklearn.utils.extmath import softmax
from sklearn.utils.validation import check_is_fitted


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


class _AdaBoostVotes(AdaBoostClassifier):
    """AdaBoostClassifier whose ``decision_function`` sums the members' votes as
    ``_votes`` says, normalised by the weights as in every release; ``predict`` and,
    from 0.22, ``predict_proba`` derive from it."""

    def decision_function(self, X):
        check_is_fitted(self, "estimators_")
        X = (getattr(self, "_check_X", None) or self._validate_data)(X)  # _validate_data up to 0.23
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

    def _votes(self, X):
        n_classes = self.n_classes_
        votes = 0
        for estimator in self.estimators_:
            proba = estimator.predict_proba(X)
            np.clip(proba, np.finfo(proba.dtype).eps, None, out=proba)
            log_proba = np.log(proba)
            votes = votes + (n_classes - 1) * (log_proba - (1.0 / n_classes) * log_proba.sum(axis=1)[:, np.newaxis])
        return votes


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
