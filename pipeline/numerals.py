"""Read numbers as Vietnamese news writes them: digits and number words.

`find_numerals` scans the lower-cased normalized text and returns every
numeral with its span and value. It knows nothing of units or context; the
classifier decides what a numeral measures (or that it is a date, a name …).
Conventions (SPEC §1): `.` groups thousands, `,` marks decimals; English
style only where unambiguous (`2.5`, `1,234,567`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import words

_ATOM = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_VN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DECIMAL_DOT = re.compile(r"\d+\.(?:\d{1,2}|\d{4,})")


def parse_digits(s: str) -> float | None:
    """Value of a digit group: `1.234,5` -> 1234.5, `61,9` -> 61.9, `2.5` -> 2.5; None when malformed."""
    if s.isdigit():
        return float(s)
    if _VN_THOUSANDS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.fullmatch(s):
        return float(s.replace(",", ""))
    if _DECIMAL_COMMA.fullmatch(s):
        return float(s.replace(",", "."))
    if _DECIMAL_DOT.fullmatch(s):
        return float(s)
    return None


@dataclass(frozen=True)
class Numeral:
    """A number in the text: `[start, end)` in the normalized text and its value."""

    start: int
    end: int
    value: float
    has_digits: bool
    word_count: int  # atoms in the numeral (1 for `57`, 3 for `hai mươi lăm`)
    multiplied: bool  # a multiplier word applies (`3 triệu`, `hai nghìn`)


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    text: str

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdigit()


@cache
def _lex() -> dict[str, dict[str, float]]:
    sections = ("units", "tens", "hundred", "zero_filler", "multipliers", "digit_multipliers", "half")
    return {s: words("numerals.json", s) for s in sections}


# After `mươi`: mốt, tư, lăm, nhăm and plain digits; `một`, `năm` too in careful speech.
_AFTER_MUOI = {"mốt", "một", "hai", "ba", "bốn", "tư", "lăm", "nhăm", "năm", "sáu", "bảy", "bẩy", "tám", "chín"}
# After `mười`: `năm` is left out (`mười năm` is mostly "ten years").
_AFTER_MUOI_TEN = {"một", "hai", "ba", "bốn", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín"}
_DIGIT_WORDS = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín"}
# Colloquial tens: `hai mốt` = 21, `năm lăm` = 55, `ba tư` = 34.
_COLLOQUIAL_ONES = {"mốt", "lăm", "nhăm", "tư"}


class _Parser:
    def __init__(self, text: str, atoms: list[_Atom]):
        self.text = text
        self.atoms = atoms
        self.lex = _lex()

    def joined(self, i: int) -> bool:
        """Atom i+1 follows atom i after exactly one space (or none for glued `50k`)."""
        if i + 1 >= len(self.atoms):
            return False
        gap = self.text[self.atoms[i].end : self.atoms[i + 1].start]
        return gap == " "

    def word(self, i: int) -> str | None:
        return self.atoms[i].text if i < len(self.atoms) and not self.atoms[i].is_digits else None

    def next_word(self, i: int) -> str | None:
        return self.word(i + 1) if self.joined(i) else None

    def chunk(self, i: int) -> tuple[float, int] | None:
        """A value below one thousand written in words, or a digit group. Returns (value, next index)."""
        atom = self.atoms[i]
        if atom.is_digits:
            v = parse_digits(atom.text)
            return None if v is None else (v, i + 1)
        units = self.lex["units"]
        w = atom.text
        if w == "mười":
            nxt = self.next_word(i)
            if nxt in _AFTER_MUOI_TEN:
                return 10 + units[nxt], i + 2
            return 10.0, i + 1
        if w in ("mốt", "lăm", "nhăm", "tư", "không"):
            return None  # only inside a numeral
        if w not in units:
            return None
        value = units[w]
        nxt = self.next_word(i)
        if nxt == "trăm":
            value *= 100
            j = i + 2
            after = self.next_word(i + 1)
            if after in self.lex["zero_filler"]:
                digit = self.next_word(i + 2)
                if digit in _DIGIT_WORDS:
                    return value + units[digit], i + 4
                return value, j
            if after is not None and (after == "mười" or after in _DIGIT_WORDS):
                sub = self.chunk(j)
                if sub is not None and sub[0] < 100:
                    if sub[1] == j + 1 and after in _DIGIT_WORDS and self.next_word(j) not in ("mươi", "chục"):
                        # `một trăm hai` = 120 (colloquial), unless a unit word follows
                        return value + sub[0] * 10, sub[1]
                    return value + sub[0], sub[1]
            return value, j
        if nxt in ("mươi", "chục") and value >= 1:
            value *= 10
            j = i + 2
            if nxt == "mươi":
                ones = self.next_word(i + 1)
                if ones in _AFTER_MUOI:
                    return value + units[ones], i + 3
            return value, j
        if nxt in _COLLOQUIAL_ONES and value >= 2 and w in _DIGIT_WORDS:
            return value * 10 + units[nxt], i + 2
        return value, i + 1

    def numeral(self, i: int) -> tuple[float, int, bool] | None:
        """A whole numeral from atom i: chunks joined by multipliers, `rưỡi`. (value, next, multiplied)."""
        first = self.chunk(i)
        if first is None:
            return None
        total, j = 0.0, first[1]
        current = first[0]
        top = 0.0  # the largest multiplier applied so far
        last_mult = 1.0
        multiplied = False
        while True:
            mult = self._multiplier(j - 1)
            if mult is None:
                break
            m, j = mult
            multiplied = True
            if top and m > top:
                total = (total + current) * m  # `hai nghìn tỷ`, `1.350 nghìn tỷ`
            else:
                total += current * m
            top = max(top, m)
            current, last_mult = 0.0, m
            half = self.next_word(j - 1)
            if half in ("rưỡi", "rưởi"):
                total += 0.5 * m
                j += 1
                break
            if self._multiplier(j - 1) is not None:
                continue  # `nghìn tỷ`: the next multiplier scales all so far
            # another chunk with a smaller multiplier: `2 tỷ 300 triệu`, `ba triệu hai trăm nghìn`
            if self.joined(j - 1):
                nxt = self.chunk(j)
                if nxt is not None:
                    m2 = self._multiplier(nxt[1] - 1)
                    if m2 is not None and m2[0] < last_mult:
                        current, j = nxt
                        continue
                    if nxt[0] < 1000 and not self.atoms[j].is_digits and m >= 1000 and nxt[1] - j >= 2:
                        total += nxt[0]  # `hai nghìn ba trăm`
                        j = nxt[1]
                        break
            break
        total += current
        if not multiplied:
            half = self.next_word(j - 1)
            if half in ("rưỡi", "rưởi") and not self.atoms[j - 1].is_digits:
                # `hai trăm rưỡi` = 250: half of the last place value
                last = self.atoms[j - 1].text
                place = 100 if last == "trăm" else 10 if last in ("mươi", "chục") else 1
                total += 0.5 * place
                j += 1
        return total, j, multiplied

    def _multiplier(self, i: int) -> tuple[float, int] | None:
        """A multiplier right after atom i: spaced words (`3 triệu`) or glued abbreviations (`50k`)."""
        if i + 1 >= len(self.atoms):
            return None
        nxt = self.atoms[i + 1]
        gap = self.text[self.atoms[i].end : nxt.start]
        if nxt.is_digits:
            return None
        if gap == "" and self.atoms[i].is_digits and nxt.text in self.lex["digit_multipliers"]:
            return self.lex["digit_multipliers"][nxt.text], i + 2
        if gap == " " and nxt.text in self.lex["multipliers"]:
            return self.lex["multipliers"][nxt.text], i + 2
        if gap == " " and nxt.text == "tr" and self.atoms[i].is_digits:
            return 1e6, i + 2
        return None


def _atoms(lower: str) -> list[_Atom]:
    return [_Atom(m.start(), m.end(), m.group()) for m in _ATOM.finditer(lower)]


def find_numerals(lower: str) -> list[Numeral]:
    """Every numeral in the lower-cased normalized text, left to right, not overlapping."""
    atoms = _atoms(lower)
    parser = _Parser(lower, atoms)
    out: list[Numeral] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if not a.is_digits and a.text not in parser.lex["units"] and a.text != "mười":
            if a.text == "nửa":
                out.append(Numeral(a.start, a.end, 0.5, False, 1, False))
            i += 1
            continue
        parsed = parser.numeral(i)
        if parsed is None:
            i += 1
            continue
        value, j, multiplied = parsed
        has_digits = any(atoms[k].is_digits for k in range(i, j))
        out.append(Numeral(a.start, atoms[j - 1].end, value, has_digits, j - i, multiplied))
        i = j
    return out
