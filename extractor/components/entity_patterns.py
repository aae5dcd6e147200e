"""Word lists and context patterns for typing names, compiled once per process.

``vocabulary()`` gathers the lexicons (``extractor/lexicons``) and the regexes that read the
words around a name: to its right ("X's shares", "X, the ... group", "NAME, an analyst at")
and to its left ("stake in X", "chief executive NAME", "the regulator, X"), each with the
kind of name it is evidence for and its points. ``entity_evidence`` applies them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.errors import LexiconError
from extractor.lexicons import load_lexicon
from extractor.parsing.lazy_regex import LazyPattern
from extractor.parsing.word_trie import trie_alternation

#: A context pattern with the kind of name it is evidence for and its points.
Item = tuple[LazyPattern, str, float]


@dataclass(frozen=True)
class Screen:
    """The light patterns of one group of right patterns as one regex (see ``screens``)."""

    #: The alternation of the light patterns, in their order, each in a named group.
    pattern: LazyPattern
    #: The group without its light patterns: all there is to try when ``pattern`` fails.
    heavy: tuple[Item, ...]
    #: Name of the alternative that matched (``Match.lastgroup``) -> the heavy patterns
    #: before it, its own item (it matches), and every pattern after it, in order.
    after: dict[str, tuple[tuple[Item, ...], Item, tuple[Item, ...]]]


@dataclass(frozen=True)
class Vocabulary:
    """Lexicons and context patterns, compiled once per process, each on its first use.

    The context patterns embed the role and descriptor word lists (about 20 ms each to
    compile); an article needs only some of them, so they are ``LazyPattern``s.
    """

    blocked: frozenset[str]
    calendar: frozenset[str]
    splitters: frozenset[str]  # words that cut a run in two: months, currency codes
    common: frozenset[str]
    headline: frozenset[str]  # verbs and nouns of headlines: "Agrees", "Buys", "Stake"
    first_names: dict[str, str]
    designators: frozenset[str]
    body_heads: frozenset[str]
    body_phrases: tuple[str, ...]  # several words: "Central Bank", "Community Trust"
    central_bank_heads: tuple[str, ...]
    publisher_heads: frozenset[str]
    of_heads: frozenset[str]
    keep_dots: frozenset[str]
    role_words: frozenset[str]
    role_re: LazyPattern
    right: tuple[tuple[LazyPattern, str, float], ...]
    #: The right patterns that can match a context starting with a given character (" " for
    #: any white space); ``right_other`` for every other first character (see ``by_opening``).
    right_by_first: dict[str, tuple[tuple[LazyPattern, str, float], ...]]
    right_other: tuple[tuple[LazyPattern, str, float], ...]
    #: Per first character: one regex that matches where any light pattern of that group
    #: matches, and what is left to try after it (see ``screens``).
    right_screens: dict[str, Screen]
    left: tuple[tuple[LazyPattern, str, float], ...]
    #: Last words that each left pattern can end with, to skip patterns that cannot match.
    left_triggers: tuple[frozenset[str] | None, ...]
    #: ``left_triggers`` inverted: last word -> indices of the left patterns it triggers;
    #: ``left_listing``: the patterns without a trigger word (they need a list cue).
    left_by_word: dict[str, tuple[int, ...]]
    left_listing: tuple[int, ...]
    #: How many words (runs of non-space) at the end of the left context some match of each
    #: left pattern lies within, if any matches at all (None: no bound); see ``left_spans``.
    left_spans: tuple[int | None, ...]
    #: Cheap necessary conditions for some left patterns, searched in ``left.lower()`` when
    #: the context is ASCII: ``(?i)`` makes the job-title trie about five times slower, and
    #: on ASCII text it matches exactly what the case-sensitive pattern matches lower-cased.
    #: Each is the pattern lower-cased without its look-behinds, so wherever the pattern
    #: matches the precheck matches with the same start: the pattern is searched from the
    #: precheck's first match.
    left_prechecks: tuple[LazyPattern | None, ...]
    #: A cheaper necessary condition, tried before each precheck: where a role pattern
    #: matches, the role ends with its last word right before the pattern's fixed tail
    #: (", ", " is ", " of the "); that word, the letters a-z that ``tail`` (searched from
    #: the start of the ``left_spans`` words) captures, is one of ``words`` (the last words
    #: of the listed titles and staff nouns), or the role is an open "head of X Y", whose
    #: "head" lies in those words. (None: no such test; see ``title_tails``.) The body pattern
    #: has one too: a body noun ("regulator", "central bank") before ", " or " ".
    left_title_ends: tuple[tuple[re.Pattern[str], frozenset[str]] | None, ...]
    #: Per left pattern, everything ``entity_evidence`` reads of it: (pattern, kind,
    #: points, span, precheck, title ends), one tuple instead of four lookups.
    left_plan: tuple[
        tuple[
            LazyPattern,
            str,
            float,
            int | None,
            LazyPattern | None,
            tuple[re.Pattern[str], frozenset[str]] | None,
        ],
        ...,
    ]
    boilerplate_starts: tuple[str, ...]
    section_ends: frozenset[str]


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie: several times
    faster than a flat alternation on the role and descriptor patterns of every name."""
    return trie_alternation(words)


