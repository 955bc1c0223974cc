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
    if s.isdecimal():
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


class _Atom:
    """A digit group or a word of the text (a plain class: thousands are made per article)."""

    __slots__ = ("start", "end", "text", "is_digits")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text
        self.is_digits = text[0].isdigit()


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
        if w == "không" and self.next_word(i) == "trăm":
            return self._after_hundred(0.0, i)  # ba nghìn không trăm năm mươi
        if w == "nửa" and self._multiplier(i) is not None:
            return 0.5, i + 1  # nửa triệu
        if w in ("mốt", "lăm", "nhăm", "tư", "không", "nửa"):
            return None  # only inside a numeral
        if w not in units:
            return None
        value = units[w]
        nxt = self.next_word(i)
        if nxt == "trăm":
            return self._after_hundred(value, i)
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

    def _after_hundred(self, digit: float, i: int) -> tuple[float, int]:
        """`X trăm [linh Y | Z mươi …]` from atom i (the digit before `trăm`)."""
        units = self.lex["units"]
        value = digit * 100
        j = i + 2
        after = self.next_word(i + 1)
        if after in self.lex["zero_filler"]:
            ones = self.next_word(i + 2)
            if ones in _DIGIT_WORDS:
                return value + units[ones], i + 4
            return value, j
        if after is not None and (after == "mười" or after in _DIGIT_WORDS):
            sub = self.chunk(j)
            if sub is not None and sub[0] < 100:
                if sub[1] == j + 1 and after in _DIGIT_WORDS and self.next_word(j) not in ("mươi", "chục"):
                    # `một trăm hai` = 120 (colloquial), unless a unit word follows
                    return value + sub[0] * 10, sub[1]
                return value + sub[0], sub[1]
        return value, j

    def numeral(self, i: int) -> tuple[float, int, bool] | None:
        """A whole numeral from atom i: chunks and multipliers, `rưỡi`. (value, next, multiplied).

        Scales stack the usual way: a multiplier larger than every one used so far scales the
        whole total (`1.350 nghìn tỷ`, `một nghìn năm trăm tỷ`), a smaller one adds
        (`2 tỷ 300 triệu`, `3 triệu 150 ngàn`)."""
        first = self.chunk(i)
        if first is None:
            return None
        current, j = first
        current += self._half_of_place(j)
        if current != first[0]:
            j += 1
        total, top, multiplied = 0.0, 0.0, False
        while True:
            mult = self._multiplier(j - 1)
            if mult is not None:
                m, j = mult
                multiplied = True
                if m > top:
                    total = (total + current) * m
                    top = m
                else:
                    total += current * m
                current = 0.0
                if self.next_word(j - 1) in ("rưỡi", "rưởi"):
                    total += 0.5 * m
                    j += 1
                continue
            if not multiplied or not self.joined(j - 1) or current:
                break
            nxt = self.chunk(j)
            if nxt is None:
                break
            follows = self._multiplier(nxt[1] - 1)
            words_only = not self.atoms[j].is_digits and nxt[1] - j >= 2
            if follows is None and not words_only:
                break  # `5 triệu 3 người` is not one number
            current, j = nxt
        return total + current, j, multiplied

    def _half_of_place(self, j: int) -> float:
        """`hai trăm rưỡi` = 250: half of the last place value, when `rưỡi` follows a word chunk."""
        if self.next_word(j - 1) not in ("rưỡi", "rưởi") or self.atoms[j - 1].is_digits:
            return 0.0
        last = self.atoms[j - 1].text
        return 50.0 if last == "trăm" else 5.0 if last in ("mươi", "chục") else 0.0

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
            if _RATE_WORD.match(self.text, nxt.end):
                return None  # `ngày 22/5 tỷ lệ cử tri`: tỷ lệ (rate), tỷ trọng (share) are no billions, triệu chứng (a symptom) no millions
            return self.lex["multipliers"][nxt.text], i + 2
        if gap == " " and nxt.text == "tr" and self.atoms[i].is_digits:
            return 1e6, i + 2
        return None


def multiplier_of(lower: str, n: Numeral) -> float:
    """The product of the multiplier words a numeral ends with (`ba triệu` -> 1e6, `1.010 tỷ` -> 1e9)."""
    mults = _lex()["multipliers"]
    factor = 1.0
    for w in reversed(lower[n.start : n.end].split()):
        if w not in mults:
            break
        factor *= mults[w]
    m = re.search(r"\d(k|tr)$", lower[n.start : n.end])
    if m and factor == 1.0:
        factor = _lex()["digit_multipliers"][m.group(1)]
    return factor


