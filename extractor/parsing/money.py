"""Money figures in prose: find them, and read each into a ``MoneyValue``.

One compiled regex reads every figure; it is tried only at a few start positions before each
number (``_candidates``), which keeps a 500-word article well under a millisecond. No
quantulum3 on this path (``quantities`` is the adapter kept for rare spelled-out forms).
Forms read:

- a sign or code before digits: "$586m", "US$1.5-billion", "R$6.3 billion", "CHF3bn",
  "Dh16.2bn", "€240mn", "C$1.1 billion", "R640 million", "Rs 500 crore", "₹3 lakh",
  "¥221 billion" ("$" and "¥" settled by ``currencies.currency_context``);
- digits or number words, a scale, then a currency name or code: "41 bln rand",
  "three billion Swiss francs", "300 million U.S. dollars", "a billion dollars", "5bn CHF";
  spelled numbers need a scale word ("one won" is not money);
- pence and cents: "450p" (4.50 GBP);
- per-share prices: "$32 a share", "450p per share" (``per_share=True``);
- ranges: "$1bn-$2bn", "$1-2bn", "$1bn to $2bn", "between $1bn and $2bn" (one figure,
  ``is_range=True``; "from $1bn to $2bn" is two figures, a change);
- qualifiers before or after (see ``qualifiers``), and the interval rules of ``intervals``.

A four-digit year is never an amount: "in 2020 dollars" is not money.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from extractor.parsing.currencies import (
    CurrencyContext,
    currency_context,
    resolve_code,
    resolve_sign,
    resolve_word,
)
from extractor.parsing.intervals import interval
from extractor.parsing.numbers import NumberReading, read_digits, read_number_words, scale_of, tidy
from extractor.parsing.qualifiers import (
    first_match_past,
    lowered,
    number_pattern,
    qualifier_after,
    qualifier_before,
)
from extractor.parsing.values import MoneyValue
from extractor.parsing.word_trie import trie_alternation

logger = logging.getLogger(__name__)

__all__ = ["MoneyMatch", "find_money", "money_links", "parse_money"]

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class MoneyMatch:
    """A figure found in a text: character offsets and its value."""

    start: int
    end: int
    value: MoneyValue
    scale: Decimal | None = None  # the printed scale's multiplier ("bn" -> 1e9), if any


@functools.cache
def _money_regex() -> re.Pattern[str]:
    from extractor.lexicons import load_lexicon

    table = load_lexicon("currencies")
    scales = load_lexicon("scales")["scales"]
    digits, words = number_pattern()
    # Word lists as tries (same matches as the flat longest-first alternations, see
    # ``word_trie``): a failed try at a position then costs one branch per letter, not one
    # per word, and the pattern is tried a few times before every number.
    signs = trie_alternation(table["prefix"])
    letters = trie_alternation(k for k in table["letter_prefixes"] if k != "R")
    codes = trie_alternation(table["codes"])
    names = trie_alternation(
        (w for w in [*table["words"], *table["minor_words"]] if w != "p"),
        space=r"[\s\u00a0]+",
        ignore_case=True,
    )
    scale = trie_alternation(scales, ignore_case=True)
    second = trie_alternation(load_lexicon("scales")["compound_second"], ignore_case=True)
    scale = rf"(?:{scale})(?:[\u00a0 ](?:{second})(?![A-Za-z]))?"
    return re.compile(
        rf"""
        (?:
          # 1. sign or code first: "$586m", "CHF3bn", "Rs 500 crore", "R640 million"
          (?:(?P<sign>{signs})[\u00a0 ]?
            |(?<![A-Za-z])(?P<letter>{letters})[\u00a0 ]?(?=\d)
            |(?<![A-Za-z])(?P<rand>R)(?=\d)
            |(?<![A-Za-z/])(?P<code>{codes})[\u00a0 ]?(?=\d)
          )
          (?P<num>{digits})
          (?:(?P<rsep>[\u00a0 ]?[-–][\u00a0 ]?)(?:{signs})?(?P<num2>{digits}))?  # "$1-2bn"
          (?:[\u00a0 -]?(?P<scale>(?i:{scale}))(?![A-Za-z]))?     # "bn", "-billion"
        |
          # 2. number first, currency after: "41 bln rand", "three billion Swiss francs"
          (?P<snum>{digits}|{words})
          (?:[\u00a0 -]?(?P<sscale>(?i:{scale}))(?![A-Za-z]))?
          (?:(?P<pence>p)(?![A-Za-z])                          # "450p"
            |(?:[\u00a0 ]+|-)(?P<name>(?i:{names}))(?![A-Za-z])  # "rand", "-dollar deal"
            |[\u00a0 ]?(?P<scode>{codes})(?![A-Za-z])           # "5bn CHF"
          )
        )
        """,
        re.VERBOSE,
    )


#: Every figure holds a number: its first digit, or a scale word when spelled out ("three
#: billion"). The big pattern is tried only at a few start positions before each: up to
#: _SIGN_REACH characters before a digit ("U.S.$5"), or at word starts up to _WORDS_REACH
#: characters before a scale word ("one hundred and twenty-five million").
_NUMBER_START = re.compile(r"\d[\d.,]*")  # each run of digits and separators, once
_SCALE_WORD = re.compile(r"illion|housand|lakh|crore")  # run on the lower-cased text
_WORD_START = re.compile(r"\b[a-z]")  # run on the lower-cased text
#: Where a sign or code can start: not inside a word ("U" of "US$5", not its "S").
_SIGN_START = re.compile(r"(?<![A-Za-z0-9])\S")
_SIGN_REACH = 6
_WORDS_REACH = 60


def _candidates(text: str) -> list[re.Match[str]]:
    """Regex matches of figures, left to right, trying the pattern only near numbers.

    Far cheaper than ``finditer`` over the whole text, which tries a long alternation at every
    character; the result is the same for figures that hold a digit or a scale word.
    """
    pattern = _money_regex()
    lower = lowered(text)
    if len(lower) != len(text):  # a rare character changes length when lower-cased
        lower = text
    anchors = [(m.start(), True) for m in _NUMBER_START.finditer(text)]
    anchors += [(m.start(), False) for m in _SCALE_WORD.finditer(lower)]
    anchors.sort()
    found: list[re.Match[str]] = []
    last_end = 0
    for pos, is_digit in anchors:
        if pos < last_end:
            continue
        if is_digit:
            lo = max(last_end, pos - _SIGN_REACH)
            starts = [m.start() for m in _SIGN_START.finditer(text, lo, pos)]
            starts.append(pos)
        else:
            lo = max(last_end, pos - _WORDS_REACH)
            starts = [w.start() for w in _WORD_START.finditer(lower, lo, pos)]
        m = first_match_past(pattern, text, starts, pos)
        if m is not None:
            found.append(m)
            last_end = m.end()
    return found


_PER_SHARE = re.compile(
    r"""
    (?:[\s\u00a0]+(?:in[\s\u00a0]+)?(?:cash|stock)(?=[\s\u00a0]+per\b))?  # "in cash per share"
    (?:[\s\u00a0]*|-)(?:a|per|each|for[\s\u00a0]+each|for[\s\u00a0]+every|/)
    (?:[\s\u00a0]*|-)                                # "a share", "per share", "/share",
                                                    # "$25-a-share", "450p-per-share"
    (?:ordinary\s+|common\s+|new\s+|depositary\s+
      |(?-i:[A-Z][\w&’'-]*\s+){1,2})?            # "per Acme share", "per Class A share"
    (?:share|unit|ADS|ADR|stock)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
_BARE_CENTS = re.compile(r"(?<![A-Za-z] )\bcents$", re.IGNORECASE)  # not "US cents"
#: Cheap test before the regex: the lower-cased 30 characters after a figure hold one of
#: these words when ``_PER_SHARE`` can match there.
_PER_SHARE_CUE = re.compile("share|unit|ads|adr|stock")
_RANGE_GAP = re.compile(r"^[\s\u00a0]*(?:-|–|—|to)[\s\u00a0]*$")
_AND_GAP = re.compile(r"^[\s\u00a0]+and[\s\u00a0]+$")
_BETWEEN = re.compile(r"\bbetween[\s\u00a0]+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom[\s\u00a0]+(?:\S+[\s\u00a0]+)?$", re.IGNORECASE)
_ALT_OPEN = re.compile(
    r"""^[\s\u00a0]*
    (?:\([\s\u00a0]*                          # "$586m (£378m)"
      |,?[\s\u00a0]*or[\s\u00a0]+             # "$586m, or £378m"
      |[\s\u00a0]*/[\s\u00a0]*)               # "$586m / £378m"
    (?:(?:about|around|roughly|approximately|some|nearly|almost|c\.|or|equivalent\s+to)
       [\s\u00a0]+)?$""",
    re.VERBOSE | re.IGNORECASE,
)
_ALT_CLOSE = re.compile(r"^[\s\u00a0]*[),;.]|^[\s\u00a0]*$|^[\s\u00a0]+(?:for|in|to|from)\b")


def _reading(text: str) -> NumberReading | None:
    if text[:1].isdigit():
        return read_digits(text)
    reading = read_number_words(text)
    if reading is None:
        # Rare word forms our reader does not know: ask quantulum3 (lazily loaded, cached).
        from extractor.parsing.quantities import read_number_quantulum

        value = read_number_quantulum(text)
        if value is not None:
            reading = NumberReading(value, Decimal(1))
    return reading


def _is_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


def _match_value(
    m: re.Match[str], text: str, context: CurrencyContext
) -> tuple[MoneyValue, int, Decimal | None] | None:
    """The value of one regex match, its end (after postfix qualifiers), its scale."""
    minor = False
    if m["num"] is not None:
        num, scale_word = m["num"], m["scale"]
        if m["sign"]:
            currency = resolve_sign(m["sign"], context)
        elif m["letter"]:
            currency = resolve_sign(m["letter"], context)
        elif m["rand"]:
            currency = "ZAR"
            # "R2" alone may be a road or a model; rand figures carry a scale or separators.
            if not scale_word and "." not in num and "," not in num:
                return None
        else:
            currency = resolve_code(m["code"])
    else:
        num, scale_word = m["snum"], m["sscale"]
        if m["pence"]:
            currency, minor = "GBP", True
        elif m["name"]:
            name = " ".join(m["name"].split())
            currency = resolve_word(name, context)
            if currency is None:
                from extractor.lexicons import load_lexicon

                minor_words = {
                    k.lower(): v for k, v in load_lexicon("currencies")["minor_words"].items()
                }
                currency, minor = minor_words.get(name.lower()), True
        else:
            currency = resolve_code(m["scode"])
        if _is_year(num) and not scale_word:
            return None  # "in 2020 dollars", "2023 USD figures"
    if currency is None:
        return None
    reading = _reading(num)
    if reading is None:
        return None
    spelled = not num[:1].isdigit()
    if spelled and not scale_word and _SCALE_WORD.search(num.lower()) is None:
        return None  # "no one won", "one dollar": spelled money needs a scale word
    value, unit = reading
    scale = None
    if scale_word:
        scale = scale_of(scale_word)
        if scale is None:
            return None
        value, unit = value * scale, unit * scale
    elif spelled:
        scale = unit
    if minor:
        value, unit = value * _CENT, unit * _CENT
    value = tidy(value)
    end = m.end()
    per_share = _PER_SHARE_CUE.search(text[end : end + 30].lower()) is not None and bool(
        _PER_SHARE.match(text, end, min(len(text), end + 30))
    )
    before = qualifier_before(text, m.start())
    after = None if before else qualifier_after(text, end)
    qual = before or after
    qualifier = qual.qualifier if qual else None
    is_range = m["num"] is not None and bool(m["num2"])
    high_bound: Decimal | None
    if is_range:
        high = _reading(m["num2"])
        if high is None:
            return None
        factor = (scale or Decimal(1)) * (_CENT if minor else Decimal(1))
        # "$1-2bn": the first number takes the scale printed after the second.
        low, high_bound = value, tidy(high.value * factor)
    else:
        low, high_bound = interval(value, unit, qualifier, near=bool(qual and qual.near))
        if after is not None:
            end += after.length
    return (
        MoneyValue(
            amount=value,
            currency=currency,
            qualifier=qualifier,
            low=low,
            high=high_bound,
            per_share=per_share,
            is_range=is_range,
        ),
        end,
        scale,
    )


def find_money(text: str, context: CurrencyContext | None = None) -> list[MoneyMatch]:
    """Every money figure in ``text``, in order, ranges merged.

    Args:
        text: any text (an article body, a sentence).
        context: how "$" and "¥" read; by default computed from ``text`` itself.

    Returns:
        Non-overlapping matches with character offsets into ``text``.

    >>> [(m.value.amount, m.value.currency) for m in find_money("paid $586m (£378m) for it")]
    [(Decimal('586000000'), 'USD'), (Decimal('378000000'), 'GBP')]
    >>> find_money("in 2005, 500 million users") == []
    True
    """
    if not isinstance(text, str) or not text:
        return []
    if context is None:
        context = currency_context(text)
    found: list[MoneyMatch] = []
    for m in _candidates(text):
        try:
            result = _match_value(m, text, context)
        except (ArithmeticError, ValueError) as e:  # odd digits: skip the figure, keep going
            logger.debug("cannot read money figure %r: %s", m.group(), e)
            continue
        if result is None:
            continue
        value, end, scale = result
        if found and _BARE_CENTS.search(m.group()):
            # "12 cents" is in the currency of the figures around it (NZ$, rand, A$), not USD.
            value = replace(value, currency=found[-1].value.currency)
        found.append(MoneyMatch(m.start(), end, value, scale))
    return _merge_ranges(text, found)


def _merge_ranges(text: str, found: list[MoneyMatch]) -> list[MoneyMatch]:
    """Join "$1bn-$2bn", "$1bn to $2bn" and "between $1bn and $2bn" into one figure.

    "from $1bn to $2bn" stays two figures (a change, not a range), but a bare first number
    still takes the second's scale: "from $1 to $2 billion".
    """
    out: list[MoneyMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is None or a.value.currency != b.value.currency or a.value.is_range:
            out.append(a)
            i += 1
            continue
        gap = text[a.end : b.start]
        head = text[max(0, a.start - 25) : a.start]
        is_to = _RANGE_GAP.match(gap) is not None
        is_between = _AND_GAP.match(gap) is not None and _BETWEEN.search(head) is not None
        if not (is_to or is_between):
            out.append(a)
            i += 1
            continue
        a_value = a.value
        if a.scale is None and b.scale is not None:
            # "$1 to $2 billion": the first figure takes the second's scale.
            amount = tidy(a_value.amount * b.scale)
            a_value = replace(a_value, amount=amount, low=amount, high=amount)
            a = replace(a, value=a_value, scale=b.scale)
        if (is_between or _FROM.search(head) is None) and a_value.amount <= b.value.amount:
            merged = replace(
                a_value,
                low=a_value.amount,
                high=b.value.amount,
                is_range=True,
                per_share=a_value.per_share or b.value.per_share,
            )
            out.append(MoneyMatch(a.start, b.end, merged, b.scale))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def money_links(text: str, matches: list[MoneyMatch]) -> list[tuple[int, int]]:
    """Index pairs of the same figure given in two currencies.

    "$240m (£155m)", "19.6 billion yuan (US$2.7 billion)", "$240m, or £155m".

    >>> found = find_money("It paid 36 billion rand ($2.41 billion) for it.")
    >>> money_links("It paid 36 billion rand ($2.41 billion) for it.", found)
    [(0, 1)]
    """
    links: list[tuple[int, int]] = []
    for i in range(len(matches) - 1):
        a, b = matches[i], matches[i + 1]
        if a.value.currency == b.value.currency or a.value.per_share != b.value.per_share:
            continue
        gap = text[a.end : b.start]
        if not _ALT_OPEN.match(gap):
            continue
        tail = text[b.end : b.end + 8]
        if "(" in gap and not tail.lstrip().startswith(")"):
            continue
        if "(" not in gap and not _ALT_CLOSE.match(tail):
            continue
        links.append((i, i + 1))
    return links


def parse_money(text: str, *, context: CurrencyContext | str | None = None) -> MoneyValue | None:
    """The first money figure in a short text, or None.

    Args:
        text: a phrase such as "over $3.2bn" or "three billion Swiss francs".
        context: a ``CurrencyContext``, or the article text to derive one from.

    >>> parse_money("$586m").amount
    Decimal('586000000')
    >>> v = parse_money("over $3.2bn"); (v.qualifier, v.low, v.high)
    ('over', Decimal('3200000000'), None)
    >>> parse_money("CHF3bn").currency
    'CHF'
    >>> note = "All figures in Canadian dollars unless otherwise noted."
    >>> parse_money("$20-billion", context=note).currency
    'CAD'
    >>> parse_money("500 million users") is None
    True
    """
    if not isinstance(text, str):
        return None
    if isinstance(context, str):
        context = currency_context(context)
    found = find_money(text, context or currency_context(text))
    return found[0].value if found else None
