"""Reading: bytes, HTML or text in, one clean ``Article`` out.

PLACEHOLDER until the reading issue lands: decodes UTF-8 and passes text through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Article:
    """A clean article: metadata and the body text that every offset refers to."""

    text: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    source: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_article(data: str | bytes, *, source: str | None = None) -> Article:
    """Turn raw input (text, HTML, bytes in any encoding) into an ``Article``."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return Article(text=text, source=source)
