"""Doc -> ArticleRecord: the one place where spaCy results become pydantic models.

The record is built as plain dicts and validated once, by ``ArticleRecord.model_validate``:
pydantic checks a nested dict in one call into its compiled validator, about three times
faster than constructing each of the hundred-odd nested models (every ``Mention``) in Python.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from spacy.tokens import Doc

from extractor.components.extension_values import doc_value, span_values
from extractor.components.sentences import doc_text
from extractor.facts import (
    CompanyFact,
    DealFact,
    MoneyMention,
    Offsets,
    PercentMention,
    PersonFact,
    QuoteFact,
)
from extractor.models import ArticleRecord
from extractor.parsing.values import MoneyValue, PercentValue
from extractor.reading import Article

#: A model's fields as a plain dict, validated when the whole record is.
Fields = dict[str, Any]


def assemble_record(doc: Doc, article: Article) -> ArticleRecord:
    """Build the output record of one article from its processed Doc."""
    text = doc_text(doc)
    amount_roles: dict[Offsets, str] = doc_value(doc, "extractor_amount_roles") or {}
    percent_roles: dict[Offsets, str] = doc_value(doc, "extractor_percent_roles") or {}
    # Links are index pairs into the span groups; spans without a value are left out of the
    # output, so group indexes map to positions in the output lists.
    money_pos, money_items = _valued(doc, "extractor_money", "extractor_money")
    percent_pos, percent_items = _valued(doc, "extractor_percents", "extractor_percent")
    alternates: dict[int, list[int]] = {}
    for a, b in doc_value(doc, "extractor_money_links") or ():
        if a in money_pos and b in money_pos:
            alternates.setdefault(money_pos[a], []).append(money_pos[b])
            alternates.setdefault(money_pos[b], []).append(money_pos[a])
    changed_to: dict[int, int] = {}
    for a, b in doc_value(doc, "extractor_percent_links") or ():
        if a in percent_pos and b in percent_pos:
            changed_to[percent_pos[a]] = percent_pos[b]
    changed_from = {b: a for a, b in changed_to.items()}
    amounts = [
        _money_dict(
            value,
            text[start:end],
            start,
            end,
            amount_roles.get((start, end), "other"),
            sorted(alternates[i]) if i in alternates else [],
        )
        for i, (start, end, value) in enumerate(money_items)
    ]
    percentages = []
    for i, (start, end, value) in enumerate(percent_items):
        fields = _percent_dict(
            value, text[start:end], start, end, percent_roles.get((start, end), "other")
        )
        fields["changed_from"] = changed_from.get(i)
        fields["changed_to"] = changed_to.get(i)
        percentages.append(fields)
    companies: list[CompanyFact] = doc_value(doc, "extractor_companies") or []
    people: list[PersonFact] = doc_value(doc, "extractor_people") or []
    quotes: list[QuoteFact] = doc_value(doc, "extractor_quotes") or []
    deals: list[DealFact] = doc_value(doc, "extractor_deals") or []
    return ArticleRecord.model_validate(
        {
            "source": article.source,
            "title": article.title,
            "publisher": article.publisher,
            "published": article.published,
            "dateline": article.dateline,
            "text": text,
            "companies": [
                {"name": c.name, "aliases": c.aliases, "mentions": _mentions(c.mentions, text)}
                for c in companies
            ],
            "people": [_person(p, text) for p in people],
            "quotes": [_quote(q) for q in quotes],
            "amounts": amounts,
            "percentages": percentages,
            "deals": [_deal(d, text, amount_roles, percent_roles) for d in deals],
            "warnings": list(article.warnings),
        }
    )


def _valued(
    doc: Doc, group: str, extension: str
) -> tuple[dict[int, int], list[tuple[int, int, Any]]]:
    """The spans of a group that carry a value, read once each.

    Returns:
        Span-group index -> position among the valued spans (in group order), and each
        valued span's ``(start_char, end_char, value)``.
    """
    positions: dict[int, int] = {}
    items: list[tuple[int, int, Any]] = []
    spans = list(doc.spans.get(group, ()))  # a SpanGroup builds its Spans on every pass
    values = span_values(doc, spans, extension)
    for i, (span, value) in enumerate(zip(spans, values, strict=True)):
        if value is not None:
            positions[i] = len(items)
            items.append((span.start_char, span.end_char, value))
    return positions, items


#: Decimal constants, built once (``quantize`` takes the rounding positionally: a keyword
#: argument costs more than the rounding itself).
_THOUSAND = Decimal(1000)
_UNIT = Decimal(1)
_TEN_THOUSANDTH = Decimal("0.0001")


def currency_units(value: Decimal | None) -> int | float | None:
    """An amount for the output: an int when whole (cents rounded away from large figures),
    else a float to the cent ("450p" -> 4.5); None stays None.

    Figures of a thousand units and more are rounded to whole units: their printed precision is
    far coarser than a cent, and whole numbers are what users and gold files compare.
    """
    if value is None:
        return None
    if abs(value) >= _THOUSAND or value == value.to_integral_value():
        return int(value.quantize(_UNIT, ROUND_HALF_UP))
    return float(value.quantize(_TEN_THOUSANDTH, ROUND_HALF_UP))


def interval_bound(value: Decimal | None) -> int | float | None:
    """An interval bound for the output, exact: "$1,200" stands for 1199.5 to 1200.5."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value.quantize(_TEN_THOUSANDTH, ROUND_HALF_UP))


