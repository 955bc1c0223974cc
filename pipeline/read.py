"""Read inputs into documents: `.txt` files, folders of them, `.jsonl` of `{"id", "text"}`.

A document that cannot be read carries an error and the others still come out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md"}


class InputError(Exception):
    """An input that does not exist or cannot be opened at all (exit code 2)."""


@dataclass
class Document:
    id: str
    source: str
    text: str | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, source: str) -> tuple[str | None, list[str]]:
    """UTF-8 (a BOM is dropped); anything else is an error for this document."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, [f"{source}: not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r})"]
    return text, []


def read_text_file(path: Path, doc_id: str | None = None) -> Document:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        return Document(doc_id or path.stem, source, None, [f"{source}: cannot read ({e.strerror})"])
    text, errors = decode(data, source)
    return Document(doc_id or path.stem, source, text, errors)


def read_jsonl(path: Path) -> Iterator[Document]:
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            source = f"{path}:{n}"
            if not raw.strip():
                continue
            line, errors = decode(raw, source)
            if line is None:
                yield Document(f"{path.stem}:{n}", source, None, errors)
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield Document(f"{path.stem}:{n}", source, None, [f"{source}: not JSON ({e.msg})"])
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                doc_id = str(obj.get("id", f"{path.stem}:{n}")) if isinstance(obj, dict) else f"{path.stem}:{n}"
                yield Document(doc_id, source, None, [f"{source}: no string field 'text'"])
                continue
            yield Document(str(obj.get("id", f"{path.stem}:{n}")), source, obj["text"])


def read_inputs(paths: list[Path]) -> Iterator[Document]:
    """Documents of every input, in the order given (folders sorted by path)."""
    for p in paths:
        if not p.exists():
            raise InputError(f"no such file or directory: {p}")
    for p in paths:
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in TEXT_SUFFIXES):
                yield read_text_file(f)
        elif p.suffix.lower() == ".jsonl":
            yield from read_jsonl(p)
        else:
            yield read_text_file(p)
