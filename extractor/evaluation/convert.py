"""Turn a gold annotation into a predicted-record-shaped ``ArticleRecord``.

Feeding the gold itself to the scorer must give 1.0 on every metric: that is how the tests
check that the scorer measures what it claims to, and a quick way for users to check a new
gold file.
"""

from __future__ import annotations

from extractor.evaluation.gold import GoldAmount, GoldArticle, GoldDeal
from extractor.models import ArticleRecord, Company, Deal, Money, Percent, Person, Quote


def _money(amount: GoldAmount | None, qualifier: str | None = None) -> Money | None:
    if amount is None:
        return None
    value = amount.amount
    # Whole figures stay int, as the extractor writes them; "4.5 GBP" keeps its fraction.
    whole: int | float = int(value) if float(value).is_integer() else value
    return Money(amount=whole, currency=amount.currency, qualifier=qualifier)


def _percent(value: float | None) -> Percent | None:
    return None if value is None else Percent(value=value)


def _deal(deal: GoldDeal) -> Deal:
    valuation = deal.valuation
    return Deal(
        acquirer=deal.acquirer,
        target=deal.target,
        seller=deal.seller,
        kind=deal.kind,
        status=deal.status,
        year=deal.year,
        stake=_percent(deal.stake_percent),
        stake_after=_percent(deal.stake_after_percent),
        price=_money(deal.price),
        price_alternates=[m for m in map(_money, deal.price_alternates) if m is not None],
        valuation=_money(valuation, valuation.qualifier if valuation else None),
        implied_valuation=_money(deal.implied_valuation),
        valuation_consistent=deal.valuation_consistent,
    )


def gold_to_record(gold: GoldArticle) -> ArticleRecord:
    """Build the record a perfect extractor would return for this gold annotation.

    Quote texts are the ``starts_with`` prefixes; offsets are zero.
    """
    return ArticleRecord(
        source=gold.file,
        title=gold.title,
        publisher=gold.publisher,
        published=gold.published,
        companies=[Company(name=c.name, aliases=list(c.aliases)) for c in gold.companies],
        people=[Person(name=p.name, role=p.role, organization=p.organization) for p in gold.people],
        quotes=[Quote(text=q.starts_with, speaker=q.speaker, start=0, end=0) for q in gold.quotes],
        deals=[_deal(d) for d in gold.deals],
    )
