"""Context patterns of the entity evidence: the shortcuts that make them cheap give the same
answers as running every pattern over the whole context.

Contexts are built from the lexicons' own words (titles, descriptors) and invented filler,
with a fixed seed, so each test checks thousands of combinations in well under a second.
"""

from __future__ import annotations

import doctest
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components import entity_evidence, entity_patterns, entity_references
from extractor.components.entity_evidence import _title_may_end, _word_start
from extractor.components.entity_patterns import opening_chars, vocabulary
from extractor.lexicons import load_lexicon

_FILLER = ["the", "a", "of", "at", "for", "with", "and", "is", "was", ",", "in", "stake",
           "per cent", "%", "invested", "$5m", "more", "said", "Halvard", "Quorn-Bay", "(",
           "state", "railway", "regulator", "investor", "co-", "such as", "brands",
           "told", "head of", "chief", "officer", "spokeswoman", "shareholders", "owner",
           "m&a", "co-founder"]  # fmt: skip
_SEPARATORS = [" ", " ", " ", "  ", ", ", " , ", "-", "\t"]


def _contexts(n: int, seed: int) -> list[str]:
    roles = load_lexicon("roles")
    words = load_lexicon("company_words")
    pool = (
        roles["heads"]
        + roles["modifiers"]
        + roles["field_heads"]
        + [f"head of {h}" for h in roles["head_of"]]
        + words["descriptor_nouns"]
        + _FILLER
    )
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(pool) for _ in range(rng.randint(1, 10))]
        parts = [p.title() if rng.random() < 0.2 else p for p in parts]
        text = "".join(p + rng.choice(_SEPARATORS) for p in parts)
        out.append(text[-90:])
    return out


