"""Parity: what a rebuilt estimator is compared on, and the rule that judges it.

:mod:`.outputs` computes the outputs, :mod:`.stacks` names the arithmetic they were
computed with, :mod:`.ulps` measures float differences,
:mod:`.reasons` lists why an output may differ and when, :mod:`.rule` judges,
:mod:`.refusals` lists the migrations expected to be refused and why.
"""
from .outputs import members, outputs, recorded_inputs
from .rule import Pair, differences, judge, verdict
from .stacks import stack

__all__ = ["Pair", "differences", "judge", "members", "outputs", "recorded_inputs", "stack", "verdict"]
