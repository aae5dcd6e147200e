"""``extractor_sentences``: sentence boundaries that respect paragraphs and quotes.

spaCy's rule-based ``sentencizer`` ends sentences at ``.!?`` only, so a headline or a crosshead
without a full stop runs into the next paragraph. This component starts a new sentence at every
paragraph break as well (a line break, except the soft wraps of hard-wrapped text, see
``extractor.parsing.quote_paragraphs``), and keeps a closing quote mark with the sentence it
closes, together with the attribution that follows it ('"Why?" she asked.' is one sentence).
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractor.parsing.quote_paragraphs import soft_breaks

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

    The flags are written in one ``Doc.from_array`` call: setting ``token.is_sent_start`` one
    token at a time checks the whole Doc for a parse each time, which is quadratic.
    """

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        text = doc.text
        soft = soft_breaks(text) if "\n" in text else set()
        flags = numpy.full((n, 1), -1, dtype="int64")  # -1: not a sentence start
        start_next = True
        for i, token in enumerate(doc):
            if start_next or i == 0:
                flags[i, 0] = 1
            nxt = doc[i + 1] if i + 1 < n else None
            if "\n" in token.text:
                start_next = _hard_break(token.idx, token.text, soft)
            elif token.text in _ENDERS:
                # "U.S." and "Mr." are single tokens; a lone "." followed by a lower-case word
                # ("2.5 p.c. of") does not end a sentence, nor one inside a quote ('.”').
                # A mark after a space opens the next quote ('asked. "We'); one straight after
                # the stop closes this sentence's quote ('now?" she').
                closes = nxt is not None and nxt.text in _CLOSERS and not token.whitespace_
                start_next = nxt is None or not (nxt.text[:1].islower() or closes)
            elif (
                len(token.text) > 1
                and token.text.endswith(".")
                and i > 0
                and doc[i - 1].like_num
                and nxt is not None
                and nxt.text[:1].isupper()
            ):
                # "paid €325m. It also": the tokenizer keeps the stop in "m." after a number.
                start_next = True
            elif (
                token.text in _CLOSERS
                and i > 0
                and doc[i - 1].text in _ENDERS
                and not doc[i - 1].whitespace_
            ):
                # '"Why?" she asked': the attribution after a closing mark stays in the sentence.
                start_next = nxt is None or not nxt.text[:1].islower()
            else:
                start_next = False
        # spaCy's arrays are uint64; -1 wraps round the way ``Doc.to_array`` writes it.
        doc.from_array([SENT_START], flags.astype("uint64"))
        return doc


def _hard_break(idx: int, text: str, soft: set[int]) -> bool:
    """Does this white-space token hold a paragraph break (not only soft wraps)?"""
    return any(ch == "\n" and idx + k not in soft for k, ch in enumerate(text))
