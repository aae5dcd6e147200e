"""Implied valuation (price / stake) and its comparison with a stated valuation."""

from __future__ import annotations

from decimal import Decimal

from extractor.checks.intervals import (
    Interval,
    money_interval,
    percent_interval,
    stated_interval,
)
from extractor.facts import CheckFact
from extractor.parsing.values import MoneyValue, PercentValue

HUNDRED = Decimal(100)


def implied_valuation(price: MoneyValue, stake: PercentValue) -> MoneyValue | None:
    """The whole company's value implied by paying ``price`` for ``stake``.

    ``amount`` is the point value price / (stake / 100); ``low``/``high`` divide the price's
    interval by the stake's interval, so the printed precision of both figures carries over.

    Returns:
        The implied value in the price's currency, or None when the stake is qualitative,
        zero, or the price is per share.

    >>> v = implied_valuation(MoneyValue(Decimal("586000000"), "USD"), PercentValue(Decimal(18)))
    >>> round(v.amount), round(v.low), round(v.high)
    (3255555556, 3164864865, 3351428571)
    """
    if stake.value is None or stake.value <= 0 or price.per_share:
        return None
    stake_iv = percent_interval(stake)
    if stake_iv is None or stake_iv.low <= 0:
        return None
    price_iv = money_interval(price)
    amount = price.amount * HUNDRED / stake.value
    low = price_iv.low * HUNDRED / (stake_iv.high if stake_iv.high is not None else HUNDRED)
    high = None if price_iv.high is None else price_iv.high * HUNDRED / stake_iv.low
    return MoneyValue(amount=amount, currency=price.currency, low=low, high=high)


def check_valuation(valuation: MoneyValue, implied: MoneyValue) -> CheckFact:
    """``valuation_vs_implied``: does the stated valuation agree with the implied one?

    Both sides are intervals; they agree when the intervals overlap. Figures in different
    currencies are not compared (status unknown).
    """
    name = "valuation_vs_implied"
    if valuation.currency and implied.currency and valuation.currency != implied.currency:
        return CheckFact(
            name,
            "unknown",
            f"stated valuation is in {valuation.currency}, implied one in {implied.currency}",
        )
    stated = stated_interval(valuation)
    derived = Interval(implied.low if implied.low is not None else implied.amount, implied.high)
    if implied.low is None and implied.high is None:
        derived = Interval(implied.amount, implied.amount)
    ok = stated.overlaps(derived)
    qual = f" ({valuation.qualifier})" if valuation.qualifier else ""
    detail = (
        f"stated valuation {valuation.amount:,.0f} {valuation.currency or ''}{qual} stands for "
        f"{stated}; price / stake implies {implied.amount:,.0f} {implied.currency or ''}, "
        f"{derived} given the printed precision; "
        + ("the ranges overlap" if ok else "the ranges do not overlap")
    )
    return CheckFact(name, "pass" if ok else "fail", detail)


def verdict(check: CheckFact | None) -> bool | None:
    """``valuation_consistent`` from the check: True, False, or None when nothing to compare."""
    if check is None or check.status == "unknown":
        return None
    return check.status == "pass"
