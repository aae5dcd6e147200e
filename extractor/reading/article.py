"""The reading layer's result: one clean article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Article:
    """A clean article: metadata and the body text that every offset refers to.

    ``text`` is the body only: paragraphs joined by a blank line, without the headline,
    masthead, bylines, captions, wire dateline or trailing boilerplate.
    ``dateline`` is the place of a wire dateline ("HONG KONG"), as printed.
    ``warnings`` lists every repair or guess made while reading (encodings, mojibake).
    """

    text: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    source: str | None = None
    warnings: list[str] = field(default_factory=list)
