"""Score one predicted ``ArticleRecord`` against its gold annotation, and sum over a corpus.

Definitions (also in the README's evaluation section):

- companies: one-to-one match of predicted to gold companies; names and aliases of both sides
  are compared with ``names_match`` (legal suffixes, possessive, case, accents ignored).
- people: one-to-one match by name. Role accuracy is over matched people whose gold role is
  stated (``roles_match``: abbreviations expanded, "officer" ignored, a longer predicted title
  that contains the gold one counts); organization accuracy likewise, names via the matcher.
- quotes: a predicted quote matches a gold quote when its normalised text starts with the
  gold ``starts_with``; speaker accuracy is over matched quotes, speakers compared as sets
  (null only equals null).
- deals: a predicted deal can be paired with a gold deal when acquirer and target both agree
  (null agrees only with null). Pairs are chosen greedily by how many other fields agree.
  "deals (roles)" counts every pair as a hit; "deals (strict)" also needs stake and price
  right. Field accuracies (seller, kind, status, year, stake, stake_after, price, valuation
  with qualifier, implied valuation, consistency verdict) are over the pairs; a field right
  means equal, both null included.
- title/date/publisher: per article, title and publisher compared normalised.
- false deals: predicted deal prices equal (within tolerance) to a gold non-deal amount.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractor.evaluation.gold import GoldArticle, GoldDeal
from extractor.evaluation.matching import (
    money_match,
    names_match,
    normalise_name,
    normalise_text,
    percent_match,
    roles_match,
)
from extractor.models import ArticleRecord, Deal

COUNT_METRICS = ("companies", "people", "deals_roles", "deals_strict", "quotes")
DEAL_FIELDS = (
    "seller",
    "kind",
    "status",
    "year",
    "stake",
    "stake_after",
    "price",
    "valuation",
    "implied_valuation",
    "consistency",
)
ACCURACY_METRICS = (
    "speaker",
    "role",
    "organization",
    *(f"deal_{name}" for name in DEAL_FIELDS),
    "title",
    "date",
    "publisher",
)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one matched category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        # Nothing predicted is perfect precision only when nothing was there to find.
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass
class Accuracy:
    """Right answers out of the matched items a field is judged on (``value``), and out of
    every gold item that has the field (``overall``: a missed item counts as wrong).

    ``value`` says how good the extractor is at a field once it found the item; ``overall``
    is what the gate pins, because ``value`` can fall when matching improves (newly found,
    harder items join the judged ones), while ``overall`` only moves with real gains or losses.
    """

    correct: int = 0
    total: int = 0
    possible: int = 0

    def add(self, other: Accuracy) -> None:
        self.correct, self.total = self.correct + other.correct, self.total + other.total
        self.possible += other.possible

    def judge(self, right: bool) -> None:
        self.total += 1
        self.correct += int(right)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def overall(self) -> float | None:
        return self.correct / self.possible if self.possible else None


@dataclass
class ArticleScore:
    """One article's counts, accuracies and the human-readable differences behind them."""

    name: str
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in COUNT_METRICS})
    accuracy: dict[str, Accuracy] = field(
        default_factory=lambda: {k: Accuracy() for k in ACCURACY_METRICS}
    )
    missed: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)
    false_deals: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class CorpusScore:
    """Sums over a corpus; ``metrics()`` gives the flat, micro-averaged headline numbers."""

    articles: list[ArticleScore] = field(default_factory=list)

    def totals(self) -> tuple[dict[str, Counts], dict[str, Accuracy]]:
        counts = {k: Counts() for k in COUNT_METRICS}
        accuracy = {k: Accuracy() for k in ACCURACY_METRICS}
        for article in self.articles:
            for k, c in article.counts.items():
                counts[k].add(c)
            for k, a in article.accuracy.items():
                accuracy[k].add(a)
        return counts, accuracy

    def metrics(self) -> dict[str, float | int | None]:
        counts, accuracy = self.totals()
        out: dict[str, float | int | None] = {}
        for k, c in counts.items():
            out[f"{k}_precision"] = c.precision
            out[f"{k}_recall"] = c.recall
            out[f"{k}_f1"] = c.f1
        for k, a in accuracy.items():
            out[f"{k}_accuracy"] = a.value
        for k, a in accuracy.items():
            out[f"{k}_overall"] = a.overall
        out["false_deals"] = sum(len(a.false_deals) for a in self.articles)
        out["articles"] = len(self.articles)
        out["failed_articles"] = sum(a.error is not None for a in self.articles)
        return out


