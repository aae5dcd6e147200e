"""`extractor batch`: exit codes 0/1/2, the summary, refusing to clobber or overwrite inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import main


def test_batch_all_good_exits_0_with_a_summary(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "records.jsonl"
    assert main(["batch", str(articles), "--out", str(out), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "3 articles written" in err
    assert "0 errors" in err
    assert "deals" in err and "failed valuation checks" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert main(["batch", str(articles), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_batch_some_failed_exits_1(articles: Path, tmp_path: Path) -> None:
    (articles / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    out = tmp_path / "records.csv"
    assert main(["batch", str(articles), "--out", str(out), "--quiet", "--workers", "1"]) == 1
    errors = [json.loads(x) for x in (tmp_path / "records.errors.jsonl").read_text().splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["blob.txt"]


def test_batch_glob_option(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    args = ["batch", str(articles), "--out", str(out), "--quiet", "--workers", "1"]
    assert main([*args, "--glob", "*.md", "--glob", "*.html"]) == 0
    names = [Path(json.loads(x)["source"]).name for x in out.read_text().splitlines()]
    assert names == ["c.html", "notes.md"]


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(["--workers", "0"], id="no-workers"),
        pytest.param(["--format", "xml"], id="bad-format"),
        pytest.param(["--engine", "spark"], id="bad-engine"),
    ],
)
def test_batch_bad_arguments_exit_2(articles: Path, tmp_path: Path, extra: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["batch", str(articles), "--out", str(tmp_path / "r.jsonl"), *extra])
    assert exit_info.value.code == 2


def test_batch_bad_usage_found_later_exits_2(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(articles), "--out", str(tmp_path / "r.xlsx")]) == 2
    assert "--format" in capsys.readouterr().err
    assert (
        main(["batch", str(articles), "--out", str(tmp_path / "r.jsonl"), "--scheduler", "x"]) == 2
    )


def test_batch_refuses_to_clobber_another_format(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "records.out"
    assert main(["batch", str(articles), "--out", str(out), "--format", "sqlite", "--quiet"]) == 0
    before = out.read_bytes()
    assert main(["batch", str(articles), "--out", str(out), "--format", "jsonl"]) == 2
    assert "is a sqlite output" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_batch_never_overwrites_an_input(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = articles / "a.txt"
    before = target.read_bytes()
    assert main(["batch", str(target), "--out", str(target), "--format", "jsonl"]) == 2
    assert "would overwrite the input" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_batch_unknown_model_stops_with_exit_2(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.jsonl"
    args = ["batch", str(articles), "--out", str(out), "--workers", "1", "--quiet"]
    assert main([*args, "--model", "no_such_pipeline_anywhere"]) == 2
    assert "cannot load spaCy pipeline" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == ""  # not one error line per article


def test_batch_progress_bar_on_stderr_and_quiet_silences_it(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bar counts files with a rate; stdout stays clean for pipes."""
    out = tmp_path / "bar.jsonl"
    assert main(["batch", str(articles), "--out", str(out), "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert "file/s" in captured.err and "3/3" in captured.err
    assert captured.out == ""
    (articles / "more.txt").write_text("Halvard Tools bought Ymir Steel for $9m.\n", "utf-8")
    assert main(["batch", str(articles), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
