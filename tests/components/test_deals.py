"""extractor_deals on hand-built Docs: each phrase family with sentences written for it.

Docs are built by hand (blank English + the sentence splitter, then span groups and
extensions set here), so these tests do not depend on the money, percent, date and entity
components. Markup used by ``make_doc``:

- ``[Name]`` or ``[surface|Canonical]``: a company mention; ``<Name>``: a person;
  ``[[the firm|Canonical]]``: a resolved reference.
- ``{$586m|586000000 USD}``: money (amount, currency, optional qualifier, ``per_share``);
  ``{18%|18}``: a percentage (value, optional qualifier, ``points``; ``majority`` alone is a
  qualitative stake). A leading ``~`` links the figure to the previous one of its type
  ("$586m (£378m)", "from 13% to 14%").
- ``((in 2005|2005))``: a year mention.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import spacy
from spacy.tokens import Doc, Span

from extractor.components.deals import DealsComponent
from extractor.components.sentences import SentenceSplitter
from extractor.facts import CompanyFact, DealFact, PersonFact, ReferenceFact, YearMention
from extractor.parsing.values import MoneyValue, PercentValue

_MARK = re.compile(
    r"""\[\[(?P<ref>[^|\]]+)\|(?P<refname>[^\]]+)\]\]     # [[the firm|Name]]
      | \[(?P<co>[^\]|]+)(?:\|(?P<coname>[^\]]+))?\]       # [Name] or [surface|Name]
      | <(?P<person>[^>]+)>                                # <Person Name>
      | \{(?P<link>~)?(?P<fig>[^}|]+)\|(?P<spec>[^}]+)\}   # {$586m|586000000 USD}
      | \(\((?P<yeartext>[^)|]+)\|(?P<year>\d{4})\)\)      # ((in 2005|2005))
    """,
    re.X,
)
_QUALIFIERS = {"over", "under", "about", "up_to", "at_least"}


def _ensure_extensions() -> None:
    for name in ("extractor_money", "extractor_percent"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in (
        "extractor_money_links",
        "extractor_percent_links",
        "extractor_years",
        "extractor_companies",
        "extractor_company_refs",
        "extractor_people",
        "extractor_published",
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_NLP = spacy.blank("en")
_SPLIT = SentenceSplitter()
_DEALS = DealsComponent()


def make_doc(marked: str, published: dt.date | None = None) -> Doc:
    """Build a Doc from marked-up text (see the module docstring) and run extractor_deals."""
    _ensure_extensions()
    out: list[str] = []
    pos = 0
    companies: dict[str, CompanyFact] = {}
    people: dict[str, PersonFact] = {}
    refs: list[ReferenceFact] = []
    money: list[tuple[int, int, MoneyValue, bool]] = []
    percents: list[tuple[int, int, PercentValue, bool]] = []
    years: list[YearMention] = []
    length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        pos = m.end()
        surface = m.group("ref") or m.group("co") or m.group("person") or m.group("fig")
        surface = surface or m.group("yeartext")
        start, end = length, length + len(surface)
        out.append(surface)
        length = end
        if m.group("ref"):
            refs.append(ReferenceFact(start, end, surface, [m.group("refname")]))
        elif m.group("co"):
            name = m.group("coname") or surface
            fact = companies.setdefault(name, CompanyFact(name))
            fact.mentions.append((start, end))
            if surface != name and surface not in fact.aliases:
                fact.aliases.append(surface)
        elif m.group("person"):
            people.setdefault(surface, PersonFact(surface)).mentions.append((start, end))
        elif m.group("fig"):
            spec = m.group("spec").split()
            linked = bool(m.group("link"))
            if len(spec) >= 2 and re.fullmatch(r"[A-Z]{3}", spec[1]):
                qual = next((s for s in spec[2:] if s in _QUALIFIERS), None)
                value = MoneyValue(
                    Decimal(spec[0]),
                    spec[1],
                    qual,
                    per_share="per_share" in spec,  # type: ignore[arg-type]
                )
                money.append((start, end, value, linked))
            elif spec[0] in ("majority", "minority", "controlling"):
                percents.append((start, end, PercentValue(None, qualitative=spec[0]), linked))  # type: ignore[arg-type]
            else:
                qual = next((s for s in spec[1:] if s in _QUALIFIERS), None)
                value_p = PercentValue(Decimal(spec[0]), qual, points="points" in spec)  # type: ignore[arg-type]
                percents.append((start, end, value_p, linked))
        else:
            years.append(YearMention(start, end, surface, int(m.group("year"))))
    out.append(marked[pos:])
    doc = _NLP.make_doc("".join(out))
    doc = _SPLIT(doc)
    doc._.extractor_published = published
    doc._.extractor_companies = list(companies.values())
    doc._.extractor_people = list(people.values())
    doc._.extractor_company_refs = refs
    doc._.extractor_years = years
    for key, items, ext, links_ext in (
        ("extractor_money", money, "extractor_money", "extractor_money_links"),
        ("extractor_percents", percents, "extractor_percent", "extractor_percent_links"),
    ):
        spans, links = [], []
        for i, (start, end, value, linked) in enumerate(items):
            span = doc.char_span(start, end, alignment_mode="expand")
            assert span is not None
            span._.set(ext, value)
            spans.append(span)
            if linked and i:
                links.append((i - 1, i))
        doc.spans[key] = spans
        doc._.set(links_ext, links)
    return _DEALS(doc)


def deals_of(marked: str, published: dt.date | None = None) -> list[DealFact]:
    return make_doc(marked, published)._.extractor_deals


def summary(deal: DealFact) -> tuple:  # type: ignore[type-arg]
    """(acquirer, target, seller, kind, status, stake, stake_after, price, currency, year)."""
    return (
        deal.acquirer,
        deal.target,
        deal.seller,
        deal.kind,
        deal.status,
        None if deal.stake is None else float(deal.stake.value.value or 0),
        None if deal.stake_after is None else float(deal.stake_after.value.value or 0),
        None if deal.price is None else int(deal.price.value.amount),
        None if deal.price is None else deal.price.value.currency,
        deal.year,
    )
