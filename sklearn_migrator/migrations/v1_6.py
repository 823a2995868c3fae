"""scikit-learn 1.6 (December 2024)."""
from ._kinds import state_removed
from .families import AGGLOMERATIVE

STEPS = [
    # 1.6 stopped keeping the resolved metric of AgglomerativeClustering (1.2-1.5).
    state_removed("1.6", [AGGLOMERATIVE], "_metric", lambda node: node.params.get("metric") or "euclidean"),
]
