"""The same article in another dress reads the same: line endings, wrapping, chrome, case.

Each plain-text article of the team corpus and the dev corpus is re-dressed the way saved
pages differ in the wild (Windows line endings, a BOM, paragraphs hard-wrapped at 70
characters, share-bar and advertisement lines inside the story, a mixed-case masthead), and
must give the same title, publisher, date and body (up to whitespace) as the original.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.reading import Article, read_article
from extractor.reading.boilerplate import is_release_marker
from extractor.reading.wire import is_all_caps

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "articles"

_JUNK = "Share this article\nCopy link\nListen to this article\n4 min read\n\nAdvertisement"


def _crlf(text: str, base: Article) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _bom(text: str, base: Article) -> str:
    return "\ufeff" + text


def _wrap(text: str, base: Article) -> str:
    blocks = text.split("\n\n")
    return "\n\n".join(
        textwrap.fill(b, 70) if len(b) > 150 and "\n" not in b.strip() else b for b in blocks
    )


def _junk(text: str, base: Article) -> str:
    """Share bar and an advertisement label before the body's second paragraph."""
    paragraphs = base.text.split("\n\n")
    if len(paragraphs) < 3:
        return text
    at = text.find(paragraphs[1][:40])
    return text if at < 0 else text[:at] + _JUNK + "\n\n" + text[at:]


def _mixed_case_masthead(text: str, base: Article) -> str:
    first, sep, rest = text.partition("\n")
    if not (is_all_caps(first) and first.isascii() and base.publisher) or is_release_marker(first):
        return text  # "PRESS RELEASE" is a marker, not the masthead
    return base.publisher + sep + rest


DRESSES: dict[str, Callable[[str, Article], str]] = {
    "crlf": _crlf,
    "bom": _bom,
    "wrap": _wrap,
    "junk": _junk,
    "mixed-case masthead": _mixed_case_masthead,
}


def _texts(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def _check(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return  # the decoding tests cover other encodings
    base = read_article(text)
    for name, dress in DRESSES.items():
        article = read_article(dress(text, base))
        got = (article.title, (article.publisher or "").casefold(), article.published)
        want = (base.title, (base.publisher or "").casefold(), base.published)
        assert got == want, f"{path.name} {name}"
        assert article.text.split() == base.text.split(), f"{path.name} {name}"


@pytest.mark.parametrize("path", _texts(CORPUS), ids=lambda p: p.name)
def test_corpus_article_reads_the_same_in_any_dress(path: Path) -> None:
    _check(path)


def test_dev_corpus_articles_read_the_same_in_any_dress(dev_corpus: Path) -> None:
    for path in _texts(dev_corpus / "articles"):
        _check(path)
