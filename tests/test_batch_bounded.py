"""Streaming: the engines read only a few batches ahead of what is written, whatever the input size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pipeline.batch import BATCH_DOCS, IN_FLIGHT_PER_WORKER, Options, batches, run_local
from pipeline.read import Document


def _counted(n: int, seen: list[int]) -> Iterator[Document]:
    for i in range(n):
        seen[0] += 1
        yield Document(f"d{i}", "gen", f"Xã có {i} hộ nghèo.")


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_reads_a_bounded_window_ahead(workers):
    seen = [0]
    out = run_local(batches(_counted(10_000, seen)), workers, Options())
    first = next(out)
    assert first.records is not None and [r["id"] for r in first.records] == [f"d{i}" for i in range(BATCH_DOCS)]
    assert seen[0] <= (workers * IN_FLIGHT_PER_WORKER + 1) * BATCH_DOCS
    out.close()
