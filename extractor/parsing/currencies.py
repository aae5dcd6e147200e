"""Currencies by sign, code and word, and the article context that settles "$" and "¥".

The tables live in ``extractor/lexicons/currencies.json``. Two signs are ambiguous:

- ``$`` is USD unless the article gives a *strong* signal for another dollar:
  1. a house note such as "All figures in Canadian dollars unless otherwise noted" (the named
     currency wins for every plain "$"; "US$" stays USD);
  2. the article writes "US$" for US dollars (so a plain "$" means something else) *and* names
     exactly one other dollar ("C$", "HK$", "A$" ... or "Canadian dollars"): plain "$" is that
     dollar. A lone "C$" or "R$" earlier is not enough: the FT and Reuters write "C$1bn ($730m)"
     with "$" meaning USD.
  3. without a note and without "US$", the article prints exactly one other dollar sign
     ("HK$2bn ... a further $500m") and never converts one into plain dollars in brackets
     ("HK$2bn ($256m)", the FT/Reuters style where "$" is USD): plain "$" is that dollar.
- ``¥`` is JPY unless the article speaks of China more than of Japan (China, Chinese, Beijing,
  yuan, renminbi ... against Japan, Japanese, Tokyo, yen ...); "円" is always JPY.

A bare "kroner" / "krone" (written after the figure) is the Norwegian or the Danish currency:
NOK unless the article names Denmark (Danish, Copenhagen ...) more often than Norway. "kronor"
and "krona" are always Swedish.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.lexicons import load_lexicon
from extractor.parsing.word_trie import trie_alternation

__all__ = [
    "CurrencyContext",
    "currency_context",
    "resolve_code",
    "resolve_sign",
    "resolve_word",
]


@dataclass(frozen=True)
class CurrencyContext:
    """How an article's ambiguous signs read: ``dollar`` for "$", ``yen_sign`` for "¥",
    ``krone`` for a bare "kroner"/"krone"."""

    dollar: str = "USD"
    yen_sign: str = "JPY"
    krone: str = "NOK"


DEFAULT_CONTEXT = CurrencyContext()


@functools.cache
def _table() -> dict[str, object]:
    return load_lexicon("currencies")


def _dict(key: str) -> dict[str, str]:
    value = _table()[key]
    return value if isinstance(value, dict) else {}


def _list(key: str) -> list[object]:
    value = _table()[key]
    return value if isinstance(value, list) else []


def alternation(keys: list[str] | dict[str, str]) -> str:
    """A regex alternation of literal strings, longest first (so "HK$" wins over "$")."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def resolve_sign(sign: str, context: CurrencyContext | None = None) -> str | None:
    """ISO code of a sign or letter prefix written before a figure.

    >>> resolve_sign("HK$"), resolve_sign("£"), resolve_sign("Dh"), resolve_sign("R")
    ('HKD', 'GBP', 'AED', 'ZAR')
    >>> resolve_sign("$", CurrencyContext(dollar="CAD"))
    'CAD'
    >>> resolve_sign("¥", CurrencyContext(yen_sign="CNY"))
    'CNY'
    """
    context = context or DEFAULT_CONTEXT
    if sign == "$":
        return context.dollar
    if sign in ("¥", "￥"):
        return context.yen_sign
    code = _dict("prefix").get(sign) or _dict("letter_prefixes").get(sign)
    return code or resolve_code(sign)


def resolve_code(code: str) -> str | None:
    """An ISO 4217 code as printed ("RMB" is CNY), or None.

    >>> resolve_code("CHF"), resolve_code("RMB"), resolve_code("XYZ")
    ('CHF', 'CNY', None)
    """
    code = code.strip()
    if code not in _list("codes"):
        return None
    return _dict("code_aliases").get(code, code)


@functools.cache
def _words_lower() -> dict[str, str]:
    return {k.lower(): v for k, v in _dict("words").items()}


def resolve_word(word: str, context: CurrencyContext | None = None) -> str | None:
    """ISO code of a currency name written after a figure ("Swiss francs", "rand").

    A bare "dollars" follows the article's dollar like "$" does, a bare "kroner" its krone.

    >>> resolve_word("Swiss francs"), resolve_word("U.S. dollars"), resolve_word("rand")
    ('CHF', 'USD', 'ZAR')
    >>> resolve_word("dollars", CurrencyContext(dollar="HKD"))
    'HKD'
    >>> resolve_word("kroner"), resolve_word("kroner", CurrencyContext(krone="DKK"))
    ('NOK', 'DKK')
    """
    key = " ".join(word.split()).lower()
    if key in ("dollars", "dollar"):
        return (context or DEFAULT_CONTEXT).dollar
    if key in ("kroner", "krone"):
        return (context or DEFAULT_CONTEXT).krone
    return _words_lower().get(key)


def _trie(keys: Iterable[str], *, ignore_case: bool = False, not_after: str | None = None) -> str:
    """``alternation`` as a trie: the same matches, cheaper to try at every position."""
    return trie_alternation(
        keys, space=re.escape(" "), ignore_case=ignore_case, not_after=not_after
    )


