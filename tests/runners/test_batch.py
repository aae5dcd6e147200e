"""run_batch and extract_many end to end: accounting, resume, duplicates, order, safety."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extractor import ArticleRecord, extract, extract_many
from extractor.errors import ConfigError, InputError
from extractor.nlp import get_nlp
from extractor.runners import run_batch
from extractor.runners import tasks as tasks_module

from .conftest import ARTICLES


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_batch_accounts_for_every_file(articles: Path, tmp_path: Path) -> None:
    (articles / "empty.txt").write_bytes(b"")
    (articles / "image.html").write_bytes(b"GIF89a\x00\x01\x00\x00")
    (articles / "copy.txt").write_bytes((articles / "a.txt").read_bytes())
    out = tmp_path / "out" / "records.jsonl"
    report = run_batch([articles], out, workers=1)
    records = _lines(out)
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt", "c.html"]
    for record in records:
        ArticleRecord.model_validate({k: v for k, v in record.items() if k != "sha256"})
        assert len(record["sha256"]) == 64
    errors = {Path(e["path"]).name: e for e in _lines(report.errors_path)}
    assert report.errors_path == tmp_path / "out" / "records.errors.jsonl"
    assert errors["empty.txt"]["reason"] == "empty file"
    assert errors["image.html"]["reason"].startswith("binary file")
    assert errors["copy.txt"]["kind"] == "duplicate"
    assert report.files == 6
    assert (report.written, report.errors, report.duplicates, report.skipped) == (3, 2, 1, 0)
    assert not report.ok


def test_run_batch_resume_skips_recorded_and_completes(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    (articles / "c.html").rename(tmp_path / "c.html")  # not there on the first run
    first = run_batch([articles], out, workers=1)
    assert (first.written, first.skipped) == (2, 0)
    (tmp_path / "c.html").rename(articles / "c.html")
    second = run_batch([articles], out, workers=1)
    assert (second.written, second.skipped, second.errors) == (1, 2, 0)
    third = run_batch([articles], out, workers=1)
    assert (third.written, third.skipped) == (0, 3)
    names = sorted(Path(r["source"]).name for r in _lines(out))
    assert names == ["a.txt", "b.txt", "c.html"]


def test_run_batch_edited_article_is_extracted_again(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    run_batch([articles], out, workers=1)
    (articles / "b.txt").write_text("Marrow Systems sold its printing unit.\n", encoding="utf-8")
    report = run_batch([articles], out, workers=1)
    assert (report.written, report.skipped) == (1, 2)
    assert len({r["sha256"] for r in _lines(out)}) == 4


def test_run_batch_extraction_crash_goes_to_errors(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tasks_module.extract

    def crash_on_b(data: bytes, **kwargs: object) -> ArticleRecord:
        if b"Marrow" in data:
            raise ZeroDivisionError("division by zero")
        return real(data, **kwargs)

    monkeypatch.setattr(tasks_module, "extract", crash_on_b)
    out = tmp_path / "records.jsonl"
    report = run_batch([articles], out, workers=1)
    assert report.written == 2
    (error,) = _lines(report.errors_path)
    assert Path(error["path"]).name == "b.txt"
    assert error["reason"] == "extraction crashed: ZeroDivisionError: division by zero"


@pytest.mark.parametrize("fmt", ["csv", "sqlite", "parquet"])
def test_run_batch_other_formats_resume(articles: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"records.{fmt}"
    assert run_batch([articles], out, workers=1).written == 3
    again = run_batch([articles], out, workers=1)
    assert (again.written, again.skipped) == (0, 3)


def test_run_batch_refuses_to_overwrite_an_input(articles: Path) -> None:
    before = (articles / "a.txt").read_bytes()
    with pytest.raises(ConfigError, match="would overwrite the input"):
        run_batch([articles / "a.txt"], articles / "a.txt", fmt="jsonl")
    (articles / "r.errors.jsonl").write_text("an input that looks like an errors file\n")
    with pytest.raises(ConfigError, match="would overwrite the input"):
        run_batch([articles / "r.errors.jsonl"], articles / "r.jsonl")
    with pytest.raises(ConfigError, match="would overwrite the input"):
        run_batch([articles / "a.txt"], articles.parent, fmt="parquet")
    assert (articles / "a.txt").read_bytes() == before


def test_run_batch_output_inside_the_input_folder_is_not_read_back(articles: Path) -> None:
    out = articles / "records.txt"  # would match the default globs on the next run
    run_batch([articles], out, fmt="jsonl", workers=1)
    report = run_batch([articles], out, fmt="jsonl", workers=1)
    assert (report.files, report.skipped, report.errors) == (3, 3, 0)


def test_extract_many_keeps_order_and_matches_extract(articles: Path) -> None:
    texts = list(ARTICLES.values())
    records = list(extract_many([articles / "b.txt", texts[0], texts[2].encode()]))
    assert records[0].source == str(articles / "b.txt")
    assert records[1] == extract(texts[0], source="<input 1>")
    assert records[2].title == extract(texts[2].encode()).title


def test_extract_many_errors_raise_or_skip() -> None:
    items = ["Pell Corp bought a farm.", "", "Tiercel Ltd sold a barn."]
    with pytest.raises(InputError, match="<input 1>: empty text"):
        list(extract_many(items))
    kept = list(extract_many(items, errors="skip"))
    assert [r.text.strip() for r in kept] == [items[0], items[2]]


def test_extract_many_with_two_processes_keeps_order() -> None:
    texts = [f"Company number {i} Ltd bought {i} farms for ${i}m." for i in range(20)]
    records = list(extract_many(texts, workers=2, chunk_size=3))
    assert [r.text.strip() for r in records] == texts


def test_run_batch_resume_with_the_path_spelt_differently(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "records.jsonl"
    run_batch([articles], out, workers=1)
    monkeypatch.chdir(articles.parent)
    report = run_batch([Path(".") / articles.name], out, workers=1)
    assert (report.written, report.skipped, report.duplicates) == (0, 3, 0)


def test_run_batch_survives_a_worker_process_dying(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pool forks, so the workers inherit this patch: one article kills its worker outright
    # (as the OOM killer or a crash in native code would).
    real = tasks_module.extract

    def die_on_b(data: bytes, **kwargs: object) -> ArticleRecord:
        if b"Marrow" in data:
            os._exit(1)
        return real(data, **kwargs)

    monkeypatch.setattr(tasks_module, "extract", die_on_b)
    get_nlp()  # built here, so each new pool's forked workers start with it (test speed)
    for i in range(4):
        (articles / f"more-{i}.txt").write_text(f"Ollerton Labs {i} sold a plant.\n")
    out = tmp_path / "records.jsonl"
    report = run_batch([articles], out, workers=2, chunk_size=1)
    written = {Path(r["source"]).name for r in _lines(out)}
    failed = {Path(e["path"]).name: e["reason"] for e in _lines(report.errors_path)}
    assert "b.txt" in failed and failed["b.txt"].startswith("worker failed")
    assert written | set(failed) == {"a.txt", "b.txt", "c.html"} | {
        f"more-{i}.txt" for i in range(4)
    }
    assert not written & set(failed)
    assert report.written == len(written) >= 3  # the pool was replaced and the batch went on
