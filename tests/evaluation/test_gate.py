"""Floors and fingerprints of the quality gate, and scripts/update_floors.py."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from extractor.evaluation import fingerprint_corpus
from extractor.evaluation.gate import HEADLINE_METRICS, as_floor, below_floors, headline

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "update_floors.py"


def test_fingerprint_changes_with_any_byte_or_name(mini_copy: Path) -> None:
    before = fingerprint_corpus(mini_copy)
    assert before == fingerprint_corpus(mini_copy)
    article = mini_copy / "articles" / "a1-lantern-quillfeather.txt"
    article.write_bytes(article.read_bytes() + b" ")
    edited = fingerprint_corpus(mini_copy)
    assert edited != before
    article.rename(article.with_name("a0.txt"))
    assert fingerprint_corpus(mini_copy) not in (before, edited)


def test_headline_counts_nothing_judged_as_zero() -> None:
    scores = headline({"companies_f1": 0.5, "speaker_overall": None})
    assert set(scores) == set(HEADLINE_METRICS)
    assert scores["companies_f1"] == 0.5 and scores["speaker_overall"] == 0.0


def test_below_floors() -> None:
    assert below_floors({"a": 0.5, "b": 0.3}, {"a": 0.5, "b": 0.2}) == []
    failures = below_floors({"a": 0.49, "b": 0.3}, {"a": 0.5})
    assert failures == ["a: 0.4900 is below its floor 0.5000"]
    assert as_floor(0.999999) == 0.9999 and as_floor(1.0) == 1.0


@pytest.fixture
def update_floors(tmp_path: Path, mini_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The script, pointed at a temporary floors file and a copy of the mini corpus."""
    spec = importlib.util.spec_from_file_location("update_floors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shutil.copytree(mini_corpus, tmp_path / "mini")
    monkeypatch.setattr(module, "REPO", tmp_path)
    monkeypatch.setattr(module, "FLOORS", tmp_path / "floors.json")
    monkeypatch.setattr(module, "CORPORA", {"mini": "mini"})
    return module


def _floors(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["corpora"]["mini"]


def test_update_floors_raises_but_never_silently_lowers(
    update_floors: ModuleType, tmp_path: Path
) -> None:
    floors_file = tmp_path / "floors.json"
    assert update_floors.main([]) == 0
    entry = _floors(floors_file)
    assert entry["fingerprint"] == fingerprint_corpus(tmp_path / "mini")
    assert set(entry["floors"]) == set(HEADLINE_METRICS)
    date = entry["floors"]["date_overall"]

    # Pretend the floors were higher: a plain run refuses and writes nothing.
    data = json.loads(floors_file.read_text(encoding="utf-8"))
    data["corpora"]["mini"]["floors"]["date_overall"] = date + 0.5
    floors_file.write_text(json.dumps(data), encoding="utf-8")
    assert update_floors.main([]) == 1
    assert _floors(floors_file)["floors"]["date_overall"] == date + 0.5

    with pytest.raises(SystemExit):
        update_floors.main(["--allow-lower"])  # a reason is required
    assert update_floors.main(["--allow-lower", "--reason", "harder gold"]) == 0
    written = json.loads(floors_file.read_text(encoding="utf-8"))
    assert written["corpora"]["mini"]["floors"]["date_overall"] == date
    assert written["lowered"][-1]["reason"] == "harder gold"
    assert written["lowered"][-1]["metric"] == "date_overall"


def test_update_floors_dry_run_prints_table_and_writes_nothing(
    update_floors: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert update_floors.main(["--dry-run", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "| metric | mini |" in out
    assert "| companies f1 |" in out
    assert not (tmp_path / "floors.json").exists()
