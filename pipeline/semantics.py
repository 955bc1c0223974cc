"""How a quantity is stated: comparator, change vs. level, reference, read from the words
around it (SPEC section 2); where it is: `places.py`; what and when: `concept.py`, `period.py`."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, load_json, phrase_re, word_set
from .lookaround import ending_phrase
from .period import compared_right_before, periods
from .quantities import Quantity
from .tokenizer import is_word


@cache
def _ctx() -> dict:
    return load_json("context.json")


_IS_BEFORE = re.compile(r"(?<!\w)(là|ở mức)\s*$")
_LIMITS = "tối thiểu|tối đa|ít nhất"  # limits named before a number (`vốn tối thiểu … là 2 tỷ`)
_LIMIT_WORD = re.compile(r"(?<!\w)(" + _LIMITS + r")(?!\w)")
# a bound, not a difference: `hơn mức` (than the level), or the comparison opens its clause
_OPENS_CLAUSE = re.compile(r"(?:^|[,;:(]|(?<!\w)(?:thì|là|với|cần|phải))\s*$")
_COMPARED_AFTER = re.compile(r"[^;.()]*?(?<!\w)(?:so với|so|cùng kỳ|trước|ngoái)(?!\w)")
_DIFFERENCE_UNITS = ("điểm phần trăm", "điểm %", "điểm")


@cache
def _bare_comparison() -> re.Pattern[str]:
    """`<comparative> hơn (mức)` before a number, for the comparatives that bound a figure (not
    `sớm hơn`, `nhanh hơn`: differences of time and speed)."""
    bounding = [w for w, (direction, _gloss) in _ctx()["comparative_words"].items() if direction]
    return re.compile(r"(?<!\w)(" + alternation(bounding) + r") hơn( mức)?\s*$")


def bare_comparison(low: str, q: Quantity, lo: int) -> str | None:
    """`nhiều hơn 1.400 tỷ đồng vẫn chưa đủ`, `cao hơn mức 6,7%`: more (or less) than the
    number, compared with nothing else written after it (`>`/`<`); `cao hơn 0,7 điểm so với
    năm trước` is a difference instead."""
    m = _bare_comparison().search(low, max(lo, q.start - 20), q.start)
    if (
        m is None
        or not (m.group(2) or _OPENS_CLAUSE.search(low[max(lo, m.start() - 12) : m.start()]))
        or q.unit in _DIFFERENCE_UNITS
        or (q.kind == "number" and q.unit == "lần")
    ):
        return None
    if _COMPARED_AFTER.match(low, q.end, _clause_end(low, q.end)):
        return None
    return _ctx()["comparative_words"][m.group(1)][0]


# `trở lên` after the second of two coordinated figures bounds both (`dân số 80.000 người và diện tích 850 km2
# trở lên`): a few words (the first's unit), `và`, a few words, the second number and its unit
_SHARED_BOUND = re.compile(
    r"[^\d,;.()]{0,25}?\svà\s[^\d,;.()]{0,30}?\d[\d.,]*\s*[^\s,;.()]+(?:\s[^\s\d,;.()]+)?\s+(trở lên|trở xuống)(?!\w)"
)


def comparator(low: str, q: Quantity, lo: int, bound: str | None) -> str:
    """The first of the qualifiers written right before the number decides (`khoảng hơn` -> ~);
    `bound` is `bare_comparison`'s reading, found once for both this and `change`."""
    if bound:
        return bound
    ctx = _ctx()
    table = ctx["comparators"]
    found = None
    saw_from = False
    pos = q.start
    lo = max(lo, q.start - 80)  # qualifiers stand right before the number
    while True:
        left = low[lo:pos].rstrip()
        match = ending_phrase(left, table)  # the longest qualifier that ends the text before
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
        if match == "ngoài" and q.kind == "count" and not left[:start].strip(" ,;:"):
            break  # `Ngoài 3 nước đồng tác giả, …`: besides, at the clause's start; not `ngoài 60 tuổi`
        if before and match in ("ngoài", "trên", "dưới", "sát") and is_word(f"{before[0]} {match}"):
            break  # `đầu tư nước ngoài từ 13%`: `ngoài` ends a word here, it qualifies nothing
        if match == "trên" and before and before[0] in word_set("above_mentioned_before"):
            break  # `công việc nêu trên khoảng 23.000 tỷ`: above-mentioned, the qualifier is the one after
        if match == "trên" and _tren_is_preposition(left[:start], low, q):
            break  # `dựa trên 5 trụ cột`, `300 hộ dân trên 217ha`: on, not over
        if (
            match in ("tối đa", "tối thiểu")
            and (q.unit or "").lower() in word_set("rated_spec_units")
            and any(left[:start].rstrip().endswith(w) for w in word_set("rated_spec_nouns"))
        ):
            break  # `công suất tối đa 123 mã lực`: an engine's rated maximum, a value, not a bound
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
    if found is None and (shared := _SHARED_BOUND.match(low, q.end)) is not None:
        return ctx["after_comparators"][shared.group(1)][0]  # `dân số 80.000 người và diện tích 850 km2 trở lên`
    if found is None and saw_from and q.value_max is None:
        # `từ 450 km2` alone is a minimum; `từ 401 xuống còn 208` is where a change starts
        # (past an aside in brackets, and a comma right before the other end: `từ 3 euro (3,6 USD) …
        # lên tới 50 euro`, `tăng từ 10 nghìn đồng, lên 14 nghìn đồng`)
        rest = _ASIDE.sub(" ", low[q.end : q.end + 160])
        rest = re.split(r"[;.]", rest, maxsplit=1)[0]
        if not _OTHER_END.match(rest):
            return ">="
    if found is None and (limit_verb := _LIMIT_THEN_VERB.search(low, lo, q.start)) is not None:
        return table[limit_verb.group(1)][0]  # `ít nhất sẽ có 150 tấn`: the limit, then its verb
    if found is None:
        # `vốn tối thiểu … là 2 tỷ`: a limit named earlier in the clause, the number after `là`
        if _IS_BEFORE.search(low[lo : q.start]):
            limit = _LIMIT_WORD.search(low[lo : q.start])
            if limit:
                return table[limit.group(1)][0]
        return "="
    return table[found][0]


