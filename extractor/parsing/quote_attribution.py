"""Who said each quote: attribution patterns of news English, then continuation.

For each quotation the sentence around it is read, with the text of every quotation masked
out so that no verb or name inside a quote is taken for an attribution:

- after the quote: '"...," said Jane Roe, analyst at X', '"...," Roe said', '"...," she
  added', '"...", according to Jane Roe', '"..." – Jane Roe, chief executive of X';
- before it, in the same sentence: 'Jane Roe said: "..."', 'In a statement, Acme said: "..."',
  'the two companies said they would "..."', 'Roe called the price "..."';
- otherwise the quote continues a speaker: another quote of the same paragraph, a quote
  paragraph right after an attributed one, or the pieces of one multi-paragraph quote.

Pure text work; the speakers are resolved by ``quote_resolve.SpeakerResolver``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Literal

from extractor.lexicons import load_lexicon
from extractor.parsing.quote_paragraphs import split_paragraphs
from extractor.parsing.quote_resolve import Resolved, Speaker, SpeakerResolver
from extractor.parsing.quote_speakers import (
    SpeakerPhrase,
    first_name_gender,
    name_runs,
    phrase_after,
    subject_before,
)
from extractor.parsing.quotes import QuoteSpan, char_positions
from extractor.parsing.word_trie import trie_alternation

How = Literal["explicit", "continuation", "pronoun", "group", "none"]

#: A quote shorter than this many words, that nobody is said to have said, is a scare quote,
#: a nickname or a defined term ('the "Group"'), not a quotation.
MIN_UNATTRIBUTED_WORDS = 4
#: How far after a quote an attribution may start (characters).
_TAIL_REACH = 160
#: How far before a quote its sentence is read for a speaker (characters).
_HEAD_REACH = 400
#: Longest subject (with its appositive) between a quote and its verb: "…," the bank's chief
#: executive, Jane Roe, said.
_TAIL_SUBJECT_WORDS = 14
#: A naming verb a few words before a quote: what follows is a name, not something said.
_NAMING = re.compile(
    r"""\b(?:call(?:s|ed|ing)?|dub(?:s|bed)?|label(?:s|led|ed)?|name[sd]?|nicknamed|known\s+as
    |branded|titled|entitled)\b(?:\s+[\w'’-]+){0,3}\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_ACCORDING = re.compile(r"[\s,;]*according\s+to\s+", re.IGNORECASE)
_DASH = re.compile(r"\s*(?:[–—]|--|\s-)\s*")
#: Sentence end: a full stop (not of an abbreviation or an initial) followed by a space.
_SENTENCE_END = re.compile(
    r"""[.!?…]                      # the stop first, so the look-behinds run only there
    (?=["”’'»)]*\s)                 # (what the match needs next, tested before them)
    (?<!\bMr.)(?<!\bMs.)(?<!\bMrs.)(?<!\bDr.)(?<!\bSt.)(?<!\bNo.)(?<!\bInc.)(?<!\bCorp.)
    (?<!\bCo.)(?<!\bLtd.)(?<!\bJr.)(?<!\bSr.)(?<!\b[A-Z].)   # abbreviations and initials
    ["”’'»)]*\s+(?=\S)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Attribution:
    """The speaker of one quote and how it was found."""

    speaker: Speaker = None
    how: How = "none"
    role: str | None = None
    organization: str | None = None


@functools.cache
def _verb_pattern() -> re.Pattern[str]:
    # The look-ahead lets the engine skip non-letters before trying the long alternation.
    verbs = trie_alternation(load_lexicon("speech_verbs")["verbs"])
    return re.compile(rf"\b(?=[a-z])(?:{verbs})\b")


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """``text`` with the inside of every quotation blanked out (same length, line breaks kept)."""
    parts: list[str] = []
    pos = 0
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start < pos:
            continue
        parts.append(text[pos : q.start])
        inner = text[q.start : q.end]
        parts.append(re.sub(r"[^\n]", " ", inner) if "\n" in inner else " " * len(inner))
        pos = q.end
    parts.append(text[pos:])
    return "".join(parts)


def attribute_quotes(
    text: str, quotes: list[QuoteSpan], resolver: SpeakerResolver
) -> list[Attribution]:
    """Find the speaker of each quote.

    Args:
        text: the article body.
        quotes: the quotes of ``text`` in order (``find_quotes``).
        resolver: resolves speaker phrases to the record's people and companies.

    Returns:
        One ``Attribution`` per quote, in the same order.
    """
    masked = mask_quotes(text, quotes)
    paragraphs = split_paragraphs(text)
    ends = _sentence_starts(masked)
    resolver.on_pronoun(lambda start, end: _note_people(masked, ends, resolver, start, end))
    found: list[Attribution] = []
    for q in quotes:
        p_start, p_end = paragraphs[q.paragraph]
        phrase = _explicit(masked, ends, q, p_start, p_end)
        resolved = resolver.resolve(phrase, q.start) if phrase else None
        if resolved is None and phrase is not None and phrase.kind == "plural_pronoun":
            resolved = _group_before(quotes, found, q)
        if phrase is None or resolved is None or resolved.speaker is None:
            found.append(Attribution())
            continue
        if resolved.is_person and isinstance(resolved.speaker, str):
            resolver.note_person(resolved.speaker, q.start, phrase.gender)
        found.append(_attribution(phrase, resolved))
    return _fill_roles(_continue(text, quotes, found, paragraphs))


def _group_before(
    quotes: list[QuoteSpan], found: list[Attribution], q: QuoteSpan
) -> Resolved | None:
    """'they said': the group that spoke last, in this paragraph or the one before."""
    for prev, a in zip(reversed(quotes[: len(found)]), reversed(found), strict=True):
        if prev.paragraph < q.paragraph - 1:
            break
        if isinstance(a.speaker, list):
            return Resolved(list(a.speaker))
    return None


def _fill_roles(found: list[Attribution]) -> list[Attribution]:
    """A speaker's role and organisation, once given, hold for their other quotes too."""
    known: dict[str, tuple[str | None, str | None]] = {}
    for a in found:
        if isinstance(a.speaker, str) and (a.role or a.organization):
            known.setdefault(a.speaker, (a.role, a.organization))
    out = []
    for a in found:
        if isinstance(a.speaker, str) and not (a.role or a.organization) and a.speaker in known:
            role, org = known[a.speaker]
            a = Attribution(a.speaker, a.how, role, org)
        out.append(a)
    return out


def keep_quote(text: str, quote: QuoteSpan, attribution: Attribution) -> bool:
    """Drop short quoted phrases that nobody is said to have said (scare quotes, names).

    A short phrase after a naming verb ("calls its plan 'Project Arc'") is a name even when
    the verb has a subject.
    """
    inner = text[quote.start : quote.end]
    if len(inner.split()) >= MIN_UNATTRIBUTED_WORDS:
        return True
    if attribution.how == "continuation" and inner[:1].isupper() and inner[-1:] in ".!?…":
        return True  # '"We're in this for 25 years," she said. "Maybe 30."'
    if text[max(0, quote.open_mark - 20) : quote.open_mark].rstrip().endswith("("):
        return False  # a defined term: Acme Holdings ("Acme")
    if attribution.how not in ("explicit", "pronoun", "group"):
        return False
    return not _NAMING.search(text, max(0, quote.open_mark - 60), quote.open_mark)


def _attribution(phrase: SpeakerPhrase, resolved: Resolved) -> Attribution:
    how: How = "explicit"
    if phrase.kind in ("pronoun", "org_it", "plural_pronoun"):
        how = "pronoun"
    elif phrase.kind in ("org_ref", "org_group"):
        how = "group"
    if not resolved.is_person:
        return Attribution(resolved.speaker, how)
    if phrase.role or phrase.organization:
        # What the attribution itself says ("Acme's chief executive, Jane Roe") is the most
        # direct evidence; the people facts fill in what it leaves out.
        return Attribution(
            resolved.speaker,
            how,
            phrase.role or resolved.role,
            phrase.organization or resolved.organization,
        )
    return Attribution(resolved.speaker, how, resolved.role, resolved.organization)


def _explicit(
    masked: str, ends: list[int], q: QuoteSpan, p_start: int, p_end: int
) -> SpeakerPhrase | None:
    """An attribution in the quote's own sentence: after it first, then before it."""
    # A run-on "sentence" (a list, a table, text without stops) is read only near the quote.
    sent_start = max(_sentence_start(ends, q.open_mark, p_start), q.open_mark - _HEAD_REACH)
    head_empty = not masked[sent_start : q.open_mark].strip(" \t\n-–—*•")
    tail = _from_tail(masked, q.outer_end, _sentence_end(masked, q.outer_end, p_end))
    if tail is not None:
        return tail
    if not head_empty:
        return _from_head(masked, sent_start, q.open_mark)
    if q.open_mark == p_start or not masked[p_start : q.open_mark].strip(" \t-–—*•"):
        # Press-release style: 'Jane Roe, chief executive, said:' closes the paragraph before.
        window = max(0, p_start - 20)
        prev_end = window + len(masked[window:p_start].rstrip())
        if prev_end > window and masked[prev_end - 1] == ":":
            prev_start = max(_sentence_start(ends, prev_end - 1, 0), prev_end - _HEAD_REACH)
            prev_start = max(prev_start, masked.rfind("\n", prev_start, prev_end) + 1)
            return _from_head(masked, prev_start, prev_end - 1)
    return None


def _sentence_start(ends: list[int], pos: int, p_start: int) -> int:
    """Start of the sentence holding ``pos`` (the paragraph start at the latest).

    Args:
        ends: offsets where a sentence starts after a stop (``_sentence_starts``).
        pos: an offset in the text.
        p_start: start of the paragraph holding ``pos``.
    """
    k = bisect.bisect_right(ends, pos) - 1
    return max(p_start, ends[k]) if k >= 0 else p_start


def _sentence_starts(masked: str) -> list[int]:
    """The ends of ``_SENTENCE_END.finditer(masked)``, matched only at the stops.

    Every match starts at a stop (``.!?…``) and goes on over closing marks and white space
    only, never over another stop: so the matches ``finditer`` finds are those that
    ``match`` finds at each stop (its look-behinds see the text before the stop either way).
    """
    match = _SENTENCE_END.match
    return [m.end() for i in char_positions(masked, _STOPS) if (m := match(masked, i))]


#: The characters every ``_SENTENCE_END`` match starts with.
_STOPS = ".!?…"


def _sentence_end(masked: str, pos: int, p_end: int) -> int:
    m = _SENTENCE_END.search(masked, pos, min(p_end, pos + _TAIL_REACH))
    return m.start() + 1 if m else min(p_end, pos + _TAIL_REACH)


def _from_tail(masked: str, start: int, end: int) -> SpeakerPhrase | None:
    """'..., said Jane Roe' / '..., Roe said' / ', according to Roe' / ' – Jane Roe'."""
    m = _ACCORDING.match(masked, start, end) or _DASH.match(masked, start, end)
    if m:
        return phrase_after(masked, m.end(), end)
    verb = _verb_pattern().search(masked, start, end)
    if verb is None:
        return None
    if not masked[start : verb.start()].strip(" ,\t\n"):
        return phrase_after(masked, verb.end(), end)  # inverted: said Jane Roe
    gap = masked[start : verb.start()]
    if len(gap.split()) > _TAIL_SUBJECT_WORDS or "(" in gap:
        return None  # the verb belongs to a later clause, not to an attribution
    phrase = subject_before(masked, start, verb.start())
    if phrase is None or len(masked[start : phrase.start].split()) > _TAIL_SUBJECT_WORDS // 2:
        return None
    return phrase


def _from_head(masked: str, start: int, end: int) -> SpeakerPhrase | None:
    """'Jane Roe said: "' / 'Roe called the deal "' / 'According to Roe, "'.

    The verbs are tried from the quote backwards until one has a speaker for a subject:
    in 'Roe said the deal would add "..."' the deal adds nothing, Roe said it.
    """
    verbs = [
        v
        for v in _verb_pattern().finditer(masked, start, end)
        if not v.group().endswith("ing")  # "..., adding that": the main verb's subject
    ]
    for verb in reversed(verbs[-3:]):
        if not masked[start : verb.start()].strip(" ,\t\n"):
            phrase = phrase_after(masked, verb.end(), end)  # "Said Jane Roe: ..."
        else:
            phrase = subject_before(masked, start, verb.start())
        if phrase is not None:
            return phrase
    m = _ACCORDING.search(masked, start, end)
    if m:
        return phrase_after(masked, m.end(), end)
    return None


def _note_people(
    masked: str, ends: list[int], resolver: SpeakerResolver, start: int, end: int
) -> None:
    """Stand-ins for pronouns to refer to, in ``masked[start:end]``: names that start with a
    known first name (the people component may miss some) and, when there are no people facts
    at all, the subjects of speech verbs."""
    verbs = _verb_pattern().finditer(masked, start, end) if not resolver.people else ()
    for verb in verbs:
        reach = max(0, verb.start() - 120)
        line_start = masked.rfind("\n", reach, verb.start()) + 1
        begin = _sentence_start(ends, verb.start(), max(line_start, reach))
        phrase = subject_before(masked, begin, verb.start())
        if phrase is None or phrase.kind != "name":
            continue
        name = phrase.text
        if " " not in name and phrase.gender:
            name = resolver.full_name(name, phrase.start)
        if " " in name:
            gender = phrase.gender or first_name_gender(name.split()[0]) or None
            resolver.note_person(name, phrase.start, gender)
    for name, at, gender in name_runs(masked[start:end]):
        resolver.note_person(name, start + at, gender)


def _continue(
    text: str,
    quotes: list[QuoteSpan],
    found: list[Attribution],
    paragraphs: tuple[tuple[int, int], ...],
) -> list[Attribution]:
    """Give unattributed quotes the speaker they continue."""
    out = list(found)
    # Pieces of one multi-paragraph quote share a speaker (it is often named in the last).
    chains: list[list[int]] = []
    for i, q in enumerate(quotes):
        if q.continues and chains and chains[-1][-1] == i - 1:
            chains[-1].append(i)
        else:
            chains.append([i])
    for chain in chains:
        known = next((out[i] for i in chain if out[i].speaker is not None), None)
        for i in chain:
            if known is not None and out[i].speaker is None:
                out[i] = _continued(known)
    # The next quote of the same paragraph that has its own attribution, for each quote.
    next_found: list[int | None] = [None] * len(quotes)
    for i in range(len(quotes) - 2, -1, -1):
        if quotes[i + 1].paragraph == quotes[i].paragraph:
            has = found[i + 1].speaker is not None
            next_found[i] = i + 1 if has else next_found[i + 1]
    last: tuple[int, Attribution] | None = None  # last attributed quote: (paragraph, it)
    for i, q in enumerate(quotes):
        if out[i].speaker is None:
            j = next_found[i]
            if last is not None and last[0] == q.paragraph:
                out[i] = _continued(last[1])
            elif j is not None:
                out[i] = _continued(found[j])
            elif i > 0 and _opens_paragraph(text, q, paragraphs):
                prev = quotes[i - 1]
                if prev.paragraph == q.paragraph - 1 and out[i - 1].speaker is not None:
                    out[i] = _continued(out[i - 1])
        if out[i].speaker is not None:
            last = (q.paragraph, out[i])
    return out


def _continued(a: Attribution) -> Attribution:
    return Attribution(a.speaker, "continuation", a.role, a.organization)


def _opens_paragraph(text: str, q: QuoteSpan, paragraphs: tuple[tuple[int, int], ...]) -> bool:
    return not text[paragraphs[q.paragraph][0] : q.open_mark].strip(" \t-–—*•")
