"""Turn a speaker phrase into the record's canonical speaker: a person, a company or a list.

The entity components hand over the article's people, companies and company references
("the firm", "the two companies") with their mention offsets; a phrase is matched against
those first by position, then by name, surname or alias. When they found nothing (their
placeholders, or an article they miss), the resolver keeps the printed name, and remembers the
people the attributions themselves name so that a later "he said" still finds its speaker.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractor.facts import CompanyFact, PersonFact, ReferenceFact
from extractor.lexicons import load_lexicon
from extractor.parsing.quote_speakers import SpeakerPhrase

Speaker = str | list[str] | None
#: How far back (characters) a pronoun's referent is looked for in the text itself.
PRONOUN_REACH = 1500
#: How far back (characters) a surname's full name is looked for.
FULL_NAME_REACH = 8000

#: Words a company name may end with that do not tell two companies apart.
_LEGAL = re.compile(
    r"""[\s,]+(?:inc|corp|corporation|co|company|ltd|limited|plc|llc|sa|ag|nv|se|spa|bv|gmbh
    |group|holdings?|\(pty\)\s*ltd)\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
#: "Acme Holdings ("Acme" or "the Group")": a defined term for the company.
_DEFINED = re.compile(
    r"""(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,5}[A-Z][\w&'’.-]*)   # the full name
    \s*\(\s*["“](?P<short>[^"”]{1,60})["”]                     # ("Acme"
    (?:[^)]{0,40}?["“](?P<term>the\s+\w+)["”])?\s*\)           #  or "the Group")
    """,
    re.VERBOSE,
)


_ORG_PREP_BEFORE = re.compile(r"\b(?:at|of|for|from|with)\s+$")


@dataclass(frozen=True)
class Resolved:
    """A speaker as the record writes it."""

    speaker: Speaker
    role: str | None = None
    organization: str | None = None
    is_person: bool = False


@functools.lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """Lower-case, no possessive, no legal suffix: 'Acme Group's' -> 'acme'."""
    name = re.sub(r"[’']s?$", "", name.strip())
    for _ in range(2):
        name = _LEGAL.sub("", name)
    return " ".join(name.lower().split())


@functools.cache
def _org_heads() -> frozenset[str]:
    return frozenset(load_lexicon("quote_speakers")["organisation_heads"])


