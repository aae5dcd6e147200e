"""HTML pages: metadata cascade, body paragraphs, and furniture that must never reach the body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor.reading import read_article
from extractor.reading.html import looks_like_html

DATA = Path(__file__).resolve().parent.parent / "data" / "reading"
STORY = (DATA / "story.html").read_bytes()


def test_story_metadata_from_open_graph() -> None:
    article = read_article(STORY)
    assert article.title == "Harbour Foods buys 30% of Lantern Bakeries"
    assert article.publisher == "The Quayside Post"
    assert article.published == dt.date(2022, 7, 4)  # the local date printed, not UTC
    assert article.dateline == "PORTSMOUTH"


def test_story_body_is_the_article_paragraphs() -> None:
    assert read_article(STORY).text == (
        "Harbour Foods has bought 30% of Lantern Bakeries for £12m, the two firms said on "
        "Monday.\n\nA family business\n\nLantern Bakeries was founded in 1988 and runs nine "
        "shops.\n\n“We like bread,” said a spokesperson."
    )


def test_no_trap_text_reaches_the_body() -> None:
    # Every piece of furniture in the test page says TRAP: scripts, styles, cookie banner,
    # nav, standfirst, byline, figure and caption, ads, related list, tags, footer.
    article = read_article(STORY)
    assert "TRAP" not in article.text
    assert "$999m" not in article.text


def test_json_ld_and_h1_are_used_without_meta_tags() -> None:
    html = """<html><head><title>Fallback title | Site Name</title>
    <script type="application/ld+json">[{"@type": "WebSite"}, {"@graph": [{"@type":
    "NewsArticle", "headline": "Ledger headline", "datePublished": "2020-05-06T10:00:00Z",
    "publisher": {"name": "LD Publisher"}}]}]</script></head>
    <body><article><h1>Page headline as printed</h1><p>Acme bought Widget for $5m.</p>
    </article></body>
    </html>"""
    article = read_article(html)
    # The headline as printed on the page wins over the metadata's (often an SEO variant).
    assert article.title == "Page headline as printed"
    assert article.publisher == "LD Publisher"
    assert article.published == dt.date(2020, 5, 6)
    article = read_article(html.replace("<h1>Page headline as printed</h1>", ""))
    assert article.title == "Ledger headline"


def test_logo_h1_is_not_the_headline() -> None:
    html = """<html><head><meta property="og:title" content="Acme buys Widget Co">
    </head><body><header><h1>The Anvil Times</h1></header>
    <div><h1 class="site-logo">Anvil</h1><p>Acme bought Widget for $5m, it said.</p></div>
    </body></html>"""
    assert read_article(html).title == "Acme buys Widget Co"


def test_title_suffix_gives_title_and_publisher_as_last_resort() -> None:
    html = """<html><head><title>Acme buys Widget | The Anvil Times</title></head>
    <body><div class="story"><p>Acme bought Widget for $5m.</p>
    <p><time datetime="2019-11-02">2 November</time></p></div>
    <footer><p>© 2019 Something Else Ltd</p></footer></body></html>"""
    article = read_article(html)
    assert article.title == "Acme buys Widget"
    assert article.publisher == "The Anvil Times"
    assert article.published == dt.date(2019, 11, 2)


def test_copyright_footer_names_the_publisher_when_nothing_else_does() -> None:
    html = """<html><body><main><p>Acme bought Widget for $5m.</p></main>
    <footer><p>Copyright © 2019 Anvil Media Group. All rights reserved.</p></footer>
    </body></html>"""
    assert read_article(html).publisher == "Anvil Media Group"


def test_item_prop_article_body_is_preferred_container() -> None:
    html = """<html><body><article><h1>H</h1><p class="standfirst">Dek line.</p>
    <div itemprop="articleBody"><p>First paragraph.</p><p>Second paragraph.</p></div>
    <p>Outside the article body.</p></article></body></html>"""
    assert read_article(html).text == "First paragraph.\n\nSecond paragraph."


@pytest.mark.parametrize("name", ["ITEMPROP", "ItemProp"])
def test_item_prop_is_found_whatever_the_case_of_its_name(name: str) -> None:
    html = f"""<html><body><article><p>Teaser text that is long enough to count.</p>
    <div {name}="articleBody"><p>Body paragraph.</p></div></article></body></html>"""
    assert read_article(html).text == "Body paragraph."


def test_truncated_html_is_read_best_effort() -> None:
    html = "<html><head><title>Acme buys Widget</title></head><body><article><p>Acme bought"
    article = read_article(html)
    assert article.title == "Acme buys Widget"
    assert article.text == "Acme bought"


def test_meta_charset_is_honoured_for_bytes() -> None:
    html = (
        '<html><head><meta charset="windows-1251"><title>Сделка года</title></head>'
        "<body><article><p>Компания купила долю за 5 млн рублей.</p></article></body></html>"
    ).encode("cp1251")
    article = read_article(html)
    assert article.title == "Сделка года"
    assert article.text == "Компания купила долю за 5 млн рублей."
    assert any("windows-1251" in w or "cp1251" in w for w in article.warnings)


def test_only_script_text_gives_an_empty_body() -> None:
    html = "<html><body><script>var p = '<p>Acme bought Widget</p>';</script></body></html>"
    article = read_article(html)
    assert article.text == ""
    assert article.warnings == ["no article body found in the input"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("  <html lang='en'>", True),
        ("<p>One.</p><p>Two.</p><p>Three.</p>", True),
        ("Acme said <b> is a tag.", False),
        ("Plain text article.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_teaser_articles_do_not_win_over_the_story_text() -> None:
    html = """<html><body>
    <div class="content"><h1>Acme buys Widget</h1>
    <p>Acme bought Widget for $5m on Monday, the company said in a statement.</p>
    <p>The deal is expected to close in May after regulators approve it.</p></div>
    <section class="more"><article><p>Teaser one.</p></article>
    <article><p>Teaser two.</p></article></section></body></html>"""
    assert read_article(html).text == (
        "Acme bought Widget for $5m on Monday, the company said in a statement.\n\n"
        "The deal is expected to close in May after regulators approve it."
    )


def test_page_without_article_element_uses_the_densest_paragraph_parent() -> None:
    html = """<html><body><div class="cookie-banner"><p>We use cookies on this site.</p></div>
    <div id="story"><p>Acme bought Widget for $5m on Monday.</p><p>The deal closes in May.</p>
    </div><div class="footer-links"><p>About us</p></div></body></html>"""
    assert read_article(html).text == (
        "Acme bought Widget for $5m on Monday.\n\nThe deal closes in May."
    )


def test_xml_declared_page_is_read_without_warnings() -> None:
    # pytest turns warnings into errors: an XML page read as HTML must not warn.
    html = '<?xml version="1.0"?><rss><channel><p>1.</p><p>2.</p><p>3.</p></channel></rss>'
    assert read_article(html).text == "1.\n\n2.\n\n3."


def test_page_of_only_end_tags_keeps_its_comments() -> None:
    # lxml builds no element from "</p></p>"; the copyright in the comment still names the site.
    article = read_article("<!-- (c) Fernbrook Gazette 2020 --></p></p></p>")
    assert article.text == ""
    assert article.publisher == "Fernbrook Gazette"


def test_deeply_nested_page_is_read_to_the_bottom() -> None:
    # Unclosed or machine-made markup can nest far deeper than any layout: 1,500 levels.
    depth = 1500
    html = (
        "<html><body>" + "<div>" * depth + "<p>Acme bought Widget for $5m.</p>" + "</div>" * depth
    ) + "<p>(c) Fernbrook Gazette 2021</p></body></html>"
    article = read_article(html)
    assert article.text == "Acme bought Widget for $5m."
    assert article.publisher == "Fernbrook Gazette"
