"""Who buys, who sells, what is bought: the parties of a deal frame, by word order.

No dependency parser runs by default, so roles come from word order and small cue patterns
around each entity, relative to the trigger: the first entity of the clause before an active
trigger is its subject ("X, the ... group, has bought"); "by X" is the agent of a passive or a
"takeover by X"; "from (its parent) X" and "X's 50% holding in Y" name the seller; "stake in X",
"41% of X", "X shares" or the first entity after the trigger name the target. Pronouns and
"the company" resolve to the subject before "said", to the one company the article describes
with that noun, or to the last clear subject.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from extractor.components.deal_patterns import OWN_UNIT, frame_patterns
from extractor.components.deal_triggers import Trigger
from extractor.components.deal_view import DocView, Ent, Sentence
from extractor.components.deal_words import Gated, absent

if TYPE_CHECKING:
    from extractor.components.deal_frames import Context, Frame


def _after_kind(ent: Ent, sent: Sentence, floor: int) -> str:
    """How an entity after the trigger relates to it, from the words just before and after."""
    pats = frame_patterns()
    pre = sent.text[max(sent.rel(floor), sent.rel(ent.start) - 50) : sent.rel(ent.start)]
    post = sent.text[sent.rel(ent.end) : sent.rel(ent.end) + 60]
    # One test for the five gated cues before the entity: often none of their words is there.
    cued = not absent(pats.pre_keys, pre)
    if (cued and pats.relation_of.search(pre)) or pats.relation_after.search(post):
        return "skip"
    if cued:
        agent, source = pats.agent.search(pre), pats.source.search(pre)
        if agent and not (source and source.start() > agent.start()):
            return "agent"  # "by X"; but "by X from Y": the nearer cue speaks for Y
        if source:
            return "seller"
    if pats.possessive_holding_in.search(post):
        return "seller"
    if pats.possessive_business.search(post):
        return "target_seller"
    if pats.valued.search(pre):
        return "valued"
    if cued and pats.partner.search(pre):
        return "partner"
    if cued and pats.recipient.search(pre):
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


def assign_roles(
    frame: Frame,
    ents: list[Ent],
    sent: Sentence,
    ctx: Context,
    view: DocView,
) -> None:
    pats = frame_patterns()
    trig = frame.trigger
    # "Fernhollow, which already owns part of Dravik, said ...": the relative clause's entities
    # are not the sentence's subject.
    inserted = _relative_spans(sent, trig)
    before_ents = [
        e for e in ents if e.end <= trig.start and not any(s <= e.start < t for s, t in inserted)
    ]
    clause_subject = _first_subject(before_ents, sent, frame.start, trig.start)
    before_text = sent.text[sent.rel(frame.start) : sent.rel(trig.start)]
    # "the company", "it": the subject before "said", else the last clear subject of the
    # text. Resolved references come last: a nearest-mention guess is often the target.
    refs = [e for e in before_ents if e.kind == "ref" and e.start >= frame.start]
    if clause_subject is not None:
        subject_name: str | None = clause_subject.name
    elif _PARTY_REF.search(before_text):
        # "The buyer paid $33m": a party of the deal in focus, not the last subject (often
        # the seller); left open, the frame joins that deal as an anaphor.
        subject_name = None
    elif refs or pats.pronoun.search(before_text):
        # the subject of the sentence before the clause (looked for only here, where read)
        outer = [e for e in before_ents if e.kind == "company"]
        sentence_subject = _first_subject(outer, sent, sent.start, frame.start)
        subject_name = (
            (sentence_subject.name if sentence_subject else None)
            or _described(view, before_text, frame.start)
            or ctx.last_subject
            or (refs[0].name if refs else None)
        )
    else:
        first_any = _first_subject(before_ents, sent, sent.start, trig.start)
        subject_name = first_any.name if first_any else None
    owner = _possessor_before(before_ents, sent, trig)
    addressee = None
    if owner and trig.text.lower().split()[0] in _NOUN_TRIGGERS:
        # "Lathrop's purchase", "X's takeover of Y"; "RFS turned down RL's approach": the
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
    # "..., which will give Osprey Cove a stake": a relative clause after the trigger says
    # something about the deal, not who is bought.
    rel = _RELATIVE_AFTER.search(sent.text[sent.rel(trig.end) : sent.rel(frame.end)])
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
        # "sold by Jatoba, the family company that founded Caatinga": after the agent comes only
        # its apposition.
        # its apposition; "bought by X from Y" still names the seller.
        kinds = [(e, k) for e, k in kinds if e.start <= agent_at or k == "seller"]

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
    fam = frame.family
    offer_from = None
    if owner is None and trig.text.lower().split()[-1] in _OFFER_NOUNS and not target:
        # "X rejected a takeover offer from Y", "X received an approach from Y": the offer
        # comes from the bidder and is made for the clause's subject.
        offer_from = first("seller")
    if fam == "sell":
        if agent or passive:
            # "Roughly a third of X was sold to Y", "X has been sold to Y by Z"
            frame.seller = agent
            frame.target = (
                target
                or _stake_in_before(before_ents, sent)
                or (clause_subject.name if clause_subject else None)
            )
            frame.acquirer = first("recipient", person_ok=True)
        else:
            frame.seller = subject_name
            frame.target = target
            frame.acquirer = first("recipient", person_ok=True)
        rest = sent.text[sent.rel(trig.end) :]
        if frame.target is None and (OWN_UNIT.search(rest) or _OWN_STAKE.match(rest)):
            # "sold its paint business to X": part of the seller itself changes hands;
            # "agreed to sell a 9% stake for $45m": a stake in itself (no "in Y" named).
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
        # "secured $18m in funding from X and Y": the first named backer invests.
        frame.acquirer = first("seller")
    elif fam == "lead" and not trig.text.lower().endswith("by"):
        # "X led the $12m series A round in Y": the subject leads, the round's company is "in".
        frame.acquirer = subject_name
        frame.target = target
        frame.actor = subject_name
    elif fam == "lead":
        frame.acquirer = agent or (after[0].name if after else None)
    elif fam == "merge" and (pair := _merger_of(after, sent, trig)) is not None:
        # "blocked the $3bn merger of X and Y": the pair after the noun, not the subject.
        frame.acquirer, frame.target = pair
        frame.actor = pair[0]
    elif fam == "merge":
        frame.acquirer = subject_name
        frame.target = first("partner") or target or _conjoined(before_ents, sent, subject_name)
        frame.actor = subject_name
    elif trig.text.lower().endswith("hands"):
        # "A quarter of X changed hands last year, when Y paid $40m for it": the subject is
        # what is sold; the buyer is "to Y", "by Y" or the one who paid or bought.
        frame.target = _stake_in_before(before_ents, sent) or (
            clause_subject.name if clause_subject else None
        )
        frame.acquirer = first("recipient", "agent", person_ok=True) or _payer(kinds, sent)
        frame.seller = seller
        frame.actor = frame.acquirer
    elif offer_from is not None:
        frame.acquirer, frame.target, frame.seller = offer_from, subject_name, None
        frame.actor = offer_from
    else:
        if agent or passive:
            frame.acquirer = agent
            frame.target = (
                target
                or _stake_in_before(before_ents, sent)
                or (clause_subject.name if clause_subject else None)
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
    """ "has owned Keelson since 2009, when it paid $385m for the business": a reference after
    the trigger means the nearest company named before it in the sentence, when there is one
    (the reference layer's own guess otherwise)."""
    before = [e for e in ents if e.kind == "company" and e.end <= ref.start]
    others = [e for e in before if e.name != subject]
    if len(before) >= 2 and others:
        return Ent(ref.start, ref.end, others[-1].name, "ref")
    return ref


def _described(view: DocView, text: str, at: int) -> str | None:
    """ "the bank" -> the one company the article calls a bank, if exactly one."""
    for m in _THE_NOUN.finditer(text):
        # Only companies described before the reference: "the bank" points back.
        described = view.described_as(m.group(1).lower())
        names = [n for n, first in described.items() if first < at]
        if len(names) == 1:
            return names[0]
    return None


def _relative_spans(sent: Sentence, trig: Trigger) -> list[tuple[int, int]]:
    """Offsets of relative clauses closed before the trigger (", which ... ,")."""
    text = sent.text[: sent.rel(trig.start)]
    return [(sent.start + m.start(), sent.start + m.end()) for m in _RELATIVE_CLAUSE.finditer(text)]


def _conjoined(before_ents: list[Ent], sent: Sentence, first_name: str | None) -> str | None:
    """ "X and Y have agreed to merge": Y."""
    for a, b in itertools.pairwise(before_ents):
        gap = sent.text[sent.rel(a.end) : sent.rel(b.start)]
        if a.name == first_name and _AND_WORD.search(gap) and len(gap) < 40:
            return b.name
    return None


_RELATIVE_AFTER = re.compile(r",\s+(?:which|who)\b")
_THE_NOUN = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?([\w-]+)\b", re.I)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|based\s+in)\b[^,;]*,", re.I)
_AND_WORD = re.compile(r"\band\b")
_POSSESSIVE_GAP = re.compile(r"(?:'s|’s|'|’)\s*(?:[a-z-]+\s+){0,2}")
_POSSESSIVE_SHARES = re.compile(r"(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}?(?:shares|stock)\b", re.I)
#: "the buyer", "the purchaser": a role of the deal in focus, not a company of the text.
_PARTY_REF = Gated(
    re.compile(r"\bthe\s+(?:buyer|buyers|purchaser|acquirer|bidder)\b", re.I),
    frozenset({"buyer", "buyers", "purchaser", "acquirer", "bidder"}),
)
#: The last word of an offer made to a company: "an offer from Y", "a bid from Y".
_OFFER_NOUNS = frozenset({"offer", "bid", "approach", "proposal", "takeover"})
#: "sell a 9% stake for $45m", "sell a minority stake to Y": no "in"/"of" names another company.
_OWN_STAKE = re.compile(
    r"""\s+(?:a|an)\s+(?:[\w.%-]+\s+){0,3}?(?:stake|holding|shareholding|interest)\b
        (?!\s+(?:in|of)\b)""",
    re.I | re.X,
)

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
    """ "A 49% stake in X was bought by ...", "About a third of X was sold": the X of a stake
    before the trigger."""
    for ent in before_ents:
        pre = sent.text[max(0, sent.rel(ent.start) - 30) : sent.rel(ent.start)]
        end = pre.rstrip()[-2:]  # every ``_STAKE_OF`` match ends in "in" or "of" and spaces
        if (not end.isascii() or end.lower() in ("in", "of")) and _STAKE_OF.search(pre):
            return ent.name
    return None


