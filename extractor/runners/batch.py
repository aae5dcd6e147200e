"""Batches: many articles in, records out, nothing lost and nothing done twice.

``run_batch`` walks folders into an output file (JSON Lines, Parquet, CSV or SQLite) and an
errors file next to it; every input file ends up in exactly one of the two. Rerunning it with
the same output skips the articles whose content hash is already there, so an interrupted run
(Ctrl-C, kill -9, a power cut) is completed by running the same command again.
``extract_many`` is the library form: records in input order, nothing written.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from extractor.errors import ConfigError, InputError
from extractor.models import ArticleRecord
from extractor.runners.discover import DEFAULT_GLOBS, Problem, discover
from extractor.runners.engines import EngineName, default_workers, run_chunks
from extractor.runners.tasks import Outcome, Task, check_bytes, content_hash, load_task
from extractor.runners.writers import (
    ErrorLog,
    OutputFormat,
    check_can_write,
    errors_path_for,
    format_for,
    open_writer,
)

logger = logging.getLogger(__name__)

#: Articles sent to a worker at once: amortises the cost of shipping work between processes
#: while keeping the output order and the commits fine-grained.
CHUNK_SIZE = 8


@dataclass(frozen=True)
class BatchReport:
    """What a batch did; ``errors == 0`` means every input file is in the output."""

    out: Path
    errors_path: Path
    files: int = 0
    written: int = 0
    skipped: int = 0
    duplicates: int = 0
    errors: int = 0
    deals: int = 0
    failed_checks: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.errors == 0


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    fmt: OutputFormat | None = None,
    globs: Iterable[str] = DEFAULT_GLOBS,
    workers: int | None = None,
    engine: EngineName = "local",
    scheduler: str | None = None,
    model: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    on_start: Callable[[int], object] | None = None,
    on_file: Callable[[str], object] | None = None,
) -> BatchReport:
    """Extract every article under ``paths`` into ``out``, resuming what is already there.

    Args:
        paths: article files and folders (folders are walked for ``globs``).
        out: the output file (``.jsonl``, ``.csv``, ``.sqlite``) or Parquet folder.
        fmt: the output format; by default told from the extension of ``out``.
        globs: file-name patterns taken inside folders.
        workers: extraction processes; default: the machine's cores.
        engine: ``"local"`` or ``"dask"``.
        scheduler: a Dask scheduler address (``engine="dask"``); none starts a LocalCluster.
        model: a spaCy pipeline whose NER feeds ours, built once per worker.
        chunk_size: articles per unit of work sent to a worker.
        on_start: called once with the number of input files, before the first is read.
        on_file: called once per input file when it is accounted for (written, skipped,
            failed); the argument is its outcome: "written", "skipped", "duplicate", "error".

    Returns:
        The counts of the run; failed files are listed in ``report.errors_path``.

    Raises:
        ConfigError: a bad format, an output that would overwrite an input, or an existing
            output that is not ours in that format.
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    out = Path(out)
    fmt = format_for(out, fmt)
    errors_path = errors_path_for(out)
    _refuse_overwriting_inputs(paths, out, errors_path)
    check_can_write(out, fmt)
    items = list(discover(paths, globs=globs, exclude=[out, errors_path]))
    workers = workers or default_workers()
    counts = dict.fromkeys(
        ("written", "skipped", "duplicates", "errors", "deals", "failed_checks"), 0
    )

    def account(outcome: str) -> None:
        if on_file is not None:
            on_file(outcome)

    with open_writer(out, fmt) as writer:
        errors = ErrorLog(errors_path)
        try:
            if on_start is not None:
                on_start(len(items))
            claimed: dict[str, str] = {}

            def tasks() -> Iterator[Task]:
                for index, item in enumerate(items):
                    loaded = (
                        Outcome(index, item.path, "", error=item.reason)
                        if isinstance(item, Problem)
                        else load_task(index, item)
                    )
                    if isinstance(loaded, Outcome):
                        errors.add(loaded.source, loaded.error or "", sha256=loaded.sha256)
                        counts["errors"] += 1
                        account("error")
                        continue
                    first = writer.done.get(loaded.sha256) or claimed.get(loaded.sha256)
                    if first is not None and _same_file(first, loaded.source):
                        counts["skipped"] += 1
                        account("skipped")
                    elif first is not None:
                        # The same bytes under another name: one record per article.
                        errors.add(
                            loaded.source,
                            f"duplicate: same content as {first}",
                            sha256=loaded.sha256,
                            kind="duplicate",
                        )
                        counts["duplicates"] += 1
                        account("duplicate")
                    else:
                        claimed[loaded.sha256] = loaded.source
                        yield loaded

            chunks = _chunked(tasks(), chunk_size)
            for outcomes in run_chunks(
                chunks, workers=workers, engine=engine, scheduler=scheduler, model=model
            ):
                for outcome in outcomes:
                    account(_store(outcome, writer, errors, counts))
                writer.commit()
                errors.commit()
        finally:
            errors.close()
    return BatchReport(
        out=out,
        errors_path=errors_path,
        files=len(items),
        seconds=time.perf_counter() - started,
        **counts,
    )


