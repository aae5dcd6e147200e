"""``extractor_deals``: placeholder until its issue lands.

Writes Doc._.extractor_deals, roles.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("extractor_deals", default_config={})
def make_deals(nlp: Language, name: str) -> DealsComponent:
    return DealsComponent()


class DealsComponent:
    def __init__(self) -> None:
        if not Doc.has_extension("extractor_deals"):
            Doc.set_extension("extractor_deals", default=None)
        if not Doc.has_extension("extractor_amount_roles"):
            Doc.set_extension("extractor_amount_roles", default=None)
        if not Doc.has_extension("extractor_percent_roles"):
            Doc.set_extension("extractor_percent_roles", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.extractor_deals = list()
        doc._.extractor_amount_roles = dict()
        doc._.extractor_percent_roles = dict()
        return doc