# a count and its noun right before `trên`: `42 điểm trên 131km` (on 131 km)
_COUNT_THEN_NOUN = re.compile(r"(?<![\w.,])\d[\d.,]*\s+(?:[^\W\d_]+\s+){1,2}$")
_SPAN_UNITS = frozenset({"ha", "km", "m", "m2", "km2"})


def _tren_is_preposition(left: str, low: str, q: Quantity) -> bool:
    """`trên` as `on` before the number: after a verb that takes it (`dựa trên`, `nằm trên`; lexicon
    `preposition_tren_verbs`), before what something rests on (`trên 3 trụ cột`; lexicon
    `preposition_tren_objects`), or between a count and the area or length it lies on."""
    if _verb_before_tren().search(left):
        return True
    if q.unit in word_set("preposition_tren_objects") or phrase_re("preposition_tren_objects").match(low, q.end + 1):
        return True
    return q.kind == "measure" and q.unit in _SPAN_UNITS and _COUNT_THEN_NOUN.search(left) is not None


@cache
def _verb_before_tren() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(word_set("preposition_tren_verbs")) + r")\s*$")


_ASIDE = re.compile(r"\([^()]*\)")
_LIMIT_THEN_VERB = re.compile(r"(?<!\w)(" + _LIMITS + r")(?:\s+(?:sẽ|có|đạt|là|phải|cần|được|cũng)){1,2}\s*$")
_TO = r"(?<!\w)(?:đến|tới|lên|xuống|về|sang|còn)(?!\w)"
_TO_LEVEL_AT_END = re.compile(
    r"(?<!\w)(?:về|(?<!hoàn )(?<!giá )thành)(?:\s+(?:mức|khoảng|gần|quanh|còn))*\s*$"
)  # `về`, `thành` right before the number: down or up to a level (`giá đội lên thành 8.782 đồng/m3`)
_OTHER_END = re.compile(rf"[^,()]*?{_TO}|[^,()]*,\s*(?:và\s+)?{_TO}")


def _clause_end(low: str, pos: int) -> int:
    m = re.compile(r"[;,.()]|$").search(low, pos)
    return m.start() if m else len(low)


_BRACKETED = re.compile(r"\(\s*[-−]")  # a signed figure written in brackets


