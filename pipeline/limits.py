"""Per-document limits, so that no input can hang a batch or fill the memory.

Extraction time grows with the square of the length of a sentence (and of a
paragraph's run of sentences) in places, so a scraped page without any
sentence end, or a megabyte of one paragraph, would take hours. Here a
document is cut to `MAX_DOCUMENT_CHARS`, and a document longer than
`MAX_PIECE_CHARS`, or with a stretch of more than `MAX_STRETCH_CHARS` without a
sentence end or line break, is extracted in pieces (cut at line breaks, then
sentence ends, then spaces) whose records are shifted back to offsets into the
whole text: time grows linearly with the input. Every cut is said in the
document's `warnings`. Real articles are not touched: the longest of the 4,240
news articles is 19,512 characters, its longest stretch without a sentence end 1,875.

Reading is bounded too: a file read whole gives at most `MAX_READ_BYTES`, a JSON
Lines line at most `MAX_LINE_BYTES`, and a zip member whose declared size or
compression ratio looks like a zip bomb is refused before it is unpacked.
"""

from __future__ import annotations

import re
import unicodedata
from typing import IO, Any

MAX_DOCUMENT_CHARS = 1_000_000  # characters of one document that are read; the rest is cut (with a warning)
MAX_PIECE_CHARS = 20_000  # a longer document is extracted in pieces of about this size
MAX_STRETCH_CHARS = 2_500  # a longer stretch without a sentence end or line break is cut at spaces
MAX_READ_BYTES = 4 * MAX_DOCUMENT_CHARS + 4  # a text or HTML file: enough bytes for MAX_DOCUMENT_CHARS in any encoding
MAX_WHOLE_BYTES = 512 * 2**20  # a .json file or archive member read whole, and any zip member's declared size
MAX_LINE_BYTES = 4 * MAX_DOCUMENT_CHARS + 4  # one JSON Lines line
MAX_ZIP_RATIO = 100  # unpacked / packed size of a zip member above ZIP_RATIO_FROM bytes
ZIP_RATIO_FROM = 16 * 2**20

_BREAK = re.compile(r"\n|[.!?…](?=\s)")
_SPACE = re.compile(r"\s")


def read_bounded(stream: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """At most `limit` bytes of `stream`, and whether there were more."""
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data, False
    data = data[:limit]
    for _ in range(8):  # do not end inside a multi-byte character
        if not data or data[-1] < 0x80:
            break
        data = data[:-1]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16/32 with a BOM: whole code units, no lone surrogate
        data = data[: len(data) // 4 * 4 - 4]
    return data, True


def _hard_cut(text: str, s: int, limit: int) -> int:
    """Where to end a piece starting at `s` in a stretch without sentence end: the last space, else `limit` chars."""
    window = text[s + limit // 2 : s + limit]
    spaces = [m.start() for m in _SPACE.finditer(window)]
    if spaces:
        return s + limit // 2 + spaces[-1] + 1
    cut = s + limit
    while cut < len(text) and unicodedata.combining(text[cut]):  # keep a letter with its marks
        cut += 1
    return cut


def pieces(
    text: str, max_piece: int = MAX_PIECE_CHARS, max_stretch: int = MAX_STRETCH_CHARS
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """`[start, end)` pieces covering `text` in order, and the over-long stretches that were cut inside."""
    n = len(text)
    if n <= min(max_piece, max_stretch):
        return [(0, n)], []
    out: list[tuple[int, int]] = []
    long: list[tuple[int, int]] = []
    start = prev = 0  # start of the current piece; end of the last stretch
    last_line = 0  # just after the last line break in the current piece
    ends = [m.end() for m in _BREAK.finditer(text)]
    if not ends or ends[-1] != n:
        ends.append(n)
    for pos in ends:
        if pos - prev > max_stretch:
            if prev > start:
                out.append((start, prev))
            s = prev
            while pos - s > max_stretch:
                cut = _hard_cut(text, s, max_stretch)
                out.append((s, cut))
                s = cut
            long.append((prev, pos))
            start = s
        elif pos - start > max_piece and prev > start:
            cut = last_line if last_line > start + max_piece // 2 else prev
            out.append((start, cut))
            start = cut
        if text[pos - 1 : pos] == "\n":
            last_line = pos
        prev = pos
    if start < n or not out:
        out.append((start, n))
    return out, long


def _shift(record: dict[str, Any], offset: int) -> dict[str, Any]:
    record["start"] += offset
    record["end"] += offset
    record["sentence"] = [record["sentence"][0] + offset, record["sentence"][1] + offset]
    return record


def extract_document(
    text: str, source: str, all_kinds: bool = False
) -> tuple[list[dict], list[dict], list[str], list[str]]:
    """`(indicators, checks, errors, warnings)` of one document, within the limits above."""
    from . import extract
    from .checks import consistency_checks

    errors: list[str] = []
    warnings: list[str] = []
    if len(text) > MAX_DOCUMENT_CHARS:
        warnings.append(
            f"{source}: document cut at {MAX_DOCUMENT_CHARS:,} of {len(text):,} characters "
            "(chiso's limit per document); nothing after that is read"
        )
        text = text[:MAX_DOCUMENT_CHARS]
    parts, long = pieces(text)
    if long:
        a, b = long[0]
        warnings.append(
            f"{source}: {len(long)} stretch(es) without a sentence end or line break longer than "
            f"{MAX_STRETCH_CHARS:,} characters (the first at {a:,}-{b:,}, {b - a:,} characters) read in pieces "
            "cut at spaces: an expression across a cut may be missed"
        )
    if len(text) > MAX_PIECE_CHARS:
        warnings.append(
            f"{source}: document of {len(text):,} characters read in {len(parts)} parts of at most about "
            f"{MAX_PIECE_CHARS:,} (cut at line breaks, else sentence ends): periods and places are not carried "
            "from one part to the next"
        )
    indicators: list[dict] = []
    for a, b in parts:
        try:
            found = [_shift(r.to_dict(), a) for r in extract(text[a:b], all_kinds=all_kinds)]
        except Exception as e:  # one bad piece must not stop the document, nor the batch
            where = f" (characters {a:,}-{b:,})" if len(parts) > 1 else ""
            errors.append(f"{source}: extraction failed{where}: {type(e).__name__}: {e}")
            continue
        indicators.extend(found)
    try:
        checks = consistency_checks(text, indicators)  # once for the whole document, across its pieces
    except Exception as e:  # the records stand without their checks
        errors.append(f"{source}: checks failed: {type(e).__name__}: {e}")
        checks = []
    return indicators, checks, errors, warnings
