"""The same job on Dask: batches of documents through `dask.bag`, locally or on a `dask.distributed` cluster.

Documents are read here and shipped to the workers in windows of a few
batches per worker, so memory stays bounded and records come back in input
order; writing, resume and the summary are the local engine's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice

from .batch import IN_FLIGHT_PER_WORKER, Batch, Options, records_of


def _quiet_distributed() -> None:
    """Our own local cluster is an implementation detail: no INFO lines on stderr."""
    for name in ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]:
        logging.getLogger(name).setLevel(logging.ERROR)


def run_dask(stream: Iterable[Batch], workers: int, options: Options, scheduler: str | None = None) -> Iterator[Batch]:
    """Extract every batch on Dask, yielded in input order; `scheduler` is a `dask.distributed` address."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler is None:
            _quiet_distributed()
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
            )
            scheduler = stack.enter_context(cluster).scheduler_address
        client = stack.enter_context(Client(scheduler))
        window_size = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        it = iter(stream)
        while window := list(islice(it, window_size)):
            bag = db.from_sequence([b.docs for b in window], npartitions=len(window))
            for b, (records, rss) in zip(window, bag.map(records_of, options).compute(), strict=True):
                b.records, b.rss_kb = records, rss
                yield b
