"""Derived figures and consistency checks on deal records: pure code, no spaCy.

Every printed figure stands for an interval (its printed precision and its qualifier); the
checks compare intervals, so that "$586m for 18%" (3.17bn to 3.35bn) agrees with "over $3.2bn".
Each check returns a ``CheckFact`` whose ``detail`` gives the figures and the reason; a failed
check is a finding for the user, not an error.
"""

from __future__ import annotations

from extractor.checks.fx import check_alternate_currency
from extractor.checks.intervals import (
    Interval,
    money_interval,
    percent_interval,
    stated_interval,
)
from extractor.checks.parts import check_parts_sum, check_stake_after, derive_total_from_per_share
from extractor.checks.valuation import check_valuation, implied_valuation, verdict

__all__ = [
    "Interval",
    "check_alternate_currency",
    "check_parts_sum",
    "check_stake_after",
    "check_valuation",
    "derive_total_from_per_share",
    "implied_valuation",
    "money_interval",
    "percent_interval",
    "stated_interval",
    "verdict",
]
