"""One `chiso extract` run: read → batches → engine (local processes or Dask) → resumable output → summary."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

from .batch import Options, batches, default_workers, run_local
from .progress import Summary, progress
from .read import read_inputs
from .write import Output


@dataclass
class Job:
    inputs: list[str]
    output: Path | None = None
    fmt: str = "jsonl"
    input_format: str | None = None
    id_field: str = "id"
    text_field: str = "text"
    all_kinds: bool = False
    keep_text: bool = False
    workers: int = 0  # 0: every core
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None

    def settings(self) -> dict:
        """What must not change between a run and its `--resume`."""
        d = asdict(self)
        d["inputs"] = [p if p == "-" else os.path.realpath(p) for p in self.inputs]  # realpath: no error on a link loop
        for k in ("output", "workers", "resume", "engine", "scheduler"):
            d.pop(k)
        return d


def run(job: Job, show_progress: bool | None = None) -> Summary | None:
    """Run `job`; None when `--resume` finds the output already complete.

    Raises InputError (missing input) and OutputError (impossible options) before any work.
    """
    docs = read_inputs(job.inputs, job.input_format, job.id_field, job.text_field)
    out = Output(job.output, job.fmt, job.resume, job.settings())
    if out.complete:
        return None
    workers = job.workers or default_workers()
    options = Options(job.all_kinds, job.keep_text)
    stream = batches(islice(docs, out.done, None))
    if job.engine == "dask":
        from .dask_engine import run_dask

        done = run_dask(stream, workers, options, job.scheduler)
    else:
        done = run_local(stream, workers, options)
    summary = Summary(skipped=out.done)
    try:
        with progress(summary, show_progress) as tick:
            for b in done:
                for record in b.records or []:
                    out.write(record)
                summary.add(b)
                tick()
    except BaseException:
        out.close()  # what is written stays for --resume
        raise
    out.commit()
    return summary
