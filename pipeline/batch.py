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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    After a worker dies, new pools are forked the same way (the old pool shut down first).
    """
    _warm()
    if workers <= 1:
        return _in_process(stream, options)
    sys.stdout.flush()  # a forked worker flushes what it inherited when it exits
    forks = "fork" in multiprocessing.get_all_start_methods()  # not on Windows: there each worker loads the models
    ctx = multiprocessing.get_context("fork" if forks else "spawn")

    def new_pool(n: int) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(n, mp_context=ctx, initializer=_die_with_parent if forks else _warm)
        pool.submit(int).result()
        return pool

    return _in_pool(new_pool, new_pool(workers), stream, workers, options)


def _in_process(stream: Iterable[Batch], options: Options) -> Iterator[Batch]:
    for b in stream:
        b.records, b.rss_kb = records_of(b.docs, options)
        yield b


def _in_pool(
    new_pool: Callable[[int], ProcessPoolExecutor],
    pool: ProcessPoolExecutor,
    stream: Iterable[Batch],
    workers: int,
    options: Options,
) -> Iterator[Batch]:
    """Batches through the pool, in order. When a worker dies (killed, out of memory), the batches in flight
    are redone one document at a time; a document that kills its worker again gets an error, and the run goes on."""
    pending: deque[tuple[Batch, Future]] = deque()
    batches = iter(stream)
    try:
        while True:
            try:
                for b in batches:
                    pending.append((b, _submit(pool, b, options)))
                    if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                        yield _finish(pending)
                while pending:
                    yield _finish(pending)
                return
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                retry = [b for b, _ in pending]
                pending.clear()
                pool = new_pool(1)
                for b in retry:
                    pool = _one_by_one(new_pool, pool, b, options)
                    yield b
                pool.shutdown(wait=True)
                pool = new_pool(workers)
    finally:  # on an error or Ctrl-C, batches not started are dropped: --resume redoes them
        pool.shutdown(cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, b: Batch, options: Options) -> Future:
    """The batch's future; a pool found broken gives a failed one, so the batch stays in line to be redone."""
    try:
        return pool.submit(records_of, b.docs, options)
    except BrokenProcessPool as e:
        failed: Future = Future()
        failed.set_exception(e)
        return failed


def _one_by_one(
    new_pool: Callable[[int], ProcessPoolExecutor], pool: ProcessPoolExecutor, b: Batch, options: Options
) -> ProcessPoolExecutor:
    """Fill `b.records` document by document on a one-worker pool; returns the pool (a new one after a death)."""
    b.records, b.rss_kb = [], 0
    for doc in b.docs:
        try:
            records, rss = pool.submit(records_of, [doc], options).result()
        except BrokenProcessPool:
            pool.shutdown(wait=True)
            pool = new_pool(1)
            killed = f"{doc.source}: not extracted: its worker process died on it twice (out of memory?)"
            records, rss = records_of(
                [Document(doc.id, doc.source, None, [*doc.errors, killed], doc.warnings)], options
            )
            if options.keep_text:
                records[0]["text"] = doc.text
        b.records += records
        b.rss_kb = max(b.rss_kb, rss)
    return pool


def _finish(pending: deque[tuple[Batch, Future]]) -> Batch:
    b, future = pending[0]
    b.records, b.rss_kb = future.result()  # raises BrokenProcessPool before the batch leaves `pending`
    pending.popleft()
    return b
