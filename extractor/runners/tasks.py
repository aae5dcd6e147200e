"""One unit of batch work: an article's bytes in, its record (as JSON data) or a reason out.

``load_task`` runs in the main process (it reads and hashes the file, which resume needs);
``process_chunk`` runs wherever the engine sends it (this process, a pool worker, a Dask
worker) and never raises for one bad article: the reason goes back with the outcome.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.api import MAX_INPUT_BYTES, extract
from extractor.errors import ConfigError, ExtractorError

logger = logging.getLogger(__name__)

#: How far into a file to look for NUL bytes: text never has them, binaries almost always
#: have some in their first kilobytes (headers, tables).
BINARY_SNIFF_BYTES = 8192

#: Byte-order marks of encodings whose text legitimately contains NUL bytes.
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


@dataclass(frozen=True)
class Task:
    """An article ready to extract: where it came from, its bytes and their sha256."""

    index: int
    source: str
    data: bytes | str
    sha256: str


@dataclass(frozen=True)
class Outcome:
    """The result of one task: ``record`` (JSON-ready dict) or ``error`` (a reason)."""

    index: int
    source: str
    sha256: str
    record: dict[str, Any] | None = None
    error: str | None = None


def content_hash(data: bytes | str) -> str:
    """The sha256 of an article's bytes (str input is hashed as UTF-8): its identity on resume."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def load_task(index: int, path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> Task | Outcome:
    """Read one file for extraction, or say why it cannot be an article.

    Returns:
        A ``Task``, or an ``Outcome`` carrying the reason (empty, too large, binary, unreadable).
    """
    source = str(path)
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return Outcome(index, source, "", error=f"too large: {size:,} bytes > {max_bytes:,}")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        reason = "permission denied" if isinstance(e, PermissionError) else e.strerror or str(e)
        return Outcome(index, source, "", error=f"cannot read: {reason}")
    sha = content_hash(data)
    reason = check_bytes(data, max_bytes=max_bytes)
    if reason:
        return Outcome(index, source, sha, error=reason)
    return Task(index, source, data, sha)


def check_bytes(data: bytes, *, max_bytes: int = MAX_INPUT_BYTES) -> str | None:
    """Why these bytes cannot be an article (empty, too large, binary), or None when they can."""
    if len(data) > max_bytes:
        return f"too large: more than {max_bytes:,} bytes"
    if not data.strip():
        return "empty file"
    if b"\x00" in data[:BINARY_SNIFF_BYTES] and not data.startswith(_WIDE_BOMS):
        return "binary file: NUL bytes where text should be"
    return None


def process_chunk(tasks: list[Task], model: str | None = None) -> list[Outcome]:
    """Extract each task's record with this process's cached pipeline; never raises per article.

    Args:
        tasks: articles to extract, in order.
        model: the spaCy pipeline name feeding ours (``None``: the default blank pipeline).

    Returns:
        One ``Outcome`` per task, in the same order.
    """
    return [_process(task, model) for task in tasks]


def _process(task: Task, model: str | None) -> Outcome:
    try:
        record = extract(task.data, source=task.source, model=model)
    except ConfigError:
        raise  # a bad --model fails every article alike: stop the batch, say why
    except ExtractorError as e:
        return Outcome(task.index, task.source, task.sha256, error=str(e))
    except Exception as e:  # per-article isolation: one crash must not stop the batch
        logger.exception("extraction crashed on %s", task.source)
        return Outcome(
            task.index,
            task.source,
            task.sha256,
            error=f"extraction crashed: {type(e).__name__}: {e}",
        )
    payload = record.model_dump(mode="json")
    payload["sha256"] = task.sha256
    return Outcome(task.index, task.source, task.sha256, record=payload)


def warm_up(model: str | None = None) -> None:
    """Build this process's pipeline now (pool initializer), so the first article is not slow."""
    from extractor.nlp import get_nlp

    get_nlp(model)
