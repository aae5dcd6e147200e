"""Typing name runs by accumulated evidence: company, person, place, body or nothing.

No single rule decides. Each occurrence of a name adds points from what it looks like (legal
suffix, industry word, first name, place list) and from its context ("stake in X", "X's
shares", "X, the ... group", "NAME, an analyst at", "the regulator, X"); the points of every
occurrence of the same name are added up (a name that is a company once is a company in the
whole article), then names listed together with companies get a share of their evidence.
A user's spaCy NER, when present, is one more source of points.

Kinds: ``company``; ``person``; ``place``; ``body`` (an organisation that is not a business:
a regulator, ministry, central bank, university, club, publisher); ``none``.

Used by ``extractor_companies``; spaCy-free apart from the stop-word list, so it is cheap to
test on plain strings.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from extractor.components.entity_patterns import TAIL_WORDS, Screen, Vocabulary, vocabulary
from extractor.parsing.entity_text import NameRun, Word, find_name_runs
from extractor.parsing.names import (
    NameWords,
    clean_name,
    has_legal_suffix,
    name_key,
    name_words,
    strip_legal_suffixes,
)

KINDS = ("company", "person", "place", "body", "none")
#: Points a name needs to be typed; calibrated on the team's dev corpus (13 articles).
MIN_COMPANY = 1.0
MIN_PERSON = 2.0
MIN_PLACE = 3.0
MIN_BODY = 3.0
#: Characters of context looked at on each side of an occurrence.
WINDOW = 90


@dataclass(slots=True)
class Occurrence:
    """One occurrence of a (cleaned) name in the text."""

    start: int
    end: int
    name: str
    key: str
    run: NameRun
    weak: bool  # sentence-initial common word or headline: its capital letter proves nothing
    initial: bool = False  # first word of a sentence
    title: str | None = None  # "Mr" before a person's name


@dataclass(slots=True)
class TypedName:
    """The decision about one distinct name, with all its occurrences."""

    key: str
    name: str
    kind: str
    scores: dict[str, float]
    occurrences: list[Occurrence] = field(default_factory=list)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that are page furniture: credit lines, and all after "Related ..."."""
    vocab = vocabulary()
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if stripped.rstrip(":") in vocab.section_ends and start > len(text) // 3:
            ranges.append((start, len(text)))
            break
        if stripped.startswith(vocab.boilerplate_starts):
            ranges.append((start, pos))
    return ranges


def _dateline_agency(text: str) -> set[str]:
    """The agency code of a wire dateline ("JOHANNESBURG, Nov 10 (PANW) -")."""
    m = re.search(
        r"""
        ^[A-Z][A-Z .'’-]+,\s      # "JOHANNESBURG, "
        [^\n()]{0,25}?            # "Nov 10 "
        \(([A-Z][A-Za-z]{1,9})\)  # "(PANW)"
        \s*[-–—]                  # " -"
        """,
        text,
        re.MULTILINE | re.VERBOSE,
    )
    return {m.group(1)} if m else set()


#: Lower-case words of the text; the look-ahead is the first letter, which ``re`` can scan for.
LOWER_WORD = re.compile(r"(?=[a-z])\b[a-z][a-z'’-]+\b")


class _CommonWords:
    """``set(LOWER_WORD.findall(text)) | extra`` for ``in`` tests, without finding the
    lower-case words of the text unless a test needs them.

    Each of those words is a piece of the text: a word that is not in the text at all is
    none of them, and most names a test asks about ("velmora") are not.
    """

    __slots__ = ("extra", "text", "words")

    def __init__(self, text: str, extra: frozenset[str]) -> None:
        self.text = text
        self.extra = extra
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if word in self.extra:
            return True
        if word not in self.text:
            return False
        if self.words is None:
            self.words = set(LOWER_WORD.findall(self.text))
        return word in self.words

    def with_extra(self, more: frozenset[str]) -> _CommonWords:
        """The same words and ``more``, sharing the lower-case words once found."""
        other = _CommonWords(self.text, self.extra | more)
        other.words = self.words
        return other


