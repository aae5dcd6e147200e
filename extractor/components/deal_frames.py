"""One sentence -> deal frames: who buys what from whom, for how much, how far along.

A sentence's deal triggers are grouped into events ("bought ..., lifting its holding to 14%" is
one); each group becomes a Frame: its parties (deal_parties), its figures read in the trigger's
window of the sentence after their own cue checks (deal_roles), and its status and year
(deal_status).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractor.components.deal_parties import assign_roles
from extractor.components.deal_patterns import (
    FAMILY_CLASS,
    FOR_EACH,
    PAYMENT_FORMS,
    TRANSFER,
    frame_patterns,
)
from extractor.components.deal_roles import (
    QUALIFIER_WORDS,
    context_role,
    percent_is_change,
    role_patterns,
)
from extractor.components.deal_status import later_start, read_status
from extractor.components.deal_triggers import Trigger, find_triggers, has_trigger_words
from extractor.components.deal_view import DocView, MoneyItem, PercentItem, Sentence
from extractor.components.deal_words import Gated, words_of
from extractor.parsing.values import MoneyValue


@dataclass(kw_only=True)
class DealFields:
    """What a frame reads from its sentence and a deal draft gathers from its frames."""

    acquirer: str | None = None
    target: str | None = None
    seller: str | None = None
    stake: PercentItem | None = None
    stake_after: PercentItem | None = None
    qualitative: str | None = None
    price: MoneyItem | None = None
    price_weak: bool = False
    price_value: MoneyValue | None = None  # derived total (parts or per-share), no own span
    price_note: str = ""
    parts: list[MoneyItem] = field(default_factory=list)
    valuation: MoneyItem | None = None
    status: str = "agreed"
    status_strong: bool = False
    year: int | None = None
    historical: bool = False
    stake_word: bool = False
    takeover: bool = False
    acquisition_word: bool = False

    @property
    def stage(self) -> tuple[str, int | None]:
        """Which deals may share these figures: historical ones only of the same year."""
        if self.historical:
            return ("historical", self.year)
        if self.status in ("proposed", "cancelled"):
            return (self.status, None)
        return ("current", None)


@dataclass(kw_only=True)
class Frame(DealFields):
    """What one trigger group of one sentence says about a deal."""

    family: str
    families: set[str]
    sentence: Sentence
    trigger: Trigger
    start: int
    end: int
    per_share: MoneyItem | None = None
    share_count: str | None = None
    anaphoric: bool = False
    actor: str | None = None
    acquirer_is_person: bool = False
    rel_cut: int = 1 << 62
    negated: bool = False

    @property
    def has_figures(self) -> bool:
        return any(
            x is not None
            for x in (self.stake, self.stake_after, self.price, self.price_value, self.valuation)
        )


#: What a sentence leaves as the subject for pronouns after it (None: the earlier one stays),
#: from the sentence, whether it has frames and the first frame's actor.
SubjectOf = Callable[[Sentence, bool, str | None], str | None]


class Context:
    """What earlier sentences leave for pronouns: the last clear subject company.

    Finding a sentence's subject costs a few searches, and only the few frames that meet a
    pronoun ask for it: sentences are queued and read back newest first when asked. The last
    sentence with a subject wins, as when each sentence in turn sets ``last_subject = subject
    or last_subject``, so the answer is the same.
    """

    def __init__(self, subject_of: SubjectOf) -> None:
        self._subject_of = subject_of
        self._known: str | None = None
        self._queued: list[tuple[Sentence, bool, str | None]] = []

    def add(self, sent: Sentence, frames: list[Frame]) -> None:
        """Queue a sentence whose frames are found (its subject is read when needed)."""
        actor = frames[0].actor if frames and not frames[0].acquirer_is_person else None
        self._queued.append((sent, bool(frames), actor))

    @property
    def last_subject(self) -> str | None:
        if self._queued:
            for sent, framed, actor in reversed(self._queued):
                subject = self._subject_of(sent, framed, actor)
                if subject:
                    self._known = subject
                    break
            self._queued.clear()
        return self._known


def find_frames(view: DocView, sent: Sentence, ctx: Context) -> list[Frame]:
    """The deal frames of one sentence (possibly none)."""
    if not has_trigger_words(sent.text):
        return []
    money = view.in_range(view.money, sent.start, sent.end)
    ents = view.in_range(view.ents, sent.start, sent.end)
    triggers = [
        t
        for t in find_triggers(sent.text, sent.start, [sent.rel(m.start) for m in money])
        # "Zuriel Pay", "Buy Low Holdings": a trigger word inside a name is no trigger, but a
        # name inside a trigger phrase is ("holding in Telkari will rise").
        if not any(e.start <= t.start and t.end <= e.end for e in ents)
        and not view.in_quote(t.start, t.end)  # an analyst's words are not the report
    ]
    groups = _group(triggers)
    frames: list[Frame] = []
    for i, group in enumerate(groups):
        prev_end = groups[i - 1][-1].end if i else sent.start
        next_start = groups[i + 1][0].start if i + 1 < len(groups) else sent.end
        frame = _frame(view, sent, group, prev_end, next_start, ctx, first=not i)
        frames.append(frame)
        frames.extend(_coordinated(frame, view, sent))
    return frames


#: "..., and $5.9bn for PixelVault Media": a second purchase sharing the first one's verb.
_AND_FOR = re.compile(r"\band\s+(?:about\s+|some\s+|nearly\s+)?$", re.I)
_FOR_AFTER = re.compile(r"^\s+for\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")


def _coordinated(frame: Frame, view: DocView, sent: Sentence) -> list[Frame]:
    """Sibling frames for "paid $1.8bn for A in 2013, and $5.9bn for B in 2017"."""
    if frame.price is None or frame.family not in ("pay", "buy"):
        return []
    out: list[Frame] = []
    ents = view.in_range(view.ents, frame.price.end, frame.end)
    for item in view.in_range(view.money, frame.price.end, frame.end):
        if not _AND_FOR.search(view.text[max(frame.start, item.start - 20) : item.start]):
            continue
        target = next(
            (
                e
                for e in ents
                if e.start > item.end
                and e.kind == "company"
                and _FOR_AFTER.match(view.text[item.end : e.start])
            ),
            None,
        )
        if target is None:
            continue
        sibling = Frame(
            family=frame.family,
            families=set(frame.families),
            sentence=sent,
            trigger=frame.trigger,
            start=item.start,
            end=frame.end,
            acquirer=frame.acquirer,
            target=target.name,
            price=item,
            status=frame.status,
            status_strong=frame.status_strong,
            actor=frame.actor,
            stake_word=False,
        )
        years = [y for y in view.in_range(view.years, item.end, frame.end)]
        pub = view.published
        if years and (pub is None or years[0].year < pub.year):
            sibling.historical, sibling.year = True, years[0].year
        elif frame.historical:
            sibling.historical, sibling.year = True, frame.year
        out.append(sibling)
    return out


def _group(triggers: list[Trigger]) -> list[list[Trigger]]:
    """Group a sentence's triggers into events ("bought ..., lifting its holding" is one)."""
    groups: list[list[Trigger]] = []
    current: str | None = None
    for trig in triggers:
        cls = FAMILY_CLASS.get(trig.family, TRANSFER)
        joins = groups and (cls == current or (cls == TRANSFER and current == "option"))
        if trig.family == "stake_up" and groups and current != "lead":
            joins = True
        if joins:
            groups[-1].append(trig)
        else:
            groups.append([trig])
            current = cls
    return groups