def change(low: str, q: Quantity, lo: int, bound: str | None) -> str | None:
    """`increase`/`decrease` when the number is the size of a rise or fall; None for a level
    (`bound`: `bare_comparison`'s reading)."""
    if bound:
        return None  # `nhiều hơn 1.400 tỷ đồng`: a bound, not a rise
    if q.kind == "percent" and q.value is not None and q.value < 0 and _BRACKETED.match(low, q.start - 1):
        return "decrease"  # `VN-Index giảm 12,5 điểm (-1,05%)`, `VNM (-0,6%)`: a signed change
    ctx = _ctx()
    seg = low[max(lo, q.start - 120) : q.start]  # a trigger is never further than a few words
    nouns = [m.span() for m in phrase_re("change_inside_nouns").finditer(seg)]
    hits = [h for h in phrase_re("change_triggers").finditer(seg) if not any(a <= h.start() < b for a, b in nouns)]
    if not hits:
        return None  # `thuế giá trị gia tăng 10%`: the trigger is inside a noun
    hit = hits[-1]
    if hit.group() == "vượt" and q.kind in ("count", "ratio"):
        return None  # `vượt 16/19 chỉ tiêu`: how many targets were exceeded, not a rise
    if hit.group() == "vượt" and seg[: hit.start()].split()[-1:] == ["đạt"]:
        return None  # `tổng tài sản đạt vượt 506 nghìn tỷ đồng`: a level reached past, not a rise
    if phrase_re("change_not_before").match(seg, hit.end() + 1):
        return None  # `giảm nghèo` (poverty reduction) names a programme
    between = seg[hit.end() :]
    if len(between.split()) > 6:
        return None
    # `tăng tổng mức đầu tư hơn 14 tỉ`: `mức` inside the noun `tổng mức đầu tư` marks no level
    markers = [m for m in phrase_re("level_markers").finditer(between) if between[: m.start()][-5:] != "tổng "]
    marker = markers[0] if markers else None
    # `mức tăng mới là 10%`, `sự gia tăng giá điện ở bậc 4 là 12,7%`: the noun names the rise itself
    names_change = seg[: hit.start()].split()[-1:] in (["mức"], ["sự"], ["đà"]) and not hit.group().startswith(
        "tăng trưởng"
    )
    if names_change and marker is not None and marker.group() in ("là", "ở mức"):
        marker = None
    if (
        marker is not None
        and marker.group() == "là"
        and hit.group().endswith("hơn")
        and len(between.split()) <= 4
        and not any(ch.isdigit() for ch in between)  # not `cao hơn 15% là Kiên Giang 18,75%`: a bound, a level
    ):
        marker = None  # `thấp hơn Lào là 4.456 đồng/lít`: lower than what is named, by so much
    if marker is None and _TO_LEVEL_AT_END.search(between):
        return None  # `giá vàng giảm về 36 triệu đồng/lượng`: down to a level
    if marker and not (marker.group() == "từ" and q.value_max is not None and not between[marker.end() :].strip()):
        return None  # `tăng từ 3.000 lên 4.000` is a level; `vượt từ 2 - 19%` is a range of rises
    before = seg[: hit.start()].split()[-2:]
    if any(w in ("tốc", "độ", "mức", "tiêu") for w in before) and hit.group().startswith("tăng trưởng"):
        return None
    if q.kind == "number" and q.unit == "lần":
        return None
    return ctx["change_triggers"][hit.group()][0]


_REF_AFTER = re.compile(
    r"\s*(?:so với|so(?! với))\s+((?:[^\W\d_]+\s?){1,3}(?:(?:19|20)\d\d)?|(?:19|20)\d\d(?!\d))"
)  # `so với năm 2023`; `so với 2024` is the year, not `với 2024`
_NEXT_SYLLABLE = re.compile(r"\s*([^\W\d_]+)")
MAX_REFERENCE_ON = 4


