"""Plain-text page dumps, wire copy and press releases, on short texts written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.reading import read_article

PAGE_DUMP = """\
THE DAILY LANTERN

Harbour Foods buys 30% of Lantern Bakeries

  • Published
4 July 2022
A bakery shop window in the rain
Image caption,

Lantern Bakeries has nine shops on the south coast

Harbour Foods has bought 30% of Lantern Bakeries for £12m, the grocer said on Monday.

The deal values the bakery chain at £40m.

'A family firm'

Lantern was founded in 1988 by two sisters.

Related Topics

Retail
Food

Related internet links

The Daily Lantern is not responsible for the content of external sites.
"""


def test_page_dump_splits_header_body_and_trailer() -> None:
    article = read_article(PAGE_DUMP)
    assert article.title == "Harbour Foods buys 30% of Lantern Bakeries"
    assert article.publisher == "The Daily Lantern"  # as the trailer spells it
    assert article.published == dt.date(2022, 7, 4)
    assert article.text == (
        "A bakery shop window in the rain\n\n"
        "Lantern Bakeries has nine shops on the south coast\n\n"
        "Harbour Foods has bought 30% of Lantern Bakeries for £12m, the grocer said on "
        "Monday.\n\nThe deal values the bakery chain at £40m.\n\n'A family firm'\n\n"
        "Lantern was founded in 1988 by two sisters."
    )


@pytest.mark.parametrize(
    "boilerplate",
    [
        "THE DAILY LANTERN",
        "Published",
        "Image caption",
        "Related",
        "Retail",
        "not responsible",
    ],
)
def test_page_dump_boilerplate_stays_out_of_the_body(boilerplate: str) -> None:
    assert boilerplate not in read_article(PAGE_DUMP).text


def test_photo_line_and_caption_are_body_paragraphs_of_their_own() -> None:
    # Captions can report facts the story does not repeat; only the marker is furniture.
    text = (
        "THE EVENING LAMP\n\nAcme buys Widget\n\n19 May 2021\n"
        "Acme paid $700m for a stake in Widget in 2009\nImage caption,\n\n"
        "Widget's first shop opened in 1990\n\nAcme bought the rest of Widget on Monday.\n"
    )
    article = read_article(text)
    assert article.title == "Acme buys Widget"
    assert article.published == dt.date(2021, 5, 19)
    assert article.text.split("\n\n") == [
        "Acme paid $700m for a stake in Widget in 2009",
        "Widget's first shop opened in 1990",
        "Acme bought the rest of Widget on Monday.",
    ]


WIRE = """\
NORTHGALE WIRE

UPDATE 1-Harbour Foods to buy stake in Lantern Bakeries

12 March 2024 | 09:05 GMT

* Deal to be paid in cash
* Shares up 3%

PORTSMOUTH, March 12 (NWW) - Harbour Foods said on Tuesday it would buy 30% of Lantern \
Bakeries for £12m.

The grocer said the deal would close in May.

(Reporting by Jo Bloggs; Editing by Sam Smith)

(c) Northgale Wire 2024. All rights reserved.
"""


def test_wire_copy_dateline_bullets_and_credits() -> None:
    article = read_article(WIRE)
    assert article.title == "Harbour Foods to buy stake in Lantern Bakeries"
    assert article.publisher == "Northgale Wire"
    assert article.published == dt.date(2024, 3, 12)
    assert article.dateline == "PORTSMOUTH"
    assert article.text == (
        "Harbour Foods said on Tuesday it would buy 30% of Lantern Bakeries for £12m.\n\n"
        "The grocer said the deal would close in May."
    )


def test_wire_dateline_gives_the_date_when_the_header_has_none() -> None:
    article = read_article("HOBART, 5 June 2023 – Derwent Ferries said it sold a ship.")
    assert article.dateline == "HOBART"
    assert article.published == dt.date(2023, 6, 5)
    assert article.text == "Derwent Ferries said it sold a ship."


PRESS_RELEASE = """\
PRESS RELEASE