_RATE_WORD = re.compile(r"(?<=t[ỷỉ]) (?:lệ|trọng|suất|số|giá|phú)(?!\w)|(?<=triệu) (?:chứng|tập|hồi|phú)(?!\w)")

# where a numeral can start: a digit, or a number word standing alone
_START = re.compile(r"\d|(?<![^\W\d_])(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|nửa|không)(?![^\W\d_])")
# the same, for text in any case, and `gấp` (gấp đôi is a number without a numeral):
# can a paragraph or sentence hold an indicator at all?
NUMERAL_START = re.compile(_START.pattern + r"|(?<![^\W\d_])gấp(?![^\W\d_])", re.IGNORECASE)
_WINDOWS = (24, 240)  # characters read after a start: a first look, then a longer one when needed
# a digit group that nothing can extend: no letter glued to it, no multiplier word or `rưỡi` after it
_PLAIN_DIGITS = re.compile(r"\d+(?:[.,]\d+)*(?![\w.,])(?! (?:nghìn|ngàn|vạn|triệu|tỷ|tỉ|tr|rưỡi|rưởi)(?!\w))")


_GLUED_YEAR = re.compile(r"(?:19|20)\d\d(?=,\d)")  # after `năm`: no year has a decimal part


def find_numerals(lower: str) -> list[Numeral]:
    """Every numeral in the lower-cased normalized text, left to right, not overlapping;
    decimals in words joined (`sáu mươi mốt phẩy chín` = 61.9)."""
    found = _whole_numerals(lower)
    if " phẩy " not in lower:
        return found
    out: list[Numeral] = []
    for n in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and lower[prev.end : n.start] == " phẩy "
            and not (prev.has_digits or n.has_digits or prev.multiplied or n.multiplied)
            and n.value == int(n.value) >= 1
        ):
            fraction = n.value / 10 ** len(str(int(n.value)))  # `phẩy chín` = .9, `phẩy hai lăm` = .25
            out[-1] = Numeral(
                prev.start, n.end, prev.value + fraction, False, prev.word_count + n.word_count + 1, False
            )
        else:
            out.append(n)
    return out


def _whole_numerals(lower: str) -> list[Numeral]:
    """Every whole numeral, left to right, not overlapping.

    Only the neighbourhood of each possible start is split into atoms, so the cost
    follows the numbers in the text, not its length."""
    out: list[Numeral] = []
    pos = 0
    while True:
        m = _START.search(lower, pos)
        if m is None:
            return out
        glued = _GLUED_YEAR.match(lower, m.start()) if lower.endswith("năm ", 0, m.start()) else None
        if glued:  # `đến năm 2020,100% người dân`: a year, then a comma whose space was lost
            out.append(Numeral(glued.start(), glued.end(), float(glued.group()), True, 1, False))
            pos = glued.end() + 1
            continue
        plain = _PLAIN_DIGITS.match(lower, m.start())
        if plain:  # the common case, `2018`, `61,9`: no multiplier can follow, no need for the parser
            value = parse_digits(plain.group())
            if value is not None:
                out.append(Numeral(plain.start(), plain.end(), value, True, 1, False))
            pos = plain.end()
            continue
        for window in _WINDOWS:
            atoms = [_Atom(a.start(), a.end(), a.group()) for a in _ATOM.finditer(lower, m.start(), m.start() + window)]
            parser = _Parser(lower, atoms)
            parsed = parser.numeral(0) if atoms and atoms[0].text != "nửa" else None
            if parsed is None or parsed[1] < len(atoms) - 1:
                break  # the numeral ends well inside the window
        if not atoms:
            pos = m.end()
            continue
        a = atoms[0]
        if a.text == "nửa" and parser._multiplier(0) is None:
            out.append(Numeral(a.start, a.end, 0.5, False, 1, False))  # một nửa, nửa mét
            pos = a.end
            continue
        if a.text == "nửa":
            parsed = parser.numeral(0)  # nửa triệu
        if parsed is None:
            pos = a.end
            continue
        value, j, multiplied = parsed
        has_digits = any(atoms[k].is_digits for k in range(j))
        out.append(Numeral(a.start, atoms[j - 1].end, value, has_digits, j, multiplied))
        pos = atoms[j - 1].end