def make_occurrences(text: str) -> list[Occurrence]:
    """Name occurrences of the text: runs cleaned of titles, roles and common words."""
    vocab = vocabulary()
    titles = name_words().titles
    agency = _dateline_agency(text)
    runs = find_name_runs(
        text,
        of_heads=vocab.of_heads,
        keep_dots=vocab.keep_dots,
        continuers=vocab.designators,
        skip=boilerplate_ranges(text),
    )
    out: list[Occurrence] = []
    common = _CommonWords(text, vocab.common)  # and the lower-case words of the text
    splitters = vocab.splitters | agency
    headline_common: _CommonWords | None = None  # made for the first title-case line
    for run in runs:
        words = run.words  # (read only: the words dropped below are sliced off)
        title = None
        # "The Banca Sorvegna board": drop blocked and function words in front.
        skip = 0
        for word in words:
            if not (_blocked(word.text, vocab) or word.text in agency):
                break
            if word.text in titles:
                title = word.text
            skip += 1
        if skip == len(words):
            continue
        # "Chief Financial Officer Hennie Vlok": the role is context, not name.
        words = _strip_role_prefix(words[skip:] if skip else words, vocab)
        skip = 0
        for word in words:
            if not (word.text.islower() and not _is_brand(word.text)):
                break
            skip += 1  # "of Directors" once "Board" was dropped
        if skip == len(words):
            continue
        if skip:
            words = words[skip:]
        parts = _split_blocked(words, splitters)
        if run.headline:
            # "Orchard Foods Agrees To Buy Lantern Stake": common words cut a title-case line.
            if headline_common is None:
                headline_common = common.with_extra(vocab.headline)
            parts = [p for part in parts for p in _split_common(part, headline_common)]
        for part in parts:
            name = clean_name(text[part[0].start : part[-1].end])
            if _not_a_name(name):
                continue
            initial = part[0].sentence_initial
            if initial and len(part) == 1 and name.casefold() in vocab.common:
                continue  # "New investors ...", "Foreign buyers ..."
            weak = run.headline or (initial and _is_common(part[0].text, common))
            occ = Occurrence(part[0].start, part[-1].end, name, name_key(name), run, weak, initial)
            occ.title = title
            out.append(occ)
    return out


@functools.lru_cache(maxsize=8192)
def _not_a_name(name: str) -> bool:
    """A cleaned part of a run that is no name: empty, blocked, one letter, a plural acronym,
    a bare legal form ("Ltd"), a word whose dot belongs to it ("Corp."). (Cached: it reads
    only the name and the process's vocabulary.)"""
    vocab = vocabulary()
    return bool(
        not name
        or _blocked(name, vocab)
        or len(name) < 2
        or _PLURAL_ACRONYM.match(name)
        or (strip_legal_suffixes(name) != name and " " not in name)
        or name.casefold().rstrip(".") in vocab.keep_dots
    )


#: "MPs", "CEOs": plural acronyms are not names.
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")


def _is_brand(word: str) -> bool:
    return "&" in word or any(c.isupper() for c in word)


def _blocked(word: str, vocab: Vocabulary) -> bool:
    return word in vocab.blocked or word.rstrip(".") in vocab.blocked


def _is_common(word: str, lower_words: _CommonWords) -> bool:
    folded = word.casefold()
    return folded in STOP_WORDS or folded in lower_words


def _strip_role_prefix(words: list[Word], vocab: Vocabulary) -> list[Word]:
    n = 0
    while n < len(words) and words[n].text.casefold() in vocab.role_words:
        n += 1
    if n == 0:
        return words
    phrase = " ".join(w.text for w in words[:n])
    if vocab.role_re.fullmatch(phrase):
        return words[n:]
    return words


def _split_common(words: list[Word], common: _CommonWords) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for w in words:
        if _is_common(w.text, common):
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def _split_blocked(words: list[Word], blocked: frozenset[str] | set[str]) -> list[list[Word]]:
    for w in words:
        if w.text in blocked:
            break
    else:
        return [words]  # (most runs: nothing to cut)
    parts: list[list[Word]] = [[]]
    for w in words:
        if w.text in blocked:
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


