"""The quality gate's arithmetic: which metrics have floors, and how scores compare to them.

Floors live in ``scripts/eval_floors.json`` with a fingerprint of each corpus's gold data;
``tests/test_eval_gate.py`` checks them and ``scripts/update_floors.py`` raises them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from extractor.evaluation.scoring import ACCURACY_METRICS, COUNT_METRICS

#: Metrics that have a floor: every F1 and every field's overall score (right answers out of
#: all gold items, a missed item counting as wrong). Accuracy over matched items alone is
#: reported but not pinned: it can fall when matching improves, as harder items get matched.
#: A score with nothing to judge counts as 0.0.
HEADLINE_METRICS = (
    *(f"{k}_f1" for k in COUNT_METRICS),
    *(f"{k}_overall" for k in ACCURACY_METRICS),
)
#: Floors are stored rounded down to this many decimals, so float noise never fails the gate.
FLOOR_DECIMALS = 4


def headline(metrics: Mapping[str, float | int | None]) -> dict[str, float]:
    """The metrics that have floors, with "nothing judged" as 0.0."""
    return {k: float(metrics.get(k) or 0.0) for k in HEADLINE_METRICS}


def as_floor(value: float) -> float:
    """Round a score down to the stored precision.

    >>> as_floor(0.66666)
    0.6666
    """
    scale = 10**FLOOR_DECIMALS
    return math.floor(value * scale + 1e-9) / scale


def below_floors(scores: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """One line per metric whose score is under its floor (empty when the gate passes)."""
    return [
        f"{name}: {scores.get(name, 0.0):.4f} is below its floor {floor:.4f}"
        for name, floor in sorted(floors.items())
        if scores.get(name, 0.0) < floor - 1e-9
    ]