#: Letters after a name that are no part of it: "Naomi Hart, M.D., Chief Executive".
_DEGREES = r"(?:,\s*(?:M\.D\.|MD|Ph\.D\.|PhD|MBA|CFA|CPA|Jr\.|Sr\.|OBE|CBE|MBE|KBE|QC|KC|\d{2}))*"


#: Titles that also describe companies ("infrastructure investor Havbrise Kapital").
_NOT_BEFORE_PEOPLE = (
    r"(?<!investor)(?<!investors)(?<!adviser)(?<!advisor)(?<!owner)(?<!regulator)(?<!banker)"
)


#: The ends of the role patterns of the left context: "chief executive, NAME", "Its chief
#: executive is NAME"; and "spokesman for X", "chief executive of X".
_ROLE_LEFT = (r"\s*,?\s+$", r"\s+(?:is|was)\s+$")
#: The staff nouns of ``_STAFF_OF`` ("spokesman for X"), listed so that ``left_title_ends``
#: can name the words such a match may end with.
_STAFF_NOUNS = (
    "parent", "owner", "rival", "unit", "subsidiary", "arm", "division", "shareholder",
    "shareholders", "investor", "investors", "backer", "backers", "executive", "executives",
    "spokesman", "spokeswoman", "spokesperson", "employee", "employees", "staff", "client",
    "clients",
)  # fmt: skip
_STAFF_OF = r"\b(?:" + "|".join(_STAFF_NOUNS) + r"|{role})\s+(?:at|of|for|with)\s+(?:the\s+)?$"
#: Organisations that are not businesses, as the body patterns name them.
_BODY_NOUNS = (
    "regulator", "watchdog", "authority", "agency", "ministry", "department", "government",
    "court", "university", "college", "club", "newspaper", "central bank", "union", "charity",
    "think tank", "tribunal", "commission", "parliament", "council",
)  # fmt: skip
#: The end of a context after the last word of the role (group 1) of the three role
#: patterns (``left_title_ends``); matched in the lower-cased context.
_TITLE_TAILS = (
    r"(?<![a-z])([a-z]+)\s*,?\s+\Z",
    r"(?<![a-z])([a-z]+)\s+(?:is|was)\s+\Z",
    r"(?<![a-z])([a-z]+)\s+(?:at|of|for|with)\s+(?:the\s+)?\Z",
)
#: For each of ``_TITLE_TAILS``: how many of the last words (runs of non-space) of a context
#: its match can touch. After group 1 come only white space and at most one comma, "is" or
#: "was", or a preposition and "the": every match starts within that many last words.
TAIL_WORDS = dict(zip(_TITLE_TAILS, (2, 2, 3), strict=True))


