"""What the deal finder reads from a Doc, as plain offsets: sentences, entities, figures.

The entity and quantity components write their results in different shapes (span groups,
``Doc._`` lists of facts); this module turns them into one sorted, read-only view so that the
deal rules can work with character offsets and small regexes over sentence text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

from extractor.components.extension_values import doc_value, span_values
from extractor.components.sentences import doc_text
from extractor.facts import YearMention
from extractor.lexicons import load_lexicon
from extractor.parsing.values import MoneyValue, PercentValue

# The view's records are read-only by convention rather than ``frozen``: a frozen dataclass
# sets each field through ``object.__setattr__``, and building the records of a document that
# way took about 5% of the deal finder's instructions. ``unsafe_hash`` keeps the value hash
# and equality a frozen record has; nothing assigns to their fields.


@dataclass(slots=True, unsafe_hash=True)
class Ent:
    """A company, person or resolved reference ("the firm") mentioned in the text."""

    start: int
    end: int
    name: str
    kind: Literal["company", "person", "ref"]


@dataclass(slots=True, unsafe_hash=True)
class MoneyItem:
    idx: int
    start: int
    end: int
    text: str
    value: MoneyValue
    links: tuple[int, ...] = ()


@dataclass(slots=True, unsafe_hash=True)
class PercentItem:
    idx: int
    start: int
    end: int
    text: str
    value: PercentValue
    links: tuple[int, ...] = ()


@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    start: int
    end: int
    text: str

    def rel(self, offset: int) -> int:
        """``offset`` relative to the sentence start."""
        return offset - self.start


@dataclass
class DocView:
    text: str
    sentences: list[Sentence]
    ents: list[Ent]
    money: list[MoneyItem]
    percents: list[PercentItem]
    years: list[YearMention]
    published: dt.date | None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    lower: str = field(default="", repr=False)
    sentence_starts: list[int] = field(default_factory=list, repr=False)
    #: id(list) -> (the list, its items' starts): ``in_range`` bisects the sorted lists.
    _starts: dict[int, tuple[list, list[int]]] = field(default_factory=dict, repr=False)  # type: ignore[type-arg]
    #: (id(list), start, end) -> ``in_range`` answer: each sentence is asked about many times.
    _ranges: dict[tuple[int, int, int], list] = field(default_factory=dict, repr=False)  # type: ignore[type-arg]

    def __post_init__(self) -> None:
        self.lower = self.text.lower()
        self.sentence_starts = [s.start for s in self.sentences]
        for items in (self.ents, self.money, self.percents, self.years):
            starts = [i.start for i in items]
            if starts == sorted(starts):  # sorted by start: ``in_range`` may bisect it
                self._starts[id(items)] = (items, starts)

    @functools.cached_property
    def descriptors(self) -> dict[str, dict[str, int]]:
        """noun -> {company: offset where the text first describes it so}.

        Only read to resolve "the bank" after a pronoun-led clause: worked out on first use.
        """
        return _descriptors(self.text, self.ents)

    def described_as(self, noun: str) -> dict[str, int]:
        """``descriptors.get(noun, {})``: a word that is no descriptor noun ("the deal") has
        none, told without working out the descriptors of the whole text."""
        if noun not in _descriptor_nouns():
            return {}
        return self.descriptors.get(noun, {})

    def in_quote(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` inside a direct quotation (someone's words, not the report)?"""
        return any(qs <= start and end <= qe for qs, qe in self.quotes)

    def in_range(self, items: list, start: int, end: int) -> list:  # type: ignore[type-arg]
        """Items (anything with start/end) lying inside ``[start, end)``.

        Called many times for every sentence and frame: for the view's own lists (sorted by
        start) the answer is found by bisection and kept, so callers must not change it.
        """
        key = (id(items), start, end)
        found = self._ranges.get(key)
        if found is not None:
            return found
        indexed = self._starts.get(key[0])
        if indexed is None or indexed[0] is not items or len(indexed[1]) != len(items):
            return [i for i in items if i.start >= start and i.end <= end]
        starts = indexed[1]
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_right(starts, end, lo)
        found = self._ranges[key] = [i for i in items[lo:hi] if i.end <= end]
        return found


def _figures(
    doc: Doc,
    text: str,
    group: str,
    extension: str,
    item: type[MoneyItem] | type[PercentItem],
    links: dict[int, tuple[int, ...]],
) -> list[Any]:
    """The spans of one figure span group that carry a value, as ``item`` objects.

    ``text[start:end]`` is ``span.text`` without building a Token per token of the span.
    """
    spans = list(doc.spans.get(group, []))
    values = span_values(doc, spans, extension)
    return [
        item(i, s.start_char, s.end_char, text[s.start_char : s.end_char], value, links.get(i, ()))
        for i, (s, value) in enumerate(zip(spans, values, strict=True))
        if value is not None
    ]


