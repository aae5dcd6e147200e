"""word_trie: a trie alternation finds exactly what the flat longest-first alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parsing.word_trie import trie_alternation

_WORDS = st.lists(st.text(alphabet="ab c\t", min_size=1, max_size=5), min_size=1, max_size=8)


def _flat(words: list[str], space: str) -> str:
    """The plain alternation: longest first, ties in code-point order."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", space) for w in ordered)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="ab c\n\t", max_size=30))
def test_same_matches_as_the_flat_alternation(words: list[str], text: str) -> None:
    for space in (r"\s+", re.escape(" ")):
        # Followed by a boundary the pattern must accept, as the callers' patterns are.
        trie = re.compile(rf"(?:{trie_alternation(words, space=space)})(?![ab])")
        flat = re.compile(rf"(?:{_flat(words, space)})(?![ab])")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_phrases_take_any_white_space_unless_told_otherwise() -> None:
    loose = re.compile(trie_alternation(["chief executive", "chief"]))
    strict = re.compile(trie_alternation(["chief executive", "chief"], space=re.escape(" ")))
    assert loose.match("chief\nexecutive").group() == "chief\nexecutive"
    assert strict.match("chief\nexecutive").group() == "chief"
    assert trie_alternation(["", "x", "x"]) == "x"


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="aAbB c\t", min_size=1, max_size=5), min_size=1, max_size=8),
    text=st.text(alphabet="aAbB c\n\t", max_size=30),
)
def test_case_blind_trie_finds_what_the_case_blind_flat_alternation_finds(
    words: list[str], text: str
) -> None:
    # No boundary after the words: "Rand" must not win over "rands" on a case-blind prefix.
    trie = re.compile(trie_alternation(words, ignore_case=True), re.IGNORECASE)
    flat = re.compile(_flat(words, r"\s+"), re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_case_blind_words_beyond_ascii_keep_the_flat_alternation() -> None:
    assert trie_alternation(["Ä", "äb"], ignore_case=True) == "äb|Ä"


def test_flat_alternation_does_not_depend_on_the_hash_seed() -> None:
    # " " and "\t" have one length but " " stands for a run of white space: which is tried
    # first decides the match, so ties are ordered by code point, not by a set's order.
    for words in ([" ", "\t"], ["\t", " "]):
        pattern = re.compile(trie_alternation(words))
        assert pattern.pattern == re.escape("\t") + r"|\s+"
        assert pattern.match("\t ").span() == (0, 1)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.lists(st.text(alphabet="aAbB", min_size=1, max_size=3), min_size=1, max_size=3).map(
            " ".join
        ),
        min_size=1,
        max_size=8,
    ),
    text=st.text(alphabet="aAbB c\n\t", max_size=30),
)
def test_plain_phrases_share_one_trie(words: list[str], text: str) -> None:
    # Single spaces between letters: the trie itself (not the flat fall-back) is compared.
    assert trie_alternation(words, ignore_case=True) == trie_alternation(w.lower() for w in words)
    trie = re.compile(trie_alternation(words, ignore_case=True), re.IGNORECASE)
    flat = re.compile(_flat(words, r"\s+"), re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="aAb$ c\t", min_size=1, max_size=5), min_size=1, max_size=8),
    text=st.text(alphabet="aAb$ c\n\t1", max_size=30),
)
def test_not_after_matches_a_look_behind_before_the_alternation(
    words: list[str], text: str
) -> None:
    # The look-behind after each first character reads what one before the words reads.
    words = [w for w in words if not w[0].isspace()] or ["a"]
    for space in (r"\s+", re.escape(" ")):
        inner = trie_alternation(words, space=space, not_after="[A-Za-z]")
        moved = re.compile(rf"(?:{inner})(?![ab])")
        before = re.compile(rf"(?<![A-Za-z])(?:{_flat(words, space)})(?![ab])")
        assert [m.span() for m in moved.finditer(text)] == [m.span() for m in before.finditer(text)]