def money_fields(
    mention: MoneyMention | MoneyValue, *, role: str = "other", alternates: list[int] | None = None
) -> Fields:
    """A ``Money``'s fields from a mention in the text, or from a derived value (no offsets)."""
    if isinstance(mention, MoneyMention):
        return _money_dict(
            mention.value, mention.text, mention.start, mention.end, role, alternates or []
        )
    return _money_dict(mention, "", None, None, role, alternates or [])


def _money_dict(
    value: MoneyValue,
    text: str,
    start: int | None,
    end: int | None,
    role: str,
    alternates: list[int],
) -> Fields:
    return {
        "amount": currency_units(value.amount) or 0,
        "currency": value.currency,
        "text": text,
        "qualifier": value.qualifier,
        "low": interval_bound(value.low),
        "high": interval_bound(value.high),
        "start": start,
        "end": end,
        "role": role,
        "per_share": value.per_share,
        "alternates": alternates,
    }


def percent_fields(mention: PercentMention, *, role: str = "other") -> Fields:
    return _percent_dict(mention.value, mention.text, mention.start, mention.end, role)


def _percent_dict(value: PercentValue, text: str, start: int, end: int, role: str) -> Fields:
    return {
        "value": _float(value.value),
        "text": text,
        "qualifier": value.qualifier,
        "low": _float(value.low),
        "high": _float(value.high),
        "start": start,
        "end": end,
        "role": role,
        "points": value.points,
        "qualitative": value.qualitative,
    }


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _mentions(offsets: list[Offsets], text: str) -> list[Fields]:
    return [{"start": s, "end": e, "text": text[s:e]} for s, e in offsets]


def _person(fact: PersonFact, text: str) -> Fields:
    return {
        "name": fact.name,
        "role": fact.role,
        "organization": fact.organization,
        "mentions": _mentions(fact.mentions, text),
    }


def _quote(fact: QuoteFact) -> Fields:
    return {
        "text": fact.text,
        "speaker": fact.speaker,
        "start": fact.start,
        "end": fact.end,
        "attribution": fact.attribution,
        "speaker_role": fact.speaker_role,
        "speaker_organization": fact.speaker_organization,
    }


def _deal(
    fact: DealFact,
    text: str,
    amount_roles: dict[Offsets, str],
    percent_roles: dict[Offsets, str],
) -> Fields:
    return {
        "acquirer": fact.acquirer,
        "target": fact.target,
        "seller": fact.seller,
        "kind": fact.kind,
        "status": fact.status,
        "year": fact.year,
        "stake": _deal_percent(fact.stake, "stake", percent_roles),
        "stake_after": _deal_percent(fact.stake_after, "stake_after", percent_roles),
        "price": _deal_money(fact.price, "price", amount_roles),
        "price_alternates": [
            _deal_money(a, "price_alternate", amount_roles)
            for a in fact.price_alternates
            if a is not None
        ],
        "valuation": _deal_money(fact.valuation, "valuation", amount_roles),
        "implied_valuation": (
            _money_dict(fact.implied_valuation, "", None, None, "valuation", [])
            if fact.implied_valuation is not None
            else None
        ),
        "valuation_consistent": fact.valuation_consistent,
        "checks": [{"name": c.name, "status": c.status, "detail": c.detail} for c in fact.checks],
        "evidence": _mentions(fact.evidence, text),
    }


def _deal_money(
    m: MoneyMention | None, default_role: str, roles: dict[Offsets, str]
) -> Fields | None:
    """A deal's money figure, with the role the deal gave its mention (else ``default_role``)."""
    if m is None:
        return None
    role = roles.get((m.start, m.end), default_role)
    return _money_dict(m.value, m.text, m.start, m.end, role, [])


def _deal_percent(
    p: PercentMention | None, default_role: str, roles: dict[Offsets, str]
) -> Fields | None:
    if p is None:
        return None
    role = roles.get((p.start, p.end), default_role)
    return _percent_dict(p.value, p.text, p.start, p.end, role)
