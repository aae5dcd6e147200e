"""The scorer: 1.0 when fed the gold itself, and lower exactly where a field is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractor.evaluation import (
    GoldArticle,
    evaluate_corpus,
    gold_to_record,
    load_gold_corpus,
    score_article,
)
from extractor.evaluation.gate import HEADLINE_METRICS
from extractor.models import ArticleRecord, Company, Deal, Money, Percent, Quote


@pytest.fixture
def golds(mini_corpus: Path) -> list[GoldArticle]:
    return [gold for _, gold in load_gold_corpus(mini_corpus)]


def _perfect(gold: GoldArticle) -> ArticleRecord:
    return gold_to_record(gold)


def _metrics(record: ArticleRecord, gold: GoldArticle) -> dict[str, Any]:
    from extractor.evaluation import CorpusScore

    return CorpusScore(articles=[score_article(record, gold)]).metrics()


def _with(record: ArticleRecord, **changes: Any) -> ArticleRecord:
    return record.model_copy(update=changes)


def _with_deal(record: ArticleRecord, index: int, **changes: Any) -> ArticleRecord:
    deals = list(record.deals)
    deals[index] = deals[index].model_copy(update=changes)
    return _with(record, deals=deals)


def test_evaluate_corpus_gives_one_everywhere_for_the_gold_itself(mini_corpus: Path) -> None:
    score = evaluate_corpus(mini_corpus, predict=lambda path, gold: gold_to_record(gold))
    metrics = score.metrics()
    for name in HEADLINE_METRICS:
        assert metrics[name] == 1.0, name
    assert metrics["false_deals"] == 0
    assert all(not a.wrong and not any(a.missed.values()) for a in score.articles)


def test_score_article_gold_itself_on_dev_corpus(dev_corpus: Path) -> None:
    for _, gold in load_gold_corpus(dev_corpus):
        metrics = _metrics(_perfect(gold), gold)
        assert [k for k in HEADLINE_METRICS if metrics[k] not in (1.0, None)] == [], gold.file


def test_score_article_dropped_company_lowers_recall_only(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _perfect(gold)
    article = score_article(_with(record, companies=record.companies[1:]), gold)
    counts = article.counts["companies"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)
    assert counts.precision == 1.0 and counts.recall == 0.5
    assert article.missed["companies"] == ["Harbour Lantern"]


def test_score_article_changed_price_fails_strict_not_roles(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _with_deal(_perfect(gold), 0, price=Money(amount=55_000_000, currency="USD"))
    metrics = _metrics(record, gold)
    assert metrics["deals_roles_f1"] == 1.0
    assert metrics["deals_strict_f1"] == 0.5
    assert metrics["deal_price_accuracy"] == 0.5
    assert metrics["deal_kind_accuracy"] == 1.0
    article = score_article(record, gold)
    assert any("price predicted USD 55,000,000, gold USD 50,000,000" in w for w in article.wrong)


def test_score_article_swapped_speakers(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _perfect(gold)
    first, second = record.quotes
    swapped = [
        first.model_copy(update={"speaker": second.speaker}),
        second.model_copy(update={"speaker": first.speaker}),
    ]
    metrics = _metrics(_with(record, quotes=swapped), gold)
    assert metrics["quotes_f1"] == 1.0
    assert metrics["speaker_accuracy"] == 0.0


def test_score_article_group_speaker_compared_as_set(golds: list[GoldArticle]) -> None:
    gold = golds[1]
    record = _perfect(gold)
    quote = record.quotes[0]
    reordered = quote.model_copy(update={"speaker": ["Brnik Holdings", "Marrow & Finch Group"]})
    assert _metrics(_with(record, quotes=[reordered]), gold)["speaker_accuracy"] == 1.0
    one = quote.model_copy(update={"speaker": "Brnik"})
    assert _metrics(_with(record, quotes=[one]), gold)["speaker_accuracy"] == 0.0


def test_score_article_wrong_consistency_verdict(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    metrics = _metrics(_with_deal(_perfect(gold), 0, valuation_consistent=False), gold)
    assert metrics["deal_consistency_accuracy"] == 0.5
    assert metrics["deals_strict_f1"] == 1.0


WRONG_DEAL_FIELDS = [
    ("seller", {"seller": "Quillfeather"}),
    ("kind", {"kind": "acquisition"}),
    ("status", {"status": "completed"}),
    ("year", {"year": 2019}),
    ("stake", {"stake": Percent(value=30.0)}),
    ("stake_after", {"stake_after": Percent(value=60.0)}),
    ("price", {"price": Money(amount=51_000_000, currency="USD")}),
    ("valuation", {"valuation": Money(amount=300_000_000, currency="USD", qualifier="about")}),
    ("implied_valuation", {"implied_valuation": Money(amount=210_000_000, currency="USD")}),
]


@pytest.mark.parametrize(
    ("field", "change"), WRONG_DEAL_FIELDS, ids=[f for f, _ in WRONG_DEAL_FIELDS]
)
def test_score_article_each_wrong_deal_field_lowers_only_its_score(
    golds: list[GoldArticle], field: str, change: dict[str, Any]
) -> None:
    """One wrong field of one deal out of two: its accuracy halves, the other fields stay 1.0."""
    gold = golds[0]
    metrics = _metrics(_with_deal(_perfect(gold), 0, **change), gold)
    assert metrics[f"deal_{field}_accuracy"] == 0.5
    assert metrics["deals_roles_f1"] == 1.0
    others = [name for name, _ in WRONG_DEAL_FIELDS if name != field]
    assert {name: metrics[f"deal_{name}_accuracy"] for name in others} == dict.fromkeys(others, 1.0)


def test_score_article_wrong_date(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    assert gold.published is not None
    wrong = _with(_perfect(gold), published=gold.published.replace(day=gold.published.day % 28 + 1))
    assert _metrics(wrong, gold)["date_accuracy"] == 0.0
    assert _metrics(_with(_perfect(gold), published=None), gold)["date_accuracy"] == 0.0


def test_score_article_wrong_title(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    assert (
        _metrics(_with(_perfect(gold), title="Lantern sells robots"), gold)["title_accuracy"] == 0.0
    )
    # Case, spacing and quote marks do not matter.
    loose = _with(_perfect(gold), title="  LANTERN buys quarter of robot maker “Quillfeather” ")
    assert _metrics(loose, gold)["title_accuracy"] == 1.0


def test_score_article_valuation_qualifier_counts(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    valuation = Money(amount=200_000_000, currency="USD", qualifier="over")
    metrics = _metrics(_with_deal(_perfect(gold), 0, valuation=valuation), gold)
    assert metrics["deal_valuation_accuracy"] == 0.5


def test_score_article_names_match_through_aliases_both_sides(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _perfect(gold)
    # The extractor calls the acquirer by another name and lists the gold name as an alias.
    companies = [
        Company(name="HL Partners", aliases=["Harbour Lantern Ltd"]),
        Company(name="Quillfeather Robotics Inc"),
    ]
    record = _with(record, companies=companies)
    record = _with_deal(record, 0, acquirer="HL Partners")
    record = _with_deal(record, 1, acquirer="Lantern's", target="Quillfeather Robotics")
    metrics = _metrics(record, gold)
    assert metrics["companies_f1"] == 1.0
    assert metrics["deals_strict_f1"] == 1.0


def test_score_article_extra_deal_and_false_deal(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _perfect(gold)
    revenue = Deal(
        acquirer="Harbour Lantern",
        target="Quillfeather",
        kind="acquisition",
        status="agreed",
        price=Money(amount=12_000_000, currency="USD"),
    )
    article = score_article(_with(record, deals=[*record.deals, revenue]), gold)
    counts = article.counts["deals_roles"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)
    assert len(article.false_deals) == 1
    assert "revenue" in article.false_deals[0]


def test_score_article_pairs_deals_by_agreement_not_order(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _perfect(gold)
    metrics = _metrics(_with(record, deals=list(reversed(record.deals))), gold)
    assert metrics["deals_strict_f1"] == 1.0
    assert metrics["deal_year_accuracy"] == 1.0


def test_score_article_quote_matched_by_prefix(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    quotes = [
        Quote(
            text="“This gives us the ARMS we were missing,”", speaker="Opal Fenwick", start=0, end=9
        ),
        Quote(text="We keep", speaker="Rufus Baines", start=0, end=7),
    ]
    article = score_article(_with(_perfect(gold), quotes=quotes), gold)
    counts = article.counts["quotes"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)


def test_score_article_empty_prediction(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    metrics = _metrics(ArticleRecord(), gold)
    assert metrics["companies_f1"] == 0.0 and metrics["companies_precision"] == 0.0
    assert metrics["speaker_accuracy"] is None
    assert metrics["title_accuracy"] == 0.0


def test_score_article_role_and_organization(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _perfect(gold)
    people = [
        record.people[0].model_copy(update={"role": "CEO", "organization": "Lantern"}),
        record.people[1].model_copy(update={"role": "chairman", "organization": None}),
    ]
    metrics = _metrics(_with(record, people=people), gold)
    assert metrics["role_accuracy"] == 0.5
    assert metrics["organization_accuracy"] == 0.5


def test_score_article_stake_in_words_tolerance(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _with_deal(_perfect(gold), 0, stake=Percent(value=25.004))
    assert _metrics(record, gold)["deal_stake_accuracy"] == 1.0


def test_score_article_overall_counts_missed_items_as_wrong(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    record = _perfect(gold)
    metrics = _metrics(_with(record, deals=record.deals[:1], quotes=record.quotes[:1]), gold)
    assert metrics["deal_year_accuracy"] == 1.0
    assert metrics["deal_year_overall"] == 0.5
    assert metrics["speaker_accuracy"] == 1.0
    assert metrics["speaker_overall"] == 0.5
    empty = _metrics(ArticleRecord(), gold)
    assert empty["speaker_accuracy"] is None and empty["speaker_overall"] == 0.0


def test_gold_to_record_keeps_fractional_and_whole_amounts(golds: list[GoldArticle]) -> None:
    gold = golds[0]
    price = gold.deals[0].price
    assert price is not None
    fractional = gold.model_copy(
        update={
            "deals": [
                gold.deals[0].model_copy(update={"price": price.model_copy(update={"amount": 4.5})})
            ]
        }
    )
    record = gold_to_record(fractional)
    assert record.deals[0].price is not None and record.deals[0].price.amount == 4.5
    whole = gold_to_record(gold).deals[0].price
    assert whole is not None and isinstance(whole.amount, int)