def _phrase_on(text: str, pos: int, hi: int) -> list[str]:
    """The words that go on a compared noun phrase past its first three (`các tháng trước [đó]`,
    `bình quân chung [cả nước]`, `những người không [hút thuốc]`): lower-case, up to four, up to a
    mark, a number or a word that opens a clause or a phrase (lexicon `reference_on_stops`)."""
    out: list[str] = []
    stops = word_set("reference_on_stops") | word_set("reference_ends")
    while len(out) < MAX_REFERENCE_ON and (m := _NEXT_SYLLABLE.match(text, pos, hi)):
        word = m.group(1)
        if not word.islower() or word in stops or text[pos : m.start(1)].strip():
            break
        out.append(word)
        pos = m.end()
    return out


_GAP_REACH = 400  # characters after a figure where a comparison past a gap is read: no sentence costs more


@cache
def _reference_gap() -> re.Pattern[str]:
    """What may stand between a figure and its `so với` (lexicon `reference_gaps`)."""
    forms = "|".join(p for p, _gloss in load_json("context.json")["reference_gaps"])
    return re.compile(r"\s*(?:" + forms + r")(?=\s*so với\s)")


_COUNTED_BEFORE_REF = re.compile(r"(?:\s+[^\W\d_]+){1,3}?(?=\s+so(?: với)?\s)")  # the counted noun before `so với`


# `cao hơn cùng kỳ 31%`, `vượt kế hoạch đề ra khoảng 6%`, `so với GDP là 34%`: the compared thing
# written before the number (used with .search, right before it)
_COMPARING = r"so với|cao hơn|thấp hơn|nhiều hơn|ít hơn|lớn hơn|vượt"
_COMPARISON = re.compile(r"(?<!\w)(?<!cầu )(?:" + _COMPARING + r")(?!\w)")
_YEAR_REF = r"(?:năm\s+)?(?:19|20)\d\d"  # a year compared with: `so với [2015] là …`
_REF_BEFORE = re.compile(
    r"(?P<how>" + _COMPARING + r")\s+(?:của\s+)?(?P<ref>" + _YEAR_REF + r"|[^\W\d_]+(?:\s[^\W\d_]+){0,7}?)"
    r"\s+(?:(?:khoảng|gần|hơn|tới|đến|là|ở mức|chừng|xấp xỉ|hiện|dưới|trên|không quá)\s+)*$"
)


_A_YEAR = re.compile(_YEAR_REF)
_SO_VOI = re.compile(r"(?<!\w)so với(?!\w)")
_DIGIT_BEFORE = re.compile(r"\d[^\d]{0,11}$")
_CLOSED = re.compile(r"\s*[,;()]")
_BOUND_TO_NUMBER = re.compile(r"\s*(?:(?:là|ở mức|đạt|bằng|khoảng|chỉ)\s*)*\d")


def reference_earlier(low: str, text: str, q: Quantity, lo: int) -> str | None:
    """A comparison written earlier in the sentence, not after a number, for a change that names
    none: `So với cùng kỳ năm 2018, giảm 130 vụ`, `tăng trưởng chậm lại so với cùng kỳ (vận tải
    giảm 5,5%; …)`; read as after a number, up to the number at most."""
    found = None
    for m in _SO_VOI.finditer(low, lo, q.start):
        if not _DIGIT_BEFORE.search(low, max(lo, m.start() - 12), m.start()):
            found = m  # `tăng 16,5% so với cùng kỳ` compares that number, not this one
    if found is None:
        return None
    start = found.end() + len(low[found.end() : q.start]) - len(low[found.end() : q.start].lstrip())
    when = periods(low, start, q.start)
    known = phrase_re("references").match(low, start, q.start)
    end = -1
    if when and when[0][0] == start:
        end = when[0][1]  # `So với tháng 12/2016, …`
    elif known:
        then = periods(low, known.end(), q.start)
        end = then[0][1] if then and not low[known.end() : then[0][0]].strip() else known.end()
    elif read := _REF_AFTER.match(low[found.start() : q.start]):
        phrase = _compared(low, text, found.start(), read, q.start) or ""
        end = low.find(phrase.lower(), start) + len(phrase) if phrase else -1
        if end < 0 or not _CLOSED.match(low, end):
            return None  # `so với mức lương hiện tại, …`; not `so với dự báo [tăng] …`
    if end < 0 or _BOUND_TO_NUMBER.match(low, end):
        return None  # `tổng vốn đầu tư so với GDP là 34%`: that number's comparison
    return text[start:end]  # `so với cùng kỳ năm 2018`; `so với kế hoạch [hụt hơn] 2 triệu tấn`