TIERCEL MINING CORPORATION LIMITED
(Incorporated in the Commonwealth of Australia)
Share code: KMC
ISIN: AU000000KMC1

FOR IMMEDIATE RELEASE

Tiercel Mining sells copper project for A$90 million

Perth, 2 May 2024 – Tiercel Mining Corporation Limited ("Tiercel") today agreed to sell its \
copper project to Bluegum Metals for A$90 million.

Sale of copper project

The sale completes in July.

-ENDS-

About Tiercel
Tiercel is a miner based in Perth.

Forward-looking statements
This release contains forward-looking statements.

Media enquiries: Jane Roe, +61 8 5550 1234
"""


def test_press_release_publisher_is_the_issuing_company() -> None:
    article = read_article(PRESS_RELEASE)
    assert article.publisher == "Tiercel Mining Corporation Limited"  # as the text spells it
    assert article.title == "Tiercel Mining sells copper project for A$90 million"
    assert article.published == dt.date(2024, 5, 2)
    assert article.dateline == "Perth"
    # The crosshead stays; everything after -ENDS- goes.
    assert article.text == (
        'Tiercel Mining Corporation Limited ("Tiercel") today agreed to sell its copper '
        "project to Bluegum Metals for A$90 million.\n\nSale of copper project\n\n"
        "The sale completes in July."
    )


def test_about_section_without_ends_marker_is_dropped() -> None:
    text = (
        "Tiercel agrees sale\n\nTiercel Mining said it sold a mine for A$9m to a rival.\n\n"
        "About Tiercel Mining\nTiercel Mining is a miner based in Perth.\n"
    )
    assert read_article(text).text == "Tiercel Mining said it sold a mine for A$9m to a rival."


def test_more_on_this_story_list_is_dropped_but_later_paragraph_kept() -> None:
    text = (
        "Acme sells anvils\n\nAcme sold its anvil arm for $3m on Friday.\n\nMore on this story\n\n"
        "Acme names new chief\nAnvil prices fall\n\n"
        "A longer paragraph after the list that reads like a real sentence of the story.\n"
    )
    assert read_article(text).text == (
        "Acme sold its anvil arm for $3m on Friday.\n\n"
        "A longer paragraph after the list that reads like a real sentence of the story."
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 12 July 2022, 08:20 CEST", dt.date(2022, 7, 12)),
        ("Published: Oct. 9, 2023, 7:40 a.m. MT", dt.date(2023, 10, 9)),
        ("Tuesday 8 November 2022", dt.date(2022, 11, 8)),
        ("14 June 2022 | 09:58 GMT", dt.date(2022, 6, 14)),
    ],
)
def test_published_line_forms(line: str, expected: dt.date) -> None:
    text = f"ACME TIMES\n\nAcme buys Widget\n\n{line}\n\nAcme bought Widget for $5m on Monday."
    article = read_article(text)
    assert article.published == expected
    assert article.title == "Acme buys Widget"
    assert article.text == "Acme bought Widget for $5m on Monday."


def test_text_without_header_is_all_body() -> None:
    text = "Acme bought Widget for $5m. The deal closed on Monday."
    article = read_article(text)
    assert (article.title, article.publisher, article.published) == (None, None, None)
    assert article.text == text


def test_crlf_line_ends_read_like_lf() -> None:
    assert read_article(PAGE_DUMP.replace("\n", "\r\n")) == read_article(PAGE_DUMP)


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        # A long first line is a headline, not a masthead; the next line is a standfirst.
        (
            "Acme buys Widget in $5m deal\n\nThe deal is the firm's largest this year\n\n"
            "Acme bought Widget for $5m on Monday.",
            "Acme buys Widget in $5m deal",
            None,
        ),
        # A short capitalised first line is a masthead; byline and time note are dropped.
        (
            "Anvil Wire\n\nAcme buys Widget\n\nBy Jane Roe\n\nUpdated 2 hours ago\n\n"
            "Acme bought Widget for $5m on Monday.",
            "Acme buys Widget",
            "Anvil Wire",
        ),
        # A lone short ALL-CAPS line is a masthead, not a headline.
        ("ANVIL WIRE\n\nAcme bought Widget for $5m on Monday.", None, "Anvil Wire"),
        # A headline that starts with "From" is not a byline.
        (
            "From Lagos to London: Acme grows\n\nAcme bought Widget for $5m on Monday.",
            "From Lagos to London: Acme grows",
            None,
        ),
    ],
    ids=["headline-standfirst", "masthead-byline", "lone-masthead", "from-headline"],
)
def test_header_lines(text: str, title: str | None, publisher: str | None) -> None:
    article = read_article(text)
    assert (article.title, article.publisher) == (title, publisher)
    assert article.text == "Acme bought Widget for $5m on Monday."


def test_photo_labels_and_page_chrome_lines_are_dropped() -> None:
    text = (
        "ANVIL WIRE\n\nAcme buys Widget\n\nImage source, Getty Images\n\n"
        "Acme bought Widget for $5m on Monday.\n\nAdvertisement\n\n"
        "Image caption, Workers at the Widget plant\n\nThe deal closes in May.\n"
    )
    article = read_article(text)
    assert article.title == "Acme buys Widget"
    assert article.text == "Acme bought Widget for $5m on Monday.\n\nThe deal closes in May."


def test_headline_starting_with_published_is_still_a_headline() -> None:
    article = read_article(
        "Published accounts show Acme losses\n\nUpdated 5 hours ago\n\nAcme lost $5m last year."
    )
    assert article.title == "Published accounts show Acme losses"
    assert article.text == "Acme lost $5m last year."


def test_navigation_bar_under_the_masthead_is_not_the_headline() -> None:
    text = (
        "THE HARBOUR LAMP\nMoney | Markets | Companies | Opinion | Podcasts\n\n"
        "Acme takes a quarter of Widget for $40m\n\nPublished 3 March 2024\n\n"
        "Acme has bought 25% of Widget for $40m, the companies said.\n"
    )
    article = read_article(text)
    assert article.title == "Acme takes a quarter of Widget for $40m"
    assert article.publisher == "The Harbour Lamp"
    assert article.text == "Acme has bought 25% of Widget for $40m, the companies said."


def test_distribution_notice_heads_a_release_and_stays_out() -> None:
    text = (
        "NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION, IN WHOLE OR IN PART, IN, INTO OR FROM "
        "ANY JURISDICTION WHERE TO DO SO WOULD CONSTITUTE A VIOLATION OF THE RELEVANT LAWS\n\n"
        "ACME GROUP PLC\n\nAcme to acquire Widget Ltd for 120 pence per share\n\n"
        "London, 3 March 2024 – Acme Group plc today announced an offer for Widget Ltd.\n"
    )
    article = read_article(text)
    assert article.title == "Acme to acquire Widget Ltd for 120 pence per share"
    assert article.publisher == "Acme Group plc"
    assert article.text == "Acme Group plc today announced an offer for Widget Ltd."


@pytest.mark.parametrize(
    "junk", ["-" * 40, "————————————", "=====  =====", "Sign in   Subscribe", "Sign in\tSubscribe"]
)
def test_rules_and_button_rows_above_the_headline_are_dropped(junk: str) -> None:
    text = (
        f"THE HARBOUR LAMP\n{junk}\n\nAcme takes a quarter of Widget for $40m\n\n"
        "Acme has bought 25% of Widget for $40m, the companies said.\n"
    )
    article = read_article(text)
    assert article.title == "Acme takes a quarter of Widget for $40m"
    assert article.text == "Acme has bought 25% of Widget for $40m, the companies said."