@functools.cache
def role_pattern(*, boundary: bool = True) -> str:
    """A regex (no groups) for a job title: "telecoms analyst", "founder and chief executive".

    Cached: the people and entity patterns embed it several times (a trie of ~150 titles).
    """
    roles = load_lexicon("roles")
    heads = _alternation(roles["heads"] + [f"head of {h}" for h in roles["head_of"]])
    mods = _alternation(roles["modifiers"])
    field_heads = _alternation(roles["field_heads"])
    # "told analysts", "briefed bankers": a verb before a field title is not its field.
    not_fields = _alternation(
        ["a", "an", "the", "and", "or", "of", "its", "his", "her", "their"]
        + roles["not_field_words"]
    )
    # "chief strategy officer", "head of gaming": open families of titles.
    open_heads = (
        r"chief\s+[a-z]+\s+officer|head\s+of\s+[a-z]+(?:\s+(?!at\b|of\b|for\b|in\b)[a-z]+)?"
    )
    one = (
        rf"(?:(?:{mods})\s+|co-)*(?:{open_heads}|(?:{heads})|"
        rf"(?!(?:{not_fields})\s)[a-z]+\s+(?:{field_heads}))"
    )
    return rf"(?:{one}(?:\s+and\s+{one})?)" + (r"\b" if boundary else "")


@functools.cache
def role_anchor() -> LazyPattern:
    """A cheap necessary condition for ``role_pattern``: a word every job title starts with.

    Each match of ``role_pattern`` holds a listed title ("managing director", "head of
    research"), an open one ("chief ... officer", "head of ...") or a field title ("telecoms
    analyst"), so it holds the first word of one of them (in any case): where this pattern finds
    nothing, no pattern built on ``role_pattern`` can match, and it need not even be compiled.
    """
    roles = load_lexicon("roles")
    firsts = {h.split()[0] for h in roles["heads"] + roles["field_heads"]} | {"chief", "head"}
    return LazyPattern(f"(?i:{_alternation(firsts)})")