_NEAR = 120  # characters a period next to a compared thing may reach: a sentence of any length costs no more
_FROM_LEVEL = re.compile(r"\s*,?\s*từ\s+(?:mức\s+)?(?:(?:hơn|gần|khoảng|trên)\s+)?\d[\d.,]*")
_LEVEL_UNIT = re.compile(r"[^\W\d_]*(?:\s+[^\W\d_]+){0,4}\s+")  # `%`-less units: `triệu đồng`, `tỉ USD`
_TO_LEVEL = re.compile(r"\s*(?:lên|xuống|đến|còn)\s")


def reference_from(low: str, text: str, q: Quantity, hi: int) -> str | None:
    """For a change or a multiple followed by the levels it joins, the period of the first:
    `tăng gần 3,5 lần, từ hơn 9 triệu đồng [năm 2008] lên 32 triệu đồng năm 2017`."""
    level = _FROM_LEVEL.match(low, q.end, hi)
    if level is None:
        return None
    after = level.end() + 1 if low.startswith("%", level.end()) else level.end()
    when = next((sp for sp in periods(low, after, min(hi, after + _NEAR)) if sp[0] >= after), None)
    if when is None or not _TO_LEVEL.match(low, when[1], hi):
        return None
    between = low[after : when[0]]
    if between.strip() and not _LEVEL_UNIT.fullmatch(between):
        return None  # `từ 7% [của cả nước] năm …`: not the level's own period
    return text[when[0] : when[1]]


def reference_before(low: str, text: str, q: Quantity, lo: int, difference: bool = False) -> str | None:
    """The compared thing written between a comparison and the number, when it is a known reference
    (lexicon `references`): `cao hơn cùng kỳ 31%`, `so với GDP là 34%`; not `cao hơn đội xếp thứ 2`
    nor `so với mức 13,1%`. When the number is a `difference` (a change), any short noun phrase
    after `cao hơn`, `vượt` …: `cao hơn giá một tập đoàn của Mỹ đến 9 USD`, `vượt tỷ lệ hỗ trợ quy
    định 1.004,9 tỷ đồng`."""
    found = list(_COMPARISON.finditer(low, max(lo, q.start - 60), q.start))
    m = _REF_BEFORE.match(low, found[-1].start(), q.start) if found else None  # the comparison nearest the number
    if m is None:
        return None
    ref = m.group("ref")
    if not phrase_re("references").fullmatch(ref) and not _A_YEAR.fullmatch(ref):  # `tăng so với 2015 là …`
        words = ref.split()
        of_rate = (
            q.kind == "percent"
            and m.group("how") == "so với"
            and phrase_re("rate_heads").search(low, max(lo, found[-1].start() - 60), found[-1].start()) is not None
        )  # `tỷ lệ nhập siêu so với [tổng kim ngạch xuất khẩu] dưới 3%`: the rate's denominator
        if not (difference or of_rate) or (m.group("how") == "so với" and not of_rate) or len(words) < 2:
            return None  # `so với mức 13,1%`, `so với con số …`: the compared figure follows, it is no reference
        if words[0] in word_set("compared_not_first"):
            return None  # `so với mức 13,1%`, `cao hơn rất nhiều`: a level or a degree, no thing compared
        inside = word_set("compared_not_inside")
        if any(w in inside for w in words) or words[0] in word_set("concept_dangling") or words[0] == "qua":
            return None  # `so với khoản lỗ lên đến 193 tỷ đồng`, `chi nhiều hơn cho …`, `vượt qua quãng đường`
        if q.kind == "percent" and phrase_re("rate_heads").match(ref):
            return None  # `cao hơn tỷ trọng 85,3% của cùng kỳ`: the compared rate follows
    return text[m.start("ref") : m.end("ref")]


def _through_period(low: str, start: int, end: int, hi: int, next_to: bool = True) -> int:
    """The end of a compared thing read up to `end`, taken on through a period that it is, that it
    cut off (`tháng [12/2015]`, `khoá [13]`, `kế hoạch năm [2018]`) or, when `next_to`, that
    follows it (`so với kế hoạch [9 tháng]`)."""
    for sp in periods(low, start, min(hi, end + _NEAR)):
        if sp[0] > end + 1 or (sp[0] >= end and not (next_to and low[end] == " ")):
            break  # `so với cùng kỳ, 6 tháng …`: not one after a mark; `4,9% GDP [giai đoạn …]`: the figure's
        if sp[1] > end:
            return sp[1]
    return end