# --- names on each side, with aliases --------------------------------------------------------


class _Names:
    """Expands a name into itself plus the aliases its side lists for that company."""

    def __init__(self, companies: Iterable[tuple[str, Sequence[str]]]) -> None:
        self._forms: dict[str, list[str]] = {}
        for name, aliases in companies:
            forms = [name, *aliases]
            for form in forms:
                self._forms.setdefault(normalise_name(form), []).extend(forms)

    def forms(self, name: str | None) -> list[str]:
        if name is None:
            return []
        return [name, *self._forms.get(normalise_name(name), [])]

    def match(self, predicted: str | None, gold: str | None, gold_names: _Names) -> bool:
        if predicted is None or gold is None:
            return predicted is None and gold is None
        return names_match(self.forms(predicted), gold_names.forms(gold))

    def match_speakers(
        self, predicted: str | list[str] | None, gold: str | list[str] | None, gold_names: _Names
    ) -> bool:
        pred = _as_list(predicted)
        want = _as_list(gold)
        if len(pred) != len(want):
            return False
        pairs = _pair(pred, want, lambda p, g: self.match(p, g, gold_names))
        return len(pairs) == len(want)


def _as_list(speaker: str | list[str] | None) -> list[str]:
    if speaker is None:
        return []
    return [speaker] if isinstance(speaker, str) else list(speaker)


def _pair(
    predicted: Sequence[Any], gold: Sequence[Any], agree: Callable[[Any, Any], bool]
) -> dict[int, int]:
    """Greedy one-to-one pairing in gold order: gold index -> predicted index."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and agree(p, g):
                pairs[gi] = pi
                used.add(pi)
                break
    return pairs


def _tally(counts: Counts, n_pred: int, n_gold: int, n_pairs: int) -> None:
    counts.tp += n_pairs
    counts.fp += n_pred - n_pairs
    counts.fn += n_gold - n_pairs


# --- deals ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DealView:
    """Both sides' deals in one shape, so one comparison serves predicted and gold deals."""

    acquirer: str | None
    target: str | None
    seller: str | None
    kind: str
    status: str
    year: int | None
    stake: float | None
    stake_after: float | None
    price: tuple[float, str | None] | None
    valuation: tuple[float, str | None, str | None] | None
    implied: tuple[float, str | None] | None
    consistent: bool | None

    def label(self) -> str:
        price = f", {_money(self.price)}" if self.price else ""
        stake = f", {self.stake:g}%" if self.stake is not None else ""
        return (
            f"{self.acquirer or '?'} -> {self.target or '?'} "
            f"({self.kind}, {self.status}{stake}{price})"
        )


def _money(value: tuple[Any, ...] | None) -> str:
    if value is None:
        return "null"
    text = f"{value[1]} {value[0]:,.0f}"
    return f"{text} ({value[2]})" if len(value) > 2 and value[2] else text


def _view(deal: Deal | GoldDeal, stake: float | None, stake_after: float | None) -> _DealView:
    """The view of either side's deal; only the stakes are stored differently on each side."""

    def money(m: Any) -> tuple[float, str | None] | None:
        return None if m is None else (float(m.amount), m.currency)

    valuation = deal.valuation
    return _DealView(
        acquirer=deal.acquirer,
        target=deal.target,
        seller=deal.seller,
        kind=deal.kind,
        status=deal.status,
        year=deal.year,
        stake=stake,
        stake_after=stake_after,
        price=money(deal.price),
        valuation=None
        if valuation is None
        else (float(valuation.amount), valuation.currency, valuation.qualifier),
        implied=money(deal.implied_valuation),
        consistent=deal.valuation_consistent,
    )


def _view_predicted(deal: Deal) -> _DealView:
    return _view(
        deal,
        stake=deal.stake.value if deal.stake else None,
        stake_after=deal.stake_after.value if deal.stake_after else None,
    )


