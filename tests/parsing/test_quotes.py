"""The pure quote finder: marks, apostrophes, nesting, paragraphs, crossheads, stray marks."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.facts import CompanyFact, PersonFact
from extractor.lexicons import load_lexicon
from extractor.parsing import quote_attribution, quote_speakers
from extractor.parsing import quotes as quotes_module
from extractor.parsing.quote_attribution import _verb_pattern, attribute_quotes
from extractor.parsing.quote_paragraphs import paragraph_spans, soft_breaks
from extractor.parsing.quote_resolve import SpeakerResolver
from extractor.parsing.quotes import QuoteSpan, find_quotes


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are pleased," said Ana Ferrero.', ["We are pleased"]),
        ("“We are pleased,” said Ana Ferrero.", ["We are pleased"]),
        ("‘We are pleased,’ said Ana Ferrero.", ["We are pleased"]),
        ("'We are pleased,' said Ana Ferrero.", ["We are pleased"]),
        ("« Nous sommes ravis », a dit Ana Ferrero.", ["Nous sommes ravis"]),
        ("„Wir freuen uns“, sagte Ana Ferrero.", ["Wir freuen uns"]),
        ("Sie sagte: »Wir freuen uns«, und ging.", ["Wir freuen uns"]),
    ],
)
def test_each_kind_of_mark(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“Pellworth's customers are loyal and it's a good time to buy,” said Ana Ferrero.",
        "'Pellworth's customers are loyal and it's a good time to buy,' said Ana Ferrero.",
        "‘Pellworth’s customers are loyal and it’s a good time to buy,’ said Ana Ferrero.",
    ],
)
def test_apostrophes_inside_a_quote_are_not_marks(text: str) -> None:
    assert len(find_quotes(text)) == 1
    assert texts(text)[0].endswith("good time to buy")


def test_plural_possessive_inside_single_quotes_does_not_close_the_quote() -> None:
    text = "Ana Ferrero said: 'The investors' money is safe with us and will stay safe.'"
    assert texts(text) == ["The investors' money is safe with us and will stay safe."]


def test_possessives_outside_quotes_open_nothing() -> None:
    text = "The bankers' fees rose. Dorn's view was that 'the deal is done' for now."
    assert texts(text) == ["the deal is done"]


def test_elided_years_are_not_marks() -> None:
    text = "Prices last peaked in the ’90s and the '80s. “We are far from that,” he said."
    assert texts(text) == ["We are far from that"]


def test_nested_quotes_give_one_outer_quote_with_its_inner_ones() -> None:
    text = "“They called it ‘a bargain’ and we agreed,” said Ana Ferrero."
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end] == "They called it ‘a bargain’ and we agreed"
    assert [text[s:e] for s, e in quote.nested] == ["a bargain"]


def test_british_nesting_double_inside_single() -> None:
    text = "'Our motto is \"grow or go\" and we mean it,' said Ana Ferrero."
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end] == 'Our motto is "grow or go" and we mean it'
    assert [text[s:e] for s, e in quote.nested] == ["grow or go"]


def test_partial_quotes_inside_a_sentence() -> None:
    text = (
        "The partners said they would 'share data and payments across both shops' soon. "
        "Ferrero called the terms “tight but fair for both sides”."
    )
    assert texts(text) == [
        "share data and payments across both shops",
        "tight but fair for both sides",
    ]


def test_multi_paragraph_quote_convention() -> None:
    text = (
        "Ana Ferrero, chief executive of Pellworth, said: “We have waited years for this.\n\n"
        "“The market finally agrees with us.\n\n"
        "“Now we have to deliver.”\n\n"
        "Shares rose 4%."
    )
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "We have waited years for this.",
        "The market finally agrees with us.",
        "Now we have to deliver.",
    ]
    assert [(q.continues, q.continued) for q in quotes] == [
        (False, True),
        (True, True),
        (True, False),
    ]
    assert quotes[0].close_mark is None and quotes[2].close_mark is not None


@pytest.mark.parametrize("head", ["'Natural fit'", "“Fire-sale terms”", '"Hard bargain"'])
def test_crosshead_that_is_only_a_quoted_phrase_is_not_a_quote(head: str) -> None:
    text = f'Pellworth buys Dorn\n\n{head}\n\n"We are pleased with the price," said Ana Ferrero.'
    assert texts(text) == ["We are pleased with the price"]


def test_quote_paragraph_with_a_full_stop_is_a_quote_not_a_crosshead() -> None:
    text = '"It fits," said Ana Ferrero.\n\n"We will grow."\n\n\'We will hire\'.\n\nShares rose.'
    assert texts(text) == ["It fits", "We will grow.", "We will hire"]


def test_a_stray_mark_does_not_swallow_the_rest_of_the_article() -> None:
    text = (
        "Pellworth's shares jumped 12\" on the news, a trader's note said.\n\n"
        "“This is a strong deal,” said Ana Ferrero.\n\n"
        'The board met on Tuesday " to approve it.\n\n'
        "“We expect approval by June,” she added.\n\n"
        "Dorn said the offer was “too low and too late”."
    )
    assert texts(text) == [
        "This is a strong deal",
        "We expect approval by June",
        "too low and too late",
    ]


def test_unclosed_opening_mark_mid_paragraph_is_dropped() -> None:
    text = "He called it a 'bargain and left. “We are done,” he said later."
    assert texts(text) == ["We are done"]


def test_missing_closing_mark_after_a_colon_runs_to_paragraph_end() -> None:
    text = 'Ana Ferrero said: "We are done here.\n\nShares fell 3%. "Too early," said a trader.'
    assert texts(text) == ["We are done here.", "Too early"]


def test_same_mark_reopening_drops_the_earlier_one() -> None:
    text = "A stray “ mark and then “a real quote here” in one line."
    assert texts(text) == ["a real quote here"]


def test_quote_span_offsets_and_marks() -> None:
    text = 'He said: "Yes, we will."'
    (q,) = find_quotes(text)
    assert isinstance(q, QuoteSpan)
    assert text[q.open_mark] == '"' and q.close_mark is not None and text[q.close_mark] == '"'
    assert q.outer_end == len(text)
    assert q.paragraph == 0


def test_no_quotes_and_odd_input() -> None:
    assert find_quotes("") == []
    assert find_quotes("No quotes at all here.") == []
    assert find_quotes('"') == []
    assert find_quotes("''''") == []
    assert find_quotes(None) == []  # type: ignore[arg-type]


def test_paragraph_spans_and_soft_breaks() -> None:
    text = (
        "Title line\n\n"
        "A long paragraph line that goes on and on past fifty chars and\n"
        "continues here.\nA new short line.\n\n  Indented para.  "
    )
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Title line",
        "A long paragraph line that goes on and on past fifty chars and\ncontinues here.",
        "A new short line.",
        "Indented para.",
    ]
    assert soft_breaks(text) == {text.index("\ncontinues")}


def test_single_newlines_separate_paragraphs_without_blank_lines() -> None:
    text = "A headline\nA first paragraph that is long enough to look like running text.\nMore."
    assert len(paragraph_spans(text)) == 3


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab s.,:\n'\"“”‘’«»„-–")) | st.characters(),
        max_size=200,
    )
)
def test_finder_never_raises_and_spans_are_sane(text: str) -> None:
    quotes = find_quotes(text)
    last = -1
    for q in quotes:
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert q.close_mark is None or q.end <= q.close_mark
        assert q.start >= last
        last = q.start


_PROSE = st.lists(
    st.sampled_from(
        [
            "said",
            "Ana Ferrero",
            "she",
            "he",
            "the company",
            "the two companies",
            "according to",
            "Pellworth",
            ",",
            ".",
            ":",
            "\n\n",
            "“",
            "”",
            '"',
            "'",
            "‘",
            "’",
            "–",
            "(",
            ")",
            "Mr",
            "Ms",
            "added",
            "in a statement",
            "it",
            "One of them",
            "called",
            "the Group",
        ]
    )
    | st.text(max_size=12),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(_PROSE, st.booleans())
def test_attribution_never_raises(words: list[str], with_facts: bool) -> None:
    text = " ".join(words)
    quotes = find_quotes(text)
    people = [PersonFact("Ana Ferrero", mentions=[(0, min(3, len(text)))], gender="female")]
    companies = [CompanyFact("Pellworth", mentions=[(0, min(2, len(text)))])]
    resolver = SpeakerResolver(text, people, companies) if with_facts else SpeakerResolver(text)
    found = attribute_quotes(text, quotes, resolver)
    assert len(found) == len(quotes)
    for a in found:
        assert a.how in ("explicit", "continuation", "pronoun", "group", "none")
        assert (a.speaker is None) == (a.how == "none")


@pytest.mark.parametrize("name", ["extractor.parsing.quotes", "extractor.parsing.quote_paragraphs"])
def test_module_doctests_pass(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def _flat_verbs() -> re.Pattern[str]:
    """The speech-verb pattern as a flat alternation, longest first (what the trie replaces)."""
    verbs = sorted(load_lexicon("speech_verbs")["verbs"], key=len, reverse=True)
    alternation = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    return re.compile(rf"\b(?=[a-z])(?:{alternation})\b")


_VERBS = load_lexicon("speech_verbs")["verbs"]
_VERB_BITS = sorted(
    set(_VERBS)
    | {v[:-1] for v in _VERBS}
    | {v + "s" for v in _VERBS}
    | {w for v in _VERBS for w in v.split()}  # "went" + "\n" + "on"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_VERB_BITS) | st.sampled_from([" ", "  ", "\n", ",", "-", "Roe", "x"]),
        max_size=14,
    )
)
def test_verb_trie_matches_the_flat_alternation(parts: list[str]) -> None:
    text = "".join(parts)
    flat, trie = _flat_verbs(), _verb_pattern()
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    for pos in range(0, len(text), 3):
        a, b = trie.search(text, pos), flat.search(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_verb_trie_on_every_verb_with_odd_spacing() -> None:
    flat, trie = _flat_verbs(), _verb_pattern()
    for verb in _VERBS:
        for spaced in (verb, verb.replace(" ", "  "), verb.replace(" ", "\n"), verb + "ed"):
            text = f"Roe {spaced}, and {spaced.upper()} x{spaced} {spaced}."
            assert [m.span() for m in trie.finditer(text)] == [
                m.span() for m in flat.finditer(text)
            ], text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa Éé’'-_\n.Ł9")), max_size=40))
def test_name_runs_scan_matches_the_look_behind_first_pattern(text: str) -> None:
    upper = quote_speakers._UPPER
    first = re.compile(rf"(?<![\w'’-])[{upper}][\w'’-]*(?: [{upper}][\w'’-]*){{1,3}}")
    spans = [m.span() for m in quote_speakers._NAME_RUN.finditer(text)]
    assert spans == [m.span() for m in first.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aA “”\"'’‘«»‹›„‚.\n")), max_size=60))
def test_char_positions_are_the_mark_pattern_matches(text: str) -> None:
    marks = "".join(quotes_module._FAMILY)
    expected = [m.start() for m in re.finditer("[" + re.escape(marks) + "]", text)]
    assert quotes_module.char_positions(text, marks) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("MrsDtJ A.b!?…”’'»)\" \n\t")), max_size=60))
def test_sentence_starts_at_stops_match_the_plain_scan(text: str) -> None:
    pattern = quote_attribution._SENTENCE_END
    assert quote_attribution._sentence_starts(text) == [m.end() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aZé9_&.,’'- \n")), max_size=40),
    st.integers(0, 45),
    st.integers(0, 45),
)
def test_speaker_tokens_between_offsets_are_those_of_the_slice(
    text: str, begin: int, stop: int
) -> None:
    part = text[begin:stop]
    sliced = quote_speakers._tokens(part, 0, len(part))
    expected = [(w, s + begin, e + begin) for w, s, e in sliced]
    assert quote_speakers._tokens(text, begin, stop) == expected