@functools.lru_cache(maxsize=8192)
def _intrinsic_items(name: str) -> tuple[tuple[str, float], ...]:
    """``_intrinsic`` with the process's vocabulary, as items in their order (cached, like
    the name helpers of ``names``: a name's own points do not depend on the article, and
    news names recur)."""
    return tuple(_intrinsic(name, vocabulary()).items())


def _intrinsic(name: str, vocab: Vocabulary) -> dict[str, float]:
    """Points from the name itself."""
    words = name.split()
    lex = name_words()
    score: dict[str, float] = defaultdict(float)
    if not vocab.body_heads.isdisjoint(words) or _phrases(vocab.body_phrases).search(f" {name} "):
        score["body"] += 10
    if words[-1] in vocab.publisher_heads and len(words) > 1:
        score["body"] += 5
    if has_legal_suffix(name):
        score["company"] += 4
        score["designated"] = 1
    elif len(words) > 1 and any(
        w.casefold() in vocab.designators or w.casefold() in lex.group_words for w in words
    ):
        score["company"] += 2.5
        score["designated"] = 1  # a person's name has no industry word
    if _CAMEL_INSIDE.search(name):
        score["company"] += 1.5  # "JPMorgan", "BlackRock": no ordinary word looks like this
    folded = name.title() if name.isupper() and len(name) > 3 else name
    if name in lex.places or folded in lex.places:
        score["place"] += 3
    if name in lex.demonyms:
        score["place"] += 3
    first = words[0]
    if score["place"]:
        return score
    if len(words) > 1 and not score["company"] and first in vocab.first_names:
        score["person"] += 2
    elif len(words) == 1 and first in vocab.first_names:
        score["person"] += 0.5
    elif 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words):
        score["person"] += 0.5  # "Piers Lane": the shape of a personal name
    return score


@functools.lru_cache(maxsize=4)
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for "any of these phrases, as whole words, in ' name '" (one scan, not one
    substring test per phrase)."""
    return re.compile(" (?:" + "|".join(re.escape(p) for p in phrases) + ") ")


def _is_central_bank(text: str, occ: Occurrence, vocab: Vocabulary) -> bool:
    """ "the Czech National Bank": a central bank is named with "the" + nation + head."""
    if not occ.name.endswith(vocab.central_bank_heads):
        return False
    before = text[max(0, occ.start - 4) : occ.start].casefold()
    return before.endswith("the ") or occ.name.startswith(("Central Bank", "Reserve Bank"))


def type_names(
    text: str,
    occurrences: list[Occurrence],
    *,
    ents: Iterable[tuple[int, int, str]] = (),
) -> dict[str, TypedName]:
    """Type every distinct name from the evidence of all its occurrences.

    Args:
        text: the document text.
        occurrences: from ``make_occurrences``.
        ents: (start, end, label) entities of a user's NER, if any.

    Returns:
        ``TypedName`` per name key.
    """
    vocab = vocabulary()
    lex = name_words()
    by_key: dict[str, TypedName] = {}
    ent_list = list(ents)
    per_name: dict[str, tuple[bool, bool]] = {}  # ``_name_facts`` of each name, made once
    for occ in occurrences:
        typed = by_key.get(occ.key)
        if typed is None:
            typed = TypedName(occ.key, occ.name, "none", dict(_intrinsic_items(occ.name)))
            by_key[occ.key] = typed
        typed.occurrences.append(occ)
        score = typed.scores  # this name's own dict: updated in place
        before = score.setdefault("company", 0.0)  # (keys in the order they always had)
        # A sentence-initial common word ("New investors ...") needs twice the context.
        damp = 0.5 if occ.weak and " " not in occ.name else 1.0
        for kind, points in _context_points(text, occ, vocab):
            score[kind] = score.get(kind, 0.0) + points * damp
        if occ.title:
            score["person"] = score.get("person", 0.0) + 5
        facts = per_name.get(occ.name)
        if facts is None:
            facts = per_name[occ.name] = _name_facts(occ.name, vocab, lex)
        plain, bank_head = facts
        if plain and not occ.weak and not occ.initial and not occ.title:
            score["company"] = score.get("company", 0.0) + 1.0
        if bank_head and _is_central_bank(text, occ, vocab):
            score["body"] = score.get("body", 0.0) + 6
        for start, end, label in ent_list:
            if start < occ.end and occ.start < end:
                kind = _ENT_KINDS.get(label)
                if kind:
                    score[kind] = score.get(kind, 0.0) + 3
        # The most company points one occurrence gave: repetition alone ("Holloway said" four
        # times) adds up, but no single mention says "company".
        peak = score.get("company_peak", 0.0)
        score["company_peak"] = max(peak, score["company"] - before)
    _coordination(text, occurrences, by_key)
    for typed in by_key.values():
        typed.kind = decide(typed.scores)
    return by_key


def _name_facts(name: str, vocab: Vocabulary, lex: NameWords) -> tuple[bool, bool]:
    """Whether a capital letter mid-sentence is evidence for the name (a name that is not a
    place, nationality or first name), and whether it ends with a central bank's head."""
    first = name.split()[0]
    plain = not (first in lex.demonyms or first in lex.places or name in vocab.first_names)
    return plain, name.endswith(vocab.central_bank_heads)


