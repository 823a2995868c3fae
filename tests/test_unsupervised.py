"""Issue-6 neighbours, mixtures, decompositions and Gaussian processes: the models a
release cannot express are refused with the reason, the others rewritten faithfully."""
import warnings

import numpy as np
import pytest
import sklearn
from sklearn.decomposition import NMF, KernelPCA
from sklearn.gaussian_process import GaussianProcessClassifier, GaussianProcessRegressor
from sklearn.neighbors import RadiusNeighborsClassifier

import sklearn_migrator as sm
from sklearn_migrator import zoo
from sklearn_migrator.codec import decode_tree
from sklearn_migrator.migrations import load_steps, migrate
from sklearn_migrator.tree import Node
from sklearn_migrator.versions import has_release

INSTALLED = sklearn.__version__
DATA = zoo.make_data()


def _tree(estimator, data, X=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        estimator.fit(DATA["X"] if X is None else X, DATA[data] if data else None)
    return decode_tree(sm.serialize(estimator)["tree"], "")


def _needs(release):
    if not has_release(INSTALLED, release):
        pytest.skip("needs scikit-learn %s or newer" % release)


def test_radius_neighbors_classifier_is_refused_before_predict_proba_existed():
    _needs("0.22")
    with pytest.raises(sm.MigrationError, match="predict_proba"):
        migrate(_tree(RadiusNeighborsClassifier(radius=3.0), "clf3"), INSTALLED, "0.21.3")


def test_gpr_scaling_targets_is_refused_before_0_23_and_plain_one_is_not():
    _needs("0.23")
    with pytest.raises(sm.MigrationError, match="standard deviation"):
        migrate(_tree(GaussianProcessRegressor(normalize_y=True), "reg"), INSTALLED, "0.22.2.post1")
    tree = _tree(GaussianProcessRegressor(), "reg")
    migrate(tree, INSTALLED, "0.22.2.post1")
    assert "_y_train_std" not in tree.state


def test_kernel_pca_gamma_of_two_widths_is_refused_in_1_3_and_fixed_gamma_goes_down():
    model = KernelPCA(n_components=3, kernel="rbf", fit_inverse_transform=True)
    if has_release(INSTALLED, "1.3"):
        tree = _tree(model, None)
        migrate(tree, INSTALLED, "1.2.2")
        assert tree.params["gamma"] == 1.0 / zoo.N_FEATURES and "gamma_" not in tree.state
    else:
        with pytest.raises(sm.MigrationError, match="gamma"):
            migrate(_tree(model, None), INSTALLED, "1.3.2")


def test_regularised_nmf_is_refused_across_1_0():
    X = abs(DATA["X"])
    alpha = {"alpha_W": 0.1} if has_release(INSTALLED, "1.0") else {"alpha": 0.1}
    target = "0.24.2" if has_release(INSTALLED, "1.0") else "1.0.2"
    with pytest.raises(sm.MigrationError, match="regularised NMF"):
        migrate(_tree(NMF(n_components=2, init="nndsvd", **alpha), None, X), INSTALLED, target)


def test_multiclass_gaussian_process_classifier_round_trips():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        multiclass = GaussianProcessClassifier(random_state=0).fit(DATA["X"][:40], DATA["clf3"][:40])
    # Its one-vs-rest wrapper is a supported composition class.
    rebuilt = sm.loads(sm.dumps(multiclass))
    np.testing.assert_array_equal(rebuilt.predict_proba(DATA["X_query"]), multiclass.predict_proba(DATA["X_query"]))


def test_kernel_pca_reconstruction_of_0_23_to_0_24_1_does_not_cross_out_of_them():
    # 0.23 added alpha to the kernel's diagonal in inverse_transform; 0.24.2 (not 0.24.0) removed it again
    def tree():
        return Node("sklearn.decomposition.KernelPCA", params={"fit_inverse_transform": True, "alpha": 1.0},
                    state={})
    steps = [s for s in load_steps() if "inverse_transform" in s.summary]
    for source, target in (("0.22.2.post1", "0.23.2"), ("0.23.2", "0.24.2"), ("0.24.2", "0.23.2"),
                           ("0.24.1", "0.24.2"), ("0.24.0", "0.20.4")):
        with pytest.raises(sm.MigrationError, match="0.23-0.24.1 adds alpha"):
            migrate(tree(), source, target, steps=steps)
    for source, target in (("0.22.2.post1", "0.24.2"), ("0.23.2", "0.24.1"), ("0.24.0", "0.23.0")):
        migrate(tree(), source, target, steps=steps)
