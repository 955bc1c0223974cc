"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else a detected legacy encoding.

Text comes out as decoded, nothing else (SPEC §2: offsets index the text as read,
after decoding only); NFD or old-style tone placement is handled by the pipeline,
which maps its offsets back, so such input gives the same values as NFC input.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def _mostly_utf8(data: bytes) -> bool:
    """Damaged UTF-8 rather than another encoding: its multi-byte sequences outnumber the invalid bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return good > bad


# Legacy Vietnamese *font* encodings: Vietnamese letters drawn by fonts over Latin-1 code points. No
# maintained library converts them (checked: PyPI has only small unmaintained converters), so chiso
# recognises them and says so. TCVN3 (ABC) puts toned vowels on symbols that never sit inside a
# Latin-1 word (µ à, ¸ á, ¹ ạ, ® đ, ª ê, « ô, ¬ ơ …); VNI writes a vowel then a tone byte (aù á, aø à,
# aï ạ, eâ ê) and ñ for đ.
_TCVN3 = re.compile(r"(?<=[^\W\d_])[\xa8-\xbe]|[\xa8-\xbe](?=[^\W\d_])")
_VNI = re.compile(r"[aeiouyAEIOUY][\xf8\xf9\xfb\xef\xf5\xe2\xea]|\b\xf1[a-z\xe0-\xff]")


def legacy_font_encoding(data: bytes) -> str | None:
    """`TCVN3` or `VNI` when the bytes look like Vietnamese in one of these font encodings."""
    raw = data.decode("latin-1")
    words = max(1, len(raw.split()))
    for name, pattern in (("TCVN3 (ABC)", _TCVN3), ("VNI", _VNI)):
        if len(pattern.findall(raw)) >= max(3, words // 10):
            return name
    return None


def decode(data: bytes, source: str) -> tuple[str | None, list[str], list[str]]:
    """`(text, errors, warnings)` of one document's bytes; `text` is None when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), [], []
            except UnicodeDecodeError as e:
                return None, [f"{source}: not valid {encoding} after its BOM (byte {e.start})"], []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_bad = f"byte {e.start}: {data[e.start : e.start + 1]!r}"
    else:  # NUL is valid UTF-8 but never in text: a disk image, a sparse file, UTF-16 without its BOM
        if "\x00" not in text:
            return text, [], []
        return None, [f"{source}: not text (binary data, NUL bytes from byte {data.index(0)})"], []
    if b"\x00" in data:
        return None, [f"{source}: not text (binary data, NUL bytes; {first_bad})"], []
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        return (
            text,
            [f"{source}: not valid UTF-8 ({first_bad}); invalid bytes replaced by U+FFFD"],
            [],
        )
    from charset_normalizer import from_bytes  # only for the rare legacy file

    best = from_bytes(data).best()
    if best is None:
        return None, [f"{source}: not text (no encoding fits; not valid UTF-8 at {first_bad})"], []
    text = unicodedata.normalize("NFC", str(best))  # a legacy code page has no NFC/NFD: its Unicode is composed
    if best.encoding != "cp1258" and (font := legacy_font_encoding(data)):
        return (
            text,
            [
                f"{source}: looks like Vietnamese in the legacy {font} font encoding, which chiso does not convert;"
                f" read as {best.encoding}: numbers are read, words are garbled (convert the file to UTF-8 first)"
            ],
            [],
        )
    return text, [], [f"{source}: not UTF-8; decoded as {best.encoding} (detected)"]
