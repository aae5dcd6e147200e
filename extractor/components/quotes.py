"""``extractor_quotes``: placeholder until its issue lands.

Writes Doc._.extractor_quotes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("extractor_quotes", default_config={})
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent:
    def __init__(self) -> None:
        if not Doc.has_extension("extractor_quotes"):
            Doc.set_extension("extractor_quotes", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.extractor_quotes = list()
        return doc
