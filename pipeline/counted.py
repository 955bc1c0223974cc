"""What each quantity of a sentence counts or measures: the counted noun after a count
(`57 đảng viên`), a noun borrowed from a neighbour (`khiển trách 91`), a unit written once for
two numbers (`từ 3.000 lên 5.000 tấn`), a rate per so many (`5,83 vụ/10.000 dân`), and bare
numbers that only name something (`Kết luận 21`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache

from .lexicon import alternation, load_json, phrase_re, word_set
from .numerals import parse_digits
from .quantities import Quantity
from .segment import Sentence
from .tokenizer import Analysis, is_word

_ALONE_ON_LINE = re.compile(r"\s*[-+]?[\d.,]+\s*[.)]?\s*")  # `148`, `4 .`: a cell or an item's number


def _line_start(low: str, at: int) -> int:
    return low.rfind("\n", 0, at) + 1


def _line_end(low: str, at: int) -> int:
    end = low.find("\n", at)
    return len(low) if end < 0 else end


def counted_quantities(
    a: Analysis, quantities: Iterable[Quantity], sent: Sentence
) -> list[tuple[Quantity, str | None]]:
    """(quantity, counted noun read after it) for the quantities of one sentence, units resolved."""
    low, written = a.norm.lower, a.norm.written
    found: list[tuple[Quantity, str | None]] = []
    swallowed = -1
    for q in quantities:
        if q.start == swallowed:
            continue  # the `10.000` of `5,83 vụ/10.000 dân`
        noun = None
        if q.kind == "number" and q.unit == "lần" and _occurrences(low, q, sent.start):
            q.kind = "count"  # `6 lần được gia hạn`, `sau hai lần hiệp thương`: how often, not a multiple
        if q.kind in ("count", "ratio") and q.unit is None:
            noun = counted_noun(a, q, sent.end)
            if noun and (_a_name(written, q.end, noun) or _house_number(written, q, noun)):
                q.kind = q.why = "address"  # `Khu đất 8-12 Lê Duẩn`, `2-4-6 Hai Bà Trưng`: a house number
                found.append((q, None))
                continue
            if noun and _named_by_acronym(a.norm.text, q, sent.start):
                q.kind = q.why = "identifier"  # `Tàu SAR 412 lai dắt`, `PM 2.5 gấp`, `ATP 250 Eastbourne`
                found.append((q, None))
                continue
            if noun and (noun == "tiền" or noun.startswith("tiền ")) and q.value >= 1_000_000:
                q.kind, q.unit = "money", "VND"  # `nộp hơn 500 triệu tiền phạt`: a sum, in đồng
                noun = None
            elif noun and q.value != int(q.value) and phrase_re("references").fullmatch(noun):
                q.kind, q.unit = "percent", "%"  # `bằng 47,3 kế hoạch năm`: its % dropped, no count has decimals
                noun = None
            elif noun:
                q.unit = noun
            elif q.kind == "count":
                q.kind = "number"
        per_n = _PER_N.match(low, q.end, sent.end) if q.kind == "count" else None
        rate = per_n or (_PER_AREA.match(low, q.end, sent.end) if q.kind == "count" else None)
        per_time = _PER_TIME.match(low, q.end, sent.end) if q.kind == "count" and not rate else None
        if rate:  # `5,83 vụ/10.000 dân`, `11.220 người/km2`: a rate, a measure in its own unit
            q.kind, q.unit, q.end = "measure", _WS_RUN.sub(" ", written[rate.start(1) : rate.end()]).lower(), rate.end()
            noun = None
            if per_n:
                swallowed = per_n.start(2)
        elif q.kind == "count" and q.unit == "bảng" and (q.value >= 1000 or per_time):
            # `lương 350.000 bảng/tuần`: pounds sterling, not 350,000 boards (lexicon after_scaled for `71 triệu bảng`)
            pounds = _POUNDS.match(low, q.end)
            q.kind, q.unit = "money", "GBP"
            q.end = per_time.end() if per_time else pounds.end() if pounds else q.end
            noun = None
        elif per_time and q.unit != "lần":
            # `13.000 ca/ngày`, `2.600 lượt du khách/ 1 ngày đêm`: so many in a unit of time, a rate
            noun_written = _WS_RUN.sub(" ", written[per_time.start(1) : per_time.end(1)]).lower()
            q.kind, q.unit, q.end = "measure", f"{noun_written}/{per_time.group(2)}", per_time.end()
            noun = None
        found.append((q, noun))
    text = a.norm.text
    for q, _ in found:
        if (
            q.kind == "number"
            and q.unit is None
            and (
                _name_head().search(low, max(sent.start, q.start - 20), q.start)
                or _ACRONYM_BEFORE.search(text, max(sent.start, q.start - 12), q.start)
            )
        ):
            q.kind = q.why = (
                "identifier"  # `Kết luận 21`, `thang điểm 100`, `SDG 4`, `S&P 500`: a bare number that names
            )
        elif q.kind == "number" and q.unit is None and not q.word_numeral:
            if _ALONE_ON_LINE.fullmatch(low, _line_start(low, q.start), _line_end(low, q.end)):
                q.kind = q.why = "table cell"  # `150\n148\n26.95`: a table flattened to lines, its header lost
            elif _AGE_BEFORE.search(low, max(sent.start, q.start - 32), q.start):
                q.kind, q.unit = "measure", "tuổi"  # `ở tuổi 58`, `ở tuổi ngoài 50`: an age
            elif _TIMES_BEFORE.search(low, max(sent.start, q.start - 12), q.start):
                q.unit = "lần"  # `cao gấp 3, gấp 4 lần`: a multiple, its `lần` unwritten
    for q, _ in found:
        if q.kind == "measure" and q.unit == "tuổi" and _of_people_before(low, max(sent.start, q.start - 40), q.start):
            q.kind = q.why = "age band"  # `trẻ [dưới 1 tuổi]`, `lao động từ 15 tuổi trở lên`: who the figure is of
    names_alike([q for q, _ in found], a.norm.text, low)
    listed_units(found, low)
    elided_nouns(found, low)
    shared_units(found, low)
    for q, _ in found:
        if q.kind == "number" and q.unit is None and not q.word_numeral:
            m = _NUMBER_OF.search(low, max(sent.start, q.start - 80), q.start)
            if m and m.group(1).split()[0] not in word_set("not_counted"):
                head = m.group(1) if is_word(m.group(1)) else m.group(1).split()[0]
                q.kind, q.unit = "count", head  # `tổng số doanh nghiệp thành lập mới là 51.000`
    return found


def _a_name(written: str, end: int, noun: str) -> bool:
    """Whether the `noun` read after a number is written as a name, every syllable capitalised
    (`Lê Duẩn`, `Hai Bà Trưng`), not an acronym or a title (`Thứ trưởng`)."""
    words = written[end : end + 4 * len(noun) + 8].split()[: len(noun.split())]
    words = [w.strip(',.;:()"“”') for w in words]
    return len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words)


def _house_number(written: str, q: Quantity, noun: str) -> bool:
    """`42 đường Chu Mạnh Trinh`, `179 thôn Tân Trung, xã Tân Hà`, `31 ấp 3`: a number in digits, a
    street or hamlet word (lexicon `address_nouns`) and the place's name or number right after it,
    no list of names following (`2 thôn Tân Trung và Tân Hà` counts)."""
    if q.word_numeral or noun not in word_set("address_nouns"):
        return False
    after = re.match(
        r"\s*" + r"\s+".join(map(re.escape, noun.split())) + r"\s+(?=\w)", written[q.end : q.end + 120], re.I
    )
    if after is None:
        return False  # `12 thôn, 3 thôn …`: the noun ends its phrase
    words = written[q.end + after.end() : q.end + 120].split()
    if words[0][:1].isdigit():
        return re.fullmatch(r"\d+[,.;:]?", words[0]) is not None and (len(words) == 1 or words[0][-1] in ",.;:")
    k = 0
    while k < len(words) and words[k][:1].isupper():
        k += 1
        if words[k - 1][-1:] in ",.;:":
            break
    if k == 0:
        return False
    rest = " ".join(words[k - 1 :])[len(words[k - 1].rstrip(",.;:")) :]
    link = _LIST_LINK.match(rest)
    return link is None or not rest[link.end() : link.end() + 1].isupper()  # `, xã Tân Hà` goes down a level


_LIST_LINK = re.compile(r"\s*(?:,|và|;)\s*")


def counted_noun(a: Analysis, q: Quantity, hi: int) -> str | None:
    """The counted noun after a count or ratio, from the word tokens, as written
    (lower-cased): `57 đảng viên`, `1.500 hộ nghèo`, `3 "nghi phạm"`."""
    tokens = a.tokens_after(q.start, q.end)
    starts = [s for s, _ in tokens]
    k = bisect.bisect_left(starts, q.end)
    low = a.norm.lower
    picked: list[tuple[int, int]] = []
    prev_end = q.end
    while k < len(tokens) and len(picked) < 2:
        s, e = tokens[k]
        if s >= hi:
            break
        gap = low[prev_end:s]
        if gap.strip(' "“”') or (picked and gap.strip()):
            break
        w = low[s:e]
        if not w[0].isalpha():
            if not picked and w in ('"', "“"):
                prev_end, k = e, k + 1
                continue
            break
        if w in word_set("not_counted") or w in word_set("not_counted_tokens"):
            break
        if not picked and w in ("số", "số lượng", "tổng số"):
            prev_end, k = e, k + 1  # `1/3 số hộ`, `một nửa tổng số phiếu`: the counted noun follows
            continue
        if picked and w == "một":
            break  # `20 triệu khách [một] năm`, `hơn 2.000 ca [một] ngày`: a rate per one, not the noun
        if picked and len(low[picked[0][0] : picked[0][1]].split()) > 1:
            break  # `cán bộ` is a whole noun; a one-syllable head takes one more word (`hộ nghèo`)
        if picked and a.norm.text[s].isupper() and not a.norm.text[picked[0][0]].isupper():
            break  # `4 tỉnh Sóc Trăng, Bạc Liêu …`: a name after the head counts nothing more
        picked.append((s, e))
        prev_end = e
        k += 1
    if not picked:
        return None
    first_s, first_e = picked[0]
    if low.startswith("số ", first_s) and first_e - first_s > 3:
        picked[0] = (first_s + 3, first_e)  # underthesea glued `số hộ`
    rs, _ = a.norm.to_raw(picked[0][0], picked[0][1])
    _, re_ = a.norm.to_raw(picked[-1][0], picked[-1][1])
    return " ".join(a.norm.as_written(rs, re_).lower().split())


_NAME_KINDS = frozenset(("identifier", "name", "date", "address", "ordinal"))
_LIST_JOIN = re.compile(r"\s*(?:,|và|hoặc|đến|-|–)\s*")  # between two members of a list or a span
_DATE_TAIL = re.compile(r"[-/.]\d{1,2}(?:[-/.]\d{2,4})?")  # the month (and year) a date's quantity leaves out
_DIGIT_RUNS = re.compile(r"\d+")


def _digit_runs(text: str, start: int, end: int) -> list[int]:
    """How many digits each run of digits in `text[start:end]` has (`30-4`: [2, 1])."""
    return [len(r) for r in _DIGIT_RUNS.findall(text, start, end)]


def names_alike(quantities: list[Quantity], text: str, low: str) -> None:
    """A bare number listed right next to a name, date or address written in the same digits is
    one too: `Tầng hầm 2, [3]`, `ngày 30-4 và [1-5]`, `thế kỷ 16 đến [18]`, and, before an address,
    `[34], [36], 42 đường Chu Mạnh Trinh`."""

    def alike(a: Quantity, b: Quantity, bare: Quantity) -> bool:
        if bare.kind != "number" or bare.unit is not None or bare.word_numeral:
            return False
        gap = a.end + (m.end() - m.start() if a.kind == "date" and (m := _DATE_TAIL.match(low, a.end)) else 0)
        if not _LIST_JOIN.fullmatch(low, gap, b.start):
            return False
        first, second = _digit_runs(text, a.start, gap), _digit_runs(text, b.start, b.end)
        if a.kind == "date":  # `30-4 và 1-5`: days and months of one or two digits each
            return len(first) == len(second) > 1 and max(first + second) <= 2
        return bool(first) and first == second

    for k in range(1, len(quantities)):  # after the name
        prev, q = quantities[k - 1], quantities[k]
        if prev.kind in _NAME_KINDS and alike(prev, q, q):
            q.kind = q.why = prev.kind
    for k in range(len(quantities) - 2, -1, -1):  # before an address
        q, nxt = quantities[k], quantities[k + 1]
        if nxt.kind == "address" and alike(q, nxt, q):
            q.kind = q.why = "address"


def listed_units(records: list[tuple[Quantity, str | None]], low: str) -> None:
    """A bare number listed before a count (after a comma) or a measure (after a comma, `và`,
    `hoặc`, `hay`), both written with as many digits, counts or measures what it does: `84, 72, 67
    phiếu`, `80, 90 tuổi`, `96 hay 106 ha` (read from the end, so that the unit passes down the list)."""
    for idx in range(len(records) - 2, -1, -1):
        (q, noun), nxt = records[idx], records[idx + 1][0]
        if q.kind != "number" or q.unit is not None or noun is not None or q.word_numeral or not nxt.unit:
            continue
        between = low[q.end : nxt.start]
        listed = (nxt.kind == "count" and between.strip() == ",") or (
            nxt.kind == "measure" and _ALTERNATIVE.fullmatch(between) is not None
        )
        if listed and _same_digits(low, q, nxt):
            q.kind, q.unit = nxt.kind, nxt.unit


_ALTERNATIVE = re.compile(r"\s*(?:,|và|hoặc|hay)\s*")


def _same_digits(low: str, a: Quantity, b: Quantity) -> bool:
    """Both numbers written with as many digits (`80` and `90`, not `10` and `3,5`)."""
    first, second = (_digit_runs(low, x.start, x.numeral_end or x.end) for x in (a, b))
    return bool(first) and first == second


@cache
def _links() -> tuple[str, ...]:
    return tuple(load_json("context.json")["elided_noun_links"])


def elided_nouns(records: list[tuple[Quantity, str | None]], low: str) -> None:
    """A count written without its noun borrows it from a neighbour in the sentence:
    `khiển trách 91, cảnh cáo 16` after `111 đảng viên`; `11 trong tổng số 24 quận`."""
    counts: list[Quantity] = []  # the counts with a noun so far, nearest last
    for idx, (q, noun) in enumerate(records):
        _borrow_noun(records, idx, noun, low, counts)
        if q.kind == "count" and q.unit:
            counts.append(q)


def _borrow_noun(
    records: list[tuple[Quantity, str | None]], idx: int, noun: str | None, low: str, counts: list[Quantity]
) -> None:
    q = records[idx][0]
    if q.kind != "number" or q.unit is not None or noun is not None:
        return
    nxt = records[idx + 1] if idx + 1 < len(records) else None
    if nxt and nxt[0].kind == "count" and nxt[0].unit:
        between = _QUALIFIER_END.sub("", low[q.end : nxt[0].start].strip(" ,"))  # `253 trong số gần 300 thí sinh`
        if between in _links() or between.startswith(("trong tổng số", "trên tổng số")):
            q.kind, q.unit = "count", nxt[0].unit
            return
    if q.value != int(q.value) or q.word_numeral:
        return
    if counts:
        q.kind, q.unit = "count", _outside_closed_aside(counts, low, q.start).unit
    elif (donor := _list_end(records, idx, low)) is not None:
        q.kind, q.unit = "count", donor  # `khiển trách 17, cảnh cáo 4, …, khai trừ 2 trường hợp`


_QUALIFIER_END = re.compile(r"\s+(?:gần|hơn|khoảng|trên|gần như|xấp xỉ)$")
_ASIDE_LOOKBACK = 64  # counts looked back past closed asides: a bound, so that a sentence of thousands stays linear


def _outside_closed_aside(counts: list[Quantity], low: str, end: int) -> Quantity:
    """The nearest count before `end`, rather not one inside an aside closed since (`24 đảng viên
    (có 7 cấp uỷ viên), …: Khiển trách 17`); the nearest when all are."""
    balance, hi = 0, end  # closing minus opening brackets between the count looked at and `end`
    for r in reversed(counts[-_ASIDE_LOOKBACK:]):
        balance += low.count(")", r.end, hi) - low.count("(", r.end, hi)
        hi = r.end
        if balance <= 0:
            return r
    return counts[-1]


# `, cảnh cáo `: a comma, then a few words; not a new subject (`, số người giới thiệu ứng cử là`, `, trong đó`)
_LIST_GAP = re.compile(r",\s*(?!trong đó)[^\W\d_][^\d,;.()]{0,30}(?<!\blà )(?<!\bgồm )")


def _list_end(records: list[tuple[Quantity, str | None]], idx: int, low: str) -> str | None:
    """The noun of the count that ends a list of three or more numbers, each after a comma and a
    few words, the others bare."""
    for k in range(idx + 1, len(records)):
        before, here = records[k - 1][0], records[k][0]
        if not _LIST_GAP.fullmatch(low, before.end, here.start):
            return None
        if here.kind == "count" and here.unit:
            return here.unit if k - idx >= 2 else None
        if here.kind != "number" or here.unit is not None:
            return None
    return None


_PER_N = re.compile(
    r"\s+([^\W\d_]+(?: [^\W\d_]+)?)\s?/\s?(1(?:0{1,2})?(?:\.000)+|10{1,6})\s+([^\W\d_]+)"
)  # per 100, 1.000, 10.000 …
_PER_AREA = re.compile(r"\s+([^\W\d_]+(?: [^\W\d_]+)?)/(?:km2|km²|ha|m2|m²)(?![\w²])")
_PER_TIME = re.compile(
    r"\s+([^\W\d_]+(?: [^\W\d_]+){0,2})\s?/\s?(?:1\s+)?(ngày đêm|ngày|tuần|tháng|năm|giờ|phút)(?![\w/])"
)
_POUNDS = re.compile(r"\s+bảng")
_WS_RUN = re.compile(r"\s+")
# `(tổng) số <noun> … là|đạt <number>` in one clause (an aside in brackets included): the number counts the noun
_NUMBER_OF = re.compile(
    r"(?<!\w)(?<!chỉ )(?<!hệ )(?<!con )(?<!đa )(?<!dân )(?<!thiểu )(?<!tỷ )(?<!tỉ )(?<!điểm )(?<!mã )"
    r"(?:tổng )?số (?!lượng|tiền|liệu|phiếu)([^\W\d_]+(?: [^\W\d_]+)?)(?:[^,;:()\d]|\([^()\d]*\))*?(?<!\w)(?:là|đạt)\s+$"
)
_TO_LEVEL = re.compile(r"\s*(?:(?:lên|xuống)(?:\s+(?:còn|đến|tới))?|còn|đến|tới)\s*(?:mức\s*)?$")
_LIST_SEP = re.compile(r"\s*(?:,|và)\s*$")


def shared_units(records: list[tuple[Quantity, str | None]], low: str) -> None:
    """A bare number takes the unit the next number writes for both: `từ 3.000 lên 5.000 tấn`
    (tấn), `lần lượt là 91, 82, 75,4%` (%)."""
    for idx in range(len(records) - 2, -1, -1):
        q, nxt = records[idx][0], records[idx + 1][0]
        times = nxt.kind == "number" and nxt.unit == "lần"  # `tăng từ 1,5 lên 2 lần`
        if q.kind == "number" and q.unit is None and not q.word_numeral and nxt.kind == "money":
            _shared_scale(q, nxt, low)
            continue
        if (
            q.kind != "number"
            or q.unit is not None
            or q.word_numeral
            or (nxt.kind not in ("measure", "percent") and not times)
        ):
            continue
        between = low[q.end : nxt.start]
        if ((nxt.kind == "measure" or times) and _TO_LEVEL.match(between)) or (
            nxt.kind == "percent" and _LIST_SEP.match(between)
        ):
            q.kind, q.unit = nxt.kind, nxt.unit


_DIGITS_AT = re.compile(r"\d[\d.,]*\d|\d")
_OR_SEP = re.compile(r"\s*(?:,|hoặc|hay)\s*$")


def _shared_scale(q: Quantity, nxt: Quantity, low: str) -> None:
    """`900 triệu, 700 triệu, 500 hoặc 300 triệu đồng`: a bare number in a list of amounts takes
    the scale and currency the next amount writes (500 triệu đồng)."""
    if not _OR_SEP.match(low, q.end, nxt.start) or low[q.end : nxt.start].count(",") > 1:
        return
    digits = _DIGITS_AT.match(low, nxt.start)
    base = parse_digits(digits.group()) if digits else None
    if not base or base * 10 < q.value:
        return  # `349, 7 nghìn tỷ đồng`: a decimal written apart, not a list
    scale = nxt.value / base
    if scale not in (1e3, 1e6, 1e9, 1e12):
        return  # no multiplier word written (`500 hoặc 300 đồng`), or not one scale
    q.kind, q.unit, q.value = "money", nxt.unit, q.value * scale
    if q.value_max is not None:
        q.value_max *= scale


@cache
def _age_band_before() -> re.Pattern[str]:
    people = alternation(load_json("context.json")["people_nouns"])
    return re.compile(r"(?<!\w)(?:" + people + r")\s+(?:dưới|trên|từ|đủ)\s+$")


def _of_people_before(low: str, lo: int, start: int) -> bool:
    """`trẻ dưới [1 tuổi]`: an age after a noun of people (lexicon `people_nouns`) and `dưới`, `trên`,
    `từ` or `đủ` bounds who is counted or measured; it measures nothing of its own."""
    return _age_band_before().search(low, lo, start) is not None


_AGE_BEFORE = re.compile(
    r"(?<!\w)tuổi(?: (?:trung bình|bình quân)(?: là| khoảng)?)? (?:(?:hơn|ngoài|gần|trên|khoảng) )?$"
)  # `ở tuổi 58`, `bước sang tuổi 11`, `qua đời ở độ tuổi 20`, `độ tuổi trung bình là 56`
_TIMES_BEFORE = re.compile(r"(?<!\w)gấp (?:(?:hơn|gần|khoảng) )?$")
_ACRONYM_BEFORE = re.compile(r"(?<![\w&-])[A-ZĐ][A-ZĐ&]+ $")  # a name in capitals right before: `PM 2.5`


def _occurrences(low: str, q: Quantity, lo: int) -> bool:
    """`N lần` counts occurrences unless it has decimals or a word of comparison stands within two
    words before it (lexicon `multiple_cues`: `gấp 3 lần`, `tăng gần 3 lần`, `cao hơn 2 lần`)."""
    if q.value != int(q.value) or low.startswith(("gấp", "đôi", "rưỡi"), q.start):
        return False  # `gấp đôi`, `gần gấp [đôi]`
    cue = _multiple_cue().search(low, max(lo, q.start - 30), q.start)
    return cue is None or low.startswith(" lần", cue.end(1))  # `nhiều lần (11 lần)`: many times, then how many


@cache
def _multiple_cue() -> re.Pattern[str]:
    cues = alternation(load_json("context.json")["multiple_cues"])
    return re.compile(r"(?<!\w)(" + cues + r")(?!\w)(?:\s+\S+){0,2}\s*$")


def _named_by_acronym(text: str, q: Quantity, lo: int) -> bool:
    """A number in digits right after a name in capitals names, when it has decimals, three digits
    or more, or a capital after it (`SAR 412`, `PM 2.5`, `ATP 250 Eastbourne`); a small whole one
    counts what follows (`UBND 2 tỉnh`, `TPP 11 nước`)."""
    if q.word_numeral or not _ACRONYM_BEFORE.search(text, max(lo, q.start - 12), q.start):
        return False
    after = text[q.end : q.end + 2].lstrip()
    return q.value >= 100 or q.value != int(q.value) or after[:1].isupper()


@cache
def _name_head() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(load_json("context.json")["number_name_heads"]) + r") $")


def generic_head(unit: str | None) -> str | None:
    """`người`, `đồng chí` when the counted noun starts with one: a person of some group."""
    low = (unit or "").lower()
    return next((w for w in word_set("generic_counted_nouns") if low == w or low.startswith(w + " ")), None)
