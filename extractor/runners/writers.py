"""Batch outputs: which format, refusing to clobber, and the crash-safe JSON Lines writers.

Every writer has the same life: ``open_writer`` checks that the output is new or one of ours
in the same format, reads which content hashes it already holds (``done``), then ``write``
takes one record at a time and ``commit`` makes what was written durable. A record is either
wholly in the output or not at all, whatever moment the process dies at; on the next run the
writer drops any half-written tail and resume skips what ``done`` lists.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from extractor.errors import ConfigError

logger = logging.getLogger(__name__)

OutputFormat = Literal["jsonl", "parquet", "csv", "sqlite"]
FORMATS: tuple[OutputFormat, ...] = ("jsonl", "parquet", "csv", "sqlite")

#: File extensions that name a format when ``--format`` is not given.
EXTENSIONS: dict[str, OutputFormat] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}

_SQLITE_MAGIC = b"SQLite format 3\x00"


class Writer:
    """Base of the output writers: a context manager that streams records to one output."""

    path: Path
    #: sha256 -> source path of every article the output already holds.
    done: dict[str, str]

    def write(self, record: dict[str, Any]) -> None:
        """Add one article's record (with its ``source`` and ``sha256``) to the output."""
        raise NotImplementedError

    def commit(self) -> None:
        """Make every record written so far durable (called after each chunk)."""

    def close(self) -> None:
        """Commit and release the output."""
        self.commit()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def format_for(out: Path, fmt: str | None = None) -> OutputFormat:
    """The output format: ``fmt`` when given, else from the extension of ``out``.

    Raises:
        ConfigError: the format is unknown or cannot be told from the extension.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise ConfigError(
                f"unknown output format {fmt!r}: expected one of {', '.join(FORMATS)}"
            )
        return fmt  # type: ignore[return-value]
    try:
        return EXTENSIONS[out.suffix.lower()]
    except KeyError:
        raise ConfigError(
            f"cannot tell the output format of {str(out)!r} from its extension: use --format "
            f"({', '.join(FORMATS)}) or one of {', '.join(EXTENSIONS)}"
        ) from None


def errors_path_for(out: Path) -> Path:
    """Where the errors of a batch writing ``out`` go: ``OUT.errors.jsonl`` next to it."""
    return out.with_name(f"{out.stem if out.suffix else out.name}.errors.jsonl")


def sniff_format(path: Path) -> OutputFormat | None:
    """The format of an existing output, judged by its content; ``None`` if it is not ours."""
    if path.is_dir():
        names = [p.name for p in path.iterdir()]
        return "parquet" if all(n.startswith(("part-", ".part-")) for n in names) else None
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith(_SQLITE_MAGIC):
        return "sqlite"
    first = head.split(b"\n", 1)[0]
    if first.startswith(b"{"):
        return "jsonl"
    if first.startswith(b"source,sha256,"):
        return "csv"
    return None


def check_can_write(out: Path, fmt: OutputFormat) -> None:
    """Refuse an output that exists in another format or is not one of ours.

    Raises:
        ConfigError: ``out`` exists and is not an empty file/folder or our output in ``fmt``.
    """
    if not out.exists():
        return
    if out.is_dir() != (fmt == "parquet"):
        what = "a folder" if out.is_dir() else "a file"
        raise ConfigError(
            f"{str(out)!r} is {what}; {fmt} output needs "
            f"{'a folder' if fmt == 'parquet' else 'a file'} (choose another --out)"
        )
    if (out.is_file() and out.stat().st_size == 0) or (out.is_dir() and not any(out.iterdir())):
        return
    found = sniff_format(out)
    if found != fmt:
        what = f"a {found} output" if found else "not an extractor output"
        raise ConfigError(
            f"{str(out)!r} exists and is {what}; refusing to overwrite it with {fmt} "
            "(choose another --out, or remove it)"
        )


def open_writer(out: Path, fmt: OutputFormat) -> Writer:
    """Open the writer of ``fmt`` on ``out`` (new, or resumed), after ``check_can_write``."""
    check_can_write(out, fmt)
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "csv":
        from extractor.runners.csv_writer import CsvWriter

        return CsvWriter(out)
    if fmt == "sqlite":
        from extractor.runners.sqlite_writer import SqliteWriter

        return SqliteWriter(out)
    from extractor.runners.parquet_writer import ParquetWriter

    return ParquetWriter(out)


class AppendLog:
    """An append-only text file of whole lines: the basis of the JSONL and CSV writers.

    Each ``append`` is one ``os.write`` of complete lines on an ``O_APPEND`` descriptor, and
    ``commit`` fsyncs. On open, a tail without its final newline (the process died inside a
    write) is cut off, so a reader never sees half a record.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        self._dirty = False
        self.truncate_partial_tail()

    def truncate_partial_tail(self, keep: int | None = None) -> None:
        """Cut the file after its last newline (or at byte ``keep`` when given)."""
        size = os.fstat(self._fd).st_size
        if keep is None:
            keep = _end_of_last_line(self._fd, size)
        if keep < size:
            logger.warning("%s: dropping %d bytes of an interrupted write", self.path, size - keep)
            os.ftruncate(self._fd, keep)
            os.fsync(self._fd)

    def lines(self) -> Iterator[tuple[int, bytes]]:
        """Every complete line with its byte offset (read once at open, for resume)."""
        offset = 0
        with open(self.path, "rb") as f:
            for line in f:
                yield offset, line
                offset += len(line)

    def append(self, text: str) -> None:
        data = text.encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self._dirty = True

    def commit(self) -> None:
        if self._dirty:
            os.fsync(self._fd)
            self._dirty = False

    def close(self) -> None:
        if self._fd >= 0:
            self.commit()
            os.close(self._fd)
            self._fd = -1


def _end_of_last_line(fd: int, size: int) -> int:
    """Offset just past the last ``\\n`` in the file (0 when there is none)."""
    block = 65536
    end = size
    while end > 0:
        start = max(0, end - block)
        chunk = os.pread(fd, end - start, start)
        found = chunk.rfind(b"\n")
        if found >= 0:
            return start + found + 1
        end = start
    return 0


class JsonlWriter(Writer):
    """JSON Lines: one record per line, appended whole; the default format."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._log = AppendLog(path)
        self.done = {}
        for number, (_offset, line) in enumerate(self._log.lines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                self.done[record["sha256"]] = record.get("source") or ""
            except (ValueError, KeyError, TypeError) as e:
                self._log.close()
                raise ConfigError(
                    f"{str(path)!r} line {number} is not a record of an extractor batch; "
                    "refusing to append to it"
                ) from e

    def write(self, record: dict[str, Any]) -> None:
        self._log.append(json.dumps(record, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        self._log.commit()

    def close(self) -> None:
        self._log.close()


class ErrorLog:
    """``OUT.errors.jsonl``: one line per input that is not in the output, and why.

    Rewritten by each run (a failed file is retried next time), so after a complete run it
    lists exactly the inputs missing from the output.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # Starts empty: an old list is stale once its files are retried.
        path.unlink(missing_ok=True)
        self._log = AppendLog(path)
        self.count = 0

    def add(self, path: str, reason: str, *, sha256: str = "", kind: str = "error") -> None:
        entry = {"path": path, "reason": reason, "kind": kind}
        if sha256:
            entry["sha256"] = sha256
        self._log.append(json.dumps(entry, ensure_ascii=False) + "\n")
        self.count += 1

    def commit(self) -> None:
        self._log.commit()

    def close(self) -> None:
        self._log.close()