def _view_gold(deal: GoldDeal) -> _DealView:
    return _view(deal, stake=deal.stake_percent, stake_after=deal.stake_after_percent)


def _money_agree(p: tuple[Any, ...] | None, g: tuple[Any, ...] | None) -> bool:
    if p is None or g is None:
        return p is None and g is None
    return money_match(p[0], p[1], g[0], g[1])


def _deal_fields(
    p: _DealView, g: _DealView, pred_names: _Names, gold_names: _Names
) -> dict[str, bool]:
    valuation = _money_agree(p.valuation, g.valuation) and (
        (p.valuation is None) or (g.valuation is not None and p.valuation[2] == g.valuation[2])
    )
    return {
        "seller": pred_names.match(p.seller, g.seller, gold_names),
        "kind": p.kind == g.kind,
        "status": p.status == g.status,
        "year": p.year == g.year,
        "stake": percent_match(p.stake, g.stake),
        "stake_after": percent_match(p.stake_after, g.stake_after),
        "price": _money_agree(p.price, g.price),
        "valuation": valuation,
        "implied_valuation": _money_agree(p.implied, g.implied),
        "consistency": p.consistent == g.consistent,
    }


def _field_value(view: _DealView, name: str) -> str:
    value = {
        "seller": view.seller,
        "kind": view.kind,
        "status": view.status,
        "year": view.year,
        "stake": view.stake,
        "stake_after": view.stake_after,
        "price": _money(view.price),
        "valuation": _money(view.valuation),
        "implied_valuation": _money(view.implied),
        "consistency": view.consistent,
    }[name]
    return "null" if value is None else str(value)


def _score_deals(
    score: ArticleScore,
    predicted: list[_DealView],
    gold: list[_DealView],
    pred_names: _Names,
    gold_names: _Names,
) -> None:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pred_names.match(p.acquirer, g.acquirer, gold_names) and pred_names.match(
                p.target, g.target, gold_names
            ):
                fields = _deal_fields(p, g, pred_names, gold_names)
                # Stake and price weigh double: they decide the strict match.
                weight = sum(fields.values()) + fields["stake"] + fields["price"]
                candidates.append((-weight, gi, pi, fields))
    candidates.sort(key=lambda c: c[:3])
    used_g: set[int] = set()
    used_p: set[int] = set()
    strict = 0
    for _, gi, pi, fields in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        strict += fields["stake"] and fields["price"]
        for name, right in fields.items():
            score.accuracy[f"deal_{name}"].judge(right)
            if not right:
                score.wrong.append(
                    f"deal {gold[gi].label()}: {name} predicted "
                    f"{_field_value(predicted[pi], name)}, gold {_field_value(gold[gi], name)}"
                )
    for name in DEAL_FIELDS:
        score.accuracy[f"deal_{name}"].possible = len(gold)
    _tally(score.counts["deals_roles"], len(predicted), len(gold), len(used_g))
    _tally(score.counts["deals_strict"], len(predicted), len(gold), strict)
    score.missed["deals"] = [g.label() for i, g in enumerate(gold) if i not in used_g]
    score.extra["deals"] = [p.label() for i, p in enumerate(predicted) if i not in used_p]


# --- the article ------------------------------------------------------------------------------


