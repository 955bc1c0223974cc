"""What a quantity measures: comparator, change vs. level, reference, period,
location and concept, read from the words around it (SPEC section 2)."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import load_json, phrase_re
from .quantities import Quantity
from .tokenizer import is_word

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|%", re.UNICODE)


@cache
def _ctx() -> dict:
    return load_json("context.json")


def _words(low: str, lo: int, hi: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(low, lo, hi))


# a bound, not a difference: `hơn mức` (than the level), or the comparison opens its clause
_BARE_COMPARISON = re.compile(r"(?<!\w)(cao|nhiều|lớn|thấp|ít|nhỏ) hơn( mức)?\s*$")
_OPENS_CLAUSE = re.compile(r"(?:^|[,;:(]|(?<!\w)(?:thì|là|với|cần|phải))\s*$")
_COMPARED_AFTER = re.compile(r"[^;.()]*?(?<!\w)(?:so với|so|cùng kỳ|trước|ngoái)(?!\w)")
_DIFFERENCE_UNITS = ("điểm phần trăm", "điểm %", "điểm")


def bare_comparison(low: str, q: Quantity, lo: int) -> str | None:
    """`nhiều hơn 1.400 tỷ đồng vẫn chưa đủ`, `cao hơn mức 6,7%`: more (or less) than the
    number, compared with nothing else written after it (`>`/`<`); `cao hơn 0,7 điểm so với
    năm trước` is a difference instead."""
    m = _BARE_COMPARISON.search(low, max(lo, q.start - 20), q.start)
    if (
        m is None
        or not (m.group(2) or _OPENS_CLAUSE.search(low[max(lo, m.start() - 12) : m.start()]))
        or q.unit in _DIFFERENCE_UNITS
        or (q.kind == "number" and q.unit == "lần")
    ):
        return None
    if _COMPARED_AFTER.match(low, q.end, _clause_end(low, q.end)):
        return None
    return ">" if m.group(1) in ("cao", "nhiều", "lớn") else "<"


def comparator(low: str, q: Quantity, lo: int) -> str:
    """The first of the qualifiers written right before the number decides (`khoảng hơn` -> ~)."""
    bare = bare_comparison(low, q, lo)
    if bare:
        return bare
    ctx = _ctx()
    table = ctx["comparators"]
    found = None
    saw_from = False
    pos = q.start
    lo = max(lo, q.start - 80)  # qualifiers stand right before the number
    while True:
        left = low[lo:pos].rstrip()
        match = None
        for p in table:
            if left.endswith(p) and (len(left) == len(p) or not left[-len(p) - 1].isalnum()):
                if match is None or len(p) > len(match):
                    match = p
        if match is None:
            if left.endswith(" từ") or left == "từ":
                pos = lo + len(left) - 2  # `khoảng từ 10 đến 15`: từ is transparent
                # `đến từ 34 quốc gia`, `xuất phát từ`: từ of origin, no minimum
                saw_from = not any(left.endswith(f" {w} từ") or left == f"{w} từ" for w in ctx["origin_before_tu"])
                continue
            break
        start = len(left) - len(match)
        before = left[:start].split()[-1:] if left[:start].strip() else []
        if match == "hơn" and before and before[0] in ctx["comparative_words"]:
            break  # cao hơn 0,7: a comparison, not a comparator
        if before and match in ("ngoài", "trên", "dưới") and is_word(f"{before[0]} {match}"):
            break  # `đầu tư nước ngoài từ 13%`: `ngoài` ends a word here, it qualifies nothing
        found = match
        pos = lo + start
    # `80.000 người trở lên`: the qualifier may follow the counted noun
    after_words = low[q.end : q.end + 40].split()[:5]
    for k in range(0, 4):
        tail = " ".join(after_words[k : k + 2])
        for p, (sym, _g) in ctx["after_comparators"].items():
            if tail.startswith(p):
                return sym
        if k < len(after_words) and not after_words[k][:1].isalpha():
            break
    if found is None and saw_from and q.value_max is None:
        # `từ 450 km2` alone is a minimum; `từ 401 xuống còn 208` is where a change starts
        rest = low[q.end : hi] if (hi := _clause_end(low, q.end)) else ""
        if not re.search(r"(?<!\w)(đến|tới|lên|xuống|về|sang|còn)(?!\w)", rest):
            return ">="
    if found is None:
        # `vốn tối thiểu … là 2 tỷ`: a limit named earlier in the clause, the number after `là`
        if re.search(r"(?<!\w)(là|ở mức)\s*$", low[lo : q.start]):
            limit = re.search(r"(?<!\w)(tối thiểu|tối đa|ít nhất)(?!\w)", low[lo : q.start])
            if limit:
                return table[limit.group(1)][0]
        return "="
    return table[found][0]


def _clause_end(low: str, pos: int) -> int:
    m = re.compile(r"[;,.()]|$").search(low, pos)
    return m.start() if m else len(low)


def change(low: str, q: Quantity, lo: int) -> str | None:
    """`increase`/`decrease` when the number is the size of a rise or fall; None for a level."""
    if bare_comparison(low, q, lo):
        return None  # `nhiều hơn 1.400 tỷ đồng`: a bound, not a rise
    ctx = _ctx()
    seg = low[max(lo, q.start - 120) : q.start]  # a trigger is never further than a few words
    hits = list(phrase_re("change_triggers").finditer(seg))
    if not hits:
        return None
    hit = hits[-1]
    if hit.group() == "vượt" and q.kind in ("count", "ratio"):
        return None  # `vượt 16/19 chỉ tiêu`: how many targets were exceeded, not a rise
    if phrase_re("change_not_before").match(seg, hit.end() + 1):
        return None  # `giảm nghèo` (poverty reduction) names a programme
    between = seg[hit.end() :]
    if len(between.split()) > 6:
        return None
    # `tăng tổng mức đầu tư hơn 14 tỉ`: `mức` inside the noun `tổng mức đầu tư` marks no level
    markers = [m for m in phrase_re("level_markers").finditer(between) if between[: m.start()][-5:] != "tổng "]
    marker = markers[0] if markers else None
    if marker and not (marker.group() == "từ" and q.value_max is not None and not between[marker.end() :].strip()):
        return None  # `tăng từ 3.000 lên 4.000` is a level; `vượt từ 2 - 19%` is a range of rises
    before = seg[: hit.start()].split()[-2:]
    if any(w in ("tốc", "độ", "mức", "tiêu") for w in before) and hit.group().startswith("tăng trưởng"):
        return None
    if q.kind == "number" and q.unit == "lần":
        return None
    return ctx["change_triggers"][hit.group()][0]


_REF_AFTER = re.compile(r"\s*(?:so với|so|bằng)\s+((?:[^\W\d_]+\s?){1,3}(?:(?:19|20)\d\d)?)")  # `so với năm 2023`
_REF_ENDS = frozenset(
    ("và", "nhưng", "song", "hoặc", "hay", "còn", "thì", "là", "mà", "nên", "để", "khi")
)  # `so với kế hoạch [và] bằng …`


def reference(low: str, text: str, q: Quantity, hi: int) -> str | None:
    """What a percent or change is relative to: `so với cùng kỳ`, `114% kế hoạch`."""
    if q.kind not in ("percent", "ratio") and q.kind not in ("money", "count", "measure", "number"):
        return None
    right = low[q.end : hi]
    m = _REF_AFTER.match(right)
    if m:
        s = q.end + m.start(1)
        words = text[s : q.end + m.end(1)].split()[:4]
        ends = [i for i, w in enumerate(words) if i and w.lower() in _REF_ENDS]
        words = words[: ends[0]] if ends else words
        written = phrase_re("references").match(low, s, hi)
        if written and len(written.group().split()) > len(words):
            return text[s : written.end()]  # `so với cùng kỳ năm trước`: past three words
        return " ".join(words).strip(" ,.") or None
    known = phrase_re("references").match(low, q.end + len(right) - len(right.lstrip()), hi)
    if known and q.kind == "percent":  # `114% kế hoạch`
        return text[known.start() : known.end()]
    return None


_ADMIN = re.compile(r"(?<!\w)(?:tỉnh|huyện|xã|thành phố|tp\.?|thị xã|phường|quận|thị trấn|thôn|ấp)\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"[\w'’\-]+\.?")
_NOT_PLACE = {"ủy", "uỷ", "đoàn", "hội", "đội", "trưởng", "phó"}
_WORD_START = re.compile(r"(?<!\w)\w")
_WORD_BEFORE = re.compile(r"(?<!\w)\w+ $")
_WORD_AFTER = re.compile(r" (\w)")
_SHARE_OF_WHOLE = re.compile(
    r"(?:của|so với|bình quân|trung bình|chung|nhất|với|đảng|\d%?|%)\s*$"
)  # `chiếm 36% cả nước`
_CITY = re.compile(r"(?:thành phố|tp\.?)\s+$", re.IGNORECASE)


def is_nationwide(low: str, span: tuple[int, int]) -> bool:
    """`cả nước`, `toàn quốc`."""
    return phrase_re("nationwide", "places.json").fullmatch(low, span[0], span[1]) is not None


def _bare_places(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Provinces, cities and countries of the gazetteer written as names (capitalised) without
    an administrative word: `Hà Nội`, `Việt Nam`."""
    low = text[lo:hi].lower()
    out = []
    for m in phrase_re("nationwide", "places.json").finditer(low):
        if not _SHARE_OF_WHOLE.search(low, max(0, m.start() - 16), m.start()):
            out.append((lo + m.start(), lo + m.end()))  # `Cả nước có 235 trường`, `tỷ lệ hộ nghèo cả nước`
    for w in _WORD_START.finditer(text, lo, hi):
        if not w.group().isupper():
            continue  # a name is capitalised: try the gazetteer only there
        place = phrase_re("places", "places.json").match(low, w.start() - lo) or phrase_re(
            "countries", "places.json"
        ).match(low, w.start() - lo)
        if place is not None:
            s, e = lo + place.start(), lo + place.end()
            before = _WORD_BEFORE.search(text, max(lo, s - 20), s)
            after = _WORD_AFTER.match(text, e, hi)
            in_name = (
                before is not None
                and before.start() > lo
                and before.group()[0].isupper()
                and not before.group().isupper()
            ) or (after is not None and after.group(1).isupper())
            if text[s].isupper() and not in_name and not _ADMIN.search(text, max(lo, s - 12), s):
                out.append((s, e))  # not in a longer name: `Phó Thủ tướng Trương Hòa Bình`
    return out


