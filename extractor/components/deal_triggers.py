"""Deal triggers: the words that say ownership changes hands, found in one sentence.

Families (lexicon ``deal_triggers``): ``buyback``, ``option``, ``stake_up`` ("raise its stake",
"holding will rise to"), ``sell``, ``merge``, ``buy`` (verbs and nouns: "bought", "takeover of"),
``take`` (only "take a ... stake"), ``lead`` ("the round was led by"), ``pay``, ``invest``
("invest in", "put ... into") and ``raise`` (a company raising money: "raised $250m").
Overlapping matches keep the more specific family.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from extractor.components.deal_words import all_words, word_at
from extractor.lexicons import load_lexicon

#: More specific families win overlaps. NOTE: keep in sync with the lexicon's families.
PRIORITY = (
    "buyback",
    "option",
    "stake_up",
    "sell",
    "merge",
    "buy",
    "take",
    "lead",
    "pay",
    "invest",
    "raise",
)

#: Families that describe a different kind of event from a transfer: a new frame starts when
#: the family class changes inside a sentence.
CLASS_OF = {"buyback": "buyback", "merge": "merge", "lead": "lead", "option": "option"}


@dataclass(slots=True, unsafe_hash=True)  # read-only, not frozen: see deal_view's records
class Trigger:
    family: str
    start: int  # offsets into the document text
    end: int
    text: str


def _alt(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True, slots=True)
class TriggerPatterns:
    families: dict[str, re.Pattern[str]]
    first_words: frozenset[str]
    family_words: dict[str, frozenset[str]]
    holding_words: frozenset[str]
    holding_after: re.Pattern[str]
    holding_rises: re.Pattern[str]
    take_after: re.Pattern[str]
    into_after: re.Pattern[str]
    pay_object: re.Pattern[str]
    #: Every phrase starts with a letter: ``_finditer`` may try only where first words stand.
    word_led: bool
    #: (rank in PRIORITY, family, its pattern, its first words) for the lexicon's families.
    ranked: tuple[tuple[int, str, re.Pattern[str], frozenset[str]], ...] = ()
    #: first word -> the indices into ``ranked`` of the families with a phrase opening with it.
    ranked_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)


@functools.cache
def trigger_patterns() -> TriggerPatterns:
    """Compile the ``deal_triggers`` lexicon once per process."""
    lex = load_lexicon("deal_triggers")
    fam = lex["families"]
    holding = _alt(lex["holding_nouns"])
    families = {
        name: re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", re.I)
        for name, words in fam.items()
    }
    every = [w for words in fam.values() for w in words] + list(lex["holding_nouns"])
    family_words = {name: _firsts(words) for name, words in fam.items()}
    ranked = tuple(
        (rank, name, families[name], family_words[name])
        for rank, name in enumerate(PRIORITY)
        if name in families
    )
    by_first: dict[str, list[int]] = {}
    for i, (_rank, _name, _pattern, firsts) in enumerate(ranked):
        for word in firsts:
            by_first.setdefault(word, []).append(i)
    return TriggerPatterns(
        families=families,
        # The first word of every trigger phrase: a sentence with none of them (most of an
        # article) needs no per-family regex pass.
        first_words=_firsts(every),
        family_words=family_words,
        holding_words=_firsts(lex["holding_nouns"]),
        # "raise its stake", "lifting its holding", "lifts Telvanta stake": a holding noun
        # within three words after the verb.
        holding_after=re.compile(
            rf"""^(?!\s+(?:a|an)\b)                 # "take a stake" buys, it does not raise
                 \s+(?:its|their|his|her|the)?\s*
                 (?:[^\s,.;]+\s+){{0,3}}?(?:{holding})\b""",
            re.I | re.X,
        ),
        # "Telvanta's holding in Telkari will rise from 52.5% to 57.2%"
        holding_rises=re.compile(
            rf"""\b(?:{holding})\b
                 (?:\s+in\s+[^,.;]{{1,60}}?)?              # "in Telkari"
                 \s+(?:will\s+|would\s+|to\s+|is\s+to\s+|could\s+)?
                 (?:{_alt(lex["rise_verbs"])})\b""",
            re.I | re.X,
        ),
        # "take a 41% stake", "took control of"
        take_after=re.compile(
            rf"""^\s+(?:a|an|its|their|the|full|majority|minority|control|over)?\s*
                 (?:[^\s,.;]+\s+){{0,3}}?(?:{holding}|control|%|per\s*cent|percent|ownership
                 |(?:half|third|quarter|fifth|sixth|eighth|tenth)s?\s+of\b)  # took a fifth of X
            """,
            re.I | re.X,
        ),
        into_after=re.compile(r"^[^.;]{0,50}?\binto\b", re.I),
        # "will pay a final dividend", "agreed to pay penalties": paying is not buying.
        pay_object=re.compile(
            rf"^\s+(?:(?:a|an|its|their|the)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_alt(lex['pay_objects'])})\b",
            re.I,
        ),
        word_led=all(_WORD.match(w.lower()) for w in every),
        ranked=ranked,
        ranked_by_first={word: tuple(ids) for word, ids in by_first.items()},
    )


def find_triggers(text: str, offset: int, money_starts: list[int]) -> list[Trigger]:
    """Deal triggers in one sentence.

    Args:
        text: the sentence text.
        offset: its start in the document, added to the trigger offsets.
        money_starts: sentence-relative starts of money figures ("raised $250m" needs one).
    """
    pats = trigger_patterns()
    words = all_words(text)
    # The first words the sentence holds: each family is tested against these few only.
    hits = pats.first_words.intersection(words)
    if not hits:
        return []
    lower = text.lower()
    at = lower if pats.word_led and _aligned(text, lower) else None
    places: dict[str, list[int]] = {}
    found: list[tuple[int, int, int, str]] = []  # (start, -len, priority, family)
    # Only the families with a first word in the sentence, in ``ranked`` order: the others
    # would find nothing (``here`` empty).
    by_first = pats.ranked_by_first
    ids = {i for word in hits for i in by_first.get(word, ())}
    for i in sorted(ids):
        rank, family, pattern, firsts = pats.ranked[i]
        here = firsts.intersection(hits)  # == firsts & words: every first word is in hits
        for m in _finditer(pattern, text, at, here, words, places):
            if not _accept(family, m, text, money_starts, pats):
                continue
            found.append((m.start(), -(m.end() - m.start()), rank, family))
    held = pats.holding_words.intersection(hits)
    if held:
        for m in _finditer(pats.holding_rises, text, at, held, words, places):
            found.append(
                (m.start(), -(m.end() - m.start()), PRIORITY.index("stake_up"), "stake_up")
            )
    found.sort(key=lambda f: (f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out: list[Trigger] = []
    for start, neg_len, _rank, family in found:
        end = start - neg_len
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(Trigger(family, offset + start, offset + end, text[start:end]))
    return sorted(out, key=lambda t: t.start)


def has_trigger_words(text: str) -> bool:
    """Can the sentence hold a trigger at all (cheap: most sentences of an article cannot)?"""
    return not trigger_patterns().first_words.isdisjoint(all_words(text))


def _accept(
    family: str, m: re.Match[str], text: str, money_starts: list[int], pats: TriggerPatterns
) -> bool:
    after = text[m.end() :]
    if family == "stake_up":
        return bool(pats.holding_after.search(after))
    if family == "take":
        return bool(pats.take_after.search(after))
    if family == "invest" and m.group(0).lower().startswith("put"):
        return bool(pats.into_after.search(after)) and any(
            m.end() <= s <= m.end() + 25 for s in money_starts
        )
    if family == "lead" and not m.group(0).lower().endswith("by"):
        return bool(_ROUND_AFTER.match(after))  # "led the $12m series A round", not "led the firm"
    if family == "sell" and m.group(0).lower().endswith(" of"):
        if not m.group(0).lower().startswith(("sale", "disposal")):
            return True  # "disposed of", "dispose of": verbs
        # "a sale of its 26% stake", "the disposal of its unit"; not "the sale of tickets".
        return bool(_SOLD_PART.match(after) or _SOLD_NAME.match(after))
    if family == "sell" and m.group(0).lower().startswith("hand"):
        # "will hand over its stake to Y" sells; "pay partly by handing over its assets" pays.
        return not _BY_BEFORE.search(text[: m.start()]) and bool(_TO_NAME.match(after))
    if family == "raise":
        # "raised $250 million": a company raising money, the figure right after the verb;
        # "closed a $30m series B round", "secured $18m in funding": other verbs need the
        # funding noun too ("shares closed at $4" is no round).
        if not any(m.end() <= s <= m.end() + 12 for s in money_starts):
            return False
        return m.group(0).lower().startswith("rais") or bool(_FUNDING_AFTER.match(after))
    word = m.group(0).lower()
    if family == "pay" and pats.pay_object.search(after):
        return False
    if family == "buy" and word.startswith("take") and _RULES_AFTER.match(after):
        return False  # "Under UK takeover rules": the rules, not a takeover
    if family == "buy" and word == "offered":
        # "has offered A$3.65 in cash for each share": an offer needs its figure.
        return any(m.end() <= s <= m.end() + 30 for s in money_starts)
    return True


_WORD = re.compile(r"[a-z]+")


def _aligned(text: str, lower: str) -> bool:
    """Are offsets into ``lower`` offsets into ``text``, each ASCII letter of a ``re.I`` match
    lower-cased in place (see ``_finditer``)? "ſ" and "ı" match an ASCII letter under ``re.I``
    but do not lower-case to it."""
    return len(lower) == len(text) and "ſ" not in text and "ı" not in text


def _finditer(
    pattern: re.Pattern[str],
    text: str,
    lower: str | None,
    firsts: frozenset[str],
    words: frozenset[str],
    places: dict[str, list[int]] | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts (at a word boundary)
    with one of the words ``firsts``: trying only where those words stand gives the same
    matches without running a long alternation at every character of the sentence.

    Args:
        lower: ``text`` lower-cased, or None when not ``_aligned`` (scan the usual way).
        words: the ``_WORD`` set of ``lower``.
        places: where each first word stands in ``lower``, filled as they are looked for:
            one dict for all the families of a sentence finds each word once.
    """
    if lower is None:
        yield from pattern.finditer(text)
        return
    if places is None:
        places = {}
    starts: list[int] = []
    for word in firsts.intersection(words):
        found = places.get(word)
        if found is None:
            found = places[word] = word_at(lower, word)
        starts.extend(found)
    starts.sort()
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m:
            end = m.end()
            yield m


