"""extractor_deals on hand-built Docs: each phrase family with sentences written for it.

Docs are built by hand (blank English + the sentence splitter, then span groups and
extensions set here), so these tests do not depend on the money, percent, date and entity
components. Markup used by ``make_doc``:

- ``[Name]`` or ``[surface|Canonical]``: a company mention; ``<Name>``: a person;
  ``[[the firm|Canonical]]``: a resolved reference.
- ``{$248m|248000000 USD}``: money (amount, currency, optional qualifier, ``per_share``);
  ``{18%|18}``: a percentage (value, optional qualifier, ``points``; ``majority`` alone is a
  qualitative stake). A leading ``~`` links the figure to the previous one of its type
  ("$248m (£160m)", "from 13% to 14%").
- ``((in 2005|2005))``: a year mention.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
import spacy
from spacy.tokens import Doc, Span

from extractor.components.deal_view import build_view
from extractor.components.deals import DealsComponent
from extractor.components.sentences import SentenceSplitter
from extractor.facts import (
    CompanyFact,
    DealFact,
    PersonFact,
    QuoteFact,
    ReferenceFact,
    YearMention,
)
from extractor.parsing.values import MoneyValue, PercentValue

_MARK = re.compile(
    r"""\[\[(?P<ref>[^|\]]+)\|(?P<refname>[^\]]+)\]\]     # [[the firm|Name]]
      | \[(?P<co>[^\]|]+)(?:\|(?P<coname>[^\]]+))?\]       # [Name] or [surface|Name]
      | <(?P<person>[^>]+)>                                # <Person Name>
      | \{(?P<link>~)?(?P<fig>[^}|]+)\|(?P<spec>[^}]+)\}   # {$248m|248000000 USD}
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
    if not Doc.has_extension("extractor_quotes"):
        Doc.set_extension("extractor_quotes", default=None)
    doc._.extractor_quotes = [
        QuoteFact(m.start(), m.end(), m.group(0)) for m in re.finditer(r'"[^"]+"', doc.text)
    ]
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


def only(marked: str, published: dt.date | None = None) -> DealFact:
    deals = deals_of(marked, published)
    assert len(deals) == 1, [summary(d) for d in deals]
    return deals[0]


PUB = dt.date(2024, 6, 12)

# --- who buys what: roles by word order ----------------------------------------------------

ROLE_CASES = [
    (
        "active-apposition",
        "[Orvella], a regional online grocer, has bought a {22%|22} stake in "
        "[Tiercel], a food-delivery app, for {$340m|340000000 USD}.",
        ("Orvella", "Tiercel", None, "stake_purchase", "completed", 22.0, None, 340000000),
    ),
    (
        "passive-by",
        "A {30%|30} stake in [Marden Foods] was bought by [Greyfield Partners] last week for "
        "{€210m|210000000 EUR}.",
        (
            "Greyfield Partners",
            "Marden Foods",
            None,
            "stake_purchase",
            "completed",
            30.0,
            None,
            210000000,
        ),
    ),
    (
        "acquired-by",
        "[Tilbury Labs] was acquired by [Crane Medical] for {$87m|87000000 USD}.",
        ("Crane Medical", "Tilbury Labs", None, "acquisition", "completed", None, None, 87000000),
    ),
    (
        "possessive-purchase",
        "[Corvane]'s purchase of a {20%|20} stake in [Milo Health] for {$65m|65000000 USD} "
        "was approved on Monday.",
        ("Corvane", "Milo Health", None, "stake_purchase", "agreed", 20.0, None, 65000000),
    ),
    (
        "sold-holding-to",
        "[Hallam Group] sold its {30%|30} holding in [Clearbrook] to [Osprey Capital] for "
        "{£95m|95000000 GBP}.",
        (
            "Osprey Capital",
            "Clearbrook",
            "Hallam Group",
            "divestment",
            "completed",
            30.0,
            None,
            95000000,
        ),
    ),
    (
        "will-pay-for",
        "[Pardoe Steel] will pay {$1.15bn|1150000000 USD} for [Wexham Wire], a cable maker.",
        ("Pardoe Steel", "Wexham Wire", None, "acquisition", "agreed", None, None, 1150000000),
    ),
    (
        "takeover-by",
        "The board of [Ravel Post], the parent of parcel carrier [Quill Mail], has agreed to a "
        "takeover by [Dunlavin Group], a private holding company.",
        ("Dunlavin Group", "Ravel Post", None, "acquisition", "agreed", None, None, None),
    ),
    (
        "seller-from-parent",
        "[Sundra Telecom] said it would acquire a {62%|62} stake in [Sundra Kenya] from its "
        "parent [Mauve Group] for {$1.4bn|1400000000 USD}.",
        (
            "Sundra Telecom",
            "Sundra Kenya",
            "Mauve Group",
            "acquisition",
            "agreed",
            62.0,
            None,
            1400000000,
        ),
    ),
    (
        "seller-possessive-shareholding",
        "[Corvid Holdings] has agreed to buy [Lumora Partners]' {35%|35} shareholding in "
        "[Tarn Logistics] for {R375 million|375000000 ZAR}, bringing its holding to {100%|100}.",
        (
            "Corvid Holdings",
            "Tarn Logistics",
            "Lumora Partners",
            "acquisition",
            "agreed",
            35.0,
            100.0,
            375000000,
        ),
    ),
    (
        "relative-clause",
        "[Dorset Media] has owned [Pyle] shares for a decade, when [Pyle] completed its takeover "
        "of online broker [Ember Trade] for {$2.7bn|2700000000 USD}.",
        ("Pyle", "Ember Trade", None, "acquisition", "completed", None, None, 2700000000),
    ),
    (
        "person-buyer",
        "The investor <Marcel Ducret>, who started [Aeneid Wave], bought {3.5 per cent|3.5} "
        "of [Corona Telecom].",
        ("Marcel Ducret", "Corona Telecom", None, "stake_purchase", "completed", 3.5, None, None),
    ),
    (
        "merger-with",
        "[Tolland Energy] agreed to merge with [Pardee Power] in an all-share deal.",
        ("Tolland Energy", "Pardee Power", None, "merger", "agreed", None, None, None),
    ),
]


