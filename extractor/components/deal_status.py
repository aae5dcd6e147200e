"""How far along a deal frame is (status) and when it happened (year).

Status cues come from the clause before the trigger and just after it ("has agreed to",
"is in talks to", "an option to", "called off"); a deal dated before the article's
publication ("in 2005", "last August", "earlier this month") is historical, unless the
sentence is news of the day ("today announced") or the deal was called off.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from extractor.components.deal_patterns import frame_patterns
from extractor.components.deal_view import DocView, Sentence
from extractor.components.deal_words import absent

if TYPE_CHECKING:
    from extractor.components.deal_frames import Frame


_AND_BREAK = re.compile(r",\s+and\s+|;\s+")
_SPACE_DIGIT = re.compile(r"\s+\d")
_SPACES = re.compile(r"\s+")


def later_start(sent: Sentence, prev_end: int, trig_start: int) -> int:
    """Where a later event's figures start: after ", and" ("..., and will spend ₩250bn buying
    back its shares"), else at its trigger."""
    gap = sent.text[sent.rel(prev_end) : sent.rel(trig_start)]
    cut = None
    for m in _AND_BREAK.finditer(gap):
        cut = m.end()
    return prev_end + cut if cut is not None else trig_start


def read_status(frame: Frame, view: DocView, sent: Sentence, clause: int) -> None:
    pats = frame_patterns()
    t_end = sent.rel(frame.trigger.end)
    cue_text = sent.text[clause : t_end + 25]
    # Most cue texts hold none of the cue words: one test stands for the searches below.
    cues = not absent(pats.cue_keys, cue_text)
    if pats.status["cancelled"].search(sent.text[clause : t_end + 60]):
        frame.status, frame.status_strong = "cancelled", True
    elif cues and pats.exercised.search(cue_text):
        frame.status, frame.status_strong = "agreed", True  # "has exercised its option"
    elif "option" in frame.families or (cues and _proposed(cue_text)):
        frame.status, frame.status_strong = "proposed", True
    elif cues and pats.status["agreed"].search(cue_text):
        frame.status, frame.status_strong = "agreed", True
    elif frame.trigger.text.lower() in pats.weak_present:
        frame.status = "completed"
    elif cues and pats.status["completed"].search(cue_text):
        frame.status, frame.status_strong = "completed", True
    if not frame.status_strong and _NOUN_START.match(frame.trigger.text):
        # "X's $2bn purchase of Y closed on Friday": a deal noun's verb comes after its object.
        done = _NOUN_DONE.search(sent.text[t_end : sent.rel(frame.end)])
        if done:
            frame.status, frame.status_strong = "completed", True
    if cues and pats.negation.search(cue_text):
        frame.negated = True  # "has no intention of making an offer for X"
    if frame.status != "cancelled":
        _year(frame, view, sent)  # a deal called off is news, not history


#: Triggers that are nouns of a deal ("purchase", "acquisition", "takeover", "sale").
_NOUN_START = re.compile(r"(?:purchase|acquisition|takeover|buyout|sale|merger)\b", re.I)
#: The noun's own verb saying it is done: "closed", "was completed", "went through"; not
#: "is expected to be completed" or "will close".
_NOUN_DONE = re.compile(
    r"""^[^;]{0,80}?(?<!\bbe\s)(?<!\bbeen\s)
        \b(?:closed|completed|went\s+through|was\s+completed|has\s+been\s+completed)\b""",
    re.I | re.X,
)


def _proposed(cue_text: str) -> bool:
    for m in frame_patterns().status["proposed"].finditer(cue_text):
        word = m.group(0)
        if word.lower() == "may" and (word[0].isupper() or _SPACE_DIGIT.match(cue_text[m.end() :])):
            continue  # the month, not the modal
        return True
    return False


def _year(frame: Frame, view: DocView, sent: Sentence) -> None:
    pats = frame_patterns()
    pub = view.published
    if pats.present.search(sent.text[: sent.rel(frame.trigger.end)]):
        return  # "today announced ... the acquisition": news of the day, not history
    years = view.in_range(view.years, sent.start, sent.end)
    past_words = pats.past_relative_re.search(sent.text)
    if frame.status in ("agreed", "proposed") and frame.status_strong:
        # "has agreed to sell ..., ending an investment that began 15 years ago": a date far
        # after an agreed deal's trigger dates something else; "In October 2016, the bank
        # agreed to pay" is dated before it.
        years = [y for y in years if y.start < frame.trigger.end + 40]
    if years:
        mention = min(years, key=lambda y: abs(y.start - frame.trigger.start))
        year = mention.year
        context = view.lower[max(sent.start, mention.start - 25) : mention.end]
        month = _month(context, pats.months)
        if pub is None:
            frame.historical = frame.status in ("completed", "agreed")
        elif year < pub.year:
            frame.historical = True
        elif year == pub.year:
            frame.historical = bool(past_words) or (month is not None and month < pub.month)
        if frame.historical:
            frame.year = year
        return
    if pub is None:
        return
    if past_words:
        frame.historical = True
        frame.year = pub.year + pats.past_relative[_norm(past_words.group(0))]
        return
    m = pats.month_re.search(sent.text)
    if m:
        month = pats.months.index(m.group(1).lower()) + 1
        if month != pub.month:
            frame.historical = True
            frame.year = pub.year if month < pub.month else pub.year - 1


def _month(text: str, months: tuple[str, ...]) -> int | None:
    found = None
    for i, pattern in enumerate(_month_patterns(months)):
        if pattern.pattern[2:] in text and pattern.search(text):  # the plain test first
            found = i + 1
    return found


@functools.cache
def _month_patterns(months: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"\b{name[:3]}") for name in months)


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text.lower())