#: The kinds a user NER's labels are evidence for.
_ENT_KINDS = {
    "ORG": "company",
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "NORP": "place",
    "FAC": "place",
}
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|asked)\s+$")
_CLAUSE_END = re.compile(r"^\s*(?:[.!?;]|$)")
_CAMEL_INSIDE = re.compile(r"[a-z][A-Z]")
#: Cues of a list before a name ("brands such as X"), anywhere in the case-folded left
#: context; NOTE: keep in sync with the pattern (``_has_list_cue`` tests the same words).
_LIST_CUE = re.compile("such as|includ|like|:")


def _has_list_cue(folded: str) -> bool:
    """``_LIST_CUE.search(folded) is not None``: four substring tests cost a third of it."""
    return ":" in folded or "like" in folded or "includ" in folded or "such as" in folded


#: Words and marks at the end of a left context, for ``Vocabulary.left_triggers``.
_LAST_WORDS = re.compile(r"[\w%&-]+|[,:'‘\"“]")
#: The last two of ``_LAST_WORDS``'s matches, read in the reversed text: its matches are the
#: maximal runs of word characters and the single marks (the two classes share no
#: character; anything else lies between them), so from the end they are the same runs and
#: marks, reversed. One match instead of finding every word of the context.
_LAST_TWO_REVERSED = re.compile(
    r"""
    [^\w%&,:'‘"“-]*  ([\w%&-]+|[,:'‘"“])          # the last word or mark (reversed)
    (?: [^\w%&,:'‘"“-]*  ([\w%&-]+|[,:'‘"“]) )?   # the one before it
    """,
    re.VERBOSE,
)


def _last_words(tail: str) -> tuple[str, ...]:
    """``tuple(_LAST_WORDS.findall(tail)[-2:])``.

    >>> _last_words("stake in the "), _last_words("co-founder, "), _last_words("  ")
    (('in', 'the'), ('co-founder', ','), ())
    """
    m = _LAST_TWO_REVERSED.match(tail[::-1])
    if m is None:
        return ()
    last, before = m.group(1), m.group(2)
    return (before[::-1], last[::-1]) if before is not None else (last[::-1],)


def _word_start(text: str, n: int) -> int:
    """Where the n-th last word (run of non-space characters) starts; 0 if there are n or
    fewer words.

    >>> _word_start("stake  in the ", 2), _word_start("in the ", 2)
    (7, 0)
    """
    parts = text.rsplit(None, n)
    if len(parts) <= n:
        return 0
    return text.index(parts[1], len(parts[0]))


