"""Compiled cue patterns of the deal finder, built once per process from the lexicons.

The word lists live in ``deal_triggers.json``; this module only says where the words must
stand (before or after an entity, at the end of a clause) and compiles each pattern once.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from extractor.components.deal_roles import QUALIFIER_WORDS, SHARE_ISSUE
from extractor.components.deal_words import Gated, first_words, joint_keys, key_words
from extractor.lexicons import load_lexicon

TRANSFER = "transfer"
#: "its paint business", "a stake in its gas pipeline unit": an unnamed part of the seller.
OWN_UNIT = re.compile(
    r"""^\s*(?:(?:a|an|the)\s+[^.;]{0,30}?\s+in\s+)?its\s+\S   # "its masts", "a stake in its unit"
      | ^[^.;]{0,40}?\b(?:businesses|business|units|unit|division|operations|subsidiary)\b
    """,
    re.I | re.X,
)
#: "A$3.65 in cash for each of the 178 million shares": a price per share.
FOR_EACH = re.compile(
    r"\s*(?:in\s+cash\s+)?(?:(?:for|per)\s+each\b|-?a-share\b|(?:a|per)\s+share\b)", re.I
)
PAYMENT_FORMS = Gated(
    re.compile(
        rf"""\bin\s+(?:{SHARE_ISSUE}\s+)*(?:[A-Z][\w&-]*\s+){{0,3}}(?:shares|stock)\b
                                                         # "$800m in newly issued Rimal shares"
          | \b(?:a|per|each)\s+share\b                     # "$40 a share"
          | \ball\s+(?:of\s+the\s+)?(?:[\d.,]+\s*\w*\s+)?shares\b  # "all 25 million shares"
        """,
        re.I | re.X,
    ),
    # every branch ends on one of these words, standing alone
    frozenset({"share", "shares", "stock"}),
)
#: A new frame starts inside a sentence when the class changes: "To help pay for the purchase,
#: X has agreed to sell its unit to Y" is two events, "bought ..., lifting its holding" one.
FAMILY_CLASS = {
    "buyback": "buyback",
    "merge": "merge",
    "lead": "lead",
    "option": "option",
    "sell": "sell",
}
_QUAL = QUALIFIER_WORDS


def _alt(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True)
class FramePatterns:
    clause_open: re.Pattern[str]
    #: A word every ``clause_open`` match holds whole (an opener, a saying verb's first word,
    #: "that" or "and"): a clause with none of them needs no search; None: always search.
    clause_words: frozenset[str] | None
    agent: Gated
    source: Gated
    recipient: Gated
    valued: re.Pattern[str]
    partner: Gated
    relation_of: Gated
    relation_after: re.Pattern[str]
    possessive_holding_in: re.Pattern[str]
    possessive_business: re.Pattern[str]
    modifier_after: re.Pattern[str]
    passive: Gated
    pronoun: Gated
    anaphor: Gated
    stake_word: Gated
    holding_near: Gated
    to_before: re.Pattern[str]
    further_before: re.Pattern[str]
    share_count: re.Pattern[str]
    status: dict[str, Gated]
    exercised: Gated
    negation: Gated
    present: Gated
    acquisition_word: Gated
    weak_present: frozenset[str]
    past_relative: dict[str, int]
    past_relative_re: Gated
    month_re: Gated
    months: tuple[str, ...]
    #: The keys of the status cues read in a frame's cue text (see ``read_status``).
    cue_keys: frozenset[str] | None = None
    #: The keys of the gated cues before an entity after the trigger (``_after_kind``).
    pre_keys: frozenset[str] | None = None


def _clause_words(openers: list[str], saying: list[str]) -> frozenset[str] | None:
    # Each opener stands between white space and each saying verb's first word after a word
    # boundary, so they are whole [a-z]+ runs of a match, as are "that" and "and".
    firsts = first_words([*openers, *saying])
    return None if firsts is None else firsts | {"that", "and"}


def _led_by(words: str, pattern: str) -> Gated:
    """A ``re.I`` pattern whose every match opens with one of ``words`` (space-separated)
    at a word boundary, white space after it: gated and tried where the word stands."""
    keys = frozenset(words.split())
    return Gated(re.compile(pattern, re.I), keys, keys)


def _phrases(words: list[str]) -> Gated:
    """Any of ``words`` standing alone: not inside a longer word or a hyphenated one."""
    pattern = re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", re.I)
    return Gated(pattern, key_words(words), first_words(words))


def _words(words: list[str]) -> Gated:
    """Any of ``words`` between word boundaries."""
    return Gated(re.compile(rf"\b(?:{_alt(words)})\b", re.I), key_words(words), first_words(words))


@functools.cache
def frame_patterns() -> FramePatterns:
    """Compile the role and status cues once per process."""
    lex = load_lexicon("deal_triggers")
    holding = _alt(lex["holding_nouns"])
    status = {name: _phrases(words) for name, words in lex["status"].items()}
    months = tuple(lex["months"])
    relation_heads = [*lex["relation_nouns"], "unit", "subsidiary", "head", "boss"]
    exercised, negation = _words(lex["exercised"]), _phrases(lex["negations"])
    cue_keys = joint_keys(
        exercised, negation, *(status[name] for name in ("proposed", "agreed", "completed"))
    )
    pats = FramePatterns(
        clause_words=_clause_words(lex["clause_openers"], lex["saying_verbs"]),
        clause_open=re.compile(
            rf"""(?:[,;:]\s+|\s)(?:{_alt(lex["clause_openers"])})\s   # ", when", " said"
               | \b(?:{_alt(lex["saying_verbs"])})\s+that\s          # "said that"
               | ,\s+(?:a|an|the)\s+[\w-]+\s+that\s                  # ", a figure that"
               | ,\s+and\s+(?=[A-Z])                                    # ", and Vance has"
            """,
            re.I | re.X,
        ),
        # Each opens with one word at a word boundary, white space after it: keyed by it.
        agent=_led_by("by", r"\bby\s+(?:the\s+)?(?:[^\s,.;]+\s+){0,3}?$"),
        source=_led_by("from", r"\bfrom\s+(?:its|their|the|a)?\s*(?:[^\s.;]+\s+){0,3}?$"),
        recipient=_led_by("to", r"\bto\s+(?:the\s+|a\s+)?(?:[^\s,.;]+\s+){0,3}?$"),
        valued=re.compile(r"\b(?:valu\w+|worth)\s+(?:the\s+)?$", re.I),
        partner=_led_by("with", r"\bwith\s+(?:[^\s,.;]+\s+){0,3}?$"),
        relation_of=Gated(
            re.compile(
                rf"""\b(?:{_alt(lex["relation_nouns"])}|unit|subsidiary|head|boss)\s+of\s+(?:the\s+)?$
                   | \b(?:{_alt(lex["affiliation_nouns"])})\s+(?:at|with|for)\s+$  # "analyst at X"
                """,
                re.I | re.X,
            ),
            key_words([*relation_heads, *lex["affiliation_nouns"]]),
            first_words([*relation_heads, *lex["affiliation_nouns"]]),
        ),
        # "Kingsway Post owner", "Millrace's founders", "Vindhya's public shareholders", "X-owned";
        # not "Vindhya Cement to rival Castleton" (a word between needs the possessive).
        relation_after=re.compile(
            rf"""^(?:(?:'s|’s|'|’)\s+(?:[a-z]+\s+)?|[\s-]+)
                 (?:{_alt(lex["relation_nouns"])}|owned|backed)\b""",
            re.X,
        ),
        possessive_holding_in=re.compile(
            rf"^(?:'s|’s|'|’)\s+(?:[^\s,.;]+\s+){{0,3}}?(?:{holding})\s+in\b", re.I
        ),
        possessive_business=re.compile(
            rf"^(?:'s|’s|'|’)\s+(?:[^\s,.;]+\s+){{0,4}}?(?:{_alt(lex['business_nouns'])})\b",
            re.I,
        ),
        modifier_after=re.compile(
            rf"^(?:'s|’s|'|’)?\s+(?:{_alt(lex['deal_nouns'])}|stock|shares)\b", re.I
        ),
        passive=_led_by(
            "was were is are been being be",
            r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$",
        ),
        pronoun=_phrases(lex["pronouns"]),
        anaphor=Gated(
            re.compile(
                rf"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:{_alt(lex['deal_nouns'])})\b", re.I
            ),
            key_words(lex["deal_nouns"]),
            frozenset({"the", "this", "that"}),
        ),
        stake_word=_phrases(lex["stake_words"]),
        holding_near=Gated(
            re.compile(rf"\b(?:{holding})\b[^.;]{{0,60}}$", re.I),
            key_words(lex["holding_nouns"]),
            first_words(lex["holding_nouns"]),
        ),
        to_before=re.compile(rf"\bto\s+(?:{_QUAL}\s+)*$", re.I),
        further_before=re.compile(
            r"\b(?:a\s+further|another|an\s+additional|additional)\s+$", re.I
        ),
        share_count=re.compile(
            r"""(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|bn|m|mn)?\s+
                (?:[A-Z][\w&.-]*\s+){0,3}                # "178 million Gidgee Copper shares"
                (?:new\s+|ordinary\s+|common\s+|of\s+its\s+|of\s+the\s+)?shares\b""",
            re.I | re.X,
        ),
        status=status,
        exercised=exercised,
        negation=negation,
        present=_words(lex["present_cues"]),
        acquisition_word=_phrases(lex["acquisition_words"]),
        weak_present=frozenset(w.lower() for w in lex["weak_present"]),
        past_relative={k.lower(): int(v) for k, v in lex["past_relative"].items()},
        past_relative_re=_words(list(lex["past_relative"])),
        month_re=Gated(
            re.compile(
                rf"""\b(?:in|since|last|from|during)\s+(?:late\s+|early\s+|mid-)?
                     ({_alt(months)})\b(?!\s+\d)""",
                re.I | re.X,
            ),
            key_words(months),
            frozenset({"in", "since", "last", "from", "during"}),
        ),
        months=months,
        cue_keys=cue_keys,
    )
    return dataclasses.replace(
        pats,
        pre_keys=joint_keys(
            pats.relation_of, pats.agent, pats.source, pats.partner, pats.recipient
        ),
    )
