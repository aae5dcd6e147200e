"""extractor_deals through the whole pipeline on reworded deal sentences.

Each row is a short invented text (companies, figures and currencies made up for this table)
and the deal records a careful reader takes from it. The rows vary the wording of each phrase
family of issue 7 (verbs and their synonyms, passives, nominalisations, clauses between the
parties, price / valuation / stake phrasings, status and date forms, buybacks, rounds), so
that the rules are tested on wording they were not written from. All texts are dated 12 June
2024 through a "Published:" line.

Expected tuple: (acquirer, target, seller, kind, status, year, stake, stake_after,
price amount, price currency, valuation amount, valuation qualifier, valuation_consistent).
"""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.models import Deal

_HEAD = "Business briefs\nPublished: 12 June 2024\n\n"

Row = tuple  # type: ignore[type-arg]

# fmt: off
CASES: list[tuple[str, str, list[Row]]] = [
    # --- buying verbs and their synonyms ------------------------------------------------------
    ("picked-up",
     "Harwick Group picked up Selby Robotics for €120m.",
     [("Harwick Group", "Selby Robotics", None, "acquisition", "completed", None, None, None,
       120000000, "EUR", None, None, None)]),
    ("took-control-of-worth",
     "Marlow Capital took control of Fenwick Textiles in a deal worth £75m.",
     [("Marlow Capital", "Fenwick Textiles", None, "acquisition", "completed", None, None, None,
       75000000, "GBP", None, None, None)]),
    ("purchased-interest",
     "Tarrant Holdings purchased a 12% interest in Bexley Solar for $30m.",
     [("Tarrant Holdings", "Bexley Solar", None, "stake_purchase", "completed", None, 12.0, None,
       30000000, "USD", None, None, None)]),
    ("per-cent-shareholding",
     "Oskarn Partners has acquired a 12 per cent shareholding in Lindqvist Marine for $45m.",
     [("Oskarn Partners", "Lindqvist Marine", None, "stake_purchase", "completed", None, 12.0,
       None, 45000000, "USD", None, None, None)]),
    ("pc-stake",
     "Quarry Lane Capital bought a 15pc stake in Dunvarra Brewing for £9m.",
     [("Quarry Lane Capital", "Dunvarra Brewing", None, "stake_purchase", "completed", None, 15.0,
       None, 9000000, "GBP", None, None, None)]),
    ("one-fifth-valuing-it",
     "Alder Ventures bought one-fifth of Crowther Analytics for $50m, valuing it at $250m.",
     [("Alder Ventures", "Crowther Analytics", None, "stake_purchase", "completed", None, 20.0,
       None, 50000000, "USD", 250000000, None, True)]),
    ("minority-stake",
     "Pellham Group has taken a minority stake in Ravensworth Foods.",
     [("Pellham Group", "Ravensworth Foods", None, "stake_purchase", "completed", None, None,
       None, None, None, None, None, None)]),
    ("snap-up-set-to",
     "Ambleside Capital is set to snap up Garstang Power for $66m.",
     [("Ambleside Capital", "Garstang Power", None, "acquisition", "agreed", None, None, None,
       66000000, "USD", None, None, None)]),
    ("take-over",
     "Sefton Airways will take over Bude Air for £27m.",
     [("Sefton Airways", "Bude Air", None, "acquisition", "agreed", None, None, None,
       27000000, "GBP", None, None, None)]),
    # --- selling ---------------------------------------------------------------------------
    ("agreed-to-sell-to",
     "Corbin Industries has agreed to sell its 40% stake in Yarrow Chemicals to Halden Group "
     "for $210m.",
     [("Halden Group", "Yarrow Chemicals", "Corbin Industries", "divestment", "agreed", None,
       40.0, None, 210000000, "USD", None, None, None)]),
    ("offloaded",
     "Brisco Holdings offloaded its 25% holding in Mendip Cables to Thornleigh Capital for £60m.",
     [("Thornleigh Capital", "Mendip Cables", "Brisco Holdings", "divestment", "completed", None,
       25.0, None, 60000000, "GBP", None, None, None)]),
    ("divested",
     "Lanark Energy divested its 30% interest in Pelton Wind to Argyle Infrastructure for $90m.",
     [("Argyle Infrastructure", "Pelton Wind", "Lanark Energy", "divestment", "completed", None,
       30.0, None, 90000000, "USD", None, None, None)]),
    ("will-hand-over",
     "Varga Group will hand over its 51% stake in Sorrel Logistics to Keswick Partners for €33m.",
     [("Keswick Partners", "Sorrel Logistics", "Varga Group", "divestment", "agreed", None, 51.0,
       None, 33000000, "EUR", None, None, None)]),
    # --- passive voices ----------------------------------------------------------------------
    ("was-bought-by-in-year",
     "Nettlefield Software was bought by Cranmore Systems for $64m in 2019.",
     [("Cranmore Systems", "Nettlefield Software", None, "acquisition", "historical", 2019, None,
       None, 64000000, "USD", None, None, None)]),
    ("is-being-acquired-by",
     "Hollins Foods is being acquired by Wrexford Foods for £18m.",
     [("Wrexford Foods", "Hollins Foods", None, "acquisition", "agreed", None, None, None,
       18000000, "GBP", None, None, None)]),
    ("changed-hands",
     "Ferrar Mining changed hands for $70m, bought by Caldwell Resources from Anstey Group.",
     [("Caldwell Resources", "Ferrar Mining", "Anstey Group", "acquisition", "completed", None,
       None, None, 70000000, "USD", None, None, None)]),
    ("passive-buyer-looking-after",
     "Tamsin Robotics agreed to sell a 9% stake for $45m.\n"
     "The stake is being bought by Orla Capital, a fund looking after $30bn of savings.",
     [("Orla Capital", "Tamsin Robotics", "Tamsin Robotics", "divestment", "agreed", None, 9.0,
       None, 45000000, "USD", None, None, None)]),
    # --- nominalisations ---------------------------------------------------------------------
    ("possessive-purchase-of",
     "Garnet Telecom's $2bn purchase of Wyvern Networks closed on Friday.",
     [("Garnet Telecom", "Wyvern Networks", None, "acquisition", "completed", None, None, None,
       2000000000, "USD", None, None, None)]),
    ("acquisition-of-by",
     "The acquisition of Mossley Print by Ferncroft Media for £140m was approved by "
     "shareholders.",
     [("Ferncroft Media", "Mossley Print", None, "acquisition", "agreed", None, None, None,
       140000000, "GBP", None, None, None)]),
    ("takeover-of-by",
     "A takeover of Daventry Tools by Ashbourne Engineering, worth €410m, was announced on "
     "Tuesday.",
     [("Ashbourne Engineering", "Daventry Tools", None, "acquisition", "agreed", None, None, None,
       410000000, "EUR", None, None, None)]),
    # --- clauses between the parties -----------------------------------------------------------
    ("relative-clause-runs",
     "Hexley Group, which runs a chain of garden centres, bought Pinfold Nurseries for £22m.",
     [("Hexley Group", "Pinfold Nurseries", None, "acquisition", "completed", None, None, None,
       22000000, "GBP", None, None, None)]),
    ("relative-clause-manages-figure",
     "Orla Asset Management, which looks after $30bn for pension funds, bought a 9% stake in "
     "Tamsin Robotics for $45m.",
     [("Orla Asset Management", "Tamsin Robotics", None, "stake_purchase", "completed", None,
       9.0, None, 45000000, "USD", None, None, None)]),
    # --- prices and valuations ---------------------------------------------------------------
    ("paid-for-valuing-the-maker",
     "Redmere Foods paid ¥5bn for a 20% stake in Kagami Snacks, valuing the snack maker at "
     "¥25bn.",
     [("Redmere Foods", "Kagami Snacks", None, "stake_purchase", "completed", None, 20.0, None,
       5000000000, "JPY", 25000000000, None, True)]),
    ("in-a-deal",
     "Solway Logistics bought Tenby Freight in a $310m deal.",
     [("Solway Logistics", "Tenby Freight", None, "acquisition", "completed", None, None, None,
       310000000, "USD", None, None, None)]),
    ("for-a-consideration-of",
     "Brackley Holdings acquired Aske Instruments for a consideration of £56m.",
     [("Brackley Holdings", "Aske Instruments", None, "acquisition", "completed", None, None,
       None, 56000000, "GBP", None, None, None)]),
    ("at-a-price-of-which-values",
     "Wolsey Capital bought a 10% stake in Grendon Biotech at a price of $12m, which values "
     "Grendon Biotech at $120m.",
     [("Wolsey Capital", "Grendon Biotech", None, "stake_purchase", "completed", None, 10.0,
       None, 12000000, "USD", 120000000, None, True)]),
    ("worth-nzd",
     "Cardew Group agreed to buy Lisle Dairies in a deal worth NZ$80m.",
     [("Cardew Group", "Lisle Dairies", None, "acquisition", "agreed", None, None, None,
       80000000, "NZD", None, None, None)]),
    ("implying-enterprise-value",
     "Pemberton Partners will buy 40% of Yateley Water for €400m, implying an enterprise value "
     "of €1bn.",
     [("Pemberton Partners", "Yateley Water", None, "stake_purchase", "agreed", None, 40.0, None,
       400000000, "EUR", 1000000000, None, True)]),
    ("at-a-valuation-of-inconsistent",
     "Arncliffe Ventures paid $25m for a 5% stake in Rookwood Software at a valuation of $600m.",
     [("Arncliffe Ventures", "Rookwood Software", None, "stake_purchase", "completed", None, 5.0,
       None, 25000000, "USD", 600000000, None, False)]),
    ("puts-a-value-on",
     "Thorne Group bought 30% of Cresswell Mills for £90m, a price that puts a value of £300m "
     "on Cresswell Mills.",
     [("Thorne Group", "Cresswell Mills", None, "stake_purchase", "completed", None, 30.0, None,
       90000000, "GBP", 300000000, None, True)]),
    ("about-a-quarter-last-year",
     "About a quarter of Mabry Seeds was bought by Kingsbury Agri last year for $40m.",
     [("Kingsbury Agri", "Mabry Seeds", None, "stake_purchase", "historical", 2023, 25.0, None,
       40000000, "USD", None, None, None)]),
    # --- options, talks, called off, blocked, rejected -----------------------------------------
    ("option-to-raise",
     "Denholm Group bought 30% of Ventry Labs for $60m.\n"
     "Denholm Group also holds an option to raise its stake in Ventry Labs to 45%.",
     [("Denholm Group", "Ventry Labs", None, "stake_purchase", "completed", None, 30.0, None,
       60000000, "USD", None, None, None),
      ("Denholm Group", "Ventry Labs", None, "stake_purchase", "proposed", None, None, 45.0,
       None, None, None, None, None)]),
    ("in-talks",
     "Rushden Media is in talks to buy Alcott Radio for about £50m.",
     [("Rushden Media", "Alcott Radio", None, "acquisition", "proposed", None, None, None,
       50000000, "GBP", None, None, None)]),
    ("called-off-bid",
     "Fallowfield Group called off its $900m bid for Mercer Pipes.",
     [("Fallowfield Group", "Mercer Pipes", None, "acquisition", "cancelled", None, None, None,
       900000000, "USD", None, None, None)]),
    ("blocked-takeover",
     "Regulators blocked Hanley Steel's proposed takeover of Corfe Metals.",
     [("Hanley Steel", "Corfe Metals", None, "acquisition", "cancelled", None, None, None,
       None, None, None, None, None)]),
    ("rejected-offer-from",
     "Selwood Brands rejected a £1.2bn takeover offer from Hatherley Group.",
     [("Hatherley Group", "Selwood Brands", None, "acquisition", "cancelled", None, None, None,
       1200000000, "GBP", None, None, None)]),
    # --- historical forms --------------------------------------------------------------------
    ("a-decade-ago",
     "Brompton Capital bought 10% of Eskdale Hotels a decade ago, paying $15m.",
     [("Brompton Capital", "Eskdale Hotels", None, "stake_purchase", "historical", 2014, 10.0,
       None, 15000000, "USD", None, None, None)]),
    ("back-in-year",
     "Back in 2016, Wenlock Group acquired Tudhoe Packaging for €38m.",
     [("Wenlock Group", "Tudhoe Packaging", None, "acquisition", "historical", 2016, None, None,
       38000000, "EUR", None, None, None)]),
    ("in-year-after-object",
     "Calder Mutual purchased a 15% stake in Ilsley Bank in 2011 for £200m.",
     [("Calder Mutual", "Ilsley Bank", None, "stake_purchase", "historical", 2011, 15.0, None,
       200000000, "GBP", None, None, None)]),
    # --- buybacks and funding rounds -------------------------------------------------------------
    ("repurchase-up-to",
     "Grayling Industries said it would repurchase up to $300m of its own shares.",
     [("Grayling Industries", "Grayling Industries", None, "buyback", "proposed", None, None,
       None, 300000000, "USD", None, None, None)]),
    ("buy-back-worth",
     "Peverell Group will buy back €150m of its shares.",
     [("Peverell Group", "Peverell Group", None, "buyback", "proposed", None, None, None,
       150000000, "EUR", None, None, None)]),
    ("series-b-led-by",
     "Zephyr Health raised $40m in a series B round led by Oakhurst Ventures.",
     [("Oakhurst Ventures", "Zephyr Health", None, "investment", "completed", None, None, None,
       40000000, "USD", None, None, None)]),
    ("led-the-round",
     "Oakhurst Ventures led the $12m series A round in Quellis Labs.",
     [("Oakhurst Ventures", "Quellis Labs", None, "investment", "completed", None, None, None,
       12000000, "USD", None, None, None)]),
    # --- second round: rewordings probed after the first fixes ---------------------------------
    ("quarter-changed-hands-when-paid",
     "About a quarter of Mabry Seeds changed hands last year, when Kingsbury Agri paid $40m "
     "for the stake.",
     [("Kingsbury Agri", "Mabry Seeds", None, "stake_purchase", "historical", 2023, 25.0, None,
       40000000, "USD", None, None, None)]),
    ("third-was-sold-to",
     "Roughly a third of Pentland Ferries was sold to Ashwell Capital for £30m.",
     [("Ashwell Capital", "Pentland Ferries", None, "stake_purchase", "completed", None, 33.33,
       None, 30000000, "GBP", None, None, None)]),
    ("has-been-sold-to",
     "Aldous Brewing has been sold to Trentham Drinks for £310m.",
     [("Trentham Drinks", "Aldous Brewing", None, "acquisition", "completed", None, None, None,
       310000000, "GBP", None, None, None)]),
    ("sold-minority-stake-to",
     "Kilbride Holdings sold a minority stake in Tain Foods to Ruthven Capital.",
     [("Ruthven Capital", "Tain Foods", "Kilbride Holdings", "divestment", "completed", None,
       None, None, None, None, None, None, None)]),
    ("buy-back-percent-of-shares",
     "Shipton Group plans to buy back up to 5% of its shares.",
     [("Shipton Group", "Shipton Group", None, "buyback", "proposed", None, 5.0, None, None,
       None, None, None, None)]),
    ("led-an-investment-in",
     "Kinross Ventures led a $20m investment in Ellery Robotics.",
     [("Kinross Ventures", "Ellery Robotics", None, "investment", "completed", None, None, None,
       20000000, "USD", None, None, None)]),
    ("blocked-merger-of-x-and-y",
     "Competition regulators blocked the $3bn merger of Castlegate Steel and Inverurie Metals.",
     [("Castlegate Steel", "Inverurie Metals", None, "merger", "cancelled", None, None, None,
       3000000000, "USD", None, None, None)]),
    ("buying-from-valuing",
     "Penrose Bank is buying a 5% stake in Tolsey Payments from Caxton Holdings for $80m, "
     "valuing Tolsey Payments at $1.6bn.",
     [("Penrose Bank", "Tolsey Payments", "Caxton Holdings", "stake_purchase", "agreed", None,
       5.0, None, 80000000, "USD", 1600000000, None, True)]),
    ("taken-over-by-in-year",
     "Ardley Chemicals was taken over by Fenmore Holdings in 2012.",
     [("Fenmore Holdings", "Ardley Chemicals", None, "acquisition", "historical", 2012, None,
       None, None, None, None, None, None)]),
    ("takeover-of-by-was-completed",
     "The $75m takeover of Brindle Games by Corsham Interactive was completed on Friday.",
     [("Corsham Interactive", "Brindle Games", None, "acquisition", "completed", None, None,
       None, 75000000, "USD", None, None, None)]),
    ("raised-holding-to-from",
     "Stratton Energy raised its holding in Kilkhampton Gas to 62% from 51%.",
     [("Stratton Energy", "Kilkhampton Gas", None, "stake_purchase", "completed", None, None,
       62.0, None, None, None, None, None)]),
    ("weighing-a-sale-of",
     "Hayle Group is weighing a sale of its 26% stake in Penzance Ferries.",
     [(None, "Penzance Ferries", "Hayle Group", "divestment", "proposed", None, 26.0, None,
       None, None, None, None, None)]),
    ("later-sentence-deal-values",
     "Caraway Foods has bought a 20% stake in Dillon Spices. The deal values Dillon Spices at "
     "$500m, and Caraway Foods paid $100m for the holding.",
     [("Caraway Foods", "Dillon Spices", None, "stake_purchase", "completed", None, 20.0, None,
       100000000, "USD", 500000000, None, True)]),
    ("later-sentence-puts-a-value",
     "Caraway Foods has bought a 20% stake in Dillon Spices for $100m. That puts a value of "
     "about $500m on Dillon Spices.",
     [("Caraway Foods", "Dillon Spices", None, "stake_purchase", "completed", None, 20.0, None,
       100000000, "USD", 500000000, "about", True)]),
    ("whose-clause",
     "Orwell Insurance, whose chairman is a former minister, bought Ketton Brokers for £44m.",
     [("Orwell Insurance", "Ketton Brokers", None, "acquisition", "completed", None, None, None,
       44000000, "GBP", None, None, None)]),
    ("owned-by-apposition",
     "Larkspur Media, owned by Dalby Holdings, has acquired Wetherby Radio for $19m.",
     [("Larkspur Media", "Wetherby Radio", None, "acquisition", "completed", None, None, None,
       19000000, "USD", None, None, None)]),
    ("approach-from-valuing",
     "Marsh Chemicals received an approach from Tolland Industries valuing it at £2bn.",
     [("Tolland Industries", "Marsh Chemicals", None, "acquisition", "proposed", None, None,
       None, None, None, 2000000000, None, None)]),
    ("swiss-francs-in-words",
     "Yelland Tech acquired Crofton Data for 1.2 billion Swiss francs.",
     [("Yelland Tech", "Crofton Data", None, "acquisition", "completed", None, None, None,
       1200000000, "CHF", None, None, None)]),
    ("paying-after-stake",
     "Glenmoor Capital took a 35% stake in Avoch Fisheries, paying $14m.",
     [("Glenmoor Capital", "Avoch Fisheries", None, "stake_purchase", "completed", None, 35.0,
       None, 14000000, "USD", None, None, None)]),
    ("all-share-deal-valued-at",
     "Fowey Bank agreed to acquire Polruan Savings in an all-share deal valued at £600m.",
     [("Fowey Bank", "Polruan Savings", None, "acquisition", "agreed", None, None, None,
       600000000, "GBP", None, None, None)]),
    ("agreed-to-be-bought-by",
     "Trelawny Foods has agreed to be bought by Bodmin Brands for £95m.",
     [("Bodmin Brands", "Trelawny Foods", None, "acquisition", "agreed", None, None, None,
       95000000, "GBP", None, None, None)]),
    ("consortium-led-by",
     "A consortium led by Penryn Capital bought Gweek Boats for $27m.",
     [("Penryn Capital", "Gweek Boats", None, "acquisition", "completed", None, None, None,
       27000000, "USD", None, None, None)]),
    ("took-a-fifth-third-quarter-last-year",
     "Kingsbury Agri took about a fifth of Mabry Seeds in the third quarter last year.",
     [("Kingsbury Agri", "Mabry Seeds", None, "stake_purchase", "historical", 2023, 20.0, None,
       None, None, None, None, None)]),
    ("confirmed-the-sale-of-to",
     "Drigg Holdings confirmed the sale of Seascale Foods to Gosforth Capital for €95m.",
     [("Gosforth Capital", "Seascale Foods", "Drigg Holdings", "divestment", "agreed", None,
       None, None, 95000000, "EUR", None, None, None)]),
    ("sale-of-to-by-closed",
     "The sale of Seascale Foods to Gosforth Capital by Drigg Holdings closed on Friday.",
     [("Gosforth Capital", "Seascale Foods", "Drigg Holdings", "divestment", "completed", None,
       None, None, None, None, None, None, None)]),
    ("the-buyer-paid-later",
     "Whicham Holdings sold a 15% stake in Silecroft Ltd to Haverigg Partners. The buyer paid "
     "$33m.",
     [("Haverigg Partners", "Silecroft Ltd", "Whicham Holdings", "divestment", "completed", None,
       15.0, None, 33000000, "USD", None, None, None)]),
    ("alternate-currency-in-brackets",
     "Wasdale Capital said on Tuesday it had agreed a deal to buy Nether Pumps for €1.2 billion "
     "($1.3 billion).",
     [("Wasdale Capital", "Nether Pumps", None, "acquisition", "agreed", None, None, None,
       1200000000, "EUR", None, None, None)]),
    ("closed-a-round-led-by",
     "Quernmore Labs has closed a $30m series B round led by Caton Ventures.",
     [("Caton Ventures", "Quernmore Labs", None, "investment", "completed", None, None, None,
       30000000, "USD", None, None, None)]),
    ("secured-funding-from",
     "Quernmore Labs secured $18m in funding from Caton Ventures and Wray Capital.",
     [("Caton Ventures", "Quernmore Labs", None, "investment", "completed", None, None, None,
       18000000, "USD", None, None, None)]),
    ("buy-back-shares-worth-up-to",
     "Claughton Mining will buy back shares worth up to A$500m over the next year.",
     [("Claughton Mining", "Claughton Mining", None, "buyback", "proposed", None, None, None,
       500000000, "AUD", None, None, None)]),
    # --- no deal: the same words in other senses -----------------------------------------------
    ("share-price-closed-is-no-round",
     "Quernmore Labs closed $1.20 higher at $14 on Friday after its results.",
     []),
    ("sale-of-goods-is-no-deal",
     "Halden Stores earned $5m from the sale of Marlow Dairies yoghurts to Kerr Cafes.",
     []),
    ("paying-by-handing-over-is-no-sale",
     "Barnby Freight bought Colne Vans for $30m, paying partly by handing over its own depots.",
     [("Barnby Freight", "Colne Vans", None, "acquisition", "completed", None, None, None,
       30000000, "USD", None, None, None)]),
    # --- parts of a price ---------------------------------------------------------------------
    ("newly-issued-shares-parts",
     "Larch Holdings will pay $500m in cash and $200m in newly issued Larch Holdings shares for "
     "Ventnor Gas, a $700m deal.",
     [("Larch Holdings", "Ventnor Gas", None, "acquisition", "agreed", None, None, None,
       700000000, "USD", None, None, None)]),
]
# fmt: on


