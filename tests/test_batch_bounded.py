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


def test_extraction_keeps_no_memory_per_document():
    """An archive of millions of articles goes through one worker: what extraction keeps between
    documents (caches) must stop growing, not grow with every number read."""
    import gc
    import tracemalloc

    from pipeline import extract

    def doc(i: int) -> str:
        return (
            f"Năm {2000 + i % 20}, giá tăng gấp ba lần, nhiệt độ xuống âm {i % 30} độ C. "
            f"Một nửa số hộ nhận ${i} và {i * 7} người được hỗ trợ {i % 90},5 triệu đồng, gấp đôi năm trước."
        )

    for i in range(200):  # caches fill up with what every document shares
        extract(doc(i))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(200, 700):
        extract(doc(i))
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert grown < 500_000, f"{grown:,} bytes kept after 500 more documents"
