"""Company anaphora: "the firm", "the German group", "the two companies", "the Group".

Resolution, in order:

1. a term the article defines ('Ukhozi Vale Holdings Limited ("the Group")');
2. apposition: "RL Group, the investment company founded by ..." is RL Group;
3. plural ("the two companies", "both firms"): the most-mentioned companies, in the order the
   article introduces them;
4. singular: a salience score over the last few sentences, where the running subject of the
   text (the company that opens a sentence; "It ..." keeps the previous one) counts most;
   companies whose description contradicts the reference ("the bank" for a company the
   article calls a brokerage, "the German group" for one it calls Italian) are set aside.

Descriptions come from appositions and premodifiers: "X, Brazil's largest bank", "brokerage
firm X", "X, the Italian state-owned carrier".
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from extractor.facts import CompanyFact, ReferenceFact
from extractor.lexicons import load_lexicon
from extractor.parsing.names import name_words
from extractor.parsing.word_trie import trie_alternation

_REFERENCE = re.compile(
    r"""
    # "[Tt]he|[Bb]oth" at a word start, each branch opening with its letter so that ``re``
    # scans for the four first letters: "T(?<!\wT)" is "\bT", with a look-behind after it
    (?P<det>T(?<!\wT)he|t(?<!\wt)he|B(?<!\wB)oth|b(?<!\wb)oth)\s+
    (?:(?P<num>two|three|four)\s+)?
    (?:(?P<adj>[A-Z][a-z]+|[a-z]+(?:-[a-z]+)?)\s+)??   # "Chinese", "combined" (optional)
    (?P<noun>firm|company|group|bank|lender|carrier|airline|insurer|brokerage|operator|
       retailer|giant|business|firms|companies|groups|banks|lenders|carriers|airlines|
       Group|Company|Bank)
    \b(?!-)
    """,
    re.VERBOSE,
)
_PLURAL_NOUNS = frozenset(
    {"firms", "companies", "groups", "banks", "lenders", "carriers", "airlines"}
)
#: Nouns that fit any company; the others must agree with what the article calls it.
_GENERIC = frozenset({"firm", "company", "group", "business", "giant"})
#: Reference nouns and the description nouns or name words that agree with them.
_SYNONYMS = {
    "bank": {"bank", "lender", "banco", "bancorp", "banque"},
    "lender": {"bank", "lender", "banco", "bancorp", "banque"},
    "carrier": {"carrier", "airline", "airways", "airlines", "air", "operator", "telco"},
    "airline": {"carrier", "airline", "airways", "airlines", "air"},
    "insurer": {"insurer", "insurance", "assurance", "reinsurer"},
    "brokerage": {"brokerage", "broker"},
    "operator": {"operator", "carrier", "telco", "network"},
    "retailer": {"retailer", "grocer", "supermarket", "chain", "stores"},
}
_SYNONYM_WORDS = frozenset(w for words in _SYNONYMS.values() for w in words)
#: Adjectives that make the phrase no reference to a company in the story.
_NOT_ADJECTIVES = frozenset(
    {"same", "other", "whole", "entire", "first", "only", "central", "state", "public"}
)
#: Sentences looked back for the antecedent of a singular reference, and their weights.
_WEIGHTS = (1.0, 0.6, 0.36, 0.2)
#: Sentences looked back for a company whose description agrees with a specific noun
#: ("the bank" for "X, the Brazilian lender").
_FIT_WINDOW = 8
#: Sentence openers that keep the running subject ("It also runs ...").
_PRONOUN_OPENERS = re.compile(r"^\W*(?:It|Its|They|Their|The\s+(?:company|firm|group))\b")


@functools.cache
def _descriptor_pattern() -> re.Pattern[str]:
    """Any descriptor noun as a whole word, the longest first where several fit.

    Built as a trie (shared prefixes tried once): the same matches as the flat alternation
    sorted longest first, several times faster on every description.
    """
    nouns = load_lexicon("company_words")["descriptor_nouns"]
    return re.compile(rf"\b(?:{trie_alternation(nouns, space=re.escape(' '))})\b")


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    sentence: int
    subject: bool = False


@dataclass
class _Profile:
    """What the article says a company is: description nouns and nationality words."""

    nouns: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)


#: "X, the ...", "X, Brazil's ...": the description after a name.
_APPOSITION = re.compile(r"^,\s+(?:the|a|an|its|[A-Z][\w'’ -]{0,30}?['’]s)\s+([^,;.]{0,70})")
#: Up to three words before a name ("brokerage firm X"), matched in the reversed text: the
#: same words as ``((?:[\w-]+\s+){0,3})$`` without trying every start position.
_WORDS_BEFORE_REVERSED = re.compile(r"(?:\s+[\w-]+){0,3}")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")


def _profiles(text: str, companies: list[CompanyFact]) -> dict[str, _Profile]:
    demonyms = name_words().demonyms
    pattern = _descriptor_pattern()
    profiles: dict[str, _Profile] = {}
    for company in companies:
        profile = _Profile()
        names = " ".join([company.name, *company.aliases])
        profile.nouns.update(w.casefold() for w in names.split())
        for start, end in company.mentions:
            after = text[end : end + 80].split("\n")[0]
            m = _APPOSITION.match(after)
            described = m.group(1) if m else ""
            before = text[max(0, start - 40) : start].split("\n")[-1]
            before_m = _WORDS_BEFORE_REVERSED.match(before[::-1])
            described += " " + (before_m.group()[::-1] if before_m else "")
            profile.nouns.update(n.casefold() for n in pattern.findall(described))
            profile.nations.update(w for w in _CAPITALISED.findall(described) if w in demonyms)
        profiles[company.name] = profile
    return profiles


def _specific(noun: str, adj: str | None) -> bool:
    """Whether ``_fit`` reads the profile for this noun and adjective."""
    return noun not in _GENERIC or bool(adj and adj in name_words().demonyms)


def _fit(noun: str, adj: str | None, profile: _Profile) -> int:
    """2: agrees with what the article says; 1: nothing known; 0: contradicts it."""
    score = 1
    if noun not in _GENERIC:
        wanted = _SYNONYMS.get(noun, {noun})
        known = profile.nouns & _SYNONYM_WORDS
        if profile.nouns & wanted:
            score = 2
        elif known:
            return 0
    if adj and adj in name_words().demonyms:
        if adj in profile.nations:
            score = 2
        elif profile.nations:
            return 0
    return score


def defined_terms(
    text: str, companies: list[CompanyFact], pattern: re.Pattern[str]
) -> dict[str, str]:
    """References an article defines: 'Ukhozi Vale Holdings Limited ("the Group")'.

    ``pattern`` is matched on the 120 characters after a mention, and its every match opens
    with white space and "(" (as ``companies._DEFINED_AFTER``): after most mentions there is
    none, and that is one cheap test in the text itself.
    """
    terms: dict[str, str] = {}
    for company in companies:
        for _, end in company.mentions:
            if not _PAREN_AFTER.match(text, end):
                continue
            m = pattern.match(text[end : end + 120])
            if not m:
                continue
            for term in m.groups():
                if term and term.casefold().startswith("the "):
                    terms.setdefault(term.casefold(), company.name)
    return terms


def find_references(
    text: str,
    companies: list[CompanyFact],
    sentences: list[int],
    *,
    definitions: re.Pattern[str],
) -> list[ReferenceFact]:
    """Company anaphora of the text and the companies they stand for.

    Args:
        text: the document text.
        companies: the article's companies with their mentions.
        sentences: sentence start offsets.
        definitions: matches a defined-term parenthesis right after a name (each match
            opens with white space and "(", see ``defined_terms``).
    """
    if not companies:
        return []
    defined = defined_terms(text, companies, definitions)
    profiles: dict[str, _Profile] | None = None  # made when a singular reference needs them
    first_seen = {c.name: c.mentions[0][0] if c.mentions else 0 for c in companies}
    totals = Counter({c.name: len(c.mentions) for c in companies})
    mentions = _mentions(text, companies, sentences)
    ranked = sorted(totals, key=lambda n: (-totals[n], first_seen[n]))
    refs: list[ReferenceFact] = []
    for m in _REFERENCE.finditer(text):
        if _skip(text, m, mentions):
            continue
        noun, adj = m.group("noun").casefold(), m.group("adj")
        plural = (
            noun in _PLURAL_NOUNS or m.group("det").casefold() == "both" or bool(m.group("num"))
        )
        appositive = _apposition(text, m, mentions)
        if m.group().casefold() in defined:
            names = [defined[m.group().casefold()]]
        elif appositive and not plural:
            names = [appositive]
        elif plural:
            n = {"three": 3, "four": 4}.get(m.group("num") or "", 2)
            names = sorted(ranked[:n], key=first_seen.__getitem__) if len(ranked) >= n else []
        else:
            # A generic noun without a nationality ("the company") fits every company:
            # what the article says of each (``_profiles``) is needed only otherwise.
            if profiles is None and _specific(noun, adj):
                profiles = _profiles(text, companies)
            names = _antecedent(text, m, noun, adj, mentions, sentences, profiles, totals)
        if names:
            refs.append(ReferenceFact(m.start(), m.end(), m.group(), names))
            if len(names) == 1:
                index = max(0, bisect.bisect_right(sentences, m.start()) - 1)
                subject = _opens(text, sentences, index, m.start())
                mention = _Mention(m.start(), m.end(), names[0], index, subject)
                # (after any mention with the same start, as a stable sort would put it)
                bisect.insort_right(mentions, mention, key=_start_of)
    return refs


_PAREN_AFTER = re.compile(r"\s*\(")
#: Words before a mention that make it no subject ("a unit of X", "sold to X").
_NOT_OPENING = re.compile(r"\b(?:including|such\s+as|of|by|from|to|with)\s")
_COMMA = re.compile(r",\s*")
_SPACES = re.compile(" *")


def _opens(text: str, sentences: list[int], index: int, pos: int) -> bool:
    start = sentences[index] if sentences else 0
    before = text[start:pos]
    return len(before) < 60 and not _NOT_OPENING.search(before)


def _mentions(text: str, companies: list[CompanyFact], sentences: list[int]) -> list[_Mention]:
    out: list[_Mention] = []
    for company in companies:
        for start, end in company.mentions:
            index = max(0, bisect.bisect_right(sentences, start) - 1)
            out.append(_Mention(start, end, company.name, index))
    out.sort(key=lambda x: x.start)
    seen: set[int] = set()
    for mention in out:
        if mention.sentence in seen:
            continue
        seen.add(mention.sentence)
        start = sentences[mention.sentence] if sentences else 0
        if _PRONOUN_OPENERS.match(text[start : mention.start]):
            continue
        mention.subject = _opens(text, sentences, mention.sentence, mention.start)
    return out


def _start_of(mention: _Mention) -> int:
    return mention.start


def _skip(text: str, m: re.Match[str], mentions: list[_Mention]) -> bool:
    """Not a reference: inside a name, a descriptor before one, or a non-company adjective."""
    if m.group("adj") and m.group("adj").casefold() in _NOT_ADJECTIVES:
        return True
    start, end = m.span()
    if any(x.start < end and start < x.end for x in mentions):
        return True
    after = _SPACES.match(text, end).end()  # the spaces after the reference
    return after > end and any(x.start == after for x in mentions)


def _apposition(text: str, m: re.Match[str], mentions: list[_Mention]) -> str | None:
    """ "X, the firm that ...": the company right before the comma (not "X, the group's")."""
    if text[m.end() : m.end() + 2] in ("'s", "’s"):
        return None
    start = m.start()
    before = [x for x in mentions if x.end <= start]
    if not before:
        return None
    last = max(before, key=lambda x: x.end)
    return last.name if _COMMA.fullmatch(text[last.end : m.start()]) else None


def _antecedent(
    text: str,
    m: re.Match[str],
    noun: str,
    adj: str | None,
    mentions: list[_Mention],
    sentences: list[int],
    profiles: dict[str, _Profile] | None,
    totals: Counter[str],
) -> list[str]:
    """The company a singular reference stands for (``profiles`` may be None when the
    reference is not ``_specific``: every company fits it)."""
    index = max(0, bisect.bisect_right(sentences, m.start()) - 1)
    scores: Counter[str] = Counter()
    near: set[str] = set()
    subject: str | None = None
    for mention in mentions:
        if mention.start >= m.start():
            break
        if mention.subject:
            subject = mention.name
        back = index - mention.sentence
        if 0 <= back < len(_WEIGHTS):
            scores[mention.name] += _WEIGHTS[back] * (2 if mention.subject else 1)
        if 0 <= back < _FIT_WINDOW:
            near.add(mention.name)
    if subject:
        scores[subject] += 1.5
    for name, total in totals.items():
        scores[name] += 0.05 * total
    if profiles is None or not _specific(noun, adj):
        fits = dict.fromkeys(totals, 1)  # what ``_fit`` gives without reading a profile
    else:
        fits = {name: _fit(noun, adj, profiles[name]) for name in totals}
    candidates = [n for n in scores if fits[n] > 0] or list(scores)
    best = max(candidates, key=lambda n: (fits[n] == 2 and n in near, scores[n]))
    return [best]