@functools.cache
def _context_patterns() -> tuple[re.Pattern[str], ...]:
    # Word lists as tries (``word_trie``): most of these run over the whole article.
    names = _dict("dollar_names")
    note = re.compile(
        rf"""
        (?:figures|amounts|prices|values|numbers|dollar\ figures|dollar\ amounts)  # "All figures
        \s+(?:are\s+|quoted\s+|given\s+|expressed\s+)?in\s+     # are in
        (?P<name>{_trie(names, ignore_case=True)})             # Canadian dollars
        \s+unless                                               # unless otherwise noted"
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    # Each look-behind for a letter before a sign comes after the sign's first character
    # (see ``trie_alternation``'s ``not_after``): the same matches as ``(?<![A-Za-z])`` before
    # it, and ``re`` scans ahead for the first characters instead of trying every offset.
    us_sign = re.compile(r"U(?<![A-Za-z].)(?:S\$|\.S\.\$|SD\b)")
    signs = _trie(_dict("local_dollar_signs"), not_after="[A-Za-z]")
    # "HK$2bn ($256m)": a local-dollar figure converted into plain dollars in brackets.
    converted = re.compile(rf"(?:{signs})\s?\d[\d.,]*\s*(?:[a-zA-Z]{{1,8}}\s*)?\(\s*\$\s?\d")
    # Local dollars by sign ("HK$2bn") and by name ("Canadian dollars"): two patterns, so that
    # each runs only on text holding a "$" or a "dollar" (the two can never overlap).
    local_sign = re.compile(rf"(?P<sign>{signs})\s?\d")
    local_name = re.compile(
        rf"\b(?P<name>{_trie({k: v for k, v in names.items() if v != 'USD'})})\b"
    )
    china = [str(w) for w in _list("china_words")]
    japan = [str(w) for w in _list("japan_words")]
    yen = re.compile(rf"\b(?:(?P<cn>{_trie(china)})|(?P<jp>{_trie(japan)}))\b|(?P<jp_sign>円)")
    denmark = [str(w) for w in _list("denmark_words")]
    norway = [str(w) for w in _list("norway_words")]
    nordic = re.compile(rf"\b(?:(?P<dk>{_trie(denmark)})|(?P<no>{_trie(norway)}))\b")
    return note, us_sign, local_sign, local_name, yen, nordic, converted


def currency_context(text: str) -> CurrencyContext:
    """Read the article-level signals that decide what "$" and "¥" mean (see module doc).

    >>> currency_context("All figures in Canadian dollars unless otherwise noted.").dollar
    'CAD'
    >>> currency_context("It paid HK$5bn (US$640m) ... and $2bn more.").dollar
    'HKD'
    >>> currency_context("It paid C$1bn ($730m).").dollar
    'USD'
    >>> currency_context("It paid HK$5bn in March and a further $2bn in June.").dollar
    'HKD'
    >>> currency_context("Beijing-based group paid ¥20 billion").yen_sign
    'CNY'
    >>> currency_context("A Copenhagen brewer paid 4 billion kroner.").krone
    'DKK'
    """
    if not isinstance(text, str) or not text:
        return DEFAULT_CONTEXT
    note, us_sign, local_sign, local_name, yen, nordic, converted = _context_patterns()
    dollar = "USD"
    # Cheap substring tests first: most articles have no house note and no "US$".
    m = note.search(text) if "nless" in text else None
    if m is not None:
        dollar = _dict("dollar_names").get(_canonical_name(m["name"]), "USD")
    elif (
        # Each ``in`` scans the whole text: look for "US$" only where there is a "$".
        ("USD" in text or ("$" in text and ("US$" in text or "U.S.$" in text)))
        and us_sign.search(text)
    ):
        local_signs = _dict("local_dollar_signs")
        found = {local_signs[lm["sign"]] for lm in local_sign.finditer(text)}
        if "dollar" in text:
            for lm in local_name.finditer(text):
                found.add(_dict("dollar_names")[_canonical_name(lm["name"])])
        if len(found) == 1:
            dollar = found.pop()
    elif (
        "$" in text
        # Both patterns need a local sign: without one they find nothing and "$" stays USD.
        and _has_local_sign(text)
        and converted.search(text) is None
    ):
        local_signs = _dict("local_dollar_signs")
        signs = {local_signs[lm["sign"]] for lm in local_sign.finditer(text)}
        if len(signs) == 1:
            dollar = signs.pop()
    has_yen = "¥" in text or "￥" in text
    yen_sign = "CNY" if has_yen and _outnumbers(yen, text, "cn") else "JPY"
    # Only articles with a bare "kroner"/"krone" figure need the count.
    krone = "DKK" if "kron" in text and _outnumbers(nordic, text, "dk") else "NOK"
    return CurrencyContext(dollar=dollar, yen_sign=yen_sign, krone=krone)


@functools.cache
def _local_signs() -> tuple[frozenset[str], tuple[int, ...], bool]:
    signs = frozenset(_dict("local_dollar_signs"))
    return signs, tuple(sorted({len(s) for s in signs})), all(s.endswith("$") for s in signs)


def _has_local_sign(text: str) -> bool:
    """Whether a local dollar sign ("HK$", "C$") occurs in ``text``.

    Looks only at the few "$" of the text: the strings of each sign's length ending there
    (one ``in`` test per sign would scan the whole text a dozen times).
    """
    signs, lengths, all_dollars = _local_signs()
    if not all_dollars:
        return any(s in text for s in signs)
    pos = text.find("$")
    while pos != -1:
        for n in lengths:
            if text[max(0, pos + 1 - n) : pos + 1] in signs:
                return True
        pos = text.find("$", pos + 1)
    return False


def _outnumbers(pattern: re.Pattern[str], text: str, group: str) -> bool:
    """Whether the matches of ``pattern`` with ``group`` set outnumber the other matches.

    Args:
        pattern: Alternation of two named word lists (say Chinese vs Japanese place words).
        text: The article.
        group: The name of the side that has to win outright (a tie goes to the other).

    Returns:
        True when strictly more matches have ``group`` set than not.
    """
    sides = [bool(m[group]) for m in pattern.finditer(text)]
    return sum(sides) > len(sides) - sum(sides)


def _canonical_name(name: str) -> str:
    lowered = " ".join(name.split()).lower()
    for key in _dict("dollar_names"):
        if key.lower() == lowered:
            return key
    return name
