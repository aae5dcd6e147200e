"""Find direct quotations in plain text: pure, no spaCy, never raises.

News text mixes straight and curly marks, nests single quotes in double ones (or the reverse
in British style), uses the same character for apostrophes and single quotes, and now and then
drops a closing mark. The finder works paragraph by paragraph with a stack of open marks:

- a mark's direction comes from the character itself (“ ” ‘ ’ « ») or, for straight marks,
  from what is on either side of it; a mark between two letters ("it's") is an apostrophe and
  "investors' money" is a possessive unless nothing else can close the quote;
- a quote never crosses a paragraph, except by the news convention for multi-paragraph
  quotes: an opening mark at the start of each paragraph and a closing mark only in the last;
- an unmatched mark is dropped at the end of its paragraph, so a stray mark costs at most the
  quote it is in, never the rest of the article;
- a paragraph that is only a short quoted phrase without a full stop is a headline or a
  crosshead, not a quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from extractor.parsing.quote_paragraphs import split_paragraphs

_DOUBLE, _SINGLE, _GUILLEMET = "double", "single", "guillemet"

#: Every character that may be a quotation mark, with its family.
_FAMILY = {
    '"': _DOUBLE,
    "“": _DOUBLE,
    "”": _DOUBLE,
    "„": _DOUBLE,
    "'": _SINGLE,
    "‘": _SINGLE,
    "’": _SINGLE,
    "‚": _SINGLE,
    "«": _GUILLEMET,
    "»": _GUILLEMET,
    "‹": _GUILLEMET,
    "›": _GUILLEMET,
}
_MARK_CHARS = "".join(_FAMILY)
_MARKS = re.compile("[" + re.escape("".join(_FAMILY)) + "]")


def char_positions(text: str, chars: str) -> list[int]:
    """Offsets of every character of ``text`` that is one of ``chars``, in order.

    The same list as ``[m.start() for m in re.finditer(f"[{chars}]", text)]`` (one-character
    matches never overlap), found with ``str.find``: ``re`` tests a class of non-ASCII
    characters at every offset, several times slower than a ``find`` per character.
    """
    found: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            found.append(i)
            i = find(ch, i + 1)
    found.sort()
    return found


#: Characters after which a mark can open a quote (besides white space and other marks).
_BEFORE_OPEN = set("([{—–-/:")
#: Characters before which a mark can close a quote (besides white space and other marks).
_AFTER_CLOSE = set(".,;:!?)]}—–-…/")
#: The same with the marks themselves, the two tests ``_classify`` makes.
_OPEN_AFTER = frozenset(_BEFORE_OPEN | set(_FAMILY))
_CLOSE_BEFORE = frozenset(_AFTER_CLOSE | set(_FAMILY))
#: Sentence-final punctuation: a quoted phrase ending in one is a sentence, not a crosshead.
_SENTENCE_END = re.compile(r"[.!?…][\s\"”’'»)]*$")
#: A crosshead is at most this many words long.
_CROSSHEAD_WORDS = 8
#: '90s, ’20s: an elided year, not a quote.
_ELIDED_YEAR = re.compile(r"\d\ds?\b")
#: How many marks ahead a possessive-or-closing mark looks for a firm closing mark.
_LOOKAHEAD = 64
#: List bullets that may precede a paragraph's opening mark.
_BULLETS = set("-*•·–— \t")


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: offsets of its inner text (without the marks) and of its marks.

    Attributes:
        start: offset of the first character of the quoted text.
        end: offset just past its last character.
        open_mark: offset of the opening mark.
        close_mark: offset of the closing mark, or None when the quote runs to the end of
            its paragraph without one (a multi-paragraph quote, or a missing mark).
        paragraph: index of the paragraph (see ``paragraph_spans``).
        continues: True when this piece continues the previous piece's quotation
            (multi-paragraph convention).
        continued: True when the quotation goes on in the next paragraph.
        nested: inner quotations, as (start, end) offsets of their text.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    continues: bool = False
    continued: bool = False
    nested: tuple[tuple[int, int], ...] = ()

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or past the text when there is none)."""
        return self.end if self.close_mark is None else self.close_mark + 1


@dataclass
class _Open:
    family: str
    pos: int
    at_start: bool
    children: list[QuoteSpan] = field(default_factory=list)


