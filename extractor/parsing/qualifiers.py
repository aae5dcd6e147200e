"""Qualifiers around a figure ("over", "nearly", "up to", "or more") and shared regex pieces.

The phrase -> qualifier table is ``extractor/lexicons/qualifiers.json``; the mapping to the gold
vocabulary (over, under, about, up_to, at_least) is:

- over: over, more than, above, in excess of, upwards of, north of, just/well over ...
- under: under, less than, below; and "nearly", "almost", "just under", "close to", which mean
  "a bit below" and so get a narrow interval (``near=True``, see ``intervals``);
- about: about, around, roughly, some, approximately, an estimated, circa; "... or so";
- up_to: up to, as much as, as high as, no more than; "... or less";
- at_least: at least, no less than, a minimum of; "... or more".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple, cast

from extractor.lexicons import load_lexicon
from extractor.parsing.values import Qualifier
from extractor.parsing.word_trie import trie_alternation

__all__ = [
    "QualifierReading",
    "WordAnchors",
    "first_match_past",
    "lowered",
    "match_near",
    "number_pattern",
    "qualifier_after",
    "qualifier_before",
]


class QualifierReading(NamedTuple):
    qualifier: Qualifier
    near: bool
    length: int  # characters the phrase takes in the text, spaces included


def _alternation(keys: list[str] | dict[str, str]) -> str:
    return "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True)
    )


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], frozenset[str]]:
    data = load_lexicon("qualifiers")
    prefix: dict[str, str] = data["qualifiers"]
    postfix: dict[str, str] = data["postfix"]
    before = re.compile(
        rf"""
        (?:^|(?<=[\s(\[,;:—–]))          # starts a word (or follows an opening bracket)
        (?P<q>{_alternation(prefix)})    # "more than", "nearly" ...
        [\s\u00a0]+$                     # and ends right before the figure
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    after = re.compile(
        rf"""
        [\s\u00a0]*                      # right after the figure
        (?P<q>{_alternation(postfix)})   # "or more", "-plus" ...
        (?![A-Za-z])
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    table = {" ".join(k.lower().split()): v for k, v in {**prefix, **postfix}.items()}
    return before, after, table, frozenset(w.lower() for w in data["near_below"])


_OPENERS = "([,;:—–"
_MAX_WORDS = 4  # the longest qualifier phrase, in words ("slightly more than" is 3)


@functools.cache
def _last_words() -> frozenset[str]:
    return frozenset(phrase.split()[-1] for phrase in _patterns()[2])


@functools.cache
def _longer_counts() -> dict[str, tuple[int, ...]]:
    """For each last word, the word counts (2 to ``_MAX_WORDS``) of the phrases ending in it,
    most first: "of" -> (3, 2) for "in excess of" and "upwards of"."""
    counts: dict[str, set[int]] = {}
    for phrase in _patterns()[2]:
        words = phrase.split()
        if 2 <= len(words) <= _MAX_WORDS:
            counts.setdefault(words[-1], set()).add(len(words))
    return {word: tuple(sorted(c, reverse=True)) for word, c in counts.items()}


def qualifier_before(text: str, start: int) -> QualifierReading | None:
    """The qualifier phrase ending right before ``text[start:]``, if any.

    The phrase is read from the last words of the 40 characters before ``start`` (longest
    phrase first); the words are ``str.split``'s, which splits on the same white space as
    ``re``'s ``\\s``.

    >>> qualifier_before("valuing it at over $3.2bn", 19)
    QualifierReading(qualifier='over', near=False, length=5)
    >>> qualifier_before("for nearly four hundred", 11).near
    True
    >>> qualifier_before("bought $5m", 7) is None
    True
    """
    if start <= 0 or not text[start - 1].isspace():
        return None  # a qualifier is a word, followed by a space, before the figure
    window = text[max(0, start - 40) : start]
    words = window.split()
    if not words or words[-1].lower().lstrip(_OPENERS) not in _last_words():
        return None  # cheap test: most figures follow "for", "of", "at" ...
    _before, _after, table, near = _patterns()
    # Longest phrase first: "just over" before "over", "more than" before "than". A phrase of
    # n >= 2 words ends with the last word as it stands (only the first word loses an opening
    # bracket), so only the counts of the phrases ending in that word can match.
    for n in (*_longer_counts().get(words[-1].lower(), ()), 1):
        if n > len(words):
            continue
        lowers = [w.lower() for w in words[-n:]]
        first = lowers[0].lstrip(_OPENERS)
        phrase = " ".join([first, *lowers[1:]])
        qualifier = table.get(phrase)
        if qualifier is not None:
            # Where the phrase's first word starts: each word is the last occurrence of itself
            # before the next one (only white space follows it, and it holds none).
            pos = len(window)
            for word in reversed(words[-n:]):
                pos = window.rfind(word, 0, pos)
            offset = pos + len(lowers[0]) - len(first)
            return QualifierReading(
                cast(Qualifier, qualifier), phrase in near, len(window) - offset
            )
    return None


def qualifier_after(text: str, end: int) -> QualifierReading | None:
    """The qualifier phrase right after ``text[:end]`` ("$5bn or more").

    >>> qualifier_after("$5bn or more.", 4).qualifier
    'at_least'
    >>> qualifier_after("$3bn at most.", 4).qualifier
    'up_to'
    """
    tail = text[end : end + 12]
    if "or" not in tail and "plus" not in tail and "Or" not in tail and "at " not in tail:
        return None  # every postfix phrase holds one of these: skip the regex
    _before, after, table, _near = _patterns()
    m = after.match(text, end, min(len(text), end + 20))
    if m is None:
        return None
    phrase = " ".join(m["q"].lower().split())
    return QualifierReading(cast(Qualifier, table[phrase]), False, m.end() - end)


@functools.cache
def number_pattern() -> tuple[str, str]:
    """Regex sources for a number in digits and a number in words (no groups).

    NOTE: keep in sync with ``numbers.read_digits`` / ``numbers.read_number_words``, which
    read what these find.
    """
    digits = r"""
        (?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?  # 1,20,000 (Indian lakh grouping)
          |\d{1,3}(?:,\d{3})+(?:\.\d+)?     # 1,200,000.5
          |\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?  # 1.200.000 (European)
          |\d{1,3}(?:\.\d{3})+,\d+          # 1.200,50 (European)
          |\d+(?:[.,]\d+)?                  # 1200, 3.25, 1,5
        )(?![\d])
    """
    data = load_lexicon("numbers")
    scale_words = ["hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"]
    # A trie: the same matches as the flat alternation, far cheaper where nothing matches.
    word = trie_alternation([*data["units"], *data["tens"], *scale_words], ignore_case=True)
    scales = "|".join(scale_words)
    words = rf"""
        (?i:\b(?:an?[\s\u00a0]+)?                  # "a billion"
        (?:half[\s\u00a0-]+(?:an?[\s\u00a0]+)?(?=(?:{scales})\b))?  # "half a billion"
        (?:{word})                                  # "three"
        (?:(?:[\s\u00a0]+|-)(?:and[\s\u00a0]+)?(?:{word}))*  # "hundred and twenty-five million"
        \b)
    """
    return digits, words


@functools.lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """``text.lower()``, kept for the last few texts.

    The money, percent and date finders each search the lower-cased article (five times in
    all); lower-casing text with curly quotes or accents costs as much as a regex scan.
    """
    return text.lower()


@functools.lru_cache(maxsize=64)
def _lowered_pattern(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source.lower(), flags & ~re.IGNORECASE)


class WordAnchors:
    """Anchors for ``match_near`` that are literal words, found case-blind with ``str.find``.

    A regex alternation of words is tried at nearly every character of the article (its first
    letters are common ones); one ``str.find`` per word is many times cheaper. ``starts`` gives
    exactly the starts ``pattern.finditer`` gives: every occurrence of every alternative is
    listed, then, as ``finditer`` does, the leftmost is taken (the earliest alternative at one
    offset), the next search resumes at its end, and so on. Text whose lower case changes
    length is searched with ``pattern`` itself.

    The head's own hits come from ``head.finditer``, not from a match at every offset: head
    and word matches share no character (the head matches no letter, the words are letters),
    so a head hit is never passed over for a word hit or the reverse, and among head hits the
    greedy choice (the first at or after the last one's end) is what ``finditer`` finds.
    """

    def __init__(self, words: Sequence[str], *, head: str | None = None) -> None:
        """
        Args:
            words: the literal words (letters only when there is a head), in the order of
                the alternation.
            head: a regex alternative tried before the words (say ``[0-9]{4}``), matching no
                letter (so that lower-casing cannot change what it matches) and never empty.
        """
        self.words = tuple(w.lower() for w in words)
        if head and not all(w.isalpha() for w in self.words):
            raise ValueError("words beside a head must be letters only")
        alternatives = ([head] if head else []) + [re.escape(w) for w in self.words]
        self.pattern = re.compile("|".join(alternatives), re.IGNORECASE)
        self.head = re.compile(head) if head else None

    def starts(self, text: str) -> list[int]:
        """The start of each match of ``pattern.finditer(text)``, in order."""
        return [start for start, _ in self.hits(text)]

    def hits(self, text: str) -> list[tuple[int, bool]]:
        """``starts`` with, for each, whether the head (not a word) matched there."""
        lower = lowered(text)
        if len(lower) != len(text):
            # (Rare: no head hit is told apart, so ``match_near`` tries every start for it.)
            return [(m.start(), False) for m in self.pattern.finditer(text)]
        hits: list[tuple[int, int, int]] = []  # (start, alternative, end)
        if self.head is not None:
            hits += [(m.start(), 0, m.end()) for m in self.head.finditer(lower)]
        for k, word in enumerate(self.words, 1):
            i = lower.find(word)
            while i != -1:
                hits.append((i, k, i + len(word)))
                i = lower.find(word, i + 1)
        hits.sort()
        out: list[tuple[int, bool]] = []
        last_end = 0
        for start, k, end in hits:
            if start >= last_end and end > start:
                out.append((start, k == 0))
                last_end = end
        return out


#: Where a figure or phrase can start: a character that is not a space and does not continue
#: a word or number ("$" in " $5", "U" in "US$5", but not "S" in "US$5").
_START = re.compile(r"(?<![A-Za-z0-9])\S")


def match_near(
    pattern: re.Pattern[str],
    text: str,
    anchors: re.Pattern[str] | WordAnchors,
    reach: int,
    *,
    head_starts: bool = False,
) -> list[re.Match[str]]:
    """Leftmost non-overlapping matches of ``pattern`` that contain an anchor hit.

    Instead of trying ``pattern`` at every character (``finditer``), it is tried with
    ``match`` only at the start positions up to ``reach`` characters before each anchor
    (earliest first), which is what makes the quantity components cheap. Every phrase the
    pattern finds must contain an anchor (a digit, "%", a fraction or date word) and start at
    most ``reach`` characters before it.

    Args:
        head_starts: the caller knows that no match of ``pattern`` starting before a head hit
            of ``anchors`` (a ``WordAnchors``) runs past it, so only the hit itself is tried.

    >>> digits = re.compile(r"\\d+")
    >>> [m.group() for m in match_near(re.compile(r"US\\$\\d+m"), "pay US$5m", digits, 6)]
    ['US$5m']
    """
    found: list[re.Match[str]] = []
    last_end = 0
    if isinstance(anchors, WordAnchors):
        hits = anchors.hits(text) if head_starts else [(s, False) for s in anchors.starts(text)]
    else:
        hits = [(a, False) for a in _anchor_starts(text, anchors)]
    for pos, alone in hits:
        if pos < last_end:
            continue
        if alone:
            starts = [pos]
        else:
            lo = max(last_end, pos - reach)
            starts = [s.start() for s in _START.finditer(text, lo, pos)]
            starts.append(pos)
        m = first_match_past(pattern, text, starts, pos)
        if m is not None:
            found.append(m)
            last_end = m.end()
    return found


def _anchor_starts(text: str, anchors: re.Pattern[str] | WordAnchors) -> list[int]:
    if isinstance(anchors, WordAnchors):
        return anchors.starts(text)
    text_for_anchors = text
    if anchors.flags & re.IGNORECASE:
        # Case-insensitive alternations are slow in ``re``: search lower-case anchors in the
        # lower-cased text instead (same offsets unless a character changes length).
        lower = lowered(text)
        if len(lower) == len(text):
            anchors = _lowered_pattern(anchors.pattern, anchors.flags)
            text_for_anchors = lower
    return [a.start() for a in anchors.finditer(text_for_anchors)]


def first_match_past(
    pattern: re.Pattern[str], text: str, starts: list[int], pos: int
) -> re.Match[str] | None:
    """The match of ``pattern`` at the earliest of ``starts`` that runs past ``pos``.

    A match that ends at or before ``pos`` does not hold the anchor there, so it is skipped.

    Args:
        pattern: Tried with ``match`` at each start.
        text: The text the starts index into.
        starts: Candidate start positions, earliest first.
        pos: The anchor's position.

    Returns:
        The first such match, or None.
    """
    for start in starts:
        m = pattern.match(text, start)
        if m is not None and m.end() > pos:
            return m
    return None
