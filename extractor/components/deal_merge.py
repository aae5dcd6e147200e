"""Frames -> deal records: one deal, many sentences; several deals per article.

A frame joins the most recent compatible deal (same buyer or target, no conflicting figure,
same stage: current, proposed, cancelled or historical of the same year); an anaphoric frame
("The stake is being bought by X", "The round was led by X") joins the deal in focus. Sentences
without a trigger still give figures to a deal when cued: "The offer values the company at
£3.57bn", "The sale is worth about $14.6bn". Kinds, checks and roles are settled at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from extractor.checks import (
    check_alternate_currency,
    check_parts_sum,
    check_stake_after,
    check_valuation,
    derive_total_from_per_share,
    implied_valuation,
    verdict,
)
from extractor.checks.fx import convert_interval
from extractor.checks.intervals import money_interval
from extractor.components.deal_frames import DealFields, Frame
from extractor.components.deal_roles import context_role, role_patterns
from extractor.components.deal_view import DocView, MoneyItem, PercentItem, Sentence
from extractor.components.deal_words import Gated
from extractor.facts import CheckFact, DealFact, MoneyMention, Offsets, PercentMention
from extractor.parsing.values import MoneyValue

_NOUNS = (
    "sale|disposal|buyback|repurchase|round|offer|deal|"
    "transaction|takeover|acquisition|purchase|price|consideration|stake"
)
_DEAL_NOUN = Gated(
    re.compile(rf"\b(?:the|this|that)\s+(?:[\w-]+\s+)?({_NOUNS})\b", re.I),
    frozenset(_NOUNS.split("|")),
)
#: Which kind of deal a deal noun names; None: any current deal.
_NOUN_KIND = {
    "sale": "divestment",
    "disposal": "divestment",
    "buyback": "buyback",
    "repurchase": "buyback",
    "round": "investment",
}
_COMPLETED = re.compile(r"\bcomplet(?:ed|es|ing)\b|\bclosed\b", re.I)
_CEILING = Gated(re.compile(r"\bup\s+to\b|\bmaximum\s+of\b", re.I), frozenset({"up", "maximum"}))
_STAKE_ANAPHOR = re.compile(r"\b(?:the|its|their)\s+(?:\w+\s+)?stake\b", re.I)
_SHARE_COUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(\w+)?")
_SCALES = {"million": 10**6, "m": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9}


@dataclass(kw_only=True)
class Draft(DealFields):
    """A deal being built from frames."""

    lead: Frame
    alternates: list[MoneyItem] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    up_to: bool = False
    evidence: list[Offsets] = field(default_factory=list)
    checks: list[CheckFact] = field(default_factory=list)

    @property
    def kind_class(self) -> str:
        if "buyback" in self.families and self.lead.family == "buyback":
            return "buyback"
        return "transfer"


def _kind_class(frame: Frame) -> str:
    return "buyback" if frame.family == "buyback" else "transfer"


def _same(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _compatible(draft: Draft, frame: Frame) -> bool:
    if draft.kind_class != _kind_class(frame):
        return frame.family == "lead" and "raise" in draft.families
    if draft.stage != frame.stage:
        # "Kalderon completed the takeover in June 2018": the same past deal, dated by its close.
        completes = frame.anaphoric and frame.historical and draft.historical
        if not (completes and draft.acquirer == frame.acquirer and frame.target is None):
            return False
    if not (
        _same(draft.acquirer, frame.acquirer)
        and _same(draft.target, frame.target)
        and _same(draft.seller, frame.seller)
    ):
        return False
    if draft.stake and frame.stake and draft.stake.value.value != frame.stake.value.value:
        return False
    if (
        draft.price
        and frame.price
        and not draft.price_weak
        and not frame.price_weak
        and _amount(draft.price, draft.price_value) != _amount(frame.price, frame.price_value)
        and frame.price.idx not in draft.price.links
    ):
        return False
    shared = (draft.acquirer is not None and draft.acquirer == frame.acquirer) or (
        draft.target is not None and draft.target == frame.target
    )
    return shared or frame.anaphoric


class DealBuilder:
    """Accumulates frames and cued figures of one document into deals."""

    def __init__(self, view: DocView) -> None:
        self.view = view
        self.drafts: list[Draft] = []
        self.focus: Draft | None = None
        self.used_money: set[int] = set()

    # --- frames ---------------------------------------------------------------------------

    def add_frame(self, frame: Frame) -> None:
        if frame.negated:
            return
        target = None
        if frame.family == "lead":
            target = self.focus if self.focus and "raise" in self.focus.families else None
            active = not frame.trigger.text.lower().endswith("by")
            if (
                active
                and frame.target is not None
                and (target is None or target.target != frame.target)
            ):
                # "X led the $12m round in Y": a round named by its leader, a deal of its own.
                target = Draft(lead=frame) if frame.acquirer is not None else None
                if target is not None:
                    self.drafts.append(target)
            if target is None or frame.acquirer is None:
                return
        else:
            for draft in reversed(self.drafts):
                if _compatible(draft, frame):
                    target = draft
                    break
        if target is None and frame.historical and not frame.has_figures:
            # "Rusk agreed to buy Pardo-Whitney last July": the history of a deal in the news.
            target = self._same_parties(frame)
        if target is None and frame.status == "cancelled" and not frame.has_figures:
            # "X turned down Y's first approach, but talks continued": an earlier round of
            # the deal in the news, not a deal of its own.
            same = self._same_parties(frame)
            if same is not None:
                self._evidence(same, frame.sentence)
                return
        if (
            target is None
            and frame.stake is None
            and self.focus is not None
            and frame.target in (None, self.focus.target)
            # "an option to raise its stake to 45%": the holding, not the stake just bought
            and frame.stake_after is None
            and not frame.families & {"option", "stake_up"}
            and _STAKE_ANAPHOR.search(self.view.text[frame.start : frame.end])
        ):
            # "Lantern bought the stake in 2016": the stake of the deal just reported.
            frame.stake = self.focus.stake
        if target is None:
            if not self._creates(frame):
                return
            if frame.target is None and self.focus is not None:
                # "Étienne Lavaud bought 2.5 per cent", "call options over a further 49%": a
                # stake with no company named is a stake in the company of the story.
                frame.target = self.focus.target
            target = Draft(lead=frame)
            self.drafts.append(target)
        self._merge(target, frame)
        self.focus = target

    def _same_parties(self, frame: Frame) -> Draft | None:
        for draft in reversed(self.drafts):
            if (
                draft.stage[0] != "historical"
                and frame.acquirer is not None
                and (draft.acquirer, draft.target) == (frame.acquirer, frame.target)
            ):
                return draft
        return None

    def _creates(self, frame: Frame) -> bool:
        named = frame.acquirer or frame.target or frame.seller
        if not named:
            return False
        if frame.target is None:
            # Without a named target only a stake says what is bought ("bought 2.5 per
            # cent"); a price alone may pay for anything ("pay for a A$240m upgrade").
            if frame.family in ("sell", "raise") or self.focus is None:
                return False
            if frame.stake is None and frame.stake_after is None:
                return False
        if frame.family == "buyback":
            # "the size of the buyback would reassure": only a figure makes a new buyback.
            # "plans to buy back up to 5% of its shares": a share of its stock says it too.
            figure = frame.price is not None or frame.stake is not None
            return figure and not frame.acquirer_is_person
        if frame.has_figures:
            return True
        # "Lathrop completed its takeover of HA Tradeline": named parties, no figure.
        explicit = frame.acquirer is not None and frame.target is not None
        return explicit and frame.family in ("buy", "merge", "sell", "take")

    def _merge(self, draft: Draft, frame: Frame) -> None:
        draft.families |= frame.families
        draft.acquisition_word |= frame.acquisition_word
        draft.up_to |= bool(_CEILING.search(self.view.text[frame.start : frame.end]))
        for role in ("acquirer", "target", "seller"):
            if getattr(draft, role) is None and getattr(frame, role) is not None:
                setattr(draft, role, getattr(frame, role))
        if draft.stake is None and frame.stake is not None:
            draft.stake = frame.stake
        if draft.stake_after is None and frame.stake_after is not None:
            draft.stake_after = frame.stake_after
        draft.qualitative = draft.qualitative or frame.qualitative
        if frame.price is not None:
            self._merge_price(draft, frame)
        elif frame.per_share is not None and draft.price is None and frame.share_count:
            self._per_share(draft, frame)
        if draft.valuation is None and frame.valuation is not None:
            draft.valuation = frame.valuation
        if frame.status_strong and not draft.status_strong:
            draft.status, draft.status_strong = frame.status, True
        elif draft is not None and len(draft.evidence) == 0:
            draft.status = frame.status
        if frame.historical and (draft.lead is frame or draft.historical):
            # A dated mention of a deal in the news ("agreed to buy it last July") does not
            # turn the news into history; a past deal is dated by its completion.
            completed = _COMPLETED.search(self.view.text[frame.start : frame.end])
            year = frame.year if completed else (draft.year or frame.year)
            draft.historical, draft.year = True, year
        draft.stake_word |= frame.stake_word
        draft.takeover |= frame.takeover
        self._evidence(draft, frame.sentence)

    def _merge_price(self, draft: Draft, frame: Frame) -> None:
        item = frame.price
        assert item is not None
        if len(frame.parts) >= 2 and not draft.parts:
            draft.parts = list(frame.parts)  # "$4.2bn in cash and $650m in shares"
        if draft.price is None or (draft.price_weak and not frame.price_weak):
            draft.price, draft.price_weak = item, frame.price_weak
            draft.price_value, draft.price_note = frame.price_value, frame.price_note
            draft.parts = list(frame.parts)
        for link in item.links:
            alt = self._money_by_idx(link)
            if (
                alt is not None
                and alt.idx != draft.price.idx
                and alt not in draft.alternates
                and alt.value.currency != draft.price.value.currency
            ):
                draft.alternates.append(alt)

    def _per_share(self, draft: Draft, frame: Frame) -> None:
        per_share = frame.per_share
        assert per_share is not None and frame.share_count
        m = _SHARE_COUNT.match(frame.share_count)
        if not m:
            return
        count = Decimal(m.group(1).replace(",", ""))
        scale = _SCALES.get((m.group(2) or "").lower())
        if scale:
            count *= scale
        total, check = derive_total_from_per_share(per_share.value, count)
        draft.price = per_share
        draft.price_value = total
        draft.checks.append(check)

    def _money_by_idx(self, idx: int) -> MoneyItem | None:
        for item in self.view.money:
            if item.idx == idx:
                return item
        return None

    def _evidence(self, draft: Draft, sent: Sentence) -> None:
        span = (sent.start, sent.end)
        if span not in draft.evidence:
            draft.evidence.append(span)

    # --- sentences without a trigger --------------------------------------------------------

    def add_cued_figures(self, sent: Sentence, covered: list[tuple[int, int]]) -> None:
        """Valuations and deal prices stated apart from any trigger ("The offer values ...")."""
        if not self.drafts:
            return
        rpats = role_patterns()
        for item in self.view.in_range(self.view.money, sent.start, sent.end):
            if any(s <= item.start < e for s, e in covered):
                continue
            before = sent.text[: sent.rel(item.start)]
            after = sent.text[sent.rel(item.end) :]
            if context_role(before, after) is not None:
                continue  # "a stock market value of about CHF7bn" is no valuation of a deal
            # The deal is looked for only once a cue is found (a pure look-up; with drafts
            # there is always a deal in focus, so it is never None here).
            if rpats.valuation_cue.search(before[-90:]):
                draft = self._draft_for(sent, before)
                if draft is None:
                    return
                self._valuation_or_alternate(draft, item)
                self._evidence(draft, sent)
            elif rpats.worth_deal.search(before[-80:]) or rpats.price_cue.search(before[-80:]):
                draft = self._draft_for(sent, before)
                if draft is None:
                    return
                if draft.price is None or draft.price_weak:
                    draft.price, draft.price_weak = item, False
                    self._evidence(draft, sent)

    def _valuation_or_alternate(self, draft: Draft, item: MoneyItem) -> None:
        price = draft.price
        if (
            price is not None
            and item.value.currency
            and price.value.currency
            and item.value.currency != price.value.currency
        ):
            converted = convert_interval(price.value, item.value.currency, self.view.published)
            if converted is not None and converted.overlaps(money_interval(item.value)):
                # "put the equity value of the transaction at 1.9 billion euros": the price
                # restated in another currency.
                draft.alternates.append(item)
                return
        if draft.valuation is None:
            draft.valuation = item

    def _draft_for(self, sent: Sentence, before: str) -> Draft | None:
        """The deal a trigger-less figure belongs to: by its target's name, by the deal noun
        before it ("The sale is worth", "The round values"), else the deal in focus."""
        m = _DEAL_NOUN.search(before)
        wanted = _NOUN_KIND.get(m.group(1).lower()) if m else None
        if wanted is not None:
            for draft in reversed(self.drafts):
                if draft.stage[0] != "historical" and _kind(draft) == wanted:
                    return draft
        names = {e.name for e in self.view.in_range(self.view.ents, sent.start, sent.end)}
        for draft in reversed(self.drafts):
            if (
                draft.target in names
                and draft.stage[0] != "historical"
                and _kind(draft) != "buyback"
            ):
                return draft
        if m:
            for draft in reversed(self.drafts):
                if draft.stage[0] != "historical" and _kind(draft) != "buyback":
                    return draft
        return self.focus

    # --- final records ----------------------------------------------------------------------

    def finish(self) -> list[DealFact]:
        return [self._fact(d) for d in self.drafts if d.target or d.seller or d.acquirer]

    def _fact(self, draft: Draft) -> DealFact:
        kind = _kind(draft)
        if kind == "buyback":
            owner = draft.acquirer or draft.target
            draft.acquirer = draft.target = owner
        if (
            kind == "acquisition"
            and draft.price is None
            and draft.stake is None
            and draft.valuation is not None
            and draft.lead.start <= draft.valuation.start < draft.lead.end
            and draft.status in ("agreed", "completed")
            and not draft.historical
        ):
            # "agreed to buy X ..., in a deal that values X at ¥182bn": for the whole company,
            # in the deal's own sentence, the value is the price (an approach that "values"
            # a company only puts a value on it).
            draft.price, draft.valuation = draft.valuation, None
        price = _mention_money(draft.price, draft.price_value)
        # "a £3.57bn takeover" later stated as the valuation: the figure is the valuation.
        if (
            price is not None
            and draft.price_weak
            and draft.valuation is not None
            and draft.valuation.value.amount == price.value.amount
        ):
            price = None
        stake = _mention_pct(draft.stake)
        stake_after = _mention_pct(draft.stake_after)
        valuation = _mention_money(draft.valuation)
        checks = list(draft.checks)
        implied = None
        if price is not None and stake is not None:
            implied = implied_valuation(price.value, stake.value)
        valuation_check = None
        if implied is not None and valuation is not None:
            valuation_check = check_valuation(valuation.value, implied)
            checks.append(valuation_check)
        alternates = [_mention_money(a) for a in draft.alternates if price is not None]
        date = self.view.published
        for alt in alternates:
            if alt is not None and price is not None:
                checks.append(check_alternate_currency(price.value, alt.value, date))
        if len(draft.parts) >= 2 and draft.price is not None and draft.price_value is None:
            checks.append(check_parts_sum([p.value for p in draft.parts], price.value))  # type: ignore[union-attr]
        if stake is not None and stake_after is not None:
            checks.append(check_stake_after(stake.value, stake_after.value))
        status = "historical" if draft.historical else draft.status
        ceiling = price is not None and price.value.qualifier == "up_to"
        # A buyback with no named seller is a programme the board may or may not carry out.
        if (
            kind == "buyback"
            and status == "agreed"
            and (ceiling or draft.up_to or not draft.seller)
        ):
            status = "proposed"  # "buy back up to HK$1.5bn": a programme, a ceiling
        return DealFact(
            kind=kind,
            status=status,
            acquirer=draft.acquirer,
            target=draft.target,
            seller=draft.seller,
            year=draft.year if draft.historical else None,
            stake=stake,
            stake_after=stake_after,
            price=price,
            price_alternates=[a for a in alternates if a is not None],
            valuation=valuation,
            implied_valuation=implied,
            valuation_consistent=verdict(valuation_check),
            checks=checks,
            evidence=sorted(draft.evidence),
        )


def _amount(item: MoneyItem, derived: MoneyValue | None) -> Decimal:
    return (derived or item.value).amount


def _kind(draft: Draft) -> str:
    lead = draft.lead.family
    if lead == "buyback":
        return "buyback"
    if lead == "merge":
        return "merger"
    if lead == "sell" and draft.seller is not None:
        return "divestment"  # "X was sold to Y" names no seller: told from the buyer's side
    stake = draft.stake.value.value if draft.stake else None
    after = draft.stake_after.value.value if draft.stake_after else None
    if lead in ("raise", "lead") or (lead == "invest" and stake is None and not draft.stake_word):
        return "investment"
    if stake is not None and stake > 50:
        return "acquisition"
    if (
        after is not None
        and after >= 100
        and (draft.acquisition_word or "option" not in draft.families)
    ):
        # "taking its holding to 100%", an offer for the shares it does not own; an option
        # that "would take its holding to 100%" is a stake purchase unless called otherwise.
        return "acquisition"
    if draft.qualitative in ("majority", "controlling"):
        return "acquisition"
    if stake is None and after is None and (draft.takeover or not draft.stake_word):
        return "acquisition"
    return "stake_purchase"


def _mention_money(item: MoneyItem | None, value: MoneyValue | None = None) -> MoneyMention | None:
    if item is None:
        return None
    return MoneyMention(item.start, item.end, item.text, value or item.value)


def _mention_pct(item: PercentItem | None) -> PercentMention | None:
    if item is None or item.value.value is None:
        return None
    return PercentMention(item.start, item.end, item.text, item.value)


def published_date(view: DocView) -> dt.date | None:
    return view.published
