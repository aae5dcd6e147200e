"""``extractor_dates``: placeholder until its issue lands.

Writes Doc._.extractor_years.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("extractor_dates", default_config={})
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


class DatesComponent:
    def __init__(self) -> None:
        if not Doc.has_extension("extractor_years"):
            Doc.set_extension("extractor_years", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.extractor_years = list()
        return doc
