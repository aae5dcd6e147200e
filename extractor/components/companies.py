"""``extractor_companies``: placeholder until its issue lands.

Writes Doc._.extractor_companies, Doc._.extractor_company_refs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("extractor_companies", default_config={})
def make_companies(nlp: Language, name: str) -> CompaniesComponent:
    return CompaniesComponent()


class CompaniesComponent:
    def __init__(self) -> None:
        if not Doc.has_extension("extractor_companies"):
            Doc.set_extension("extractor_companies", default=None)
        if not Doc.has_extension("extractor_company_refs"):
            Doc.set_extension("extractor_company_refs", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.extractor_companies = list()
        doc._.extractor_company_refs = list()
        return doc
