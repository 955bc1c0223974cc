"""Split a document into paragraphs, sentences and clauses, as offsets.

Paragraphs are lines (underthesea's `sent_tokenize` would glue a headline,
a dateline and the body together); sentences come from `sent_tokenize`
aligned back to the text; clauses are the stretches between `,;:()` and
dashes, the unit that goes to the word tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import takewhile

from underthesea import sent_tokenize

from .first_char import alternation_by_first_char
from .lexicon import load_json, phrase_re, word_set

_LINE = re.compile(r"[^\n]+")
# a clause ends at , ; : ( ) [ ] — or a spaced dash; a comma between digits is a decimal mark
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()\[\]\"“”…]| [-–—] ")


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    clauses: list[tuple[int, int]] = field(default_factory=list)
    credit: bool = False  # a photo credit (`Ảnh: Quỳnh Nga.`): no time or place of the report


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """`[s, e)` without the white space at both ends (empty when all of it is)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_WHITE = re.compile(r"\s+")


def squeeze(text: str, chars: str = " ") -> str:
    """`text` with each run of white space made one space and `chars` stripped at both ends."""
    return _WHITE.sub(" ", text).strip(chars)


def capitalised_run(words: Iterable[str]) -> list[str]:
    """The words of `words` up to the first one that does not begin with a capital (a name's run)."""
    return list(takewhile(lambda w: w[:1].isupper(), words))


def name_goes_on(text: str, before_end: int, at: int) -> bool:
    """Whether the word at `at` begins with a capital and so does the word that ends at
    `before_end`: one name's run goes on (`Gia [Lai]`, `Hà Văn [Hiện]`)."""
    before = text[max(0, before_end - 12) : before_end].split()[-1:]
    return bool(before) and before[0][:1].isupper() and text[at : at + 1].isupper()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as `(start, end)`, surrounding spaces trimmed."""
    spans = (trim(text, m.start(), m.end()) for m in _LINE.finditer(text))
    return [(s, e) for s, e in spans if s < e]


def _align(text: str, start: int, end: int, pieces: list[str]) -> list[tuple[int, int]] | None:
    spans, pos = [], start
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, pos, end)
        if at < 0:
            return None
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    return spans


# `(GDP)`, `(không tính dầu thô)`: a short aside without numbers stays inside its clause
_SHORT_ASIDE = re.compile(r"\((?:[^()\d,;]\s?){1,40}\)")


def open_bracket(text: str, pos: int, lo: int) -> int:
    """Where the bracket that holds `pos` opens (at or after `lo`), or -1 outside brackets."""
    opened = text.rfind("(", lo, pos)
    return opened if opened >= 0 and ")" not in text[opened:pos] else -1


def short_asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The short brackets without numbers (`(GDP)`) in `[start, end)`: no clause ends inside them."""
    return [(m.start(), m.end()) for m in _SHORT_ASIDE.finditer(text, start, end)]


@cache
def _dash_compounds() -> re.Pattern[str]:
    forms = alternation_by_first_char([p for p, _gloss in load_json("segments.json")["dash_compounds"]])
    return re.compile(r"(?<!\w)(?:" + forms + r")(?!\w)")


@cache
def _dash_openers() -> frozenset[str]:
    return frozenset(w for w, _gloss in load_json("segments.json")["dash_openers"])


