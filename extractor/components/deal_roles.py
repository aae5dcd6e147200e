"""What a money figure or percentage measures, read from the words around it.

Revenue, profit, market value, fines, debt and the like are never deal prices; a percentage
after "rose" or before "of the market" is a change or a share of something, not a stake. The
cue words live in the ``amount_roles`` lexicon; the patterns here only say where they must
stand: right before the figure ("revenue of about $X", "lost $X") or right after it
("$X in penalties", "$X of assets").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from extractor.components.deal_words import (
    Gated,
    absent,
    first_words,
    forget_words,
    joint_keys,
    key_words,
)
from extractor.lexicons import load_lexicon


def _alt(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# Qualifier words a money or percent span may leave outside itself ("about $3bn").
_QUAL = (
    r"(?:about|around|roughly|some|approximately|nearly|almost|more\s+than|less\s+than|over"
    r"|above|under|up\s+to|at\s+least|as\s+much\s+as|just|a\s+further|another|a\s+record"
    r"|a\s+total\s+of|only|no\s+less\s+than|not\s+less\s+than|no\s+more\s+than|at\s+most)"
)
QUALIFIER_WORDS = _QUAL
#: Words between "in" and "shares" of a payment in stock: "in newly issued", "in its own".
SHARE_ISSUE = (
    r"(?:new|newly[\s-]issued|freshly[\s-]issued|newly[\s-]created|ordinary|common|"
    r"preference|its\s+own|their\s+own|own)"
)


@dataclass(frozen=True)
class RolePatterns:
    before: dict[str, Gated]
    after: dict[str, re.Pattern[str]]
    #: One pattern with every role's cues after the figure: no match, no role matches.
    any_after: Gated
    worth_deal: Gated
    price_cue: Gated
    valuation_cue: Gated
    parts_after: re.Pattern[str]
    change_before: Gated
    change_after: re.Pattern[str]
    deal_modifier: re.Pattern[str]
    #: The keys of ``worth_deal``, ``price_cue`` and every ``before`` cue (see ``joint_keys``).
    tail_keys: frozenset[str] | None = None


def _before_cue(words: list[str]) -> Gated:
    """A cue a few words before the figure: "revenue of about $X"."""
    pattern = re.compile(
        rf"""\b(?:{_alt(words)})\b       # the cue ("revenue", "lost", "market value")
             (?:\s+[^\s.,;:()]+){{0,4}}?  # a few words ("of about"), not across a comma
             \s*$""",
        re.I | re.X,
    )
    return Gated(pattern, key_words(words), first_words(words))


def _after_cue(words: list[str]) -> re.Pattern[str]:
    """A cue a few words after the figure: "$X in penalties"."""
    return re.compile(
        rf"""^\s*(?:more\s+)?               # "$380m more in ..."
             (?:[^\s.,;:()]+\s+){{0,4}}?    # a few words ("of Banca Sorvegna's riskiest")
             (?:{_alt(words)})\b""",
        re.I | re.X,
    )


@functools.cache
def role_patterns() -> RolePatterns:
    """Compile the ``amount_roles`` lexicon once per process."""
    lex = load_lexicon("amount_roles")
    before = {role: _before_cue(words) for role, words in lex["before"].items()}
    after = {role: _after_cue(words) for role, words in lex["after"].items()}
    nouns = _alt(lex["worth_subjects"])
    pats = RolePatterns(
        before=before,
        after=after,
        # a cue follows white space (or the figure) and ends at a word boundary: keyed
        any_after=Gated(
            _after_cue([w for words in lex["after"].values() for w in words]),
            key_words([w for words in lex["after"].values() for w in words]),
        ),
        # "The sale is worth about US$14.6bn": the worth of a deal is its price.
        # "in a deal worth", "A takeover of X by Y, worth": the deal noun's own worth.
        worth_deal=Gated(
            re.compile(
                rf"""\b(?:{nouns})\b
                     (?:(?:\s+[^\s.;]+){{0,3}}?\s+(?:is|was|would\s+be|will\s+be|are)\s+
                        (?:worth|valued\s+at)
                      | (?:\s+[^\s,.;]+){{0,6}}?,?\s+worth  # no comma inside: not "Y, a firm worth"
                     )\s*(?:{_QUAL}\s*)*$""",
                re.I | re.X,
            ),
            key_words(lex["worth_subjects"]),
            first_words(lex["worth_subjects"]),
        ),
        price_cue=Gated(
            re.compile(rf"\b(?:{_alt(lex['price_cues'])})\s*(?:{_QUAL}\s*)*$", re.I),
            key_words(lex["price_cues"], bounded_right=False),
            # no first words: "\s*" after a cue lets a one-word cue run into the next word
        ),
        # "valuing Pellwick at over", "values the company at", "a valuation of about"
        valuation_cue=Gated(
            re.compile(
                rf"""(?:\b(?:{_alt(lex["valuation_cues"])})\b
                        (?:\s+[^\s.;]+){{0,8}}?\s+(?:at|of)  # "valuing Pellwick at", "values it at"
                      | \bvaluation\s+(?:of|at)              # "a valuation of"
                     )\s*(?:{_QUAL}\s*)*$""",
                re.I | re.X,
            ),
            key_words([*lex["valuation_cues"], "valuation"]),
            first_words([*lex["valuation_cues"], "valuation"]),
        ),
        # "$6.3bn in cash", "$800m in new Rimal shares"
        parts_after=re.compile(
            rf"""^\s*(?:{_alt(lex["parts_after"])}
                 | in\s+(?:{SHARE_ISSUE}\s+)*(?:[A-Z][\w&-]*\s+){{1,3}}(?:shares|stock)
                                                 # "in new X shares", "in newly issued X stock"
                 )\b""",
            re.I | re.X,
        ),
        change_before=Gated(
            re.compile(rf"\b(?:{_alt(lex['change_before'])})\s+(?:{_QUAL}\s*)*$", re.I),
            key_words(lex["change_before"]),
            first_words(lex["change_before"]),
        ),
        change_after=re.compile(
            rf"^\s*(?:[^\s.;]+\s+){{0,1}}?(?:{_alt(lex['change_after'])})\b", re.I
        ),
        # "a £3bn takeover", "in 41 bln rand deal": the figure names the deal's size.
        deal_modifier=re.compile(
            r"^\s*(?:[\w-]+\s+)?(?:takeover|deal|acquisition|merger|buyout|offer|bid|sale)\b",
            re.I,
        ),
    )
    tail_keys = joint_keys(pats.worth_deal, pats.price_cue, *before.values())
    return dataclasses.replace(pats, tail_keys=tail_keys)


def context_role(before: str, after: str) -> str | None:
    """The role the words around a money figure give it, or None when they say nothing.

    Args:
        before: sentence text before the figure (only its end is looked at).
        after: sentence text after the figure (only its start is looked at).
    """
    return _context_role(before[-80:], after[:60])


@functools.lru_cache(maxsize=1024)
def _context_role(tail: str, head: str) -> str | None:
    """``context_role`` of the text next to one figure; the same figure is asked about by the
    frame, the cued-figure pass and the final roles, so the answer is kept (for one document:
    see ``new_document``)."""
    pats = role_patterns()
    if not absent(pats.tail_keys, tail):  # most figures have no cue word before them
        if pats.worth_deal.search(tail) or pats.price_cue.search(tail):
            return None
        for role, pattern in pats.before.items():  # each gated by its cue words
            if pattern.search(tail):
                return role
    if pats.any_after.search(head):
        for role, pattern in pats.after.items():
            if pattern.search(head):
                return role
    return None


def new_document() -> None:
    """Forget the answers kept for the previous document (they only repeat within one)."""
    _context_role.cache_clear()
    _percent_is_change.cache_clear()
    forget_words()


def percent_is_change(before: str, after: str) -> bool:
    """True for "shares rose 3.1%", "about 43% of the market": not a stake."""
    return _percent_is_change(before[-40:], after[:40])


@functools.lru_cache(maxsize=1024)
def _percent_is_change(tail: str, head: str) -> bool:
    pats = role_patterns()
    return bool(pats.change_before.search(tail) or pats.change_after.search(head))
