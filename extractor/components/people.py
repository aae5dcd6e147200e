"""``extractor_people``: placeholder until its issue lands.

Writes Doc._.extractor_people.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("extractor_people", default_config={})
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent()


class PeopleComponent:
    def __init__(self) -> None:
        if not Doc.has_extension("extractor_people"):
            Doc.set_extension("extractor_people", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.extractor_people = list()
        return doc
