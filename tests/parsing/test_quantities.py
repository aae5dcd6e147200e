"""The quantulum3 adapter fixes each misreading measured in issue 4.

quantulum3 itself reads "$586m" as dollar-metres, "$1bn"/"HK$5.5bn" as barn-newtons, "€1.2bn"
as euro barn-newtons, "(US$4.6 billion)" as negative, "300 million U.S. dollars" as atomic mass
units and "¥221 billion" as yuan whatever the article says. ``read_money`` must give the right
amount and currency for each.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.parsing.currencies import CurrencyContext
from extractor.parsing.quantities import (
    quantulum_quantities,
    read_money,
    read_number_quantulum,
)

pytest.importorskip("quantulum3")

D = Decimal
JAPAN = CurrencyContext(yen_sign="JPY")
CHINA = CurrencyContext(yen_sign="CNY")

# examples from the issue text: the misreadings it measured and asks to test
MISREADINGS = [
    ("$586m", None, D("586e6"), "USD"),
    ("$1bn", None, D("1e9"), "USD"),
    ("HK$5.5bn", None, D("5.5e9"), "HKD"),
    ("€1.2bn", None, D("1.2e9"), "EUR"),
    ("(US$4.6 billion)", None, D("4.6e9"), "USD"),
    ("300 million U.S. dollars", None, D("300e6"), "USD"),
    ("¥221 billion", JAPAN, D("221e9"), "JPY"),
    ("¥221 billion", CHINA, D("221e9"), "CNY"),
]


@pytest.mark.parametrize(
    ("text", "context", "amount", "currency"),
    MISREADINGS,
    ids=[f"{m[0]}-{m[3]}" for m in MISREADINGS],
)
def test_adapter_fixes_quantulum_misreading(
    text: str, context: CurrencyContext | None, amount: Decimal, currency: str
) -> None:
    assert read_money(text, context) == (amount, currency)


def test_quantulum_still_misreads_money_shorthand() -> None:
    """Why the adapter exists: if quantulum3 ever reads these right, revisit the adapter."""
    (metres,) = quantulum_quantities("$586m")
    assert metres.value == 586 and metres.entity != "currency"


def test_quantulum_reads_number_words_we_fall_back_to() -> None:
    assert read_number_quantulum("one hundred and twenty-five million") == D("125000000")
    assert read_number_quantulum("") is None


def test_results_are_cached() -> None:
    first = quantulum_quantities("four billion Swiss francs")
    assert quantulum_quantities("four billion Swiss francs") is first