def _store(outcome: Outcome, writer: Any, errors: ErrorLog, counts: dict[str, int]) -> str:
    """Write one outcome to the output, or to the errors file; say which ("written"...)."""
    if outcome.record is not None:
        try:
            writer.write(outcome.record)
        except (ValueError, TypeError, OverflowError) as e:
            # A record the format cannot hold (an amount past 64 bits, say): this one only.
            outcome = Outcome(
                outcome.index, outcome.source, outcome.sha256, error=f"cannot write: {e}"
            )
        else:
            deals = outcome.record.get("deals") or []
            counts["written"] += 1
            counts["deals"] += len(deals)
            counts["failed_checks"] += sum(1 for d in deals if _failed(d))
            return "written"
    errors.add(outcome.source, outcome.error or "unknown error", sha256=outcome.sha256)
    counts["errors"] += 1
    return "error"


def _same_file(recorded: str, source: str) -> bool:
    """Is a recorded source this file? (given as ``in/a.txt`` once, ``./in/a.txt`` later)"""
    return recorded == source or os.path.realpath(recorded) == os.path.realpath(source)


def _failed(deal: dict[str, Any]) -> bool:
    """A deal whose valuation does not add up, or with any failing check."""
    return deal.get("valuation_consistent") is False or any(
        c.get("status") == "fail" for c in deal.get("checks") or []
    )


def _refuse_overwriting_inputs(paths: list[Path], out: Path, errors_path: Path) -> None:
    """Outputs never overwrite inputs: refuse an output that is, or holds, an input."""
    targets = {os.path.realpath(out), os.path.realpath(errors_path)}
    out_dir = os.path.realpath(out) + os.sep
    for path in paths:
        real = os.path.realpath(path)
        if real in targets or real.startswith(out_dir):
            raise ConfigError(
                f"the output {str(out)!r} would overwrite the input {str(path)!r}; "
                "choose another --out"
            )


def _chunked(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    iterator = iter(tasks)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk


def extract_many(
    paths_or_texts: Iterable[str | bytes | os.PathLike[str]],
    *,
    workers: int = 1,
    model: str | None = None,
    engine: EngineName = "local",
    scheduler: str | None = None,
    errors: Literal["raise", "skip"] = "raise",
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[ArticleRecord]:
    """Extract many articles, in parallel when asked, yielding records in input order.

    A ``pathlib.Path`` (any ``os.PathLike``) is read as a file; a ``str`` or ``bytes`` is the
    article itself, as for ``extract``. Input is consumed lazily, a bounded window at a time.

    Args:
        paths_or_texts: article files and/or article texts.
        workers: processes (1: this process, with its cached pipeline).
        model: a spaCy pipeline whose NER feeds ours.
        engine: ``"local"`` or ``"dask"``; ``scheduler`` as for ``run_batch``.
        errors: ``"raise"`` an ``InputError`` at the first article that fails (after the
            records before it), or ``"skip"`` it with a logged warning.
        chunk_size: articles per unit of work sent to a worker.

    Raises:
        InputError: an article failed and ``errors="raise"``.
        ConfigError: a bad ``errors`` or ``engine`` value.
    """
    if errors not in ("raise", "skip"):
        raise ConfigError(f"errors={errors!r}: expected 'raise' or 'skip'")
    failures: dict[int, Outcome] = {}

    def tasks() -> Iterator[Task]:
        for index, item in enumerate(paths_or_texts):
            if isinstance(item, os.PathLike):
                loaded = load_task(index, Path(item))
            else:
                source = f"<input {index}>"
                reason = check_bytes(item) if isinstance(item, bytes) else None
                if reason is None and isinstance(item, str) and not item.strip():
                    reason = "empty text"
                loaded = Task(index, source, item, content_hash(item))
                if reason:
                    loaded = Outcome(index, source, loaded.sha256, error=reason)
            if isinstance(loaded, Outcome):
                failures[index] = loaded
            else:
                yield loaded

    next_index = 0
    for outcomes in run_chunks(
        _chunked(tasks(), chunk_size),
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        model=model,
    ):
        for outcome in outcomes:
            # Failures found while reading come before this outcome in input order.
            while next_index < outcome.index:
                _fail(failures.pop(next_index), errors)
                next_index += 1
            next_index = outcome.index + 1
            if outcome.record is None:
                _fail(outcome, errors)
                continue
            payload = dict(outcome.record)
            payload.pop("sha256", None)
            yield ArticleRecord.model_validate(payload)
    for index in sorted(failures):
        _fail(failures[index], errors)


def _fail(outcome: Outcome, errors: str) -> None:
    if errors == "raise":
        raise InputError(f"{outcome.source}: {outcome.error}")
    logger.warning("skipping %s: %s", outcome.source, outcome.error)
