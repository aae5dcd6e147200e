"""Implied valuation on intervals and its comparison with the stated valuation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.checks import check_valuation, implied_valuation, verdict
from extractor.checks.intervals import Interval, money_interval, percent_interval
from extractor.facts import CheckFact
from extractor.parsing.values import MoneyValue, PercentValue

D = Decimal


def money(amount: str, currency: str = "USD", **kw: object) -> MoneyValue:
    return MoneyValue(amount=D(amount), currency=currency, **kw)  # type: ignore[arg-type]


def pct(value: str, **kw: object) -> PercentValue:
    return PercentValue(value=D(value), **kw)  # type: ignore[arg-type]


def test_implied_valuation_point_and_interval() -> None:
    # example from the issue text: "$586m for 18%" implies $3.17bn to $3.35bn
    implied = implied_valuation(money("586000000"), pct("18"))
    assert implied is not None
    assert round(implied.amount) == 3255555556
    assert implied.currency == "USD"
    # $585.5m / 18.5% .. $586.5m / 17.5%
    assert D("3.16e9") < implied.low < D("3.17e9")  # type: ignore[operator]
    assert D("3.35e9") < implied.high < D("3.36e9")  # type: ignore[operator]


@pytest.mark.parametrize(
    ("price", "stake"),
    [
        (money("100", per_share=True), pct("10")),
        (money("100000000"), PercentValue(value=None, qualitative="majority")),
        (money("100000000"), pct("0")),
    ],
    ids=["per-share", "qualitative", "zero"],
)
def test_implied_valuation_none_when_meaningless(price: MoneyValue, stake: PercentValue) -> None:
    assert implied_valuation(price, stake) is None


CASES = [
    # (price, stake, stated valuation, expected status)
    # example from the issue text: $3.17bn-$3.35bn implied vs "over $3.2bn"
    ("586000000", "18", money("3200000000", qualifier="over"), "pass"),
    # 738m-742m implied vs about 980m (882m-1078m)
    ("185000000", "25", money("980000000", "USD", qualifier="about"), "fail"),
    # 834m-866m implied vs about 850m (765m-935m)
    ("255000000", "30", money("850000000", qualifier="about"), "pass"),
    # 2.013bn-2.074bn implied vs 2.035bn-2.045bn, then vs 2.25bn-2.35bn
    ("715000000", "35", money("2040000000"), "pass"),
    ("715000000", "35", money("2300000000"), "fail"),
    # 3.750bn-4.051bn implied vs about 3.6bn (3.24bn-3.96bn)
    ("1300000000", "33.33", money("3600000000", qualifier="about"), "pass"),
    ("500000000", "10", money("4000000000", qualifier="up_to"), "fail"),
    ("500000000", "10", money("6000000000", qualifier="up_to"), "pass"),
    ("500000000", "10", money("6000000000", qualifier="over"), "fail"),
]


@pytest.mark.parametrize(
    ("price", "stake", "stated", "status"),
    CASES,
    ids=[f"{p}-for-{s}%-vs-{v.qualifier or 'exact'}-{v.amount}" for p, s, v, _ in CASES],
)
def test_check_valuation_table(price: str, stake: str, stated: MoneyValue, status: str) -> None:
    implied = implied_valuation(money(price), pct(stake))
    assert implied is not None
    check = check_valuation(stated, implied)
    assert check.name == "valuation_vs_implied"
    assert check.status == status
    assert f"{stated.amount:,.0f}" in check.detail


def test_check_valuation_uses_given_intervals_of_exact_figures() -> None:
    # For an exact figure the quantities layer's interval wins over the inferred one.
    implied = implied_valuation(money("190000000"), pct("20"))
    assert implied is not None
    narrow = money("900000000", low=D("899500000"), high=D("900500000"))
    wide = money("900000000", low=D("850000000"), high=D("960000000"))
    assert check_valuation(narrow, implied).status == "fail"
    assert check_valuation(wide, implied).status == "pass"


def test_check_valuation_other_currency_is_unknown() -> None:
    implied = implied_valuation(money("100", "EUR"), pct("10"))
    assert implied is not None
    assert check_valuation(money("1000", "USD"), implied).status == "unknown"


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (None, None),
        (CheckFact("valuation_vs_implied", "pass"), True),
        (CheckFact("valuation_vs_implied", "fail"), False),
        (CheckFact("valuation_vs_implied", "unknown"), None),
    ],
)
def test_verdict(check: CheckFact | None, expected: bool | None) -> None:
    assert verdict(check) is expected


def test_intervals_from_precision_and_qualifier() -> None:
    # example from the issue text: "$3.2bn" stands for 3.15bn-3.25bn
    assert money_interval(money("3200000000")) == Interval(D("3150000000"), D("3250000000"))
    assert money_interval(money("3200000000", qualifier="over")) == Interval(D("3200000000"), None)
    assert money_interval(money("500", qualifier="up_to")) == Interval(D(0), D(500))
    assert percent_interval(pct("9.9")) == Interval(D("9.85"), D("9.95"))
    assert percent_interval(PercentValue(value=None, qualitative="minority")) is None
    assert Interval(D(1), None).overlaps(Interval(D(5), D(6)))
    assert not Interval(D(1), D(2)).overlaps(Interval(D(3), None))


def test_stated_about_is_ten_percent_even_when_printed_coarsely() -> None:
    # "about 2 trillion won": the quantities layer may widen it to 1.5-2.5tn by its printed
    # precision; the consistency rule takes "about" as +-10% (1.8-2.2tn), so 640bn for 40%
    # (implied 1.57-1.64tn) disagrees.
    stated = money("2000000000000", "KRW", qualifier="about", low=D("1.5e12"), high=D("2.5e12"))
    implied = implied_valuation(money("640000000000", "KRW"), pct("40"))
    assert implied is not None
    check = check_valuation(stated, implied)
    assert check.status == "fail"