class SpeakerResolver:
    """Resolves speaker phrases of one article.

    Args:
        text: the article body.
        people: the people component's facts (may be empty).
        companies: the companies component's facts (may be empty).
        refs: the company references (may be empty).
    """

    def __init__(
        self,
        text: str,
        people: Sequence[PersonFact] = (),
        companies: Sequence[CompanyFact] = (),
        refs: Sequence[ReferenceFact] = (),
    ) -> None:
        self.text = text
        self.people = list(people)
        self.companies = list(companies)
        self.refs = list(refs)
        self._company_names: dict[str, str] = {}
        for c in self.companies:
            for form in (c.name, *c.aliases):
                self._company_names.setdefault(normalise(form), c.name)
        # (start, end, kind, index): every mention, sorted by start.
        self._mentions: list[tuple[int, int, str, int]] = sorted(
            [(s, e, "person", i) for i, p in enumerate(self.people) for s, e in p.mentions]
            + [(s, e, "company", i) for i, c in enumerate(self.companies) for s, e in c.mentions]
        )
        self._starts = [m[0] for m in self._mentions]
        # People seen by the attributions themselves: (position, name, gender).
        # Sorted by position; gender "" when unknown (keeps the tuples comparable).
        self._seen: list[tuple[int, str, str]] = []
        self._genders: dict[str, str] = {}
        self._fill: Callable[[int, int], None] | None = None
        self._filled_to = 0
        self._company_cache: dict[str, str | None] = {}
        self._org_prep: dict[int, bool] = {}  # mention start -> after "at"/"of"/...
        self._defined: dict[str, str] | None = None  # read on the first 'the Group'

    # -- public -------------------------------------------------------------------------------

    def on_pronoun(self, fill: Callable[[int, int], None]) -> None:
        """Register ``fill(start, end)``, which notes the people named in ``text[start:end]``.

        It runs lazily, over the text before each pronoun not yet scanned (at most
        ``PRONOUN_REACH`` characters back), so articles without pronouns pay nothing.
        """
        self._fill = fill

    def note_person(self, name: str, at: int, gender: str | None = None) -> None:
        """Remember a person named at ``at`` (used for pronouns when no people are known)."""
        if self._company_for(name) is None and not self._looks_like_org(name):
            bisect.insort(self._seen, (at, name, gender or ""))
            if gender is not None:
                self._genders.setdefault(name, gender)

    def resolve(self, phrase: SpeakerPhrase, at: int) -> Resolved | None:
        """The speaker ``phrase`` means, judged at offset ``at``; None when it cannot tell."""
        if phrase.kind == "pronoun":
            return self._pronoun(phrase.gender, phrase.start)
        ref = self._ref_at(phrase.start, phrase.end)
        if ref is not None:
            return Resolved(ref[0] if len(ref) == 1 else ref)
        if phrase.kind == "plural_pronoun":
            return None  # "they said": only a company reference or a group quote before tells
        if phrase.kind == "org_it":
            return self._it(phrase.start)
        if phrase.kind == "org_ref":
            if self._defined is None:
                self._defined = self._defined_terms()
            defined = self._defined.get(phrase.text.lower().split()[-1])
            if defined:
                return Resolved(defined)
            names = self._salient(at, 1)
            return Resolved(names[0]) if names else None
        if phrase.kind == "org_group":
            names = self._salient(at, phrase.count or 2)
            return Resolved(names) if len(names) > 1 else None
        if phrase.kind == "names":
            out = [self._name(n, s, e, phrase) for n, s, e in phrase.names]
            names = [r.speaker for r in out if isinstance(r.speaker, str)]
            return Resolved(names) if names else None
        return self._name(phrase.text, phrase.start, phrase.end, phrase)

    # -- names --------------------------------------------------------------------------------

    def _name(self, name: str, start: int, end: int, phrase: SpeakerPhrase) -> Resolved:
        hit = self._mention_at(start, end)
        if hit is not None:
            return hit
        key = normalise(name)
        for p in self.people:
            if normalise(p.name) == key:
                return self._person(p)
        company = self._company_for(name)
        if company is not None:
            return Resolved(company)
        person = self._by_surname(name, start)
        if person is not None:
            return person
        if (self.people or self._seen) and " " not in name.strip():
            seen = self._seen_surname(name, start)
            if seen is not None:
                return Resolved(seen, phrase.role, phrase.organization, True)
        full = self.full_name(name, start)
        return Resolved(full, phrase.role, phrase.organization, not self._looks_like_org(full))

    def _person(self, p: PersonFact) -> Resolved:
        return Resolved(p.name, p.role, p.organization, True)

    def _mention_at(self, start: int, end: int) -> Resolved | None:
        k = bisect.bisect_right(self._starts, end)
        for s, e, kind, i in reversed(self._mentions[max(0, k - 8) : k]):
            if s < end and start < e and self._same_words(s, e, start, end):
                if kind == "person":
                    return self._person(self.people[i])
                return Resolved(self.companies[i].name)
        return None

    def _same_words(self, s: int, e: int, start: int, end: int) -> bool:
        """Does a mention overlapping the phrase start and end on word boundaries of it?

        A mention "Baek Ha" inside the name "Baek Ha-neul" is a cut-off name, not this one.
        """
        text = self.text
        for pos in (max(s, start), min(e, end)):
            if 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos] in "-’'":
                return False
            if 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum():
                return False
        return True

    def _company_for(self, name: str) -> str | None:
        if name not in self._company_cache:
            self._company_cache[name] = self._find_company(name)
        return self._company_cache[name]

    def _find_company(self, name: str) -> str | None:
        key = normalise(name)
        if key in self._company_names:
            return self._company_names[key]
        for form, canonical in self._company_names.items():
            if form and (key.startswith(form + " ") or form.startswith(key + " ")):
                return canonical
        return None

    def _by_surname(self, name: str, at: int) -> Resolved | None:
        last = normalise(name).split()[-1:] or [""]
        matches = [p for p in self.people if normalise(p.name).split()[-1:] == last]
        if not matches:
            return None
        return self._person(max(matches, key=lambda p: self._last_before(p.mentions, at)))

    def _seen_before(self, at: int) -> list[tuple[int, str, str]]:
        """The people noted in the ``PRONOUN_REACH`` characters before ``at``, in order."""
        lo = bisect.bisect_left(self._seen, (at - PRONOUN_REACH,))
        hi = bisect.bisect_left(self._seen, (at,))
        return self._seen[lo:hi]

    def _seen_surname(self, name: str, at: int) -> str | None:
        last = name.split()[-1]
        for _, full, _ in reversed(self._seen_before(at + 1)):
            if full.split()[-1] == last:
                return full
        return None

    def full_name(self, name: str, at: int) -> str:
        """'Roe' -> 'Jane Roe' when the article named her in full before."""
        if " " in name.strip():
            return name
        pattern = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){1,3})" + re.escape(name) + r"\b")
        m = pattern.search(self.text, max(0, at - FULL_NAME_REACH), at)
        if m and not any(w.lower() in {"mr", "ms", "mrs", "dr"} for w in m.group(1).split()):
            return m.group(0)
        # Family name first ("Ong Wei Liang", "Mr Ong").
        first = re.compile(r"\b" + re.escape(name) + r"((?:\s+[A-Z][\w'’-]+){1,2})\b")
        m = first.search(self.text, max(0, at - FULL_NAME_REACH), at)
        if m and not _LEGAL.search(m.group(0)) and not self._looks_like_org(m.group(0)):
            return m.group(0)
        return name

    def _looks_like_org(self, name: str) -> bool:
        words = name.split()
        return not words or words[-1].lower().strip(".") in _org_heads()

    # -- pronouns and organisations -----------------------------------------------------------

    def _pronoun(self, gender: str | None, at: int) -> Resolved | None:
        """The person named last before ``at`` whose gender fits (known first, then unknown)."""
        if self._fill is not None and at > self._filled_to:
            self._fill(max(self._filled_to, at - PRONOUN_REACH), at)
            self._filled_to = at
        candidates: list[tuple[int, str | None, PersonFact | str]] = []
        for p in self.people:
            pos = self._last_before([m for m in p.mentions if not self._after_org_prep(m[0])], at)
            if pos >= 0:
                candidates.append((pos, p.gender, p))
        for pos, name, g in self._seen_before(at):
            candidates.append((pos, self._genders.get(name, g or None), name))
        for want in (gender, None):
            fits = [c for c in candidates if c[1] == want]
            if fits:
                who = max(fits, key=lambda c: c[0])[2]
                if isinstance(who, PersonFact):
                    return self._person(who)
                return Resolved(who, is_person=True)
        return None

    def _after_org_prep(self, start: int) -> bool:
        """'a partner at Acme': a name right after at/of/for/from/with names an organisation,
        whatever the people facts say, so it is no referent for 'he' or 'she'."""
        found = self._org_prep.get(start)
        if found is None:
            found = _ORG_PREP_BEFORE.search(self.text, max(0, start - 6), start) is not None
            self._org_prep[start] = found
        return found

    @staticmethod
    def _last_before(mentions: Sequence[tuple[int, int]], at: int) -> int:
        return max((s for s, _ in mentions if s < at), default=-1)

    def _ref_at(self, start: int, end: int) -> list[str] | None:
        for r in self.refs:
            if r.start < end and start < r.end and r.companies:
                return list(r.companies)
        return None

    def _it(self, at: int) -> Resolved | None:
        """'it said': the first company named in the paragraph (its topic), else in the
        paragraph before; None when neither names one (the referent is not a company)."""
        reach = max(0, at - PRONOUN_REACH)
        para_start = max(reach, self.text.rfind("\n", reach, at) + 1)
        company = self._first_company(para_start, at)
        if company is None and para_start > 0:
            window = max(0, para_start - 20)
            last = window + len(self.text[window:para_start].rstrip())
            prev_start = max(reach, self.text.rfind("\n", reach, last) + 1)
            company = self._first_company(prev_start, para_start)
        return Resolved(company) if company else None

    def _first_company(self, start: int, end: int) -> str | None:
        k = bisect.bisect_left(self._starts, start)
        for s, _, kind, i in self._mentions[k:]:
            if s >= end:
                break
            if kind == "company":
                return self.companies[i].name
        return None

    def _salient(self, at: int, count: int) -> list[str]:
        """The ``count`` companies mentioned most before ``at``, in order of first mention."""
        stats: dict[str, list[int]] = {}
        for c in self.companies:
            before = [s for s, _ in c.mentions if s < at]
            if before:
                stats[c.name] = [len(before), -min(before)]
        top = sorted(stats, key=lambda n: stats[n], reverse=True)[:count]
        return sorted(top, key=lambda n: -stats[n][1])

    def _defined_terms(self) -> dict[str, str]:
        """'the Group' and friends defined in parentheses after a company's name."""
        out: dict[str, str] = {}
        if '("' not in self.text and "(“" not in self.text:
            return out
        for m in _DEFINED.finditer(self.text):
            if m.group("term"):
                company = self._company_for(m.group("short")) or m.group("short")
                out.setdefault(m.group("term").split()[-1].lower(), company)
        return out
