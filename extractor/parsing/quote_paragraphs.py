"""Paragraph boundaries of a plain-text article.

Quotes never cross a paragraph except by the news convention for multi-paragraph quotes, and
a sentence never crosses one, so the quote finder and the sentence splitter share this split.
A line break is a paragraph break, except a soft wrap: in text whose paragraphs are separated
by blank lines, a long line that does not end a sentence and runs on into the next line.
"""

from __future__ import annotations

import functools
import re

#: A line that ends a sentence or a quotation (so its break is a real one).
_LINE_END = re.compile(r"""[.!?:;…"”’'»)\]]\s*$""")
#: A line that starts a list item, so the break before it is real.
_ITEM_START = re.compile(r"""^\s*(?:[-*•·–—]|\d{1,2}[.)])\s""")
#: Shortest line taken for a wrapped line of running text.
_WRAP_WIDTH = 50


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into paragraphs, as (start, end) offsets without surrounding blanks.

    Args:
        text: the article body.

    Returns:
        The non-empty paragraphs in order; each span is stripped of leading/trailing space.

    >>> t = "Title\\n\\nFirst para.\\nSecond para."
    >>> [t[s:e] for s, e in paragraph_spans(t)]
    ['Title', 'First para.', 'Second para.']
    """
    return list(split_paragraphs(text))


@functools.lru_cache(maxsize=4)
def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """``paragraph_spans`` as a tuple, kept for the last few texts.

    The sentence splitter, the quote finder and the attribution all split the same article;
    the text is the same object each time, so the cache hit costs an identity check.
    """
    spans: list[tuple[int, int]] = []
    wrapped = "\n\n" in text or "\n \n" in text
    pos = 0
    cur_start: int | None = None
    cur_end = 0
    prev_line = ""
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            if cur_start is not None:
                spans.append((cur_start, cur_end))
                cur_start = None
            prev_line = ""
        else:
            lead = len(body) - len(body.lstrip())
            soft = (
                wrapped
                and cur_start is not None
                and len(prev_line) >= _WRAP_WIDTH
                and not _LINE_END.search(prev_line)
                and not _ITEM_START.match(body)
            )
            if cur_start is not None and not soft:
                spans.append((cur_start, cur_end))
                cur_start = None
            if cur_start is None:
                cur_start = pos + lead
            cur_end = pos + len(body.rstrip())
            prev_line = stripped
        pos += len(line)
    if cur_start is not None:
        spans.append((cur_start, cur_end))
    return tuple(spans)


def soft_breaks(text: str) -> set[int]:
    """Offsets of line breaks that are soft wraps inside a paragraph (not paragraph ends).

    Args:
        text: the article body.

    Returns:
        The offsets of ``"\\n"`` characters lying inside a paragraph span.
    """
    found: set[int] = set()
    for start, end in split_paragraphs(text):
        i = text.find("\n", start, end)
        while i != -1:
            found.add(i)
            i = text.find("\n", i + 1, end)
    return found
