"""``extractor_money``: placeholder until its issue lands.

Writes doc.spans['extractor_money'], Doc._.extractor_money_links.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.factory("extractor_money", default_config={})
def make_money(nlp: Language, name: str) -> MoneyComponent:
    return MoneyComponent()


class MoneyComponent:
    def __init__(self) -> None:
        if not Span.has_extension("extractor_money"):
            Span.set_extension("extractor_money", default=None)
        if not Doc.has_extension("extractor_money_links"):
            Doc.set_extension("extractor_money_links", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.extractor_money_links = list()
        doc.spans["extractor_money"] = []
        return doc
