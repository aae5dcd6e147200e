"""Numbers as printed in financial prose: digits, separators, scale words and number words.

Every reader returns the value together with its printed *unit* (the place value of the last
printed digit), because the interval a figure stands for comes from it: "3.2" has unit 0.1,
"586" unit 1, "three billion" unit 1e9 (see ``extractor.parsing.intervals``).

Separators. "1,200" is 1200 and "1,200.5" 1200.5 (English); "1.200.000" and "1.200,50" are
European and unambiguous. A lone "1.200" is ambiguous and read the English way (1.2), which is
what English-language financial news means; "1,5" (a comma then one or two digits) is a
European decimal comma (1.5).

Nothing here raises on odd text: readers return None.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from extractor.lexicons import load_lexicon

__all__ = [
    "NumberReading",
    "parse_fraction_words",
    "parse_number",
    "read_digits",
    "read_number",
    "read_number_words",
    "scale_of",
    "tidy",
]


class NumberReading(NamedTuple):
    """A number and the place value of its last printed digit."""

    value: Decimal
    unit: Decimal


_ENGLISH = re.compile(
    r"""
    ^(?P<int>\d{1,3}(?:,\d{3})+|\d+)   # 1,200,000 or 1200
    (?:\.(?P<dec>\d+))?$               # optional decimals
    """,
    re.VERBOSE,
)
_EUROPEAN = re.compile(
    r"""
    ^(?P<int>\d{1,3}(?:\.\d{3}){2,}    # 1.200.000: two or more dot groups
      |\d{1,3}(?:\.\d{3})+(?=,))       # 1.200,50: dot groups then a decimal comma
    (?:,(?P<dec>\d+))?$
    """,
    re.VERBOSE,
)
_INDIAN = re.compile(
    r"""
    ^(?P<int>\d{1,2}(?:,\d{2})+,\d{3})  # 1,20,000 or 12,34,56,789: lakh/crore grouping
    (?:\.(?P<dec>\d+))?$                # (two-digit groups never occur in English numbers)
    """,
    re.VERBOSE,
)
_DECIMAL_COMMA = re.compile(r"^(?P<int>\d+),(?P<dec>\d{1,2})$")  # "1,5", "12,75"
#: The unit of a number printed without decimals (``Decimal(1).scaleb(-0)``).
_UNIT_ONE = Decimal(1).scaleb(0)


def read_digits(text: str) -> NumberReading | None:
    """Read a number written in digits.

    >>> read_digits("1,200")
    NumberReading(value=Decimal('1200'), unit=Decimal('1'))
    >>> read_digits("3.25")
    NumberReading(value=Decimal('3.25'), unit=Decimal('0.01'))
    >>> read_digits("1.200.000").value
    Decimal('1200000')
    >>> read_digits("1,5").value
    Decimal('1.5')
    >>> read_digits("1,20,000").value
    Decimal('120000')
    >>> read_digits("1.2.3") is None
    True
    """
    text = text.strip()
    if text.isascii() and text.isdigit():
        # Plain digits ("586"): what ``_ENGLISH`` reads, with no decimals.
        return NumberReading(Decimal(text), _UNIT_ONE)
    for pattern, sep in ((_ENGLISH, ","), (_INDIAN, ","), (_EUROPEAN, "."), (_DECIMAL_COMMA, "")):
        m = pattern.match(text)
        if m is None:
            continue
        whole = m["int"].replace(sep, "") if sep else m["int"]
        dec = m["dec"] or ""
        try:
            value = Decimal(f"{whole}.{dec}" if dec else whole)
        except InvalidOperation:
            return None
        return NumberReading(value, Decimal(1).scaleb(-len(dec)))
    return None


@functools.cache
def _scales() -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in load_lexicon("scales")["scales"].items()}


def scale_of(word: str) -> Decimal | None:
    """The multiplier of a scale word or abbreviation.

    >>> scale_of("bn"), scale_of("Million"), scale_of("crore")
    (Decimal('1E+9'), Decimal('1E+6'), Decimal('1E+7'))
    >>> scale_of("lakh crore")
    Decimal('1E+12')
    >>> scale_of("apples") is None
    True
    """
    scales = _scales()
    parts = word.split()
    if len(parts) > 1:  # "lakh crore": scales multiply
        factors = [scale_of(p) for p in parts]
        if any(f is None for f in factors):
            return None
        product = Decimal(1)
        for f in factors:
            product *= f or 1
        return product
    word = word.strip().rstrip(".")
    # "M"/"B"/"K" are case-sensitive abbreviations; words are not.
    return scales.get(word) if word in scales else scales.get(word.lower())


@functools.cache
def _words() -> tuple[dict[str, int], frozenset[str]]:
    data = load_lexicon("numbers")
    small = {**data["units"], **data["tens"]}
    return small, frozenset(data["articles"])


_WORD_SPLIT = re.compile(r"[\s\-–]+")


def read_number_words(text: str) -> NumberReading | None:
    """Read a cardinal number written in words, with scale words.

    The unit is the place value of the last non-zero digit, so that "four hundred million"
    stands for 350-450 million and "three billion" for 2.5-3.5 billion.

    >>> read_number_words("three billion")
    NumberReading(value=Decimal('3000000000'), unit=Decimal('1E+9'))
    >>> read_number_words("four hundred million")
    NumberReading(value=Decimal('400000000'), unit=Decimal('1E+8'))
    >>> read_number_words("a billion").value
    Decimal('1000000000')
    >>> read_number_words("one hundred and twenty-five").value
    Decimal('125')
    >>> read_number_words("two thousand crore").value
    Decimal('20000000000')
    >>> read_number_words("the billion") is None
    True
    >>> read_number_words("half a billion")
    NumberReading(value=Decimal('500000000'), unit=Decimal('1E+8'))
    """
    small, articles = _words()
    parts = [p for p in _WORD_SPLIT.split(text.strip().lower()) if p and p != "and"]
    if not parts:
        return None
    half = _half_scale(parts, articles)
    if half is not None:
        return half
    total = Decimal(0)
    current = Decimal(0)
    seen_number = False
    for i, word in enumerate(parts):
        if word in articles and i == 0:
            if len(parts) > 1 and parts[1] in small:
                # "an eighty": an article counts only before a scale word; in "a three-billion-
                # dollar deal" it belongs to the noun phrase, not to the number.
                if not any(scale_of(w) for w in parts[2:] if len(w) > 2):
                    return None
                continue
            current = Decimal(1)
            continue
        if word in small:
            current += small[word]
            seen_number = True
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
            seen_number = True
        else:
            scale = scale_of(word) if len(word) > 2 else None
            if scale is None:
                return None
            if current == 0 and total > 0:
                total *= scale  # "two thousand crore": scales multiply
            else:
                total += (current or Decimal(1)) * scale
            current = Decimal(0)
            seen_number = True
    if not seen_number:
        return None
    value = tidy(total + current)
    return NumberReading(value, _last_digit_unit(value))


def _half_scale(parts: list[str], articles: frozenset[str]) -> NumberReading | None:
    """ "half a billion", "a half-billion", "half a million": half of one scale word."""
    if parts and parts[0] in articles:
        parts = parts[1:]
    if not parts or parts[0] != "half":
        return None
    rest = parts[1:]
    if rest and rest[0] in articles:
        rest = rest[1:]
    if len(rest) != 1 or len(rest[0]) <= 2:
        return None
    scale = scale_of(rest[0])
    if scale is None:
        return None
    value = tidy(scale / 2)
    return NumberReading(value, _last_digit_unit(value))


def tidy(value: Decimal) -> Decimal:
    """Whole numbers without exponent or trailing decimals: Decimal('3.2E+9') -> 3200000000.

    >>> tidy(Decimal("3.2E+9")), tidy(Decimal("1.50"))
    (Decimal('3200000000'), Decimal('1.5'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _last_digit_unit(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit of a whole number (1 for 0)."""
    if value == 0:
        return Decimal(1)
    n = int(value)
    zeros = 0
    while n and n % 10 == 0:
        n //= 10
        zeros += 1
    return Decimal(1).scaleb(zeros)


def read_number(text: str) -> NumberReading | None:
    """Read digits ("1,200.5"), digits with a scale ("3.2bn", "4.6 billion") or words.

    >>> read_number("3.2bn")
    NumberReading(value=Decimal('3200000000'), unit=Decimal('1E+8'))
    >>> read_number("41 bln").value
    Decimal('41000000000')
    >>> read_number("1.5-billion").value
    Decimal('1500000000')
    >>> read_number("nearly everything") is None
    True
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    m = _DIGITS_SCALE.match(text)
    if m is not None:
        reading = read_digits(m["num"])
        if reading is None:
            return None
        if not m["scale"]:
            return reading
        scale = scale_of(m["scale"])
        if scale is None:
            return None
        return NumberReading(tidy(reading.value * scale), reading.unit * scale)
    return read_number_words(text)


_DIGITS_SCALE = re.compile(
    r"""
    ^(?P<num>\d[\d.,]*)          # the digits with their separators
    (?:[\s\-]*(?P<scale>[A-Za-z]+(?:\s[A-Za-z]+)?\.?))?$  # a scale: bn, million, lakh crore
    """,
    re.VERBOSE,
)


def parse_number(text: str) -> Decimal | None:
    """The value of a number in digits or words, or None.

    >>> parse_number("1,200")
    Decimal('1200')
    >>> parse_number("twenty-five")
    Decimal('25')
    >>> parse_number("") is None
    True
    """
    reading = read_number(text)
    return None if reading is None else reading.value


@functools.cache
def _fractions() -> tuple[dict[str, int], dict[str, int]]:
    data = load_lexicon("fractions")
    return data["denominators"], data["numerators"]


_HUNDREDTH = Decimal("0.01")


def parse_fraction_words(text: str) -> Decimal | None:
    """A fraction in words as a percentage, rounded to two decimals.

    >>> parse_fraction_words("a fifth")
    Decimal('20.00')
    >>> parse_fraction_words("two-thirds")
    Decimal('66.67')
    >>> parse_fraction_words("half")
    Decimal('50.00')
    >>> parse_fraction_words("a third")
    Decimal('33.33')
    >>> parse_fraction_words("the third") is None
    True
    >>> parse_fraction_words("third")
    Decimal('33.33')
    """
    if not isinstance(text, str):
        return None
    denominators, numerators = _fractions()
    parts = [p for p in _WORD_SPLIT.split(text.strip().lower()) if p]
    if not parts or parts[-1] not in denominators:
        return None
    if len(parts) == 1:
        if parts[0].endswith("s") and parts[0] != "halves":
            return None  # "thirds" alone has no numerator
        # A lone "third" is 1/3: the finder passes it only after a possessive ("its third of").
        numerator = 1
    elif len(parts) == 2 and parts[0] in numerators:
        numerator = numerators[parts[0]]
    else:
        return None
    denominator = denominators[parts[-1]]
    if numerator >= denominator:
        return None
    return (Decimal(100) * numerator / denominator).quantize(_HUNDREDTH)
