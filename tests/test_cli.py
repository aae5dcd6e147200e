"""`extractor extract`: JSON per file, stdin, --pretty, --help, errors without tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import cli

STORY = "THE ANVIL TIMES\n\nAcme buys Widget\n\nAcme bought Widget for $5m on Monday.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_extract_prints_one_json_line_per_file(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.html"
    other.write_text("<html><body><article><p>Widget sold.</p></article></body></html>")
    assert cli.main(["extract", str(story), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["title"] == "Acme buys Widget"
    assert first["publisher"] == "The Anvil Times"
    assert first["source"] == str(story)
    assert second["text"] == "Widget sold."


def test_extract_pretty_indents(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", "--pretty", str(story)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert json.loads(out)["title"] == "Acme buys Widget"


def test_extract_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    stdin = io.TextIOWrapper(io.BytesIO(STORY.encode("cp1252")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert cli.main(["extract", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == "<stdin>"
    assert record["text"] == "Acme bought Widget for $5m on Monday."


@pytest.mark.parametrize("name", ["missing.txt", "."], ids=["missing", "directory"])
def test_unreadable_file_gives_one_line_error_and_exit_1(
    name: str, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / name) if name != "." else str(tmp_path)
    assert cli.main(["extract", target, str(story)]) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith(f"extractor: {target}: cannot read")
    assert "Traceback" not in captured.err
    assert json.loads(captured.out)["title"] == "Acme buys Widget"  # the good file still runs


def test_binary_file_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert cli.main(["extract", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "binary data" in err


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"]], ids=["main", "extract"])
def test_help_exits_0(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 0
    assert ("--pretty" if "extract" in argv else "extract") in capsys.readouterr().out


def test_no_file_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract"])
    assert exc.value.code == 2


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "extractor", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_python_m_extractor_help() -> None:
    result = _run("extract", "--help")
    assert result.returncode == 0
    assert b"--pretty" in result.stdout


@pytest.mark.slow
def test_python_m_extractor_stdin_and_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = _run("extract", "-", str(missing), stdin=STORY.encode("utf-8"))
    assert result.returncode == 1
    record = json.loads(result.stdout.decode("utf-8"))
    assert record["title"] == "Acme buys Widget"
    err = result.stderr.decode("utf-8")
    assert err.strip().splitlines() == [
        f"extractor: {missing}: cannot read {str(missing)!r}: No such file or directory"
    ]


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Tolbay paid $5m for Marrow Lane.\n" * 200, encoding="utf-8")
    shell = f"{sys.executable} -m extractor extract --pretty {article} {article} | head -c 10"
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, timeout=120)
    assert done.stdout == '{\n  "sourc'
    assert "Traceback" not in done.stderr