@pytest.mark.parametrize(
    ("marked", "expected"), [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES]
)
def test_deal_roles_by_phrase_family(marked: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert summary(only(marked, PUB))[:8] == expected


# --- one deal, many sentences ----------------------------------------------------------------

REFERENCE_LIKE = (
    "[Orvella], a regional online grocer, has bought a {16%|16} stake in [Tiercel], which "
    "runs a recipe-sharing site. "
    "[Orvella] will pay {$248m|248000000 USD} ({~£160m|160000000 GBP}) for the holding, "
    "valuing [Tiercel] at {over $1.5bn|1500000000 USD over}.\n"
    "The tie-up will bring in {$75m|75000000 USD} more in revenue for [Tiercel] within two "
    "years.\n"
    "Under the agreement [Orvella] will have the right to lift its ownership in [Tiercel] to "
    "{35%|35} at a later date.\n"
    "[Cormorant] paid {$1.3bn|1300000000 USD} for a stake in [Orvella] ((in 2009|2009))."
)


def test_deal_price_valuation_and_alternate_join_from_later_sentence() -> None:
    doc = make_doc(REFERENCE_LIKE, dt.date(2013, 4, 29))
    main, option, old = doc._.extractor_deals
    assert summary(main) == (
        "Orvella",
        "Tiercel",
        None,
        "stake_purchase",
        "completed",
        16.0,
        None,
        248000000,
        "USD",
        None,
    )
    assert [(int(a.value.amount), a.value.currency) for a in main.price_alternates] == [
        (160000000, "GBP")
    ]
    assert main.valuation is not None and main.valuation.value.qualifier == "over"
    assert main.implied_valuation is not None
    # 248m / 16% = 1.55bn; "$248m" and "16%" stand for 247.5m-248.5m and 15.5%-16.5%, so the
    # implied interval is about 1.500bn-1.603bn, which meets "over $1.5bn" (>= 1.45bn).
    assert int(main.implied_valuation.amount) == 1550000000
    assert main.valuation_consistent is True
    names = {c.name: c.status for c in main.checks}
    assert names == {"valuation_vs_implied": "pass", "alternate_currency": "pass"}
    assert len(main.evidence) == 2  # built from the first two sentences
    assert summary(option) == (
        "Orvella",
        "Tiercel",
        None,
        "stake_purchase",
        "proposed",
        None,
        35.0,
        None,
        None,
        None,
    )
    assert summary(old)[:5] == ("Cormorant", "Orvella", None, "stake_purchase", "historical")
    assert old.year == 2009 and int(old.price.value.amount) == 1300000000  # type: ignore[union-attr]


def test_deal_roles_of_figures() -> None:
    doc = make_doc(REFERENCE_LIKE, dt.date(2013, 4, 29))
    roles = {doc.text[s:e]: r for (s, e), r in doc._.extractor_amount_roles.items()}
    assert roles == {
        "$248m": "price",
        "£160m": "price_alternate",
        "over $1.5bn": "valuation",
        "$75m": "revenue",
        "$1.3bn": "price",
    }
    pct = {doc.text[s:e]: r for (s, e), r in doc._.extractor_percent_roles.items()}
    assert pct == {"16%": "stake", "35%": "stake_after"}


def test_deal_stake_then_buyer_named_in_passive_sentence() -> None:
    deal = only(
        "[Ferrby Industries] has agreed to sell a {quarter|25} of [Quarry Pipelines], all it "
        "owns there, for {C$710 million|710000000 CAD}.\n"
        "The holding is being bought by [Norfolk Infrastructure], a pension fund that manages "
        "about {C$34 billion|34000000000 CAD} for teachers. [Norfolk Infrastructure] is paying "
        "in cash, valuing [Quarry Pipelines] at {about C$2.9 billion|2900000000 CAD about}.",
        PUB,
    )
    assert summary(deal)[:8] == (
        "Norfolk Infrastructure",
        "Quarry Pipelines",
        "Ferrby Industries",
        "divestment",
        "agreed",
        25.0,
        None,
        710000000,
    )
    # 710m / 25% = 2.84bn; "about C$2.9 billion" spans 2.565bn-3.245bn: consistent.
    assert deal.valuation_consistent is True
    assert len(deal.evidence) == 3


def test_deal_seller_named_in_passive_and_inconsistent_valuation() -> None:
    deal = only(
        "[Qadira Capital] has agreed to buy a {quarter|25} of [Solmar Energia] for "
        "{€185mn|185000000 EUR}.\nThe holding is being sold by [Tagus Growth], an early "
        "investor in [Solmar Energia]. According to both sides, the deal values "
        "[Solmar Energia] at {about €980mn|980000000 EUR about}.",
        PUB,
    )
    assert (deal.acquirer, deal.target, deal.seller) == (
        "Qadira Capital",
        "Solmar Energia",
        "Tagus Growth",
    )
    # 185m / 25% = 740m (at most ~757m); "about €980mn" starts at 882m: inconsistent.
    assert deal.valuation_consistent is False
    check = next(c for c in deal.checks if c.name == "valuation_vs_implied")
    assert check.status == "fail" and "980,000,000" in check.detail


@pytest.mark.parametrize(
    "sentence",
    [
        "The price implies a valuation of {about €850m|850000000 EUR about} for the carrier.",
        "The offer values the company at {€850m|850000000 EUR}.",
        "The consideration values [Vela Air] at {€850m|850000000 EUR}.",
    ],
    ids=["price-implies", "offer-values", "consideration-values"],
)
def test_deal_valuation_in_trigger_less_sentence(sentence: str) -> None:
    deal = only(
        "[Hanse Aviation] has agreed to take a {30%|30} stake in [Vela Air] for "
        "{€255m|255000000 EUR}. " + sentence,
        PUB,
    )
    # 255m / 30% = 850m (interval about 834m-866m) meets "€850m".
    assert deal.valuation is not None and int(deal.valuation.value.amount) == 850000000
    assert deal.valuation_consistent is True


def test_deal_price_from_sale_is_worth_sentence() -> None:
    deal = only(
        "[Lanark Bank] is selling all of its {8%|8} stake in [Pell Brokerage]. "
        "At the placing price the sale is worth about {US$4-billion|4000000000 USD}.",
        PUB,
    )
    assert deal.kind == "divestment" and deal.seller == "Lanark Bank"
    assert int(deal.price.value.amount) == 4000000000  # type: ignore[union-attr]


def test_deal_equity_value_in_other_currency_is_an_alternate() -> None:
    deal = only(
        "[Sundra Telecom] said it would acquire a {62%|62} stake in [Sundra Kenya] for "
        "{18 billion rand|18000000000 ZAR}. [Mauve Group], whose accounts are kept in euros, "
        "put the equity value of the deal at {1.076 billion euros|1076000000 EUR}.",
        # ECB 2022-05-18: 16.7313 rand per euro, so 18bn rand = 1.0758bn euros.
        dt.date(2022, 5, 18),
    )
    assert [a.value.currency for a in deal.price_alternates] == ["EUR"]
    assert deal.valuation is None
    assert [c.status for c in deal.checks if c.name == "alternate_currency"] == ["pass"]


# --- several deals: options, talks, increases, history, cancellations -----------------------


def test_deal_option_with_further_stake_and_holding_after() -> None:
    deals = deals_of(
        "[Brenna Group] has agreed to buy {34%|34} of [Oakum Fibre] for {£270m|270000000 GBP}. "
        "The agreement gives it an option to buy a further {16%|16} of [Oakum Fibre], which "
        "would lift its holding to {50%|50}.",
        PUB,
    )
    assert [summary(d)[:7] for d in deals] == [
        ("Brenna Group", "Oakum Fibre", None, "stake_purchase", "agreed", 34.0, None),
        ("Brenna Group", "Oakum Fibre", None, "stake_purchase", "proposed", 16.0, 50.0),
    ]
    assert [c.status for c in deals[1].checks] == ["pass"]


def test_deal_call_options_take_target_from_the_current_deal() -> None:
    deals = deals_of(
        "[Hanse Aviation] has agreed to take a {30%|30} stake in [Vela Air] for "
        "{€255m|255000000 EUR}. [Hanse Aviation] also holds call options over another "
        "{45%|45}, exercisable from ((2028|2028)), which would lift its holding to {75%|75}.",
        PUB,
    )
    assert [summary(d)[:7] for d in deals] == [
        ("Hanse Aviation", "Vela Air", None, "stake_purchase", "agreed", 30.0, None),
        ("Hanse Aviation", "Vela Air", None, "stake_purchase", "proposed", 45.0, 75.0),
    ]
    assert deals[1].year is None  # an exercise date in the future is no history


def test_deal_talks_and_up_to_valuation() -> None:
    deal = only(
        "[Umber Capital] is in talks to acquire a {majority|majority} holding in [Ferrol Redes], "
        "two people briefed on the discussions said. Any agreement could value [Ferrol Redes] "
        "at {up to €650mn|650000000 EUR up_to}.",
        PUB,
    )
    assert summary(deal)[:5] == ("Umber Capital", "Ferrol Redes", None, "acquisition", "proposed")
    assert deal.valuation is not None and deal.valuation.value.qualifier == "up_to"
    assert deal.stake is None and deal.valuation_consistent is None


def test_deal_stake_increase_from_to_and_further() -> None:
    deal = only(
        "[Veltra] has increased its stake in [Corona Telecom] to {10 per cent|10}. [Veltra] "
        "said it had acquired another {2 per cent|2} of [Corona Telecom]'s shares, taking its "
        "holding from {8 per cent|8} to {~10 per cent|10}.",
        PUB,
    )
    assert summary(deal)[:7] == (
        "Veltra",
        "Corona Telecom",
        None,
        "stake_purchase",
        "completed",
        2.0,
        10.0,
    )


def test_deal_stake_increase_without_further_has_no_stake() -> None:
    deals = deals_of(
        "[Dunlavin Group] has agreed to a takeover of [Ravel Post]. ((In September 2021|2021)), "
        "[Vesta Holdings] lifted its holding from {17 per cent|17} to {~19 per cent|19}.",
        PUB,
    )
    assert summary(deals[1]) == (
        "Vesta Holdings",
        "Ravel Post",
        None,
        "stake_purchase",
        "historical",
        None,
        19.0,
        None,
        None,
        2021,
    )


def test_deal_holding_will_rise() -> None:
    deal = only(
        "Once the deal closes, [Mauve Group]'s holding in [Sundra Telecom] will rise from "
        "{52.5%|52.5} to {~58.3%|58.3}.",
        PUB,
    )
    assert summary(deal)[:7] == (
        "Mauve Group",
        "Sundra Telecom",
        None,
        "stake_purchase",
        "agreed",
        None,
        58.3,
    )


@pytest.mark.parametrize(
    ("marked", "year"),
    [
        (
            "Earlier this month [Bastion Cable] paid about {£1bn|1000000000 GBP} for "
            "{4.5 per cent|4.5} of [Corona Telecom].",
            2024,
        ),
        (
            "In September, [Bastion Cable] bought {4.5 per cent|4.5} of [Corona Telecom] for "
            "{£1bn|1000000000 GBP}.",
            2023,
        ),
        (
            "[Bastion Cable] acquired its original {4.5 per cent|4.5} interest in "
            "[Corona Telecom], which runs masts in the north, ((in 2017|2017)) for "
            "{£1bn|1000000000 GBP}.",
            2017,
        ),
    ],
    ids=["earlier-this-month", "month-before-publication", "year-after-relative-clause"],
)
def test_deal_historical_with_year(marked: str, year: int) -> None:
    deal = only(marked, PUB)
    assert (deal.status, deal.year) == ("historical", year)


def test_deal_agreed_not_dated_by_later_clause() -> None:
    deal = only(
        "[Ferrby Industries] has agreed to sell a {quarter|25} of [Quarry Pipelines] for "
        "{C$710 million|710000000 CAD}, closing a chapter that opened "
        "((12 years ago|2012)).",
        PUB,
    )
    assert (deal.status, deal.year) == ("agreed", None)


def test_deal_historical_without_publication_date() -> None:
    deal = only("[Cormorant] paid {$2bn|2000000000 USD} for a stake in [Orvella] ((in 2008|2008)).")
    assert (deal.status, deal.year) == ("historical", 2008)


def test_deal_called_off_is_cancelled() -> None:
    deal = only(
        "[Gresham Steel] has called off its {£800m|800000000 GBP} takeover of "
        "[Coalbrook Metals] after the talks collapsed.",
        PUB,
    )
    assert summary(deal)[:5] == (
        "Gresham Steel",
        "Coalbrook Metals",
        None,
        "acquisition",
        "cancelled",
    )


# --- kinds: buybacks, funding rounds -------------------------------------------------------


def test_deal_buybacks_own_shares_and_from_a_seller() -> None:
    deals = deals_of(
        "[Tessaro Bank] plans to use {$3-billion|3000000000 USD} of the proceeds to repurchase "
        "its own shares. [Mirren Corp] has agreed to buy back {US$750-million|750000000 USD} of "
        "its own stock directly from [Tessaro Bank]. Analyst <Ruth Ames> expects investors to "
        "welcome the buyback.",
        PUB,
    )
    assert [(*summary(d)[:5], summary(d)[7]) for d in deals] == [
        ("Tessaro Bank", "Tessaro Bank", None, "buyback", "proposed", 3000000000),
        ("Mirren Corp", "Mirren Corp", "Tessaro Bank", "buyback", "agreed", 750000000),
    ]


def test_deal_funding_round_led_by_investor() -> None:
    deals = deals_of(
        "[Zuriel Pay] has raised {$85 million|85000000 USD} in a Series C funding round that "
        "values it at {more than $1.2 billion|1200000000 USD over}. The investment was led "
        "by [Tiercel Ventures]. ((In May 2021|2021)), [Zuriel Pay] raised "
        "{$35 million|35000000 USD} in a Series B round. Fintech firms in the region raised a "
        "record {$2.6 billion|2600000000 USD} ((in 2022|2022)).",
        PUB,
    )
    assert [summary(d) for d in deals] == [
        (
            "Tiercel Ventures",
            "Zuriel Pay",
            None,
            "investment",
            "completed",
            None,
            None,
            85000000,
            "USD",
            None,
        ),
        (None, "Zuriel Pay", None, "investment", "historical", None, None, 35000000, "USD", 2021),
    ]
    assert deals[0].valuation is not None and deals[0].valuation_consistent is None


def test_deal_two_events_in_one_sentence() -> None:
    deals = deals_of(
        "[Karsten Holdings] today announced a share buyback programme of up to "
        "{R420 million|420000000 ZAR up_to}, as well as the acquisition of the other "
        "{half|50} of [Veld Foods] from its joint-venture partner, [Mopane Capital].",
        dt.date(2025, 3, 3),
    )
    assert [summary(d)[:7] for d in deals] == [
        ("Karsten Holdings", "Karsten Holdings", None, "buyback", "proposed", None, None),
        (
            "Karsten Holdings",
            "Veld Foods",
            "Mopane Capital",
            "stake_purchase",
            "agreed",
            50.0,
            None,
        ),
    ]
    assert deals[1].price is None


# --- figures that are not prices ----------------------------------------------------------

NON_PRICE_CASES = [
    ("revenue", "[Harwick Water] reported revenue of {£700m|700000000 GBP} last year.", "revenue"),
    (
        "projected",
        "The tie-up will bring in {$90m|90000000 USD} more in revenue over three years.",
        "revenue",
    ),
    ("profit", "[Harwick Water] made a pre-tax profit of {£180m|180000000 GBP}.", "profit"),
    ("loss", "[Harwick Water] lost {£180m|180000000 GBP} in 2022.", "profit"),
    (
        "market-value",
        "[Harwick Water] is worth about {£1.8bn|1800000000 GBP} on the stock market.",
        "market_value",
    ),
    ("holding-worth", "[Veltra]'s holding is worth about {£2.2bn|2200000000 GBP}.", "market_value"),
    ("fine", "The regulator fined [Harwick Water] {£20m|20000000 GBP}.", "fine"),
    (
        "penalties",
        "[Lanark Bank] agreed to pay about {US$2.6-billion|2600000000 USD} in penalties.",
        "fine",
    ),
    (
        "bonds",
        "Some {CHF11bn|11000000000 CHF} of [Fenwick Trust]'s junior bonds were written off.",
        "debt",
    ),
    ("assets", "[Qadira Capital] manages about {$23bn|23000000000 USD} of assets.", "other"),
    ("dividend", "[Harwick Water] will pay an interim dividend of {£31m|31000000 GBP}.", "other"),
    ("guarantee", "The government guaranteed up to {CHF6bn|6000000000 CHF} of losses.", "other"),
    (
        "proceeds",
        "[Lanark Bank] expects net proceeds of around {$12-billion|12000000000 USD}.",
        "other",
    ),
]


@pytest.mark.parametrize(
    ("marked", "role"), [c[1:] for c in NON_PRICE_CASES], ids=[c[0] for c in NON_PRICE_CASES]
)
def test_deal_non_price_amounts_keep_their_role(marked: str, role: str) -> None:
    # Each sentence follows a real deal: the figure must not join it as a price or valuation.
    doc = make_doc("[Veltra] has agreed to buy a {10%|10} stake in [Harwick Water]. " + marked, PUB)
    (deal,) = doc._.extractor_deals
    assert deal.price is None and deal.valuation is None
    roles = set(doc._.extractor_amount_roles.values())
    assert roles == {role}


def test_deal_price_skips_a_non_deal_figure_in_the_same_sentence() -> None:
    deal = only(
        "The stake is being bought by [Norfolk Infrastructure], which manages about "
        "{C$34 billion|34000000000 CAD}, while [Ferrby Industries] sold a {quarter|25} of "
        "[Quarry Pipelines] for {C$710 million|710000000 CAD}.",
        PUB,
    )
    assert int(deal.price.value.amount) == 710000000  # type: ignore[union-attr]


# --- per-share prices, parts --------------------------------------------------------------


def test_deal_total_price_wins_over_per_share() -> None:
    doc = make_doc(
        "[Moorfield] agreed to buy [Brixton Labs] for {$40 a share|40 USD per_share}, or "
        "{$1bn|1000000000 USD} in total.",
        PUB,
    )
    (deal,) = doc._.extractor_deals
    assert int(deal.price.value.amount) == 1000000000  # type: ignore[union-attr]
    assert "per_share_price" in doc._.extractor_amount_roles.values()
    assert not any(c.name == "price_from_per_share" for c in deal.checks)


def test_deal_total_derived_from_per_share_and_share_count() -> None:
    deal = only(
        "[Moorfield] agreed to buy [Brixton Labs] for {$40 a share|40 USD per_share}, paying for "
        "all 25 million shares.",
        PUB,
    )
    assert int(deal.price.value.amount) == 1000000000  # type: ignore[union-attr]
    check = next(c for c in deal.checks if c.name == "price_from_per_share")
    assert "derived" in check.detail


@pytest.mark.parametrize(
    ("total", "status"),
    [("{$4.8bn|4800000000 USD}", "pass"), ("{$6.8bn|6800000000 USD}", "fail")],
)
def test_deal_parts_sum(total: str, status: str) -> None:
    deal = only(
        "[Moorfield] will pay {$4.3bn|4300000000 USD} in cash and {$500m|500000000 USD} in "
        f"shares for [Brixton Labs], in a {total} deal.",
        PUB,
    )
    assert deal.kind == "acquisition"
    assert [c.status for c in deal.checks if c.name == "parts_sum"] == [status]


# --- what is not a deal -------------------------------------------------------------------


def test_deal_trigger_inside_a_quote_is_not_reported() -> None:
    deals = deals_of(
        '"[Veltra] has bought its way into the market," said <Ann Hoyle>, an analyst at '
        "[Navigli Research]. [Corvane]'s offer was described as generous by an analyst at "
        "[Lakemoor Partners].",
        PUB,
    )
    assert deals == []


def test_deal_trigger_word_inside_a_company_name() -> None:
    deals = deals_of("[Zuriel Pay] opened an office in Lagos.", PUB)
    assert deals == []


def test_deal_empty_and_odd_docs() -> None:
    assert deals_of("") == []
    assert deals_of("bought sold stake for in by from to.") == []
    assert deals_of("{$5m|5000000 USD} {10%|10}") == []


# --- more phrase families -----------------------------------------------------------------


def test_deal_negated_intention_is_no_deal() -> None:
    deals = deals_of(
        "[Linden Home] reported higher profit and said it had no intention of making an offer "
        "for [Perch Garden], which it values at {£350m|350000000 GBP}.",
        PUB,
    )
    assert deals == []


def test_deal_paying_a_dividend_is_not_buying() -> None:
    doc = make_doc(
        "[Veltra] has agreed to buy a {10%|10} stake in [Harwick Water]. [Veltra] will pay a "
        "final dividend of 7p a share, bringing the total payout to about {£71m|71000000 GBP}.",
        PUB,
    )
    (deal,) = doc._.extractor_deals
    assert deal.price is None


def test_deal_the_bank_resolves_to_the_company_described_as_a_bank() -> None:
    deals = deals_of(
        "[Corvo Banco], a regional bank in Brazil, has agreed to buy {38%|38} of brokerage "
        "firm [Rio Invest] for {R$1.4 billion|1400000000 BRL}. It is [Rio Invest]'s first "
        "outside investor. ((In August 2021|2021)), the bank agreed to pay "
        "{R$300 million|300000000 BRL} for [Atlas Bank]'s card business.",
        PUB,
    )
    assert [summary(d)[:5] for d in deals] == [
        ("Corvo Banco", "Rio Invest", None, "stake_purchase", "agreed"),
        ("Corvo Banco", "Atlas Bank", "Atlas Bank", "acquisition", "historical"),
    ]


def test_deal_offer_per_share_times_share_count() -> None:
    deal = only(
        "[Tasmyn Minerals] has offered {A$1.80|1.80 AUD} in cash for each of the 150 million "
        "[Gidgee Gold] shares it does not hold yet, which would lift its holding to "
        "{100%|100}.",
        PUB,
    )
    assert summary(deal)[:5] == (
        "Tasmyn Minerals",
        "Gidgee Gold",
        None,
        "acquisition",
        "proposed",
    )
    assert int(deal.price.value.amount) == 270000000  # A$1.80 x 150 million  # type: ignore[union-attr]
    assert any(c.name == "price_from_per_share" for c in deal.checks)


def test_deal_cash_and_shares_join_the_deal_they_add_up_to() -> None:
    deal = only(
        "[Najma Chemicals] has agreed to buy [Falcon Resins] for {$4.6bn|4600000000 USD}. "
        "[Najma Chemicals] will pay {$3.9bn|3900000000 USD} in cash and {$700m|700000000 USD} in "
        "new [Najma Chemicals] shares, which will give [Falcon Resins]' owner a stake of "
        "{2%|2} in the combined group.",
        PUB,
    )
    assert deal.stake is None and int(deal.price.value.amount) == 4600000000  # type: ignore[union-attr]
    assert [c.status for c in deal.checks if c.name == "parts_sum"] == ["pass"]


def test_deal_exercised_option_is_agreed() -> None:
    deal = only(
        "[Vatten Industri] has exercised an option to buy the outstanding {20 percent|20} of "
        "[Orust Optics] for {SEK 145 million|145000000 SEK}.",
        PUB,
    )
    assert summary(deal)[:6] == (
        "Vatten Industri",
        "Orust Optics",
        None,
        "stake_purchase",
        "agreed",
        20.0,
    )


def test_deal_share_repurchase_programme_is_proposed() -> None:
    deal = only(
        "[Kolwe Platinum] today announced a repurchase of up to {R1.35 billion|1350000000 ZAR "
        "up_to} of its ordinary shares during the coming 18 months.",
        dt.date(2025, 8, 28),
    )
    assert summary(deal)[:5] == ("Kolwe Platinum", "Kolwe Platinum", None, "buyback", "proposed")


def test_deal_takeover_rules_are_no_takeover() -> None:
    deals = deals_of(
        "Because of the takeover code, [Satpura Cement] has to make an open offer for another "
        "{18%|18} of [Malwa Lime].",
        PUB,
    )
    assert [summary(d)[:6] for d in deals] == [
        ("Satpura Cement", "Malwa Lime", None, "stake_purchase", "proposed", 18.0)
    ]


def test_deal_today_is_not_history() -> None:
    deal = only(
        "Durban, ((14 April 2025|2025)) - [Kolwe Platinum] today announced the acquisition "
        "of {60%|60} of [Boka Chrome] for {R830 million|830000000 ZAR}.",
        dt.date(2025, 8, 28),
    )
    assert (deal.status, deal.year) == ("agreed", None)


def test_deal_merger_of_two_named_companies() -> None:
    deal = only(
        "[Nordhav Ferries] and [Skarra Marine] have agreed to merge in a deal that would form "
        "a ferry operator with 40 ships.",
        PUB,
    )
    assert summary(deal)[:5] == ("Nordhav Ferries", "Skarra Marine", None, "merger", "agreed")


def test_deal_blocked_takeover_stays_cancelled_when_its_agreement_is_dated() -> None:
    deal = only(
        "The competition watchdog has blocked [Crumble & Co]'s {£1.3bn|1300000000 GBP} takeover "
        "of [Hollin Bakeries]. [Crumble & Co] agreed to buy [Hollin Bakeries] "
        "((last August|2023)).",
        PUB,
    )
    assert (deal.status, deal.year) == ("cancelled", None)


def test_deal_selling_its_own_unit_targets_the_seller() -> None:
    deal = only(
        "[Halvard Chemicals] has agreed to sell its paint business to [Gwanak Partners] for "
        "{€520m|520000000 EUR}.",
        PUB,
    )
    assert summary(deal)[:5] == (
        "Gwanak Partners",
        "Halvard Chemicals",
        "Halvard Chemicals",
        "divestment",
        "agreed",
    )


def test_deal_reference_after_trigger_means_the_company_named_before() -> None:
    deal = only(
        "The shares are being sold by [Chignecto Holdings], which has owned [Bollard Terminals] "
        "since ((2011|2011)), when it paid {$270m|270000000 USD} for [[the business|Chignecto "
        "Holdings]].",
        PUB,
    )
    assert summary(deal)[:5] == (
        "Chignecto Holdings",
        "Bollard Terminals",
        None,
        "acquisition",
        "historical",
    )


def test_deal_past_deal_dated_by_its_completion() -> None:
    deal = only(
        "[Baird Agro] first agreed to buy [Monmouth Seeds] ((in 2014|2014)), and investors "
        "sold its shares. [Baird Agro] completed the takeover ((in March 2017|2017)), paying "
        "about {$38bn|38000000000 USD}.",
        dt.date(2023, 9, 14),
    )
    assert (deal.status, deal.year) == ("historical", 2017)
    assert int(deal.price.value.amount) == 38000000000  # type: ignore[union-attr]


def test_deal_turned_down_approach_joins_the_agreed_deal() -> None:
    deals = deals_of(
        "The board of [Ravel Post] has agreed to a takeover by [Dunlavin Group]. The offer "
        "values the company at {£1.7bn|1700000000 GBP}. [Ravel Post] turned down [Dunlavin "
        "Group]'s earlier approach in February, but talks went on.",
        PUB,
    )
    assert [summary(d)[:5] for d in deals] == [
        ("Dunlavin Group", "Ravel Post", None, "acquisition", "agreed")
    ]
    assert len(deals[0].evidence) == 3


def test_deal_coordinated_purchases_share_the_verb() -> None:
    deals = deals_of(
        "[Marrow Games] has agreed to buy [Quill Studios] for {$6bn|6000000000 USD}. It paid "
        "{$1.5bn|1500000000 USD} for [Petrel], a puzzle studio, ((in 2012|2012)), and "
        "{$3bn|3000000000 USD} for [Halyard Media], the publisher of two racing series, "
        "((in 2019|2019)).",
        PUB,
    )
    assert [(d.acquirer, d.target, d.status, d.year, summary(d)[7]) for d in deals] == [
        ("Marrow Games", "Quill Studios", "agreed", None, 6000000000),
        ("Marrow Games", "Petrel", "historical", 2012, 1500000000),
        ("Marrow Games", "Halyard Media", "historical", 2019, 3000000000),
    ]


def test_view_reads_figure_values_as_span_extensions_give_them() -> None:
    # build_view reads a plain span extension from doc.user_data, not through ``span._``
    doc = make_doc(
        "[Ardent Co] paid {$48m|48000000 USD} for a {30%|30} stake in [Lowry] ((in 2019|2019)).",
        PUB,
    )
    money = doc.spans["extractor_money"]
    unset = Span(doc, 0, 2)  # no value stored: the extension's default
    doc.spans["extractor_money"] = [*money, unset]
    view = build_view(doc)
    assert [(m.start, m.end, m.value) for m in view.money] == [
        (s.start_char, s.end_char, s._.extractor_money)
        for s in doc.spans["extractor_money"]
        if s._.extractor_money is not None
    ]
    assert [m.value.amount for m in view.money] == [Decimal("48000000")]
    assert [p.value.value for p in view.percents] == [Decimal("30")]
    # Doc extensions too: a set value, and the default of one never set
    assert view.published == doc._.extractor_published == PUB
    assert view.years == doc._.extractor_years
    assert [(e.start, e.end) for e in view.ents if e.kind == "company"] == [
        m for c in doc._.extractor_companies for m in c.mentions
    ]
    doc._.extractor_published = None
    assert build_view(doc).published is None


def test_view_records_compare_and_hash_by_value() -> None:
    # the view's records are not frozen (cheaper to build) but keep a frozen record's value
    # equality and hash
    from extractor.components.deal_triggers import Trigger
    from extractor.components.deal_view import Ent, MoneyItem, Sentence

    value = MoneyValue(amount=Decimal("3"), currency="USD")
    for make in (
        lambda: Ent(4, 9, "Harrowgate Mills", "company"),
        lambda: Sentence(0, 12, "It sold out."),
        lambda: MoneyItem(0, 10, 13, "$3m", value, (1,)),
        lambda: Trigger("buy", 3, 9, "bought"),
    ):
        a, b = make(), make()
        assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert Ent(4, 9, "Harrowgate Mills", "company") != Ent(4, 9, "Harrowgate Mills", "ref")
