"""extractor_money on a blank English pipeline: spans, values, links, context."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractor.components  # noqa: F401  (registers the factories)
from extractor import extract

D = Decimal


@pytest.fixture(scope="module")
def money_nlp() -> Language:
    """Only the money component, as a user would add it to their own pipeline."""
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_money")
    return nlp


def _figures(doc: Doc) -> list[tuple[str, Decimal, str | None]]:
    return [
        (s.text, s._.extractor_money.amount, s._.extractor_money.currency)
        for s in doc.spans["extractor_money"]
    ]


def test_finds_figures_with_values_in_text_order(money_nlp: Language) -> None:
    doc = money_nlp(
        "Fernhill will pay $248m (£160m) for the holding, putting Orla's value at over $1.5bn. "
        "It also sold a unit for four billion Swiss francs."
    )
    assert _figures(doc) == [
        ("$248m", D("248e6"), "USD"),
        ("£160m", D("160e6"), "GBP"),
        ("$1.5bn", D("1.5e9"), "USD"),
        ("four billion Swiss francs", D("4e9"), "CHF"),
    ]
    assert doc.spans["extractor_money"][2]._.extractor_money.qualifier == "over"
    assert doc._.extractor_money_links == [(0, 1)]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("It paid 19.4 billion yuan (US$2.7 billion) in cash.", [(0, 1)]),
        ("A 23 billion rand ($1.28 billion) deal.", [(0, 1)]),
        ("It paid $3.1bn (Dh11.4bn) for 7.5 per cent.", [(0, 1)]),
        ("It paid $3.1bn. Its rival paid Dh11.4bn.", []),
    ],
)
def test_alternate_currency_links(money_nlp: Language, text: str, pairs: list) -> None:
    assert money_nlp(text)._.extractor_money_links == pairs


def test_house_currency_note_applies_to_plain_dollars(money_nlp: Language) -> None:
    doc = money_nlp(
        "Amounts are in Canadian dollars unless stated otherwise.\n"
        "Lakeview hopes to raise about $12-billion and will repurchase US$650-million of stock."
    )
    assert [c for _, _, c in _figures(doc)] == ["CAD", "USD"]


def test_years_and_counts_are_not_money(money_nlp: Language) -> None:
    doc = money_nlp("In 2011 the app had 320 million members and 2,021 staff.")
    assert list(doc.spans["extractor_money"]) == []
    assert doc._.extractor_money_links == []


def test_per_share_and_range(money_nlp: Language) -> None:
    doc = money_nlp("It offered 450p a share, or between $1bn and $2bn in total.")
    values = [s._.extractor_money for s in doc.spans["extractor_money"]]
    assert values[0].per_share and values[0].currency == "GBP"
    assert values[1].is_range and (values[1].low, values[1].high) == (D("1e9"), D("2e9"))


def test_empty_doc(money_nlp: Language) -> None:
    doc = money_nlp("")
    assert list(doc.spans["extractor_money"]) == []


def test_record_amounts_through_extract() -> None:
    record = extract(
        "Harrow Foods has agreed to buy a quarter of Brightwell for €185mn (Dh745mn), "
        "valuing it at about €780mn."
    )
    assert [(a.amount, a.currency, a.qualifier) for a in record.amounts] == [
        (185_000_000, "EUR", None),
        (745_000_000, "AED", None),
        (780_000_000, "EUR", "about"),
    ]
    assert record.amounts[0].alternates == [1]
    # "about" widens the figure by 10% either way: 780m -> 702m..858m.
    assert (record.amounts[2].low, record.amounts[2].high) == (702_000_000, 858_000_000)
    assert record.text[record.amounts[0].start : record.amounts[0].end] == "€185mn"


def test_pipeline_never_loads_quantulum3_for_ordinary_figures() -> None:
    """quantulum3 takes seconds to load: the common path must not import it (cold start)."""
    code = (
        "import sys\n"
        "from extractor import extract\n"
        "r = extract('Oakmere paid $248m (£160m) for 16% of Tilbury, valuing it at over "
        "$1.5bn, and four billion Swiss francs for the rest in 2009.')\n"
        "assert len(r.amounts) == 4, r.amounts\n"
        "print(any(m.startswith('quantulum3') for m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"
