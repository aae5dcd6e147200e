"""Numbers in digits and words, fractions in words: table tests (texts written for the tests)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parsing.numbers import (
    _ENGLISH,
    parse_fraction_words,
    parse_number,
    read_digits,
    read_number,
    scale_of,
)

D = Decimal

NUMBERS = [
    ("1,200", D("1200")),
    ("1,200,000.75", D("1200000.75")),
    ("1,20,000", D("120000")),  # Indian lakh grouping
    ("12,34,56,789", D("123456789")),
    ("3.25", D("3.25")),
    ("1.200.000", D("1200000")),  # European thousands, unambiguous
    ("1.200,50", D("1200.50")),  # European with decimal comma
    ("1,5", D("1.5")),  # decimal comma
    ("1.200", D("1.2")),  # ambiguous: read the English way
    ("2.7bn", D("2700000000")),
    ("36 bln", D("36000000000")),
    ("2.5-billion", D("2500000000")),
    ("500 crore", D("5000000000")),
    ("3 lakh", D("300000")),
    ("1.07 lakh crore", D("1070000000000")),
    ("four billion", D("4000000000")),
    ("a billion", D("1000000000")),
    ("an eighty", None),
    ("a three billion", D("3e9")),  # the article goes with the noun phrase
    ("half a billion", D("5e8")),
    ("a half-million", D("5e5")),
    ("half a dozen", None),
    ("three hundred million", D("300000000")),
    ("one hundred and twenty-five million", D("125000000")),
    ("twenty-five", D("25")),
    ("Seven", D("7")),
    ("two thousand crore", D("20000000000")),
    ("", None),
    ("1.2.3", None),
    ("many", None),
    ("the billion", None),
    ("12 apples", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[t or "empty" for t, _ in NUMBERS])
def test_parse_number_reads_digits_scales_and_words(text: str, expected: Decimal | None) -> None:
    assert parse_number(text) == expected


UNITS = [
    ("3.2bn", D("1E8")),  # example from the issue text; last printed digit: tenths of a billion
    ("412m", D("1E6")),
    ("3bn", D("1E9")),
    ("three hundred million", D("1E8")),
    ("four billion", D("1E9")),
    ("37.45", D("0.01")),
]


@pytest.mark.parametrize(("text", "unit"), UNITS, ids=[t for t, _ in UNITS])
def test_read_number_unit_is_place_of_last_printed_digit(text: str, unit: Decimal) -> None:
    reading = read_number(text)
    assert reading is not None
    assert reading.unit == unit


FRACTIONS = [
    ("a fifth", D("20.00")),
    ("a third", D("33.33")),
    ("one-third", D("33.33")),
    ("two-thirds", D("66.67")),
    ("half", D("50.00")),
    ("a quarter", D("25.00")),
    ("three-quarters", D("75.00")),
    ("a tenth", D("10.00")),
    ("an eighth", D("12.50")),
    ("third", D("33.33")),
    ("thirds", None),
    ("the third", None),
    ("five-fifths", None),  # not a part
    ("fifth avenue", None),
]


@pytest.mark.parametrize(("text", "expected"), FRACTIONS, ids=[t for t, _ in FRACTIONS])
def test_parse_fraction_words_as_percentage(text: str, expected: Decimal | None) -> None:
    assert parse_fraction_words(text) == expected


def test_scale_of_abbreviations_are_case_sensitive_only_where_needed() -> None:
    assert scale_of("M") == scale_of("m") == D("1e6")
    assert scale_of("Billion") == D("1e9")
    assert scale_of("bananas") is None


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\A\s?[0-9]{1,12}\s?\Z"))
def test_plain_digits_read_as_the_english_pattern_reads_them(text: str) -> None:
    # ``read_digits`` reads plain ASCII digits without its patterns: same value and unit.
    m = _ENGLISH.match(text.strip())
    assert m is not None
    assert read_digits(text) == (Decimal(m["int"]), Decimal(1).scaleb(0))
    assert read_digits(text).unit.as_tuple() == Decimal(1).scaleb(0).as_tuple()
    assert read_digits(text).value.as_tuple() == Decimal(m["int"]).as_tuple()
