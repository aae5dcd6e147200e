"""A real `extractor batch` killed with SIGKILL mid-run, then rerun: every input exactly once."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FILES = 60


def _write_corpus(folder: Path) -> list[str]:
    folder.mkdir()
    paths = []
    for i in range(FILES):
        text = " ".join(
            f"Ardent Works {i} said on Monday it had agreed to buy a {1 + (i + k) % 90}% stake "
            f"in Bellow Farms {k} for ${i + k}.5 million. The chief executive, Mara Quill, said "
            f'"we are pleased" and the shares rose {k % 7}.{i % 10}% in early trading.'
            for k in range(6)
        )
        path = folder / f"{i:04d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _recorded(out: Path, fmt: str) -> list[str]:
    """Sources in the output (the same source twice would be a duplicate record)."""
    if not out.exists():
        return []
    if fmt == "sqlite":
        db = sqlite3.connect(out)
        try:
            return [s for (s,) in db.execute("SELECT source FROM articles")]
        except sqlite3.OperationalError:  # tables not created yet
            return []
        finally:
            db.close()
    lines = out.read_bytes().split(b"\n")
    return [json.loads(line)["source"] for line in lines[:-1]]  # whole lines only


def _start(folder: Path, out: Path, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "extractor", "batch", str(folder), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--quiet", "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, to clean up after the kill
    )


def _kill_after(process: subprocess.Popen[bytes], out: Path, fmt: str, records: int) -> int:
    """SIGKILL the batch as soon as the output holds at least ``records`` records."""
    deadline = time.monotonic() + 60
    while len(_recorded(out, fmt)) < records:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)  # the real thing: no handler, no cleanup
    process.wait()
    with contextlib.suppress(ProcessLookupError):
        # Pool workers are orphaned now; they exit by themselves within a second, but the
        # next run should not share the two cores with them.
        os.killpg(process.pid, signal.SIGKILL)
    return len(_recorded(out, fmt))


@pytest.mark.slow
# SQLite's own journal makes its writes atomic (tested without a kill in test_writers); the
# other formats append like JSON Lines. One real kill costs ~5 s of process start-up.
@pytest.mark.parametrize(("fmt", "workers"), [("jsonl", 2)])
def test_kill_9_then_rerun_completes_the_set_exactly_once(
    tmp_path: Path, fmt: str, workers: int
) -> None:
    inputs = _write_corpus(tmp_path / "articles")
    out = tmp_path / f"records.{fmt}"

    # One kill, as soon as records are flowing (each start costs seconds of imports).
    first = _kill_after(_start(tmp_path / "articles", out, workers), out, fmt, 3)
    assert 3 <= first < FILES, "the kill came too late to test anything"

    final = _start(tmp_path / "articles", out, workers)
    _stdout, stderr = final.communicate(timeout=120)
    assert final.returncode == 0, stderr.decode()
    recorded = _recorded(out, fmt)
    assert sorted(recorded) == inputs  # every input, exactly once
    errors = tmp_path / "records.errors.jsonl"
    assert errors.read_text(encoding="utf-8") == ""


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_the_rerun_completes(tmp_path: Path) -> None:
    """Ctrl-C as a terminal sends it (SIGINT to the whole process group, workers included)."""
    inputs = _write_corpus(tmp_path / "articles")
    out = tmp_path / "records.jsonl"
    process = _start(tmp_path / "articles", out, 2)
    deadline = time.monotonic() + 60
    while len(_recorded(out, "jsonl")) < 3:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")  # no half-written record
    first = [json.loads(line)["source"] for line in text.splitlines()]
    assert 3 <= len(first) < FILES, "the interrupt came too late to test anything"

    final = _start(tmp_path / "articles", out, 2)
    _stdout, stderr = final.communicate(timeout=120)
    assert final.returncode == 0, stderr.decode()
    assert sorted(_recorded(out, "jsonl")) == inputs
