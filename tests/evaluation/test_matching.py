"""The forgiving comparisons used for scoring: names, money, percentages, roles."""

from __future__ import annotations

import pytest

from extractor.evaluation.matching import (
    money_match,
    names_match,
    normalise_name,
    percent_match,
    roles_match,
)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Brindle Mills Inc.", "Brindle Mills"),
        ("Brindle Mills Corp", "Brindle Mills"),
        ("Orrery Holdings plc", "Orrery"),
        ("Orrery Group Holdings Ltd", "Orrery"),
        ("Orvane S.A.", "Orvane"),
        ("Orvane SA de CV", "Orvane"),
        ("Vantor AG", "Vantor"),
        ("Brindle Mills's", "Brindle Mills"),
        ("Orrery’s", "Orrery"),
        ("the Orrery Group", "Orrery"),
        ("BRINDLE MILLS", "Brindle Mills"),
        ("Société Gérante", "Societe Gerante"),
        ("Marrow and Finch", "Marrow & Finch"),
        ("Quill-Feather", "Quill Feather"),
    ],
)
def test_names_match_forgives_suffix_possessive_case_accents(predicted: str, gold: str) -> None:
    assert names_match([predicted], [gold])


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Brindle", "Brindle Mills"),
        ("Orrery Capital", "Orrery"),
        ("Group", "Orrery Group"),
    ],
)
def test_names_match_keeps_different_names_apart(predicted: str, gold: str) -> None:
    assert not names_match([predicted], [gold])


def test_normalise_name_keeps_a_name_made_of_suffix_words() -> None:
    assert normalise_name("Holdings Group") == "holdings"


def test_names_match_uses_aliases_of_either_side() -> None:
    assert names_match(["QFR"], ["Quillfeather", "QFR"])
    assert names_match(["Quillfeather Robotics", "Quillfeather"], ["Quillfeather"])
    assert not names_match(["QFR"], ["Quillfeather"])
    assert not names_match([None], [None])


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ((412_000_000, "USD"), (412_000_000, "USD"), True),
        ((412_000_000, "USD"), (414_000_000, "USD"), True),  # within 0.5%
        ((406_000_000, "USD"), (414_000_000, "USD"), False),  # 1.9% off
        ((412_000_000, "GBP"), (412_000_000, "USD"), False),
        ((1200, "EUR"), (1200.4, "EUR"), True),  # equal in whole units
        ((4.51, "GBP"), (4.6, "GBP"), False),  # small fractional figures: 0.5% only
        ((4.5, "GBP"), (4.51, "GBP"), True),
        ((None, None), (None, None), True),
        ((5, "EUR"), (None, None), False),
    ],
)
def test_money_match(predicted: tuple, gold: tuple, expected: bool) -> None:
    assert money_match(*predicted, *gold) is expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (33.333, 33.33, True),
        (33.3333, 33.33, True),
        (33.4, 33.33, False),
        (None, None, True),
        (20.0, None, False),
    ],
)
def test_percent_match(predicted: float | None, gold: float | None, expected: bool) -> None:
    assert percent_match(predicted, gold) is expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Chief Executive Officer", "chief executive", True),
        ("CEO", "chief executive", True),
        ("chief executive", "chief executive officer", True),
        ("president and chief executive", "chief executive", True),
        ("chairwoman", "chair", True),
        ("executive", "chief executive", False),
        ("chief financial officer", "chief executive", False),
        (None, "chairman", False),
    ],
)
def test_roles_match(predicted: str | None, gold: str, expected: bool) -> None:
    assert roles_match(predicted, gold) is expected