def _compared(low: str, text: str, base: int, m: re.Match[str], hi: int) -> str | None:
    """The compared thing `_REF_AFTER` found (`m`, matched on `low[base:]`), cut where it ends."""
    s = base + m.start(1)
    words = text[s : base + m.end(1)].split()[:4]
    ends = [
        i for i, w in enumerate(words) if i and w.lower() in word_set("reference_ends")
    ]  # `so với kế hoạch [và] bằng …`
    words = words[: ends[0]] if ends else words
    nxt = _NEXT_SYLLABLE.match(text, base + m.end(1), hi)  # the word after the three read
    if len(words) == 3 and not ends and nxt and is_word(f"{words[-1]} {nxt.group(1)}"):
        words.append(nxt.group(1))  # `so với cuối ngày hôm [qua]`, `mức thu hiện [tại]`: the word whole
    elif words[-1].lower() == "của" and nxt and nxt.group(1)[0].isupper():
        words.append(nxt.group(1))  # `so với lợi nhuận của [VNPT]`: whose
    while (
        len(words) > 1
        and words[-1].lower() in word_set("concept_dangling")
        and not is_word(f"{words[-2]} {words[-1]}")  # `hiện tại` is a word
    ):
        words.pop()  # `so với tổng doanh thu [của]`: no dangling preposition
    written = phrase_re("references").match(low, s, hi)
    if written and len(written.group().split()) > len(words):
        return text[s : _through_period(low, s, written.end(), hi)]  # `so với cùng kỳ năm trước`: past three words
    if len(words) == 3 and not ends and not written and words[-1].isalpha():
        words += _phrase_on(text, base + m.end(1), hi)  # `so với giá trị trên [sổ sách kế toán]`
        while words[-1].lower() in word_set("concept_dangling") and not is_word(f"{words[-2]} {words[-1]}"):
            words.pop()  # `so với vốn vay ODA [của]`, not `giá hiện [tại]`
    phrase = " ".join(words).strip(" ,.")
    if phrase and text.startswith(phrase, s):  # `so với tháng [12/2015]`, `so với kế hoạch [9 tháng]`
        return text[s : _through_period(low, s, s + len(phrase), hi)]
    return phrase or None


def reference(low: str, text: str, q: Quantity, hi: int, sentence_hi: int) -> str | None:
    """What a percent or change is relative to: `so với cùng kỳ`, `114% kế hoạch`; read in the clause
    that ends at `hi`, or past what may stand before `so với` up to `sentence_hi` (lexicon
    `reference_gaps`: `tăng 7,5% (88.525 tỷ đồng) so với dự toán`, `4,9% về giá trị so với …`)."""
    if q.kind not in ("percent", "ratio") and q.kind not in ("money", "count", "measure", "number"):
        return None
    right = low[q.end : hi]
    m = _REF_AFTER.match(right)
    if m is None and q.kind == "count" and (noun := _COUNTED_BEFORE_REF.match(right)):
        m = _REF_AFTER.match(right, noun.end())  # `tăng 345 vụ so với cùng kỳ`: past the counted noun
    reach = min(sentence_hi, q.end + _GAP_REACH)
    if m is None and (gap := _reference_gap().match(low, q.end, reach)):
        hi = reach  # a bracket ends the clause: `tăng 7,5% (88.525 tỷ đồng) so với …`
        m = _REF_AFTER.match(low[q.end : hi], gap.end() - q.end)
    if m:
        return _compared(low, text, q.end, m, hi)
    known = phrase_re("references").match(low, q.end + len(right) - len(right.lstrip()), hi)
    if known and q.kind == "percent":  # `114% kế hoạch`, `113,1% kế hoạch năm 2018`
        # the period after `cùng kỳ` is the one compared with (`95% cùng kỳ [năm 2022]`)
        after = compared_right_before(known.group().split())
        return text[known.start() : _through_period(low, known.start(), known.end(), hi, next_to=after)]
    return None
