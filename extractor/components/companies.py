"""``extractor_companies``: the companies of an article, their aliases, mentions and anaphora.

Writes ``Doc._.extractor_companies`` (``list[CompanyFact]``, in order of first mention),
``Doc._.extractor_company_refs`` (``list[ReferenceFact]``: "the firm", "the two companies"),
``doc.ents`` (ORG spans; other labels of a user's NER kept where they do not overlap) and, for
``extractor_people``, ``Doc._.extractor_entity_names`` (``dict[str, TypedName]``: every name
of the article with its kind and occurrences).

How: name runs are typed by accumulated evidence (``entity_evidence``); company names are
grouped into one company when the article uses a short and a long form of the same name
("RL" / "RL Group", "HA" / "Halifax-Atlantic Bank", "Ukhozi Vale Holdings Limited
("Ukhozi Vale")"); the shortest is the canonical name.

Helpers for the quote and deal components (all offsets are characters of ``doc.text``):

- ``company_at(doc, start, end) -> str | None``: the company named (or referred to by a
  singular reference such as "the firm") in that stretch.
- ``resolve_reference(doc, start, end) -> list[str]``: the companies a reference in that
  stretch stands for ("the two companies" -> two names); ``[]`` when there is none.
- ``companies_in(doc, start, end) -> list[tuple[int, int, str]]``: company mentions and
  references inside a stretch, in text order, as (start, end, canonical name).
- ``find_company(doc, name) -> CompanyFact | None``: the company an article name or alias
  stands for ("Velmora Group's" -> the "Velmora" fact).
"""

from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.components.entity_evidence import (
    Occurrence,
    TypedName,
    make_occurrences,
    type_names,
)
from extractor.components.entity_references import find_references
from extractor.components.sentences import doc_text
from extractor.facts import CompanyFact, ReferenceFact
from extractor.parsing.entity_text import NameRun
from extractor.parsing.names import (
    clean_name,
    name_key,
    name_words,
    person_matches,
    same_company,
)

_ABBR_AFTER = re.compile(r"^\s*\(\s*([A-Z][A-Za-z&.\-]{1,9})\s*\)")
_DEFINED_AFTER = re.compile(
    r"""^\s*\(\s*["“]([^"”\n]{1,60})["”]            # ("Ukhozi Vale"
        (?:\s*(?:or|and|,)\s*["“]([^"”\n]{1,40})["”])?  #  or "the Group"
    """,
    re.VERBOSE,
)
_PAREN_AFTER = re.compile(r"\s*\(")
_FORMERLY = re.compile(r"\bformerly\s+(?:known\s+as|called)\s+$")


@Language.factory(
    "extractor_companies",
    assigns=["doc._.extractor_companies", "doc._.extractor_company_refs", "doc.ents"],
    default_config={},
)
def make_companies(nlp: Language, name: str) -> CompaniesComponent:
    return CompaniesComponent()