class _Mark(NamedTuple):
    pos: int
    family: str
    can_open: bool
    can_close: bool
    weak: bool  # a closer that may as well be a possessive ("investors' money")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Find the quotations of ``text``, in order.

    Args:
        text: an article body (any string; odd input gives fewer quotes, never an error).

    Returns:
        One ``QuoteSpan`` per quotation piece; a multi-paragraph quotation gives one piece per
        paragraph, linked by ``continues``/``continued``.

    >>> t = 'He said: "It\\'s fine." Then \\'a stray mark.'
    >>> [t[q.start:q.end] for q in find_quotes(t)]
    ["It's fine."]
    """
    if not isinstance(text, str) or not text:
        return []
    paragraphs = split_paragraphs(text)
    # Most paragraphs hold no mark at all: one search over the text finds those that do.
    marks = char_positions(text, _MARK_CHARS)  # the matches of ``_MARKS``
    pieces: list[list[QuoteSpan]] = []
    for i, (start, end) in enumerate(paragraphs):
        lo, hi = bisect.bisect_left(marks, start), bisect.bisect_left(marks, end)
        pieces.append(_paragraph_quotes(text, i, start, end, marks[lo:hi]) if lo < hi else [])
    result: list[QuoteSpan] = []
    for i, found in enumerate(pieces):
        for q in found:
            q = _link(text, q, paragraphs, pieces, i)
            if _is_crosshead(text, q, paragraphs[i]):
                continue
            result.append(q)
    return result


def _link(
    text: str,
    q: QuoteSpan,
    paragraphs: tuple[tuple[int, int], ...],
    pieces: list[list[QuoteSpan]],
    i: int,
) -> QuoteSpan:
    """Mark the pieces of a multi-paragraph quotation."""
    continues = continued = False
    if q.close_mark is None:
        nxt = pieces[i + 1] if i + 1 < len(pieces) else []
        continued = bool(nxt) and _starts_paragraph(text, paragraphs[i + 1][0], nxt[0].open_mark)
    if i > 0 and _starts_paragraph(text, paragraphs[i][0], q.open_mark):
        prev = pieces[i - 1]
        continues = bool(prev) and prev[-1].close_mark is None
    if continues or continued:
        return QuoteSpan(
            q.start, q.end, q.open_mark, q.close_mark, q.paragraph, continues, continued, q.nested
        )
    return q


def _starts_paragraph(text: str, para_start: int, pos: int) -> bool:
    """Is ``pos`` the first thing in its paragraph (after list bullets)?"""
    k = para_start
    while k < pos and text[k] in _BULLETS:
        k += 1
    return k == pos


def _is_crosshead(text: str, q: QuoteSpan, para: tuple[int, int]) -> bool:
    """A paragraph that is only a short quoted phrase with no full stop: a (cross)head."""
    if q.continues or q.continued or q.end - q.start > 200 or para[1] - q.outer_end > 4:
        return False
    if not _starts_paragraph(text, para[0], q.open_mark):
        return False
    # A full stop after the closing mark ('We will grow'.) makes it a sentence, not a head.
    if text[q.outer_end : para[1]].strip(" \t:-–—"):
        return False
    inner = text[q.start : q.end]
    return len(inner.split()) <= _CROSSHEAD_WORDS and not _SENTENCE_END.search(inner)


def _classify(text: str, i: int) -> _Mark | None:
    """Decide whether the mark at ``i`` can open or close a quote, or is an apostrophe."""
    ch = text[i]
    family = _FAMILY[ch]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if family == _SINGLE and prev.isalnum() and nxt.isalnum():
        return None  # it's, Pellwick's, O'Neil (most single marks: tested first)
    prev_space, nxt_space = prev.isspace(), nxt.isspace()
    open_ctx = (prev_space or prev in _OPEN_AFTER) and not nxt_space
    close_ctx = not prev_space and (nxt_space or nxt in _CLOSE_BEFORE)
    if family == _SINGLE:
        if ch in "'‘’" and not prev.isalnum() and _ELIDED_YEAR.match(text, i + 1):
            return None  # '90s
        weak = (
            close_ctx
            and prev in "sS"
            and i > 1
            and text[i - 2].isalpha()
            and nxt.isspace()
            and i + 2 < len(text)
            and text[i + 2].isalnum()
        )
        if ch == "‘" or ch == "‚":
            return _Mark(i, family, True, close_ctx and not open_ctx, False)
        if ch == "’":
            return _Mark(i, family, False, close_ctx or not open_ctx, weak)
        if not (open_ctx or close_ctx):
            return None
        return _Mark(i, family, open_ctx, close_ctx, weak)
    if ch in "«‹»›":
        # French « spaced », German »tight«: » opens only right before a word.
        if ch in "»›":
            opening = not prev.isalnum() and nxt.isalnum()
        else:
            opening = not (not prev.isspace() and not nxt.isalnum() and prev not in _FAMILY)
        return _Mark(i, family, opening, not opening, False)
    if ch in "“„":
        # German style closes with “: trust the context when it is clear.
        closing = close_ctx and not open_ctx and ch == "“"
        return _Mark(i, family, not closing, closing, False)
    if ch == "”":
        opening = open_ctx and not close_ctx
        return _Mark(i, family, opening, not opening, False)
    # Straight double quote: direction from context only.
    if prev.isspace() and nxt.isspace():
        return None
    if not (open_ctx or close_ctx):
        return _Mark(i, family, True, True, False)
    return _Mark(i, family, open_ctx, close_ctx, False)


def _paragraph_quotes(
    text: str, index: int, p_start: int, p_end: int, positions: list[int]
) -> list[QuoteSpan]:
    """Pair the marks of one paragraph (at ``positions``) with a stack; drop the unmatched."""
    marks: list[_Mark] = []
    for pos in positions:
        mark = _classify(text, pos)
        if mark is not None:
            marks.append(mark)
    stack: list[_Open] = []
    done: list[QuoteSpan] = []

    def finish(entry: _Open, close: int | None) -> None:
        span = _inner(text, entry.pos + 1, close if close is not None else p_end)
        if span is None:
            return
        if stack:
            stack[-1].children.append(QuoteSpan(span[0], span[1], entry.pos, close, index))
            stack[-1].children.extend(entry.children)
        else:
            nested = tuple([(c.start, c.end) for c in entry.children])
            done.append(QuoteSpan(span[0], span[1], entry.pos, close, index, nested=nested))

    def drop(entry: _Open) -> None:
        """A stray opening mark: keep the quotes found inside it."""
        if stack:
            stack[-1].children.extend(entry.children)
        else:
            done.extend(entry.children)

    for k, mark in enumerate(marks):
        level = _level(stack, mark.family)
        if mark.can_close and level is not None:
            if mark.weak and _later_closer(marks, k, mark.family):
                continue
            while len(stack) > level + 1:
                drop(stack.pop())
            finish(stack.pop(), mark.pos)
            continue
        if mark.can_open:
            if level is not None:
                # The same kind of mark opens again: the earlier one was stray.
                while len(stack) > level:
                    drop(stack.pop())
            stack.append(_Open(mark.family, mark.pos, _starts_paragraph(text, p_start, mark.pos)))
    # Unclosed marks, outermost first: a paragraph-initial quote (multi-paragraph convention)
    # or a double quote introduced by ": " or ", " runs to the end of the paragraph; any other
    # is a stray mark and is dropped.
    for k, entry in enumerate(stack):
        lead = text[p_start : entry.pos].rstrip()
        if entry.at_start or (entry.family != _SINGLE and lead.endswith((":", ","))):
            for inner in stack[k + 1 :]:
                entry.children.extend(inner.children)
            del stack[k:]
            finish(entry, None)
            break
        done.extend(entry.children)
    done.sort(key=lambda q: q.start)
    return done


def _level(stack: list[_Open], family: str) -> int | None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].family == family:
            return k
    return None


def _later_closer(marks: list[_Mark], k: int, family: str) -> bool:
    """Is there a firm closing mark of ``family`` later in the paragraph, before it reopens?"""
    for m in marks[k + 1 : k + 1 + _LOOKAHEAD]:
        if m.family != family:
            continue
        if m.can_close and not m.weak:
            return True
        if m.can_open and not m.can_close:
            return False
    return False


def _inner(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of the quoted text without surrounding white space; None when empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1  # the comma before a closing mark belongs to the attribution
    return (start, end) if end > start else None
