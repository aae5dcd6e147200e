"""``extractor_quotes``: direct quotations and who said them.

Writes ``Doc._.extractor_quotes`` (``list[QuoteFact]``). The quotes are found in the text by
``extractor.parsing.quotes`` and attributed by ``extractor.parsing.quote_attribution``; the
speakers are resolved against ``Doc._.extractor_people``, ``Doc._.extractor_companies`` and
``Doc._.extractor_company_refs`` so that they carry the record's canonical names.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.sentences import doc_text
from extractor.facts import QuoteFact
from extractor.parsing.quote_attribution import attribute_quotes, keep_quote
from extractor.parsing.quote_resolve import SpeakerResolver
from extractor.parsing.quotes import find_quotes

logger = logging.getLogger(__name__)

_READS = ("extractor_people", "extractor_companies", "extractor_company_refs")


@Language.factory(
    "extractor_quotes",
    assigns=["doc._.extractor_quotes"],
    requires=["doc._.extractor_people", "doc._.extractor_companies"],
    default_config={},
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent:
    """Finds the quotations of a Doc and attributes each to a speaker."""

    def __init__(self) -> None:
        for ext in ("extractor_quotes", *_READS):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotes = find_quotes(text)
        ext = doc._  # one accessor for the reads below: each ``doc._`` builds a new one
        resolver = SpeakerResolver(
            text,
            people=ext.extractor_people or [],
            companies=ext.extractor_companies or [],
            refs=ext.extractor_company_refs or [],
        )
        attributions = attribute_quotes(text, quotes, resolver)
        found = [
            QuoteFact(
                start=q.start,
                end=q.end,
                text=text[q.start : q.end],
                speaker=a.speaker,
                attribution=a.how,
                speaker_role=a.role,
                speaker_organization=a.organization,
            )
            for q, a in zip(quotes, attributions, strict=True)
            if keep_quote(text, q, a)
        ]
        ext.extractor_quotes = found
        logger.debug("%d quotes found", len(found))
        return doc