def row(deal: Deal) -> Row:
    """The compared fields of a deal, in the order of the expected tuples."""
    return (
        deal.acquirer,
        deal.target,
        deal.seller,
        deal.kind,
        deal.status,
        deal.year,
        None if deal.stake is None else deal.stake.value,
        None if deal.stake_after is None else deal.stake_after.value,
        None if deal.price is None else int(deal.price.amount),
        None if deal.price is None else deal.price.currency,
        None if deal.valuation is None else int(deal.valuation.amount),
        None if deal.valuation is None else deal.valuation.qualifier,
        deal.valuation_consistent,
    )


def test_wording_table_has_enough_rows() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_deal_wording(text: str, expected: list[Row]) -> None:
    record = extract(_HEAD + text)
    assert [row(d) for d in record.deals] == expected


def test_deal_passive_with_sentence_initial_trade_name() -> None:
    # "X is being acquired by": a sentence-initial name the passive makes a company.
    (deal,) = extract(_HEAD + "Hollins Bakery is being acquired by Wrexford Foods for £18m.").deals
    assert (deal.acquirer, deal.target, deal.status) == (
        "Wrexford Foods",
        "Hollins Bakery",
        "agreed",
    )


# Two capitalised words with no company word: the deal context types them as companies.
@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Hampton Aero walked away from its $1.3bn bid for Ridley Avionics.",
            ("Hampton Aero", "Ridley Avionics"),
        ),
        (
            "Mylor Partners invested $8m in Flushing Marine for a 16% stake.",
            ("Mylor Partners", "Flushing Marine"),
        ),
        (
            "Tolbrook Kilns agreed to sell a 30% stake to Mylor Partners.",
            ("Mylor Partners", "Tolbrook Kilns"),
        ),
        (
            "Penrose Glass was bought by Ridley Avionics for $5m.",
            ("Ridley Avionics", "Penrose Glass"),
        ),
        (
            "Quarry Lane Optics was sold to Wrexford Foods for £9m.",
            ("Wrexford Foods", "Quarry Lane Optics"),
        ),
        (
            "Dunvarra Aero dropped its rival offer for Ridley Avionics.",
            ("Dunvarra Aero", "Ridley Avionics"),
        ),
    ],
)
def test_deal_parties_the_company_finder_misses(text: str, parties: tuple[str, str]) -> None:
    deals = extract(_HEAD + text).deals
    assert [(d.acquirer, d.target) for d in deals] == [parties]


def test_parts_sum_with_newly_issued_shares() -> None:
    text = dict((c[0], c[1]) for c in CASES)["newly-issued-shares-parts"]
    (deal,) = extract(_HEAD + text).deals
    assert [(c.name, c.status) for c in deal.checks if c.name == "parts_sum"] == [
        ("parts_sum", "pass")
    ]
