"""Reading: bytes, HTML or text in, one clean ``Article`` out.

The steps, one module each:

    decoding.py   bytes -> str (BOM, UTF-8, declared charset, detection, replace); binary check
    repair.py     mojibake (ftfy) and CJK text shown as Latin-1 -> the right characters
    html.py       HTML page -> metadata cascade + article paragraphs
    plaintext.py  page dumps, wire copy, press releases -> header, body, trailer
    wire.py       datelines, "UPDATE 2-" tags, the spelling of ALL-CAPS names
    dates.py      publication dates as printed -> datetime.date
    boilerplate.py  line shapes of page furniture (word lists in lexicons/boilerplate.json)

Limits: the API rejects input over ``extractor.api.MAX_INPUT_BYTES`` before reading; a body
longer than ``MAX_BODY_CHARS`` raises ``InputError`` (it is not one article, and spaCy's
default ``max_length`` is the same million characters). Empty or whitespace-only input gives
an empty ``Article`` with a warning, never an exception.
"""

from __future__ import annotations

import logging

from extractor.errors import InputError
from extractor.reading.article import Article
from extractor.reading.decoding import check_not_binary, decode_bytes
from extractor.reading.html import looks_like_html, read_html
from extractor.reading.plaintext import read_plaintext
from extractor.reading.repair import repair_text

__all__ = ["MAX_BODY_CHARS", "Article", "read_article"]

logger = logging.getLogger(__name__)

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
    if not text.strip():
        warnings.append("input is empty or whitespace only; nothing to extract")
        return Article(text="", source=source, warnings=warnings)
    text = repair_text(text, warnings)
    is_html = looks_like_html(text)
    parts = read_html(text) if is_html else read_plaintext(text)
    body = "\n\n".join(p.strip() for p in parts.paragraphs if p.strip())
    if len(body) > MAX_BODY_CHARS:
        raise InputError(
            f"article body of {len(body):,} characters is longer than the limit of "
            f"{MAX_BODY_CHARS:,}; split the input into articles first"
        )
    warnings.extend(parts.warnings)
    if not body:
        warnings.append(f"no article body found in the {'HTML' if is_html else 'text'} input")
    return Article(
        text=body,
        title=parts.title,
        publisher=parts.publisher,
        published=parts.published,
        dateline=parts.dateline,
        source=source,
        warnings=warnings,
    )
