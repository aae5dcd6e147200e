"""Small frozen value objects produced by the pure parsers and stored on spaCy spans.

Amounts are ``Decimal`` inside the library (no float arithmetic on money); the output models
turn them into whole ``int`` units at the boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Qualifier = Literal["over", "under", "about", "up_to", "at_least"]


@dataclass(frozen=True)
class MoneyValue:
    """A normalised money figure.

    Attributes:
        amount: value in whole currency units (``Decimal("586000000")`` for "$586m"); for a
            range, the low end.
        currency: ISO 4217 code, or None when the text gives no currency.
        qualifier: one of the gold vocabulary's qualifiers, or None for an exact figure.
        low: lower end of the interval the printed figure stands for.
        high: upper end, or None when unbounded ("over $3.2bn").
        per_share: True for "$32 a share", "450p per share".
        is_range: True for "$1bn-$2bn", "between $1bn and $2bn".
    """

    amount: Decimal
    currency: str | None
    qualifier: Qualifier | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    per_share: bool = False
    is_range: bool = False


@dataclass(frozen=True)
class PercentValue:
    """A normalised percentage (0..100).

    ``value`` is None for a qualitative stake ("a majority stake"), which ``qualitative`` names.
    ``points`` marks "percentage points", a change rather than a share.
    """

    value: Decimal | None
    qualifier: Qualifier | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    points: bool = False
    qualitative: Literal["majority", "minority", "controlling"] | None = None
