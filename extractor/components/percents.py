"""``extractor_percents``: placeholder until its issue lands.

Writes doc.spans['extractor_percents'], Doc._.extractor_percent_links.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.factory("extractor_percents", default_config={})
def make_percents(nlp: Language, name: str) -> PercentsComponent:
    return PercentsComponent()


class PercentsComponent:
    def __init__(self) -> None:
        if not Span.has_extension("extractor_percent"):
            Span.set_extension("extractor_percent", default=None)
        if not Doc.has_extension("extractor_percent_links"):
            Doc.set_extension("extractor_percent_links", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.extractor_percent_links = list()
        doc.spans["extractor_percents"] = []
        return doc
