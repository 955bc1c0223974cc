"""Write document records as JSON Lines, CSV or Parquet, so that a crash never leaves a corrupt file.

Records go first to `<output>.partial`, one JSON line per finished document, in
input order: that file is also the journal a `--resume` run continues from (a
line cut by a kill is dropped). At the end it is converted (CSV, Parquet) or
renamed (JSON Lines) into place atomically.

CSV and Parquet hold one row per indicator with the document's `id` and
`source`; a document without indicators keeps one row with empty indicator
columns, so its errors and its place in the input are not lost.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
INDICATOR_COLUMNS = [
    ("start", "int64"), ("end", "int64"), ("text", "string"), ("kind", "string"), ("value", "float64"),
    ("value_max", "float64"), ("denominator", "float64"), ("unit", "string"), ("comparator", "string"),
    ("change", "string"), ("concept", "string"), ("reference", "string"), ("period", "string"),
    ("location", "string"), ("sentence_start", "int64"), ("sentence_end", "int64"),
]  # fmt: skip
COLUMNS = ["id", "source", *(name for name, _ in INDICATOR_COLUMNS), "extra", "errors", "warnings", "document_text"]
_ROWS_PER_GROUP = 50_000


def rows(record: dict) -> Iterator[dict[str, Any]]:
    """The table rows of one document record (SPEC section 2 line)."""
    base = {
        "id": record["id"],
        "source": record["source"],
        "errors": json.dumps(record.get("errors", []), ensure_ascii=False),
    }
    base["warnings"] = json.dumps(record.get("warnings", []), ensure_ascii=False)
    base["document_text"] = record.get("text")
    for ind in record["indicators"] or [None]:
        row = dict.fromkeys(COLUMNS)
        row.update(base)
        if ind is not None:
            ind = dict(ind)
            row["sentence_start"], row["sentence_end"] = ind.pop("sentence")
            for name, dtype in INDICATOR_COLUMNS[:-2]:
                v = ind.pop(name, None)
                row[name] = float(v) if dtype == "float64" and v is not None else v  # 9.7e15 is no exact double
            row["extra"] = json.dumps(ind, ensure_ascii=False) if ind else None
        yield row


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_csv(records: Iterable[dict], out: IO[str]) -> None:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in records:
        w.writerows(rows(r))


def write_parquet(records: Iterable[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int64": pa.int64(), "float64": pa.float64(), "string": pa.string()}
    schema = pa.schema([(c, types[dict(INDICATOR_COLUMNS).get(c, "string")]) for c in COLUMNS])
    with pq.ParquetWriter(path, schema) as w:
        batch: list[dict] = []
        for r in records:
            batch.extend(rows(r))
            if len(batch) >= _ROWS_PER_GROUP:
                w.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        w.write_table(pa.Table.from_pylist(batch, schema))


def read_journal(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _fsync_replace(tmp: Path, final: Path) -> None:
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, final)
    dir_fd = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class OutputError(Exception):
    """Options that cannot give an output (exit code 2), found before any work."""


class Output:
    """Where the records of a run go; `done` documents were already written by an interrupted run."""

    def __init__(self, path: Path | None, fmt: str, resume: bool = False, settings: dict | None = None):
        self.path, self.fmt, self.done = path, fmt, 0
        self.complete = False  # --resume of a run that had finished: nothing to do
        if path is None:
            if fmt == "parquet":
                raise OutputError("Parquet output needs -o FILE")
            if resume:
                raise OutputError("--resume needs -o FILE")
            self._out: IO[str] = sys.stdout
            self._csv = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n") if fmt == "csv" else None
            if self._csv:
                self._csv.writeheader()
            return
        self.partial = path.with_name(path.name + ".partial")
        self.meta = path.with_name(path.name + ".partial.json")
        state = json.dumps(settings or {}, sort_keys=True, ensure_ascii=False)
        if resume and self.partial.exists():
            if self.meta.exists() and self.meta.read_text(encoding="utf-8") != state:
                raise OutputError(f"{self.partial} was written with other inputs or options; run without --resume")
            self.done = _keep_complete_lines(self.partial)
        elif resume and path.exists():
            self.complete = True
            self.meta.unlink(missing_ok=True)  # left by a kill just after the output was put in place
            self._out = open(os.devnull, "w")
            return
        else:
            self.partial.write_bytes(b"")
            self.meta.write_text(state, encoding="utf-8")
        self._out = open(self.partial, "a", encoding="utf-8")
        self._csv = None
        self._unsynced = 0

    def write(self, record: dict) -> None:
        if self._csv is not None:
            self._csv.writerows(rows(record))
            return
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if self.path is not None:
            self._unsynced += 1
            if self._unsynced >= 256:
                self.flush()
        else:
            self._out.flush()

    def flush(self) -> None:
        self._out.flush()
        if self.path is not None and not self.complete:
            os.fsync(self._out.fileno())
            self._unsynced = 0

    def commit(self) -> None:
        """Put the finished output in place: rename (JSON Lines) or convert then rename (CSV, Parquet)."""
        self.flush()
        if self.path is None or self.complete:
            return
        self._out.close()
        if self.fmt == "jsonl":
            _fsync_replace(self.partial, self.path)
        else:
            tmp = self.path.with_name(self.path.name + ".tmp")
            try:
                if self.fmt == "csv":
                    with open(tmp, "w", encoding="utf-8", newline="") as f:
                        write_csv(read_journal(self.partial), f)
                else:
                    write_parquet(read_journal(self.partial), tmp)
                _fsync_replace(tmp, self.path)
            except BaseException:  # a full disk, Ctrl-C: no half-written file is left; the journal stays for --resume
                tmp.unlink(missing_ok=True)
                raise
            self.partial.unlink()
        self.meta.unlink(missing_ok=True)

    def close(self) -> None:
        """Stop without committing: the partial file stays for `--resume` (a line cut by a full disk is dropped then)."""
        if self.path is not None and not self._out.closed:
            try:
                self.flush()
            except OSError:  # the disk is still full: the error that stopped the run is the one to report
                pass
            finally:
                try:
                    self._out.close()
                except OSError:
                    pass


def _keep_complete_lines(path: Path) -> int:
    """Drop a last line cut by a kill; the number of complete lines (finished documents)."""
    count, good = 0, 0
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            count += 1
            good += len(line)
    with open(path, "rb+") as f:
        f.truncate(good)
    return count
