"""The dask engine on a real LocalCluster: same records, same order as the local engine."""

from __future__ import annotations

import contextlib
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.errors import ConfigError
from extractor.runners import run_batch


def _hashes(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(json.loads(x)["source"], json.loads(x)["sha256"]) for x in lines]


@contextlib.contextmanager
def _port_taken(port: int) -> Iterator[None]:
    """Hold ``port`` like another Dask cluster on the machine would (no-op if already taken)."""
    sock = socket.socket()
    try:
        with contextlib.suppress(OSError):
            sock.bind(("", port))
            sock.listen()
        yield
    finally:
        sock.close()


@pytest.mark.slow
def test_dask_local_cluster_matches_local_engine(articles: Path, tmp_path: Path) -> None:
    """Also with Dask's default HTTP port 8787 taken: no clash, no warning (they are errors)."""
    pytest.importorskip("distributed")
    for i in range(5):
        (articles / f"extra-{i}.txt").write_text(
            f"Corvel Partners {i} bought {10 + i}% of Lumora Yards Ltd for ${i + 2} million.\n",
            encoding="utf-8",
        )
    (articles / "broken.txt").write_bytes(b"\x00\x00binary")
    local = run_batch([articles], tmp_path / "local.jsonl", workers=1)
    with _port_taken(8787):
        dask = run_batch([articles], tmp_path / "dask.jsonl", workers=2, engine="dask")
    assert (dask.written, dask.errors) == (local.written, local.errors) == (8, 1)
    assert _hashes(tmp_path / "dask.jsonl") == _hashes(tmp_path / "local.jsonl")
    local_records = (tmp_path / "local.jsonl").read_text(encoding="utf-8")
    assert (tmp_path / "dask.jsonl").read_text(encoding="utf-8") == local_records
    assert (tmp_path / "dask.errors.jsonl").read_text(encoding="utf-8") == (
        tmp_path / "local.errors.jsonl"
    ).read_text(encoding="utf-8")


def test_dask_missing_is_a_clear_config_error(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ConfigError, match=r"pip install 'extractor\[dask\]'"):
        run_batch([articles], tmp_path / "out.jsonl", engine="dask")
