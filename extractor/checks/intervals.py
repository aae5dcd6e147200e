"""Intervals that printed figures stand for, and arithmetic on them.

The quantities layer gives each figure ``low``/``high``. When it does not (a hand-built value,
an older component), the interval is inferred here from the figure itself: its last significant
digit gives the printed precision ("586000000" was printed as "586m": +-0.5m) and the qualifier
widens it ("over" is [x, inf), "about" is +-ABOUT_TOLERANCE).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from extractor.parsing.values import MoneyValue, PercentValue

#: Tolerance of "about"/"around"/"roughly" when the quantities layer gives no interval: a
#: writer rounding 3.26bn to "about 3.3bn" or 792m to "about 790m" stays well inside 10%.
ABOUT_TOLERANCE = Decimal("0.10")


@dataclass(frozen=True)
class Interval:
    """A closed interval ``[low, high]``; ``high`` None means unbounded above."""

    low: Decimal
    high: Decimal | None

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one point."""
        if self.high is not None and self.high < other.low:
            return False
        return not (other.high is not None and other.high < self.low)

    def scale(self, factor_low: Decimal, factor_high: Decimal) -> Interval:
        """Multiply by a positive factor interval ``[factor_low, factor_high]``."""
        high = None if self.high is None else self.high * factor_high
        return Interval(self.low * factor_low, high)

    def __str__(self) -> str:
        high = "inf" if self.high is None else _short(self.high)
        return f"[{_short(self.low)}, {high}]"


def _short(value: Decimal) -> str:
    """A readable figure for check details: 3255555555.5 -> '3,255,555,556'."""
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value.normalize():f}"


def printed_half_step(value: Decimal) -> Decimal:
    """Half the step of the last printed digit of ``value``.

    Figures are printed as a mantissa of a scale word ("586m", "3.2bn", "R640 million"), and
    trailing zeros of an integer mantissa are printed digits ("640" is +-0.5, not +-50).

    >>> [str(printed_half_step(Decimal(v))) for v in ("586000000", "3200000000", "30", "9.9")]
    ['500000', '50000000', '0.5', '0.05']
    """
    if value == 0 or not value.is_finite():
        return Decimal(0)
    scale = Decimal(1)
    for candidate in (Decimal(10) ** 12, Decimal(10) ** 9, Decimal(10) ** 6, Decimal(10) ** 3):
        if abs(value) >= candidate:
            scale = candidate
            break
    exponent = (value / scale).normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return Decimal(0)
    return (Decimal(5).scaleb(min(exponent, 0) - 1) * scale).normalize() + 0


def _interval(
    amount: Decimal, qualifier: str | None, low: Decimal | None, high: Decimal | None
) -> Interval:
    if low is not None:
        return Interval(low, high)
    if qualifier in ("over", "at_least"):
        return Interval(amount, None)
    if qualifier in ("under", "up_to"):
        return Interval(Decimal(0), amount)
    if qualifier == "about":
        return Interval(amount * (1 - ABOUT_TOLERANCE), amount * (1 + ABOUT_TOLERANCE))
    step = printed_half_step(amount)
    return Interval(amount - step, amount + step)


def money_interval(value: MoneyValue) -> Interval:
    """The interval a money figure stands for (see the module docstring)."""
    if value.low is not None and value.high is None and value.qualifier is None:
        return _interval(value.amount, None, None, None)
    return _interval(value.amount, value.qualifier, value.low, value.high)


def stated_interval(value: MoneyValue) -> Interval:
    """The interval of a stated valuation, by the project's documented consistency rule.

    A qualifier decides it alone: "about" is +-10% (not widened by the printed precision,
    as the quantities layer may do for "about 1 trillion"), "over"/"at least" the figure or
    more, "under"/"up to" the figure or less; an exact figure stands for its printed range.
    """
    if value.qualifier is not None:
        return _interval(value.amount, value.qualifier, None, None)
    return money_interval(value)


def percent_interval(value: PercentValue) -> Interval | None:
    """The interval a percentage stands for, or None for a qualitative one ("majority")."""
    if value.value is None:
        return None
    if value.low is not None and value.high is None and value.qualifier is None:
        return _interval(value.value, None, None, None)
    return _interval(value.value, value.qualifier, value.low, value.high)
