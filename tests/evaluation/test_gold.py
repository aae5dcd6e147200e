"""Gold validation: every kind of format problem is reported, clearly, all at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import ExtractorError
from extractor.evaluation import GoldFormatError, load_gold_corpus

A1 = "a1-lantern-quillfeather.json"


def _edit(corpus: Path, name: str, change: Any) -> None:
    path = corpus / "gold" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _problems(corpus: Path) -> list[str]:
    with pytest.raises(GoldFormatError) as info:
        load_gold_corpus(corpus)
    return info.value.problems


def test_load_gold_corpus_reads_valid_corpus(mini_corpus: Path) -> None:
    loaded = load_gold_corpus(mini_corpus)
    assert [path.name for path, _ in loaded] == [
        "a1-lantern-quillfeather.txt",
        "a2-marrow-sale.html",
    ]
    gold = loaded[0][1]
    assert gold.deals[0].price is not None and gold.deals[0].price.amount == 50_000_000
    assert gold.published is not None and gold.published.isoformat() == "2024-05-06"
    assert all(path.is_file() for path, _ in loaded)


def _drop_status(d: dict[str, Any]) -> None:
    del d["deals"][0]["status"]


def _set(path: list[Any], value: Any) -> Any:
    def change(d: dict[str, Any]) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


CASES = [
    ("missing-key", _drop_status, ["$.deals[0].status", "required key is missing"]),
    ("unknown-kind", _set(["deals", 0, "kind"], "takeover"), ["$.deals[0].kind", "takeover"]),
    ("stake-over-100", _set(["deals", 0, "stake_percent"], 125), ["$.deals[0].stake_percent"]),
    (
        "bad-currency",
        _set(["deals", 0, "price", "currency"], "USX"),
        ["$.deals[0].price.currency", "ISO 4217", "USX"],
    ),
    (
        "lower-case-currency",
        _set(["non_deal_amounts", 0, "currency"], "usd"),
        ["$.non_deal_amounts[0].currency"],
    ),
    (
        "file-missing",
        _set(["file"], "a9-nowhere.txt"),
        ["$.file", "a9-nowhere.txt", "does not exist"],
    ),
    ("extra-key", _set(["deals", 0, "price_usd"], 5), ["$.deals[0].price_usd", "unknown key"]),
    (
        "unknown-qualifier",
        _set(["deals", 0, "valuation", "qualifier"], "roughly"),
        ["$.deals[0].valuation.qualifier"],
    ),
    ("bad-date", _set(["published"], "6 May 2024"), ["$.published"]),
    (
        "party-not-listed",
        _set(["deals", 0, "acquirer"], "Lantern Holdings"),
        ["$.deals[0].acquirer", "Lantern Holdings", "not the name"],
    ),
    (
        "company-twice",
        lambda d: d["companies"].append({"name": "Harbour Lantern Ltd", "aliases": []}),
        ["$.companies[2].name", "listed twice"],
    ),
    (
        "implied-valuation-off",
        _set(["deals", 0, "implied_valuation", "amount"], 250000000),
        ["$.deals[0].implied_valuation", "200,000,000"],
    ),
    (
        "implied-valuation-without-stake",
        _set(["deals", 1, "stake_percent"], None),
        ["$.deals[1].implied_valuation", "must be null"],
    ),
    (
        "verdict-without-valuation",
        _set(["deals", 1, "valuation_consistent"], False),
        ["$.deals[1].valuation_consistent", "must be null"],
    ),
    (
        "speaker-not-listed",
        _set(["quotes", 1, "speaker"], "R. Baines"),
        ["$.quotes[1].speaker", "R. Baines"],
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_load_gold_corpus_reports_problem(
    mini_copy: Path, change: Any, expected: list[str]
) -> None:
    _edit(mini_copy, A1, change)
    problems = _problems(mini_copy)
    assert len(problems) == 1, problems
    assert problems[0].startswith(A1)
    for part in expected:
        assert part in problems[0]


def test_load_gold_corpus_lists_every_problem_of_every_file(mini_copy: Path) -> None:
    def two_problems(d: dict[str, Any]) -> None:
        d["deals"][0]["kind"] = "takeover"
        d["deals"][1]["stake_percent"] = 140

    _edit(mini_copy, A1, two_problems)
    (mini_copy / "gold" / "a2-marrow-sale.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        load_gold_corpus(mini_copy)
    problems = info.value.problems
    assert len(problems) == 3
    assert any("$.deals[1].stake_percent" in p for p in problems)
    assert any(p.startswith("a2-marrow-sale.json") and "JSON" in p for p in problems)
    message = str(info.value)
    assert message.startswith("3 problem(s) in the gold data")
    assert isinstance(info.value, ExtractorError)


def test_name_and_file_problems_are_listed_with_the_format_problems(mini_copy: Path) -> None:
    """One run shows them all: a typo in a kind does not hide an unlisted party or speaker."""

    def mixed(d: dict[str, Any]) -> None:
        d["deals"][0]["kind"] = "takeover"  # a format problem
        d["deals"][0]["acquirer"] = "Harbour Lanterns"  # not a listed name
        d["quotes"][0]["speaker"] = ["Opal Fenwick", "Nobody Known"]  # one unlisted speaker
        d["quotes"][1]["speaker"] = 7  # a wrong shape: reported once, by the format check
        d["file"] = "no-such-article.txt"

    _edit(mini_copy, A1, mixed)
    problems = _problems(mini_copy)
    assert any("$.deals[0].kind" in p for p in problems)
    assert any("$.deals[0].acquirer: 'Harbour Lanterns' is not the name" in p for p in problems)
    assert any("$.quotes[0].speaker: 'Nobody Known' is not the name" in p for p in problems)
    assert not any("'Opal Fenwick' is not" in p for p in problems)
    assert any("$.file: 'no-such-article.txt' does not exist" in p for p in problems)
    assert all(p.startswith(A1) for p in problems)


def test_load_gold_corpus_rejects_folder_that_is_not_a_corpus(tmp_path: Path) -> None:
    problems = _problems(tmp_path)
    assert "articles/ and gold/" in problems[0]


def test_load_gold_corpus_warns_about_article_without_gold(
    mini_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (mini_copy / "articles" / "a3-unannotated.txt").write_text("Nothing here.", encoding="utf-8")
    assert len(load_gold_corpus(mini_copy)) == 2
    assert "a3-unannotated.txt has no gold file" in caplog.text
