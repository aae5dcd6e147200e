"""``extractor_deals``: deal records, their derived valuations and checks, and figure roles.

Reads the sentences, companies, people, money, percentages and years that earlier components
put on the Doc; writes ``Doc._.extractor_deals`` (list of DealFact) and the role of every
amount and percentage (``Doc._.extractor_amount_roles`` / ``extractor_percent_roles``, keyed
by ``(start_char, end_char)``).

How: each sentence's deal triggers become frames (deal_frames: roles by word order and cue
patterns, figures by their cues); frames and cued trigger-less sentences merge into deals
(deal_merge); pure checks (extractor.checks) derive the implied valuation and test the
figures against each other.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.deal_frames import Context, Frame, find_frames
from extractor.components.deal_merge import DealBuilder
from extractor.components.deal_patterns import frame_patterns
from extractor.components.deal_roles import context_role, new_document, percent_is_change
from extractor.components.deal_triggers import trigger_patterns
from extractor.components.deal_view import DocView, Sentence, build_view
from extractor.components.deal_words import Gated, read_in
from extractor.facts import DealFact, Offsets

logger = logging.getLogger(__name__)

_VALUES = re.compile(r"\bvalu(?:es|ed|ing)\b", re.I)
_VERBS = (
    "values?|valued|valuing|said|says|is|was|are|were|has|have|had|will|would|bought|"
    "sold|paid|owns|made|reported|announced"
)
_VERB_BEFORE = Gated(
    re.compile(rf"\b(?:{_VERBS})\b", re.I),
    frozenset({"value", "values", *_VERBS.split("|")[1:]}),
)
#: A sentence that opens with a pronoun ("It paid", "In 2019 it bought") keeps the subject.
_PRONOUN_START = re.compile(
    r"""\s*(?:(?:in|by|since|last|earlier)\s+[^,]{0,30}?,?\s+)?   # "In 2019 it", "Last year, it"
        (?:it|its|they|their|the\s+(?:company|group|firm|bank))\b""",
    re.I | re.X,
)


@Language.factory(
    "extractor_deals",
    default_config={},
    requires=["token.is_sent_start"],
    assigns=[
        "doc._.extractor_deals",
        "doc._.extractor_amount_roles",
        "doc._.extractor_percent_roles",
    ],
)
def make_deals(nlp: Language, name: str) -> DealsComponent:
    return DealsComponent()


class DealsComponent:
    """Finds deals in a Doc whose entities and figures are already marked."""

    def __init__(self) -> None:
        for ext in ("extractor_deals", "extractor_amount_roles", "extractor_percent_roles"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)
        frame_patterns()  # compile the lexicons now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        new_document()
        view = build_view(doc)
        deals = find_deals(view)
        doc._.extractor_deals = deals
        doc._.extractor_amount_roles = amount_roles(view, deals)
        doc._.extractor_percent_roles = percent_roles(view, deals)
        return doc


def find_deals(view: DocView) -> list[DealFact]:
    """All deals of a document, in the order they are first mentioned."""
    builder = DealBuilder(view)
    ctx = Context(functools.partial(sentence_subject, view))
    firsts = trigger_patterns().first_words
    no_frames: list[Frame] = []
    for sent in view.sentences:
        words = read_in(sent.text)  # most cue searches read pieces of the sentence
        if firsts.isdisjoint(words):
            # No trigger word, no frame (``find_frames``' own first test), and most sentences
            # of an article have none: only their cued figures are read.
            builder.add_cued_figures(sent, [])
            ctx.add(sent, no_frames)
            continue
        frames = find_frames(view, sent, ctx)
        for frame in frames:
            builder.add_frame(frame)
        covered = [(f.start, f.end) for f in frames]
        builder.add_cued_figures(sent, covered)
        ctx.add(sent, frames)
    return builder.finish()


def sentence_subject(view: DocView, sent: Sentence, framed: bool, actor: str | None) -> str | None:
    """The subject company a sentence leaves for pronouns in the sentences after it, or None
    when it leaves the earlier one (``framed``: the sentence has frames, ``actor`` the first
    frame's actor unless a person)."""
    if not framed and not view.in_range(view.ents, sent.start, sent.end):
        return None  # no company and no frame: nothing to remember either way
    if _PRONOUN_START.match(sent.text):
        return None  # "It paid $1.8bn for Blockwerk": a sentence opened by a pronoun keeps it
    return _subject_of(view, sent) or actor


def _subject_of(view: DocView, sent: Sentence) -> str | None:
    """The first company of a sentence that is not a modifier ("QV deal", "HA shares")."""
    ents = view.in_range(view.ents, sent.start, sent.end)
    if not ents:
        return None
    pats = frame_patterns()
    if len(sent.text.split()) < 8 and sent.text.rstrip()[-1:] not in ".!?\"”’'":
        return None  # a crosshead ("Option over Marula Packaging") names no subject
    for ent in ents:
        if ent.kind == "person":
            continue
        if _VERB_BEFORE.search(view.text[sent.start : ent.start]):
            # "The consideration values Tshepiso": an object, not the subject; but "The
            # ruling is a setback for Rusk, which ..." leaves Rusk the topic for "It".
            companies = {e.name for e in view.in_range(view.ents, sent.start, sent.end)}
            if len(companies) == 1 and not _VALUES.search(sent.text):
                return ent.name
            return None
        post = view.text[ent.end : ent.end + 30]
        if pats.modifier_after.search(post) or pats.relation_after.search(post):
            continue
        return ent.name
    return None


def amount_roles(view: DocView, deals: list[DealFact]) -> dict[Offsets, str]:
    """The role of every money figure: from the deals first, else from the words around it."""
    roles: dict[Offsets, str] = {}
    for deal in deals:
        if deal.price is not None:
            roles[(deal.price.start, deal.price.end)] = (
                "per_share_price" if deal.price.value.per_share else "price"
            )
        for alt in deal.price_alternates:
            roles[(alt.start, alt.end)] = "price_alternate"
        if deal.valuation is not None:
            roles.setdefault((deal.valuation.start, deal.valuation.end), "valuation")
    for item in view.money:
        key = (item.start, item.end)
        if key in roles:
            continue
        if item.value.per_share:
            roles[key] = "per_share_price"
            continue
        sent = _sentence_of(view, item.start)
        before = view.text[sent[0] : item.start]
        after = view.text[item.end : sent[1]]
        roles[key] = context_role(before, after) or "other"
    return roles


def percent_roles(view: DocView, deals: list[DealFact]) -> dict[Offsets, str]:
    """The role of every percentage: stake or holding after for deals, else change or other."""
    roles: dict[Offsets, str] = {}
    for deal in deals:
        if deal.stake is not None:
            roles[(deal.stake.start, deal.stake.end)] = "stake"
        if deal.stake_after is not None:
            roles.setdefault((deal.stake_after.start, deal.stake_after.end), "stake_after")
    for item in view.percents:
        key = (item.start, item.end)
        if key in roles:
            continue
        sent = _sentence_of(view, item.start)
        before = view.text[sent[0] : item.start]
        after = view.text[item.end : sent[1]]
        roles[key] = "change" if item.value.points or percent_is_change(before, after) else "other"
    return roles


def _sentence_of(view: DocView, offset: int) -> Offsets:
    # The sentences are sorted and do not overlap: only the last one starting at or before
    # ``offset`` can hold it.
    i = bisect.bisect_right(view.sentence_starts, offset) - 1
    if i >= 0 and offset < view.sentences[i].end:
        return (view.sentences[i].start, view.sentences[i].end)
    return (0, len(view.text))
