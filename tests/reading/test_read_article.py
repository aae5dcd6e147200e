"""read_article end to end: empty input, limits, never-raise property, seed and dev corpus."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.reading import MAX_BODY_CHARS, MAX_HTML_TAGS, Article, read_article


@pytest.mark.parametrize("data", ["", b"", "   \n\t\r\n ", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_gives_empty_article_with_warning(data: str | bytes) -> None:
    article = read_article(data, source="x.txt")
    assert article == Article(
        text="",
        source="x.txt",
        warnings=["input is empty or whitespace only; nothing to extract"],
    )


def test_not_text_raises_input_error() -> None:
    with pytest.raises(InputError, match="str or bytes"):
        read_article(42)  # type: ignore[arg-type]


def test_plain_text_over_the_body_limit_fails_fast() -> None:
    text = "Acme bought Widget for $5m. " * (MAX_BODY_CHARS // 20)
    start = time.perf_counter()
    with pytest.raises(InputError, match="limit"):
        read_article(text)
    assert time.perf_counter() - start < 1.0


def test_html_with_too_many_tags_fails_fast() -> None:
    html = "<html><body>" + "<b>x</b>" * (MAX_HTML_TAGS // 2 + 10) + "</body></html>"
    start = time.perf_counter()
    with pytest.raises(InputError, match="tags"):
        read_article(html)
    assert time.perf_counter() - start < 1.0


def test_big_html_page_with_small_body_is_read() -> None:
    # Most of a real page's weight is scripts: a 3 MB script does not make the body large.
    html = (
        "<html><head><script>" + "var x = 1;\n" * 300_000 + "</script></head>"
        "<body><article><p>Acme bought Widget for $5m.</p></article></body></html>"
    )
    assert read_article(html).text == "Acme bought Widget for $5m."


# Pieces of the shapes the readers look for, so random inputs reach the interesting branches.
_PIECES = st.sampled_from(
    [
        "ACME NEWS",
        "Image caption,",
        "  • Published",
        "14 June 2022",
        "Related Topics",
        "ENDS",
        "About Acme",
        "MEDIA RELEASE",
        "Share code: ACM",
        "LONDON, March 3 (Reuters) - ",
        "SÃO PAULO — ",
        "ÐÂÐÇ´«Ã½",
        "â€œ",
        "<p>",
        "</p>",
        "<html>",
        "<script>",
        "<article>",
        '<?xml version="1.0"?>',
        "<rss>",
        "http://example.com/a.html",
        "\x00",
        "\x07",
        "\r\n",
        '<meta property="og:title" content="',
        "(c) Acme 2020",
        "\n",
        "\n\n",
        " ",
        "-",
        ".",
    ]
)
_MIXED = st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), _MIXED))
def test_read_article_on_any_text_returns_or_raises_input_error(text: str) -> None:
    try:
        article = read_article(text)
    except InputError:
        return
    assert isinstance(article.text, str)
    assert article.title is None or isinstance(article.title, str)
    assert article.published is None or isinstance(article.published, dt.date)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(), _MIXED.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_read_article_on_any_bytes_returns_or_raises_input_error(data: bytes) -> None:
    try:
        article = read_article(data)
    except InputError:
        return
    assert isinstance(article.text, str)


SEED_BOILERPLATE = [
    "Published",
    "Image caption",
    "Related internet links",
    "not responsible",
    "大象传媒",
    "´óÏó",
]


def test_seed_article(seed_path: Path) -> None:
    article = read_article(seed_path.read_bytes(), source=str(seed_path))
    assert article.title == "Alibaba buys stake in China's Twitter-type Weibo service"
    assert article.publisher == "大象传媒"
    assert any("repaired" in w and "大象传媒" in w for w in article.warnings)
    for line in SEED_BOILERPLATE:
        assert line not in article.text
    # The photo line and the caption are kept (they carry a fact: a historical deal).
    assert article.text.startswith("Yahoo paid $1bn for a stake in Alibaba in 2005\n\n")
    assert article.text.endswith('"within a certain period of time in the future".')
