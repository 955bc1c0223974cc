"""Extract many documents on several processes, in input order, with bounded memory.

Documents travel in small batches; at most a few batches per worker are in
flight, so memory does not grow with the archive. The models are loaded once,
before the workers are forked, and every worker keeps them.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from .read import Document

BATCH_DOCS = 8
BATCH_CHARS = 16_000
IN_FLIGHT_PER_WORKER = 4


@dataclass
class Options:
    all_kinds: bool = False
    keep_text: bool = False


@dataclass
class Batch:
    """Documents with their records once extracted; `rss_kb` is the worker's peak RSS so far."""

    docs: list[Document]
    records: list[dict] | None = None
    rss_kb: int = 0

    @property
    def chars(self) -> int:
        return sum(len(d.text or "") for d in self.docs)


def batches(docs: Iterable[Document], max_docs: int = BATCH_DOCS, max_chars: int = BATCH_CHARS) -> Iterator[Batch]:
    group: list[Document] = []
    size = 0
    for doc in docs:
        group.append(doc)
        size += len(doc.text or "")
        if len(group) >= max_docs or size >= max_chars:
            yield Batch(group)
            group, size = [], 0
    if group:
        yield Batch(group)


def records_of(docs: list[Document], options: Options) -> tuple[list[dict], int]:
    """The output records of a batch, and this process's peak RSS in kB (runs in the worker)."""
    from .cli import document_record

    out = []
    for doc in docs:
        rec = document_record(doc, options.all_kinds)
        if options.keep_text:
            rec["text"] = doc.text
        out.append(rec)
    return out, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _warm() -> None:
    """Load the models (underthesea's CRF, lexicons) by extracting once."""
    from . import extract

    extract("Toàn huyện có 57 đảng viên.")


def _die_with_parent() -> None:
    """A worker ends when the run is killed (Linux), instead of waiting forever for work; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool and keeps what is written
    try:
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_local(stream: Iterable[Batch], workers: int, options: Options) -> Iterator[Batch]:
    """Extract every batch, yielded in input order; `workers == 1` runs in this process.

    The worker processes start here, at once: forked after the models are loaded,
    so they share them and start in no time, and before any other thread exists.
    """
    _warm()
    if workers <= 1:
        return _in_process(stream, options)
    sys.stdout.flush()  # a forked worker flushes what it inherited when it exits
    forks = "fork" in multiprocessing.get_all_start_methods()  # not on Windows: there each worker loads the models
    ctx = multiprocessing.get_context("fork" if forks else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_die_with_parent if forks else _warm)
    pool.submit(int).result()
    return _in_pool(pool, stream, workers, options)


def _in_process(stream: Iterable[Batch], options: Options) -> Iterator[Batch]:
    for b in stream:
        b.records, b.rss_kb = records_of(b.docs, options)
        yield b


def _in_pool(pool: ProcessPoolExecutor, stream: Iterable[Batch], workers: int, options: Options) -> Iterator[Batch]:
    pending: deque[tuple[Batch, Future]] = deque()
    try:
        for b in stream:
            pending.append((b, pool.submit(records_of, b.docs, options)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield _finish(*pending.popleft())
        while pending:
            yield _finish(*pending.popleft())
    finally:  # on an error or Ctrl-C, batches not started are dropped: --resume redoes them
        pool.shutdown(cancel_futures=True)


def _finish(b: Batch, future: Future) -> Batch:
    b.records, b.rss_kb = future.result()
    return b
