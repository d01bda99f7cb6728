"""Read and segment files in worker processes; one file's failure is never the batch's.

Files go to the workers in chunks (fewer round trips between processes). parse_file turns
every error of a reader into that file's failure, so a chunk normally always comes back.
A chunk whose results cannot come back (a result that cannot be sent between processes)
is read again file by file in the same pool. A worker that dies (killed for memory, or
crashed inside a C library) breaks the whole pool: every file not yet returned is then read
one at a time in a fresh single-worker pool, so that only the file that kills its worker
again is reported as failed, and the others are imported.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from annotator.core.parsing import Failure, ParsedFile, parse_file, unexpected_reason
from annotator.core.readers import ReadOptions

CHUNK_FILES = 48  # files per task: enough to make a round trip cheap, few enough to balance
CHUNKS_AHEAD = 3  # tasks queued per worker beyond the one being waited for
_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
WORKER_DIED = "the process reading it stopped unexpectedly (out of memory, or a crash)"

Context = multiprocessing.context.BaseContext


_stop_requested = None  # in a worker: the pool's stop event (see worker_started)


def parse_chunk(paths: list[Path], options: ReadOptions) -> list[ParsedFile]:
    """The task a worker runs; it ends early, between files, once the pool is stopping."""
    parsed = []
    for path in paths:
        if _stop_requested is not None and _stop_requested.is_set():
            break
        parsed.append(parse_file(path, options))
    return parsed


def parse_in_workers(
    files: list[Path], options: ReadOptions, workers: int, context: Context
) -> Iterator[ParsedFile]:
    """Every file parsed, in input order, by `workers` processes."""
    chunks = deque(files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES))
    with _pool(workers, context) as pool:
        yield from _chunked(pool, chunks, options, workers * (1 + CHUNKS_AHEAD))
    if chunks:  # the pool broke: what is left, one file at a time
        yield from _one_at_a_time(deque(p for chunk in chunks for p in chunk), options, context)


@contextlib.contextmanager
def _pool(workers: int, context: Context) -> Iterator[ProcessPoolExecutor]:
    """A pool that is shut down when done; when the reader of the results stops early
    (cancel, Ctrl-C, an error), its workers stop between files instead of finishing."""
    stop = context.Event()
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=worker_started, initargs=(os.getpid(), stop)
    )
    try:
        yield pool
    except BaseException:
        stop_pool(pool, stop)
        raise
    pool.shutdown(wait=True)


def worker_started(parent_pid: int, stop=None) -> None:
    """Tie a worker's life to the importing process (runs first in every worker).

    A killed import (kill -9, SIGTERM, a crash) must not leave workers behind: they would wait
    for work forever, holding memory and the caller's pipes (so `$(annotator import …)` never
    returned). Ctrl-C reaches every process of the terminal's group; the workers ignore it
    and the importing process stops them, so the person sees one line, not a traceback per
    worker.
    """
    global _stop_requested
    _stop_requested = stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent_linux()
    if os.getppid() != parent_pid:  # the parent died before we could ask to die with it
        os._exit(1)
    _watch_parent()


def _die_with_parent_linux() -> None:
    """Linux: the kernel sends SIGKILL the moment the parent exits (prctl PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watch_parent() -> None:
    """Everywhere (and as a second guard on Linux): a thread waits on the pipe (Windows: the
    process handle) multiprocessing keeps to the parent, which becomes ready when it exits."""
    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is None:
        return

    def wait_for_parent() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=wait_for_parent, name="parent-watch", daemon=True).start()


STOP_GRACE_SECONDS = 5.0


def stop_pool(pool: ProcessPoolExecutor, stop) -> None:
    """Cancel what is queued and let each worker end its task at the next file.

    Terminating a worker instead could cut it off in the middle of sending a result; the
    pool's manager thread would then wait for the rest of that message forever, and Python
    waits for that thread when the process exits, so Ctrl-C (or closing the window after a
    cancelled import) would hang. Only a worker stuck past the grace period (inside a C
    library, say) is terminated.
    """
    # _processes is private, but the only handle on the workers; kept since Python 3.2.
    processes = list(getattr(pool, "_processes", {}).values())
    stop.set()
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for process in processes:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.terminate()
            process.join(timeout=5)


def _chunked(
    pool: ProcessPoolExecutor, chunks: deque[list[Path]], options: ReadOptions, ahead: int
) -> Iterator[ParsedFile]:
    """Parse chunks in order; on a broken pool, put back every chunk not yet returned."""
    in_flight: deque[tuple[list[Path], Future]] = deque()
    while chunks or in_flight:
        try:
            while chunks and len(in_flight) < ahead:
                in_flight.append((chunks[0], pool.submit(parse_chunk, chunks[0], options)))
                chunks.popleft()
            chunk, future = in_flight[0]
            results = _chunk_results(pool, chunk, future, options)
        except BrokenProcessPool:
            chunks.extendleft(reversed([chunk for chunk, _ in in_flight]))
            return
        in_flight.popleft()
        yield from results


def _chunk_results(
    pool: ProcessPoolExecutor, chunk: list[Path], future: Future, options: ReadOptions
) -> list[ParsedFile]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception:  # a result that could not come back: find which file it was
        return [_result(pool.submit(parse_file, path, options), path) for path in chunk]


def _result(future: Future, path: Path) -> ParsedFile:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as error:
        return failed(path, unexpected_reason(error))


def _one_at_a_time(
    files: deque[Path], options: ReadOptions, context: Context
) -> Iterator[ParsedFile]:
    """Each file in its own task; a file that kills its worker fails, a new worker goes on.

    If a new worker cannot even start (no process can run here), the rest is read in this
    process, as a small batch would be.
    """
    while files:
        with _pool(1, context) as pool:
            if not _can_start(pool):
                yield from (parse_file(files.popleft(), options) for _ in range(len(files)))
                return
            while files:
                try:
                    parsed = _result(pool.submit(parse_file, files[0], options), files[0])
                except BrokenProcessPool:
                    yield failed(files.popleft(), WORKER_DIED)
                    break
                files.popleft()
                yield parsed


def _can_start(pool: ProcessPoolExecutor) -> bool:
    try:
        pool.submit(os.getpid).result()
    except BrokenProcessPool:
        return False
    return True


def failed(path: Path, reason: str) -> ParsedFile:
    return ParsedFile(path, failure=Failure(str(path), reason))
