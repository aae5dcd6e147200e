"""Publication dates as pages print them."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.reading.dates import find_date, parse_date

CASES = [
    ("19 March 2023", dt.date(2023, 3, 19)),
    ("Tuesday 28 February 2023", dt.date(2023, 2, 28)),
    ("Aug. 22, 2024, 6:15 a.m. MT", dt.date(2024, 8, 22)),
    ("10 November 2021 | 11:32 GMT", dt.date(2021, 11, 10)),
    ("2025-02-10T11:20:00-05:00", dt.date(2025, 2, 10)),
    ("2022-07-04T23:10:00-07:00", dt.date(2022, 7, 4)),  # local date, not the UTC day
    ("Published 26 May 2023, 07:45 CEST", dt.date(2023, 5, 26)),
    ("February 10, 2025", dt.date(2025, 2, 10)),
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
    found = find_date("Nov 10", default_year=2021)
    assert found is not None
    assert found[0] == dt.date(2021, 11, 10)
    assert find_date("Nov 10") is None