def _same_text(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return normalise_text(predicted) == normalise_text(gold)


def _judge(
    score: ArticleScore, metric: str, predicted: Any, gold: Any, right: bool, of: str = ""
) -> None:
    score.accuracy[metric].judge(right)
    if not right:
        where = f" of {of}" if of else ""
        score.wrong.append(f"{metric}{where}: predicted {predicted!r}, gold {gold!r}")


def score_article(predicted: ArticleRecord, gold: GoldArticle) -> ArticleScore:
    """Compare one predicted record with its gold annotation.

    Args:
        predicted: what the extractor produced for the article.
        gold: the validated gold annotation of the same article.

    Returns:
        Counts, accuracies and the lists of missed, extra and wrong items.
    """
    score = ArticleScore(name=gold.file)
    pred_names = _Names((c.name, c.aliases) for c in predicted.companies)
    gold_names = _Names((c.name, c.aliases) for c in gold.companies)

    # Companies: exact-name pairs first, then pairs through aliases.
    def company_exact(p: Any, g: Any) -> bool:
        return normalise_name(p.name) == normalise_name(g.name)

    def company_alias(p: Any, g: Any) -> bool:
        return names_match([p.name, *p.aliases], [g.name, *g.aliases])

    pairs = _pair(predicted.companies, gold.companies, company_exact)
    rest_g = [i for i in range(len(gold.companies)) if i not in pairs]
    rest_p = [i for i in range(len(predicted.companies)) if i not in pairs.values()]
    more = _pair(
        [predicted.companies[i] for i in rest_p],
        [gold.companies[i] for i in rest_g],
        company_alias,
    )
    pairs.update({rest_g[g]: rest_p[p] for g, p in more.items()})
    _tally(score.counts["companies"], len(predicted.companies), len(gold.companies), len(pairs))
    score.missed["companies"] = [c.name for i, c in enumerate(gold.companies) if i not in pairs]
    used = set(pairs.values())
    score.extra["companies"] = [c.name for i, c in enumerate(predicted.companies) if i not in used]

    # People, then role and organization of the matched ones.
    pairs = _pair(predicted.people, gold.people, lambda p, g: names_match([p.name], [g.name]))
    _tally(score.counts["people"], len(predicted.people), len(gold.people), len(pairs))
    score.missed["people"] = [p.name for i, p in enumerate(gold.people) if i not in pairs]
    used = set(pairs.values())
    score.extra["people"] = [p.name for i, p in enumerate(predicted.people) if i not in used]
    score.accuracy["role"].possible = sum(p.role is not None for p in gold.people)
    score.accuracy["organization"].possible = sum(p.organization is not None for p in gold.people)
    for gi, pi in pairs.items():
        g, p = gold.people[gi], predicted.people[pi]
        if g.role is not None:
            _judge(score, "role", p.role, g.role, roles_match(p.role, g.role), g.name)
        if g.organization is not None:
            right = pred_names.match(p.organization, g.organization, gold_names)
            _judge(score, "organization", p.organization, g.organization, right, g.name)

    # Quotes, then their speakers.
    def quote_starts(p: Any, g: Any) -> bool:
        return normalise_text(p.text).startswith(normalise_text(g.starts_with))

    pairs = _pair(predicted.quotes, gold.quotes, quote_starts)
    _tally(score.counts["quotes"], len(predicted.quotes), len(gold.quotes), len(pairs))
    score.missed["quotes"] = [
        f"“{q.starts_with}…” ({q.speaker})" for i, q in enumerate(gold.quotes) if i not in pairs
    ]
    used = set(pairs.values())
    score.extra["quotes"] = [
        f"“{q.text[:60]}…” ({q.speaker})" for i, q in enumerate(predicted.quotes) if i not in used
    ]
    score.accuracy["speaker"].possible = len(gold.quotes)
    for gi, pi in pairs.items():
        g, p = gold.quotes[gi], predicted.quotes[pi]
        right = pred_names.match_speakers(p.speaker, g.speaker, gold_names)
        score.accuracy["speaker"].judge(right)
        if not right:
            score.wrong.append(
                f"speaker of “{g.starts_with}…”: predicted {p.speaker!r}, gold {g.speaker!r}"
            )

    _score_deals(
        score,
        [_view_predicted(d) for d in predicted.deals],
        [_view_gold(d) for d in gold.deals],
        pred_names,
        gold_names,
    )

    for metric in ("title", "date", "publisher"):
        score.accuracy[metric].possible = 1
    _judge(score, "title", predicted.title, gold.title, _same_text(predicted.title, gold.title))
    pred_date = predicted.published.isoformat() if predicted.published else None
    gold_date = gold.published.isoformat() if gold.published else None
    _judge(score, "date", pred_date, gold_date, pred_date == gold_date)
    right = _same_text(predicted.publisher, gold.publisher)
    _judge(score, "publisher", predicted.publisher, gold.publisher, right)

    for deal in predicted.deals:
        if deal.price is None:
            continue
        for amount in gold.non_deal_amounts:
            if money_match(deal.price.amount, deal.price.currency, amount.amount, amount.currency):
                what = f" ({amount.what})" if amount.what else ""
                score.false_deals.append(
                    f"{_view_predicted(deal).label()}: price is a non-deal amount{what}"
                )
                break
    return score
