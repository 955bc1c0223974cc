"""The same job on Dask: batches of documents through `dask.bag`, locally or on a `dask.distributed` cluster.

Documents are read here and shipped to the workers in windows of a few
batches per worker, so memory stays bounded and records come back in input
order; writing, resume and the summary are the local engine's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .batch import IN_FLIGHT_PER_WORKER, Batch, Options, records_of


def run_dask(stream: Iterable[Batch], workers: int, options: Options, scheduler: str | None = None) -> Iterator[Batch]:
    """Extract every batch on Dask, yielded in input order; `scheduler` is a `dask.distributed` address."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        window_size = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        it = iter(stream)
        while window := list(islice(it, window_size)):
            bag = db.from_sequence([b.docs for b in window], npartitions=len(window))
            results = bag.map(records_of, options).compute()
            for b, (records, rss) in zip(window, results, strict=True):
                b.records, b.rss_kb = records, rss
                yield b
    if cluster is not None:
        cluster.close()
