"""Normalize text for matching while keeping a map back to the input offsets.

Vietnamese text arrives as NFC or NFD and with either tone placement
(`hoà`/`hòa`, `thuỷ`/`thủy`). Rules and lexicons are written in NFC with the
tone on the main vowel (`hòa`), which is also what underthesea produces. The
map lets every record point back into the text *as read*.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Old-style tone placement on the last vowel of a closing `oa`, `oe`, `uy`
# (hoà, khoẻ, thuỷ) moved to the first vowel (hòa, khỏe, thủy), as underthesea
# writes them. The swap keeps the length, so offsets do not move.
_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_OLD_STYLE = re.compile(
    r"([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])(?![^\W\d_])"  # hoà, khoẻ: nothing after the pair
    r"|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])"  # thuỷ, uỷ (not quý)
)


def _split_tone(c: str) -> tuple[str, str]:
    d = unicodedata.normalize("NFD", c)
    mark = "".join(m for m in d if m in _MARKS)
    base = unicodedata.normalize("NFC", "".join(m for m in d if m not in _MARKS))
    return base, mark


def _move_tone(m: re.Match[str]) -> str:
    first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    base, mark = _split_tone(second)
    new_first = unicodedata.normalize("NFC", first + mark)
    return new_first + base if len(new_first) == 1 else m.group()


@dataclass(frozen=True)
class Normalized:
    """`text` normalized; `lower` its per-character lower case; `orig[i]` the input offset of `text[i]`;
    `written` the text in NFC with the input's tone placement (same length as `text`), for
    words a record repeats as the input writes them (`Thành uỷ`)."""

    raw: str
    text: str
    lower: str
    orig: list[int]
    written: str

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a `[start, end)` span of the normalized text to the input text."""
        return self.orig[start], self.orig[end]

    def as_written(self, raw_start: int, raw_end: int) -> str:
        """Input text `[raw_start, raw_end)` as the input writes it (its tone placement), in NFC,
        so NFD input gives the same records."""
        return unicodedata.normalize("NFC", self.raw[raw_start:raw_end])


def lower_keeping_length(text: str) -> str:
    """`text.lower()`, except that a character whose lower case is longer (İ) stays as it is, so
    offsets into `text` hold in the result."""
    low = text.lower()
    if len(low) == len(text):
        return low  # no character changed length (lower() never removes one)
    # str.lower() may change the length (İ -> i̇); keep such characters as they are.
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


def normalize(raw: str) -> Normalized:
    """NFC per character cluster, Vietnamese tone placement, vulgar fractions spelled out, and the
    offset map."""
    if unicodedata.is_normalized("NFC", raw):
        composed, orig = raw, list(range(len(raw) + 1))  # the common case: nothing moves
    else:
        composed, orig = _compose(raw)
    if _VULGAR.search(composed):
        composed, orig = _spell_fractions(composed, orig)
    text = _OLD_STYLE.sub(_move_tone, composed)
    return Normalized(raw, text, lower_keeping_length(text), orig, composed)


# One-character fractions (`½ số loài`), read as the `1/2` they stand for. Each character of the
# spelling maps back to the one input character; a digit before it is kept apart (`2½` -> `2 1/2`).
_VULGAR = re.compile("[\u00bc-\u00be\u2150-\u215e]")


def _spell_fractions(text: str, orig: list[int]) -> tuple[str, list[int]]:
    chars: list[str] = []
    new: list[int] = []
    for i, c in enumerate(text):
        if _VULGAR.fullmatch(c):
            spelled = unicodedata.normalize("NFKC", c).replace("\u2044", "/")  # ½ -> 1⁄2 -> 1/2
            if i and text[i - 1].isdigit():
                spelled = " " + spelled
            chars.extend(spelled)
            new.extend([orig[i]] * len(spelled))
        else:
            chars.append(c)
            new.append(orig[i])
    new.append(orig[len(text)])
    return "".join(chars), new


def _compose(raw: str) -> tuple[str, list[int]]:
    """NFC cluster by cluster, with the input offset of every output character."""
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
            orig.append(i if k == 0 else j - len(nfc) + k)  # trailing marks left uncomposed map to the last inputs
        i = j
    orig.append(n)
    return "".join(chars), orig
