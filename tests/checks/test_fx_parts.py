"""Alternate-currency, parts-sum, stake-after and per-share checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.checks import (
    check_alternate_currency,
    check_parts_sum,
    check_stake_after,
    derive_total_from_per_share,
)
from extractor.parsing.values import MoneyValue, PercentValue

D = Decimal


def money(amount: str, currency: str | None = "USD", **kw: object) -> MoneyValue:
    return MoneyValue(amount=D(amount), currency=currency, **kw)  # type: ignore[arg-type]


FX_CASES = [
    # price, alternate, date, expected
    (money("586000000"), money("378000000", "GBP"), dt.date(2013, 4, 29), "pass"),
    (money("586000000"), money("578000000", "GBP"), dt.date(2013, 4, 29), "fail"),
    (money("586000000"), money("378000000", "GBP"), None, "pass"),
    (money("586000000"), money("37800000", "GBP"), None, "fail"),
    (money("240000000", "EUR"), money("958000000", "AED"), dt.date(2024, 10, 15), "pass"),
    (money("1000", "USD"), money("1000", "XYZ"), None, "unknown"),
    (money("1000", "USD"), money("900", None), None, "unknown"),
    (money("1000", "USD"), money("900", "USD"), None, "unknown"),
]


@pytest.mark.parametrize(
    ("price", "alternate", "date", "status"),
    FX_CASES,
    ids=[f"{p.currency}-{a.currency}-{a.amount}-{d}" for p, a, d, _ in FX_CASES],
)
def test_check_alternate_currency(
    price: MoneyValue, alternate: MoneyValue, date: dt.date | None, status: str
) -> None:
    check = check_alternate_currency(price, alternate, date)
    assert check.name == "alternate_currency"
    assert check.status == status
    assert check.detail


def test_dated_check_names_the_rate_and_date() -> None:
    check = check_alternate_currency(
        money("586000000"),
        money("378000000", "GBP"),
        dt.date(2013, 4, 28),  # a Sunday
    )
    assert check.status == "pass"
    assert "2013-04-28" in check.detail and "GBP/USD" in check.detail


@pytest.mark.parametrize(
    ("parts", "total", "status"),
    [
        (["6300000000", "800000000"], "7100000000", "pass"),
        (["6300000000", "800000000"], "7900000000", "fail"),
        (["1200000000", "300000000"], "1500000000", "pass"),
        (["1000"], "1000", "unknown"),
    ],
)
def test_check_parts_sum(parts: list[str], total: str, status: str) -> None:
    check = check_parts_sum([money(p) for p in parts], money(total))
    assert check.name == "parts_sum"
    assert check.status == status


@pytest.mark.parametrize(
    ("stake", "after", "status"),
    [("10", "40", "pass"), ("49", "90", "pass"), ("30", "20", "fail"), ("20", "20", "pass")],
)
def test_check_stake_after(stake: str, after: str, status: str) -> None:
    check = check_stake_after(PercentValue(D(stake)), PercentValue(D(after)))
    assert check.name == "stake_after_ge_stake"
    assert check.status == status


def test_stake_after_qualitative_is_unknown() -> None:
    check = check_stake_after(PercentValue(None, qualitative="majority"), PercentValue(D(60)))
    assert check.status == "unknown"


def test_derive_total_from_per_share() -> None:
    total, check = derive_total_from_per_share(money("12.50", "GBP", per_share=True), D("4000000"))
    assert total.amount == D("50000000") and total.currency == "GBP"
    assert not total.per_share
    assert check.name == "price_from_per_share" and "derived" in check.detail
