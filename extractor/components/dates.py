"""``extractor_dates``: years named or implied by date expressions.

Writes ``Doc._.extractor_years``: a ``YearMention`` per expression, in text order: explicit
years ("in 2005", "in late 2022") always; relative ones ("last year", "seven years ago", "in
March", "last August", "Earlier this month") only when ``Doc._.extractor_published`` is set
(see ``extractor.parsing.dates`` for the rules). Years are never amounts: the money and
percent finders do not read standalone four-digit years.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.sentences import doc_text
from extractor.facts import YearMention
from extractor.parsing.dates import find_years


@Language.factory(
    "extractor_dates",
    assigns=["doc._.extractor_years"],
    default_config={},
)
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


class DatesComponent:
    """Writes the year mentions of a Doc."""

    def __init__(self) -> None:
        if not Doc.has_extension("extractor_years"):
            Doc.set_extension("extractor_years", default=None)
        if not Doc.has_extension("extractor_published"):
            # Normally registered by build_nlp; set here so the component works in any pipeline.
            Doc.set_extension("extractor_published", default=None)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.extractor_years = [
            YearMention(m.start, m.end, text[m.start : m.end], m.year)
            for m in find_years(text, doc._.extractor_published)
        ]
        return doc