def _links(pairs: list[tuple[int, int]] | None) -> dict[int, tuple[int, ...]]:
    out: dict[int, list[int]] = {}
    for a, b in pairs or []:
        out.setdefault(a, []).append(b)
        out.setdefault(b, []).append(a)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def build_view(doc: Doc) -> DocView:
    """Collect everything the deal rules need from ``doc`` (missing parts give empty lists)."""
    text = doc_text(doc)  # Doc.text joins every token each time it is read: shared copy
    figure_stops = [m.start() for m in _STOP.finditer(text) if text[m.start() - 1] in "mnkbp"]
    sentences = _join_legal_forms(
        [
            part
            for s, e in _sentence_bounds(doc)
            for part in _split_after_figures(s, text[s:e], figure_stops)
        ],
        text,
    )
    ents: list[Ent] = []
    for company in doc_value(doc, "extractor_companies") or []:
        for start, end in company.mentions:
            ents.append(Ent(start, end, company.name, "company"))
    for ref in doc_value(doc, "extractor_company_refs") or []:
        if len(ref.companies) == 1:
            ents.append(Ent(ref.start, ref.end, ref.companies[0], "ref"))
    for person in doc_value(doc, "extractor_people") or []:
        for start, end in person.mentions:
            ents.append(Ent(start, end, person.name, "person"))
    ents = _dedupe(sorted(ents, key=lambda e: (e.start, -(e.end - e.start))))
    money_links = _links(doc_value(doc, "extractor_money_links"))
    pct_links = _links(doc_value(doc, "extractor_percent_links"))
    money = _figures(doc, text, "extractor_money", "extractor_money", MoneyItem, money_links)
    percents = _figures(
        doc, text, "extractor_percents", "extractor_percent", PercentItem, pct_links
    )
    years = list(doc_value(doc, "extractor_years") or [])
    published = doc_value(doc, "extractor_published")
    quotes = [(q.start, q.end) for q in doc_value(doc, "extractor_quotes") or []]
    return DocView(
        text=text,
        sentences=sentences,
        ents=ents,
        money=sorted(money, key=lambda m: m.start),
        percents=sorted(percents, key=lambda p: p.start),
        years=sorted(years, key=lambda y: y.start),
        published=published if isinstance(published, dt.date) else None,
        quotes=quotes,
    )


#: "paid €325m. It also": the tokenizer keeps the stop in "m.", so a sentence splitter working
#: on tokens may run two sentences together; split after a figure's scale letter and a stop.
_FIGURE_STOP = re.compile(r"(?<=\d)(?:m|bn|mn|k|b|tn|p)\.\s+(?=[A-Z\"“‘'])")
#: A stop and white space: every ``_FIGURE_STOP`` match holds one right after the last letter
#: of its scale (m, n, k, b or p). Found once per document, so that only the few sentences
#: holding such a stop are searched (a pattern opening with a literal is scanned for in C).
_STOP = re.compile(r"\.\s")


#: "Merbau & Co. Logistics Pte.| Ltd., a cold-chain firm": a stop inside a legal form.
_LEGAL_CONTINUATION = re.compile(
    r"\s*(?:Ltd|Limited|Inc|Corp|Co|plc|PLC|LLC|AG|SA|S\.A|NV|N\.V|Bhd|Pty|Pte|GmbH|KK|K\.K)\b"
)


#: "Lucerna S.p.| A., the Milan-based group": a split inside dotted initials.
_INITIALS_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_INITIAL_START = re.compile(r"[A-Z]\.[,\s]")


#: The letters a ``_LEGAL_CONTINUATION`` match opens with (after white space).
_LEGAL_FIRST = frozenset("LICpPASNBGK")


