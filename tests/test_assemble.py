"""The record built from a processed Doc."""

from __future__ import annotations

from decimal import Decimal

import spacy
from spacy.tokens import Doc, Span

from extractor.assemble import _valued, assemble_record
from extractor.parsing.values import MoneyValue
from extractor.reading import Article

_PLAIN = "test_assemble_plain"
_GETTER = "test_assemble_getter"
_MUTABLE = "test_assemble_mutable"
_SPAN_VALUE = "test_assemble_value"
_SPAN_GETTER = "test_assemble_span_getter"


def _register() -> None:
    if not Doc.has_extension(_PLAIN):
        Doc.set_extension(_PLAIN, default=None)
        Doc.set_extension(_GETTER, getter=lambda doc: len(doc))
        Doc.set_extension(_MUTABLE, default=[])
        Span.set_extension(_SPAN_VALUE, default=None)
        Span.set_extension(_SPAN_GETTER, getter=lambda span: span.text.upper() or None)


def _doc() -> Doc:
    _register()
    doc = spacy.blank("en")("Tolvik paid $5m and then $7m for the Brenna yard.")
    doc.spans["figures"] = [doc[2:4], doc[5:7], doc[0:1]]
    return doc


def test_span_values_read_directly_equal_the_underscore_reads() -> None:
    doc = _doc()
    spans = list(doc.spans["figures"])
    spans[0]._.set(_SPAN_VALUE, "five")
    spans[2]._.set(_SPAN_VALUE, "name")
    for extension in (_SPAN_VALUE, _SPAN_GETTER):
        positions, items = _valued(doc, "figures", extension)
        expected = [
            (s.start_char, s.end_char, getattr(s._, extension))
            for s in spans
            if getattr(s._, extension) is not None
        ]
        assert items == expected
        valued = [i for i, s in enumerate(spans) if getattr(s._, extension) is not None]
        assert positions == {i: k for k, i in enumerate(valued)}
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
