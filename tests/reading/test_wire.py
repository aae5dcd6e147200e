"""Datelines, wire title tags and the spelling of ALL-CAPS names."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.reading.wire import (
    find_dateline,
    mixed_case_name,
    strip_wire_prefix,
    title_case,
)

DATELINES = [
    ("HONG KONG, March 3 (Reuters) - Acme said", 2023, "HONG KONG", dt.date(2023, 3, 3)),
    ("JOHANNESBURG, Jun 14 (KWN) - Acme said", 2022, "JOHANNESBURG", dt.date(2022, 6, 14)),
    ("Johannesburg, 2 April 2025 – Acme Holdings today", None, "Johannesburg", dt.date(2025, 4, 2)),
    ("SÃO PAULO — Acme agreed", None, "SÃO PAULO", None),
    ("LAGOS – Acme raised", None, "LAGOS", None),
    ("NEW YORK (AP) — Shares rose", None, "NEW YORK", None),
    ("LONDON, Jan 5 (Reuters) - “We agree,” said", None, "LONDON", None),  # no year known
]


@pytest.mark.parametrize(
    ("paragraph", "year", "place", "date"), DATELINES, ids=[d[2] for d in DATELINES]
)
def test_find_dateline_reads_place_and_date(
    paragraph: str, year: int | None, place: str, date: dt.date | None
) -> None:
    dateline = find_dateline(paragraph, year=year)
    assert dateline is not None
    assert (dateline.place, dateline.date) == (place, date)
    assert paragraph[dateline.end :][0] in "A“S"  # the story's first character


NOT_DATELINES = [
    "Acme - the maker of anvils - said on Monday it would sell.",
    "London – the capital – saw shares fall.",  # title-case place needs a date or agency
    "Acme, the maker of anvils - said it would sell.",
    "The deal, worth $5m - a record - closed.",
    "Plain sentence without any dash.",
]


@pytest.mark.parametrize("paragraph", NOT_DATELINES, ids=range(len(NOT_DATELINES)))
def test_find_dateline_ignores_ordinary_sentences(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("UPDATE 2-Acme to buy Widget", "Acme to buy Widget"),
        ("EXCLUSIVE-Acme in talks", "Acme in talks"),
        ("RPT-UPDATE 1-Acme sells unit", "Acme sells unit"),
        ("Update on the Acme deal", "Update on the Acme deal"),  # not the all-caps wire tag
    ],
)
def test_strip_wire_prefix(title: str, expected: str) -> None:
    assert strip_wire_prefix(title) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("HILLTOP TRADE WEEKLY", "(c) Hilltop Trade Weekly 2020", "Hilltop Trade Weekly"),
        ("THE DAILY LANTERN", "the Daily Lantern is not responsible", "The Daily Lantern"),
        ("THE DAILY LANTERN", "no other spelling here", "The Daily Lantern"),
        ("NORTH-EAST MAIL OF THE WEEK", "", "North-East Mail of the Week"),
        ("CNBC AFRICA", "", "CNBC Africa"),
        ("Already Mixed Case", "", "Already Mixed Case"),
    ],
)
def test_mixed_case_name(name: str, text: str, expected: str) -> None:
    assert mixed_case_name(name, text) == expected


def test_title_case_keeps_small_words_lower_inside() -> None:
    assert title_case("BANK OF THE NORTH") == "Bank of the North"