def dash_joins(text: str, at: int) -> bool:
    """Whether the spaced dash at `at` lies inside one noun phrase: between two names after a
    lower-case word (`cao tốc Bắc - Nam`, `cao tốc Long Thành – Dầu Giây`) or in a listed compound
    (`kinh tế - xã hội`, lexicon `dash_compounds`); not a dateline's (`HÀ NỘI - Sáng 5/3`)."""
    if text[at : at + 1] not in ("-", "–") or text[at - 1 : at] != " " or text[at + 1 : at + 2] != " ":
        return False
    lo = max(0, at - 40)
    before = text[lo:at].split()[-5:]
    after = text[at + 2 : at + 40].split()[:1]
    names = len(capitalised_run(reversed(before)))
    if (
        1 <= names <= 3
        and after
        and after[0][:1].isupper()
        and names < len(before)
        and before[-1 - names].islower()
        and after[0].strip(":,.").lower() not in _dash_openers()
        and before[-1].lower() not in _dash_openers()
    ):
        return True  # `cao tốc Bắc - Nam`: names inside a phrase that began in lower case
    low = text[lo : at + 30].lower()
    return any(m.start() < at - lo < m.end() for m in _dash_compounds().finditer(low))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of `text[start:end]` (separators left out, spaces trimmed)."""
    asides = short_asides(text, start, end)
    out, pos = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in asides) or (m.group()[:1] == " " and dash_joins(text, m.start() + 1)):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    spans = (trim(text, s, e) for s, e in out)
    return [(s, e) for s, e in spans if s < e]


@cache
def _inline_opener() -> re.Pattern[str]:
    """A capitalised sentence opener glued by one space to a word before it (no full stop)."""
    forms = alternation_by_first_char([p for p, _gloss in load_json("segments.json")["inline_openers"]])
    return re.compile(r" (?<=[\w%\"”)] )(?=(?:" + forms + r"))")  # the space first: scanned for fast


_DOT_SPACE_CAPITAL = re.compile(r"(?<![^\s(\"“])([^\s(\"“]+)\.( )(?=[A-ZĐ])")  # a word, its dot, a capital
_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")
_INITIAL = re.compile(r"[A-ZĐ]\.")


@cache
def _dot_abbreviations() -> frozenset[str]:
    return frozenset(p for p, _gloss in load_json("segments.json")["dot_abbreviations"])


def _missed_ends(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spaces after a full stop that `sent_tokenize` took for an abbreviation's dot: after a
    word with no capital (`sâu 18 m. Có 679 hộ …`, `80 km/h. Trước đây …`, `khối u. Theo …`),
    and after a one-letter word that follows a lower-case word (`viêm gan B. Mỗi năm …`, `quý I.
    Theo đó …`). Not a name's initial (`Gerald R. Ford`, `ông V. V. L.`), nor an abbreviation of
    lexicon `dot_abbreviations` (`P. Tân Định`, `vs. Billie Holiday`)."""
    found = []
    for m in _DOT_SPACE_CAPITAL.finditer(text, s, e):
        word, nxt = m.group(1), m.end(2)
        if word.lower() in _dot_abbreviations() or _INITIAL.match(text, nxt):
            continue
        if not any(ch.isupper() for ch in word):
            found.append((m.start(2), m.end(2)))
        elif len(word) == 1 and (before := _WORD_BEFORE.search(text, max(s, m.start() - 30), m.start())):
            if before.group(1)[0].islower():
                found.append((m.start(2), m.end(2)))
    return found


@cache
def _credit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = load_json("segments.json")
    heads = alternation_by_first_char([re.escape(w) for w, _gloss in lexicon["photo_credits"]])
    whole = alternation_by_first_char([re.escape(w) for w, _gloss in lexicon["photo_credits_whole"]])
    # the head, then a colon or (without one) a capital or a credit naming no one; not `Ảnh Hưởng` (influence)
    opener = re.compile(r"\(?(?<!\w)(?:" + heads + r")(?::\s*|\s+(?!Hưởng)(?=[A-ZĐ]|(?:" + whole + r")))")
    return opener, re.compile(r"(?:" + whole + r")\)?(?=\s)")


_NON_SPACE = re.compile(r"\S+")
_MAX_CREDIT_WORDS = 5


def _all_caps(word: str) -> bool:
    """`HẢI`, `TTXVN`, `H.M.` and an initial `D.`; not `A` alone."""
    letters = [ch for ch in word if ch.isalpha()]
    return (len(letters) >= 2 or word.endswith(".")) and bool(letters) and all(ch.isupper() for ch in letters)


def _name_ends(words: list[re.Match[str]]) -> int:
    """How many of the capitalised `words` after `Ảnh:` are the credit's name (0: none), when a
    lower-case word follows them: up to a word with a full stop (`Tự Trung.`) or an agency after a
    slash (`Doãn Tấn/TTXVN`), before a title, an opener (lexicon `credit_breakers`) or a place
    (`Xuân Hoa [Hà Nội] …`), else all but the last (`Hồng Đào [Trong] dịp Tết`, `Thái Bình [Năm] 2017`)."""
    run = len(capitalised_run(w.group() for w in words))
    for k, w in enumerate(words[:run]):
        word = w.group()
        if (word.endswith(".") and not _INITIAL.fullmatch(word)) or (
            "/" in word and _all_caps(word.rpartition("/")[2])
        ):
            return k + 1  # `Báo Quảng Ninh.`: a stop ends it, whatever it names
    for k, w in enumerate(words[1:run], start=1):
        if w.group() in _credit_breakers() or _place_at(w):
            return k
    after = words[run].group()[:1] if run < len(words) else ""
    if after.isdigit():
        # `Thái Bình [Năm] 2017, …`: a word that dates or names the number opens the sentence; else
        # nothing tells the name from a subject that goes on to a number (`St Headline Chu Lệ Thiên 60 tuổi`)
        return run - 1 if run > 1 and words[run - 1].group().lower() in word_set("date_before") else 0
    return run - 1 if after.islower() else 0


