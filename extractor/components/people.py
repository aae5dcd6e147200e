"""``extractor_people``: the people an article names, with role, organisation and gender.

Writes ``Doc._.extractor_people`` (``list[PersonFact]``, in order of first mention) and adds
PERSON spans to ``doc.ents``. Reads the typed names of ``extractor_companies``
(``Doc._.extractor_entity_names``) so that people and companies are decided once, together.

Roles come from the phrases around a mention: "NAME, an analyst at X", "NAME, X's chief
executive", "NAME, the X chairman", "X founder NAME", "chief executive officer NAME",
"its chief executive, NAME", "the company founded and chaired by NAME"; later "NAME has taken
over as interim chief executive" and "NAME stepped down as chief executive" update them.
Later "Mr Wu" / "Wu" mentions join "Leon Wu".

Helpers for the quote and deal components:

- ``person_by_name(doc, name) -> PersonFact | None``: "Mr Wu", "Wu" or "Leon Wu".
- ``person_at(doc, start, end) -> PersonFact | None``: the person mentioned in that stretch.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.companies import (
    sentence_starts,
    set_entities,
)
from extractor.components.entity_evidence import Occurrence, TypedName
from extractor.components.entity_patterns import (
    _alternation,
    role_anchor,
    role_pattern,
    vocabulary,
)
from extractor.components.sentences import doc_text
from extractor.facts import CompanyFact, PersonFact, ReferenceFact
from extractor.lexicons import load_lexicon
from extractor.parsing.lazy_regex import LazyPattern
from extractor.parsing.names import (
    clean_name,
    full_name_keys,
    mention_keys,
    name_key,
    name_keys_match,
    person_matches,
    same_company,
    split_title,
    title_gender,
)

#: Roles of public office: no company is guessed for them when the text names none.
_PUBLIC_ROLES = re.compile(
    r"minister|governor|mayor|secretary|commissioner|regulator|president|senator|"
    r"professor|lecturer|judge|ambassador|chancellor"
)
_ORG = r"(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:of\s+|&\s+|de\s+|da\s+|do\s+)?[A-Z&][\w&.'’-]*)*)"
#: Letters after a name: "Naomi Hart, M.D., Chief Executive Officer".
_DEGREES = re.compile(
    r"^(?:,\s*(?:M\.D\.|MD|Ph\.D\.|PhD|MBA|CFA|CPA|Jr\.|Sr\.|OBE|CBE|MBE|KBE|QC|KC|\d{2}))+"
)
#: Verbs of "the company founded and chaired by NAME" and the roles they stand for.
_VERB_ROLES = {"founded": "founder", "co-founded": "co-founder", "chaired": "chairman"}


@dataclass(frozen=True)
class _Patterns:
    """The role patterns, each compiled on its first use: every one embeds the whole list of
    job titles (about 25 ms to compile), and an article with few people needs only some.

    The left patterns end at the name (``$``), so ``search`` tries them at every offset of a
    160-character window; each carries the ending it needs (``_tail_fits``), checked first in a
    few string operations, so that most windows never run them. The right patterns and the
    overrides carry words one of which each match holds (none: no such word), so that a window
    without any skips them, and a run that never needs them never compiles them.
    """

    right: tuple[tuple[str, LazyPattern, tuple[str, ...]], ...]
    left: tuple[tuple[str, LazyPattern, str], ...]
    #: For a left pattern with a "title" tail: the characters (a superset) any match can
    #: hold before the title ends, as a pattern run over the reversed text (see ``_left_start``).
    left_runs: tuple[re.Pattern[str] | None, ...]
    #: (pattern, prefix of the role it sets, cue words): "has taken over as", "who will
    #: remain as", "stepped down as" (a former role).
    overrides: tuple[tuple[LazyPattern, str, tuple[str, ...]], ...]

    def needs_role(self, pattern: LazyPattern) -> bool:
        """Does ``pattern`` embed the job-title list (then ``role_anchor`` must match first)?"""
        return _ROLE_GROUP in pattern.pattern


#: The group every pattern built on ``role_pattern`` names its title with.
_ROLE_GROUP = "(?P<role>"


@functools.cache
def _patterns() -> _Patterns:
    role = rf"(?P<role>(?i:{role_pattern()}))"
    plural = rf"(?P<role>(?i:{role_pattern(boundary=False)}))s\b"  # "Tarnwick partners A and B"
    art = r"(?:(?:a|an|the)\s+)?(?:(?:other|fellow|then|now|current)\s+)?"
    possessive = ("'s", "’s", "\ufffds")  # the cue words of ['’\ufffd]s
    right = (
        # "NAME, an analyst at X", "NAME, the chairman of KRB", "NAME, head of research at X"
        ("role_org", rf"^,\s+{art}{role}\s+(?:at|of|for|with)\s+(?:the\s+)?{_ORG}", ()),
        # "NAME, Marvento's chief executive"
        ("org_role", rf"^,\s+(?:the\s+)?{_ORG}['’\ufffd]s\s+{role}", possessive),
        # "NAME, the KRB chief executive"
        ("org_role", rf"^,\s+the\s+{_ORG}\s+{role}", ("the",)),
        # "NAME, chairman VORA, ..."
        ("role_org", rf"^,\s+{art}{role},?\s+{_ORG}", ()),
        # "NAME, the company's chief financial officer"
        (
            "ref_role",
            rf"^,\s+(?i:the|its)\s+(?:company|firm|group|bank|lender|business)"
            rf"(?P<poss>['’]s)\s+{role}",
            ("'s", "’s"),
        ),
        ("role", rf"^,\s+{art}{role}", ()),
        # "NAME, who founded it in 1998 and remains its chief executive"
        (
            "its_role",
            rf"^,?\s+who\s+[^,.;]{{0,60}}?\b(?:remains|is|was|became|has\s+been)\s+"
            rf"(?:its|their)\s+{role}",
            ("who",),
        ),
        # "NAME will remain Questline's chief executive"
        (
            "org_role",
            rf"^\s+(?:will\s+)?(?:remain|remains|is|was|became|becomes)\s+"
            rf"{_ORG}['’\ufffd]s\s+{role}",
            possessive,
        ),
    )
    left = (
        # "Velmora's chief executive, NAME" / "Skyvance's chief executive NAME"
        ("org_role", rf"{_ORG}['’\ufffd]s\s+{role},?\s+$", "title", r"\w\s&.'’\ufffd-"),
        # "the company's founder, NAME": the company a reference stands for
        ("ref_role", rf"\b(?i:the)\s+(?:company|firm|group|bank|lender|business)(?P<poss>['’]s)\s+"
                     rf"{role},?\s+$", "title", r"\w\s&'’-"),
        # "Wren Fell partners Ann Lee and NAME"
        ("org_role", rf"{_ORG}\s+{plural}\s+(?:[A-Z][\w'’-]+\s+){{1,3}}and\s+$", "and"),
        ("org_role", rf"{_ORG}\s+{plural}\s+$", "titles"),
        # "its chief executive, NAME"
        ("its_role", rf"\b(?i:its|their)\s+{role},?\s+$", "title", r"\w\s&-"),
        # "Its co-founder and chief executive is NAME"
        ("its_role", rf"{role}\s+(?:is|was)\s+$", "is"),
        # "founded and chaired by the Czech billionaire NAME"
        ("verbs", r"\b(?P<verbs>(?:co-)?founded(?:\s+and\s+chaired)?|chaired)\s+by\s+"
         r"(?:the\s+)?(?:[\w-]+\s+){0,4}$", ""),
        # "Velmora founder Leon Wu", "chief executive officer Vincent Tsang"
        ("org_role", rf"{_ORG}\s+{role},?\s+$", "title", r"\w\s&.'’-"),
        ("role", rf"{role},?\s+$", "title", r"\w\s&-"),
    )  # fmt: skip
    return _Patterns(
        right=tuple((k, LazyPattern(p), cues) for k, p, cues in right),
        left=tuple((k, LazyPattern(p), tail) for k, p, tail, *_ in left),
        left_runs=tuple(
            re.compile(rf"[{chars[0]}]*") if chars and _titles_are_plain() else None
            for _, _, _, *chars in left
        ),
        overrides=(
            (
                LazyPattern(
                    rf"^,?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:taken|took|takes|stepped\s+in)\s+"
                    rf"(?:over\s+)?as\s+(?:the\s+)?{role}"
                ),
                "",
                ("take", "took", "stepped"),
            ),
            (
                LazyPattern(
                    rf"^,?\s+who\s+(?:will\s+)?(?:remain|remains|stay\s+on|stays\s+on)\s+as\s+"
                    rf"(?:the\s+)?{role}"
                ),
                "",
                ("remain", "stay"),
            ),
            (
                LazyPattern(
                    rf"^,?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:stepped\s+down|resigned|quit|retired)"
                    rf"\s+as\s+(?:the\s+)?{role}"
                ),
                "former ",
                ("stepped", "resigned", "quit", "retired"),
            ),
        ),
    )


@dataclass(frozen=True)
class _TitleEnds:
    """The last words of the job titles, to tell where a title can end (see ``_title_ends``).

    Every match of ``role_pattern`` ends with the last word of a listed title ("executive",
    "m&a", "analyst") or of an open one ("officer", or any word after "head of"), so a window
    whose text before the name ends otherwise cannot hold a title there.
    """

    words: tuple[str, ...]  # lower case, for ``str.endswith`` on ASCII text
    longest: int
    pattern: re.Pattern[str]  # the same test for other text, case-folded as ``re`` does


@functools.cache
def _title_words() -> _TitleEnds:
    roles = load_lexicon("roles")
    titles = roles["heads"] + roles["head_of"] + roles["field_heads"]
    words = sorted({t.split()[-1].lower() for t in titles} | {"officer"}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return _TitleEnds(tuple(words), len(words[0]), re.compile(rf"(?i:(?:{alternation}))\Z"))


@functools.cache
def _title_words_lower() -> re.Pattern[str]:
    """``role_anchor`` for lower-cased ASCII text: the same words, matched case-sensitively.

    On ASCII text ``(?i:word)`` finds exactly what ``word`` finds in the lower-cased text, and
    ``re`` runs the case-sensitive trie about four times faster.
    """
    roles = load_lexicon("roles")
    firsts = {h.split()[0].lower() for h in roles["heads"] + roles["field_heads"]}
    return re.compile(_alternation(firsts | {"chief", "head"}))


def _has_title_word(text: str) -> bool:
    """Does ``text`` hold a word a job title starts with (``role_anchor``)?"""
    if text.isascii():
        return _title_words_lower().search(text.lower()) is not None
    return role_anchor().search(text) is not None


#: "head of [a-z]+": the one open title that may end with any word.
_HEAD = re.compile(r"(?i:head)")


def _title_ends(text: str, *, plural: bool = False) -> bool:
    """Can a job title (followed by "s" when ``plural``) end right at the end of ``text``?"""
    if plural:
        if not text.endswith("s"):  # the plural "s" is outside the patterns' (?i:...)
            return _has_head(text)
        text = text[:-1]
    ends = _title_words()
    tail = text[-ends.longest :]
    if tail.isascii():
        if tail.lower().endswith(ends.words):
            return True
    elif ends.pattern.search(tail):
        return True
    return _has_head(text)


def _has_head(text: str) -> bool:
    return "head" in text.lower() if text.isascii() else _HEAD.search(text) is not None


@functools.cache
def _titles_are_plain() -> bool:
    """Are the job titles made of letters, digits, spaces, "-" and "&" only (``_left_start``)?"""
    roles = load_lexicon("roles")
    titles = roles["heads"] + roles["head_of"] + roles["modifiers"] + roles["field_heads"]
    return all(ch.isalnum() or ch in " -&" for title in titles for ch in title)


def _left_start(window: str, run: re.Pattern[str]) -> int:
    """Where a left pattern with a "title" tail can start matching in ``window`` at the earliest.

    Such a match ends with the title, a comma maybe and white space; everything from its start
    to the end of the title is in the characters ``run`` reads. Reading them back from the end
    of the title finds the first offset a match can start at, so ``search(window, start)``
    (which still sees the text before ``start`` for ``\\b``) finds the same leftmost match as
    a search from 0 that tries every offset of the window.
    """
    body = window.rstrip()
    if body.endswith(","):
        body = body[:-1]
    return len(body) - run.match(body[::-1]).end()


def _tail_fits(tail: str, window: str) -> bool:
    """Does ``window`` end the way a left pattern's ``tail`` needs (a necessary condition)?

    Args:
        tail: "title" for ``{role},?\\s+$``, "titles" for ``{plural}\\s+$``, "is" for
            ``{role}\\s+(?:is|was)\\s+$``, "and" for ``and\\s+$``, "" for no condition.
        window: the text before a name.
    """
    if not tail:
        return True
    body = window.rstrip()
    if len(body) == len(window):
        return False  # each tail ends in white space
    if tail == "and":
        return body.endswith("and")
    if tail == "titles":
        return _title_ends(body, plural=True)
    if tail == "is":
        verb = 2 if body.endswith("is") else 3 if body.endswith("was") else 0
        before = body[: len(body) - verb]
        if not verb or not before[-1:].isspace():
            return False
        body = before.rstrip()
    elif body.endswith(","):
        body = body[:-1]
    return _title_ends(body)


@Language.factory(
    "extractor_people",
    requires=["doc._.extractor_companies"],
    assigns=["doc._.extractor_people", "doc.ents"],
    default_config={},
)
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent()


class PeopleComponent:
    """Builds one ``PersonFact`` per person from the person names typed with the companies."""

    def __init__(self) -> None:
        for ext in ("extractor_people", "extractor_entity_names"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)
        _patterns()
        vocabulary()

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor: each ``doc._`` builds a new one
        typed: dict[str, TypedName] = ext.extractor_entity_names or {}
        people = build_people(doc, typed)
        ext.extractor_people = people
        set_entities(doc, [(s, e) for p in people for s, e in p.mentions], "PERSON")
        return doc


def build_people(doc: Doc, typed: dict[str, TypedName]) -> list[PersonFact]:
    """Group person names into people and read their roles from the text."""
    text = doc_text(doc)  # computed once per Doc, shared with the other components
    persons = [t for t in typed.values() if t.kind == "person"]
    full = [t for t in persons if len(split_title(t.name)[1].split()) >= 2]
    by_person: dict[str, list[Occurrence]] = {t.key: list(t.occurrences) for t in full}
    names = {t.key: split_title(t.name)[1] for t in full}
    titles: dict[str, str] = {}
    full_keys = set(names)  # a TypedName's key is its key in ``typed``
    word_keys = {key: full_name_keys(name) for key, name in names.items()}
    for t in typed.values():
        if t.key in full_keys or (t.kind != "person" and t.scores.get("company", 0) >= 4):
            continue
        bare = split_title(t.name)[1]
        owner = _owner(bare, t.occurrences, full, word_keys)
        if owner is not None:
            by_person[owner].extend(t.occurrences)
            for occ in t.occurrences:
                if occ.title:
                    titles.setdefault(owner, occ.title)
        elif t.kind == "person" and any(o.title for o in t.occurrences):
            names[t.key] = bare
            by_person[t.key] = list(t.occurrences)
            titles[t.key] = next(o.title for o in t.occurrences if o.title)
    ext = doc._
    companies: list[CompanyFact] = ext.extractor_companies or []
    refs: list[ReferenceFact] = ext.extractor_company_refs or []
    context = _Context(doc, text, companies, refs, ext.extractor_entity_names or {})
    people: list[PersonFact] = []
    for key, occs in by_person.items():
        occs.sort(key=lambda o: o.start)
        person = PersonFact(name=names[key], mentions=[(o.start, o.end) for o in occs])
        _read_role(person, occs, context)
        person.gender = _gender(person, occs, titles.get(key), text)
        people.append(person)
    people.sort(key=lambda p: p.mentions[0][0] if p.mentions else 0)
    _other_of_a_pair(people, text)
    return people


#: "NAME, the other co-founder": the same role as someone already named.
_OTHER = re.compile(r"^,\s+(?:the|a|an)\s+(?:other|fellow)\s")


def _other_of_a_pair(people: list[PersonFact], text: str) -> None:
    """ "Vivek Saran, the other co-founder": the organisation of the first co-founder."""
    for person in people:
        if person.role is None or not any(
            _OTHER.match(text[e : e + 30]) for _, e in person.mentions
        ):
            continue
        peer = next(
            (
                p
                for p in people
                if p is not person
                and p.organization
                and (
                    (p.role and person.role in p.role)
                    # the peer's role may have changed since ("co-founder X, who will remain
                    # as group chief executive")
                    or any(
                        person.role in text[max(0, st - 40) : st].casefold() for st, _ in p.mentions
                    )
                )
            ),
            None,
        )
        if peer is not None:
            person.organization = peer.organization


def _owner(
    bare: str, occs: list[Occurrence], full: list[TypedName], keys: dict[str, tuple[str, ...]]
) -> str | None:
    """The full-named person a short mention ("Wu", "Mr Wu") refers to: the latest before it.

    Args:
        keys: ``full_name_keys`` of each full name (``person_matches`` without recomputing
            them for every mention).
    """
    short = mention_keys(bare)
    matches = [t for t in full if name_keys_match(short, keys[t.key])]
    if not matches:
        return None
    first = occs[0].start
    before = [t for t in matches if t.occurrences[0].start < first]
    return max(before or matches, key=lambda t: t.occurrences[0].start).key


class _Context:
    """Company mentions by sentence, to find the organisation of a role stated without one."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        companies: list[CompanyFact],
        refs: list[ReferenceFact],
        typed: dict[str, TypedName],
    ) -> None:
        self.doc = doc
        self.text = text
        self.sentences = sentence_starts(doc)
        spans = [(s, e, c.name) for c in companies for s, e in c.mentions]
        spans += [(r.start, r.end, r.companies[0]) for r in refs if len(r.companies) == 1]
        self.spans = sorted(spans)
        self.salient = max(companies, key=lambda c: len(c.mentions)).name if companies else None
        self.typed = typed  # the Doc's typed names, for organisations
        self.companies = companies
        self._by_key: dict[str, CompanyFact] | None = None
        self._organizations: dict[str, str | None] = {}

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentences, pos) - 1)

    def bounds(self, index: int) -> tuple[int, int]:
        start = self.sentences[index] if self.sentences else 0
        end = self.sentences[index + 1] if index + 1 < len(self.sentences) else len(self.text)
        return start, end

    def company_ending_at(self, pos: int) -> str | None:
        """The company named or referred to by the words that end at ``pos``."""
        return next((n for _, e, n in self.spans if e == pos), None) or self.nearest_before(pos)

    def first_company(self, start: int, end: int) -> str | None:
        return next((n for s, _, n in self.spans if start <= s < end), None)

    def nearest_before(self, pos: int) -> str | None:
        index = self.sentence_of(pos)
        start, _ = self.bounds(index)
        before = [n for s, _, n in self.spans if start <= s < pos]
        return before[-1] if before else self.previous(index)

    def previous(self, index: int) -> str | None:
        for i in range(index - 1, max(-1, index - 4), -1):
            found = self.first_company(*self.bounds(i))
            if found:
                return found
        return self.salient

    def subject(self, pos: int) -> str | None:
        """The first company of the sentence, else of the sentences before."""
        index = self.sentence_of(pos)
        return self.first_company(*self.bounds(index)) or self.previous(index)

    def organization(self, printed: str) -> str | None:
        """The canonical company for an organisation as printed, else the printed name.

        Kept per printed form: a role pattern's organisation is checked, then assigned.
        """
        if printed not in self._organizations:
            self._organizations[printed] = self._organization(printed)
        return self._organizations[printed]

    def _company(self, name: str) -> CompanyFact | None:
        """``find_company(doc, name)`` over the companies of this Doc, indexed by name key.

        ``find_company`` first returns the first company one of whose names has the key of
        ``name``; the index keeps, for each key, the first company holding it, so a hit is the
        same company. On a miss it runs ``find_company``'s second test, in the same order.
        """
        if self._by_key is None:
            self._by_key = {}
            for fact in self.companies:
                for n in (fact.name, *fact.aliases):
                    self._by_key.setdefault(name_key(n), fact)
        found = self._by_key.get(name_key(clean_name(name)))
        if found is not None:
            return found
        cleaned = clean_name(name)
        for fact in self.companies:
            if any(same_company(n, cleaned) for n in (fact.name, *fact.aliases)):
                return fact
        return None

    def _organization(self, printed: str) -> str | None:
        typed = self.typed
        printed = re.split(r"\.\s", printed)[0]  # "Ashgrove Securities. She said"
        for name in dict.fromkeys((clean_name(printed), clean_name(printed).rstrip("."))):
            if not name:
                continue
            fact = self._company(name)
            if fact is not None:
                return fact.name
            known = typed.get(name_key(name))
            if known is not None and known.kind in ("company", "body"):
                return name
        return None


