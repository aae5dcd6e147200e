"""Where extraction runs: in this process, a local process pool, or a Dask cluster.

Every engine takes chunks of tasks and gives back their outcomes chunk by chunk, in the order
the chunks came in, with a bounded number of chunks in flight: memory stays flat however many
articles there are, and the output order does not depend on which worker was fastest.
Each worker builds its pipeline once (``extractor.nlp.get_nlp`` is cached per process).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from extractor.errors import ConfigError
from extractor.runners.tasks import Outcome, Task, process_chunk, warm_up

if TYPE_CHECKING:
    from concurrent.futures import Future

logger = logging.getLogger(__name__)

EngineName = Literal["local", "dask"]

#: Chunks in flight per worker: enough to keep every worker busy while the main process
#: writes results, few enough that memory does not grow with the batch.
CHUNKS_IN_FLIGHT_PER_WORKER = 3


def default_workers() -> int:
    """The machine's cores (those this process may use, where the OS says)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_chunks(
    chunks: Iterable[list[Task]],
    *,
    workers: int = 1,
    engine: EngineName = "local",
    scheduler: str | None = None,
    model: str | None = None,
) -> Iterator[list[Outcome]]:
    """Extract chunks of tasks with the chosen engine; yield their outcomes in input order.

    Args:
        chunks: lists of tasks; each list is sent to a worker as one unit.
        workers: processes to use (local pool, or a new Dask LocalCluster's workers).
        engine: ``"local"`` (this machine) or ``"dask"`` (a Dask distributed cluster).
        scheduler: address of a running Dask scheduler; ``None`` starts a LocalCluster.
        model: the spaCy pipeline feeding ours, built once in each worker.

    Raises:
        ConfigError: an unknown engine, or Dask is not installed.
    """
    if engine == "dask":
        yield from _run_dask(chunks, workers=workers, scheduler=scheduler, model=model)
    elif engine != "local":
        raise ConfigError(f"unknown engine {engine!r}: expected 'local' or 'dask'")
    elif workers <= 1:
        for chunk in chunks:
            yield process_chunk(chunk, model)
    else:
        yield from _run_pool(chunks, workers=workers, model=model)


def _windowed(
    chunks: Iterable[list[Task]],
    submit: Callable[[list[Task]], Any],
    result: Callable[[Any], list[Outcome]],
    window: int,
    on_failure: Callable[[list[Task], Exception], list[Outcome]] | None = None,
) -> Iterator[list[Outcome]]:
    """Keep at most ``window`` chunks submitted; yield results in submission order.

    A chunk whose worker failed goes to ``on_failure`` (default: one error per article).
    """
    recover = on_failure or _errors_for
    pending: deque[tuple[list[Task], Any]] = deque()

    def collect(chunk: list[Task], future: Any) -> list[Outcome]:
        try:
            return result(future)
        except (KeyboardInterrupt, ConfigError):
            raise
        except Exception as e:
            logger.error("a worker failed on a chunk of %d articles: %s", len(chunk), e)
            return recover(chunk, e)

    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            yield collect(*pending.popleft())
    while pending:
        yield collect(*pending.popleft())


def _errors_for(chunk: list[Task], error: Exception) -> list[Outcome]:
    """One error per article of a failed chunk (retried by the next run)."""
    reason = f"worker failed: {type(error).__name__}: {error}"
    return [Outcome(t.index, t.source, t.sha256, error=reason) for t in chunk]


# -- local process pool ------------------------------------------------------------------------


def _pool_init(model: str | None, parent: int) -> None:
    """Pool worker start: build the pipeline once, and leave if the batch process dies."""
    # Ctrl-C reaches the whole process group: the batch process handles it (it stops the
    # pool and keeps what is written); a worker dying mid-article would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        warm_up(model)
    except ConfigError:
        # Raised again by the first task, and so sent to the batch process, which stops:
        # failing here would break the pool and turn every article into an error instead.
        logger.debug("pipeline %r cannot be built", model)


def _exit_with_parent(parent: int) -> None:
    # A killed batch (kill -9) cannot stop its pool: the orphaned workers, adopted by another
    # process, notice and exit.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _run_pool(
    chunks: Iterable[list[Task]], *, workers: int, model: str | None
) -> Iterator[list[Outcome]]:
    # Imported here: multiprocessing and concurrent.futures cost ~0.15 s of every start-up.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork on Linux: workers inherit the imported spaCy, which saves seconds per worker at
    # start (measured: 6 s to the first result with forkserver, about 1 s with fork, on 2 busy
    # cores). The workers only extract; they never touch the locks of the parent's threads.
    # spawn elsewhere (macOS and Windows cannot fork safely).
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_pool_init,
        initargs=(model, os.getpid()),
    )
    state = {"pool": pool}

    def submit(chunk: list[Task]) -> Future[list[Outcome]]:
        try:
            return state["pool"].submit(process_chunk, chunk, model)
        except BrokenProcessPool:
            # A worker died (out of memory, a crash in native code): start a fresh pool.
            logger.warning("process pool broke; starting a new one")
            state["pool"].shutdown(wait=False, cancel_futures=True)
            state["pool"] = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_pool_init,
                initargs=(model, os.getpid()),
            )
            return state["pool"].submit(process_chunk, chunk, model)

    def one_by_one(chunk: list[Task], error: Exception) -> list[Outcome]:
        # A dead worker breaks the pool and fails every chunk in flight, not only its own:
        # rerun them one article at a time in a fresh pool, to pin the failure on the culprit.
        if not isinstance(error, BrokenProcessPool):
            return _errors_for(chunk, error)
        outcomes = []
        for task in chunk:
            try:
                outcomes.extend(submit([task]).result())
            except BrokenProcessPool as e:
                outcomes.extend(_errors_for([task], e))
        return outcomes

    try:
        yield from _windowed(
            chunks,
            submit,
            lambda f: f.result(),
            workers * CHUNKS_IN_FLIGHT_PER_WORKER,
            on_failure=one_by_one,
        )
    finally:
        state["pool"].shutdown(wait=True, cancel_futures=True)


# -- Dask distributed --------------------------------------------------------------------------


def _run_dask(
    chunks: Iterable[list[Task]], *, workers: int, scheduler: str | None, model: str | None
) -> Iterator[list[Outcome]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ConfigError(
            "the dask engine needs Dask distributed: pip install 'extractor[dask]'"
        ) from e
    cluster = None
    if scheduler is None:
        # One thread per worker process: a spaCy pipeline is built once per process and used
        # by one article at a time. The scheduler's HTTP server (health and metrics routes)
        # starts even without a dashboard and defaults to port 8787: bind it to a free port so
        # a second cluster on the machine (another batch, a notebook) neither clashes nor warns.
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
        )
        client = Client(cluster)
        n_workers = max(1, workers)
    else:
        try:
            client = Client(scheduler, timeout=30)
        except OSError as e:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler!r}: {e}") from e
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    try:
        # Build the pipeline on every worker now, in parallel (each keeps it in its process
        # cache for all later tasks); a bad --model fails here, once, as a ConfigError.
        client.run(warm_up, model)
        yield from _windowed(
            chunks,
            lambda chunk: client.submit(process_chunk, chunk, model, pure=False),
            lambda future: future.result(),
            n_workers * CHUNKS_IN_FLIGHT_PER_WORKER,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
