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
    # ECB 2016-09-14: $1 = £0.7584, so $412m (411.5m-412.5m) +-4% is £299.6m-£325.4m.
    (money("412000000"), money("312000000", "GBP"), dt.date(2016, 9, 14), "pass"),
    (money("412000000"), money("512000000", "GBP"), dt.date(2016, 9, 14), "fail"),
    # Undated: the whole bundled GBP/USD history puts $412m at about £195m-£389m.
    (money("412000000"), money("312000000", "GBP"), None, "pass"),
    (money("412000000"), money("31200000", "GBP"), None, "fail"),
    # ECB 2019-03-12: EUR 1 = 4.1407 AED (via the dollar peg): €185m is Dh733m-Dh799m.
    (money("185000000", "EUR"), money("766000000", "AED"), dt.date(2019, 3, 12), "pass"),
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
        money("412000000"),
        money("312000000", "GBP"),
        dt.date(2016, 9, 11),  # a Sunday: Friday's or Monday's quote, £297.3m-£322.8m
    )
    assert check.status == "pass"
    assert "2016-09-11" in check.detail and "GBP/USD" in check.detail


@pytest.mark.parametrize(
    ("parts", "total", "status"),
    [
        (["3900000000", "700000000"], "4600000000", "pass"),
        (["3900000000", "700000000"], "5400000000", "fail"),
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
    [("15", "50", "pass"), ("45", "80", "pass"), ("30", "20", "fail"), ("20", "20", "pass")],
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