def _clean_role(role: str) -> str:
    return " ".join(role.casefold().split())


def _read_role(person: PersonFact, occs: list[Occurrence], ctx: _Context) -> None:
    patterns = _patterns()
    text = ctx.text
    for occ in occs:
        line_start = text.rfind("\n", 0, occ.start) + 1
        line_end = text.find("\n", occ.end)
        right = text[occ.end : line_end if line_end >= 0 else len(text)][:160]
        right = _DEGREES.sub("", right)
        # Every right-hand pattern (and override) starts with a comma or white space, and
        # the overrides end in a job title: skip them where they cannot match.
        opens = right[:1] == "," or right[:1].isspace()
        titled = opens and _has_title_word(right)
        if person.role is None:
            left = text[max(line_start, occ.start - 160) : occ.start]
            _match_role(person, occ, left, right, titled, ctx)
        if not titled:
            continue
        for pattern, prefix, cues in patterns.overrides:
            if not any(cue in right for cue in cues):
                continue
            m = pattern.search(right)
            if m:
                role = _clean_role(m.group("role"))
                person.role = role if role.startswith(("former", "ex-")) else prefix + role
                if person.organization is None and not _PUBLIC_ROLES.search(role):
                    person.organization = ctx.subject(occ.start)


def _match_role(
    person: PersonFact, occ: Occurrence, left: str, right: str, titled: bool, ctx: _Context
) -> None:
    """The first role pattern that matches around a mention (right side first) sets the role.

    Patterns that cannot match are skipped, which leaves the result as it was: the right-hand
    ones start with a comma (most: "^,") or white space and need one of their cue words,
    those holding a job title need a title word (``titled``: ``role_anchor`` found one in
    ``right``), and the left-hand ones need the ending their tail names (``_tail_fits``).
    """
    patterns = _patterns()
    if right[:1] == "," or right[:1].isspace():
        comma = right[:1] == ","
        for kind, pattern, cues in patterns.right:
            if not titled and patterns.needs_role(pattern):
                continue
            if not comma and pattern.pattern.startswith("^,"):
                continue
            if cues and not any(cue in right for cue in cues):
                continue
            m = pattern.search(right)
            if m and _accept(kind, m, ctx):
                _assign(person, kind, m, occ, ctx)
                return
    left_titled: bool | None = None
    fits: dict[str, bool] = {}  # ``_tail_fits`` per tail: five patterns share "title"
    for (kind, pattern, tail), run in zip(patterns.left, patterns.left_runs, strict=True):
        fit = fits.get(tail)
        if fit is None:
            fit = fits[tail] = _tail_fits(tail, left)
        if not fit:
            continue
        if tail in ("", "and") and patterns.needs_role(pattern):
            if left_titled is None:
                left_titled = _has_title_word(left)
            if not left_titled:
                continue
        m = pattern.search(left, _left_start(left, run) if run is not None else 0)
        if m and _accept(kind, m, ctx):
            _assign(person, kind, m, occ, ctx)
            return


