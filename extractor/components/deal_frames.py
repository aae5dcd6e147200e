"""One sentence -> deal frames: who buys what from whom, for how much, how far along.

No dependency parser runs by default, so roles come from word order and small cue patterns
around each entity, relative to the trigger: the first entity of the clause before an active
trigger is its subject ("X, the ... group, has bought"); "by X" is the agent of a passive or a
"takeover by X"; "from (its parent) X" and "X's 50% holding in Y" name the seller; "stake in X",
"41% of X", "X shares" or the first entity after the trigger name the target. Figures are read
in the trigger's window of the sentence, each after its own cue check (deal_roles).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field

from extractor.components.deal_roles import (
    QUALIFIER_WORDS,
    context_role,
    percent_is_change,
    role_patterns,
)
from extractor.components.deal_triggers import Trigger, find_triggers
from extractor.components.deal_view import DocView, Ent, MoneyItem, PercentItem, Sentence
from extractor.lexicons import load_lexicon
from extractor.parsing.values import MoneyValue

TRANSFER = "transfer"
#: "its paint business", "a stake in its gas pipeline unit": an unnamed part of the seller.
_OWN_UNIT = re.compile(
    r"""^\s*(?:(?:a|an|the)\s+[^.;]{0,30}?\s+in\s+)?its\s+\S   # "its masts", "a stake in its unit"
      | ^[^.;]{0,40}?\b(?:businesses|business|units|unit|division|operations|subsidiary)\b
    """,
    re.I | re.X,
)
#: "A$4.10 in cash for each of the 212 million shares": a price per share.
_FOR_EACH = re.compile(
    r"\s*(?:in\s+cash\s+)?(?:(?:for|per)\s+each\b|-?a-share\b|(?:a|per)\s+share\b)", re.I
)
_PAYMENT_FORMS = re.compile(
    r"""\bin\s+(?:new\s+|its\s+own\s+)?(?:[A-Z][\w&-]*\s+){0,3}(?:shares|stock)\b
                                                         # "$800m in new Najd shares"
      | \b(?:a|per|each)\s+share\b                         # "$40 a share"
      | \ball\s+(?:of\s+the\s+)?(?:[\d.,]+\s*\w*\s+)?shares\b  # "all 25 million shares"
    """,
    re.I | re.X,
)
#: A new frame starts inside a sentence when the class changes: "To help pay for the purchase,
#: X has agreed to sell its unit to Y" is two events, "bought ..., lifting its holding" one.
_FAMILY_CLASS = {
    "buyback": "buyback",
    "merge": "merge",
    "lead": "lead",
    "option": "option",
    "sell": "sell",
}
_QUAL = QUALIFIER_WORDS


@dataclass
class Frame:
    """What one trigger group of one sentence says about a deal."""

    family: str
    families: set[str]
    sentence: Sentence
    trigger: Trigger
    start: int
    end: int
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
    per_share: MoneyItem | None = None
    share_count: str | None = None
    valuation: MoneyItem | None = None
    status: str = "agreed"
    status_strong: bool = False
    year: int | None = None
    historical: bool = False
    anaphoric: bool = False
    stake_word: bool = False
    takeover: bool = False
    actor: str | None = None
    acquirer_is_person: bool = False
    acquisition_word: bool = False
    rel_cut: int = 1 << 62
    negated: bool = False

    @property
    def has_figures(self) -> bool:
        return any(
            x is not None
            for x in (self.stake, self.stake_after, self.price, self.price_value, self.valuation)
        )


@dataclass
class Context:
    """What earlier sentences leave for pronouns: the last clear subject company."""

    last_subject: str | None = None


def _alt(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True)
class FramePatterns:
    clause_open: re.Pattern[str]
    agent: re.Pattern[str]
    source: re.Pattern[str]
    recipient: re.Pattern[str]
    valued: re.Pattern[str]
    partner: re.Pattern[str]
    relation_of: re.Pattern[str]
    relation_after: re.Pattern[str]
    possessive_holding_in: re.Pattern[str]
    possessive_business: re.Pattern[str]
    modifier_after: re.Pattern[str]
    passive: re.Pattern[str]
    pronoun: re.Pattern[str]
    anaphor: re.Pattern[str]
    stake_word: re.Pattern[str]
    holding_near: re.Pattern[str]
    to_before: re.Pattern[str]
    further_before: re.Pattern[str]
    share_count: re.Pattern[str]
    status: dict[str, re.Pattern[str]]
    exercised: re.Pattern[str]
    negation: re.Pattern[str]
    present: re.Pattern[str]
    acquisition_word: re.Pattern[str]
    weak_present: frozenset[str]
    past_relative: dict[str, int]
    past_relative_re: re.Pattern[str]
    month_re: re.Pattern[str]
    months: tuple[str, ...]


@functools.cache
def frame_patterns() -> FramePatterns:
    """Compile the role and status cues once per process."""
    lex = load_lexicon("deal_triggers")
    holding = _alt(lex["holding_nouns"])
    status = {
        name: re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])", re.I)
        for name, words in lex["status"].items()
    }
    months = tuple(lex["months"])
    return FramePatterns(
        clause_open=re.compile(
            rf"""(?:[,;:]\s+|\s)(?:{_alt(lex["clause_openers"])})\s   # ", when", " said"
               | \b(?:{_alt(lex["saying_verbs"])})\s+that\s          # "said that"
               | ,\s+(?:a|an|the)\s+[\w-]+\s+that\s                  # ", a figure that"
               | ,\s+and\s+(?=[A-Z])                                    # ", and Vance has"
            """,
            re.I | re.X,
        ),
        agent=re.compile(r"\bby\s+(?:the\s+)?(?:[^\s,.;]+\s+){0,3}?$", re.I),
        source=re.compile(r"\bfrom\s+(?:its|their|the|a)?\s*(?:[^\s.;]+\s+){0,3}?$", re.I),
        recipient=re.compile(r"\bto\s+(?:the\s+|a\s+)?(?:[^\s,.;]+\s+){0,3}?$", re.I),
        valued=re.compile(r"\b(?:valu\w+|worth)\s+(?:the\s+)?$", re.I),
        partner=re.compile(r"\bwith\s+(?:[^\s,.;]+\s+){0,3}?$", re.I),
        relation_of=re.compile(
            rf"""\b(?:{_alt(lex["relation_nouns"])}|unit|subsidiary|head|boss)\s+of\s+(?:the\s+)?$
               | \b(?:{_alt(lex["affiliation_nouns"])})\s+(?:at|with|for)\s+$   # "an analyst at X"
            """,
            re.I | re.X,
        ),
        # "Royal Mail owner", "Oxbow's founders", "Deccan's public shareholders", "X-owned";
        # not "Deccan Cement to rival Sterling" (a word between needs the possessive).
        relation_after=re.compile(
            rf"""^(?:(?:'s|’s|'|’)\s+(?:[a-z]+\s+)?|[\s-]+)
                 (?:{_alt(lex["relation_nouns"])}|owned|backed)\b""",
            re.X,
        ),
        possessive_holding_in=re.compile(
            rf"^(?:'s|’s|'|’)\s+(?:[^\s,.;]+\s+){{0,3}}?(?:{holding})\s+in\b", re.I
        ),
        possessive_business=re.compile(
            rf"^(?:'s|’s|'|’)\s+(?:[^\s,.;]+\s+){{0,4}}?(?:{_alt(lex['business_nouns'])})\b",
            re.I,
        ),
        modifier_after=re.compile(
            rf"^(?:'s|’s|'|’)?\s+(?:{_alt(lex['deal_nouns'])}|stock|shares)\b", re.I
        ),
        passive=re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.I),
        pronoun=re.compile(rf"(?<![\w-])(?:{_alt(lex['pronouns'])})(?![\w-])", re.I),
        anaphor=re.compile(
            rf"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:{_alt(lex['deal_nouns'])})\b", re.I
        ),
        stake_word=re.compile(rf"(?<![\w-])(?:{_alt(lex['stake_words'])})(?![\w-])", re.I),
        holding_near=re.compile(rf"\b(?:{holding})\b[^.;]{{0,60}}$", re.I),
        to_before=re.compile(rf"\bto\s+(?:{_QUAL}\s+)*$", re.I),
        further_before=re.compile(
            r"\b(?:a\s+further|another|an\s+additional|additional)\s+$", re.I
        ),
        share_count=re.compile(
            r"""(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|bn|m|mn)?\s+
                (?:[A-Z][\w&.-]*\s+){0,3}                # "212 million Coolabah Copper shares"
                (?:new\s+|ordinary\s+|common\s+|of\s+its\s+|of\s+the\s+)?shares\b""",
            re.I | re.X,
        ),
        status=status,
        exercised=re.compile(rf"\b(?:{_alt(lex['exercised'])})\b", re.I),
        negation=re.compile(rf"(?<![\w-])(?:{_alt(lex['negations'])})(?![\w-])", re.I),
        present=re.compile(rf"\b(?:{_alt(lex['present_cues'])})\b", re.I),
        acquisition_word=re.compile(
            rf"(?<![\w-])(?:{_alt(lex['acquisition_words'])})(?![\w-])", re.I
        ),
        weak_present=frozenset(w.lower() for w in lex["weak_present"]),
        past_relative={k.lower(): int(v) for k, v in lex["past_relative"].items()},
        past_relative_re=re.compile(rf"\b(?:{_alt(list(lex['past_relative']))})\b", re.I),
        month_re=re.compile(
            rf"\b(?:in|since|last|from|during)\s+(?:late\s+|early\s+|mid-)?({_alt(months)})\b(?!\s+\d)",
            re.I,
        ),
        months=months,
    )


def find_frames(view: DocView, sent: Sentence, ctx: Context) -> list[Frame]:
    """The deal frames of one sentence (possibly none)."""
    money = view.in_range(view.money, sent.start, sent.end)
    ents = view.in_range(view.ents, sent.start, sent.end)
    triggers = [
        t
        for t in find_triggers(sent.text, sent.start, [sent.rel(m.start) for m in money])
        # "Zuriel Pay", "Buy Low Holdings": a trigger word inside a name is no trigger, but a
        # name inside a trigger phrase is ("holding in Vodacom will rise").
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


#: "..., and $7.5bn for ZeniMax Media": a second purchase sharing the first one's verb.
_AND_FOR = re.compile(r"\band\s+(?:about\s+|some\s+|nearly\s+)?$", re.I)
_FOR_AFTER = re.compile(r"^\s+for\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")


def _coordinated(frame: Frame, view: DocView, sent: Sentence) -> list[Frame]:
    """Sibling frames for "paid $2.5bn for A in 2014, and $7.5bn for B in 2016"."""
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
        cls = _FAMILY_CLASS.get(trig.family, TRANSFER)
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
    _roles(frame, ents, sent, ctx, view.descriptors)
    # A later event of the sentence reads its figures and status cues from its trigger on:
    # "a repurchase programme of up to R1.2bn, together with the acquisition of half of X".
    fig_start = frame.start if first else _later_start(sent, prev_end, trig.start)
    _figures(frame, view, sent, fig_start)
    _status(frame, view, sent, clause if first else t_rel)
    window = view.text[frame.start : min(frame.end, frame.rel_cut)]
    # "in shares" (how it is paid) and "a share" (per-share price) do not make it a stake.
    frame.stake_word = bool(pats.stake_word.search(_PAYMENT_FORMS.sub(" ", window)))
    frame.takeover = bool(re.search(r"take\s*over|acquisition\s+of", window, re.I)) and (
        frame.stake is None
    )
    frame.acquisition_word = bool(pats.acquisition_word.search(window))
    if frame.target is None and pats.anaphor.search(window):
        frame.anaphoric = True
    if frame.target is None and frame.acquirer is None and frame.seller is None:
        frame.anaphoric = True
    return frame


# --- roles -------------------------------------------------------------------------------


def _after_kind(ent: Ent, sent: Sentence, floor: int) -> str:
    """How an entity after the trigger relates to it, from the words just before and after."""
    pats = frame_patterns()
    pre = sent.text[max(sent.rel(floor), sent.rel(ent.start) - 50) : sent.rel(ent.start)]
    post = sent.text[sent.rel(ent.end) : sent.rel(ent.end) + 60]
    if pats.relation_of.search(pre) or pats.relation_after.search(post):
        return "skip"
    if pats.agent.search(pre):
        return "agent"
    if pats.source.search(pre):
        return "seller"
    if pats.possessive_holding_in.search(post):
        return "seller"
    if pats.possessive_business.search(post):
        return "target_seller"
    if pats.valued.search(pre):
        return "valued"
    if pats.partner.search(pre):
        return "partner"
    if pats.recipient.search(pre):
        return "recipient"
    return "target"


def _first_subject(ents: list[Ent], sent: Sentence, start: int, end: int) -> Ent | None:
    """The first entity in ``[start, end)`` that can be a clause subject."""
    pats = frame_patterns()
    for ent in ents:
        if ent.start < start or ent.end > end or ent.kind == "ref":
            continue
        pre = sent.text[max(0, sent.rel(ent.start) - 40) : sent.rel(ent.start)]
        post = sent.text[sent.rel(ent.end) : sent.rel(ent.end) + 40]
        if pats.relation_of.search(pre) or pats.relation_after.search(post):
            continue
        if pats.possessive_holding_in.search(post):
            continue
        return ent
    return None


def _roles(
    frame: Frame,
    ents: list[Ent],
    sent: Sentence,
    ctx: Context,
    view_descriptors: dict[str, dict[str, int]],
) -> None:
    pats = frame_patterns()
    trig = frame.trigger
    # "Kestrel, which already owns part of Tandem, said ...": the relative clause's entities
    # are not the sentence's subject.
    inserted = _relative_spans(sent, trig)
    before_ents = [
        e for e in ents if e.end <= trig.start and not any(s <= e.start < t for s, t in inserted)
    ]
    clause_subject = _first_subject(before_ents, sent, frame.start, trig.start)
    outer = [e for e in before_ents if e.kind == "company"]
    sentence_subject = _first_subject(outer, sent, sent.start, frame.start)
    before_text = sent.text[sent.rel(frame.start) : sent.rel(trig.start)]
    # "the company", "it": the subject before "said", else the last clear subject of the
    # text. Resolved references come last: a nearest-mention guess is often the target.
    refs = [e for e in before_ents if e.kind == "ref" and e.start >= frame.start]
    pronoun = bool(pats.pronoun.search(before_text)) or bool(refs)
    if clause_subject is not None:
        subject_name: str | None = clause_subject.name
    elif pronoun:
        subject_name = (
            (sentence_subject.name if sentence_subject else None)
            or _described(view_descriptors, before_text, frame.start)
            or ctx.last_subject
            or (refs[0].name if refs else None)
        )
    else:
        first_any = _first_subject(before_ents, sent, sent.start, trig.start)
        subject_name = first_any.name if first_any else None
    owner = _possessor_before(before_ents, sent, trig)
    addressee = None
    if owner and trig.text.lower().split()[0] in _NOUN_TRIGGERS:
        # "Schwab's purchase", "X's takeover of Y"; "IDS turned down EP's approach": the
        # clause's own subject is the company approached.
        if (
            clause_subject is not None
            and clause_subject.kind == "company"
            and clause_subject.name != owner
        ):
            addressee = clause_subject.name
        subject_name = owner
    passive = _participle(trig.text) and bool(
        pats.passive.search(sent.text[: sent.rel(trig.start)])
    )
    inside = [e for e in ents if e.start >= trig.start and e.end <= trig.end]
    # Resolved references after the trigger are left out: "the company's shares" is resolved
    # by nearest mention, which is as often the buyer as the bought.
    after = [e for e in ents if e.start >= trig.end and e.end <= frame.end]
    # "..., which will give Falcon Bay a stake": a relative clause after the trigger says
    # something about the deal, not who is bought.
    rel = re.search(r",\s+(?:which|who)\b", sent.text[sent.rel(trig.end) : sent.rel(frame.end)])
    rel_cut = trig.end + rel.start() if rel else frame.end
    frame.rel_cut = rel_cut
    after = [e for e in after if e.start < rel_cut]
    kinds = [(e, _after_kind(e, sent, trig.end)) for e in after]
    # Resolved references may name the target ("a 25% stake in the company") but never the
    # buyer, seller or agent, and never the subject again (nearest-mention guesses).
    kinds = [(e, k) for e, k in kinds if e.kind != "ref" or k in ("target", "target_seller")]
    kinds = [(_antecedent(e, ents, subject_name) if e.kind == "ref" else e, k) for e, k in kinds]
    agent_at = next((e.start for e, k in kinds if k == "agent"), None)
    if agent_at is not None:
        # "sold by Ipe, the family company that founded Cerrado": after the agent comes only
        # its apposition.
        kinds = [(e, k) for e, k in kinds if e.start <= agent_at]

    def first(*wanted: str, person_ok: bool = False, exclude: tuple = ()) -> str | None:  # type: ignore[type-arg]
        for ent, kind in kinds:
            if kind in wanted and (person_ok or ent.kind != "person") and ent.name not in exclude:
                return ent.name
        return None

    agent = first("agent", person_ok=True)
    target = first("target", "target_seller", exclude=(agent, subject_name)) or (
        inside[0].name if inside else None
    )
    seller = first("seller", "target_seller", person_ok=True)
    stake_in_before = _stake_in_before(before_ents, sent)
    fam = frame.family
    if fam == "sell":
        if agent or passive:
            frame.seller = agent
            frame.target = target or stake_in_before
        else:
            frame.seller = subject_name
            frame.target = target
            frame.acquirer = first("recipient", person_ok=True)
        if frame.target is None and _OWN_UNIT.search(sent.text[sent.rel(trig.end) :]):
            # "sold its paint business to X": part of the seller itself changes hands.
            frame.target = frame.seller
        frame.actor = frame.seller
    elif fam == "buyback":
        owner = subject_name or _possessor_after(after, sent) or ctx.last_subject
        frame.acquirer = frame.target = owner
        frame.seller = seller
        frame.actor = owner
    elif fam == "raise":
        frame.target = subject_name
        frame.actor = subject_name
    elif fam == "lead":
        frame.acquirer = agent or (after[0].name if after else None)
    elif fam == "merge":
        frame.acquirer = subject_name
        frame.target = first("partner") or target or _conjoined(before_ents, sent, subject_name)
        frame.actor = subject_name
    else:
        if agent or passive:
            frame.acquirer = agent
            frame.target = (
                target or stake_in_before or (clause_subject.name if clause_subject else None)
            )
        else:
            holder = _possessor_before(before_ents, sent, trig) if fam == "stake_up" else None
            frame.acquirer = holder or subject_name
            frame.target = target or first("valued") or addressee
        frame.seller = seller
        frame.actor = frame.acquirer
    frame.acquirer_is_person = frame.acquirer is not None and any(
        e.kind == "person" and e.name == frame.acquirer for e in ents
    )
    if frame.target is not None and frame.target == frame.acquirer and fam != "buyback":
        frame.target = None


def _antecedent(ref: Ent, ents: list[Ent], subject: str | None) -> Ent:
    """ "has owned Anchor since 2012, when it paid $420m for the business": a reference after
    the trigger means the nearest company named before it in the sentence, when there is one
    (the reference layer's own guess otherwise)."""
    before = [e for e in ents if e.kind == "company" and e.end <= ref.start]
    others = [e for e in before if e.name != subject]
    if len(before) >= 2 and others:
        return Ent(ref.start, ref.end, others[-1].name, "ref")
    return ref


def _described(descriptors: dict[str, dict[str, int]], text: str, at: int) -> str | None:
    """ "the bank" -> the one company the article calls a bank, if exactly one."""
    for m in re.finditer(r"\bthe\s+(?:[\w-]+\s+){0,2}?([\w-]+)\b", text, re.I):
        # Only companies described before the reference: "the bank" points back.
        names = [n for n, first in descriptors.get(m.group(1).lower(), {}).items() if first < at]
        if len(names) == 1:
            return names[0]
    return None


def _relative_spans(sent: Sentence, trig: Trigger) -> list[tuple[int, int]]:
    """Offsets of relative clauses closed before the trigger (", which ... ,")."""
    text = sent.text[: sent.rel(trig.start)]
    return [
        (sent.start + m.start(), sent.start + m.end())
        for m in re.finditer(r",\s+(?:which|who|whose|based\s+in)\b[^,;]*,", text, re.I)
    ]


def _conjoined(before_ents: list[Ent], sent: Sentence, first_name: str | None) -> str | None:
    """ "X and Y have agreed to merge": Y."""
    for a, b in itertools.pairwise(before_ents):
        gap = sent.text[sent.rel(a.end) : sent.rel(b.start)]
        if a.name == first_name and re.search(r"\band\b", gap) and len(gap) < 40:
            return b.name
    return None


_NOUN_TRIGGERS = frozenset(
    {
        "purchase",
        "takeover",
        "acquisition",
        "investment",
        "bid",
        "offer",
        "buyback",
        "merger",
        "approach",
        "buyout",
    }
)


def _participle(word: str) -> bool:
    """Can the trigger be a passive participle ("was bought", not "is paying")?"""
    first = word.lower().split()[0]
    return first.endswith("ed") or first in {"bought", "sold", "paid", "taken", "put", "led"}


def _stake_in_before(before_ents: list[Ent], sent: Sentence) -> str | None:
    """ "A 49% stake in X was bought by ...": the X of a stake before the trigger."""
    for ent in before_ents:
        pre = sent.text[max(0, sent.rel(ent.start) - 30) : sent.rel(ent.start)]
        if re.search(r"\b(?:stake|holding|interest|shareholding|of)\s+in\s*$|\bin\s+$", pre, re.I):
            return ent.name
    return None


def _possessor_before(before_ents: list[Ent], sent: Sentence, trig: Trigger) -> str | None:
    """ "Vodafone's holding in Vodacom will rise": the owner right before the holding noun."""
    if not before_ents:
        return None
    last = before_ents[-1]
    gap = sent.text[sent.rel(last.end) : sent.rel(trig.start)]
    if re.fullmatch(r"(?:'s|’s|'|’)\s*(?:[a-z-]+\s+){0,2}", gap):  # "EP's first approach"
        return last.name
    return None


def _possessor_after(after: list[Ent], sent: Sentence) -> str | None:
    """ "the repurchase of the Group's shares": whose shares are bought back."""
    for ent in after:
        post = sent.text[sent.rel(ent.end) : sent.rel(ent.end) + 40]
        if re.match(r"(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}?(?:shares|stock)\b", post, re.I):
            return ent.name
    return None


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
        if context_role(before, after) is not None:
            continue
        if not rpats.price_cue.search(before[-80:]) and rpats.valuation_cue.search(before[-90:]):
            if frame.valuation is None:
                frame.valuation = item
            continue
        if item.value.per_share or _FOR_EACH.match(after):
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
        if any(link in ids and link > item.idx for link in item.links):
            continue  # the "from" end of "from 13% to 14%"
        linked_to = any(link in ids and link < item.idx for link in item.links)
        to_end = bool(pats.to_before.search(before[-40:]))
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
    if frame.qualitative is None and re.search(
        r"\b(majority|controlling)\s+(?:stake|holding|interest|shareholding)\b",
        view.text[frame.start : frame.end],
        re.I,
    ):
        frame.qualitative = "majority"


# --- status and year ---------------------------------------------------------------------


def _later_start(sent: Sentence, prev_end: int, trig_start: int) -> int:
    """Where a later event's figures start: after ", and" ("..., and will spend ₩300bn buying
    back its shares"), else at its trigger."""
    gap = sent.text[sent.rel(prev_end) : sent.rel(trig_start)]
    cut = None
    for m in re.finditer(r",\s+and\s+|;\s+", gap):
        cut = m.end()
    return prev_end + cut if cut is not None else trig_start


def _status(frame: Frame, view: DocView, sent: Sentence, clause: int) -> None:
    pats = frame_patterns()
    t_end = sent.rel(frame.trigger.end)
    cue_text = sent.text[clause : t_end + 25]
    if pats.status["cancelled"].search(sent.text[clause : t_end + 60]):
        frame.status, frame.status_strong = "cancelled", True
    elif pats.exercised.search(cue_text):
        frame.status, frame.status_strong = "agreed", True  # "has exercised its option"
    elif "option" in frame.families or _proposed(cue_text):
        frame.status, frame.status_strong = "proposed", True
    elif pats.status["agreed"].search(cue_text):
        frame.status, frame.status_strong = "agreed", True
    elif frame.trigger.text.lower() in pats.weak_present:
        frame.status = "completed"
    elif pats.status["completed"].search(cue_text):
        frame.status, frame.status_strong = "completed", True
    if pats.negation.search(cue_text):
        frame.negated = True  # "has no intention of making an offer for X"
    if frame.status != "cancelled":
        _year(frame, view, sent)  # a deal called off is news, not history


def _proposed(cue_text: str) -> bool:
    for m in frame_patterns().status["proposed"].finditer(cue_text):
        word = m.group(0)
        if word.lower() == "may" and (word[0].isupper() or re.match(r"\s+\d", cue_text[m.end() :])):
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
    for i, name in enumerate(months):
        if re.search(rf"\b{name[:3]}", text):
            found = i + 1
    return found


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def resolve_date(published: dt.date | None) -> dt.date | None:
    """The date figures are converted at (the article's, when known)."""
    return published
