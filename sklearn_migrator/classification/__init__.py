"""Classifiers: the paper's per-model functions, one module per estimator."""
