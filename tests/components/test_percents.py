"""extractor_percents on a blank English pipeline: spans, values and from/to links."""

from __future__ import annotations

from decimal import Decimal

import pytest
import spacy
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import extract

D = Decimal


@pytest.fixture(scope="module")
def pct_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_percents")
    return nlp


def _values(text: str, nlp: Language) -> list[tuple[str, Decimal | None]]:
    doc = nlp(text)
    return [(s.text, s._.extractor_percent.value) for s in doc.spans["extractor_percents"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qarib bought a fifth of Solmar.", [("a fifth", D("20.00"))]),
        ("Pellworth sold its third of Tarn Gas.", [("third", D("33.33"))]),
        ("It bought the remaining half of the venture.", [("half", D("50.00"))]),
        ("Its bonds gave up roughly a quarter of their price.", [("a quarter", D("25.00"))]),
        ("It owns a 7.3-per-cent stake.", [("7.3-per-cent", D("7.3"))]),
        ("It wants a majority stake.", [("majority stake", None)]),
        ("The plant should open in the second half of 2027.", []),
        ("Profit rose in the third quarter.", []),
    ],
)
def test_percent_spans(pct_nlp: Language, text: str, expected: list) -> None:
    assert _values(text, pct_nlp) == expected


def test_points_are_kept_apart(pct_nlp: Language) -> None:
    doc = pct_nlp("Its share rose 3 percentage points to 18%.")
    assert [s._.extractor_percent.points for s in doc.spans["extractor_percents"]] == [True, False]


def test_from_to_link(pct_nlp: Language) -> None:
    doc = pct_nlp("Its holding will rise from 52.5% to 58.3%, it said; 12% is free float.")
    assert doc._.extractor_percent_links == [(0, 1)]
    assert len(doc.spans["extractor_percents"]) == 3


def test_record_percentages_through_extract() -> None:
    record = extract("Norvale bought 37.4 percent of Tamsin Bank and a majority stake in Oro.")
    assert [(p.value, p.qualitative, p.low, p.high) for p in record.percentages] == [
        (37.4, None, 37.35, 37.45),
        (None, "majority", None, None),
    ]
