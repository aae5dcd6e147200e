"""Reading one file for a batch, and extracting it without ever taking the batch down."""

from __future__ import annotations

import builtins
import codecs
import hashlib
from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.models import ArticleRecord
from extractor.runners import tasks as tasks_module
from extractor.runners.tasks import Outcome, Task, load_task, process_chunk


def test_load_task_reads_and_hashes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Rowan Mills bought a mill.\n")
    task = load_task(3, path)
    assert isinstance(task, Task)
    assert task.index == 3
    assert task.source == str(path)
    assert task.sha256 == hashlib.sha256(b"Rowan Mills bought a mill.\n").hexdigest()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b" \n\t\n", "empty file", id="blank"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", id="binary"),
        pytest.param(b"x" * 101, "too large", id="too-large"),
    ],
)
def test_load_task_refuses_what_is_not_an_article(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    outcome = load_task(0, path, max_bytes=100)
    assert isinstance(outcome, Outcome)
    assert outcome.error is not None and outcome.error.startswith(reason)


def test_load_task_utf16_text_is_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Text in UTF-16.".encode("utf-16-le"))
    assert isinstance(load_task(0, path), Task)


def test_load_task_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, for whom chmod 000 changes nothing: make open fail as it would.
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    real_open = builtins.open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    outcome = load_task(0, path)
    assert isinstance(outcome, Outcome)
    assert outcome.error == "cannot read: permission denied"


def test_load_task_vanished_file(tmp_path: Path) -> None:
    outcome = load_task(0, tmp_path / "gone.txt")
    assert isinstance(outcome, Outcome)
    assert outcome.error is not None and outcome.error.startswith("cannot read")


def test_process_chunk_isolates_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def flaky(data: str | bytes, *, source: str, model: str | None) -> ArticleRecord:
        if "boom" in str(data):
            raise RuntimeError("component fell over")
        if "refuse" in str(data):
            raise InputError("not an article")
        return ArticleRecord(source=source, text=str(data))

    monkeypatch.setattr(tasks_module, "extract", flaky)
    chunk = [
        Task(0, "a", "Pell Corp bought a farm.", "h0"),
        Task(1, "b", "boom", "h1"),
        Task(2, "c", "refuse", "h2"),
        Task(3, "d", "Tiercel Ltd sold a barn.", "h3"),
    ]
    outcomes = process_chunk(chunk)
    assert [o.index for o in outcomes] == [0, 1, 2, 3]
    assert outcomes[0].record is not None and outcomes[0].record["sha256"] == "h0"
    assert outcomes[0].record["source"] == "a"
    assert outcomes[1].error == "extraction crashed: RuntimeError: component fell over"
    assert outcomes[2].error == "not an article"
    assert outcomes[3].record is not None
