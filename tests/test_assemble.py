"""The record built from a processed Doc."""

from __future__ import annotations

from decimal import Decimal

import spacy
from spacy.tokens import Doc, Span

from extractor.assemble import _valued, assemble_record
from extractor.parsing.values import MoneyValue
from extractor.reading import Article

_SPAN_VALUE = "test_assemble_value"


def _doc() -> Doc:
    if not Span.has_extension(_SPAN_VALUE):
        Span.set_extension(_SPAN_VALUE, default=None)
    doc = spacy.blank("en")("Tolvik paid $5m and then $7m for the Brenna yard.")
    doc.spans["figures"] = [doc[2:4], doc[5:7], doc[0:1]]
    return doc


def test_valued_keeps_the_spans_with_a_value_and_their_group_positions() -> None:
    doc = _doc()
    spans = list(doc.spans["figures"])
    spans[0]._.set(_SPAN_VALUE, "five")
    spans[2]._.set(_SPAN_VALUE, "name")
    positions, items = _valued(doc, "figures", _SPAN_VALUE)
    # the middle span has no value: group index 2 is the second valued span
    assert items == [(12, 14, "five"), (0, 6, "name")]  # "$5" and "Tolvik"
    assert positions == {0: 0, 2: 1}
    assert _valued(doc, "no_such_group", _SPAN_VALUE) == ({}, [])


def test_record_from_a_doc_without_pipeline_results() -> None:
    doc = spacy.blank("en")("Nothing here.")
    record = assemble_record(doc, Article(text="Nothing here.", title="T"))
    assert (record.text, record.title, record.amounts, record.deals) == (
        "Nothing here.",
        "T",
        [],
        [],
    )


def test_money_spans_become_amounts_with_their_text() -> None:
    from extractor.nlp import get_nlp

    get_nlp()  # registers the pipeline's extensions
    doc = spacy.blank("en")("Tolvik paid $5m for the Brenna yard.")
    span = doc.char_span(12, 15)
    assert span is not None
    span._.set("extractor_money", MoneyValue(Decimal(5_000_000), "USD"))
    doc.spans["extractor_money"] = [doc[0:1], span]  # the first span carries no value
    record = assemble_record(doc, Article(text=doc.text))
    assert [(m.text, m.amount, m.start) for m in record.amounts] == [("$5m", 5_000_000, 12)]
