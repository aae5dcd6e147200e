"""The exchange-rate table behind the alternate-currency check: lookups by bisection."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.checks.fx import RateTable, convert_interval, rate_table
from extractor.parsing.values import MoneyValue

D = Decimal

# Thursday 4, Friday 5, Monday 8, then a gap to Monday 29 January 2024.
TABLE = RateTable(
    (dt.date(2024, 1, 4), dt.date(2024, 1, 5), dt.date(2024, 1, 8), dt.date(2024, 1, 29)),
    (D("1.1"), D("1.2"), D("1.3"), D("1.4")),
)


def test_quote_of_the_day_itself() -> None:
    assert TABLE.on(dt.date(2024, 1, 5)) == D("1.2")
    assert TABLE.on(dt.date(2024, 1, 29)) == D("1.4")


def test_weekend_takes_the_closest_quote_and_the_earlier_one_on_a_tie() -> None:
    assert TABLE.on(dt.date(2024, 1, 6)) == D("1.2")  # Saturday: Friday is one day back
    assert TABLE.on(dt.date(2024, 1, 7)) == D("1.3")  # Sunday: Monday is one day ahead
    # 18 January: the 8th and the 29th are ten and eleven days away.
    assert TABLE.on(dt.date(2024, 1, 18)) == D("1.3")
    # 20 January: twelve days after the 8th, nine before the 29th.
    assert TABLE.on(dt.date(2024, 1, 20)) == D("1.4")
    # A gap of twenty days: the middle day (ten either side) takes the earlier quote.
    middle = RateTable((dt.date(2024, 3, 1), dt.date(2024, 3, 21)), (D(1), D(2)))
    assert middle.on(dt.date(2024, 3, 11)) == D(1)


def test_no_quote_past_the_ends_or_across_a_long_gap() -> None:
    assert TABLE.on(dt.date(2023, 12, 1)) is None  # before the history
    assert TABLE.on(dt.date(2023, 12, 30)) == D("1.1")  # five days before: still close
    assert TABLE.on(dt.date(2024, 3, 1)) is None  # long after the last quote
    gap = RateTable((dt.date(2024, 1, 1), dt.date(2024, 2, 1)), (D(1), D(2)))
    assert gap.on(dt.date(2024, 1, 16)) is None  # fifteen days from either quote
    assert RateTable((), ()).on(dt.date(2024, 1, 1)) is None


def test_bundled_history_is_sorted_and_starts_with_the_euro() -> None:
    usd = rate_table("USD")
    assert usd is not None
    assert usd.dates[0] == dt.date(1999, 1, 4)
    assert list(usd.dates) == sorted(set(usd.dates))
    assert len(usd.rates) == len(usd.dates)
    assert all(r > 0 for r in usd.rates)


def test_unknown_and_reference_currencies_have_no_table() -> None:
    assert rate_table("XYZ") is None
    assert rate_table("") is None
    assert rate_table("EUR") is None  # the reference: one euro per euro


def test_pegged_currency_follows_the_dollar() -> None:
    usd, aed = rate_table("USD"), rate_table("AED")
    assert usd is not None and aed is not None
    day = dt.date(2020, 6, 15)
    assert aed.on(day) == usd.on(day) * D("3.6725")  # type: ignore[operator]


def test_date_before_the_history_falls_back_to_the_whole_band() -> None:
    value = MoneyValue(amount=D("1000000"), currency="USD")
    undated = convert_interval(value, "GBP", None)
    assert undated is not None
    assert convert_interval(value, "GBP", dt.date(1980, 5, 1)) == undated
    dated = convert_interval(value, "GBP", dt.date(2016, 9, 14))
    assert dated is not None and dated != undated


def test_load_all_rates_builds_every_table_up_front() -> None:
    from extractor.checks.fx import load_all_rates

    loaded = load_all_rates()
    assert loaded > 30  # the ECB history quotes ~40 currencies, plus the pegged ones
    before = rate_table.cache_info()
    assert before.currsize >= loaded
    assert rate_table("JPY") is not None and rate_table("USD") is not None
    after = rate_table.cache_info()
    assert after.misses == before.misses  # already built: answered from the cache