def _accept(kind: str, m: re.Match[str], ctx: _Context) -> bool:
    """An organisation named before or after a role must be one the article knows."""
    if "org" not in m.groupdict() or m.group("org") is None:
        return True
    return ctx.organization(m.group("org")) is not None


def _assign(
    person: PersonFact, kind: str, m: re.Match[str], occ: Occurrence, ctx: _Context
) -> None:
    groups = m.groupdict()
    if kind == "verbs":
        verbs = re.split(r"\s+and\s+", groups["verbs"])
        person.role = " and ".join(_VERB_ROLES.get(v, v) for v in verbs)
        person.organization = ctx.nearest_before(occ.start)
        return
    role = _clean_role(groups["role"])
    person.role = role
    if kind == "ref_role":
        # The match is left of the name (ends at it) or right of it (starts at its end).
        base = occ.end if m.group(0).startswith(",") else occ.start - len(m.group(0))
        person.organization = ctx.company_ending_at(base + m.start("poss"))
    elif groups.get("org"):
        person.organization = ctx.organization(groups["org"])
    elif _PUBLIC_ROLES.search(role) or "analyst" in role:
        person.organization = None
    elif kind == "its_role" and m.group(0).lstrip(" ,").startswith("who"):
        # "NAME, who founded the company in 1998 and remains its chief executive"
        start = occ.end
        inside = [n for s, _, n in ctx.spans if start <= s < start + m.end()]
        person.organization = inside[-1] if inside else ctx.nearest_before(occ.start)
    elif kind == "its_role":
        person.organization = ctx.nearest_before(occ.start - len(m.group(0)))
    else:
        person.organization = ctx.subject(occ.start)


