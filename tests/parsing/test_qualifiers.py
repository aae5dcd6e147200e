"""qualifiers: WordAnchors finds the starts the case-blind regex alternation finds, and
qualifier_before reads what the plain reader reads."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parsing import dates, percents, qualifiers
from extractor.parsing.qualifiers import (
    QualifierReading,
    WordAnchors,
    match_near,
    qualifier_before,
)

#: The anchor regexes the date and percent finders searched before ``WordAnchors``.
_DATE_REGEX = re.compile(
    r"[0-9]{4}|year|decade|month|week|quarter|j(?:anuary|une|uly)|february|ma(?:rch|y)"
    r"|a(?:pril|ugust)|september|october|november|december",
    re.IGNORECASE,
)
_FRACTION_REGEX = re.compile(
    r"half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth", re.IGNORECASE
)
_STAKE_REGEX = re.compile(r"majority|minority|controlling", re.IGNORECASE)

# Pieces of the anchor words, in both cases, digits, and "İ" (its lower case is longer).
_TEXT = st.lists(
    st.sampled_from(
        ["year", "YEAR", "yea", "r", "s", "May", "mar", "ch", "quarter", "QUARTER", "half",
         "ha", "lf", "majority", "minor", "ity", "201", "9", "2019", " ", "-", "İ", "third",
         "ThirD", "decade", "week", "june", "july", "controlling", "e", "\n"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_word_anchors_find_what_the_regex_alternation_finds(text: str) -> None:
    assert dates._ANCHORS.starts(text) == _starts(_DATE_REGEX, text)
    assert percents._WORD_ANCHORS.starts(text) == _starts(_FRACTION_REGEX, text)
    assert percents._QUALITATIVE_ANCHORS.starts(text) == _starts(_STAKE_REGEX, text)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abAB", min_size=1, max_size=4), min_size=1, max_size=5),
    text=st.text(alphabet="abABİ ", max_size=30),
)
def test_overlapping_words_resolve_as_finditer_does(words: list[str], text: str) -> None:
    # Words that are prefixes of one another, or overlap: the earliest alternative wins.
    anchors = WordAnchors(words, head="[0-9]{2}")
    assert anchors.starts(text) == _starts(anchors.pattern, text)


def test_match_near_takes_word_anchors() -> None:
    pattern = re.compile(r"a\s+quarter\s+of")
    text = "It sold A Quarter of it, then a quarter of the rest."
    found = match_near(pattern, text, WordAnchors(["quarter"]), 10)
    assert [m.start() for m in found] == [text.index("a quarter")]


def _qualifier_before_plain(text: str, start: int) -> QualifierReading | None:
    """``qualifier_before`` as first written: every word count, words found by a regex."""
    if start <= 0 or not text[start - 1].isspace():
        return None
    window = text[max(0, start - 40) : start]
    _before, _after, table, near = qualifiers._patterns()
    tokens = [(m.start(), m.group().lower()) for m in re.finditer(r"\S+", window)]
    for n in range(min(4, len(tokens)), 0, -1):
        first = tokens[-n][1].lstrip("([,;:—–")
        phrase = " ".join([first, *(t for _, t in tokens[len(tokens) - n + 1 :])])
        qualifier = table.get(phrase)
        if qualifier is not None:
            offset = tokens[-n][0] + len(tokens[-n][1]) - len(first)
            return QualifierReading(qualifier, phrase in near, len(window) - offset)  # type: ignore[arg-type]
    return None


# Qualifier words, openers, odd white space and characters whose lower case is longer.
_PHRASE_TEXT = st.lists(
    st.sampled_from(
        ["more", "than", "More", "THAN", "just", "over", "in", "excess", "of", "up", "to",
         "close", "a", "minimum", "at", "least", "some", "approx.", "-plus", "or", "so", "(",
         "(over", "[about", "—", ",", "İ", "Σ", " ", "  ", "\u00a0", "\u2003", "\n", "$5m",
         "shy", "nearly", "slightly", "less", "no"]
    ),
    max_size=20,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=_PHRASE_TEXT)
def test_qualifier_before_reads_what_the_plain_reader_reads(text: str) -> None:
    for start in range(len(text) + 1):
        assert qualifier_before(text, start) == _qualifier_before_plain(text, start)