def administrative(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that open with an administrative word (`huyện …`, `TP …`): words of no concept,
    unlike a bare place, which is part of one (`dân số Hà Nội`)."""
    return [sp for sp in spans if _ADMIN.match(text, sp[0])]


def locations(text: str, lo: int, hi: int, bare: bool = True) -> list[tuple[int, int]]:
    """Administrative units with their capitalized names (`huyện Ia H'Drai`, `TP. HCM`, `quận 1`)
    and, with `bare`, the provinces, cities and countries of the gazetteer written alone
    (`Hà Nội`, `Việt Nam`: where the figure is, though part of a concept such as `dân số Hà Nội`)."""
    out = []
    places = phrase_re("places", "places.json")
    for m in _ADMIN.finditer(text, lo, hi):
        pos, end, n = m.end(), None, 0
        known = places.match(text[pos : min(hi, pos + 40)].lower())
        if known and text[pos].isupper():
            out.append(
                (m.start(), pos + known.end())
            )  # `tỉnh Nghệ An [Thái Thanh Quý]`: the place, not the name after it
            continue
        if _CITY.match(text, m.start(), m.end()) and phrase_re("surnames", "places.json").match(
            text[pos : pos + 8].lower()
        ):
            continue  # `Bí thư Thành ủy TP Nguyễn Thiện Nhân`: a person follows, no city
        while n < 4:
            w = _NAME_WORD.match(text, pos)
            if not w or not (w.group()[0].isupper() or (n == 0 and w.group()[0].isdigit())):
                break
            if n == 0 and w.group().lower().rstrip(".") in _NOT_PLACE:
                break
            if n > 0 and phrase_re("surnames", "places.json").fullmatch(w.group().lower()):
                break  # `TP. HCM Lê Thanh Liêm`: a person's name after the place
            end, n = w.end(), n + 1
            if w.group().endswith("."):
                break  # `TP. HCM. Công an …`: a full stop ends the name
            pos = end + 1 if text[end : end + 1] == " " else end
            if text[end : end + 1] != " ":
                break
        if end is None:
            continue
        while end > m.end() and not text[end - 1].isalnum():
            end -= 1
        out.append((m.start(), end))
    if bare:
        taken = list(out)
        out.extend(sp for sp in _bare_places(text, lo, hi) if not any(a <= sp[0] < b for a, b in taken))
    return sorted(out)
