"""The interval a printed figure stands for: from its printed precision and its qualifier.

Valuation checks compare intervals, not points, so that rounding in the text never makes two
consistent figures look inconsistent. The rules (the same for money and percentages):

Precision: half a unit of the last printed digit, times the scale.
    "$3.2bn" -> 3.15bn..3.25bn; "$586m" -> 585.5m..586.5m; "$3bn" -> 2.5bn..3.5bn;
    "18%" -> 17.5..18.5; "three billion" -> 2.5bn..3.5bn; "four hundred million" ->
    350m..450m (the last non-zero word digit). Fractions in words ("a third") are exact.
Qualifier, applied to the printed value X and its precision interval [lo, hi]:
    none                  [lo, hi]
    over / at_least       [X, unbounded)         "over $3.2bn" is 3.2bn and up
    about                 [min(lo, 0.9X), max(hi, 1.1X)]   ABOUT_TOLERANCE = 10%
    under (near: "nearly", "almost", "just under", "close to")
                          [min(lo, 0.9X), X]     a bit below X (NEAR_TOLERANCE = 10%)
    under ("under", "less than", "below")
                          [0, X]
    up_to ("up to", "as much as")
                          [0, X]
Ranges ("$1bn-$2bn", "between 10% and 15%"): [X1, X2] as printed, no precision widening.

Checked against these verdicts (tests/parsing/test_money.py): $586m for 18% implies
3.17bn..3.35bn, consistent with "over $3.2bn"; €240mn for a fifth implies 1.2bn, inconsistent
with "about €900mn" (810mn..990mn); C$1.1 billion for a third implies 3.15bn..3.45bn,
consistent with "about C$3.3 billion" (2.97bn..3.63bn); €325m for 41% (782m..804m) is consistent
with "about €790m"; R640 million for 50% with "R1.28 billion".
"""

from __future__ import annotations

from decimal import Decimal

from extractor.parsing.values import Qualifier

__all__ = ["ABOUT_TOLERANCE", "NEAR_TOLERANCE", "interval", "overlaps"]

#: Relative tolerance of "about X": news writers round "792.7m" to "about 790m" and "3.30bn"
#: to "about 3.3bn"; 10% covers rounding to one or two significant figures.
ABOUT_TOLERANCE = Decimal("0.10")
#: How far below X "nearly X" / "almost X" may be.
NEAR_TOLERANCE = Decimal("0.10")

_HALF = Decimal("0.5")


def interval(
    value: Decimal,
    unit: Decimal | None,
    qualifier: Qualifier | None,
    *,
    near: bool = False,
) -> tuple[Decimal, Decimal | None]:
    """The (low, high) a printed value stands for; high None means unbounded.

    Args:
        value: the printed value X.
        unit: place value of its last printed digit (None or 0 for an exact value).
        qualifier: the gold-format qualifier, or None.
        near: the qualifier was "nearly"/"almost"-like (only meaningful with "under").

    >>> interval(Decimal("3.2E9"), Decimal("1E8"), None)
    (Decimal('3150000000'), Decimal('3250000000'))
    >>> interval(Decimal("3.2E9"), Decimal("1E8"), "over")
    (Decimal('3200000000'), None)
    >>> interval(Decimal("900"), Decimal("1"), "about")
    (Decimal('810'), Decimal('990'))
    >>> interval(Decimal("400"), Decimal("100"), "under", near=True)
    (Decimal('350'), Decimal('400'))
    """
    half = (unit or Decimal(0)) * _HALF
    lo, hi = value - half, value + half
    if qualifier in ("over", "at_least"):
        return _tidy(value), None
    if qualifier == "about":
        return _tidy(min(lo, value * (1 - ABOUT_TOLERANCE))), _tidy(
            max(hi, value * (1 + ABOUT_TOLERANCE))
        )
    if qualifier == "under" and near:
        return _tidy(min(lo, value * (1 - NEAR_TOLERANCE))), _tidy(value)
    if qualifier in ("under", "up_to"):
        return Decimal(0), _tidy(value)
    return _tidy(max(lo, Decimal(0))), _tidy(hi)


def overlaps(
    a: tuple[Decimal | None, Decimal | None], b: tuple[Decimal | None, Decimal | None]
) -> bool:
    """Whether two intervals share a point (None bounds are open-ended).

    >>> overlaps((Decimal(1), Decimal(3)), (Decimal(2), None))
    True
    >>> overlaps((Decimal(1), Decimal(2)), (Decimal(3), Decimal(4)))
    False
    """
    a_lo, a_hi = a
    b_lo, b_hi = b
    if a_hi is not None and b_lo is not None and a_hi < b_lo:
        return False
    return not (b_hi is not None and a_lo is not None and b_hi < a_lo)


def _tidy(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