def _frame(
    view: DocView,
    sent: Sentence,
    group: list[Trigger],
    prev_end: int,
    next_start: int,
    ctx: Context,
    *,
    first: bool,
) -> Frame:
    pats = frame_patterns()
    trig = group[0]
    text = sent.text
    t_rel = sent.rel(trig.start)
    clause = sent.rel(prev_end)
    words = words_of(text[clause:t_rel]) if pats.clause_words is not None else None
    if words is None or not pats.clause_words.isdisjoint(words):  # type: ignore[union-attr]
        for m in pats.clause_open.finditer(text, clause, t_rel):
            clause = m.end()
    frame = Frame(
        family=trig.family,
        families={t.family for t in group},
        sentence=sent,
        trigger=trig,
        start=sent.start + clause,
        end=next_start,
    )
    ents = view.in_range(view.ents, sent.start, sent.end)
    assign_roles(frame, ents, sent, ctx, view)
    # A later event of the sentence reads its figures and status cues from its trigger on:
    # "a repurchase programme of up to R1.2bn, together with the acquisition of half of X".
    fig_start = frame.start if first else later_start(sent, prev_end, trig.start)
    _figures(frame, view, sent, fig_start)
    read_status(frame, view, sent, clause if first else t_rel)
    window = view.text[frame.start : min(frame.end, frame.rel_cut)]
    # "in shares" (how it is paid) and "a share" (per-share price) do not make it a stake.
    frame.stake_word = bool(pats.stake_word.search(PAYMENT_FORMS.sub(" ", window)))
    frame.takeover = frame.stake is None and _takeover(window)
    frame.acquisition_word = bool(pats.acquisition_word.search(window))
    if frame.target is None and pats.anaphor.search(window):
        frame.anaphoric = True
    if frame.target is None and frame.acquirer is None and frame.seller is None:
        frame.anaphoric = True
    return frame