class CompaniesComponent:
    """Finds company names, groups their aliases and resolves company anaphora."""

    def __init__(self) -> None:
        for ext in ("extractor_companies", "extractor_company_refs", "extractor_entity_names"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)
        name_words()  # load the lexicons now rather than on the first document

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # computed once per Doc, shared with the other components
        occurrences = make_occurrences(text)
        # A user's NER, if any: reading doc.ents walks every token, so only when it ran.
        ents = (
            [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            if doc.has_annotation("ENT_IOB")
            else []
        )
        occurrences = _add_model_entities(text, occurrences, ents)
        typed = type_names(text, occurrences, ents=ents)
        companies = group_companies(text, typed)
        # One read of the token table serves the sentence starts and the entity spans.
        flags = doc.to_array([SENT_START, IDX, IS_SPACE, ENT_KB_ID])
        sentences = sentence_starts(doc, flags)
        refs = find_references(text, companies, sentences, definitions=_DEFINED_AFTER)
        ext = doc._  # (each ``doc._`` makes a new accessor)
        ext.extractor_companies = companies
        ext.extractor_company_refs = refs
        ext.extractor_entity_names = typed
        offsets = [(s, e) for c in companies for s, e in c.mentions]
        set_entities(doc, offsets, "ORG", replace=("PERSON",), tokens=flags[:, 1::2])
        return doc


def _add_model_entities(
    text: str, occurrences: list[Occurrence], ents: list[tuple[int, int, str]]
) -> list[Occurrence]:
    """A user NER's ORG/PERSON entities that our runs missed ("kelpworks") become occurrences."""
    extra: list[Occurrence] = []
    for start, end, label in ents:
        if label not in ("ORG", "PERSON") or any(
            o.start < end and start < o.end for o in occurrences
        ):
            continue
        name = clean_name(text[start:end])
        if name:
            run = NameRun(start, end, text[start:end])
            extra.append(Occurrence(start, start + len(name), name, name_key(name), run, False))
    return sorted(occurrences + extra, key=lambda o: o.start) if extra else occurrences


def sentence_starts(doc: Doc, flags: numpy.ndarray | None = None) -> list[int]:
    """Character offsets where sentences start (spaCy's if set, else a simple split).

    Cached in ``doc.user_data``: the companies and people components both need them.
    ``flags``: ``doc.to_array([SENT_START, IDX, IS_SPACE, ...])`` when the caller has it.
    """
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is not None and cached[0] == len(doc):
        return list(cached[1])
    starts = _sentence_starts(doc, flags)
    doc.user_data[_SENTENCES_KEY] = (len(doc), tuple(starts))
    return starts


_SENTENCES_KEY = "extractor_entity_sentence_starts"


def _sentence_starts(doc: Doc, flags: numpy.ndarray | None = None) -> list[int]:
    if doc.has_annotation("SENT_START"):
        # Vectorised: each sentence start moves to the first non-space token at or after
        # it (a start on white space waits for the next word); starts meeting there merge.
        if flags is None:
            flags = doc.to_array([SENT_START, IDX, IS_SPACE])
        words = numpy.flatnonzero(flags[:, 2] == 0)
        firsts = numpy.searchsorted(words, numpy.flatnonzero(flags[:, 0] == 1)).tolist()
        # (non-decreasing, so ``dict.fromkeys`` is ``numpy.unique``, at a sixth of its cost)
        firsts = list(dict.fromkeys(i for i in firsts if i < len(words)))
        return flags[words[firsts], 1].tolist()
    starts = [0]
    for m in re.finditer(r"(?:[.!?][\"'”’]?\s+|\n+)(?=\S)", doc.text):
        starts.append(m.end())
    return starts


class _UnionFind:
    def __init__(self, keys: list[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def group_companies(text: str, typed: dict[str, TypedName]) -> list[CompanyFact]:
    """One ``CompanyFact`` per company: names that stand for the same company are merged."""
    _surnames_of_people(typed)
    people = [t.name for t in typed.values() if t.kind == "person" and " " in t.name]
    companies = {
        k: t
        for k, t in typed.items()
        if t.kind == "company"
        and not (t.scores.get("company", 0) < 4 and any(person_matches(t.name, p) for p in people))
    }
    _explicit_aliases(text, typed, companies)
    _short_forms(typed, companies)
    _drop_initial_words(companies)
    keys = sorted(companies, key=lambda k: companies[k].occurrences[0].start)
    # Both unit patterns need one of the unit words: most articles have none.
    units = (
        {k for k, t in companies.items() if _is_unit(text, t)}
        if _UNIT_WORDS.search(text)
        else set()
    )
    uf = _UnionFind(keys)
    for key, other in _explicit_links(text, typed, companies):
        uf.union(key, other)
    # (name, length, first offset, whether a unit) of each key, read once for every pair
    facts = [
        (companies[k].name, len(companies[k].name), companies[k].occurrences[0].start, k in units)
        for k in keys
    ]
    for i, a in enumerate(keys):
        name_a, len_a, first_a, unit_a = facts[i]
        for j in range(i + 1, len(keys)):
            name_b, len_b, first_b, unit_b = facts[j]
            if len_a <= len_b:  # a is the short form
                if unit_b and not unit_a:
                    continue  # "its solar subsidiary, Daeho Solar": another company
                if same_company(name_a, name_b, long_first=first_b < first_a):
                    uf.union(a, keys[j])
            else:
                if unit_a and not unit_b:
                    continue
                if same_company(name_b, name_a, long_first=first_a < first_b):
                    uf.union(a, keys[j])
    groups: dict[str, list[TypedName]] = {}
    for key in keys:
        groups.setdefault(uf.find(key), []).append(companies[key])
    facts: list[CompanyFact] = []
    for members in groups.values():
        counts = {m.key: len(m.occurrences) for m in members}
        canonical = min(members, key=lambda m: (len(m.name), -counts[m.key]))
        mentions = sorted((o.start, o.end) for m in members for o in m.occurrences)
        aliases = [m.name for m in members if m is not canonical]
        facts.append(CompanyFact(canonical.name, aliases, mentions))
    facts.sort(key=lambda f: f.mentions[0][0] if f.mentions else 0)
    return facts


def _surnames_of_people(typed: dict[str, TypedName]) -> None:
    """A short form of a known person's name ("Holloway" after "Jane Holloway") is that person.

    However often it is repeated ("Holloway said" four times adds up to company points): a name
    whose points come only from repetition (no one mention gives strong evidence, no legal
    suffix or company word) is the person. Weaker names are left out of the companies below.
    """
    people = [t.name for t in typed.values() if t.kind == "person" and " " in t.name]
    for named in typed.values():
        scores = named.scores
        if (
            named.kind == "company"
            and scores.get("company", 0) >= 4
            and scores.get("company_peak", 0) < 2
            and not scores.get("designated")
            and any(person_matches(named.name, p) for p in people)
        ):
            named.kind = "person"


def _explicit_aliases(
    text: str, typed: dict[str, TypedName], companies: dict[str, TypedName]
) -> None:
    """Names that an article defines for a company become companies too ("... (RIVH)")."""
    for key, other in _explicit_links(text, typed, companies):
        for k in (key, other):
            if k not in companies and typed[k].kind in ("none", "company", "place"):
                typed[k].kind = "company"
                companies[k] = typed[k]


#: The words ``_UNIT_BEFORE`` and ``_UNIT_AFTER`` need (as parts of longer words, too).
_UNIT_WORDS = re.compile(r"subsidiary|unit|arm|division|affiliate")
#: "its solar subsidiary, X" / "X, its listed unit": a company of its own.
_UNIT_BEFORE = re.compile(
    r"\b(?:its|their|the)\s+(?:[\w-]+\s+){0,3}(?:subsidiary|unit|arm|division|affiliate)\s*,?\s+$"
)
_UNIT_AFTER = re.compile(
    r"^,\s+(?:its|a|the)\s+(?:[\w-]+\s+){0,3}(?:subsidiary|unit|arm|division|affiliate)\b"
)


def _is_unit(text: str, named: TypedName) -> bool:
    # Cheap necessary conditions first: a unit word in the 60 characters before, a comma
    # right after.
    return any(
        (
            _UNIT_WORDS.search(text, max(0, o.start - 60), o.start)
            and _UNIT_BEFORE.search(text[max(0, o.start - 60) : o.start])
        )
        or (text.startswith(",", o.end) and _UNIT_AFTER.match(text[o.end : o.end + 60]))
        for o in named.occurrences
    )


def _drop_initial_words(companies: dict[str, TypedName]) -> None:
    """ "Red Kingsway Post delivery vans": a capitalised first word of a sentence before a
    company's name is no part of it."""
    for key, named in list(companies.items()):
        words = named.name.split()
        if len(words) < 2 or not all(o.initial for o in named.occurrences):
            continue
        tail = name_key(" ".join(words[1:]))
        target = companies.get(tail)
        if target is None or target is named:
            continue
        shift = len(named.name) - len(" ".join(words[1:]))
        for occ in named.occurrences:
            occ.start += shift
            occ.name = target.name
            occ.key = tail
            target.occurrences.append(occ)
        target.occurrences.sort(key=lambda o: o.start)
        del companies[key]


def _short_forms(typed: dict[str, TypedName], companies: dict[str, TypedName]) -> None:
    """An untyped short form of a company name is that company ("Alvor will keep ...").

    A short form that opens a sentence with a common word ("Northern Plains") counts only
    once the article has introduced the long name ("Northern Plains Infrastructure").
    """
    longer = list(companies.values())
    for key, named in typed.items():
        if named.kind != "none" or named.scores.get("person", 0) >= 1:
            continue
        first = named.occurrences[0].start
        weak = any(o.weak for o in named.occurrences)
        if any(
            len(named.name) < len(c.name)
            and same_company(named.name, c.name)
            and not (weak and c.occurrences[0].start > first)
            for c in longer
        ):
            named.kind = "company"
            companies[key] = named


def _explicit_links(
    text: str, typed: dict[str, TypedName], companies: dict[str, TypedName]
) -> list[tuple[str, str]]:
    links: list[tuple[str, str]] = []
    for key, company in list(companies.items()):
        for occ in company.occurrences:
            if not _PAREN_AFTER.match(text, occ.end):
                continue  # both patterns open with white space and "("
            after = text[occ.end : occ.end + 120]
            m = _ABBR_AFTER.match(after) or _DEFINED_AFTER.match(after)
            if not m:
                continue
            for group in m.groups():
                other = name_key(clean_name(group or ""))
                if other in typed and other != key:
                    links.append((key, other))
    # "q&, the ... group formerly known as Qantara Telecom"
    if "formerly" not in text:
        return links
    for key, named in typed.items():
        for occ in named.occurrences:
            line_start = text.rfind("\n", 0, occ.start) + 1
            if not _FORMERLY.search(text[max(line_start, occ.start - 40) : occ.start]):
                continue
            before = [
                (o.start, k)
                for k, c in companies.items()
                for o in c.occurrences
                if line_start <= o.start < occ.start and k != key
            ]
            if before:
                links.append((max(before)[1], key))
    return links


def set_entities(
    doc: Doc,
    offsets: list[tuple[int, int]],
    label: str,
    *,
    replace: tuple[str, ...] = (),
    tokens: numpy.ndarray | None = None,
) -> None:
    """Add ``label`` spans to ``doc.ents``, keeping non-overlapping entities of other labels.

    Args:
        doc: the document.
        offsets: character offsets of the new entities.
        label: their label ("ORG", "PERSON").
        replace: labels of existing entities to drop as well (a user NER's ORG and PERSON,
            which our decisions replace).
        tokens: ``doc.to_array([IDX, ENT_KB_ID])``, if the caller has it.
    """
    if not doc.has_annotation("ENT_IOB"):
        # Nothing to keep: every token is written (see ``_write_entities``).
        if tokens is None:
            tokens = doc.to_array([IDX, ENT_KB_ID])
        spans = _token_spans(doc, offsets, tokens[:, 0].tolist())
        _write_entities(doc, spans, label, tokens[:, 1])
        return
    spans: list[Span] = []
    for start, end in offsets:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    ours = filter_spans(spans)
    taken = {i for span in ours for i in range(span.start, span.end)}
    # Entities that lose their place: ours replace them, or their label is one we decide.
    # Only their tokens (outside ours) are cleared, and every other token keeps its
    # annotation: assigning ``doc.ents`` would rewrite every token of the Doc.
    cleared = sorted(
        {
            i
            for e in doc.ents
            if e.label_ == label
            or e.label_ in replace
            or any(i in taken for i in range(e.start, e.end))
            for i in range(e.start, e.end)
        }
        - taken
    )
    doc.set_ents(ours, outside=[doc[i : i + 1] for i in cleared], default="unmodified")


def _token_spans(
    doc: Doc, offsets: list[tuple[int, int]], token_starts: list[int]
) -> list[tuple[int, int]]:
    """The token spans ``filter_spans`` keeps of ``doc.char_span(start, end, alignment_mode=
    "expand")`` for each offset pair, as (start, end) token indices in text order.

    The tokens of a Doc cover its text without gaps, token ``i`` the characters from
    ``token_starts[i]`` to the next token's start, so the token holding a character is a
    bisection (spaCy's ``token_by_char``). A span that starts on white space (which
    ``char_span`` moves past a token's trailing space) or is empty goes through ``char_span``.
    """
    text = doc_text(doc)
    size = len(text) if token_starts else 0
    found: list[tuple[int, int]] = []
    for start, end in offsets:
        if not (0 <= start < size and 0 < end <= size):
            continue  # no token holds the first or the last character: no span
        if end <= start or text[start].isspace():
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.append((span.start, span.end))
            continue
        first = bisect.bisect_right(token_starts, start) - 1
        last = bisect.bisect_right(token_starts, end - 1) - 1
        found.append((first, last + 1))
    # ``spacy.util.filter_spans``: the longest (then the first) of overlapping spans wins.
    kept: list[tuple[int, int]] = []
    seen: set[int] = set()
    for first, end in sorted(found, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if first not in seen and end - 1 not in seen:
            kept.append((first, end))
            seen.update(range(first, end))
    kept.sort(key=lambda s: s[0])
    return kept


def _write_entities(
    doc: Doc, spans: list[tuple[int, int]], label: str, kb_ids: numpy.ndarray
) -> None:
    """``doc.set_ents(spans, default="outside")`` for non-overlapping token spans, in one
    ``Doc.from_array``: ``set_ents`` visits every token of the Doc in Python.

    The same token state: each span's tokens B, I, I ... with the label and no knowledge-base
    id, every other token O without a type (its knowledge-base id kept); ``set_ents``'s final
    repair of I after O finds nothing to repair in that. ``kb_ids``: ``ENT_KB_ID`` of each
    token.
    """
    size = len(doc)
    if not size:
        return
    # Byte strings, sliced in C, then one array: numpy calls per span cost more.
    iob = bytearray(b"\x02") * size  # O
    inside = bytearray(size)
    for first, end in spans:
        if end > first:  # (an empty span marks no token)
            iob[first:end] = b"\x03" + b"\x01" * (end - first - 1)  # B I I ...
            inside[first:end] = b"\x01" * (end - first)
    table = numpy.empty((size, 2), dtype="uint64")
    table[:, 0] = numpy.frombuffer(iob, dtype="uint8")
    mask = numpy.frombuffer(inside, dtype="uint8")
    table[:, 1] = mask * numpy.uint64(doc.vocab.strings.add(label))
    if not kb_ids.any():  # (always, but for a stray id: the entities' ids are then cleared)
        doc.from_array([ENT_IOB, ENT_TYPE], table)
        return
    kb_ids = numpy.where(mask != 0, 0, kb_ids).astype("uint64")
    doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID], numpy.column_stack([table, kb_ids]))


def _facts(doc: Doc) -> list[CompanyFact]:
    return doc._.extractor_companies or [] if Doc.has_extension("extractor_companies") else []


def _refs(doc: Doc) -> list[ReferenceFact]:
    if not Doc.has_extension("extractor_company_refs"):
        return []
    return doc._.extractor_company_refs or []


def company_at(doc: Doc, start: int, end: int) -> str | None:
    """The company named or singly referred to in ``doc.text[start:end]``, if any."""
    for fact in _facts(doc):
        if any(s < end and start < e for s, e in fact.mentions):
            return fact.name
    for ref in _refs(doc):
        if ref.start < end and start < ref.end and len(ref.companies) == 1:
            return ref.companies[0]
    return None


def resolve_reference(doc: Doc, start: int, end: int) -> list[str]:
    """The companies a reference ("the firm", "both companies") in that stretch stands for."""
    for ref in _refs(doc):
        if ref.start < end and start < ref.end:
            return list(ref.companies)
    return []


def companies_in(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """Company mentions and singular references inside a stretch, in text order."""
    found = [
        (s, e, fact.name)
        for fact in _facts(doc)
        for s, e in fact.mentions
        if start <= s and e <= end
    ]
    found += [
        (r.start, r.end, r.companies[0])
        for r in _refs(doc)
        if start <= r.start and r.end <= end and len(r.companies) == 1
    ]
    return sorted(found)


def find_company(doc: Doc, name: str) -> CompanyFact | None:
    """The company that an article name or alias stands for."""
    key = name_key(clean_name(name))
    facts = _facts(doc)
    for fact in facts:
        if key in {name_key(n) for n in [fact.name, *fact.aliases]}:
            return fact
    for fact in facts:
        if any(same_company(n, clean_name(name)) for n in [fact.name, *fact.aliases]):
            return fact
    return None
