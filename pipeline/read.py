"""Read inputs into documents: text, HTML (main text), JSON Lines, JSON, CSV, Parquet, in folders, archives or stdin.

A document that cannot be read carries an error and the others still come out.
Records inside a file take their id from `id_field` (else `<file stem>:<n>`)
and their text from `text_field`; their source is `<file>:<n>`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .decode import decode
from .limits import MAX_LINE_BYTES, MAX_READ_BYTES, MAX_WHOLE_BYTES, read_bounded
from .sources import UNREADABLE, InputError, Member, check_inputs, members, why

__all__ = ["Document", "InputError", "decode", "read_inputs", "read_members"]


@dataclass
class Document:
    id: str
    source: str
    text: str | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Fields:
    id: str = "id"
    text: str = "text"


def _whole(data: bytes, m: Member) -> Document:
    text, errors, warnings = decode(data, m.source)
    return Document(m.doc_id, m.source, text, errors, warnings)


def _html(data: bytes, m: Member) -> Document:
    doc = _whole(data, m)
    if doc.text is not None:
        import trafilatura

        main = trafilatura.extract(doc.text, include_comments=False, include_tables=True, favor_recall=True)
        if main is None:
            doc.warnings.append(f"{m.source}: no main text found in the HTML")
        doc.text = unicodedata.normalize("NFC", main or "")  # entities (&agrave;) decode to any form
    return doc


def _record(obj: Any, m: Member, n: int, f: Fields) -> Document:
    """One record of a JSON Lines, JSON, CSV or Parquet file."""
    source = f"{m.source}:{n}"
    fallback = f"{m.doc_id}:{n}"
    if not isinstance(obj, dict):
        return Document(fallback, source, None, [f"{source}: not an object"])
    raw_id = obj.get(f.id)
    missing = raw_id is None or raw_id == "" or raw_id != raw_id  # NaN: an empty Parquet/pandas cell
    doc_id = fallback if missing else str(raw_id)
    text = obj.get(f.text)
    if not isinstance(text, str):
        return Document(doc_id, source, None, [f"{source}: no string field {f.text!r}"])
    return Document(doc_id, source, text)  # as read: offsets index this text


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of `stream`; None for a line longer than MAX_LINE_BYTES (skipped without being held)."""
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(2**20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def _jsonl(stream: IO[bytes], m: Member, f: Fields) -> Iterator[Document]:
    for n, raw in enumerate(_lines(stream), 1):
        source = f"{m.source}:{n}"
        if raw is None:
            yield Document(
                f"{m.doc_id}:{n}", source, None, [f"{source}: line longer than {MAX_LINE_BYTES:,} bytes; not read"]
            )
            continue
        if not raw.strip():
            continue
        line, errors, warnings = decode(raw, source)
        if line is None:
            yield Document(f"{m.doc_id}:{n}", source, None, errors)
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:  # RecursionError: `[[[[…` nested too deep
            yield Document(f"{m.doc_id}:{n}", source, None, [f"{source}: not JSON ({_json_error(e)})"])
            continue
        doc = _record(obj, m, n, f)
        doc.errors[:0], doc.warnings[:0] = errors, warnings
        yield doc


def _json_error(e: Exception) -> str:
    return e.msg if isinstance(e, json.JSONDecodeError) else "nested too deep"


def _json(data: bytes, m: Member, f: Fields) -> Iterator[Document]:
    text, errors, _ = decode(data, m.source)
    try:
        obj = json.loads(text) if text is not None else None
    except (json.JSONDecodeError, RecursionError) as e:
        errors = [f"{m.source}: not JSON ({_json_error(e)})"]
    if text is None or errors:
        yield Document(m.doc_id, m.source, None, errors)
        return
    for n, item in enumerate(obj if isinstance(obj, list) else [obj], 1):
        yield _record(item, m, n, f)


def _csv(stream: IO[bytes], m: Member, f: Fields) -> Iterator[Document]:
    csv.field_size_limit(sys.maxsize)
    lines = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    n = 0
    try:
        for n, row in enumerate(csv.DictReader(lines), 1):
            yield _record(row, m, n, f)
    except (UnicodeDecodeError, csv.Error) as e:
        yield Document(
            f"{m.doc_id}:{n + 1}", f"{m.source}:{n + 1}", None, [f"{m.source}: unreadable CSV after row {n} ({e})"]
        )


def _parquet(stream: IO[bytes], m: Member, f: Fields) -> Iterator[Document]:
    import pyarrow.parquet as pq

    if not stream.seekable():  # an archive member: held whole, up to a limit
        data, cut = read_bounded(stream, MAX_WHOLE_BYTES)
        if cut:
            yield Document(
                m.doc_id, m.source, None, [f"{m.source}: Parquet larger than {MAX_WHOLE_BYTES:,} bytes; not read"]
            )
            return
    seekable = stream if stream.seekable() else io.BytesIO(data)
    try:
        pf = pq.ParquetFile(seekable)
        columns = [c for c in (f.id, f.text) if c in pf.schema_arrow.names]
        n = 0
        for batch in pf.iter_batches(batch_size=256, columns=columns):
            for row in batch.to_pylist():
                n += 1
                yield _record(row, m, n, f)
    except Exception as e:  # pyarrow raises several types for a file that is not Parquet
        yield Document(m.doc_id, m.source, None, [f"{m.source}: unreadable Parquet ({type(e).__name__}: {e})"])


def _read_whole(stream: IO[bytes], m: Member, f: Fields) -> Iterator[Document]:
    """A text or HTML file (its first MAX_READ_BYTES: more than a document's limit), or a JSON file (refused when larger)."""
    limit = MAX_WHOLE_BYTES if m.fmt == "json" else MAX_READ_BYTES
    data, cut = read_bounded(stream, limit)
    if m.fmt == "json":
        if cut:
            yield Document(m.doc_id, m.source, None, [f"{m.source}: JSON file larger than {limit:,} bytes; not read"])
        else:
            yield from _json(data, m, f)
        return
    doc = (_html if m.fmt == "html" else _whole)(data, m)
    if cut:
        doc.warnings.append(f"{m.source}: file larger than {limit:,} bytes; only the first {len(data):,} are read")
    yield doc


def read_member(m: Member, f: Fields = Fields()) -> Iterator[Document]:  # noqa: B008 - frozen default
    """The documents of one file; a file that fails while being read ends with an error document, the run goes on."""
    if m.error:
        yield Document(m.doc_id, m.source, None, [m.error])
        return
    n = 0
    try:
        with m.open() as stream:
            if m.fmt == "jsonl":
                docs = _jsonl(stream, m, f)
            elif m.fmt == "csv":
                docs = _csv(stream, m, f)
            elif m.fmt == "parquet":
                docs = _parquet(stream, m, f)
            else:
                docs = _read_whole(stream, m, f)
            for doc in docs:
                n += 1
                yield doc
    except ImportError:  # a broken install is not a broken file
        raise
    except UNREADABLE as e:  # permissions, a symlink loop, a corrupt archive member (bad CRC, cut stream) …
        where = f" after {n} record(s)" if n else ""
        yield Document(
            m.doc_id if not n else f"{m.doc_id}:{n + 1}", m.source, None, [f"{m.source}: cannot read{where} ({why(e)})"]
        )


def read_members(ms: Iterable[Member], id_field: str = "id", text_field: str = "text") -> Iterator[Document]:
    f = Fields(id_field, text_field)
    for m in ms:
        yield from read_member(m, f)


def read_inputs(
    paths: list[Path] | list[str], input_format: str | None = None, id_field: str = "id", text_field: str = "text"
) -> Iterator[Document]:
    """Documents of every input, in the order given (folders sorted by path); `-` is stdin.

    Raises InputError before reading anything when an input does not exist.
    """
    names = [str(p) for p in paths]
    check_inputs(names)
    return read_members(members(names, input_format), id_field, text_field)