@functools.cache
def vocabulary() -> Vocabulary:
    """Build the vocabulary (cached)."""
    non = load_lexicon("non_companies")
    words = load_lexicon("company_words")
    legal = load_lexicon("legal_suffixes")
    roles = load_lexicon("roles")
    role = f"(?i:{role_pattern()})"
    descriptor = _alternation(words["descriptor_nouns"])
    products = _alternation(non["product_nouns"])
    body_nouns = "|".join(n.replace(" ", r"\s+") for n in _BODY_NOUNS)
    right = (
        # "X's shares", "X shareholders", "X's board"
        (
            r"^(?:['’\ufffd]s)?\s+(?:shares?|stock(?!\s+(?:exchange|market))|share\s+price|shareholders?|stockholders?|"
            r"investors|board|bonds|bondholders|market\s+value|stake)\b",
            "company",
            3.0,
        ),
        (
            r"^\s+(?:said|says)\s+in\s+a\s+(?:statement|filing|release|note|regulatory)",
            "company",
            3.0,
        ),
        # tickers: "(NYSE: BABA)"
        (
            r"^\s*\(\s*(?:NYSE|Nasdaq|NASDAQ|LSE|TSX|ASX|HKEX|SGX|JSE|Euronext|Xetra|SIX|TSE|NSE|"
            r"BSE|OTC|AIM|ticker)\s*:\s*[A-Z0-9.]+\s*\)",
            "company",
            4.0,
        ),
        # "X, the Abu Dhabi-based telecoms group"
        (
            rf"^,\s+(?:the|a|an|its|their|one)\s+(?:[\w&'’.-]+\s+){{0,5}}?(?:{descriptor})\b"
            r"(?!['’]s)",
            "company",
            3.0,
        ),
        # "X, Brazil's largest bank"
        (
            rf"^,\s+[A-Z][\w'’ -]{{0,30}}?['’\ufffd]s\s+(?:[\w-]+\s+){{0,4}}?(?:{descriptor})\b",
            "company",
            3.0,
        ),
        (rf"^,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{body_nouns})\b", "body", 4.0),
        # "Velmora founder Leon Wu", "A Lathrop spokesperson"
        (
            r"^(?:['’\ufffd]s)?\s+(?:co-)?(?:founder|chief\s+executive|chairman|chairwoman|ceo|cfo|"
            r"boss|board|directors|spokes(?:man|woman|person)|management)\b",
            "company",
            2.0,
        ),
        (
            r"^\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|is\s+|was\s+|also\s+)?(?:agreed|agrees|"
            r"bought|buys|acquired|acquires|sold|sells|paid|pays|owns|raised|raises|invested|invests|"
            r"merged|reported|reports|posted|announced|announces|operates|employs|manages|develops|"
            r"(?<=will\s)(?:pay|buy|sell|acquire|invest|raise|own|hold|merge|keep|take|cut)|"
            r"disclosed|pleaded|completed|lifted|lifts|expects|is\s+selling|is\s+buying|declined|"
            r"held|holds|controls|plans|intends|advised|advises|confirmed|denied)\b",
            "company",
            1.5,
        ),
        # "X is being acquired by", "X has been sold to": people are not bought or sold (the
        # plain "X was bought" is a deal verb below)
        (
            r"^\s+(?:is\s+being|was\s+being|has\s+been|had\s+been|will\s+be)\s+"
            r"(?:acquired|bought|purchased|taken\s+over|sold)\s+(?:by|to)\b",
            "company",
            1.5,
        ),
        # "X walked away from its $1bn bid for": "its" bid, so not a person's
        (
            r"^\s+(?:has\s+|had\s+)?(?:walked\s+away\s+from|abandoned|dropped|withdrew|"
            r"launched|raised|sweetened|tabled|lodged)\s+(?:its|their)\s+"
            r"(?:[\w$£€.,-]+\s+){0,3}?(?:bid|offer|takeover)\b",
            "company",
            1.5,
        ),
        (
            rf"^{_DEGREES},\s+(?:a|an|the)?\s*(?:(?:other|fellow|then|now|current)\s+)?{role}",
            "person",
            3.0,
        ),
        (rf"^,\s+[A-Z][\w&.'’ -]{{0,40}}?['’\ufffd]s\s+{role}", "person", 3.0),
        # "NAME, the company's chief financial officer"
        (
            rf"^{_DEGREES},\s+(?:the|its)\s+(?:company|firm|group|bank|lender|business)['’]s\s+"
            rf"{role}",
            "person",
            3.0,
        ),
        # "NAME, a descendant of the founder", "NAME, the French billionaire"
        (
            r"^,\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:descendant|son|daughter|wife|"
            r"husband|widow|heir|grandson|granddaughter|brother|sister|nephew|niece|billionaire|"
            r"tycoon|entrepreneur|businessman|businesswoman|lawyer|banker|professor|veteran|"
            r"co-founder|founder|former)\b",
            "person",
            3.0,
        ),
        (
            r"^,?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:stepped\s+(?:down|in)|resigned|retired|"
            r"taken\s+over|took\s+over)\s+as\b",
            "person",
            2.0,
        ),
        (
            r"^\s+(?:told|added|explained|argued|noted|warned|wrote|insisted|became|joined)\b",
            "person",
            1.0,
        ),
        (r"^,?\s+(?:said|says)\b", "person", 0.5),
        # "the Zwahlen and Favre families"
        (r"^\s+(?:family|families|clan|dynasty)\b", "none", 4.0),
        # "Rome Fiumicino airport", "the Nathan Gate shopping centre"
        (
            r"^\s+(?:airport|port|harbour|station|square|street|road|avenue|district|province|"
            r"county|valley|river|gorge|basin|oilfield|field|shopping\s+centre|mall|mine|"
            r"canton|prefecture|municipality|island|peninsula|coast|border)\b",
            "place",
            2.0,
        ),
        # "its Galaxy Note phone", "the Lipton brand"
        (rf"^\s+(?:[\w-]*\d[\w-]*\s+)?(?:{products})\b", "none", 3.0),
        (r"^\s+(?:said|says)\b", "company", 0.5),
    )
    left = (
        # "managing partner Erik Solheim", "Its chief executive is NAME": before the
        # company patterns, which stop the search ("investor Fjordline" is a company).
        (rf"\b{role}{_NOT_BEFORE_PEOPLE}{_ROLE_LEFT[0]}", "person", 3.0),
        (rf"\b{role}{_ROLE_LEFT[1]}", "person", 3.0),
        (
            r"\b(?:stake|stakes|holding|holdings|interest|investment|shares|shareholding|share|stock|"
            r"ownership|position|control)\s+(?:in|of)\s+(?:the\s+)?$",
            "company",
            3.0,
        ),
        (
            r"(?:%|per\s*cent|percent|half|third|fifth|quarter|majority|minority|rest|remainder)\s+"
            r"of\s+(?:the\s+)?$",
            "company",
            2.0,
        ),
        (_STAFF_OF.format(role=role), "company", 3.0),
        (
            r"\b(?:investors|backers|shareholders|lenders|partners|rivals|competitors|companies|firms|"
            r"groups|banks)\b[\w\s]{0,15}?(?:including|such\s+as|like|,)\s+$",
            "company",
            3.0,
        ),
        (r"\b(?:investors|backers)\s+$", "company", 3.0),
        (rf"\b(?:[a-z][\w-]*\s+)(?:{descriptor})\s+$", "company", 3.0),
        (
            r"\b(?:buy|bought|buying|acquire[ds]?|acquiring|takeover\s+(?:of|by)|merger\s+(?:with|of|"
            r"between)|merge\s+with|deal\s+with|bid\s+for|offer\s+for|sell|sold|selling|"
            r"invest(?:ed|s|ing)?\s+(?:[$£€\w.,%-]+\s+){0,3}?in|backed\s+by|owned\s+by|controlled\s+by|bought\s+by|acquired\s+by|"
            r"sold\s+to|partnership\s+with|joint\s+venture\s+with|replaced|bought\s+into)\s+"
            r"(?:the\s+)?$",
            "company",
            2.0,
        ),
        (r"\bat\s+$", "company", 1.0),
        # "the publisher behind Call of Duty", "maker of the Flora spread"
        (
            r"\b(?:behind|maker\s+of|makers\s+of|publisher\s+of|creator\s+of|developer\s+of)\s+"
            r"(?:the\s+)?$",
            "none",
            3.0,
        ),
        # "brands such as Lipton", "franchises including Call of Duty"
        (
            rf"(?i:\b(?:{products})\b[^.;:]{{0,25}}?(?:such\s+as|including|included|includes|"
            rf"like|:))\s+(?:(?:[A-Z][\w&'’.-]*|and|or)[\s,]+){{0,8}}$",
            "none",
            3.0,
        ),
        (r"\bformerly\s+(?:known\s+as|called)\s+$", "company", 3.0),
        (
            r"\b(?:known|nicknamed|dubbed)\s+(?:in\s+[\w ]+?\s+)?as\s+(?:the\s+)?['‘\"“]?$",
            "none",
            4.0,
        ),
        (r"\b(?:said|says|according\s+to|told)\s+$", "person", 1.0),
        (
            r"\b(?:billionaire|tycoon|entrepreneur|businessman|businesswoman|investor)\s+$",
            "person",
            2.0,
        ),
        (
            r"\b(?:in|near|across|throughout|outside|around|from|into|on)\s+(?:the\s+)?$",
            "place",
            1.0,
        ),
        (rf"\b(?:the\s+)?(?:[\w-]+\s+)?(?:{body_nouns})\s*,?\s+$", "body", 4.0),
    )
    role_last = {h.split()[-1] for h in roles["heads"] + roles["field_heads"]} | set(
        roles["head_of"]
    )
    role_last = {w.split()[-1] for w in role_last} | {","}
    descriptor_last = {n.split()[-1] for n in words["descriptor_nouns"]}
    body_last = {"regulator", "watchdog", "authority", "agency", "ministry", "department",
                 "government", "court", "university", "college", "club", "newspaper", "bank",
                 "union", "charity", "tank", "tribunal", "commission", "parliament", "council",
                 ","}  # fmt: skip
    triggers: tuple[frozenset[str] | None, ...] = tuple(
        frozenset(t) if t is not None else None
        for t in (
            role_last,
            {"is", "was"},
            {"in", "of", "the"},
            {"of", "the"},
            {"at", "of", "for", "with", "the"},
            {"including", "as", "like", ","},
            {"investors", "backers"},
            descriptor_last,
            {"buy", "bought", "buying", "acquire", "acquired", "acquires", "acquiring", "of",
             "by", "with", "for", "sell", "sold", "selling", "sells", "in", "to", "replaced",
             "into", "the"},
            {"at"},
            {"behind", "of", "the"},
            None,
            {"as"},
            {"as", "the", "'", "‘", '"', "“"},
            {"said", "says", "to", "told"},
            {"billionaire", "tycoon", "entrepreneur", "businessman", "businesswoman", "investor"},
            {"in", "near", "across", "throughout", "outside", "around", "from", "into", "the",
             "on"},
            body_last,
        )
    )  # fmt: skip
    # Necessary conditions for the three role patterns, searched in the lower-cased context
    # (ASCII only, see ``left_prechecks``): the title without (?i) and look-behinds.
    plain = role_pattern()
    prechecks = (
        LazyPattern(rf"\b{plain}{_ROLE_LEFT[0]}"),
        LazyPattern(rf"\b{plain}{_ROLE_LEFT[1]}"),
        None,
        None,
        LazyPattern(_STAFF_OF.format(role=plain)),
        *(None for _ in left[5:]),
    )
    title_ends = title_tails(roles)
    title_ends += (None,) * (len(left) - len(title_ends) - 1)
    # The body pattern (the last): its body noun ends right before ", " or " ".
    title_ends += ((re.compile(_TITLE_TAILS[0]), frozenset(n.split()[-1] for n in _BODY_NOUNS)),)
    left_patterns = tuple((LazyPattern(p), k, s) for p, k, s in left)
    if len(triggers) != len(left):
        raise LexiconError("entity_evidence: one trigger set per left-context pattern")
    right_patterns = tuple((LazyPattern(p), k, s) for p, k, s in right)
    right_by_first, right_other = by_opening(right_patterns)
    spans = left_spans(roles, words["descriptor_nouns"])
    if len(spans) != len(left):
        raise LexiconError("entity_evidence: one word span per left-context pattern")
    return Vocabulary(
        left_triggers=triggers,
        left_by_word={
            word: tuple(i for i, t in enumerate(triggers) if t is not None and word in t)
            for word in set().union(*(t for t in triggers if t is not None))
        },
        left_listing=tuple(i for i, t in enumerate(triggers) if t is None),
        left_spans=spans,
        left_prechecks=prechecks,
        left_title_ends=title_ends,
        left_plan=tuple(
            (*item, span, precheck, ends)
            for item, span, precheck, ends in zip(
                left_patterns, spans, prechecks, title_ends, strict=True
            )
        ),
        blocked=frozenset(non["blocked_words"] + non["currency_codes"]),
        calendar=frozenset(non["calendar_words"]),
        splitters=frozenset(non["calendar_words"] + non["currency_codes"]),
        common=frozenset(non["common_adjectives"]),
        headline=frozenset(non["headline_words"]),
        first_names=dict(load_lexicon("first_names")["names"]),
        designators=frozenset(w.casefold() for w in words["designators"]),
        body_heads=frozenset(h for h in non["body_heads"] if " " not in h),
        body_phrases=(
            *(h for h in non["body_heads"] if " " in h),
            "Ministry of",
            "University of",
            "Bank of England",
        ),
        central_bank_heads=tuple(non["central_bank_heads"]),
        publisher_heads=frozenset(non["publisher_heads"]),
        of_heads=frozenset(w for w in words["of_heads"] if " " not in w),
        keep_dots=frozenset(s.casefold().rstrip(".") for s in legal["suffixes"]),
        role_words=frozenset(
            w for phrase in roles["heads"] + roles["modifiers"] for w in phrase.split()
        ),
        role_re=LazyPattern(role),
        right=right_patterns,
        right_by_first=right_by_first,
        right_other=right_other,
        right_screens=screens(right_by_first),
        left=left_patterns,
        boilerplate_starts=tuple(non["boilerplate_line_starts"]),
        section_ends=frozenset(non["section_end_headings"]),
    )