def _context_points(text: str, occ: Occurrence, vocab: Vocabulary) -> list[tuple[str, float]]:
    points: list[tuple[str, float]] = []
    line_start = text.rfind("\n", 0, occ.start) + 1
    line_end = text.find("\n", occ.end)
    right = text[occ.end : min(occ.end + WINDOW, line_end if line_end >= 0 else len(text))]
    left = text[max(line_start, occ.start - WINDOW) : occ.start]
    first = right[:1]
    key = " " if first.isspace() else first
    screen = vocab.right_screens.get(key)
    if screen is None:
        for pattern, kind, pts in vocab.right_by_first.get(key, vocab.right_other):
            if pattern.match(right):
                points.append((kind, pts))
    else:
        _screened_points(right, screen, points)
    if left:  # (a name opening its line has no left context: nothing there can match)
        _left_points(left, right, vocab, points)
    tail = occ.run.hyphen_tail if occ.end == occ.run.end else ""
    if not tail:
        return points
    if tail.startswith(("owned", "backed", "controlled", "listed", "led")):
        points.append(("company", 3.0))
    elif tail.startswith(("type", "like", "style")):
        points.append(("company", 1.0))
    elif tail.startswith("based"):
        points.append(("place", 3.0))
    return points


def _screened_points(right: str, screen: Screen, points: list[tuple[str, float]]) -> None:
    """Add the points of the right patterns of ``screen``'s group that match ``right``, in
    the group's order, to ``points``: the screen tells the first light pattern that matches
    (``entity_patterns.screens``), so the light patterns before it are not tried."""
    found = screen.pattern.match(right)
    if found is None:
        group = screen.heavy  # no light pattern matches: only the heavy ones are left
    else:
        before, (_, kind, pts), group = screen.after[found.lastgroup]  # type: ignore[index]
        for pattern, kind_before, pts_before in before:
            if pattern.match(right):
                points.append((kind_before, pts_before))
        points.append((kind, pts))
    for pattern, kind, pts in group:
        if pattern.match(right):
            points.append((kind, pts))


def _left_points(left: str, right: str, vocab: Vocabulary, points: list[tuple[str, float]]) -> None:
    """Add the points of the left context (not empty) to ``points``."""
    folded = left.casefold()
    candidates = _left_candidates(_last_words(folded[-30:]), _has_list_cue(folded))
    starts: dict[int, int] = {}
    lowered = None
    plan = vocab.left_plan
    for i in candidates:
        pattern, kind, pts, span, precheck, ends = plan[i]
        pos = 0
        if span is not None:
            # Only the last ``span`` words can hold a match (see ``left_spans``).
            pos = starts.get(span, -1)
            if pos < 0:
                pos = starts[span] = _word_start(left, span)
        if (precheck is not None or ends is not None) and left.isascii():
            if lowered is None:
                lowered = left.lower()
            if ends is not None and not _title_may_end(lowered, pos, *ends):
                continue
            found = precheck.search(lowered, pos) if precheck is not None else None
            if precheck is not None and found is None:
                continue
            if found is not None:
                # Where the pattern matches, so does the precheck, at the same start: no
                # match starts before the precheck's first, and the case-blind title trie
                # need not be tried at every word before it.
                pos = found.start()
        if pattern.search(left, pos):
            points.append((kind, pts))
            if kind == "company" and pts >= 2:
                break  # "stake in X" also matches the weaker "in X"
    # '"...," said Zoltan Kovacsik.': a speaker named at the end of a sentence is a person.
    if _CLAUSE_END.match(right) and _SAID_BEFORE.search(left[-12:]):
        points.append(("person", 1.0))


@functools.lru_cache(maxsize=4096)
def _left_candidates(last_words: tuple[str, ...], listing: bool) -> tuple[int, ...]:
    """The left patterns to try, in their order: those the last two words of the context
    trigger, and with a list cue ("brands such as X") those that need one (cached: the same
    few words end most contexts)."""
    vocab = vocabulary()
    candidates = {i for word in last_words for i in vocab.left_by_word.get(word, ())}
    if listing:
        candidates.update(vocab.left_listing)
    return tuple(sorted(candidates))