@pytest.mark.parametrize("module", [entity_patterns, entity_evidence], ids=lambda m: m.__name__)
def test_module_doctests_pass(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def test_left_search_from_the_last_words_finds_the_same_matches() -> None:
    vocab = vocabulary()
    matched = title_ends = 0
    for left in _contexts(1500, seed=1):
        for (pattern, _, _), span, precheck, ends in zip(
            vocab.left, vocab.left_spans, vocab.left_prechecks, vocab.left_title_ends, strict=True
        ):
            pos = 0 if span is None else _word_start(left, span)
            full = bool(pattern.search(left))
            short = bool(pattern.search(left, pos))
            if precheck is not None and left.isascii():
                # The precheck is a necessary condition: never false where the pattern matches.
                found = precheck.search(left.lower(), pos)
                assert not full or found, left
                # ... whose first match is where the pattern's search may start.
                assert not found or bool(pattern.search(left, found.start())) == full, left
            if ends is not None and left.isascii():
                # So is the test of the role's last word, tried before it.
                assert not full or _title_may_end(left.lower(), pos, *ends), left
                title_ends += full
            assert short == full, left
            matched += full
    assert matched > 300  # the contexts do exercise the patterns
    assert title_ends > 20


def test_job_title_patterns_need_only_the_title_at_the_end() -> None:
    vocab = vocabulary()
    person_after_title = vocab.left[0][0]
    left = "said on Tuesday that the senior executive vice president and chief executive officer, "
    pos = _word_start(left, vocab.left_spans[0])
    assert pos > 0
    assert person_after_title.search(left, pos)
    assert not person_after_title.search("as the investor, ", 0)


def test_right_patterns_are_grouped_by_a_first_character_they_can_match() -> None:
    vocab = vocabulary()
    for pattern, _, _ in vocab.right:
        assert opening_chars(pattern.pattern) is not None, pattern.pattern
        assert not _top_level_bar(pattern.pattern), pattern.pattern
    endings = ["'s shares fell", " said in a statement", " (NYSE: QRN)", ", the Oslo-based group",
               ", a descendant of", " told analysts", ", who stepped down as", " family",
               " airport", " brand", " has agreed to buy", "’s chief executive", "\u00a0said",
               ".", "", "-based", ", M.D., chief executive of",
               " is being acquired by"]  # fmt: skip
    matched = 0
    for right in endings:
        first = right[:1]
        group = vocab.right_by_first.get(" " if first.isspace() else first, vocab.right_other)
        every = [p for p in vocab.right if p[0].match(right)]
        assert [p for p in group if p[0].match(right)] == every, right
        matched += bool(every)
    assert matched >= 14


def _top_level_bar(pattern: str) -> bool:
    """Whether a regex has a "|" outside every group and character class."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def test_top_level_bar() -> None:
    assert _top_level_bar("^a|b")
    assert not _top_level_bar(r"^(?:a|b)[|]\|")


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [("stake in the ", 2, 6), ("in the ", 2, 0), ("  a  b c", 2, 5), ("", 1, 0), ("a b", 1, 2)],
)
def test_word_start(text: str, n: int, expected: int) -> None:
    assert _word_start(text, n) == expected


def test_descriptor_trie_matches_like_the_longest_first_alternation() -> None:
    nouns = load_lexicon("company_words")["descriptor_nouns"]
    flat = re.compile(
        r"\b(?:"
        + "|".join(re.escape(n) for n in sorted(set(nouns), key=len, reverse=True))
        + r")\b"
    )
    trie = entity_references._descriptor_pattern()
    rng = random.Random(3)
    words = [*nouns, "the", "a", "-", "s", "Group", "asset", "investment"]
    for _ in range(2000):
        text = " ".join(rng.choice(words) + rng.choice(["", "", "s", "-", "'s"]) for _ in range(8))
        assert trie.findall(text) == flat.findall(text), text


def test_words_before_a_name_read_from_the_reversed_text() -> None:
    search_form = re.compile(r"((?:[\w-]+\s+){0,3})$")
    rng = random.Random(5)
    alphabet = ["a", "b", "-", "_", " ", "  ", "\t", ",", "é", "1", "x-y", "\u00a0", "."]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        reversed_match = entity_references._WORDS_BEFORE_REVERSED.match(text[::-1])
        assert reversed_match is not None
        assert reversed_match.group()[::-1] == search_form.search(text).group(1), text  # type: ignore[union-attr]


def test_a_screen_fails_only_where_every_light_pattern_of_its_group_fails() -> None:
    vocab = vocabulary()
    endings = ["'s shares fell", " said in a statement", " (NYSE: QRN)", ", the Oslo-based group",
               ", a descendant of", " told analysts", ", who stepped down as", " family",
               " airport", " brand", " has agreed to buy", "’s chief executive", "\u00a0said",
               " went home", ", which", ", M.D., chief executive of", " will buy the rest",
               "'s own", ", Norway's biggest lender", " is being acquired by"]  # fmt: skip
    screened = 0
    for right in endings:
        first = right[:1]
        key = " " if first.isspace() else first
        group = vocab.right_by_first[key]
        screen, heavy = vocab.right_screens[key].pattern, vocab.right_screens[key].heavy
        light = [p for p in group if p not in heavy]
        assert bool(screen.match(right)) == any(p[0].match(right) for p in light), right
        assert [p for p in group if p in heavy] == list(heavy)
        screened += not screen.match(right)
    assert screened >= 3


_RIGHT_PIECES = st.sampled_from(
    ["'s", "’s", " ", "  ", ",", " shares", " said", " in", " a", " statement", " the",
     " Oslo-based", " group", " chief", " executive", " told", " family", " airport",
     " brand", " has", " agreed", " to", " buy", " is", " being", " acquired", " by",
     " Norway's", " biggest", " lender", " founder", " who", " stepped", " down", " as",
     " M.D.", " regulator", " (NYSE: QRN)", " billionaire", " stake", " analyst", " at"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_RIGHT_PIECES, min_size=1, max_size=10))
def test_screened_points_are_the_points_of_every_matching_pattern(pieces: list[str]) -> None:
    """After a screen matches, the patterns before its first matching light pattern are
    skipped: the points are still those of every pattern of the group that matches."""
    vocab = vocabulary()
    right = "".join(pieces)
    first = right[:1]
    key = " " if first.isspace() else first
    screen = vocab.right_screens.get(key)
    if screen is None:
        return
    expected = [(k, p) for pattern, k, p in vocab.right_by_first[key] if pattern.match(right)]
    points: list[tuple[str, float]] = []
    entity_evidence._screened_points(right, screen, points)
    assert points == expected


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="abcXY ’'-.,\n", max_size=60),
    words=st.lists(st.text(alphabet="abcX’'-", min_size=1, max_size=5), max_size=8),
)
def test_common_words_answer_as_the_set_of_lower_case_words(text: str, words: list[str]) -> None:
    """``_CommonWords`` finds the lower-case words only when asked about a piece of the
    text; its answers are those of the set it stands for."""
    extra = frozenset({"ab"})
    plain = set(entity_evidence.LOWER_WORD.findall(text)) | extra
    lazy = entity_evidence._CommonWords(text, frozenset({"ab"}))
    headline = lazy.with_extra(frozenset({"ca"}))
    for word in words:
        assert (word in lazy) == (word in plain)
        assert (word in headline) == (word in plain | {"ca"})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "The", "both", "Both", "x", "9", "_", "two", "firm", "Group",
                         "bank", "-", " ", "  ", ",", "é", "\n", "combined"]),
        max_size=16,
    )
)  # fmt: skip
def test_reference_pattern_finds_what_the_plain_word_start_finds(parts: list[str]) -> None:
    """The reference pattern opens each branch with its letter (so ``re`` can scan for it);
    it finds the same references as the plain "\\b[Tt]he|\\b[Bb]oth" opening."""
    text = "".join(parts)
    pattern = entity_references._REFERENCE.pattern
    body = pattern.split("(?P<det>", 1)[1].split("\n", 1)[1]  # the lines after the det group
    plain = re.compile(r"(?=[TtBb])\b(?P<det>[Tt]he|[Bb]oth)\s+" + body, re.VERBOSE)
    found = [(m.span(), m.groupdict()) for m in entity_references._REFERENCE.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["such", "as", " ", "includ", "ed", "like", "lik", ":", "x"])))
def test_list_cue_substrings_are_the_pattern(parts: list[str]) -> None:
    folded = "".join(parts)
    assert entity_evidence._has_list_cue(folded) == bool(entity_evidence._LIST_CUE.search(folded))


def test_title_tails_searched_from_their_last_words_find_the_same_match() -> None:
    """``_title_may_end`` starts its search within the last ``TAIL_WORDS`` words: the same
    answer as the search from ``pos``."""
    vocab = vocabulary()
    tested = passed = 0
    for left in _contexts(1500, seed=7):
        lowered = left.lower()
        for span, ends in zip(vocab.left_spans, vocab.left_title_ends, strict=True):
            if ends is None or not left.isascii():
                continue
            tail, words = ends
            assert tail.pattern in entity_patterns.TAIL_WORDS
            for pos in {0, _word_start(left, span or 1), len(left) // 2}:
                m = tail.search(lowered, pos)
                plain = m is not None and (
                    m.group(1) in words or lowered.find("head", pos, m.end(1)) >= 0
                )
                assert _title_may_end(lowered, pos, tail, words) == plain, (left, pos)
                tested += 1
                passed += plain
    assert tested > 1000 and passed > 100


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z9_%&-,:'‘\"“.é\t()")), max_size=30))
def test_last_two_words_read_backwards_are_the_last_two_found(tail: str) -> None:
    expected = tuple(entity_evidence._LAST_WORDS.findall(tail)[-2:])
    assert entity_evidence._last_words(tail) == expected
