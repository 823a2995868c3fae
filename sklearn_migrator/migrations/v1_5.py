"""scikit-learn 1.5 (May 2024)."""
from ._kinds import param_values
from .families import LOGISTIC

STEPS = [
    # 1.5 deprecated multi_class; its default became 'deprecated', behaving as 'auto'.
    param_values("1.5", [LOGISTIC], "multi_class", {"auto": "deprecated"}),
]
