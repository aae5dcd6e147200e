"""Percentages in prose: find them, and read each into a ``PercentValue``.

Forms read, in one regex pass each:

- numbers with a percent sign or word: "18%", "10.1-per-cent", "49.9 percent", "14 per cent",
  "5 pct", "one per cent", "2.5 p.c."; ranges "10-15%" and "between 10% and 15%";
- "percentage points" (``points=True``: a change, never a stake);
- fractions in words before "of" or a stake noun: "a fifth of X" (20), "its third of X"
  (33.33), "the remaining half of X" (50), "two-thirds of", "a quarter stake" (25). Time
  expressions are not shares: "the second half of 2025", "the third quarter", "a quarter of a
  century", "half-year" (see ``fractions.json``: ``not_shares_before`` / ``not_shares_after``);
- qualitative stakes: "a majority stake", "minority holding", "controlling interest",
  "majority control", "majority-owned", "a majority of the shares" (``value=None``,
  ``qualitative`` set; "a majority of analysts" is not a stake);
- qualifiers as for money ("just over one per cent", "nearly 20 per cent"), with the interval
  rules of ``intervals`` (fractions in words are exact).

``percent_links`` pairs "from 42.95 per cent to 48.17 per cent".
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, cast

from extractor.lexicons import load_lexicon
from extractor.parsing.intervals import interval
from extractor.parsing.numbers import parse_fraction_words, read_digits, read_number_words
from extractor.parsing.qualifiers import (
    WordAnchors,
    match_near,
    number_pattern,
    qualifier_after,
    qualifier_before,
)
from extractor.parsing.values import PercentValue

logger = logging.getLogger(__name__)

__all__ = ["PercentMatch", "find_percents", "parse_percent", "percent_links"]

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class PercentMatch:
    start: int
    end: int
    value: PercentValue


def _alt(words: list[str] | dict[str, int]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in sorted(words, key=len, reverse=True)
    )


@functools.cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    digits, words = number_pattern()
    number = re.compile(
        rf"""
        (?<![\w.,])                                   # not inside another number or word
        (?P<num>{digits}|{words})
        (?:[\s\u00a0]?[-–][\s\u00a0]?(?P<num2>{digits})(?=[\s\u00a0-]?(?:%|per|pct|pc)))?
        [\s\u00a0-]?
        (?:(?P<points>(?i:percentage[\s\u00a0-]+(?:points?|pts)
                          |per[\s\u00a0-]?cent(?:age)?[\s\u00a0-]+points?)
                      |pp(?:ts?)?(?![A-Za-z]))              # "3pp", "3 ppts" (lower case only)
          |(?P<unit>%|(?i:per[\s\u00a0-]?cent|percent|pct|p\.c\.|pc)(?![A-Za-z]))
        )
        """,
        re.VERBOSE,
    )
    data = load_lexicon("fractions")
    fraction = re.compile(
        rf"""
        (?<![\w-])
        (?:(?P<det>{_alt(data["determiners"])})[\s\u00a0]+)?      # "its", "the remaining"
        (?P<frac>
          (?:(?P<numer>{_alt(data["numerators"])})[\s\u00a0-]+)?  # "a", "two-"
          (?P<den>{_alt(data["denominators"])})                    # "fifth", "thirds"
        )
        (?=[\s\u00a0-]+(?P<next>of|{_alt(data["stake_nouns"])})\b)?  # "of", "stake"
        (?![\w-])
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    of_nouns = "|".join(
        re.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in data["qualitative_of_nouns"]
    )
    qualitative = re.compile(
        rf"""
        \b(?P<kind>majority|minority|controlling)
        (?:[\s\u00a0-]+(?:{_alt(data["stake_nouns"])}           # "a majority stake"
                        |{_alt(data["qualitative_after"])})\b  # "majority control", "-owned"
          |[\s\u00a0]+of[\s\u00a0]+(?:(?:the|its|their|his|her)[\s\u00a0]+)?
           (?:{of_nouns})\b                                   # "a majority of the shares"
        )
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    return number, fraction, qualitative


@functools.cache
def _fraction_filters() -> tuple[frozenset[str], frozenset[str]]:
    data = load_lexicon("fractions")
    return (
        frozenset(w.lower() for w in data["not_shares_before"]),
        frozenset(w.lower() for w in data["not_shares_after"]),
    )


@functools.cache
def _standalone() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon("fractions")["standalone_determiners"])


#: Cheap hits the patterns run near (see ``qualifiers.match_near``): a percent sign or word for
#: numbers ("twenty-five per cent" starts at most ~35 characters before its unit), fraction and
#: stake words for the others.
# Alternatives share first characters so that ``re`` can skip ahead on them (5x faster).
_UNIT_ANCHORS = re.compile(r"%|p(?:er[\s\u00a0-]?cent|ercent|ct|\.c\.|c\b|p)", re.IGNORECASE)
_WORD_ANCHORS = WordAnchors(
    ["half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)
_QUALITATIVE_ANCHORS = WordAnchors(["majority", "minority", "controlling"])

_PREV_WORD = re.compile(r"([A-Za-z0-9]+)[\s\u00a0-]*$")
_NEXT_OF = re.compile(r"[\s\u00a0-]+of[\s\u00a0]+(?:(?:a|an|the|this|that|its)[\s\u00a0]+)?([\w]+)")
_FROM = re.compile(r"\bfrom[\s\u00a0]+(?:\S+[\s\u00a0]+)?$", re.IGNORECASE)
#: "to", then up to two lower-case qualifier words ("to more than", "to just over", "to about").
_TO_GAP = re.compile(r"^,?[\s\u00a0]+(?i:to)[\s\u00a0]+(?:[a-z]+[\s\u00a0]+){0,2}$")
_AND_GAP = re.compile(r"^[\s\u00a0]+and[\s\u00a0]+$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween[\s\u00a0]+$", re.IGNORECASE)


def _read(num: str) -> tuple[Decimal, Decimal] | None:
    reading = read_digits(num) if num[:1].isdigit() else read_number_words(num)
    if reading is None:
        return None
    return reading.value, reading.unit


def _numeric(m: re.Match[str], text: str) -> PercentMatch | None:
    read = _read(m["num"])
    if read is None:
        return None
    value, unit = read
    if not m["num"][:1].isdigit() and m["num"].lower() in ("a", "an"):
        return None
    points = m["points"] is not None
    before = qualifier_before(text, m.start())
    after = None if before else qualifier_after(text, m.end())
    qual = before or after
    end = m.end() + (after.length if after else 0)
    if m["num2"]:
        high = _read(m["num2"])
        if high is None or high[0] < value or high[0] > _HUNDRED:
            return None
        return PercentMatch(
            m.start(),
            end,
            PercentValue(value, qual.qualifier if qual else None, value, high[0], points),
        )
    if value > _HUNDRED:
        return None  # "150%" growth is a change, not a share; the output keeps 0..100
    low, high_bound = interval(
        value, unit, qual.qualifier if qual else None, near=bool(qual and qual.near)
    )
    high_bound = None if high_bound is None else min(high_bound, _HUNDRED)
    return PercentMatch(
        m.start(),
        end,
        PercentValue(value, qual.qualifier if qual else None, low, high_bound, points),
    )


def _fraction(m: re.Match[str], text: str) -> PercentMatch | None:
    not_before, not_after = _fraction_filters()
    den = m["den"].lower()
    if m["next"] is None and (m["det"] is None or m["det"].lower() not in _standalone()):
        return None  # "a third" alone is too vague; "the remaining third" is a share
    if m["numer"] is None and m["det"] is None and den not in ("half", "halves"):
        return None  # a bare "third"/"quarter" is an ordinal or a period
    if m["numer"] is None and den.endswith("s") and den != "halves":
        return None
    if den == "halves":
        return None
    prev = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
    if prev is not None and prev[1].lower() in not_before:
        return None  # "the second half of", "third quarter"
    nxt = _NEXT_OF.match(text, m.end("frac"), min(len(text), m.end("frac") + 40))
    if nxt is not None and nxt[1].lower() in not_after:
        return None  # "a quarter of a century", "half of the year"
    if text[m.end("frac") : m.end("frac") + 1] == "-" and (m["next"] or "").lower() != "stake":
        return None  # "half-year", "quarter-final"
    value = parse_fraction_words(m["frac"])
    if value is None:
        return None
    qual = qualifier_before(text, m.start("det") if m["det"] else m.start("frac"))
    if qual is None:
        low, high = value, value
    else:
        low, high = interval(value, None, qual.qualifier, near=qual.near)
    return PercentMatch(
        m.start("frac"),
        m.end("frac"),
        PercentValue(value, qual.qualifier if qual else None, low, high),
    )


def find_percents(text: str) -> list[PercentMatch]:
    """Every percentage in ``text``, in order.

    >>> [(m.value.value, m.value.points) for m in find_percents("up 3 percentage points to 18%")]
    [(Decimal('3'), True), (Decimal('18'), False)]
    >>> text = "bought a fifth of the firm in the second half of 2024"
    >>> [m.value.value for m in find_percents(text)]
    [Decimal('20.00')]
    """
    if not isinstance(text, str) or not text:
        return []
    number, fraction, qualitative = _regexes()
    found: list[PercentMatch] = []
    for m in match_near(number, text, _UNIT_ANCHORS, 35):
        try:
            pm = _numeric(m, text)
        except ArithmeticError as e:
            logger.debug("cannot read percentage %r: %s", m.group(), e)
            continue
        if pm is not None:
            found.append(pm)
    for m in match_near(fraction, text, _WORD_ANCHORS, 40):
        pm = _fraction(m, text)
        if pm is not None:
            found.append(pm)
    for m in match_near(qualitative, text, _QUALITATIVE_ANCHORS, 0):
        kind = cast(Literal["majority", "minority", "controlling"], m["kind"].lower())
        found.append(PercentMatch(m.start(), m.end(), PercentValue(None, qualitative=kind)))
    found.sort(key=lambda p: (p.start, -p.end))
    out: list[PercentMatch] = []
    for pm in found:
        if out and pm.start < out[-1].end:
            continue  # overlapping readings: keep the first, longest
        out.append(pm)
    return _merge_ranges(text, out)


def _merge_ranges(text: str, found: list[PercentMatch]) -> list[PercentMatch]:
    """Join "between 10% and 15%" into one figure with low/high."""
    out: list[PercentMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            gap = text[a.end : b.start]
            head = text[max(0, a.start - 20) : a.start]
            va, vb = a.value, b.value
            if (
                _AND_GAP.match(gap)
                and _BETWEEN.search(head)
                and va.value is not None
                and vb.value is not None
                and va.value <= vb.value
                and va.points == vb.points
            ):
                out.append(
                    PercentMatch(
                        a.start, b.end, PercentValue(va.value, None, va.value, vb.value, va.points)
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def percent_links(text: str, matches: list[PercentMatch]) -> list[tuple[int, int]]:
    """Index pairs of "from X to Y" (a change from one figure to another).

    >>> t = "lifting its holding from 13 per cent to 14 per cent"
    >>> percent_links(t, find_percents(t))
    [(0, 1)]
    >>> t = "its stake rose from about 20% to more than 30%"
    >>> percent_links(t, find_percents(t))
    [(0, 1)]
    """
    links: list[tuple[int, int]] = []
    for i in range(len(matches) - 1):
        a, b = matches[i], matches[i + 1]
        if not _TO_GAP.match(text[a.end : b.start]):
            continue
        if _FROM.search(text, max(0, a.start - 25), a.start) is None:
            continue
        links.append((i, i + 1))
    return links


def parse_percent(text: str) -> PercentValue | None:
    """The first percentage in a short text, or None.

    >>> parse_percent("10.1-per-cent").value
    Decimal('10.1')
    >>> parse_percent("a third of it").value
    Decimal('33.33')
    >>> parse_percent("a majority stake").qualitative
    'majority'
    >>> parse_percent("just over one per cent").qualifier
    'over'
    >>> parse_percent("the year 2024") is None
    True
    """
    if not isinstance(text, str):
        return None
    found = find_percents(text)
    if found:
        return found[0].value
    # A bare fraction phrase given alone ("a fifth", "half"): read it directly.
    value = parse_fraction_words(text)
    if value is None:
        return None
    return PercentValue(value, low=value, high=value)