_TAKEOVER = re.compile(r"take\s*over|acquisition\s+of", re.I)


def _takeover(window: str) -> bool:
    """``_TAKEOVER`` in ``window``; without "take" or "acquisition" in its lower case (and no
    letter that ``re.I`` matches to an ASCII one without lowering to it) there is none."""
    lower = window.lower()
    if "take" not in lower and "acquisition" not in lower and words_of(window) is not None:
        return False
    return bool(_TAKEOVER.search(window))


_MAJORITY = Gated(
    re.compile(r"\b(majority|controlling)\s+(?:stake|holding|interest|shareholding)\b", re.I),
    frozenset({"majority", "controlling"}),
)


# --- figures -----------------------------------------------------------------------------


def _figures(frame: Frame, view: DocView, sent: Sentence, fig_start: int) -> None:
    pats = frame_patterns()
    rpats = role_patterns()
    money = view.in_range(view.money, fig_start, frame.end)
    window_ids = {m.idx for m in money}
    candidates: list[tuple[MoneyItem, bool]] = []
    for item in money:
        before = sent.text[: sent.rel(item.start)]
        after = sent.text[sent.rel(item.end) :]
        if any(link in window_ids and link < item.idx for link in item.links):
            continue  # the second figure of "$586m (£378m)": an alternate of the first
        if context_role(before, after) is not None and not (
            frame.family == "buyback" and _SHARES_WORTH.search(before[-40:])
        ):  # "buy back shares worth up to A$500m": the buyback's size, not a market value
            continue
        if not rpats.price_cue.search(before[-80:]) and rpats.valuation_cue.search(before[-90:]):
            if frame.valuation is None:
                frame.valuation = item
            continue
        if item.value.per_share or FOR_EACH.match(after):
            frame.per_share = frame.per_share or item
            continue
        if rpats.parts_after.search(after):
            frame.parts.append(item)
        candidates.append((item, bool(rpats.deal_modifier.search(after))))
    totals = [c for c in candidates if c[0] not in frame.parts]
    if len(frame.parts) >= 2 and not totals:
        first = frame.parts[0]
        frame.price_value = MoneyValue(
            amount=sum((p.value.amount for p in frame.parts), start=first.value.amount * 0),
            currency=first.value.currency,
        )
        frame.price = first
        frame.price_note = "the price is the sum of its parts"
    elif totals or candidates:
        pool = totals if len(frame.parts) >= 2 else candidates
        strong = [c for c in pool if not c[1]]
        chosen = strong[0] if strong else pool[0]
        frame.price, frame.price_weak = chosen
    elif frame.per_share is not None:
        window = view.text[frame.start : frame.end]
        count = pats.share_count.search(window)
        if count:
            frame.share_count = count.group(0)
    _percents(frame, view, sent, fig_start)


_SHARES_WORTH = re.compile(rf"\b(?:shares|stock)\s+worth\s+(?:{QUALIFIER_WORDS}\s+)*$", re.I)
#: "from 51%", "from about 51%": the holding before a change, never the stake bought.
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:{QUALIFIER_WORDS}\s+)*$", re.I)


def _percents(frame: Frame, view: DocView, sent: Sentence, fig_start: int) -> None:
    pats = frame_patterns()
    items = view.in_range(view.percents, fig_start, frame.end)
    ids = {p.idx for p in items}
    raising = "stake_up" in frame.families or "option" in frame.families
    for item in items:
        value = item.value
        before = sent.text[: sent.rel(item.start)]
        after = sent.text[sent.rel(item.end) :]
        if value.points:
            continue
        to_end = bool(pats.to_before.search(before[-40:]))
        if _FROM_BEFORE.search(before[-40:]) or (
            not to_end and any(link in ids and link > item.idx for link in item.links)
        ):
            continue  # the "from" end of "from 13% to 14%" or "to 14% from 13%"
        linked_to = to_end or any(link in ids and link < item.idx for link in item.links)
        if (linked_to or to_end) and (raising or pats.holding_near.search(before[-90:])):
            if frame.stake_after is None and value.value is not None:
                frame.stake_after = item
            continue
        if percent_is_change(before, after) and not pats.further_before.search(before[-20:]):
            continue
        if value.value is None:
            frame.qualitative = frame.qualitative or value.qualitative
            continue
        if frame.stake is None and item.start < frame.rel_cut:
            frame.stake = item
    if frame.qualitative is None and _MAJORITY.search(view.text[frame.start : frame.end]):
        frame.qualitative = "majority"
