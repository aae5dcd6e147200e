"""``extractor_sentences``: sentence boundaries that respect paragraphs and quotes.

spaCy's rule-based ``sentencizer`` ends sentences at ``.!?`` only, so a headline or a crosshead
without a full stop runs into the next paragraph. This component starts a new sentence at every
paragraph break as well (a line break, except the soft wraps of hard-wrapped text, see
``extractor.parsing.quote_paragraphs``), and keeps a closing quote mark with the sentence it
closes, together with the attribution that follows it ('"Why?" she asked.' is one sentence).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from extractor.parsing.quote_paragraphs import soft_breaks

#: Key of the cached body text in ``doc.user_data`` (see ``doc_text``).
TEXT_KEY = "extractor_text"
_ENDERS = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", "»", ")", "]"})


@Language.factory(
    "extractor_sentences",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


class SentenceSplitter:
    """Sets ``token.is_sent_start`` for every token.

    Works on plain lists taken from ``Doc.to_array`` and writes all flags in one
    ``Doc.from_array`` call: creating a ``Token`` per position costs more than tokenising,
    and setting ``token.is_sent_start`` one token at a time checks the whole Doc for a parse
    each time, which is quadratic.
    """

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        text = doc_text(doc)
        strings = doc.vocab.strings
        marks = numpy.array([strings.add(x) for x in (*_ENDERS, *_CLOSERS)], dtype="uint64")
        arr = doc.to_array([ORTH, IDX, LENGTH, SPACY, IS_SPACE])
        # Only stops, closing marks and white space can end a sentence: look at those alone.
        candidates = numpy.flatnonzero(numpy.isin(arr[:, 0], marks) | (arr[:, 4] != 0))
        idx = arr[:, 1].tolist()
        length = arr[:, 2].tolist()
        spaced = arr[:, 3].tolist()

        def word(i: int) -> str:
            return text[idx[i] : idx[i] + length[i]]

        soft = soft_breaks(text) if "\n" in text else set()
        flags = numpy.full(n, -1, dtype="int64")  # -1: not a sentence start
        flags[0] = 1
        for i in candidates.tolist():
            if i + 1 >= n:
                break
            this, nxt = word(i), word(i + 1)
            if "\n" in this:
                start = _hard_break(idx[i], this, soft)
            elif this in _ENDERS:
                # "U.S." and "Mr." are single tokens; a lone "." followed by a lower-case word
                # ("2.5 p.c. of") does not end a sentence, nor one inside a quote ('.”').
                # A mark after a space opens the next quote ('asked. "We'); one straight after
                # the stop closes this sentence's quote ('now?" she').
                closes = nxt in _CLOSERS and not spaced[i]
                start = not (nxt[:1].islower() or closes)
            elif this in _CLOSERS and i > 0 and word(i - 1) in _ENDERS and not spaced[i - 1]:
                # '"Why?" she asked': the attribution after a closing mark stays in the sentence.
                start = not nxt[:1].islower()
            else:
                start = False
            if start:
                flags[i + 1] = 1
        # spaCy's arrays are uint64; -1 wraps round the way ``Doc.to_array`` writes it.
        doc.from_array([SENT_START], flags.astype("uint64").reshape(n, 1))
        return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc and kept in ``doc.user_data``.

    spaCy rebuilds ``doc.text`` from a ``Token`` object per token on every call, which costs
    about a quarter of tokenising; later components can share the copy this one keeps.
    """
    text = doc.user_data.get(TEXT_KEY)
    if isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    return text


def _hard_break(idx: int, text: str, soft: set[int]) -> bool:
    """Does this white-space token hold a paragraph break (not only soft wraps)?"""
    return any(ch == "\n" and idx + k not in soft for k, ch in enumerate(text))
