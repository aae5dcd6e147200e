"""Cue patterns that run only when the text holds one of their key words.

Most cue patterns are long case-insensitive alternations of phrases ("called off", "walked
away", ...). Python's ``re`` cannot skip ahead to a likely start for those, so a search costs
a try of every phrase at every character, and most searches find nothing. A match must
contain the first word of one of its phrases as a whole word, so when the set of words of the
text has none of them the answer is known without running the pattern.

Exactness: words are the ``[a-z]+`` runs of the lower-cased text. Under ``re.I`` an ASCII
letter of a pattern also matches "ſ", "ı" and "İ", which do not lower-case to that letter;
a text holding one of them is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

WORD = re.compile(r"[a-z]+")


def _plain(text: str) -> bool:
    """Does ``text`` hold none of the odd-case letters "ſ", "ı" and "İ"? (Three substring
    tests: a character class search costs ten times as much.)"""
    return text.isascii() or ("ſ" not in text and "ı" not in text and "İ" not in text)


#: bytes.translate table: a-z kept, every other byte a space (see ``all_words``).
_NON_LETTERS = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))


def letter_runs(text: str) -> frozenset[str]:
    """The ``[a-z]+`` runs of ``text`` lower-cased."""
    # The same runs as ``WORD.findall(text.lower())`` at half the cost: every byte but a-z
    # becomes a space (a non-ASCII character first becomes "?"), then one split.
    return frozenset(
        text.lower().encode("ascii", "replace").translate(_NON_LETTERS).decode("ascii").split()
    )


#: This document's texts and their words (``all_words``), dropped by ``forget_words``.
_known: dict[str, frozenset[str]] = {}
#: Past this many texts ``all_words`` starts afresh: a bound for callers that never say a new
#: document starts (the deal finder does, and keeps far fewer per document).
_KNOWN_MAX = 4096
#: The sentence being read and its words (see ``read_in``).
_scope: tuple[str, frozenset[str]] = ("", frozenset())
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def all_words(text: str) -> frozenset[str]:
    """``letter_runs(text)``, kept for the current document (see ``forget_words``): the frame
    rules test many patterns on the same few windows of a sentence."""
    words = _known.get(text)
    if words is None:
        if len(_known) >= _KNOWN_MAX:
            _known.clear()
        words = _known[text] = letter_runs(text)
    return words


def words_of(text: str) -> frozenset[str] | None:
    """``all_words(text)``, or None when ``text`` holds an odd-case letter (no gating)."""
    if not _plain(text):
        return None
    return all_words(text)


def read_in(sentence: str) -> frozenset[str]:
    """Name the sentence the next searches read pieces of (see ``_absent_in_scope``).

    Returns:
        the sentence's words (``all_words``).
    """
    global _scope
    words = all_words(sentence)
    _scope = (sentence, words)
    return words


def forget_words() -> None:
    """Drop the words kept for the previous document."""
    global _scope
    _known.clear()
    _scope = ("", frozenset())


def _absent_in_scope(keys: frozenset[str], text: str) -> bool:
    """True when ``text`` is a piece of the sentence being read (``read_in``) and holds none
    of ``keys``, told without working out the words of ``text``.

    Every ``[a-z]+`` run of a piece of the sentence is either a whole run of the sentence (a
    non-letter, inside the piece, on each side of it) or the piece's first or last run (cut
    off, perhaps, where the piece starts or ends). So when the sentence's words hold no key,
    only those two runs can (lower-casing works character by character, as ``letter_runs``
    reads it). A False answer says nothing: the caller works the words out.
    """
    sentence, words = _scope
    if not keys.isdisjoint(words) or text not in sentence:
        return False
    lower = text.lower()
    first = lower[: len(lower) - len(lower.lstrip(_LETTERS))]
    last = lower[len(lower.rstrip(_LETTERS)) :]
    return first not in keys and last not in keys


def joint_keys(*gates: Gated) -> frozenset[str] | None:
    """The keys of several gated patterns together, or None when one of them is not gated: a
    text holding none of these words matches none of the patterns (see ``absent``)."""
    keys: set[str] = set()
    for gate in gates:
        if gate.keys is None:
            return None
        keys |= gate.keys
    return frozenset(keys)


def absent(keys: frozenset[str] | None, text: str) -> bool:
    """Can no pattern gated by some of ``keys`` match ``text``? The test ``Gated.search``
    makes first, made once for a group of patterns (``joint_keys``)."""
    if keys is None or not (text.isascii() or _plain(text)):
        return False
    words = _known.get(text)
    if words is None:
        if _absent_in_scope(keys, text):
            return True
        words = all_words(text)
    return keys.isdisjoint(words)


def key_words(phrases: Iterable[str], *, bounded_right: bool = True) -> frozenset[str] | None:
    """One key word per phrase (its longest ``[a-z]+`` run that must stand whole in a match),
    or None when some phrase has none.

    A run stands whole when a non-letter of the phrase, or a boundary of the pattern, is on
    each side of it: the pattern puts a word boundary (or white space) before every phrase,
    and after it too when ``bounded_right``. The longest run is the rarest in practice ("in
    talks" is keyed by "talks", not "in").

    Args:
        phrases: the phrases of the pattern's alternation, as written in the lexicon.
        bounded_right: the pattern has a word boundary (or white space) after each phrase.
    """
    keys: set[str] = set()
    for phrase in phrases:
        lower = phrase.lower()
        runs = [m for m in WORD.finditer(lower) if bounded_right or m.end() < len(lower)]
        if not runs:
            return None
        keys.add(max(runs, key=lambda m: m.end() - m.start()).group())
    return frozenset(keys)


def first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first ``[a-z]+`` run of each phrase (lower-cased), or its first character when
    that is ASCII and no letter ("% of", "'ll": ``re.I`` matches it as itself); None when
    some phrase opens otherwise (see ``Gated``'s ``firsts``)."""
    firsts: set[str] = set()
    for phrase in phrases:
        m = WORD.match(phrase.lower())
        if m is not None:
            firsts.add(m.group())
        elif phrase[:1].isascii() and not phrase[:1].isalpha() and not phrase[:1].isspace():
            firsts.add(phrase[0])
        else:
            return None
    return frozenset(firsts)


def word_at(lower: str, word: str) -> list[int]:
    """Where ``word`` stands in ``lower`` as a whole ``[a-z]+`` run."""
    out: list[int] = []
    size = len(lower)
    pos = lower.find(word)
    while pos >= 0:
        end = pos + len(word)
        if (pos == 0 or not "a" <= lower[pos - 1] <= "z") and (
            end == size or not "a" <= lower[end] <= "z"
        ):
            out.append(pos)
        pos = lower.find(word, pos + 1)
    return out


class Gated:
    r"""A compiled pattern that is only run when ``words_of(text)`` meets its ``keys``.

    Args:
        pattern: the compiled pattern.
        keys: words of which every match holds one as a whole ``[a-z]+`` run (see
            ``key_words``); None runs the pattern every time.
        firsts: for a pattern whose every match starts at a word boundary with one of its
            literal phrases (``\b(?:a|b c)``, ``(?<![\w-])(?:...)``): the phrases' first words
            (``first_words``). A ``re.I`` alternation cannot be scanned for, so ``search``
            then tries the pattern only where one of those words stands: the same leftmost
            match (as ``deal_triggers._finditer`` does for triggers).
    """

    __slots__ = ("firsts", "keys", "leads", "pattern")

    def __init__(
        self,
        pattern: re.Pattern[str],
        keys: frozenset[str] | None,
        firsts: frozenset[str] | None = None,
    ) -> None:
        self.pattern = pattern
        self.keys = keys
        self.firsts = firsts
        #: first characters of the phrases that open with no letter: found wherever they are
        self.leads = tuple(f for f in firsts or () if not WORD.fullmatch(f))

    def _starts(self, text: str, words: frozenset[str]) -> list[int] | None:
        """Where a match of a ``firsts`` pattern can start in ``text`` (free of odd-case
        letters, ``words`` its words), or None when offsets of ``text.lower()`` are not those
        of ``text``."""
        lower = text.lower()
        if self.firsts is None or len(lower) != len(text):
            return None
        here = self.firsts.intersection(words)
        if len(here) == 1 and not self.leads:
            return word_at(lower, next(iter(here)))
        starts = [p for word in here for p in word_at(lower, word)]
        for lead in self.leads:
            pos = lower.find(lead)
            while pos >= 0:
                starts.append(pos)
                pos = lower.find(lead, pos + 1)
        return sorted(starts)

    def _absent(self, text: str) -> bool:
        return absent(self.keys, text)

    def search(self, text: str) -> re.Match[str] | None:
        keys = self.keys
        if keys is not None and (text.isascii() or _plain(text)):
            # ``absent``, written out: this is called thousands of times
            words = _known.get(text)
            if words is None:
                if _absent_in_scope(keys, text):
                    return None
                words = all_words(text)
            if keys.isdisjoint(words):
                return None
            starts = self._starts(text, words)
            if starts is not None:
                match = self.pattern.match
                for pos in starts:
                    m = match(text, pos)
                    if m:
                        return m
                return None
        return self.pattern.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        keys = self.keys
        if keys is not None and (text.isascii() or _plain(text)):
            words = _known.get(text)
            if words is None:
                if _absent_in_scope(keys, text):
                    return iter(())
                words = all_words(text)
            if keys.isdisjoint(words):
                return iter(())
            starts = self._starts(text, words)
            if starts is not None:
                return self._finditer_at(text, starts)
        return self.pattern.finditer(text)

    def _finditer_at(self, text: str, starts: list[int]) -> Iterator[re.Match[str]]:
        end = 0
        for pos in starts:
            if pos < end:
                continue  # inside the previous match: finditer goes on after it
            m = self.pattern.match(text, pos)
            if m:
                end = m.end()
                yield m

    def sub(self, repl: str, text: str) -> str:
        return text if self._absent(text) else self.pattern.sub(repl, text)