@cache
def _credit_breakers() -> frozenset[str]:
    return frozenset(w for w, _gloss in load_json("segments.json")["credit_breakers"])


def _place_at(word: re.Match[str]) -> bool:
    """A place of two words or more starts at `word` (`Hà Nội`; not `Nga` alone: `Quỳnh Nga` is a name)."""
    low = word.string[word.start() : word.start() + 60].lower()  # the words from here, not the whole text
    for section in _PLACE_SECTIONS:
        m = phrase_re(section, "places.json").match(low)
        if m and " " in m.group():
            return True
    return False


_PLACE_SECTIONS = ("places", "countries", "world_places")


def _credit_end(text: str, opener: re.Match[str], e: int) -> tuple[int, int] | None:
    """Where the photo credit opened by `opener` ends and the sentence glued after it starts:
    `Ảnh: HẢI NGUYỄN Tới 2020 …` (the capitals), `Ảnh: Hồng Đào Trong dịp Tết …` (its name, see
    `_name_ends`), `(Ảnh Samco) Dự án …` (the bracket), `Ảnh minh họa Nhóm …`; None when nothing
    is glued after it."""
    at = opener.end()
    alone = _credit()[1].match(text, at)
    words = list(_NON_SPACE.finditer(text, alone.end() if alone else at, min(e, at + 120)))
    if alone:
        n = 0
    elif text[opener.start()] == "(":
        n = next((k + 1 for k, w in enumerate(words[:_MAX_CREDIT_WORDS]) if ")" in w.group()), 0)
        if n < 1 or not words[n - 1].group().endswith(")"):
            return None  # `(Ảnh: AP).`: a full stop after the bracket ends the sentence already
    elif words and _all_caps(words[0].group()):
        n = len(list(takewhile(lambda w: _all_caps(w.group()), words)))
    else:
        n = _name_ends(words)
        if n < 1:
            return None
    if n > _MAX_CREDIT_WORDS or n >= len(words) or not words[n].group()[:1].isupper():
        return None
    return (words[n - 1].end() if n else alone.end() if alone else at), words[n].start()


def _is_credit(text: str, s: int, e: int) -> bool:
    """Whether `[s, e)` is a photo credit alone (`Ảnh: Quỳnh Nga.`, `(Nguồn: AFP/TTXVN)`)."""
    m = _credit()[0].match(text, s)
    return m is not None and len(text[m.end() : e].split()) <= _MAX_CREDIT_WORDS


def _credit_cuts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A photo credit glued to the sentence after it (and maybe to its caption before it) stands alone."""
    cuts = []
    for m in _credit()[0].finditer(text, s, e):
        ends = _credit_end(text, m, e)
        if ends is None:
            continue
        before = m.start()
        while before > s and text[before - 1].isspace():
            before -= 1
        if before > s:
            cuts.append((before, m.start()))  # `… Công đoàn TP Ảnh: Hồng Đào`: the caption ends first
        cuts.append(ends)
    return cuts


def _split_glued(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`… tăng 6,21% Theo Tổng cục Thống kê, …` -> two sentences: the subheading and the report;
    `… sâu 18 m. Có 679 hộ …` -> two sentences; `… Ảnh: Hồng Đào Trong dịp Tết …` -> the credit and
    the report."""
    out = []
    for s, e in spans:
        cuts = sorted(
            [(m.start(), m.end()) for m in _inline_opener().finditer(text, s, e)]
            + _missed_ends(text, s, e)
            + _credit_cuts(text, s, e)
        )
        for cs, ce in cuts:
            out.append((s, cs))
            s = ce
        out.append((s, e))
    return out


def sentences(text: str, needed: re.Pattern[str] | None = None) -> list[Sentence]:
    """Sentences of the (normalized) text with their paragraph index and clauses.

    With `needed`, a paragraph (other than the first, the headline) in which the pattern
    finds nothing is kept whole as one sentence without clauses: no indicator can come
    from it, and periods and places are inherited only within a paragraph or from the
    headline."""
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        if needed is not None and p > 0 and needed.search(text, ps, pe) is None:
            out.append(Sentence(ps, pe, p, []))
            continue
        spans = _split_glued(text, _align(text, ps, pe, sent_tokenize(text[ps:pe])) or [(ps, pe)])
        # keep every character inside some sentence: stretch each to the next one's start
        for k, (s, e) in enumerate(spans):
            s = ps if k == 0 else s
            e = pe if k == len(spans) - 1 else e
            # clauses matter only where a number is
            wanted = needed is None or needed.search(text, s, e) is not None
            out.append(Sentence(s, e, p, clauses(text, s, e) if wanted else [], _is_credit(text, s, e)))
    return out