def title_tails(
    roles: dict[str, list[str]],
) -> tuple[tuple[re.Pattern[str], frozenset[str]] | None, ...]:
    """``Vocabulary.left_title_ends`` of the first five left patterns (the role patterns are
    the first, second and fifth).

    A match of ``role_pattern`` ends with the last word of one title: a listed title
    ("chief executive", "head of m&a", a field title such as "telecoms analyst"), "chief
    ... officer", or "head of X Y" with any X and Y. The letters a-z at the end of that word
    are among the ends of the listed titles, or "officer", or the match holds "head". Every
    listed title must end with a letter a-z for that: if one does not, there is no test.
    """
    titles = [t.lower() for t in roles["heads"] + roles["field_heads"]]
    titles += [f"head of {h.lower()}" for h in roles["head_of"]]
    ends = [re.search(r"[a-z]+\Z", t) for t in titles]
    if not all(ends):
        return ()
    words = frozenset(m.group() for m in ends if m) | {"officer"}
    tails = [re.compile(t) for t in _TITLE_TAILS]
    return (
        (tails[0], words),
        (tails[1], words),
        None,
        None,
        (tails[2], words | frozenset(_STAFF_NOUNS)),
    )


def left_spans(roles: dict[str, list[str]], descriptors: list[str]) -> tuple[int | None, ...]:
    """For each left pattern of ``vocabulary``, the words at the end of a context it needs.

    A left pattern ends at the end of the context (``$``), and ``search`` tries it at every
    position; the role patterns cost ~70 us a context that way. When every match implies one
    within the last N words, searching from the start of the N-th last word (``search(left,
    pos)``, which still sees the text before ``pos`` for ``\\b`` and look-behinds) gives the
    same answer. A job title's leading modifiers ("senior", "co-") and a first title joined by
    "and" are optional, so some match holds just one bare title: at most ``role`` words.
    Each bound has a margin of two words.

    Args:
        roles: the "roles" lexicon.
        descriptors: the company descriptor nouns ("group", "asset manager").

    Returns:
        One bound (or None) per left pattern, in their order.
    """
    role = max(
        4,  # "head of X Y" (an open title)
        *(len(h.split()) for h in roles["heads"]),
        *(2 + len(h.split()) for h in roles["head_of"]),
        *(1 + len(h.split()) for h in roles["field_heads"]),  # "telecoms analyst"
    )
    descriptor = max(len(d.split()) for d in descriptors)
    margin = 2
    words: tuple[int | None, ...] = (
        role + 1,  # role + ","
        role + 1,  # role + "is"
        3,  # "stake in the"
        4,  # "per cent of the"
        role + 2,  # "spokesman for the", role + "at the"
        None,
        None,
        1 + descriptor,  # "telecoms group"
        6,  # "invested $1m more in the"
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        2,  # "in the"
        5,  # "the state railway regulator ,"
    )
    return tuple(None if n is None else n + margin for n in words)


