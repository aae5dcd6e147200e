"""Reading: bytes, HTML or text in, one clean ``Article`` out.

The steps, one module each:

    decoding.py   bytes -> str (BOM, UTF-8, declared charset, detection, replace); binary check
    repair.py     mojibake (ftfy) and CJK text shown as Latin-1 -> the right characters
    sniff.py      is the input an HTML page?
    html.py       HTML page -> metadata cascade + article paragraphs (imports lxml on first use)
    plaintext.py  page dumps, wire copy, press releases -> header, body, trailer
    wire.py       datelines, "UPDATE 2-" tags, the spelling of ALL-CAPS names
    dates.py      publication dates as printed -> datetime.date
    boilerplate.py  line shapes of page furniture (word lists in lexicons/boilerplate.json)

Limits (all checked before the costly steps, so any input is read in bounded time):
the API rejects input over ``extractor.api.MAX_INPUT_BYTES`` (5 MB) before reading; plain
text longer than ``MAX_BODY_CHARS`` and HTML with more than ``MAX_HTML_TAGS`` tags raise
``InputError``, and so does an HTML body over ``MAX_BODY_CHARS``. Empty or whitespace-only
input gives an empty ``Article`` with a warning, never an exception. Binary garbage (NUL
bytes, mostly control characters) raises ``InputError``.

Repairs: plain text is repaired as a whole before it is split; for HTML only the extracted
strings (title, publisher, paragraphs) are repaired, which is cheaper than the whole page.
"""

from __future__ import annotations

import logging
import re

from extractor.errors import InputError
from extractor.reading.article import Article
from extractor.reading.decoding import check_not_binary, decode_bytes
from extractor.reading.plaintext import PageParts, read_plaintext
from extractor.reading.repair import repair_text
from extractor.reading.sniff import looks_like_html

__all__ = ["MAX_BODY_CHARS", "MAX_HTML_TAGS", "Article", "read_article"]

logger = logging.getLogger(__name__)

#: Most tags in an HTML input. Reading costs about 20-35 µs a tag (so at most ~3.5 s); a
#: heavy news page has under 10,000. More than this is not an article page.
MAX_HTML_TAGS = 100_000

#: What starts a tag (or a comment/doctype) in HTML: counted to bound the parse cost.
_TAG_START = re.compile(r"<[A-Za-z!/]")

#: Longest body accepted, in characters: spaCy's default ``Language.max_length``. A news
#: article body is 2,000-20,000 characters; a million is a book, not an article.
MAX_BODY_CHARS = 1_000_000


def read_article(data: str | bytes, *, source: str | None = None) -> Article:
    """Turn raw input (text, HTML, bytes in any encoding) into an ``Article``.

    Args:
        data: the article as text or raw bytes; HTML is detected in either.
        source: where it came from (a path or URL), copied into the article.

    Returns:
        The article; ``warnings`` lists every decoding guess and repair.

    Raises:
        InputError: the input is binary (NUL bytes, mostly control characters), not
            ``str``/``bytes``, or its body is longer than ``MAX_BODY_CHARS``.
    """
    warnings: list[str] = []
    if isinstance(data, (bytes, bytearray, memoryview)):
        text = decode_bytes(bytes(data), warnings)
    elif isinstance(data, str):
        text = data
    else:
        raise InputError(f"read_article() takes str or bytes, not {type(data).__name__}")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = check_not_binary(text, warnings)
    if not text or text.isspace():  # ``not text.strip()``, without copying the text
        warnings.append("input is empty or whitespace only; nothing to extract")
        return Article(text="", source=source, warnings=warnings)
    if looks_like_html(text):
        parts = _read_html(text, warnings)
    else:
        _check_size(len(text), "plain-text input")
        parts = read_plaintext(repair_text(text, warnings))
    body = "\n\n".join(p.strip() for p in parts.paragraphs if p.strip())
    _check_size(len(body), "article body")
    warnings.extend(parts.warnings)
    if not body:
        warnings.append("no article body found in the input")
    return Article(
        text=body,
        title=parts.title,
        publisher=parts.publisher,
        published=parts.published,
        dateline=parts.dateline,
        source=source,
        warnings=warnings,
    )


def _check_size(chars: int, what: str) -> None:
    if chars > MAX_BODY_CHARS:
        raise InputError(
            f"{what} of {chars:,} characters is longer than the limit of {MAX_BODY_CHARS:,}; "
            "split the input into articles first"
        )


def _read_html(html: str, warnings: list[str]) -> PageParts:
    """Read an HTML page, then repair its extracted strings in one pass."""
    # Every tag start is a "<": a page with few enough of those is within the limit, and
    # the pattern need not scan it (it costs several times ``str.count``).
    if html.count("<") > MAX_HTML_TAGS and (tags := len(_TAG_START.findall(html))) > MAX_HTML_TAGS:
        raise InputError(
            f"HTML input with {tags:,} tags is larger than the limit of {MAX_HTML_TAGS:,} tags; "
            "it is not one article page"
        )
    # Imported here: lxml costs ~0.05 s to import, which plain-text runs never pay.
    from extractor.reading.html import read_html

    parts = read_html(html)
    fields = [parts.title or "", parts.publisher or "", *parts.paragraphs]
    # The strings hold no newline (whitespace is collapsed), so one joined repair splits back.
    repaired = repair_text("\n".join(fields), warnings).split("\n")
    if len(repaired) == len(fields):
        parts.title = repaired[0] or None
        parts.publisher = repaired[1] or None
        parts.paragraphs = repaired[2:]
    return parts
