"""``extractor_sentences``: sentence boundaries that respect paragraphs and quotes.

spaCy's rule-based ``sentencizer`` ends sentences at ``.!?`` only, so a headline or a crosshead
without a full stop runs into the next paragraph. This component starts a new sentence at every
paragraph break as well (a line break, except the soft wraps of hard-wrapped text, see
``extractor.parsing.quote_paragraphs``), and keeps a closing quote mark with the sentence it
closes, together with the attribution that follows it ('"Why?" she asked.' is one sentence).
"""

from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractor.parsing.quote_paragraphs import soft_breaks

#: Key of the cached body text in ``doc.user_data`` (see ``doc_text``).
TEXT_KEY = "extractor_text"
_ENDERS = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", "»", ")", "]"})
#: Every character that can make a token end a sentence: the stops and closing marks above,
#: and the line break inside a white-space token.
_HITS = re.compile(r"""[.!?…"”’'»)\]\n]""")
_NOT_START = numpy.uint64(2**64 - 1)  # SENT_START -1 as spaCy's uint64 arrays hold it


@Language.factory(
    "extractor_sentences",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


class SentenceSplitter:
    """Sets ``token.is_sent_start`` for every token.

    Reads the token starts (``Doc.to_array``) and the text alone, and writes all flags in one
    ``Doc.from_array`` call: creating a ``Token`` per position costs more than tokenising,
    and setting ``token.is_sent_start`` one token at a time checks the whole Doc for a parse
    each time, which is quadratic. Only the tokens holding a stop, a closing mark or a line
    break are looked at, found by one regex over the text.
    """

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        text = doc_text(doc)
        # Token starts, then the text's end: token i with its trailing space is
        # text[bounds[i] : bounds[i + 1]], since a Doc's text is each token plus its space.
        bounds = doc.to_array(IDX).tolist()
        bounds.append(len(text))

        def word(i: int) -> str:
            seg = text[bounds[i] : bounds[i + 1]]
            # A word token holds no white space, so a space at its end is its trailing one.
            return seg[:-1] if len(seg) > 1 and seg[-1] == " " and not seg.isspace() else seg

        soft = soft_breaks(text) if "\n" in text else set()
        starts = [0]
        bisect_right = bisect.bisect_right
        read_to = -1  # the end of the token read last
        # Only a lone stop or closing mark, or white space holding a line break, can end a
        # sentence: find those characters in the text and look at their tokens alone.
        for hit in _HITS.finditer(text):
            pos = hit.start()
            if pos < read_to:
                continue  # one more mark or line break inside the token just read
            i = bisect_right(bounds, pos, 0, n) - 1
            if i + 1 >= n:
                break
            read_to = bounds[i + 1]
            if read_to - bounds[i] > 2 and text[pos] != "\n":
                # A mark inside a longer token ("U.S.", "3.5", "it’s"): the token is not white
                # space, and without its one trailing space it is still two characters or
                # more, so it is no lone stop or closing mark.
                continue
            this = word(i)
            if "\n" in this:
                start = this.isspace() and _hard_break(bounds[i], this, soft)
            elif this in _ENDERS:
                # "U.S." and "Mr." are single tokens; a lone "." followed by a lower-case word
                # ("2.5 p.c. of") does not end a sentence, nor one inside a quote ('.”').
                # A mark after a space opens the next quote ('asked. "We'); one straight after
                # the stop closes this sentence's quote ('now?" she').
                nxt = word(i + 1)
                spaced = bounds[i + 1] - bounds[i] > 1  # enders are one character
                closes = nxt in _CLOSERS and not spaced
                start = not (nxt[:1].islower() or closes)
            elif this in _CLOSERS and i > 0 and bounds[i] - bounds[i - 1] == 1:
                # '"Why?" she asked': the attribution after a closing mark stays in the
                # sentence (the token before is one character with no space after it).
                start = text[bounds[i - 1]] in _ENDERS and not word(i + 1)[:1].islower()
            else:
                start = False
            if start:
                starts.append(i + 1)
        flags = numpy.full((n, 1), _NOT_START, dtype="uint64")
        flags[starts, 0] = 1
        doc.from_array([SENT_START], flags)
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