def _title_may_end(lowered: str, pos: int, tail: re.Pattern[str], words: frozenset[str]) -> bool:
    """Whether a role (or body noun) can end right before the tail of its pattern
    (``left_title_ends``).

    Every match of a tail starts within the last ``TAIL_WORDS`` words of the context, so
    the search starts there (from ``pos`` if that is later): the same first match, found
    without trying every word from ``pos`` on.
    """
    words_touched = TAIL_WORDS.get(tail.pattern)
    start = pos if words_touched is None else max(pos, _word_start(lowered, words_touched))
    m = tail.search(lowered, start)
    return m is not None and (m.group(1) in words or lowered.find("head", pos, m.end(1)) >= 0)


#: Plural nouns after a list of names that make the names modifiers, not companies.
_PREMODIFIED = re.compile(
    r"^\s+(?:[\w-]*\d[\w-]*\s+)?(?:franchises|brands|families|products|games|titles|labels|"
    r"models|devices|phones|smartphones|drugs|apps|shows|films|teams|plants|mines|fields)\b"
)


#: What may stand between two names of one list: ", ", " and ", ", or ", " & " (the whole
#: gap: ``fullmatch`` between the names, which need not copy the gap out of the text).
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&)\s*")


def _coordination(text: str, occurrences: list[Occurrence], by_key: dict[str, TypedName]) -> None:
    """Names listed with companies ("Alpina, Danube Airlines and Flandria Airlines")."""
    joiner = _LIST_JOINER
    lex = name_words()
    groups: list[list[Occurrence]] = []
    for prev, occ in itertools.pairwise(occurrences):
        if prev.end <= occ.start and joiner.fullmatch(text, prev.end, occ.start):
            if groups and groups[-1][-1] is prev:
                groups[-1].append(occ)
            else:
                groups.append([prev, occ])
    for group in groups:
        # "the Fallout and Doom franchises", "the Zwahlen and Favre families"
        after = text[group[-1].end : group[-1].end + 40]
        if _PREMODIFIED.match(after):
            for occ in group:
                scores = by_key[occ.key].scores
                scores["none"] = scores.get("none", 0.0) + 5.0
            continue
        kinds = [decide(by_key[o.key].scores) for o in group]
        if "company" not in kinds:
            # "Call of Duty, World of Warcraft and Candy Crush": one product makes a list of
            # products, unless a member has evidence of its own.
            if any(by_key[o.key].scores.get("none", 0) >= 3 for o in group):
                for occ in group:
                    scores = by_key[occ.key].scores
                    if scores.get("company", 0) < 2.5:
                        scores["none"] = max(scores.get("none", 0.0), 3.0)
            continue
        for occ, kind in zip(group, kinds, strict=True):
            if kind == "company" or kind == "person":
                continue
            scores = by_key[occ.key].scores
            bonus = 2.0
            if occ.name in lex.demonyms:
                bonus = 4.0  # a demonym standing alone in a list of companies is a name
            elif occ.name in lex.places:
                continue
            scores["company"] = scores.get("company", 0.0) + bonus


def decide(scores: dict[str, float]) -> str:
    """The kind a name's points add up to."""
    company = scores.get("company", 0.0)
    person = scores.get("person", 0.0)
    place = scores.get("place", 0.0)
    body = scores.get("body", 0.0)
    none = scores.get("none", 0.0)
    if body >= MIN_BODY and body >= company:
        return "body"
    if none >= 3 and none > company:
        return "none"
    if (
        person >= MIN_PERSON
        and person >= company
        and person > place
        and not scores.get("designated")
    ):
        return "person"
    if place >= MIN_PLACE and company < 4:
        return "place"
    if place >= 1 and place >= company and company < 2:
        return "place"  # "in Vaud", "near Songdo": a place no list knows
    if company >= MIN_COMPANY:
        return "company"
    return "none"