#: Openings of the right patterns and the characters a match can start with (" ": any white
#: space). Checked in order, so an opening that another one starts with comes after it.
_OPENINGS = (
    (r"^(?:['’\ufffd]s)?\s+", "'’\ufffd "),
    (r"^\s*\(", " ("),
    (r"^,?\s+", ", "),
    (rf"^{_DEGREES},", ","),
    (r"^\s+", " "),
    (r"^,", ","),
)


def opening_chars(pattern: str) -> str | None:
    r"""The characters a match of a right pattern can start with (" ": white space), read off
    its opening; None when the opening is none of ``_OPENINGS``.

    Valid for patterns without a top-level "|" (each right pattern is one sequence).

    >>> opening_chars(r"^,\s+(?:the|a)\s+group"), opening_chars(r"^\s+said"), opening_chars("x")
    (',', ' ', None)
    """
    for opening, chars in _OPENINGS:
        if pattern.startswith(opening):
            return chars
    return None


def by_opening(
    patterns: tuple[tuple[LazyPattern, str, float], ...],
) -> tuple[
    dict[str, tuple[tuple[LazyPattern, str, float], ...]],
    tuple[tuple[LazyPattern, str, float], ...],
]:
    """The right patterns grouped by the first character of the context they can match.

    Most contexts start with a space or a comma; each needs only about half of the patterns.
    Order is kept within each group.

    Returns:
        A dict from first character (" " for white space) to patterns, and the patterns for
        any other first character (those whose opening is not known).
    """
    openings = [opening_chars(p.pattern) for p, _, _ in patterns]
    keys = {c for chars in openings if chars is not None for c in chars}
    by_first = {
        key: tuple(
            p for p, chars in zip(patterns, openings, strict=True) if chars is None or key in chars
        )
        for key in keys
    }
    other = tuple(p for p, chars in zip(patterns, openings, strict=True) if chars is None)
    return by_first, other


