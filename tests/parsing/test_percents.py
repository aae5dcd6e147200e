"""Percentages, stakes in words and qualitative stakes, in sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parsing.percents import find_percents, parse_percent, percent_links

D = Decimal

# (text, value, qualifier, points)
CASES = [
    ("bought a 16% stake", D("16"), None, False),
    ("its whole 7.3-per-cent stake", D("7.3"), None, False),
    ("to buy 37.4 percent of the lender", D("37.4"), None, False),
    ("a holding of 11 per cent", D("11"), None, False),
    ("a 5 pct stake", D("5"), None, False),
    ("a 2.5 p.c. holding", D("2.5"), None, False),
    ("a further one per cent", D("1"), None, False),
    ("up 3 percentage points", D("3"), None, True),
    ("margins rose 3pp", D("3"), None, True),
    ("margins fell 1.5 ppts", D("1.5"), None, True),
    ("up 2 percentage pts", D("2"), None, True),
    ("just over one per cent", D("1"), "over", False),
    ("nearly 20 per cent", D("20"), "under", False),
    ("about 23.8 per cent", D("23.8"), "about", False),
    ("more than 30%", D("30"), "over", False),
    ("up to 15%", D("15"), "up_to", False),
    ("at least 51%", D("51"), "at_least", False),
    ("bought a fifth of the developer", D("20.00"), None, False),
    ("sold its third of the pipeline", D("33.33"), None, False),
    ("the remaining half of the venture", D("50.00"), None, False),
    ("who keeps the remaining third", D("33.33"), None, False),
    ("a quarter of the airport", D("25.00"), None, False),
    ("two-thirds of the money", D("66.67"), None, False),
    ("three-quarters of the votes", D("75.00"), None, False),
    ("a tenth of the bank", D("10.00"), None, False),
    ("half of the shares", D("50.00"), None, False),
    ("a third stake", D("33.33"), None, False),
    ("the bonds gave up about a quarter of their price", D("25.00"), "about", False),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "points"), CASES, ids=[c[0] for c in CASES])
def test_parse_percent_reads_value_qualifier_points(
    text: str, value: Decimal, qualifier: str | None, points: bool
) -> None:
    parsed = parse_percent(text)
    assert parsed is not None
    assert (parsed.value, parsed.qualifier, parsed.points) == (value, qualifier, points)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("to buy a majority stake in the operator", "majority"),
        ("holds a minority holding", "minority"),
        ("took a controlling interest", "controlling"),
        ("the majority-owned unit of a Lisbon utility", "majority"),
        ("the fund took majority control of the dairy", "majority"),
        ("it now holds a majority of the shares", "majority"),
        ("a minority of its share capital", "minority"),
    ],
)
def test_qualitative_stakes_have_no_value(text: str, kind: str) -> None:
    parsed = parse_percent(text)
    assert parsed is not None
    assert (parsed.value, parsed.qualitative) == (None, kind)


NOT_PERCENT = [
    "the majority of analysts expect a sale",
    "a minority of staff voted against",
    "the plan won a majority of the votes cast",
    "the report runs to 300 PP",
    "emissions of 3ppm",
    "the plant should open in the second half of 2027",
    "profits in the third quarter of 2024",
    "a quarter of a century ago",
    "half-year profit rose",
    "first half results",
    "one and a half times earnings",
    "the third largest bank",
    "it will halve the number of spills",
    "shares of the company rose",
    "the 2024 results",
    "a third",  # too vague without "of", a stake noun or a possessive
]


@pytest.mark.parametrize("text", NOT_PERCENT)
def test_time_expressions_and_ordinals_are_not_percentages(text: str) -> None:
    assert find_percents(text) == []


def test_intervals_from_precision_and_qualifier() -> None:
    # example from the issue text: "18%" (of "$586m for 18%") stands for 17.5%-18.5%
    assert _bounds("an 18% stake") == (D("17.5"), D("18.5"))
    assert _bounds("37.4 percent") == (D("37.35"), D("37.45"))
    assert _bounds("more than 30%") == (D("30"), None)
    assert _bounds("a fifth of it") == (D("20.00"), D("20.00"))


def _bounds(text: str) -> tuple[Decimal | None, Decimal | None]:
    parsed = parse_percent(text)
    assert parsed is not None
    return parsed.low, parsed.high


@pytest.mark.parametrize(
    "text",
    [
        "lifting its holding from 42.95 per cent to 48.17 per cent",  # example from the issue text
        "the stake will rise from 52.5% to 58.3%",
        "its holding went from about 20% to more than 30%",
        "lifting its stake from 37.15 per cent, to 41.06 per cent",
    ],
)
def test_from_to_pairs_are_linked(text: str) -> None:
    found = find_percents(text)
    assert len(found) == 2
    assert percent_links(text, found) == [(0, 1)]


def test_unrelated_percentages_are_not_linked() -> None:
    text = "It owns 30% and wants to reach 40% next year."
    assert percent_links(text, find_percents(text)) == []


def test_ranges() -> None:
    for text in ("between 10% and 15% of the bank", "10-15% of the bank"):
        parsed = parse_percent(text)
        assert parsed is not None
        assert (parsed.value, parsed.low, parsed.high) == (D("10"), D("10"), D("15"))


def test_percentages_above_a_hundred_are_dropped() -> None:
    assert parse_percent("profit jumped 150%") is None


@pytest.mark.xfail(strict=True, reason="known miss: fraction with no 'of' after 'by'")
def test_known_miss_change_by_a_fraction() -> None:
    assert parse_percent("profits fell by a third") is not None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parsing_any_text_never_raises(text: str) -> None:
    found = find_percents(text)
    percent_links(text, found)
    parse_percent(text)
    for m in found:
        assert m.value.value is None or 0 <= m.value.value <= 100
