"""extractor_dates: year mentions, resolved against Doc._.extractor_published."""

from __future__ import annotations

import datetime as dt

import spacy

import extractor.components  # noqa: F401  (registers the factories)
from extractor.facts import YearMention


def test_years_resolved_against_published_date() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_dates")
    text = "Kelso bought the mill in 2009 and sold a unit last August for $5m."
    doc = nlp.make_doc(text)
    doc._.extractor_published = dt.date(2024, 3, 2)
    doc = nlp.get_pipe("extractor_dates")(doc)
    assert doc._.extractor_years == [
        YearMention(text.index("2009"), text.index("2009") + 4, "2009", 2009),
        YearMention(text.index("last"), text.index(" for"), "last August", 2023),
    ]


def test_without_published_date_only_explicit_years() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_dates")
    doc = nlp("It was founded seven years ago, in 2017.")
    assert [m.year for m in doc._.extractor_years] == [2017]