_STAKE_OF = re.compile(
    r"""\b(?:stake|holding|interest|shareholding|of)\s+in\s*$ | \bin\s+$
      | (?:%|\bper\s*cent|\bpercent|\d\s*pc|\bhalf|\bthird|\bquarter|\bfifth|\btenth
         |\bmajority|\bcontrol)\s+of\s+$                       # "a third of X", "40% of X"
    """,
    re.I | re.X,
)
#: "when Y paid $40m for it": a company right before a buying verb.
_PAYS_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:paid|pays|paying|bought|buys|buying|acquired|acquires|purchased)\b", re.I
)


def _payer(kinds: list[tuple[Ent, str]], sent: Sentence) -> str | None:
    for ent, _kind in kinds:
        if _PAYS_AFTER.match(sent.text[sent.rel(ent.end) : sent.rel(ent.end) + 30]):
            return ent.name
    return None


_OF_BETWEEN = re.compile(r"\s+(?:of|between)\s+(?:the\s+)?", re.I)
_AND = re.compile(r"\s+and\s+")


def _merger_of(after: list[Ent], sent: Sentence, trig: Trigger) -> tuple[str, str] | None:
    """ "the merger of X and Y", "a merger between X and Y": the two parties after the noun."""
    if len(after) < 2 or trig.text.lower() not in ("merger", "mergers"):
        return None
    a, b = after[0], after[1]
    head = sent.text[sent.rel(trig.end) : sent.rel(a.start)]
    gap = sent.text[sent.rel(a.end) : sent.rel(b.start)]
    if _OF_BETWEEN.fullmatch(head) and _AND.fullmatch(gap):
        return a.name, b.name
    return None


def _possessor_before(before_ents: list[Ent], sent: Sentence, trig: Trigger) -> str | None:
    """ "Telvanta's holding in Telkari will rise": the owner right before the holding noun."""
    if not before_ents:
        return None
    last = before_ents[-1]
    gap = sent.text[sent.rel(last.end) : sent.rel(trig.start)]
    if _POSSESSIVE_GAP.fullmatch(gap):  # "RL's first approach"
        return last.name
    return None


def _possessor_after(after: list[Ent], sent: Sentence) -> str | None:
    """ "the repurchase of the Group's shares": whose shares are bought back."""
    for ent in after:
        post = sent.text[sent.rel(ent.end) : sent.rel(ent.end) + 40]
        if _POSSESSIVE_SHARES.match(post):
            return ent.name
    return None
