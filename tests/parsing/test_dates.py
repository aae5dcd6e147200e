"""Year resolution of date expressions against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parsing import dates
from extractor.parsing.dates import find_years
from extractor.parsing.qualifiers import match_near

PUBLISHED = dt.date(2024, 6, 12)

CASES = [
    ("The chain was bought in 2005.", 2005),
    ("It raised money in late 2022.", 2022),
    ("Sales fell last year.", 2023),
    ("It listed seven years ago.", 2017),
    ("It listed 3 years ago.", 2021),
    ("The talks began a year earlier.", 2023),
    ("The deal closed in March.", 2024),  # before June: this year
    ("The deal closed in September.", 2023),  # after June: the last September
    ("It sold the unit last August.", 2023),
    ("It sold the unit last May.", 2024),
    ("Earlier this month the board met.", 2024),
    ("Results are due next year.", 2025),
    ("It was announced on 19 March 2021.", 2021),
    ("Shares fell last week.", 2024),
    ("The bank was sold in mid-2019.", 2019),
    ("Talks stalled in late-2020.", 2020),
    ("It listed a decade ago.", 2014),
    ("The family founded it two decades ago.", 2004),
]


@pytest.mark.parametrize(("text", "year"), CASES, ids=[c[0] for c in CASES])
def test_year_resolved_against_published_date(text: str, year: int) -> None:
    assert [m.year for m in find_years(text, PUBLISHED)] == [year]


def test_relative_expressions_need_a_published_date() -> None:
    assert [m.year for m in find_years("bought in 2005 and sold last year")] == [2005]


@pytest.mark.parametrize(
    "text",
    [
        "It paid $2022m.",
        "It sold 2,022 shares.",
        "It issued 2023 shares.",
        "Growth of 2021% is impossible.",
        "This may help the bank.",  # "may" the verb, not the month
        "Troops march in.",
        "The ABC-2019 filing was late.",  # a code, not "mid-2019"
        "It was a decade-long fight.",
    ],
)
def test_numbers_and_verbs_are_not_years(text: str) -> None:
    assert find_years(text, PUBLISHED) == []


def test_offsets_cover_the_expression() -> None:
    text = "It sold the unit last August."
    (m,) = find_years(text, PUBLISHED)
    assert text[m.start : m.end] == "last August"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.dates())
def test_any_text_never_raises(text: str, published: dt.date) -> None:
    find_years(text, published)


# Pieces of date expressions and digit runs around them, for the fast path below.
_DATE_PIECES = st.lists(
    st.sampled_from(
        ["2019", "20", "19", "2", "201", "1999", "12345678", "3", "30", " ", "  ", "-", ",", ".",
         "mid-", "late-", "$", "%", "years", "year", "ago", "decades", "last", "this", "in",
         "March", "may", "week", "quarter", "a", "seven", "shares", "per cent", "x", "\u00a0"]
    ),
    max_size=25,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_DATE_PIECES)
def test_four_digit_hits_tried_alone_find_the_same(text: str) -> None:
    # ``head_starts``: a match starting before a four-digit hit never runs past it.
    fast = match_near(dates._regex(), text, dates._ANCHORS, 25, head_starts=True)
    plain = match_near(dates._regex(), text, dates._ANCHORS, 25)
    assert [m.span() for m in fast] == [m.span() for m in plain]