def _join_legal_forms(sentences: list[Sentence], text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in sentences:
        head = sent.text[:1]
        if head.isspace():
            head = sent.text.lstrip()[:1]  # ``\s`` and ``str.isspace`` agree
        if (
            out
            and (
                # a legal form's first letter, or an initial's stop, before any pattern runs
                (
                    head in _LEGAL_FIRST
                    and _LEGAL_CONTINUATION.match(sent.text)
                    and out[-1].text.rstrip().endswith(".")
                )
                # the anchored test first: ``_INITIALS_END`` scans the whole previous sentence
                or (
                    sent.text[1:2] == "."
                    and _INITIAL_START.match(sent.text)
                    and _INITIALS_END.search(out[-1].text)
                )
            )
        ):
            prev = out.pop()
            sent = Sentence(prev.start, sent.end, text[prev.start : sent.end])
        out.append(sent)
    return out


def _split_after_figures(start: int, text: str, figure_stops: list[int]) -> list[Sentence]:
    """Split a sentence after "€325m." (see ``_FIGURE_STOP``).

    Args:
        start: the sentence start in the document.
        text: the sentence text.
        figure_stops: sorted document offsets of the stops that may end a figure (``_STOP``
            after a scale's last letter): a sentence holding none needs no search.
    """
    i = bisect.bisect_left(figure_stops, start)
    if i == len(figure_stops) or figure_stops[i] >= start + len(text):
        return [Sentence(start, start + len(text), text)]
    parts: list[Sentence] = []
    pos = 0
    for m in _FIGURE_STOP.finditer(text):
        cut = m.end()
        parts.append(Sentence(start + pos, start + cut, text[pos:cut]))
        pos = cut
    parts.append(Sentence(start + pos, start + len(text), text[pos:]))
    return parts


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of the Doc's sentences (spaCy's ``doc.sents``: one Span per sentence,
    no Token objects), or read from arrays when no sentence starts are set."""
    if len(doc) == 0:
        return []
    if "sents" not in doc.user_hooks and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    arr = doc.to_array([IDX, LENGTH, SENT_START]).astype("int64")
    starts = numpy.flatnonzero(arr[:, 2] == 1)
    if len(starts) == 0 or starts[0] != 0:
        starts = numpy.concatenate(([0], starts))
    lasts = numpy.concatenate((starts[1:] - 1, [len(arr) - 1]))
    begin = arr[starts, 0].tolist()
    end = (arr[lasts, 0] + arr[lasts, 1]).tolist()
    return list(zip(begin, end, strict=True))


def _descriptors(text: str, ents: list[Ent]) -> dict[str, dict[str, int]]:
    """Which companies the text describes with which noun: "Ipanu, Brazil's largest bank,",
    "brokerage firm QV", "Halifax-Atlantic Bank", '("Ukhozi" or "the Group")'. Used to
    resolve "the bank" to the one company called a bank."""
    nouns, after_re, before_re, paren_re, longest = _descriptor_patterns()
    out: dict[str, dict[str, int]] = {}
    for ent in ents:
        if ent.kind != "company":
            continue
        found = [text[ent.start : ent.end].split()[-1].lower()]
        after = text[ent.end : ent.end + 120]
        m = after_re.search(after)
        if m:
            found.append(m.group(1).lower())
        chunk = text[max(0, ent.start - 30) : ent.start]
        # The noun must end where the chunk's closing white space starts: no match can
        # begin further back than the longest noun, so the search starts there.
        m = before_re.search(chunk, max(0, len(chunk.rstrip()) - longest))
        if m:
            found.append(m.group(1).lower())
        m = paren_re.search(after[:60])
        if m:
            found.append(m.group(1).lower())
        for noun in found:
            if noun in nouns:
                out.setdefault(noun, {}).setdefault(ent.name, ent.start)
    return out


_Pat = re.Pattern[str]


@functools.cache
def _descriptor_patterns() -> tuple[frozenset[str], _Pat, _Pat, _Pat, int]:
    """The descriptor nouns, the patterns of ``_descriptors`` and the longest noun's length."""
    nouns = _descriptor_nouns()
    noun_alt = "|".join(sorted(nouns, key=len, reverse=True))
    after_re = re.compile(
        rf"""^\s*(?:\([^)]{{0,60}}\))?\s*,\s+              # ", " (after an optional "(RFS)")
             (?:[\w'’&.-]+\s+){{0,6}}?({noun_alt})\b""",
        re.I | re.X,
    )
    before_re = re.compile(rf"\b({noun_alt})\s+$", re.I)
    # '("Ukhozi Vale" or "the Group")': a defined term
    paren_re = re.compile(rf"^[\"”’']?\s+or\s+[\"“‘']?the\s+({noun_alt})\b", re.I)
    return nouns, after_re, before_re, paren_re, max(map(len, nouns), default=0)


@functools.cache
def _descriptor_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon("deal_triggers")["descriptor_nouns"])


def _dedupe(ents: list[Ent]) -> list[Ent]:
    """Drop mentions overlapping an earlier, longer one (a company inside a person's span)."""
    out: list[Ent] = []
    for ent in ents:
        if out and ent.start < out[-1].end:
            continue
        out.append(ent)
    return out
