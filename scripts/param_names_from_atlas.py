"""Write tests/fixtures/param_names.json: the constructor parameters of the 21
estimators of the paper, and of the issue-6 estimators listed below, in every
release head, as recorded by the shared attribute atlas
(``../shared/atlas/atlas.json``, made from real environments).

    python scripts/param_names_from_atlas.py [ATLAS_JSON]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
#: Issue-6 estimators (neighbours, mixtures, decompositions, DBSCAN, Gaussian processes); the atlas has
#: only some of them.
ISSUE6_UNSUPERVISED = {
    "RadiusNeighborsClassifier", "RadiusNeighborsRegressor", "NearestNeighbors", "LocalOutlierFactor",
    "GaussianMixture", "BayesianGaussianMixture", "TruncatedSVD", "NMF", "FastICA", "IncrementalPCA", "KernelPCA",
    "FactorAnalysis", "LatentDirichletAllocation", "DBSCAN", "GaussianProcessRegressor", "GaussianProcessClassifier"}

#: Estimators of issue 6 (atlas group X) that the registry supports, by family.
ISSUE6_ENSEMBLES = ("ExtraTreesClassifier", "ExtraTreesRegressor", "IsolationForest", "AdaBoostClassifier",
                    "BaggingClassifier")
#: Estimators the atlas did not fit, whose constructor is another's (both pass their arguments to one base class).
SAME_PARAMS = {"BaggingRegressor": "BaggingClassifier"}


def main():
    atlas_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "atlas", "atlas.json")
    with open(atlas_path) as handle:
        atlas = json.load(handle)
    names = {name: {version: sorted(params) for version, params in entry["params_defaults"].items()}
             for name, entry in atlas["estimators"].items() if entry["group"] == "S" or name in ISSUE6_ENSEMBLES
             or name in ISSUE6_UNSUPERVISED}
    names.update({name: names[twin] for name, twin in SAME_PARAMS.items()})
    out = os.path.join(HERE, "..", "tests", "fixtures", "param_names.json")
    with open(out, "w") as handle:
        json.dump(names, handle, indent=1, sort_keys=True)
    print("wrote %d estimators to %s" % (len(names), os.path.abspath(out)))


if __name__ == "__main__":
    main()
