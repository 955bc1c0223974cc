"""What a run reports: a progress bar on stderr when it is a terminal, and a summary at the end."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .batch import Batch


@dataclass
class Summary:
    skipped: int = 0  # finished by an interrupted run (`--resume`)
    read: int = 0
    with_indicators: int = 0
    with_errors: int = 0
    records: int = 0
    chars: int = 0
    peak_rss_kb: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, b: Batch) -> None:
        self.read += len(b.docs)
        self.chars += b.chars
        self.peak_rss_kb = max(self.peak_rss_kb, b.rss_kb)
        for r in b.records or []:
            self.with_indicators += bool(r["indicators"])
            self.with_errors += bool(r["errors"])
            self.records += len(r["indicators"])

    @property
    def chars_per_second(self) -> float:
        return self.chars / max(time.perf_counter() - self.started, 1e-9)

    def line(self) -> str:
        resumed = f" (+{self.skipped:,} done before --resume)" if self.skipped else ""
        return (
            f"chiso: {self.read:,} documents read{resumed}, {self.with_indicators:,} with indicators, "
            f"{self.with_errors:,} with errors, {self.records:,} records, {self.chars_per_second:,.0f} chars/s, "
            f"peak RSS per worker {self.peak_rss_kb / 1024:,.0f} MB"
        )


@contextmanager
def progress(summary: Summary, enabled: bool | None = None) -> Iterator[Callable[[], None]]:
    """A function to call after each batch; it redraws the bar when stderr is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:  # fmt: skip
        task = bar.add_task("starting")

        def tick() -> None:
            s = summary
            bar.update(
                task, description=f"{s.read:,} documents, {s.records:,} records, {s.chars_per_second:,.0f} chars/s"
            )

        yield tick
