"""extractor_sentences: paragraph breaks, soft wraps, quotes and abbreviations."""

from __future__ import annotations

import functools
import time

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.sentences import _CLOSERS, _ENDERS, _hard_break
from extractor.parsing.quote_paragraphs import soft_breaks


def _sents(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_headline_without_full_stop_is_its_own_sentence(nlp: Language) -> None:
    text = (
        "Copperfield buys a stake in Lantern Mills\n\nCopperfield has bought a stake. It paid cash."
    )
    assert _sents(nlp, text) == [
        "Copperfield buys a stake in Lantern Mills",
        "Copperfield has bought a stake.",
        "It paid cash.",
    ]


def test_attribution_after_a_closing_mark_stays_in_the_sentence(nlp: Language) -> None:
    text = '"Why would we sell now?" she asked. "We are not done," he said. Then they left.'
    assert _sents(nlp, text) == [
        '"Why would we sell now?" she asked.',
        '"We are not done," he said.',
        "Then they left.",
    ]


def test_closing_mark_before_a_capital_ends_the_sentence(nlp: Language) -> None:
    text = "He said: “We are happy.” The shares rose."
    assert _sents(nlp, text) == ["He said: “We are happy.”", "The shares rose."]


def test_abbreviations_do_not_end_sentences(nlp: Language) -> None:
    text = "Mr. Dorn joined the U.S. unit in May. He left in June."
    assert _sents(nlp, text) == ["Mr. Dorn joined the U.S. unit in May.", "He left in June."]


def test_soft_wrapped_lines_stay_in_one_sentence(nlp: Language) -> None:
    text = (
        "Headline here\n\n"
        "The harbour authority said on Tuesday that it would sell its remaining\n"
        "shares in the ferry operator to a local pension fund. The sale closes soon.\n\n"
        "Another paragraph."
    )
    sents = _sents(nlp, text)
    assert sents[0] == "Headline here"
    assert sents[1].startswith("The harbour authority") and sents[1].endswith("pension fund.")
    assert "\n" in sents[1]
    assert sents[2:] == ["The sale closes soon.", "Another paragraph."]


def test_line_breaks_in_a_list_are_real(nlp: Language) -> None:
    text = "Key points\n\n* Profit fell\n* Sales rose\n\nThe end."
    assert _sents(nlp, text) == ["Key points", "* Profit fell", "* Sales rose", "The end."]


def test_empty_and_whitespace_docs(nlp: Language) -> None:
    assert _sents(nlp, "") == []
    assert _sents(nlp, "\n\n  \n") == []


def test_cost_is_small_next_to_tokenisation() -> None:
    blank = spacy.blank("en")
    splitter = spacy.blank("en")
    splitter.add_pipe("extractor_sentences")
    para = (
        'Brindle Foods said on Monday it had agreed to buy Holmby Dairy. "It fits," said '
        "Mr. Ollis, its chief executive. The deal needs approval.\n\n"
    )
    text = para * 400
    t0 = time.perf_counter()
    blank(text)
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    splitter(text)
    ours = time.perf_counter() - t0
    assert ours < 3 * bare + 0.05


def _reference_starts(doc: Doc) -> list[int]:
    """The splitter's rule read token by token (the plain path the component must match)."""
    text = doc.text
    soft = soft_breaks(text) if "\n" in text else set()
    starts = [0]
    for i in range(len(doc) - 1):
        this, nxt = doc[i].text, doc[i + 1].text
        if doc[i].is_space and "\n" in this:
            start = _hard_break(doc[i].idx, this, soft)
        elif this in _ENDERS:
            closes = nxt in _CLOSERS and not doc[i].whitespace_
            start = not (nxt[:1].islower() or closes)
        elif (
            this in _CLOSERS and i > 0 and doc[i - 1].text in _ENDERS and not doc[i - 1].whitespace_
        ):
            start = not nxt[:1].islower()
        else:
            start = False
        if start:
            starts.append(i + 1)
    return starts


@functools.cache
def _splitter() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("extractor_sentences")
    return nlp


_PIECES = st.sampled_from(
    [
        "word", "Word", "U.S.", "Mr.", "2.5", "p.c.", "...", ".", "!", "?", "…", '"', "”",
        "’", "'", "»", ")", "]", "(", " ", " ", " ", "  ", "\n", "\n\n", " \n ", "\t", "x" * 60,
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_sentence_starts_match_the_token_by_token_rule(pieces: list[str]) -> None:
    doc = _splitter()("".join(pieces))
    got = [t.i for t in doc if t.is_sent_start]
    assert got == (_reference_starts(doc) if len(doc) else [])
