"""Normalize text for matching while keeping a map back to the input offsets.

Vietnamese text arrives as NFC or NFD and with either tone placement
(`hoà`/`hòa`, `thuỷ`/`thủy`). Rules and lexicons are written in NFC with the
tone on the main vowel (`hòa`), which is also what underthesea produces. The
map lets every record point back into the text *as read*.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Old-style tone placement on the last vowel of a closing `oa`, `oe`, `uy`
# (hoà, khoẻ, thuỷ) moved to the first vowel (hòa, khỏe, thủy), as underthesea
# writes them. The swap keeps the length, so offsets do not move.
_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def _split_tone(c: str) -> tuple[str, str]:
    d = unicodedata.normalize("NFD", c)
    mark = "".join(m for m in d if m in _MARKS)
    base = unicodedata.normalize("NFC", "".join(m for m in d if m not in _MARKS))
    return base, mark


def _retone(chars: list[str]) -> None:
    n = len(chars)
    for i in range(n - 1):
        first = chars[i]
        if first.lower() not in ("o", "u"):
            continue
        second = chars[i + 1]
        base, mark = _split_tone(second)
        if not mark or (first.lower(), base.lower()) not in _PAIRS:
            continue
        if i + 2 < n and chars[i + 2].isalpha():
            continue  # hoàng, toán: a closed syllable keeps the tone where it is
        if first.lower() == "u" and i > 0 and chars[i - 1].lower() == "q":
            continue  # quý: `u` belongs to `qu`
        new_first = unicodedata.normalize("NFC", first + mark)
        if len(new_first) == 1:
            chars[i], chars[i + 1] = new_first, base


@dataclass(frozen=True)
class Normalized:
    """`text` normalized; `lower` its per-character lower case; `orig[i]` the input offset of `text[i]`."""

    raw: str
    text: str
    lower: str
    orig: list[int]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a `[start, end)` span of the normalized text to the input text."""
        return self.orig[start], self.orig[end]


def _lower(text: str) -> str:
    # str.lower() may change the length (İ -> i̇); keep such characters as they are.
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


def normalize(raw: str) -> Normalized:
    """NFC per character cluster, Vietnamese tone placement, and the offset map."""
    if raw.isascii():
        return Normalized(raw, raw, _lower(raw), list(range(len(raw) + 1)))
    chars: list[str] = []
    orig: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        nfc = unicodedata.normalize("NFC", cluster) if j - i > 1 or not cluster.isascii() else cluster
        for k, c in enumerate(nfc):
            chars.append(c)
            # a cluster that stays several characters maps each to its own input character
            orig.append(i + min(k, j - i - 1) if len(nfc) > 1 else i)
        i = j
    orig.append(n)
    _retone(chars)
    text = "".join(chars)
    return Normalized(raw, text, _lower(text), orig)