def _firsts(phrases: list[str]) -> frozenset[str]:
    """The first word of each phrase, as ``_WORD`` splits a lower-cased sentence."""
    return frozenset(_WORD.findall(p.lower())[0] for p in phrases if _WORD.findall(p.lower()))


_RULES_AFTER = re.compile(
    r"\s+(?:rules?|code|panel|laws?|regulations?|regime|defences?|defenses?|battles?)\b", re.I
)

#: What an investor leads: a round of funding ("led the $12m series A round").
_ROUND_AFTER = re.compile(
    r"^\s*(?:[^\s.;,]+\s+){0,4}?(?:round|funding|financing|fundraising|raise|investment)\b", re.I
)
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_TO_NAME = re.compile(r"^[^.;]{0,80}?\bto\s+(?:the\s+)?[A-Z]")
#: What a sale noun must sell to be a deal: a stake, shares or a business of a company.
_SOLD_PART = re.compile(
    r"""^\s+(?:[^\s.;,]+\s+){0,4}?
        (?:stake|holding|shareholding|interest|shares|business|unit|division|subsidiary|arm)\b""",
    re.I | re.X,
)
#: "the sale of Seascale Foods to X", "the disposal of Irton Ltd, ...": a name and then the
#: deal goes on; not "the sale of Marlow Dairies yoghurts" (a product after the name).
_SOLD_NAME = re.compile(
    r"""^\s+(?:the\s+)?(?:[A-Z][\w&'’.-]*\s*){1,5}?
        (?=[,.;:(]|\s+(?:to|by|for|from|was|is|has|had|will|would|closed|completed)\b)""",
    re.X,
)
#: A funding noun a few words after the figure: "$30m series B round", "$18m in funding".
_FUNDING_AFTER = re.compile(
    r"""^[^.;]{0,30}?\d[^.;]{0,30}?
        \b(?:round|funding|financing|fundraising|series\s+[A-H]|seed|venture\s+capital)\b""",
    re.I | re.X,
)