_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def _gender(person: PersonFact, occs: list[Occurrence], title: str | None, text: str) -> str | None:
    """From a title ("Ms"), else the first name, else pronouns right after its mentions."""
    from_title = title_gender(title)
    if from_title:
        return from_title
    first = person.name.split()[0]
    code = vocabulary().first_names.get(first, "")
    if code:
        return "male" if code == "m" else "female"
    he = she = 0
    for _, end in person.mentions:
        window = text[end : end + 200]
        he += len(_HE.findall(window))
        she += len(_SHE.findall(window))
    if he and not she:
        return "male"
    if she and not he:
        return "female"
    return None


def _people(doc: Doc) -> list[PersonFact]:
    if not Doc.has_extension("extractor_people"):
        return []
    return doc._.extractor_people or []


def person_by_name(doc: Doc, name: str) -> PersonFact | None:
    """The person a name as printed refers to ("Mr Wu", "Wu", "Leon Wu")."""
    people = _people(doc)
    key = name_key(split_title(clean_name(name))[1])
    for person in people:
        if name_key(person.name) == key:
            return person
    return next((p for p in people if person_matches(name, p.name)), None)


def person_at(doc: Doc, start: int, end: int) -> PersonFact | None:
    """The person mentioned in ``doc.text[start:end]``, if any."""
    for person in _people(doc):
        if any(s < end and start < e for s, e in person.mentions):
            return person
    return None
