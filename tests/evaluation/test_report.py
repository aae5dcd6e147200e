"""Reports and the ``extractor evaluate`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.evaluation import evaluate_corpus, gold_to_record
from extractor.evaluation.report import format_article, format_report, to_json
from extractor.models import ArticleRecord


def test_format_report_names_missed_and_wrong_items(mini_corpus: Path) -> None:
    def predict(path: Path, gold: object) -> ArticleRecord:
        record = gold_to_record(gold)  # type: ignore[arg-type]
        return record.model_copy(update={"companies": record.companies[:1], "title": "Other"})

    score = evaluate_corpus(mini_corpus, predict=predict)
    text = format_report(score, articles=True)
    assert "== a1-lantern-quillfeather.txt" in text
    assert "missed companies: Quillfeather" in text
    assert "wrong title: predicted 'Other'" in text
    assert "deals (strict)" in text and "2 articles" in text


def test_format_article_all_right_for_gold(mini_corpus: Path) -> None:
    score = evaluate_corpus(mini_corpus, predict=lambda path, gold: gold_to_record(gold))
    assert format_article(score.articles[0]).endswith("all right")


def test_to_json_is_serialisable(mini_corpus: Path) -> None:
    score = evaluate_corpus(mini_corpus, predict=lambda path, gold: gold_to_record(gold))
    data = json.loads(json.dumps(to_json(score, corpus="mini")))
    assert data["metrics"]["companies_f1"] == 1.0
    assert data["counts"]["companies"] == {"tp": 5, "fp": 0, "fn": 0}
    assert [a["file"] for a in data["articles"]] == [
        "a1-lantern-quillfeather.txt",
        "a2-marrow-sale.html",
    ]


def test_cli_evaluate_prints_summary(mini_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(mini_corpus), "--report"]) == 0
    out = capsys.readouterr().out
    assert "companies" in out and "speaker" in out
    assert "== a2-marrow-sale.html" in out


def test_cli_evaluate_json(mini_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(mini_corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["metrics"]["articles"] == 2
    assert set(data["metrics"]) >= {"deals_strict_f1", "deal_consistency_accuracy"}


def test_cli_evaluate_bad_gold_lists_problems(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = mini_copy / "gold" / "a2-marrow-sale.json"
    data = json.loads(gold.read_text(encoding="utf-8"))
    data["deals"][0]["kind"] = "sale"
    data["deals"][0]["stake_percent"] = 160
    gold.write_text(json.dumps(data), encoding="utf-8")
    assert main(["evaluate", str(mini_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "2 problem(s)" in captured.err
    assert "a2-marrow-sale.json: $.deals[0].kind" in captured.err
    assert "a2-marrow-sale.json: $.deals[0].stake_percent" in captured.err


def test_scripts_evaluate_wraps_the_command(mini_corpus: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "scripts" / "evaluate.py"
    done = subprocess.run(
        [sys.executable, str(script), str(mini_corpus), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["metrics"]["articles"] == 2
