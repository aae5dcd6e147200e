"""read_article on page layouts the reader was not developed on (tests/data/reading/varied/).

Each sample is a short invented article in one real-world layout: page dumps with mixed-case
or tagged mastheads, no masthead, standfirsts, "By X | date" bylines, share-bar and newsletter
furniture, hard-wrapped or tab-indented text, Windows line endings, a BOM; wire copy from
several agencies; press-release distributors; HTML from blog engines, single-page apps, AMP,
bare pages, and pages whose metadata lives in only one place. The table records what a reader
of the page would write down: the headline as printed, the publisher's name, the date, and
how the body starts, what it must not contain and how many paragraphs it has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from extractor.reading import read_article

VARIED = Path(__file__).resolve().parent.parent / "data" / "reading" / "varied"


@dataclass(frozen=True)
class Case:
    file: str
    title: str
    publisher: str | None
    published: dt.date | None
    body_start: str
    paragraphs: int
    absent: tuple[str, ...] = field(default=())
    dateline: str | None = None


D = dt.date
CASES = [
    # Page dumps.
    Case(
        "dump-tagline-masthead.txt",
        "Copperline Foods agrees to buy Marrow Bakeries for $120m",
        "The Harbour Post",
        D(2024, 3, 4),
        "Copperline Foods said on Monday",
        3,
        (
            *("Share this", "Copy link", "Listen to", "min read", "Advertisement"),
            *("Read more", "foothold", "Renwick", "Save", "Business"),
        ),
    ),
    Case(
        "dump-no-masthead.txt",
        "Glenmoor Utilities sells its water meter business to a rival for £85m",
        None,
        D(2023, 6, 12),
        "Glenmoor Utilities has agreed",
        3,
        ("Updated",),
    ),
    Case(
        "dump-standfirst-sentence.txt",
        "Ambry Hotels buys seaside resort group in £210m deal",
        "The Tiercel Review",
        D(2024, 11, 5),
        "Ambry Hotels has agreed",
        3,
        ("doubles the number", "Hallett", "Tuesday 5 November"),
    ),
    Case(
        "dump-mixed-masthead-weekday.txt",
        "Pemberton Tools to buy Hollis Fasteners for $95 million",
        "Lakeside Business Journal",
        D(2024, 1, 17),
        "Pemberton Tools Inc said",
        3,
        ("Wednesday",),
    ),
    Case(
        "dump-iso-updated-first.txt",
        "Caldwell Energy raises stake in offshore wind farm to 60%",
        "Northern Ledger",
        D(2024, 2, 18),
        "Caldwell Energy has bought",
        2,
        ("Updated", "Published"),
    ),
    Case(
        "dump-newsletter-promo.txt",
        "Orrel Logistics buys two warehouses near Rotterdam port",
        "The Millrace Times",
        D(2024, 9, 9),
        "Orrel Logistics has bought",
        3,
        ("newsletter", "Advertisement", "Share this", "Most Popular", "Rates set", "Chip"),
    ),
    Case(
        "dump-hardwrapped.txt",
        "Fernleigh Paper agrees to sell packaging arm to Dorset Board",
        "Westbrook Business Wire",
        D(2024, 3, 4),
        "Fernleigh Paper has agreed to sell its packaging division to Dorset Board for 140",
        3,
        ("\n",),
    ),
    Case(
        "dump-tab-indented.txt",
        "Brackwater Foods opens new dairy plant after $60m investment",
        "The Quayside Gazette",
        D(2024, 5, 21),
        "Brackwater Foods said on Tuesday it had opened a new dairy plant in Wisconsin",
        3,
        ("\t", "Published"),
    ),
    Case(
        "dump-crlf.txt",
        "Holbrook Shipping sells three tankers for $90m",
        "The Riverside Mercury",
        D(2024, 4, 8),
        "Holbrook Shipping has sold",
        3,
        ("\r",),
    ),
    Case(
        "dump-bom.txt",
        "Marlowe Brewing buys craft cider maker for £18m",
        "The Upland Observer",
        D(2024, 7, 12),
        "Marlowe Brewing has bought",
        2,
        ("\ufeff",),
    ),
    Case(
        "dump-us-date-byline-pipe.txt",
        "Halyard Robotics raises $55 million to expand warehouse robots",
        "Metro Commerce",
        D(2023, 9, 18),
        "Halyard Robotics has raised",
        2,
        ("Listen", "Save", "Copy link", "minute read", "Marsh"),
    ),
    Case(
        "dump-masthead-section-pipe.txt",
        "Crestmoor Bank posts record profit on higher lending margins",
        "The Daily Coalbrook",
        None,
        "Crestmoor Bank reported",
        2,
        ("©", "Markets"),
    ),
    Case(
        "dump-site-chrome.txt",
        "Marram Power buys solar developer Dunefield for $310m",
        "The Coastal Energy Report",
        D(2024, 7, 8),
        "Marram Power has agreed",
        2,
        ("Skip", "Menu", "Home", "Sign in"),
    ),
    Case(
        "dump-section-kicker.txt",
        "Harrowgate Insurance agrees to buy broker Linden & Vale",
        "The Westgate Tribune",
        D(2024, 8, 14),
        "Harrowgate Insurance has agreed",
        2,
        ("MARKETS",),
    ),
    Case(
        "dump-titlecase-headline-standfirst.txt",
        "Quarry Sells Cement Arm For $400m",
        None,
        None,
        "Quarry Group said on Thursday",
        2,
        ("Buyer is",),
    ),
    Case(
        "dump-tab-title.txt",
        "Tamworth Cables sold to Swiss rival in £130m deal",
        "The Midlands Enterprise",
        D(2024, 5, 2),
        "Tamworth Cables has been sold",
        2,
        ("https", "Story continues", "Write to", "Tags"),
    ),
    Case(
        "dump-modified-first.txt",
        "Selwyn Rail wins £90m contract to run coastal line",
        "The Bridgewater Courier",
        D(2024, 3, 4),
        "Selwyn Rail has won",
        2,
        ("modified", "GMT"),
    ),
    Case(
        "dump-cjk-date.txt",
        "琴岛电器收购苏州马达厂",
        "大河商报",
        D(2024, 3, 4),
        "琴岛电器周一表示",
        2,
        ("10:30",),
    ),
    Case(
        "dump-masthead-dateline-stop-headline.txt",
        "Pellow Engineering wins $75m order for harbour cranes.",
        "The Greyfriars Herald",
        D(2024, 4, 11),
        "Pellow Engineering has won",
        2,
        ("Tresize", "Thursday, 11"),
    ),
    # Wire copy.
    Case(
        "wire-reuters-no-place.txt",
        "Trellis Bank to buy online lender Zephyr Credit for $1.2 billion",
        "Reuters",
        D(2024, 3, 4),
        "Trellis Bank said on Monday",
        2,
        ("(Reuters)", "Reporting by", "10:12"),
    ),
    Case(
        "wire-bloomberg.txt",
        "Ostrander Chemicals Weighs Sale of Coatings Unit",
        "Bloomberg",
        D(2024, 2, 6),
        "Ostrander Chemicals is exploring",
        3,
        ("(Bloomberg)", "Hallqvist"),
    ),
    Case(
        "wire-ap.txt",
        "Corvane Airlines agrees to buy regional carrier Skylark Air",
        "The Associated Press",
        D(2024, 5, 16),
        "Corvane Airlines said Thursday",
        2,
        ("(AP)", "O'TOOLE", "Copyright"),
        dateline="SEATTLE",
    ),
    Case(
        "wire-afp.txt",
        "Sorrel Telecom sells mobile masts to infrastructure fund",
        "AFP",
        D(2024, 10, 22),
        "Sorrel Telecom said Tuesday",
        2,
        ("(AFP)", "Published on"),
        dateline="LONDON",
    ),
    # Press releases sent through distributors.
    Case(
        "pr-prnewswire.txt",
        "Orchard Lane Software to Acquire Bluefin Analytics",
        "Orchard Lane Software, Inc.",
        D(2024, 3, 4),
        "Orchard Lane Software, Inc. (NASDAQ: OLSW)",
        3,
        ("PRNewswire", "Combination creates", "About Orchard", "SOURCE"),
        dateline="NEW YORK",
    ),
    Case(
        "pr-businesswire.txt",
        "Fenwick Arrays Completes Sale of Sensor Business to Holmby Group",
        "Fenwick Arrays Corp.",
        D(2024, 4, 2),
        "Fenwick Arrays Corp. (NYSE: FNWK) today announced",
        2,
        ("BUSINESS WIRE", "Forward-Looking", "Investor Relations", "Daylight"),
    ),
    Case(
        "pr-exchange-code.txt",
        "Hatherly Minerals completes sale of Kambalda nickel project",
        "Hatherly Minerals Limited",
        D(2024, 6, 3),
        "Hatherly Minerals Limited (",
        2,
        ("ASX code", "ENDS", "Incorporated"),
        dateline="Perth",
    ),
    # HTML pages.
    Case(
        "html-wordpress.html",
        "Dunvane Textiles buys Irish linen mill",
        "Granary Street Journal",
        D(2024, 3, 4),
        "Dunvane Textiles has bought",
        3,
        ("Share this", "Twitter", "Posted", "Fiona", "powered", "Independent business"),
    ),
    Case(
        "html-nextjs.html",
        "Firwood Motors to cut 900 jobs after Volta deal collapses",
        "Midland Auto Daily",
        D(2024, 5, 14),
        "Firwood Motors said on Tuesday",
        3,
        ("SECRET", "$9 billion", "pageProps"),
    ),
    Case(
        "html-amp.html",
        "Solent Ferries agrees merger with island rival",
        "The Channel Courier",
        D(2024, 8, 1),
        "Solent Ferries has agreed",
        3,
        ("Advertisement", "Home", "gtag", "visibility"),
    ),
    Case(
        "html-bare.html",
        "Hartwell Mining sells gold project for A$70m",
        "Outback Resources Weekly",
        None,
        "Hartwell Mining has sold",
        3,
    ),
    Case(
        "html-og-differs.html",
        "Acorn Retail agrees £240m deal for Bexley Stores",
        "Thameside Evening Star",
        D(2024, 6, 3),
        "Acorn Retail has agreed",
        2,
        ("keep the Bexley name",),
    ),
    Case(
        "html-title-section-suffix.html",
        "Gantry Steel shuts blast furnace as demand slumps",
        "The Copper Ledger",
        D(2024, 9, 11),
        "Gantry Steel said on Wednesday",
        3,
        ("Published on",),
    ),
    Case(
        "html-application-name.html",
        "Sandpiper Health opens two clinics in Dayton",
        "Riverbend Courier",
        D(2024, 3, 12),
        "Sandpiper Health has opened",
        2,
        ("Published on",),
    ),
    Case(
        "html-jsonld-graph.html",
        "Ridgmont Pharma wins approval for asthma inhaler",
        "Northern Health Tribune",
        D(2023, 11, 28),
        "Ridgmont Pharma has won",
        2,
    ),
    Case(
        "html-copyright-time.html",
        "Cowslip Media buys podcast network",
        "Meridian Trade Press",
        D(2024, 7, 22),
        "Cowslip Media has bought",
        2,
        ("Adeoye", "©"),
    ),
    Case(
        "html-twitter-site.html",
        "Beacon Hill Insurance sells life book to reinsurer",
        "Oakfield Times",
        D(2024, 4, 30),
        "Beacon Hill Insurance has sold",
        2,
    ),
    Case(
        "html-article-header.html",
        "Kittering Bank sells card business to Fairlight",
        "Hillside Finance News",
        D(2024, 10, 2),
        "Kittering Bank has sold",
        2,
        ("Amsel", "Rates held", "Markets"),
    ),
    Case(
        "html-h1-kicker.html",
        "Ferrymead Foods takes control of juice maker Pressley",
        "Canterbury Business Times",
        D(2024, 2, 27),
        "Ferrymead Foods has bought",
        2,
        ("Exclusive", "Business"),
    ),
    Case(
        "html-url-date.html",
        "Dovecote Homes buys land bank from rival",
        "Builders Gazette",
        D(2023, 10, 17),
        "Dovecote Homes has bought",
        2,
    ),
    Case(
        "html-long-comments.html",
        "Bracken Water agrees sale of pipe unit",
        "Thames Valley Business Live",
        D(2024, 1, 9),
        "Bracken Water has agreed",
        2,
        ("customer", "regulator"),
    ),
    Case(
        "html-inline-furniture.html",
        "Wexford Grain sells stake in port terminal",
        "Celtic Business Daily",
        D(2024, 4, 9),
        "Wexford Grain has sold",
        3,
        ("Niamh", "Updated", "min read", "Share this", "Read more", "newsletter"),
    ),
]


def test_every_sample_has_a_case() -> None:
    assert sorted(c.file for c in CASES) == sorted(p.name for p in VARIED.iterdir())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_varied_layout(case: Case) -> None:
    article = read_article((VARIED / case.file).read_bytes(), source=case.file)
    assert article.title == case.title
    assert article.publisher == case.publisher
    assert article.published == case.published
    assert article.text.startswith(case.body_start), article.text[:200]
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == case.paragraphs, paragraphs
    for junk in case.absent:
        assert all(junk not in p for p in paragraphs), junk
    if case.dateline is not None:
        assert article.dateline == case.dateline
