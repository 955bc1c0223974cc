"""Read `chiso extract` output back as articles: records plus the text they point into.

`show`, `report` and `table` accept either that output (JSON Lines of
`{"id", "source", "indicators", "errors"}`, or its CSV/Parquet form with one row
per indicator) or the inputs `extract` accepts
(text files, folders, `.jsonl` of `{id, text}`), extracting on the fly. When an
output line carries no `text`, the text is found, in order, in `--text` files
given by the user (matched by id or file stem) or in the line's `source` (a
file, or `file.jsonl:N` for line N of a JSONL input). A text is only used when
every record's `text == text[start:end]`, so highlights never land on the wrong
characters.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .quantities import INDICATOR_KINDS
from .read import Document, InputError, read_inputs

KINDS = list(INDICATOR_KINDS)  # SPEC section 1, in its order
# One colour per kind, shared by `chiso show`, `chiso report` and displacy; other kinds are grey.
KIND_COLORS = {"count": "#1f77b4", "percent": "#d62728", "ratio": "#9467bd", "money": "#2ca02c",
               "measure": "#ff7f0e", "number": "#8c564b"}  # fmt: skip
OTHER_COLOR = "#7f7f7f"


@dataclass
class Article:
    """One document of an output: its records and, when it could be found, its text."""

    id: str
    source: str
    records: list[dict[str, Any]]
    text: str | None = None
    errors: list[str] = field(default_factory=list)
    note: str | None = None  # why the text is missing, for the reader of a view


TABLE_OUTPUT_COLUMNS = {"id", "source", "start", "end", "kind", "value", "sentence_start", "sentence_end"}


def _table_columns(path: Path) -> set[str]:
    """The columns of a CSV or Parquet file (empty when it has none or cannot be read)."""
    try:
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            return set(pq.read_schema(path).names)
        with open(path, encoding="utf-8-sig", newline="") as f:
            return set(next(csv.reader(f), []))
    except (OSError, ValueError, UnicodeDecodeError):
        return set()


def is_table_output(path: Path) -> bool:
    """True when `path` is `chiso extract --format csv|parquet` output: one row per indicator."""
    return (
        path.is_file() and path.suffix.lower() in (".csv", ".parquet") and TABLE_OUTPUT_COLUMNS <= _table_columns(path)
    )


def read_table_output(path: Path) -> Iterator[dict[str, Any]]:
    """The document lines (SPEC section 2) back from a CSV or Parquet output, in row order."""
    import pandas as pd

    df = (
        pd.read_parquet(path)
        if path.suffix.lower() == ".parquet"
        else pd.read_csv(path, dtype=str, keep_default_na=False)
    )
    plain = lambda v: None if v is None or v == "" or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else v  # noqa: E731
    line: dict[str, Any] | None = None
    for row in df.to_dict("records"):
        row = {k: plain(v) for k, v in row.items()}
        key = (str(row["id"]), str(row["source"]))
        if line is None or (line["id"], line["source"]) != key:
            if line is not None:
                yield line
            line = {"id": key[0], "source": key[1], "indicators": [], "errors": json.loads(row.get("errors") or "[]")}
            if row.get("document_text") is not None:
                line["text"] = row["document_text"]
        if row.get("start") is None:  # a document without indicators keeps one empty row
            continue
        rec: dict[str, Any] = {}
        for k in ("start", "end", "text", "kind", "value", "value_max", "denominator", "unit", "comparator", "change",
                  "concept", "reference", "period", "location"):  # fmt: skip
            rec[k] = row.get(k)
        for k in ("start", "end"):
            rec[k] = int(rec[k])
        for k in ("value", "value_max", "denominator"):
            rec[k] = None if rec[k] is None else _plain_number(float(rec[k]))
        rec["sentence"] = [int(row["sentence_start"]), int(row["sentence_end"])]
        rec.update(json.loads(row["extra"]) if row.get("extra") else {})
        line["indicators"].append(rec)
    if line is not None:
        yield line


def _plain_number(v: float) -> float | int:
    return int(v) if v.is_integer() else v


def is_output_file(path: Path) -> bool:
    """True when `path` is `chiso extract` output: a `.jsonl` whose first line has `indicators`."""
    if path.is_dir() or path.suffix.lower() != ".jsonl" or not path.exists():
        return False
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for line in f:
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(obj, dict) and "indicators" in obj
    return False


def read_output_lines(path: Path) -> Iterator[dict[str, Any]]:
    """The document lines of an output file; a line that is not a JSON object raises `InputError`."""
    with open(path, encoding="utf-8-sig") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not JSON ({e.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("indicators"), list):
                raise InputError(f"{path}:{n}: not a chiso extract line (no list 'indicators')")
            yield obj


def text_matches(text: str, records: Iterable[dict[str, Any]]) -> bool:
    """Every record's offsets point at its own text in `text`."""
    return all(
        isinstance(r.get("start"), int)
        and isinstance(r.get("end"), int)
        and text[r["start"] : r["end"]] == r.get("text")
        for r in records
    )


@lru_cache(maxsize=4)
def _jsonl_lines(path: str, mtime: float) -> tuple[str, ...]:
    """The lines of a JSONL input, read once per file (an archive's output names it once per document)."""
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        return tuple(f)


