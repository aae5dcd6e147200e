"""``extractor_percents``: percentages and stakes in words as spans with parsed values.

Writes ``doc.spans["extractor_percents"]`` (``span._.extractor_percent`` a ``PercentValue``)
and ``Doc._.extractor_percent_links`` (index pairs of "from 13% to 14%"). Finds "18%",
"10.1-per-cent", "3 percentage points" (``points=True``), "a fifth of", "its third of", "the
remaining half of", "two-thirds of", "a majority stake" (``value=None``); time expressions such
as "the second half of 2025" or "the third quarter" are not percentages
(``extractor.parsing.percents``). Which percentage is a stake is decided later by
``extractor_deals``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.components.sentences import doc_text
from extractor.parsing.percents import PercentMatch, find_percents, percent_links

SPAN_KEY = "extractor_percents"


@Language.factory(
    "extractor_percents",
    assigns=["doc.spans", "span._.extractor_percent", "doc._.extractor_percent_links"],
    default_config={},
)
def make_percents(nlp: Language, name: str) -> PercentsComponent:
    return PercentsComponent()


class PercentsComponent:
    """Writes percent spans, their values and the "from X to Y" links."""

    def __init__(self) -> None:
        if not Span.has_extension("extractor_percent"):
            Span.set_extension("extractor_percent", default=None)
        if not Doc.has_extension("extractor_percent_links"):
            Doc.set_extension("extractor_percent_links", default=None)

    def __call__(self, doc: Doc) -> Doc:
        spans, matches = self.find(doc)
        doc.spans[SPAN_KEY] = spans
        for span, match in zip(spans, matches, strict=True):
            span._.extractor_percent = match.value
        doc._.extractor_percent_links = percent_links(doc_text(doc), matches)
        return doc

    def find(self, doc: Doc) -> tuple[list[Span], list[PercentMatch]]:
        """Candidate percentages as spans, with the matches they came from (same order)."""
        spans: list[Span] = []
        kept: list[PercentMatch] = []
        last_end = -1
        for match in find_percents(doc_text(doc)):
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is None or span.start_char < last_end:
                continue
            spans.append(span)
            kept.append(match)
            last_end = span.end_char
        return spans, kept
