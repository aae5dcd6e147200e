"""Years named or implied by date expressions, resolved against the publication date.

Explicit years ("in 2005", "in late 2022", "19 March 2023", "since 2020") always resolve.
Relative expressions need the publication date and are skipped without it:

- "last year" / "a year ago" / "a year earlier" -> published - 1; "this year", "earlier this
  month", "last week", "on Monday" ... -> the published year; "next year" -> + 1;
- "seven years ago", "3 years ago" -> published - N;
- "last August" -> the most recent August before the published month;
- "in March" (a month without a year) -> the most recent March up to the published month: news
  reports mostly look back; "next March" looks forward.

Four-digit numbers are years only from 1900 to 2100 and only when they stand alone (not
"2,022", "2022bn", "$2022", "2022 shares"); the money and percent finders never read them as
amounts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from extractor.parsing.numbers import read_number_words
from extractor.parsing.qualifiers import WordAnchors, match_near

__all__ = ["YearMatch", "find_years"]

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}


#: Every expression holds one of these; the full pattern runs only near them (``match_near``).
# Found case-blind (``WordAnchors``); the full pattern checks case. A four-digit hit is tried
# alone (``head_starts``): a match starting before it cannot run past it, since the only
# digits ``_regex`` consumes are a year (which starts its match, after a look-behind that bars
# a digit before it, while a hit is the start of a digit run or four digits past another hit)
# and the "3" of "3 years ago" (at most three digits, then white space, where the hit has four
# digits).
# The head is written "[0-9][0-9]{3}", not "[0-9]{4}": ``re`` scans ahead for a pattern's
# first character only when that is a plain character or class, not a repeat (twice as fast).
_ANCHORS = WordAnchors(
    ["year", "decade", "month", "week", "quarter", *MONTHS], head="[0-9][0-9]{3}"
)


@dataclass(frozen=True)
class YearMatch:
    start: int
    end: int
    year: int


@functools.cache
def _regex() -> re.Pattern[str]:
    months = "|".join(m.title() for m in MONTHS)  # capitalised: "may" and "march" are verbs
    return re.compile(
        rf"""
        (?P<explicit>
          (?:(?<![\w$€£¥.,/-])|(?<=(?i:mid)-)|(?<=(?i:early)-)|(?<=(?i:late)-))  # "mid-2019"
          (?P<year>19\d\d|20\d\d)                  # a standalone 1900-2099
          (?![\w%]|[.,]\d|[\s\u00a0]*(?:-|–)?[\s\u00a0]*(?i:per[\s-]?cent|percent|shares|people|users|employees))
        )
        |(?P<rel_year>\b(?i:(?P<which>last|this|next|previous|past|the\ previous|the\ following)
            [\s\u00a0]+year)\b)
        |(?P<ago>\b(?i:(?P<n>an?|\d{{1,3}}|[a-z]+(?:-[a-z]+)?)[\s\u00a0]+(?P<unit>years?|decades?)
            [\s\u00a0]+(?:ago|earlier|before))\b)
        |(?P<rel_month>\b(?i:(?P<mwhich>last|next|this|earlier\ this|later\ this|late\ last|
            early\ last|earlier\ last)[\s\u00a0]+(?P<period>month|week|weekend|quarter))\b)
        |(?P<named>\b(?P<mprefix>(?i:last|next|this|in|since|by|until|from|early|late|mid|
            during|through))[\s\u00a0-]+(?P<month>{months})\b(?![\s\u00a0]+\d))
        """,
        re.VERBOSE,
    )


def _years_back(n: str) -> int | None:
    if n.isdigit():
        return int(n)
    if n.lower() in ("a", "an"):
        return 1
    reading = read_number_words(n)
    if reading is None or reading.value != reading.value.to_integral_value():
        return None
    return int(reading.value)


def find_years(text: str, published: dt.date | None = None) -> list[YearMatch]:
    """Date expressions in ``text`` and the year each stands for.

    Args:
        text: any text.
        published: the article's publication date; without it only explicit years resolve.

    >>> pub = dt.date(2023, 3, 19)
    >>> [(m.year) for m in find_years("It bought the stake in 2005, and sold it last year.", pub)]
    [2005, 2022]
    >>> [m.year for m in find_years("seven years ago; last August; in March", pub)]
    [2016, 2022, 2023]
    >>> [m.year for m in find_years("in mid-2019, two decades ago", pub)]
    [2019, 2003]
    >>> [m.year for m in find_years("it paid $2022m for 2,022 shares")]
    []
    """
    if not isinstance(text, str) or not text:
        return []
    found: list[YearMatch] = []
    for m in match_near(_regex(), text, _ANCHORS, 25, head_starts=True):
        year = _resolve(m, published)
        if year is not None:
            found.append(YearMatch(m.start(), m.end(), year))
    return found


def _resolve(m: re.Match[str], published: dt.date | None) -> int | None:
    if m["explicit"]:
        return int(m["year"])
    if published is None:
        return None
    if m["rel_year"]:
        which = m["which"].lower()
        if which == "this":
            return published.year
        if which in ("next", "the following"):
            return published.year + 1
        return published.year - 1
    if m["ago"]:
        n = _years_back(m["n"])
        if n is not None and m["unit"].lower().startswith("decade"):
            n *= 10
        return None if n is None or n > 200 else published.year - n
    if m["rel_month"]:
        which, period = m["mwhich"].lower(), m["period"].lower()
        if "last" not in which and which != "next":
            return published.year
        if period == "month":
            month = published.month + (1 if which == "next" else -1)
        elif period == "quarter":
            month = published.month + (3 if which == "next" else -3)
        else:
            day = published + dt.timedelta(days=7 if which == "next" else -7)
            return day.year
        return published.year + (month - 1) // 12
    month = MONTHS.index(m["month"].lower()) + 1
    prefix = m["mprefix"].lower()
    if prefix == "next":
        return published.year + (1 if month <= published.month else 0)
    if prefix == "last":
        return published.year - (1 if month >= published.month else 0)
    if prefix == "this":
        return published.year
    # "in March": the most recent March up to the published month.
    return published.year - (1 if month > published.month else 0)
