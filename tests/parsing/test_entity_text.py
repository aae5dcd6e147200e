"""Name runs: reading a stretch of plain lower-case words as one step changes no run.

``find_name_runs`` skips the ``Word`` of every plain lower-case word; the reference below
builds every word with ``split_words`` and must give the same runs, with the same flags.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parsing import entity_text
from extractor.parsing.entity_text import NameRun, find_name_runs, split_words

_OF_HEADS = frozenset({"Bank", "University"})
_KEEP_DOTS = frozenset({"corp", "inc", "ltd", "co", "pte"})
_CONTINUERS = frozenset({"logistics", "holdings"})


def _reference_runs(text: str) -> list[NameRun]:
    """Runs from every word of every line (the behaviour before the plain-word shortcut)."""
    runs: list[NameRun] = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        words = split_words(line, line_start, keep_dots=_KEEP_DOTS)
        if not words or entity_text._line_is_shouting(words):
            continue
        headline = entity_text._line_is_headline(words)
        entity_text._mark_sentence_starts(words)
        runs.extend(entity_text._runs_of_line(text, words, _OF_HEADS, headline, _CONTINUERS))
    return runs


_TEXTS = [
    "Shares of Quernby Mills Corp. rose after the board of Tallow & Pike said it would sell.",
    "Maria de la Cruz and Pieter van der Berg joined Bank of Utopia from the University of Ostra.",
    "Quillby Freight plc and sandpiper ltd agreed a deal; merbau & co. logistics pte. ltd. won.",
    "Ostra Telecom Names New Chief for Its Kenya Unit\nthe company said on monday it had hired",
    "OSTRA DAILY NEWS\nstaff writers report that Tavrin-controlled RIVH bought q& and eBay units.",
    'He said: "Velmora will grow." Then Ms. Holt left — Lathrop’s shares fell, analysts said.',
    "a b c de Lima van of and y el Corto\n\n\nvan Dijk de Bruin (Pty) Ltd of Harrow",
    "the quick brown fox jumps over the lazy dog and the end",
    "Deal Agreed: Orchard Foods to buy Lantern stake from the Bank of Ostra for $5m",
    'rivals were told, "Velmora won." it said: Quernby left; a start-up\'s deal, (Tallow rose',
    "the state-owned firm grew. Velmora said so! de-facto plc, inc. Harrow and des' Ostra Ltd",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_runs_match_the_word_by_word_reference(text: str) -> None:
    got = find_name_runs(text, of_heads=_OF_HEADS, keep_dots=_KEEP_DOTS, continuers=_CONTINUERS)
    expected = _reference_runs(text)
    assert [dataclasses.asdict(r) for r in got] == [dataclasses.asdict(r) for r in expected]


def test_a_plain_stretch_cuts_a_run_and_starts_no_sentence() -> None:
    runs = find_name_runs("Velmora and its partner Quorn Bay said")
    assert [(r.text, r.sentence_initial) for r in runs] == [("Velmora", True), ("Quorn Bay", False)]


def test_headline_counts_plain_words() -> None:
    assert [r.headline for r in find_name_runs("Ostra Buys Velmora Stake in Kenya")] == [True, True]
    assert not any(r.headline for r in find_name_runs("Ostra said it would buy a stake"))


def test_words_with_one_mark_keep_their_flags() -> None:
    words = split_words('"We said: year. Corp. Mr. B. 2024 Why? fine; Inc.', 0, keep_dots={"corp"})
    flags = [(w.text, w.opened, w.closed, w.ends_sentence, w.legal_end) for w in words]
    assert flags == [
        ("We", True, False, False, False),
        ("said", False, True, False, False),
        ("year", False, False, True, False),
        ("Corp.", False, False, False, True),
        ("Mr.", False, False, False, False),
        ("B.", False, False, True, False),
        ("2024", False, False, False, False),
        ("Why", False, True, True, False),
        ("fine", False, True, False, False),
        ("Inc.", False, False, False, False),
    ]


def test_the_plain_word_pattern_holds_the_trie_of_the_joiners_and_legal_forms() -> None:
    """``_LINE_TOKENS`` spells the words a plain stretch must not start with as a trie: it
    must be the trie of exactly those words (the joiners, "of" and the lower-case legal
    forms)."""
    from extractor.parsing.word_trie import trie_alternation

    words = entity_text._NAME_JOINERS | {"of", "plc", "llc", "inc", "ltd"}
    compact = "".join(entity_text._LINE_TOKENS.pattern.split())  # (a verbose pattern)
    assert f"(?!{trie_alternation(words)}(?![a-z]))" in compact


#: ``_LINE_TOKENS`` before bare joiners joined a plain stretch: every joiner was a word.
_JOINERS_AS_WORDS = re.compile(
    r"""
    (?P<plain>(?:
        (?!(?:al|bin|d(?:a(?:s)?|e(?:(?:l(?:la)?|n|r|s))?|i|o(?:s)?|u)|el|inc|l(?:a|e|lc|td)
            |of|plc|v(?:an|on)|y)(?![a-z]))
        [a-z][^\sA-Z&]*(?!\S)\s*
    )+)
    | \S+
    """,
    re.VERBOSE,
)
_LINE_PIECES = st.sampled_from(
    ["the", "firm", "of", "of,", "of:", "of:-based", "de", "de-facto", "van", "inc.", "inc",
     "plc", "y", "della", "dell", "often", "said:", "said:-based", "year.", "Velmora",
     "Bank", "Ostra", "Lima", "&", "q&", "\"We", "(Pty)", "Ltd", "Corp.", "2024", "—", "\n"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=14), st.lists(st.sampled_from([" ", "  "]), max_size=14))
def test_bare_joiners_in_a_plain_stretch_change_no_run(pieces: list[str], gaps: list[str]) -> None:
    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(pieces))
    got = find_name_runs(text, of_heads=_OF_HEADS, keep_dots=_KEEP_DOTS, continuers=_CONTINUERS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(entity_text, "_LINE_TOKENS", _JOINERS_AS_WORDS)
        expected = find_name_runs(
            text, of_heads=_OF_HEADS, keep_dots=_KEEP_DOTS, continuers=_CONTINUERS
        )
    assert [dataclasses.asdict(r) for r in got] == [dataclasses.asdict(r) for r in expected]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Ostra", "Buys", "Bank", "of", "the", "firm", "2024", "—"])))
def test_headline_shortcut_is_the_count(words: list[str]) -> None:
    line = " ".join(words)
    parsed, plain = entity_text._line_words(line, 0, frozenset())
    alpha = [w.text for w in parsed if w.text[:1].isalpha()]
    total = len(alpha) + plain
    capital = sum(1 for t in alpha if t[0].isupper())
    expected = total >= 4 and capital / total >= 0.75
    assert entity_text._line_is_headline(parsed, plain) == expected
