"""Plain dataclasses that the spaCy components write to the Doc.

These are the hand-over points between components (entities -> quotes -> deals) and between
the pipeline and ``assemble.py``, which turns them into the pydantic output models once, at the
end. Offsets are character offsets into ``doc.text``.

Where each lives on the Doc, with its one owning component:

- ``doc.spans["extractor_money"]``: money spans, ``span._.extractor_money`` a MoneyValue;
  ``Doc._.extractor_money_links``: ``list[tuple[int, int]]``, index pairs into that group of
  the same figure in two currencies ("$586m (£378m)"). Owner: extractor_money.
- ``doc.spans["extractor_percents"]``: percent spans, ``span._.extractor_percent`` a
  PercentValue; ``Doc._.extractor_percent_links``: index pairs such as "from 13% to 14%".
  Owner: extractor_percents.
- ``Doc._.extractor_years``: ``list[YearMention]``. Owner: extractor_dates.
- ``Doc._.extractor_companies``: ``list[CompanyFact]``; ``Doc._.extractor_company_refs``:
  ``list[ReferenceFact]`` ("the firm", "the two companies"); ``Doc._.extractor_entity_names``:
  ``dict[str, TypedName]``, every name of the article typed (company, person, place, body)
  for extractor_people. Owner: extractor_companies. Lookup helpers: ``company_at``,
  ``resolve_reference``, ``companies_in``, ``find_company`` (companies.py) and
  ``person_by_name``, ``person_at`` (people.py).
- ``Doc._.extractor_people``: ``list[PersonFact]``. Owner: extractor_people.
- ``Doc._.extractor_quotes``: ``list[QuoteFact]``. Owner: extractor_quotes.
- ``Doc._.extractor_deals``: ``list[DealFact]``; ``Doc._.extractor_amount_roles`` and
  ``Doc._.extractor_percent_roles``: ``dict[tuple[int, int], str]``, role per span offsets.
  Owner: extractor_deals.
- ``Doc._.extractor_published``: ``datetime.date | None``, set by the API before the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from extractor.parsing.values import MoneyValue, PercentValue

Offsets = tuple[int, int]


@dataclass(frozen=True)
class MoneyMention:
    start: int
    end: int
    text: str
    value: MoneyValue


@dataclass(frozen=True)
class PercentMention:
    start: int
    end: int
    text: str
    value: PercentValue


@dataclass(frozen=True)
class YearMention:
    """A date expression resolved to a year ("in 2005", "last year", "in March")."""

    start: int
    end: int
    text: str
    year: int


@dataclass
class CompanyFact:
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Offsets] = field(default_factory=list)


@dataclass
class ReferenceFact:
    """An anaphoric mention ("the firm", "the two companies") and the companies it means."""

    start: int
    end: int
    text: str
    companies: list[str]


@dataclass
class PersonFact:
    name: str
    role: str | None = None
    organization: str | None = None
    mentions: list[Offsets] = field(default_factory=list)
    gender: Literal["male", "female"] | None = None


@dataclass
class QuoteFact:
    start: int
    end: int
    text: str
    speaker: str | list[str] | None = None
    attribution: Literal["explicit", "continuation", "pronoun", "group", "none"] = "none"
    speaker_role: str | None = None
    speaker_organization: str | None = None


@dataclass
class CheckFact:
    name: str
    status: Literal["pass", "fail", "unknown"]
    detail: str = ""


@dataclass
class DealFact:
    kind: str
    status: str
    acquirer: str | None = None
    target: str | None = None
    seller: str | None = None
    year: int | None = None
    stake: PercentMention | None = None
    stake_after: PercentMention | None = None
    price: MoneyMention | None = None
    price_alternates: list[MoneyMention] = field(default_factory=list)
    valuation: MoneyMention | None = None
    implied_valuation: MoneyValue | None = None
    valuation_consistent: bool | None = None
    checks: list[CheckFact] = field(default_factory=list)
    evidence: list[Offsets] = field(default_factory=list)
