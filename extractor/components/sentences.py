"""``extractor_sentences``: sentence boundaries that respect paragraphs and quotes.

spaCy's rule-based ``sentencizer`` ends sentences at ``.!?`` only, so a headline or a crosshead
without a full stop runs into the next paragraph. This component starts a new sentence after
every line break as well, and keeps a closing quote mark with the sentence it closes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

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
    """Sets ``token.is_sent_start`` for every token."""

    def __call__(self, doc: Doc) -> Doc:
        start_next = True
        for i, token in enumerate(doc):
            token.is_sent_start = start_next or i == 0
            if "\n" in token.text:
                start_next = True
            elif token.text in _ENDERS:
                nxt = doc[i + 1] if i + 1 < len(doc) else None
                # "U.S." and "Mr." are single tokens; a lone "." followed by a lower-case word
                # ("2.5 p.c. of") does not end a sentence.
                start_next = nxt is None or not (nxt.text[:1].islower() or nxt.text in _CLOSERS)
            elif token.text in _CLOSERS and i > 0 and doc[i - 1].text in _ENDERS:
                start_next = True
            else:
                start_next = False
        return doc
