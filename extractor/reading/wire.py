"""Wire-copy and press-release conventions: datelines, "UPDATE 2-" title prefixes, names.

A dateline opens the first paragraph of wire copy and releases:

    HONG KONG, March 3 (Reuters) - ...      place, date without year, agency
    JOHANNESBURG, Nov 10 (PANW) - ...
    Johannesburg, 3 March 2025 – ...        title-case place: only with a date or an agency
    SÃO PAULO — ...                         all-caps place alone

The place goes to ``Article.dateline`` and the whole dateline is stripped from the body, so
the body starts with the story's first word.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractor.reading.boilerplate import ascii_folded, folded, has_ascii_lookalike, lexicon
from extractor.reading.dates import find_date

_DATELINE = re.compile(
    r"""
    ^\s*
    (?:
      (?P<place>[^\W\d_][^\W\d_'’.-]*                  # first word of the place
          (?:(?:\.?\s|/|-|\.)[^\W\d_][^\W\d_'’.-]*){0,4}) # up to four more: "SÃO PAULO", "A/B"
      \.?
      (?:,\s*(?P<region>[A-Z][a-z]{1,5}\.|[A-Z]\.(?:[A-Z]\.)+|[A-Z]{2}))?  # ", Calif.", ", N.Y."
      (?:,\s*(?P<date>[^(),/\-–—]{3,30}?(?:,\s*(?:19|20)\d\d)?))?  # ", Nov 10", ", 3 March 2025"
      \s*(?:-{1,2}|–|—)?                             # "SAN JOSE, Calif.--(BUSINESS WIRE)--"
    )?
    \s*(?:\((?P<agency>[^()]{1,40})\)                # "(Reuters)"
       |/(?P<distributor>[^/\s][^/]{0,38})/)?        # "/PRNewswire/"
    \s*(?P<dash>-{1,2}|–|—)(?P<space>\s*)           # the dash that ends the dateline
    (?=[^\W_a-z]|["“‘'])                             # the story starts: capital, digit or quote
    """,
    re.VERBOSE,
)


#: The end of every ``_DATELINE`` match: a dash, then (past any white space) the story's first
#: character. A cheap search: the full pattern backtracks a long way on a sentence whose only
#: dashes are inside words ("Wellington-based").
_DATELINE_END = re.compile(r"""(?:-|–|—)\s*(?=[^\W_a-z]|["“‘'])""")


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline: the place as printed, its date if any, and where the story starts."""

    place: str
    date: dt.date | None
    end: int
    agency: str | None = None


def find_dateline(paragraph: str, *, year: int | None = None) -> Dateline | None:
    """Parse the dateline that opens ``paragraph``, if it has one.

    Args:
        paragraph: the first paragraph of the body.
        year: year for a date printed without one (the article's publication year).

    Returns:
        A ``Dateline``, or None.

    >>> d = find_dateline("LONDON, Jan 5 (Reuters) - Acme said on Monday ...", year=2020)
    >>> (d.place, d.date.isoformat())
    ('LONDON', '2020-01-05')
    >>> find_dateline("Acme - the maker of anvils - said ...") is None
    True
    >>> d = find_dateline("(Bloomberg) -- Acme is exploring a sale ...")
    >>> (d.place, d.agency)
    ('', 'Bloomberg')
    >>> d = find_dateline("SAN JOSE, Calif.--(BUSINESS WIRE)--Acme Corp. today announced")
    >>> (d.place, d.agency)
    ('SAN JOSE', 'BUSINESS WIRE')
    """
    head = paragraph[:200]
    if _DATELINE_END.search(head) is None:
        return None  # no dash ends a dateline here (most lines: skips the costly pattern)
    match = _DATELINE.match(head)
    if match is None:
        return None
    place, date_text = match.group("place") or "", match.group("date")
    agency = match.group("agency") or match.group("distributor")
    if not place and agency is None:
        return None
    if not match.group("space") and agency is None:
        return None  # "Acme-the maker": a dash inside a word, not a dateline
    letters = [ch for ch in place if ch.isalpha()]
    all_caps = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    date: dt.date | None = None
    if date_text is not None:
        # 2000 is a leap year: "Feb 29" without a year is still a valid dateline date.
        found = find_date(date_text, default_year=year or 2000)
        if found is None:
            return None  # "Acme, the maker of anvils - said" is not a dateline
        explicit_year = _YEAR.search(date_text) is not None
        date = found[0] if (year or explicit_year) else None
    if not all_caps and date_text is None and agency is None:
        return None
    if not all_caps and any(w[:1].islower() for w in place.split()):
        return None
    if agency is not None and not _AGENCY.match(agency):
        return None  # "Acme (the maker) - ...": a parenthesis, not an agency
    return Dateline(place=place.strip(), date=date, end=match.end(), agency=agency)


#: A year printed in a dateline's date.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A vowel: a word without one is an acronym ("BBC").
_VOWEL = re.compile(r"[AEIOUYaeiouy]")

#: An agency or distributor tag: one to four capitalised words ("Reuters", "AP", "BUSINESS WIRE").
_AGENCY = re.compile(r"^\s*[^\W\d_a-z][\w&.-]*(?:\s+[^\W\d_a-z][\w&.-]*){0,3}\s*$")


@functools.cache
def _wire_prefix() -> re.Pattern[str]:
    words = "|".join(re.escape(w.upper()) for w in lexicon().wire_title_prefixes)
    return re.compile(
        rf"""
        ^(?:(?:{words})(?:\s*\d+)?\s*[-:]\s*)+   # "UPDATE 2-", "EXCLUSIVE-", "RPT-UPDATE 1-"
        (?=\S)
        """,
        re.VERBOSE,
    )


def strip_wire_prefix(title: str) -> str:
    """Drop the agency's version tags from a headline.

    >>> strip_wire_prefix("UPDATE 2-Acme to buy Widget Co")
    'Acme to buy Widget Co'
    """
    return _wire_prefix().sub("", title, count=1)


def is_all_caps(text: str) -> bool:
    """Every cased letter is upper case, and there are at least two of them."""
    if text.isascii():  # cased letters are A-Z and a-z: str.isupper() says the same
        return text.isupper() and sum(map(str.isupper, text)) >= 2
    count = 0
    for ch in text:  # a cased letter: one that has two cases
        if ch.isalpha() and ch.lower() != ch.upper():
            if not ch.isupper():
                return False
            count += 1
    return count >= 2


def title_case(name: str) -> str:
    """Title-case an ALL-CAPS name; vowel-less words stay capitals (acronyms like "BBC").

    >>> title_case("THE EASTGATE GAZETTE")
    'The Eastgate Gazette'
    >>> title_case("TRANS-KALAHARI NEWS OF THE WEEK")
    'Trans-Kalahari News of the Week'
    """
    words = name.split()
    out = []
    for i, word in enumerate(words):
        if i > 0 and word.lower() in lexicon().name_small_words:
            out.append(word.lower())
        elif not _VOWEL.search(word) and word.isascii():
            out.append(word)  # an acronym: "BBC", "CNBC"
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def mixed_case_name(name: str, text: str) -> str:
    """Spell an ALL-CAPS name the way the text spells it in mixed case, else title-case it.

    The masthead of a page dump is printed in capitals, but the same name usually recurs in
    ordinary case ("X is not responsible ...", "(c) X 2021", "X Limited (the Group)").

    >>> mixed_case_name("ACME NEWS", "News. (c) Acme News 2020.")
    'Acme News'
    >>> mixed_case_name("ACME NEWS", "Nothing here.")
    'Acme News'
    """
    if not is_all_caps(name):
        return name
    for spelled in _spellings(name.split(), text):
        found = " ".join(spelled.split())
        if not is_all_caps(found) and any(ch.isupper() for ch in found):
            return found[:1].upper() + found[1:]
    return title_case(name)


def _spellings(words: list[str], text: str) -> Iterator[str]:
    r"""Where ``text`` spells ``words`` in any case, any spaces between, left to right.

    What ``finditer`` of ``(?<!\w)W1\s+W2...(?!\w)`` with IGNORECASE yields. ASCII words
    (nearly all names) are found with ``str.find`` on the folded text instead: compiling a
    case-insensitive pattern per name costs more than the whole search.
    """
    if not all(word.isascii() for word in words):
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.I)
        for match in pattern.finditer(text):
            yield match.group()
        return
    # Searched in the folded text, or (the same places, see ``ascii_folded``) in its ASCII
    # image: both have one character for each of ``text``.
    low: Any
    parts: list[Any] = [word.lower() for word in words]
    if has_ascii_lookalike(text) or any("?" in part for part in parts):
        low = folded(text)
    else:
        low = ascii_folded(text)
        parts = [part.encode("ascii") for part in parts]
    first = len(parts[0])
    start = low.find(parts[0])
    while start >= 0:
        # A first word inside a longer one ("the" in "other"): the next word needs white
        # space first, as ``_spelled_at`` would find (checked here, without the call).
        after = start + first
        if len(parts) > 1 and (after >= len(text) or not text[after].isspace()):
            start = low.find(parts[0], start + 1)
            continue
        end = _spelled_at(text, low, parts, start)
        if end is None:
            start = low.find(parts[0], start + 1)
        else:
            yield text[start:end]
            start = low.find(parts[0], end)


def _spelled_at(text: str, low: Any, parts: list[Any], start: int) -> int | None:
    """The end of ``parts`` spelled from ``start`` as whole words apart by spaces, or None."""
    if start > 0 and _is_word_char(text[start - 1]):
        return None
    end = start + len(parts[0])
    for part in parts[1:]:
        gap = end
        while gap < len(text) and text[gap].isspace():  # the pattern's \s+
            gap += 1
        if gap == end or not low.startswith(part, gap):
            return None
        end = gap + len(part)
    if end < len(text) and _is_word_char(text[end]):
        return None
    return end


def _is_word_char(ch: str) -> bool:
    r"""``\w`` in a str pattern: alphanumeric or the underscore."""
    return ch.isalnum() or ch == "_"


#: The issuer at the start of a release's first sentence, up to its defined term, its ticker,
#: an apposition or its verb: 'Acme Widgets, Inc. ("Acme") today announced ...'.
_ISSUER = re.compile(
    r"""
    ^(?P<name>
      [^\W\d_a-z][\w&.'’-]*                      # first word, capitalised
      (?:
        (?:\s+|,\s+(?=[A-Z][A-Za-z.]{0,4}\.|[A-Z]{2,4}\b))   # a space, or ", Inc." / ", LLC"
        (?:[^\W_a-z][\w&.'’-]*|&|of|de|du|la|\(publ\))      # a capitalised word or particle
      ){0,7}
    )
    \s*(?=\(\s*["“”«»'‘]                          # ("Acme")
       |\(\s*[A-Z][A-Za-z.]*\s*:                   # (NYSE: ACME)
       |,\s+(?:a|an|the|one)\s                      # , a maker of ...
       |\s+(?:today|has|have|announced|announces|is\s+pleased)\b)
    """,
    re.VERBOSE,
)

#: A release's announcement verb in its first sentence.
_ANNOUNCES = re.compile(
    r"\b(?:today\s+announc\w*|announc\w*\s+today|(?:has|have)\s+today|today\s+(?:signed|"
    r"completed|agreed|entered|reported|launched|closed)|is\s+pleased\s+to\s+announce|announces)\b",
    re.IGNORECASE,
)

#: How far into the first paragraph the announcement verb must come.
_ISSUER_SENTENCE_CHARS = 400


def release_issuer(paragraph: str) -> str | None:
    """The company that issues a release: the subject of its "today announced" sentence.

    >>> release_issuer('Acme Widgets, Inc. (NYSE: ACM), a maker of tools, today announced ...')
    'Acme Widgets, Inc.'
    >>> release_issuer('Acme said on Monday it would sell its unit.') is None
    True
    """
    match = _ISSUER.match(paragraph)
    if match is None or not _ANNOUNCES.search(paragraph[:_ISSUER_SENTENCE_CHARS]):
        return None
    name = match.group("name").strip()
    return name if len(name) > 1 else None