#: Right patterns longer than this (those embedding the job-title trie) stay out of the
#: screens: compiling them a second time would cost about 20 ms each at start-up.
_SCREEN_MAX = 4000


def screens(by_first: dict[str, tuple[Item, ...]]) -> dict[str, Screen]:
    """A screen per group of right patterns: most contexts match none of them.

    The screen is the alternation of the group's light patterns (each anchored with "^"), so
    it matches a context exactly when one of them does; one failed match of the screen then
    replaces a dozen failed matches, and what is left to try are the heavy patterns. When it
    matches, its alternatives are tried in order at the one place "^" allows, so the one that
    matched (``lastgroup``: its named group closes last) is the first light pattern that
    matches: the light patterns before it match nothing, it matches, and the patterns after
    it are still to try.

    Returns:
        First character -> its ``Screen``.
    """
    out: dict[str, Screen] = {}
    for key, group in by_first.items():
        light = [i for i, (p, _, _) in enumerate(group) if len(p.pattern) <= _SCREEN_MAX]
        if len(light) < 2:
            continue
        heavy = tuple(item for item in group if len(item[0].pattern) > _SCREEN_MAX)
        alternation = "|".join(f"(?P<_{i}>{group[i][0].pattern})" for i in light)
        after = {
            f"_{i}": (
                tuple(item for item in group[:i] if len(item[0].pattern) > _SCREEN_MAX),
                group[i],
                group[i + 1 :],
            )
            for i in light
        }
        out[key] = Screen(LazyPattern(alternation), heavy, after)
    return out
