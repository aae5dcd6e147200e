"""Publication dates as pages print them."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.reading.dates import find_date, parse_date

CASES = [
    ("17 April 2022", dt.date(2022, 4, 17)),
    ("Tuesday 8 November 2022", dt.date(2022, 11, 8)),
    ("Oct. 9, 2023, 7:40 a.m. MT", dt.date(2023, 10, 9)),
    ("14 June 2022 | 09:58 GMT", dt.date(2022, 6, 14)),
    ("2024-09-17T08:05:00-04:00", dt.date(2024, 9, 17)),
    ("2022-07-04T23:10:00-07:00", dt.date(2022, 7, 4)),  # local date, not the UTC day
    ("Published 12 July 2022, 08:20 CEST", dt.date(2022, 7, 12)),
    ("March 18, 2024", dt.date(2024, 3, 18)),
    ("Sept. 3rd, 2019", dt.date(2019, 9, 3)),
    ("Wed, 1 Jan 2020", dt.date(2020, 1, 1)),
    ("31 February 2023", None),  # not a day
    ("03/04/2023", None),  # ambiguous order: never guessed
    ("March 3", None),  # no year
    ("the firm may 5 times", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[str(c[0]) for c in CASES])
def test_parse_date_reads_printed_dates(text: str | None, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_find_date_uses_default_year_for_wire_dates() -> None:
    found = find_date("Jun 14", default_year=2022)
    assert found is not None
    assert found[0] == dt.date(2022, 6, 14)
    assert find_date("Jun 14") is None
