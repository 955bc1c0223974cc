"""Where documents come from: files, folders (recursive), `.zip` and `.tar.*` archives read in place, stdin.

Each yields `Member`s in a stable order (folders sorted by path, archives in
their own order), each with the format its name says, a default document id
and a way to open its bytes.
"""

from __future__ import annotations

import os
import sys
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

from .limits import MAX_WHOLE_BYTES, MAX_ZIP_RATIO, ZIP_RATIO_FROM

FORMATS = ("txt", "html", "jsonl", "json", "csv", "parquet")
_SUFFIXES = {
    ".txt": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json", ".csv": "csv", ".parquet": "parquet",
}  # fmt: skip
_TAR = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")


# What reading a file or an archive may raise. A damaged zip raises far more than BadZipFile (found by fuzzing:
# UnicodeDecodeError, IndexError, NotImplementedError, ValueError, struct.error …): any of them is an error document.
UNREADABLE: tuple[type[Exception], ...] = (Exception,)


def why(e: BaseException) -> str:
    """What went wrong, briefly: `Permission denied`, `BadZipFile: Bad CRC-32 for file 'a.txt'`."""
    return e.strerror if isinstance(e, OSError) and e.strerror else f"{type(e).__name__}: {e}"


class InputError(Exception):
    """An input that does not exist or cannot be opened at all (exit code 2)."""


@dataclass
class Member:
    """One file to read: `source` names it (path, `archive!member`, `-`), `doc_id` is its default id."""

    source: str
    doc_id: str
    fmt: str
    open: Callable[[], IO[bytes]]
    error: str | None = None  # an archive that cannot be read: one document with this error


def format_of(name: str) -> str | None:
    """`txt`, `html`, …, `zip`, `tar` from a file name; None when unknown."""
    low = name.lower()
    if low.endswith(_TAR):
        return "tar"
    if low.endswith(".zip"):
        return "zip"
    return _SUFFIXES.get(PurePosixPath(low).suffix)


def _stem_id(relative: str) -> str:
    """`2024/01/a.txt` → `2024/01/a`: unique in a tree, stable across runs."""
    p = PurePosixPath(relative)
    name = p.name
    for suffix in (*_TAR, p.suffix):
        if suffix and name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return str(p.with_name(name)) if name else str(p)


def _stdin(fmt: str | None) -> Member:
    stream = sys.stdin.buffer
    if fmt is None:  # sniff: JSON Lines when the first non-blank byte opens an object
        head = stream.peek(64).lstrip() if hasattr(stream, "peek") else b""
        fmt = "jsonl" if head.startswith(b"{") else "txt"
    return Member("-", "stdin", fmt, lambda: stream)


def zip_bomb(info: zipfile.ZipInfo) -> str | None:
    """Why a zip member must not be unpacked (its declared size or compression ratio), or None.

    Declared sizes may lie: reading is bounded anyway (limits.read_bounded), and zipfile
    stops at the declared size."""
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > MAX_WHOLE_BYTES:
        return f"declares {size:,} bytes unpacked, more than the limit of {MAX_WHOLE_BYTES:,}"
    if size > ZIP_RATIO_FROM and size > MAX_ZIP_RATIO * packed:
        return f"declares {size:,} bytes unpacked from {packed:,} (ratio {size // packed:,}, limit {MAX_ZIP_RATIO})"
    return None


def _zip_members(path: Path, forced: str | None) -> Iterator[Member]:
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            fmt = None if info.is_dir() else format_of(info.filename) or forced
            if fmt in FORMATS:  # read in place: a name such as `../../x` is only an id, nothing is written
                source = f"{path}!{info.filename}"
                bomb = zip_bomb(info)
                error = f"{source}: refused, looks like a zip bomb: {bomb}" if bomb else None
                yield Member(source, _stem_id(info.filename), fmt, partial(z.open, info), error)


def _tar_open(t: tarfile.TarFile, info: tarfile.TarInfo) -> IO[bytes]:
    stream = t.extractfile(info)
    if stream is None:
        raise OSError(f"not a regular file: {info.name}")
    return stream


def _tar_members(path: Path, forced: str | None) -> Iterator[Member]:
    with tarfile.open(path, "r:*") as t:
        while (info := t.next()) is not None:  # streamed: each member is read before the next one
            fmt = (format_of(info.name) or forced) if info.isfile() else None
            if fmt in FORMATS:
                source = f"{path}!{info.name}"
                big = info.size > MAX_WHOLE_BYTES  # a tar header's size is exact; its ratio is unknown until read
                error = f"{source}: refused, {info.size:,} bytes unpacked is more than the limit of {MAX_WHOLE_BYTES:,}"
                yield Member(source, _stem_id(info.name), fmt, partial(_tar_open, t, info), error if big else None)
            t.members.clear()  # type: ignore[attr-defined]  # tarfile keeps every header read: memory grows


def _file(path: Path, doc_id: str, fmt: str | None, forced: str | None) -> Iterator[Member]:
    if fmt in ("zip", "tar"):
        try:
            yield from (_zip_members if fmt == "zip" else _tar_members)(path, forced)
        except UNREADABLE as e:
            yield Member(str(path), doc_id, fmt, lambda: open(path, "rb"), f"{path}: cannot read archive ({why(e)})")
    elif fmt is not None:
        yield Member(str(path), doc_id, fmt, lambda: open(path, "rb"))


def check_inputs(inputs: list[str]) -> None:
    """Raise InputError for the first input that does not exist."""
    for name in inputs:
        if name != "-" and not Path(name).exists() and not Path(name).is_symlink():  # a broken link: an error document
            raise InputError(f"no such file or directory: {name}")


def members(inputs: list[str], input_format: str | None = None) -> Iterator[Member]:
    """Every file of every input, in the order given; `input_format` overrides the name of files and stdin."""
    for name in inputs:
        if name == "-":
            yield _stdin(input_format)
            continue
        path = Path(name)
        if path.is_dir():
            for f in _walk(path):
                fmt = format_of(f.name) or input_format
                yield from _file(f, _stem_id(f.relative_to(path).as_posix()), fmt, input_format)
        else:
            fmt = format_of(path.name)
            if input_format and fmt not in ("zip", "tar"):
                fmt = input_format
            yield from _file(path, _stem_id(path.name), fmt or "txt", input_format)


def _walk(folder: Path) -> Iterator[Path]:
    """Files below `folder`, sorted by name at each level, listed one folder at a time (a tree of millions of files is never held).

    Links to folders are not followed (no loops); a link that leads nowhere (a loop, a dangling link) is
    listed, so that reading it gives its document an error."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif _is_file_or_broken_link(entry):
            yield Path(entry.path)


def _is_file_or_broken_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file() or (entry.is_symlink() and not entry.is_dir())
    except OSError:  # a link loop
        return True