def _source_text(source: str, base: Path | None = None) -> str | None:
    """The text at `source`: a text file, or line N of a JSONL input written `file.jsonl:N`.

    A relative path is tried as given, then beside the output file (`base`).
    """
    name, _, line_no = source.rpartition(":")
    if not (name and line_no.isdigit()):
        name, line_no = source, ""
    path = next((p for p in (Path(name), base / name if base else None) if p is not None and p.is_file()), None)
    if path is None:
        return None
    if line_no:
        lines = _jsonl_lines(str(path), path.stat().st_mtime)
        n = int(line_no)
        if not 1 <= n <= len(lines):
            return None
        try:
            obj = json.loads(lines[n - 1])
        except json.JSONDecodeError:
            return None
        return obj.get("text") if isinstance(obj, dict) and isinstance(obj.get("text"), str) else None
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def _texts_by_key(paths: list[Path]) -> dict[str, str]:
    """Texts of the user's `--text` inputs, under their id and, for files, their path."""
    out: dict[str, str] = {}
    for doc in read_inputs(paths):
        if doc.text is not None:
            out.setdefault(doc.id, doc.text)
            out.setdefault(doc.source, doc.text)
    return out


def article_from_line(
    line: dict[str, Any], texts: dict[str, str] | None = None, base: Path | None = None, with_text: bool = True
) -> Article:
    """An `Article` for one output line, with its text when one is found that fits the records.

    `base` is the output file's folder, where a relative `source` is also looked for;
    `with_text=False` skips the search (tables need only the records).
    """
    art = Article(
        id=str(line.get("id", "")),
        source=str(line.get("source", "")),
        records=list(line["indicators"]),
        errors=[str(e) for e in line.get("errors", [])],
    )
    if not with_text:
        return art
    candidates: list[tuple[str, Callable[[], Any]]] = [("the output line", lambda: line.get("text"))]
    if texts:
        candidates += [("--text", lambda: texts.get(art.id)), ("--text", lambda: texts.get(art.source))]
    if art.source:
        candidates.append((f"source {art.source}", lambda: _source_text(art.source, base)))
    tried = []
    for where, find in candidates:
        text = find()
        if not isinstance(text, str):
            continue
        if text_matches(text, art.records):
            art.text = text
            return art
        tried.append(where)
    if tried:
        art.note = f"text from {', '.join(tried)} does not match the record offsets; records shown without text"
    else:
        art.note = "text not found (not in the output, no --text, source not readable); records shown without text"
    return art


def article_from_document(doc: Document, all_kinds: bool = False) -> Article:
    """Extract on the fly from an input document."""
    from . import extract

    art = Article(id=doc.id, source=doc.source, records=[], text=doc.text, errors=list(doc.errors))
    if doc.text is not None:
        art.records = [r.to_dict() for r in extract(doc.text, all_kinds=all_kinds)]
    return art


def load_articles(
    inputs: list[Path], texts: list[Path] | None = None, all_kinds: bool = False, with_text: bool = True
) -> list[Article]:
    """Articles from outputs of `chiso extract` and/or raw inputs, in the order given.

    `with_text=False` does not look for the texts of outputs (tables need only the records).
    Raises `InputError` for a missing input or an unreadable output line.
    """
    for p in [*inputs, *(texts or [])]:
        if not p.exists() and str(p) != "-":
            raise InputError(f"no such file or directory: {p}")
    by_key = _texts_by_key(texts) if texts else None
    out: list[Article] = []
    for p in inputs:
        if str(p) == "-":  # `echo "Xã có 57 hộ nghèo." | chiso show -`
            out.append(article_from_document(Document("stdin", "-", sys.stdin.read()), all_kinds))
            continue
        lines = read_output_lines(p) if is_output_file(p) else read_table_output(p) if is_table_output(p) else None
        if lines is not None:
            out.extend(article_from_line(line, by_key, p.resolve().parent, with_text) for line in lines)
        else:
            out.extend(article_from_document(d, all_kinds) for d in read_inputs([p]))
    return out


def records_of(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """Every record with its document's `id` and `source` in front."""
    for a in articles:
        for r in a.records:
            yield {"id": a.id, "source": a.source, **r}


def _number(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int) and abs(v) >= 10_000:  # not years or 4-digit counts: 2023, 1500
        return f"{v:,}".replace(",", "\u202f")  # narrow no-break space: neither `.` nor `,` misreads in Vietnamese
    return str(v)


def plural(n: int, word: str, with_count: bool = True) -> str:
    """`1 indicator`, `2 indicators` (or only the word)."""
    w = word if n == 1 else word + "s"
    return f"{n} {w}" if with_count else w


def value_label(record: dict[str, Any]) -> str:
    """The value as a reader says it: `57`, `5–7`, `13/21`, `~1 500`, `>114`."""
    v = record.get("value")
    if v is None:
        return ""
    s = _number(v)
    if record.get("value_max") is not None:
        s += "–" + _number(record["value_max"])
    if record.get("denominator") is not None:
        s += "/" + _number(record["denominator"])
    cmp = record.get("comparator")
    return s if cmp in (None, "=") else f"{cmp}{s}"


def output_schema() -> dict[str, Any]:
    """The JSON Schema of an output line (`models/schema/indicators.schema.json`)."""
    from .lexicon import load_json

    schema: dict[str, Any] = load_json("schema/indicators.schema.json")
    return schema
