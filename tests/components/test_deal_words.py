"""Key-word gating of cue patterns: a gated search must answer exactly as the bare pattern."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components.deal_patterns import PAYMENT_FORMS, frame_patterns
from extractor.components.deal_roles import role_patterns
from extractor.components.deal_triggers import (
    _aligned,
    _finditer,
    all_words,
    find_triggers,
    trigger_patterns,
)
from extractor.components.deal_words import (
    Gated,
    absent,
    first_words,
    forget_words,
    joint_keys,
    key_words,
    letter_runs,
    read_in,
    words_of,
)

#: Words of the cue lists, near misses ("partake", "Overbid") and letters that match ASCII
#: letters under re.I without lower-casing to them ("ſ", "ı", "İ", the Kelvin sign).
_VOCAB = [
    "called off", "Called Off", "walked away", "plans to", "may", "May", "offer", "Offers",
    "bid", "overbid", "bidder", "option", "the company", "its", "it's", "revenue of about",
    "profit", "market value", "worth", "valued at", "valuing", "a valuation of", "stake",
    "shares", "a share", "in new shares", "majority stake", "up to", "will", "'ll", "won't",
    "no plans", "take over", "takeover", "partake", "acquisition of", "bought", "sold",
    "raised", "holding in", "will rise to", "last year", "in March", "mid-April", "today",
    "Ltd", "X", "ſold", "bıd", "İt", "\u212aeep", "$3bn", "45%", "%", ",", ".", ";", "-",
    "(", ")", "'s", "’s", "\n", "  ", "in talks", "talks", "in", "of", "at", "per cent of",
    "valued by investors at", "investors", "break fee of", "on Monday", "this week", "co-led the",
]  # fmt: skip

texts = st.lists(st.sampled_from(_VOCAB), max_size=14).map(" ".join) | st.lists(
    st.sampled_from(_VOCAB), max_size=14
).map("".join)


def _gated() -> list[Gated]:
    fp, rp = frame_patterns(), role_patterns()
    return [
        *fp.status.values(),
        fp.exercised,
        fp.negation,
        fp.present,
        fp.acquisition_word,
        fp.stake_word,
        fp.pronoun,
        fp.anaphor,
        fp.relation_of,
        fp.holding_near,
        fp.past_relative_re,
        fp.month_re,
        fp.agent,
        fp.source,
        fp.recipient,
        fp.partner,
        fp.passive,
        *rp.before.values(),
        rp.worth_deal,
        rp.price_cue,
        rp.valuation_cue,
        rp.change_before,
        rp.any_after,
        PAYMENT_FORMS,
    ]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_gated_patterns_answer_as_the_bare_pattern(text: str) -> None:
    for gated in _gated():
        bare = gated.pattern.search(text)
        found = gated.search(text)
        assert (found and found.span()) == (bare and bare.span()), gated.pattern.pattern[:60]
        assert _spans(gated.finditer(text)) == _spans(gated.pattern.finditer(text))
        assert gated.sub(" ", text) == gated.pattern.sub(" ", text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_trigger_search_at_first_words_finds_what_finditer_finds(text: str) -> None:
    pats = trigger_patterns()
    lower = text.lower()
    at = lower if _aligned(text, lower) else None
    words = all_words(text)
    for family, pattern in pats.families.items():
        firsts = pats.family_words[family]
        got = _spans(_finditer(pattern, text, at, firsts, words))
        assert got == _spans(pattern.finditer(text)), family
    got = _spans(_finditer(pats.holding_rises, text, at, pats.holding_words, words))
    assert got == _spans(pats.holding_rises.finditer(text))


def test_gate_skips_a_text_without_key_words_and_keeps_odd_case_text() -> None:
    gated = Gated(re.compile(r"\b(?:called\s+off|sold)\b", re.I), key_words(["called off", "sold"]))
    assert gated.keys == frozenset({"called", "sold"})
    assert words_of("The talks went on.") == frozenset({"the", "talks", "went", "on"})
    assert gated.search("The talks went on.") is None
    assert gated.search("The deal was CALLED OFF.") is not None
    # "ſold" matches "sold" under re.I but lower-cases to no "sold": never skipped.
    assert words_of("It was ſold.") is None
    assert gated.search("It was ſold.") is not None


def test_key_words_are_the_longest_whole_word_of_each_phrase() -> None:
    assert key_words(["in talks", "'ll", "% of", "co-led the"]) == frozenset(
        {"talks", "ll", "of", "led"}
    )
    # Without a boundary after the phrase its last word may run on ("price ofabout").
    assert key_words(["price of", "deal value of"], bounded_right=False) == frozenset(
        {"price", "value"}
    )
    assert key_words(["price of", "consideration"], bounded_right=False) is None
    assert key_words(["%"]) is None


def test_find_triggers_with_odd_case_letters_falls_back_to_scanning() -> None:
    text = "Palmyra Foods bought a 30% stake in Ostrander for $40m."
    plain = find_triggers(text, 0, [46])
    odd = find_triggers(text.replace("Ostrander", "Oſtrander"), 0, [46])
    assert [(t.family, t.start, t.end) for t in plain] == [(t.family, t.start, t.end) for t in odd]
    assert [t.family for t in plain] == ["buy"]


_WORD = re.compile(r"[a-z]+")


@given(st.text(alphabet=st.sampled_from("aZq ,.'’“é-İıſKΣς\u0307ßﬁ1\tŉǅ\u212a"), max_size=30))
@settings(max_examples=300)
def test_all_words_are_the_letter_runs_of_the_lowered_text(text: str) -> None:
    # all_words splits bytes instead of running a regex: same runs, odd letters included
    assert letter_runs(text) == frozenset(_WORD.findall(text.lower()))


def test_all_words_on_invented_sentence() -> None:
    text = "Oskarn Kiln’s ÉLAN unit was SOLD for $3bn, İt said"
    assert letter_runs(text) == {"oskarn", "kiln", "s", "lan", "unit", "was",
                                           "sold", "for", "bn", "i", "t", "said"}  # fmt: skip


def test_first_words_are_each_phrases_opening_run() -> None:
    assert first_words(["walked away", "Called-off", "bid"]) == {"walked", "called", "bid"}
    assert first_words(["bid", "% of", "'ll"]) == {"bid", "%", "'"}  # found as themselves
    assert first_words(["bid", "élan"]) is None  # no ASCII opening: no starts to look for


def test_word_led_search_keeps_the_leftmost_match() -> None:
    pattern = re.compile(r"(?<![\w-])(?:in\s+talks|talks\s+with)(?![\w-])", re.I)
    gated = Gated(pattern, frozenset({"talks"}), first_words(["in talks", "talks with"]))
    text = "Vetch is in talks with Quarry Ltd; pre-talks with Arden, talks with Moss"
    assert gated.search(text).span() == pattern.search(text).span()  # type: ignore[union-attr]
    assert _spans(gated.finditer(text)) == _spans(pattern.finditer(text))


_CLAUSE_VOCAB = [
    *_VOCAB, "said", "Said", "that", "and", "And", "which", "who", "told", "toldx",
    "told reporters", "But", "sаid", "ſaid", "whıle", ", ", "; ", ": ", "A", "the",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_VOCAB), max_size=12).map(" ".join))
def test_clause_words_gate_only_clauses_without_an_opening(text: str) -> None:
    fp = frame_patterns()
    words = words_of(text)
    if fp.clause_words is not None and words is not None and fp.clause_words.isdisjoint(words):
        assert fp.clause_open.search(text) is None


_READ_IN_CUE_TEXT = ("proposed", "agreed", "completed")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_joint_keys_gate_only_texts_no_pattern_of_the_group_matches(text: str) -> None:
    # ``_context_role`` and ``read_status`` skip a group of searches on one joint test
    fp, rp = frame_patterns(), role_patterns()
    groups = [
        (rp.tail_keys, [rp.worth_deal, rp.price_cue, *rp.before.values()]),
        (fp.cue_keys, [fp.exercised, fp.negation, *(fp.status[n] for n in _READ_IN_CUE_TEXT)]),
        (fp.pre_keys, [fp.relation_of, fp.agent, fp.source, fp.partner, fp.recipient]),
    ]
    for keys, gates in groups:
        if absent(keys, text):
            assert all(g.pattern.search(text) is None for g in gates)


def test_joint_keys_are_the_union_or_none_when_one_pattern_is_not_gated() -> None:
    a = Gated(re.compile("sold", re.I), frozenset({"sold"}))
    b = Gated(re.compile("bid", re.I), frozenset({"bid"}))
    assert joint_keys(a, b) == frozenset({"sold", "bid"})
    assert joint_keys(a, Gated(re.compile("%"), None)) is None
    assert absent(joint_keys(a, b), "The talks went on.")
    assert not absent(joint_keys(a, b), "A rival BID came.")
    assert not absent(None, "The talks went on.")


_SCOPE_VOCAB = [*_VOCAB, "Palmyra", "sold-off", "takeover's", "İnvest", "ſtake", "Σ", "ΣΑΣ"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_SCOPE_VOCAB), max_size=14).map(" ".join),
    st.integers(0, 120),
    st.integers(0, 120),
    st.frozensets(st.sampled_from(["sold", "off", "stake", "ake", "take", "s", "nvest", "bid"])),
)
def test_gate_on_a_piece_of_the_sentence_read_answers_as_its_own_words(
    sentence: str, a: int, b: int, keys: frozenset[str]
) -> None:
    # a piece of the sentence read in is gated by the sentence's words and its two end runs
    piece = sentence[a : a + b]
    runs = _WORD.findall(piece.lower())
    # the piece's end runs that are no word of the sentence ("ake" of "stake"): keys only
    # the two end runs can hold
    cut = frozenset(runs[:1] + runs[-1:]) - letter_runs(sentence)
    # and a sentence the piece is not taken from: its words say nothing about the piece's
    before = sentence[:a]
    unread = letter_runs(piece) - letter_runs(before)
    for scope, key_set in ((sentence, keys), (sentence, cut), (before, unread)):
        key_set = key_set or frozenset({"x"})
        gated = Gated(re.compile(rf"\b(?:{'|'.join(sorted(key_set))})\b", re.I), key_set)
        read_in(scope)
        try:
            assert absent(key_set, piece) == (
                words_of(piece) is not None and key_set.isdisjoint(letter_runs(piece))
            )
            bare = gated.pattern.search(piece)
            found = gated.search(piece)
            assert (found and found.span()) == (bare and bare.span())
        finally:
            forget_words()


def test_words_kept_stay_bounded_without_a_new_document() -> None:
    from extractor.components import deal_words

    forget_words()
    for i in range(deal_words._KNOWN_MAX + 10):
        all_words(f"text number {i}")
    assert len(deal_words._known) <= deal_words._KNOWN_MAX
    assert all_words("text number 7") == {"text", "number"}
    forget_words()
