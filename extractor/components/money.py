"""``extractor_money``: money figures as spans with their parsed values.

Finds every figure in ``doc.text`` with the pure parser ``extractor.parsing.money`` (a compiled
regex tried near each number), maps each to a span with
``doc.char_span(..., alignment_mode="expand")`` and writes:

- ``doc.spans["extractor_money"]``: the figures in text order, ``span._.extractor_money`` a
  ``MoneyValue`` (amount, currency, qualifier, low/high interval, per_share, is_range);
- ``Doc._.extractor_money_links``: index pairs into that group of the same figure in two
  currencies ("$240m (£155m)", "36 billion rand ($2.41 billion)").

Currency context is article-level (``extractor.parsing.currencies.currency_context``): a note
"All figures in Canadian dollars unless otherwise noted" makes a plain "$" CAD while "US$"
stays USD; an article writing "US$" and one other dollar sign ("HK$") reads a plain "$" as that
dollar; "¥" is yuan when the article speaks of China more than Japan. Only these strong signals
move "$" away from USD. ``doc.ents`` is not touched.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.components.sentences import doc_text
from extractor.parsing.currencies import currency_context
from extractor.parsing.money import MoneyMatch, find_money, money_links

SPAN_KEY = "extractor_money"


@Language.factory(
    "extractor_money",
    assigns=["doc.spans", "span._.extractor_money", "doc._.extractor_money_links"],
    default_config={},
)
def make_money(nlp: Language, name: str) -> MoneyComponent:
    return MoneyComponent()


class MoneyComponent:
    """Writes money spans, their values and the alternate-currency links."""

    def __init__(self) -> None:
        if not Span.has_extension("extractor_money"):
            Span.set_extension("extractor_money", default=None)
        if not Doc.has_extension("extractor_money_links"):
            Doc.set_extension("extractor_money_links", default=None)

    def __call__(self, doc: Doc) -> Doc:
        spans, matches = self.find(doc)
        doc.spans[SPAN_KEY] = spans
        for span, match in zip(spans, matches, strict=True):
            span._.extractor_money = match.value
        doc._.extractor_money_links = money_links(doc_text(doc), matches)
        return doc

    def find(self, doc: Doc) -> tuple[list[Span], list[MoneyMatch]]:
        """Candidate figures as spans, with the matches they came from (same order)."""
        text = doc_text(doc)
        spans: list[Span] = []
        kept: list[MoneyMatch] = []
        last_end = -1
        for match in find_money(text, currency_context(text)):
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is None or span.start_char < last_end:
                continue  # two figures inside one token: keep the first
            spans.append(span)
            kept.append(match)
            last_end = span.end_char
        return spans, kept
