"""Header decisions of page dumps on short invented texts: mastheads, standfirsts, ledes."""

from __future__ import annotations

import datetime as dt

from extractor.reading import read_article


def test_all_caps_masthead_may_carry_figures() -> None:
    text = "CITY 24 NEWS\n\nAcme buys Widget for $5m\n\nAcme bought Widget on Monday, it said.\n"
    article = read_article(text)
    assert (article.publisher, article.title) == ("City 24 News", "Acme buys Widget for $5m")


def test_title_case_headline_with_figures_is_not_a_masthead() -> None:
    text = "Acme Buys Widget For $5m\n\nDeal ends a year of talks\n\nAcme bought Widget, it said.\n"
    article = read_article(text)
    assert (article.publisher, article.title) == (None, "Acme Buys Widget For $5m")


def test_short_sentence_above_the_byline_is_the_standfirst() -> None:
    text = (
        "THE ANVIL TIMES\n\nAcme buys Widget\n\nThe deal ends a year of talks.\n\n"
        "By Jo Roe\n4 March 2024\n\nAcme bought Widget for $5m on Monday, it said.\n"
    )
    article = read_article(text)
    assert article.title == "Acme buys Widget"
    assert article.published == dt.date(2024, 3, 4)
    assert article.text == "Acme bought Widget for $5m on Monday, it said."


def test_long_lede_above_the_byline_stays_in_the_body() -> None:
    lede = (
        "Acme has agreed to buy Widget for $5m in cash, ending a year of talks between the "
        "two family-owned companies, which between them make most of the anvils sold in the "
        "region and employ about 900 people at three plants, the companies said on Monday."
    )
    text = (
        f"THE ANVIL TIMES\n\nAcme buys Widget\n\n{lede}\n\nBy Jo Roe\n\nThe deal closes in May.\n"
    )
    article = read_article(text)
    assert article.text == f"{lede}\n\nThe deal closes in May."
