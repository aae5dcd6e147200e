"""Publication dates as news pages print them, parsed with the standard library.

Only unambiguous shapes are read (an ISO date, or a day with a month *name* and a year), so
"03/04/2023" is never guessed. The local date as printed is kept: "2025-02-10T23:20-05:00" is
10 February, not its UTC day. Parsers here never raise on odd text; they return ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"

#: ISO 8601 calendar date, optionally with a time ("2017-05-12T09:15:00-03:00").
ISO_DATE = re.compile(
    r"""
    (?<!\d)
    (?P<y>(?:19|20)\d\d) - (?P<m>[01]\d) - (?P<d>[0-3]\d)   # 2017-05-12
    (?![\d])                                                # not part of a longer number
    """,
    re.VERBOSE,
)

#: Year-first numeric dates that cannot be misread: "2024/03/04", "2024.03.04", and the
#: CJK form "2024年3月4日" (year, month, day in that order, always).
YEAR_FIRST_DATE = re.compile(
    r"""
    (?<!\d)(?P<y>(?:19|20)\d\d)
    (?:(?P<sep>[/.])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d.]\d)     # 2024/03/04
      | \s*年\s*(?P<m2>[01]?\d)\s*月\s*(?P<d2>[0-3]?\d)\s*日)       # 2024年3月4日
    """,
    re.VERBOSE,
)

#: "19 March 2023", "Tuesday 28 February 2023", "3rd Nov. 2021", "10 November 2021 | 11:32".
DAY_MONTH_YEAR = re.compile(
    rf"""
    (?:\b{_WEEKDAY}\.?,?\s+)?            # optional weekday: "Tuesday", "Tue.,"
    \b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?    # day of the month
    \s+(?:of\s+)?
    (?P<m>{_MONTH_NAMES})\b\.?,?         # month name or abbreviation
    (?:\s+(?P<y>(?:19|20)\d\d)\b)?       # year (absent in wire datelines)
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: "Aug. 22, 2024", "February 10, 2025", "Nov 10" (wire datelines), "May 12th 2017".
MONTH_DAY_YEAR = re.compile(
    rf"""
    (?:\b{_WEEKDAY}\.?,?\s+)?            # optional weekday
    \b(?P<m>{_MONTH_NAMES})\b\.?         # month name or abbreviation
    \s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b # day of the month
    (?:,?\s+(?P<y>(?:19|20)\d\d)\b)?     # year (absent in wire datelines)
    """,
    re.VERBOSE | re.IGNORECASE,
)


#: Any digit: every date shape above holds one.
_DIGIT = re.compile(r"\d")

#: The first three letters of every month name in ``_MONTH_NAMES``.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _patterns_for(text: str) -> list[re.Pattern[str]]:
    """The date patterns that can match ``text`` at all, in their order of precedence.

    Cheap substring tests first: the month-name patterns cost ~50 µs a line each (their
    optional weekday defeats the regex engine's prefix scan), and most lines hold no month.
    """
    if _DIGIT.search(text) is None:
        return []
    patterns = []
    if "-" in text:
        patterns.append(ISO_DATE)
    if "/" in text or "." in text or "年" in text:
        patterns.append(YEAR_FIRST_DATE)
    # IGNORECASE also matches "ſ" (long s) for "s": fold it as the regex engine does.
    folded = text.lower().replace("ſ", "s")
    if any(stem in folded for stem in _MONTH_STEMS):
        patterns.extend((DAY_MONTH_YEAR, MONTH_DAY_YEAR))
    return patterns


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str], default_year: int | None) -> dt.date | None:
    year = match.group("y")
    if year is None and default_year is None:
        return None
    month_word = match.group("m").lower().rstrip(".")
    month = _MONTHS.get(month_word[:4] if month_word.startswith("sept") else month_word[:3])
    if month is None:
        return None
    return _make_date(int(year) if year else default_year or 0, month, int(match.group("d")))


def find_date(
    text: str, *, default_year: int | None = None
) -> tuple[dt.date, re.Match[str]] | None:
    """The first date in ``text`` and its match, or None.

    Args:
        text: a short string such as a "Published ..." line or a dateline.
        default_year: year to assume when the date has none ("Nov 10" in a wire dateline).

    Returns:
        ``(date, match)`` for the earliest date found, or None.

    >>> find_date("Published: Aug. 22, 2024, 6:15 a.m. MT")[0]
    datetime.date(2024, 8, 22)
    >>> find_date("10 November 2021 | 11:32 GMT")[0]
    datetime.date(2021, 11, 10)
    >>> find_date("2024年3月4日 10:30")[0]
    datetime.date(2024, 3, 4)
    >>> find_date("Posted 2024/03/04")[0]
    datetime.date(2024, 3, 4)
    >>> find_date("no date here") is None
    True
    """
    found: list[tuple[int, dt.date, re.Match[str]]] = []
    for pattern in _patterns_for(text):
        for match in pattern.finditer(text):
            if pattern is ISO_DATE:
                date = _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
            elif pattern is YEAR_FIRST_DATE:
                month, day = match["m"] or match["m2"], match["d"] or match["d2"]
                date = _make_date(int(match["y"]), int(month), int(day))
            else:
                date = _from_match(match, default_year)
            if date is not None:
                found.append((match.start(), date, match))
                break
    if not found:
        return None
    _start, date, match = min(found, key=lambda item: item[0])
    return date, match


def parse_date(text: str | None) -> dt.date | None:
    """The first full date (with a year) in ``text``, or None; never raises.

    >>> parse_date("2025-02-10T11:20:00-05:00")
    datetime.date(2025, 2, 10)
    >>> parse_date("Tuesday 28 February 2023")
    datetime.date(2023, 2, 28)
    >>> parse_date("31 February 2023") is None
    True
    """
    if not text:
        return None
    found = find_date(text[:500])
    return found[0] if found else None


#: A date in a web address: "/2024/03/04/", "/2024-03-04/" (year, month, day, in that order).
URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]\d)[/-](?P<d>[0-3]\d)(?:[/-]|$)")


def url_date(url: str | None) -> dt.date | None:
    """The date a news site writes into an article's address, or None.

    >>> url_date("https://example.org/news/2023/10/17/a-story/")
    datetime.date(2023, 10, 17)
    >>> url_date("https://example.org/news/a-story-2023") is None
    True
    """
    match = URL_DATE.search(url or "")
    if match is None:
        return None
    return _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
