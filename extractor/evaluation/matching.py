"""Forgiving comparison of names, texts, money figures and percentages for scoring.

The evaluator should count a prediction right when a reader would: "Telvanta Group Plc" is
"Telvanta", "Velmora's" is "Velmora", "Nestlé" is "NESTLE", and a company is matched through
its aliases on either side. The legal-form words come from the data file
``extractor/lexicons/eval_name_suffixes.json``; the evaluator keeps its own list (rather than
the extraction components' lexicon) so that a change to extraction data never moves the
yardstick it is measured with.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from extractor.lexicons import load_lexicon

#: Relative tolerance for money amounts: 0.5% covers rounding of converted or derived figures.
MONEY_TOLERANCE = 0.005
#: Absolute tolerance for percentages: "a third" may be 33.33 in gold and 33.333 predicted.
PERCENT_TOLERANCE = 0.01

_POSSESSIVE = re.compile(
    r"""
    (?<=\w)        # after a word character
    ['’]s?         # apostrophe-s, or a bare apostrophe after a plural (“partners’”)
    (?=\W|$)       # at the end of the word
    """,
    re.VERBOSE,
)
_DOTS = re.compile(r"(?<=\w)\.(?=\w)|(?<=\b\w)\.")  # "S.A." -> "SA", "Velmora.com" -> "Velmoracom"
_NON_WORD = re.compile(r"[\W_]+")  # punctuation and spaces become one space
_AMPERSAND = re.compile(r"\s*&\s*")


def normalise_text(text: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of a text.

    >>> normalise_text("“Nestlé  S.A.” — said")
    'nestle sa said'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _AMPERSAND.sub(" and ", stripped)
    stripped = _DOTS.sub("", stripped)
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


@functools.cache
def _suffixes() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    data = load_lexicon("eval_name_suffixes")
    # Longest first, so "sa de cv" is removed whole before "cv" could be considered.
    suffixes = sorted(
        (tuple(normalise_text(s).split()) for s in data["suffixes"]), key=len, reverse=True
    )
    return tuple(suffixes), frozenset(normalise_text(w) for w in data["leading"])


@functools.lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """A company or person name without possessive, legal suffixes, case or punctuation.

    At least one word is always kept, so a name made only of suffix words ("Group") survives.

    >>> normalise_name("Telvanta Group Plc's")
    'telvanta'
    >>> normalise_name("The Coca-Cola Co.")
    'coca cola'
    """
    words = normalise_text(_POSSESSIVE.sub("", name)).split()
    suffixes, leading = _suffixes()
    if len(words) > 1 and words[0] in leading:
        words = words[1:]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for suffix in suffixes:
            n = len(suffix)
            if len(words) > n and tuple(words[-n:]) == suffix:
                words = words[:-n]
                changed = True
                break
    return " ".join(words)


def names_match(predicted: Iterable[str | None], gold: Iterable[str | None]) -> bool:
    """True when any predicted name (name or alias) equals any gold name (name or alias)."""
    gold_forms = {normalise_name(g) for g in gold if g}
    gold_forms.discard("")
    return any(p and normalise_name(p) in gold_forms for p in predicted)


def money_match(
    predicted_amount: float | None,
    predicted_currency: str | None,
    gold_amount: float | None,
    gold_currency: str | None,
) -> bool:
    """Same currency, and amounts within 0.5% of the gold one (or equal in whole units)."""
    if predicted_amount is None or gold_amount is None:
        return predicted_amount is None and gold_amount is None
    if predicted_currency != gold_currency:
        return False
    # Whole-unit rounding only for figures large enough that a unit is below the tolerance's
    # grain anyway; small fractional figures ("4.5 GBP a share") rely on the 0.5% rule alone.
    if abs(gold_amount) >= 100 and round(predicted_amount) == round(gold_amount):
        return True
    return abs(predicted_amount - gold_amount) <= MONEY_TOLERANCE * abs(gold_amount)


def percent_match(predicted: float | None, gold: float | None) -> bool:
    """Equal within 0.01 points (33.33 and 33.333 agree); two nulls agree."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return abs(predicted - gold) <= PERCENT_TOLERANCE + 1e-9


@functools.cache
def _role_words() -> tuple[dict[str, str], frozenset[str]]:
    data = load_lexicon("eval_role_words")
    return dict(data["expansions"]), frozenset(data["filler"])


def _role_tokens(role: str) -> frozenset[str]:
    expansions, filler = _role_words()
    words: list[str] = []
    for word in normalise_text(role).split():
        words.extend(expansions.get(word, word).split())
    return frozenset(w for w in words if w not in filler)


def roles_match(predicted: str | None, gold: str | None) -> bool:
    """Lenient job-title comparison.

    Abbreviations are expanded ("CEO"), filler words dropped ("officer", "the", "of"), and a
    prediction that says more than the gold still counts ("president and chief executive" for
    "chief executive"), but one that says less does not ("executive" for "chief executive").
    """
    if predicted is None or gold is None:
        return predicted is None and gold is None
    pred, want = _role_tokens(predicted), _role_tokens(gold)
    return bool(want) and want <= pred
