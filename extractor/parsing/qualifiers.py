"""Qualifiers around a figure ("over", "nearly", "up to", "or more") and shared regex pieces.

The phrase -> qualifier table is ``extractor/lexicons/qualifiers.json``; the mapping to the gold
vocabulary (over, under, about, up_to, at_least) is:

- over: over, more than, above, in excess of, upwards of, north of, just/well over ...
- under: under, less than, below; and "nearly", "almost", "just under", "close to", which mean
  "a bit below" and so get a narrow interval (``near=True``, see ``intervals``);
- about: about, around, roughly, some, approximately, an estimated, circa; "... or so";
- up_to: up to, as much as, as high as, no more than; "... or less";
- at_least: at least, no less than, a minimum of; "... or more".
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple, cast

from extractor.lexicons import load_lexicon
from extractor.parsing.values import Qualifier

__all__ = ["QualifierReading", "number_pattern", "qualifier_after", "qualifier_before"]


class QualifierReading(NamedTuple):
    qualifier: Qualifier
    near: bool
    length: int  # characters the phrase takes in the text, spaces included


def _alternation(keys: list[str] | dict[str, str]) -> str:
    return "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True)
    )


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], frozenset[str]]:
    data = load_lexicon("qualifiers")
    prefix: dict[str, str] = data["qualifiers"]
    postfix: dict[str, str] = data["postfix"]
    before = re.compile(
        rf"""
        (?:^|(?<=[\s(\[,;:—–]))          # starts a word (or follows an opening bracket)
        (?P<q>{_alternation(prefix)})    # "more than", "nearly" ...
        [\s\u00a0]+$                     # and ends right before the figure
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    after = re.compile(
        rf"""
        [\s\u00a0]*                      # right after the figure
        (?P<q>{_alternation(postfix)})   # "or more", "-plus" ...
        (?![A-Za-z])
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    table = {" ".join(k.lower().split()): v for k, v in {**prefix, **postfix}.items()}
    return before, after, table, frozenset(w.lower() for w in data["near_below"])


def qualifier_before(text: str, start: int) -> QualifierReading | None:
    """The qualifier phrase ending right before ``text[start:]``, if any.

    >>> qualifier_before("valuing it at over $3.2bn", 19)
    QualifierReading(qualifier='over', near=False, length=5)
    >>> qualifier_before("for nearly four hundred", 11).near
    True
    >>> qualifier_before("bought $5m", 7) is None
    True
    """
    before, _after, table, near = _patterns()
    m = before.search(text, max(0, start - 40), start)
    if m is None:
        return None
    phrase = " ".join(m["q"].lower().split())
    return QualifierReading(cast(Qualifier, table[phrase]), phrase in near, start - m.start("q"))


def qualifier_after(text: str, end: int) -> QualifierReading | None:
    """The qualifier phrase right after ``text[:end]`` ("$5bn or more").

    >>> qualifier_after("$5bn or more.", 4).qualifier
    'at_least'
    """
    _before, after, table, _near = _patterns()
    m = after.match(text, end, min(len(text), end + 20))
    if m is None:
        return None
    phrase = " ".join(m["q"].lower().split())
    return QualifierReading(cast(Qualifier, table[phrase]), False, m.end() - end)


@functools.cache
def number_pattern() -> tuple[str, str]:
    """Regex sources for a number in digits and a number in words (no groups).

    NOTE: keep in sync with ``numbers.read_digits`` / ``numbers.read_number_words``, which
    read what these find.
    """
    digits = r"""
        (?:\d{1,3}(?:,\d{3})+(?:\.\d+)?     # 1,200,000.5
          |\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?  # 1.200.000 (European)
          |\d{1,3}(?:\.\d{3})+,\d+          # 1.200,50 (European)
          |\d+(?:[.,]\d+)?                  # 1200, 3.25, 1,5
        )(?![\d])
    """
    data = load_lexicon("numbers")
    scale_words = ["hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"]
    word = _alternation([*data["units"], *data["tens"], *scale_words])
    words = rf"""
        (?i:\b(?:an?[\s\u00a0]+)?                  # "a billion"
        (?:{word})                                  # "three"
        (?:(?:[\s\u00a0]+|-)(?:and[\s\u00a0]+)?(?:{word}))*  # "hundred and twenty-five million"
        \b)
    """
    return digits, words
