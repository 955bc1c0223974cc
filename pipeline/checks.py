"""Does the article's arithmetic agree with itself? Consistency checks over the
records of one document (issue: a ratio and its percent, parts and their total,
a change and the two levels it joins, a part's share of its total, a change and its rate, a
change as a percent and the earlier level it was compared with).

Each check is `{"type", "records": [i, …], "expected", "stated", "ok"}`, `records`
indexing the document's `indicators`. Rounding tolerance follows the precision
the text states: `61,9%` may be off by 0.05, `62%` by 0.5, a count not at all."""

from __future__ import annotations

import re
from typing import Any

_INCOMPLETE = re.compile(r"…|\.\.\.|v\.v\.?|(?<!\w)như(?!\w)")
_SPLIT_ITEMS = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|;|\bvà\b)\s*")


def _decimals(text: str) -> int:
    m = re.search(r"\d+[,.](\d+)\s*(?:%|phần trăm)", text)
    if m and not re.search(r"\d{1,3}\.\d{3}", text):
        return len(m.group(1))
    return 0


def _tolerance(text: str) -> float:
    return 0.5 * 10 ** -_decimals(text) + 1e-9


def _check(
    kind: str, idx: list[int], expected: float, stated: float, tol: float, comparator: str = "="
) -> dict[str, Any]:
    """`ok` within the stated precision, rounded or cut (`13/83` = 15,66… written `15,6%`); a
    bound (`hơn 52%`) only on its side."""
    if comparator in (">", ">="):
        ok = expected >= stated - tol
    elif comparator in ("<", "<="):
        ok = expected <= stated + tol
    else:
        ok = -tol <= expected - stated <= 3 * tol  # rounded: ± half a unit; cut: up to a unit below
    return _result(kind, idx, expected, stated, ok)


def _result(kind: str, idx: list[int], expected: float, stated: float, ok: bool) -> dict[str, Any]:
    return {"type": kind, "records": idx, "expected": round(expected, 4), "stated": stated, "ok": ok}


# between a ratio and the percent that restates it: its noun phrase and a restating word,
# no other number (`13/21 đồng chí là bí thư kiêm trưởng thôn, chiếm 61,9%`, `50/50 (đạt 100%)`)
_CUE = r"(?:chiếm|đạt|bằng|tương đương|tức|là)\s*"
_RESTATES = re.compile(
    r"[^\d%;(),]{0,60}?(?:,\s*)?(?:\(\s*(?:" + _CUE + r")?|" + _CUE + r")(?:tỷ lệ\s*|tỉ lệ\s*)?"
    r"(?:khoảng |gần |hơn |trên |xấp xỉ )?"
)
_OTHER_BASE = re.compile(r"\s*(?:tổng|trên \d|số )")  # `chiếm 91,53% tổng số đại biểu`: of another whole


def ratio_percent(low: str, recs: list[dict]) -> list[dict[str, Any]]:
    """`13/21 đồng chí …, chiếm 61,9%`: the percent that restates a ratio, right after it."""
    out = []
    for i, r in enumerate(recs[:-1]):
        p = recs[i + 1]
        if r["kind"] != "ratio" or not r.get("denominator") or p["sentence"] != r["sentence"]:
            continue
        if p["kind"] != "percent" or p.get("unit") != "%" or p.get("value_max") is not None or p.get("change"):
            continue
        if not _RESTATES.fullmatch(low, r["end"], p["start"]) or _OTHER_BASE.match(low, p["end"]):
            continue
        expected = 100.0 * r["value"] / r["denominator"]
        tol = _tolerance(p["text"])
        out.append(_check("ratio_percent", [i, i + 1], expected, p["value"], tol, p.get("comparator") or "="))
    return out


def _item_starts(inner: str) -> list[int]:
    """Where each item of a list (`24 huyện, một thị xã và hai thành phố`) starts."""
    out, pos = [], 0
    for m in [*_SPLIT_ITEMS.finditer(inner), None]:
        end = m.start() if m else len(inner)
        item = inner[pos:end]
        if item.strip():  # `…, và hai thành phố`: no empty item between the two marks
            out.append(pos + len(item) - len(item.lstrip()))
        pos = m.end() if m else end
    return out


def parts_sum(text: str, recs: list[dict]) -> list[dict[str, Any]]:
    """`27 đơn vị hành chính cấp huyện (24 huyện, một thị xã và hai thành phố)`: parts add up to
    the total; each item of the bracket opens with a count record (not `4 tuổi`, `48 MP`, `năm trước`)."""
    out = []
    for i, r in enumerate(recs):
        if r["kind"] != "count" or text[max(0, r["start"] - 1) : r["start"]] == "+":
            continue  # `+13 (16 bàn thắng, 3 bàn thua)`: a difference
        m = re.match(r"[^()\d,;.]{0,60}?\(([^()]{3,400})\)", text[r["end"] :])
        if not m or _INCOMPLETE.search(m.group(1)):
            continue  # `(2 vụ cháy lớn, 7 vụ cháy nghiêm trọng…)`: some parts only
        inner_start = r["end"] + m.start(1)
        inner = m.group(1)
        inside = {p["start"]: j for j, p in enumerate(recs) if inner_start <= p["start"] < inner_start + len(inner)}
        parts = [inside.get(inner_start + st) for st in _item_starts(inner)]
        if len(parts) < 2 or any(j is None or recs[j]["kind"] != "count" for j in parts):
            continue
        units = {(recs[j].get("unit") or "").lower() for j in parts if j is not None}
        total_unit = (r.get("unit") or "").lower()
        if len(units) == 1 and not any(u and (total_unit.startswith(u) or u.startswith(total_unit)) for u in units):
            continue  # `3 camera (48 MP, 13 MP và 13 MP)`: one measure of each, not parts of a total
        idx = [i] + [j for j in parts if j is not None]
        stated = float(sum(recs[j]["value"] for j in idx[1:]))
        out.append(_check("parts_sum", idx, float(r["value"]), stated, 1e-9))
    return out


# between a level (or the change before) and a stated change: its unit, then only the words
# that introduce the change (`, giảm 121`, `(tăng 1.000 đồng/lít)`, `, tương ứng tăng 4,7%`)
_STATED_CHANGE = re.compile(
    r"[\s,(–-]*(?:(?:tương ứng|tức là|tức|hay|nghĩa là|đã|được|là|mức|với)\s+)*"
    r"(?:(?:tăng|giảm|vượt|hụt)(?:\s+(?:thêm|đi|được))?\s*)?(?:khoảng|gần|hơn|trên|xấp xỉ)?[\s(]*"
)
_FROM = re.compile(r"(?<!\w)từ\s+(?:\S+\s+){0,2}$")
_TO = re.compile(r"(?<!\w)(lên|xuống|còn|về)\s+(?:\S+\s+){0,2}$")


def _introduces_change(low: str, prev: dict, change: dict) -> bool:
    """Whether only the unit of `prev` and words that introduce a change stand before `change`."""
    return _STATED_CHANGE.fullmatch(low, _past_unit(low, prev), change["start"]) is not None  # `208 [đơn vị], giảm 121`


def change_levels(low: str, recs: list[dict]) -> list[dict[str, Any]]:
    """`giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị (30,2%)`: a stated change right after
    the two levels it joins, in their unit or as a percent of the first."""
    out = []
    for i in range(len(recs) - 2):
        a, b = recs[i], recs[i + 1]
        if a["sentence"] != b["sentence"] or a["kind"] == "ratio":
            continue
        if not _FROM.search(low[max(0, a["start"] - 20) : a["start"]]) or not _TO.search(
            low[a["end"] : b["start"]] + " "
        ):
            continue
        counts = a["kind"] in ("count", "number") and b["kind"] in ("count", "number")
        if not counts and (a["kind"] != b["kind"] or (a.get("unit") or "") != (b.get("unit") or "")):
            continue  # `rượu từ 20 độ trở lên vượt trên 1,5 lít`: no two levels of one thing
        diff = abs(b["value"] - a["value"])
        for k in range(i + 2, min(i + 4, len(recs))):
            c = recs[k]
            if c["sentence"] != a["sentence"] or not c.get("change") or c.get("value_max") is not None:
                break
            if not _introduces_change(low, recs[k - 1], c):
                break  # `… lên 5,6 triệu tấn, sữa đã tăng 800 nghìn tấn`: another thing's change
            if k == i + 3 and (c["kind"] != "percent" or recs[i + 2]["kind"] == "percent"):
                break  # a second change only as the percent of the first: `giảm 121 đơn vị (30,2%)`
            if c["kind"] == "percent" and a["kind"] != "percent" and a["value"]:
                expected = 100.0 * diff / a["value"]
                if c["value"] > 100 and b["value"] > a["value"]:
                    expected = 100.0 * b["value"] / a["value"]  # `từ 70.000 lên 165.000 (tăng 235%)`
                out.append(_check("change_levels", [i, i + 1, k], expected, c["value"], _tolerance(c["text"])))
            elif (counts and c["kind"] in ("count", "number")) or (
                c["kind"] == a["kind"] and (c.get("unit") or "") == (a.get("unit") or "")
            ):
                if (
                    counts
                    and c["kind"] == "count"
                    and c.get("unit")
                    and c["unit"] not in (a.get("unit"), b.get("unit"))
                ):
                    break  # `từ 125 đơn vị cấp Cục xuống còn 60, giảm 20 Sở`: other things
                tol = _tolerance(c["text"]) if c["kind"] == "percent" else 1e-6 * max(diff, 1)
                out.append(_check("change_levels", [i, i + 1, k], diff, c["value"], tol))
            else:
                break  # `tăng 4,7%, xấp xỉ 1,4 tỷ đồng/năm`: another unit, not this change
    return out


# a part's share of a total written beside it: the part, then its total (`6 phó bí thư trong tổng
# số 54 cán bộ …, chiếm 11,11%`), or the total, then `trong đó` and the part with its percent
# (`611 cán bộ, trong đó 44 nữ (chiếm 7,2%)`) or the percent with its amount (`1.806 tỷ đồng,
# trong đó vốn tự có là 30% (khoảng 542 tỷ)`)
_OF_TOTAL = re.compile(r"[^\d;.()]{0,60}?(?:,\s*)?(?:trong|trên) (?:tổng số|số|tổng)\s*(?:(?:khoảng|gần|hơn|trên)\s+)?")
_LISTED = re.compile(r"[^\d;.]{0,60}?(?:,|(?<!\w)và)\s*")  # `147 … và 4 khuyến nghị`: one of several parts
_WHEREOF_STEM = r"[^\d;.]{0,40}?(?<!\w)trong đó(?!\w)"  # `…, trong đó` between a whole and what follows
_WHEREOF = re.compile(_WHEREOF_STEM + r"[^\d;]{0,80}")  # to a part's percent: `trong đó nữ (chiếm 7,2%)`
_AMOUNT = re.compile(r"\s*(?:\(|,?\s*(?:tương đương|tương ứng|tức là|tức)\s)\s*(?:(?:khoảng|gần|hơn|trên|xấp xỉ)\s+)?")
_ASIDE = re.compile(r"(?<!\w)(?:dù|nhưng|mà|còn|trong khi|so với|hoặc)(?!\w)")  # another clause's percent
_BASE_AFTER = re.compile(r"[^()]{0,40}?(?<!\w)tổng số(?!\w)")  # `(tỷ lệ 93,98%, tổng số đại biểu là 491)`
_WRITTEN = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
_BOUNDS = {">": "<", ">=": "<=", "<": ">", "<=": ">="}  # a part bounded below bounds its share below


def _half_unit(rec: dict) -> float:
    """Half a unit of the last digit the part is written with, in its value's scale: money and
    measures (`55.000 tỷ`, `7,8 nghìn ha`) may be rounded, and their share with them; a count only
    when written round."""
    m = _WRITTEN.match(rec["text"])
    if not m:
        return 0.0
    whole, frac = m.group(1).replace(".", ""), m.group(2)
    written = float(whole + "." + frac) if frac else float(whole)
    if not written:
        return 0.0
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros >= 2 and not frac:  # written round (`55.000 tỷ`, `77.000 người`)
        half = 0.5 * 10.0**zeros
    elif rec["kind"] in ("count", "number"):  # a count is exact
        half = 0.0
    else:
        half = 0.5 * 10.0 ** -len(frac or "")
    return half * rec["value"] / written


def _share(kind: str, part: dict, total: dict, pct: dict, idx: list[int]) -> dict[str, Any] | None:
    """The part's share of the total against the stated percent, within both their precisions."""
    if not total["value"] or any(r.get("value_max") is not None or r.get("change") for r in (part, total, pct)):
        return None
    bound = _BOUNDS.get(part.get("comparator") or "=")
    comparator = pct.get("comparator") or "="
    if bound and comparator != "=":
        return None  # both only bounded: nothing to compare
    tol = _tolerance(pct["text"]) + 100.0 * _half_unit(part) / total["value"]
    return _check(kind, idx, 100.0 * part["value"] / total["value"], pct["value"], tol, bound or comparator)


def _same_thing(a: dict, b: dict) -> bool:
    """Counts of anything (`611 cán bộ … 44 nữ`); money or measures in one unit."""
    if a["kind"] in ("count", "number") and b["kind"] in ("count", "number"):
        return True
    return a["kind"] == b["kind"] and a["kind"] in ("money", "measure") and a.get("unit") == b.get("unit")


def _restated(low: str, part: dict, pct: dict) -> bool:
    """Whether `pct` restates `part`'s share right after it and is not of another whole."""
    if pct["kind"] != "percent" or pct.get("unit") != "%" or part["sentence"] != pct["sentence"]:
        return False
    if not _RESTATES.fullmatch(low, part["end"], pct["start"]) or _ASIDE.search(low, part["end"], pct["start"]):
        return False
    return not (_OTHER_BASE.match(low, pct["end"]) or _BASE_AFTER.match(low, pct["end"]))


def part_of_total(low: str, recs: list[dict]) -> list[dict[str, Any]]:
    """A part and its total written together, and the percent stated for the part's share."""
    out = []
    for i, a in enumerate(recs[:-2]):
        b, c = recs[i + 1], recs[i + 2]
        if not (a["sentence"] == b["sentence"] == c["sentence"]) or a["kind"] not in (
            "count",
            "number",
            "money",
            "measure",
        ):
            continue
        if _same_thing(a, b) and _OF_TOTAL.fullmatch(low, a["end"], b["start"]) and _restated(low, b, c):
            before = recs[i - 1] if i else None
            if before and before["sentence"] == a["sentence"] and _LISTED.fullmatch(low, before["end"], a["start"]):
                continue
            check = _share("part_of_total", a, b, c, [i, i + 1, i + 2])
        elif _WHEREOF.fullmatch(low, a["end"], b["start"]):
            if _same_thing(a, b) and _restated(low, b, c):
                check = _share("part_of_total", b, a, c, [i, i + 1, i + 2])
            elif b["kind"] == "percent" and _same_thing(a, c) and _AMOUNT.fullmatch(low, b["end"], c["start"]):
                check = _share("part_of_total", c, a, b, [i, i + 1, i + 2])
            else:
                continue
        else:
            continue
        if check:
            out.append(check)
    return out


# a level, the change that led to it and that change as a percent of the level before, written
# together: `đạt 142,41 tỷ USD, tăng 21,3% (tương ứng tăng hơn 24,97 tỷ USD)`, `322 vụ, tăng 180
# vụ (tăng 126,8%)`, `vượt 246 triệu kWh (vượt 2,2%)`; a share of something else (`tương đương 0,3%
# GDP`) or a change of another kind (`vượt 96.000 tỉ đồng, tăng 26%`) is not that change
_RESTATED_CHANGE = re.compile(
    r"\s*(?:\(|,)?\s*(?:(?:tương đương|tương ứng|tức là|tức|hay)\s+)?(?:(?:tỷ lệ|tỉ lệ|mức)\s+)?"
    r"(?:(?:tăng|giảm|vượt|hụt)\s+)?(?:(?:khoảng|gần|hơn|trên|xấp xỉ)\s+)?"
)
_VERB = re.compile(r"(?<!\w)(tăng|giảm|vượt|hụt)(?!\w)[^\d]{0,25}$")
_ENDS_RATE = re.compile(r"\s*(?:$|[().,;]|so với|so cùng kỳ|kế hoạch|dự toán|chỉ tiêu|cùng kỳ)")


def _verb(low: str, rec: dict) -> str | None:
    m = _VERB.search(low, max(0, rec["start"] - 40), rec["start"])
    return m.group(1) if m else None


def _past_unit(low: str, rec: dict) -> int:
    """Where a count's noun written after it ends (`180 [vụ]`), else where the record ends."""
    unit = (rec.get("unit") or "").lower()
    if rec["kind"] == "count" and unit:
        m = re.compile(r"\s*" + re.escape(unit) + r"(?!\w)").match(low, rec["end"])
        if m:
            return m.end()
    return int(rec["end"])


def change_rate(low: str, recs: list[dict]) -> list[dict[str, Any]]:
    """A level, its change, and that change as a percent of the level before it."""
    out = []
    for i, level in enumerate(recs[:-2]):
        x, y = recs[i + 1], recs[i + 2]
        if not (level["sentence"] == x["sentence"] == y["sentence"]) or level["kind"] == "percent":
            continue
        if level.get("change") or level.get("value_max") is not None or not x.get("change"):
            continue
        prev = recs[i - 1] if i else None
        if (
            prev
            and prev["sentence"] == level["sentence"]
            and _FROM.search(low, max(0, prev["start"] - 20), prev["start"])
        ):
            continue  # `giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị (30,2%)`: change_levels reads it
        if not _introduces_change(low, level, x) or not _RESTATED_CHANGE.fullmatch(low, _past_unit(low, x), y["start"]):
            continue
        amount, pct = (x, y) if y["kind"] == "percent" else (y, x)
        if pct["kind"] != "percent" or pct.get("unit") != "%" or not _same_thing(level, amount):
            continue
        if amount.get("value_max") is not None or pct.get("value_max") is not None:
            continue
        if not _ENDS_RATE.match(low, pct["end"]):
            continue  # `tương đương 0,3% GDP`: a share of something else
        verbs = {_verb(low, amount), _verb(low, pct)} - {None}
        if len(verbs) > 1 or (pct.get("change") and amount.get("change") and pct["change"] != amount["change"]):
            continue  # `vượt 96.000 tỉ đồng, tăng 26%`: over the plan, up on last year
        down = (verbs & {"giảm", "hụt"}) or (not verbs and amount["change"] == "decrease")
        before = level["value"] + amount["value"] if down else level["value"] - amount["value"]
        if before <= 0:
            continue
        expected = 100.0 * amount["value"] / before
        tol = _tolerance(pct["text"]) + 100.0 * (_half_unit(amount) + _half_unit(level)) / before
        bound = _BOUNDS.get(amount.get("comparator") or "=")
        comparator = pct.get("comparator") or "="
        if bound and comparator != "=":
            continue
        out.append(_check("change_rate", [i, i + 1, i + 2], expected, pct["value"], tol, bound or comparator))
    return out


# parts listed after `trong đó` or `gồm` that add up to the total before it: `702 hộ dân, trong đó có
# 225 hộ được bồi thường, 82 hộ không được bồi thường và 395 hộ không có đất`, `300 hộ, gồm 120 hộ
# nghèo và …`; the first pattern reads up to the first listed part, within the sentence
_WHEREOF_FIRST = re.compile(r"[^\d;.]{0,40}?(?<!\w)(?:trong đó|bao gồm|gồm)(?!\w)[^\d;.]{0,60}")
_NEXT_PART = re.compile(r"[^\d;.()]{0,50}?(?:,|(?<!\w)và(?!\w))[^\d;.()]{0,40}")
_OTHER_LINK = re.compile(r"(?<!\w)(?:so với|trong đó|với|còn|gồm)(?!\w)")
_AND_LAST = re.compile(r"(?<!\w)và(?!\w)")
APPROXIMATE = 0.05  # parts or a total written `hơn`, `gần` … agree within 5%


def listed_parts(low: str, recs: list[dict]) -> list[dict[str, Any]]:
    """Parts after `trong đó` or `gồm` against their total. A closed list (its last part after
    `và`) may fail when the parts exceed the total; an open one (`…, 157 vụ, … 178 vụ`: maybe
    counted two ways) is only reported when it adds up; parts short of the total may be only some."""
    out = []
    for i, total in enumerate(recs[:-2]):
        first = recs[i + 1]
        if total["kind"] not in ("count", "money", "measure") or total.get("change") or total.get("value_max"):
            continue
        if first["sentence"] != total["sentence"] or not _WHEREOF_FIRST.fullmatch(low, total["end"], first["start"]):
            continue
        parts, closed = [i + 1], False
        for k in range(i + 2, len(recs)):
            a, b = recs[k - 1], recs[k]
            if b["sentence"] != total["sentence"] or not _NEXT_PART.fullmatch(low, a["end"], b["start"]):
                break
            if _OTHER_LINK.search(low, a["end"], b["start"]):
                break
            parts.append(k)
            closed = _AND_LAST.search(low, a["end"], b["start"]) is not None
        if len(parts) < 2 or any(not _one_of(total, recs[j]) for j in parts):
            continue
        units = {(recs[j].get("unit") or "").lower() for j in parts}
        heads = {u.split()[0] if u else "" for u in units | {(total.get("unit") or "").lower()}}
        if total["kind"] == "count" and len(units) > 1 and len(heads) > 1:
            continue  # `117 trường hợp, trong đó 76 công nhân, 41 sinh viên, 39 nữ`: counted two ways
        exact = 1e-9 * total["value"]
        for n in range(2, len(parts)):  # `28.000 tấn, trong đó 23.000 tấn …, 5.000 tấn … và đã xuất khẩu 4.520 tấn`
            stated = float(sum(recs[j]["value"] for j in parts[:n]))
            if abs(stated - total["value"]) <= exact:  # only some of the parts: exactly
                out.append(_result("parts_sum", [i, *parts[:n]], float(total["value"]), stated, True))
                break
        else:
            stated = float(sum(recs[j]["value"] for j in parts))
            rough = any((recs[j].get("comparator") or "=") != "=" for j in [i, *parts])
            if rough:
                tol = APPROXIMATE * total["value"]
            elif total["kind"] == "count":
                tol = 0.0  # the parts of a count are counted, not rounded
            else:
                tol = _half_unit(total) + sum(_half_unit(recs[j]) for j in parts)
            if abs(stated - total["value"]) <= tol + exact:
                out.append(_result("parts_sum", [i, *parts], float(total["value"]), stated, True))
            elif closed and not rough and stated > total["value"]:
                out.append(
                    _result("parts_sum", [i, *parts], float(total["value"]), stated, False)
                )  # more than the whole
    return out


def _one_of(total: dict, part: dict) -> bool:
    """A part of the same kind (and for money or measures, unit) as its total, not a change or range."""
    if part["kind"] != total["kind"] or part.get("change") or part.get("value_max") is not None:
        return False
    return total["kind"] == "count" or part.get("unit") == total.get("unit")


# between a percent change and the earlier level it was measured against: what it is compared with,
# then a bracket that gives that level (`tăng 20% so với năm 2022 (1.000 tỷ đồng)`, `so với cùng kỳ (…)`)
_COMPARED_LEVEL = re.compile(r"\s*so(?:\s+với)?\s[^();.%]{1,40}?\(\s*(?:(?:khoảng|gần|hơn|trên|xấp xỉ)\s+)?")


def change_from_before(low: str, recs: list[dict]) -> list[dict[str, Any]]:
    """`Doanh thu đạt 1.200 tỷ đồng, tăng 20% so với năm 2022 (1.000 tỷ đồng)`: a level, its change
    as a percent, and in a bracket the level it was compared with."""
    out = []
    for i in range(len(recs) - 2):
        level, pct, before = recs[i], recs[i + 1], recs[i + 2]
        if not (level["sentence"] == pct["sentence"] == before["sentence"]):
            continue
        if level["kind"] in ("percent", "ratio") or level.get("change") or level.get("value_max") is not None:
            continue
        if pct["kind"] != "percent" or pct.get("unit") != "%" or pct.get("change") not in ("increase", "decrease"):
            continue
        if (before["kind"], before.get("unit")) != (level["kind"], level.get("unit")) or before.get("change"):
            continue
        if before.get("value_max") is not None or pct.get("value_max") is not None or not before["value"]:
            continue
        if not _introduces_change(low, level, pct) or not _COMPARED_LEVEL.fullmatch(low, pct["end"], before["start"]):
            continue
        moved = level["value"] - before["value"] if pct["change"] == "increase" else before["value"] - level["value"]
        expected = 100.0 * moved / before["value"]
        tol = _tolerance(pct["text"]) + 100.0 * (_half_unit(level) + _half_unit(before)) / before["value"]
        out.append(_check("change_from_before", [i, i + 1, i + 2], expected, pct["value"], tol))
    return out


def consistency_checks(text: str, records: list[dict]) -> list[dict[str, Any]]:
    """Every check of the document, in the order of their first record."""
    recs = [r for r in records if r.get("kind") in ("count", "percent", "ratio", "money", "measure", "number")]
    index = {id(r): n for n, r in enumerate(records)}
    low = text.lower()  # once for the checks that read words
    found = (
        ratio_percent(low, recs)
        + parts_sum(text, recs)
        + change_levels(low, recs)
        + part_of_total(low, recs)
        + change_rate(low, recs)
        + listed_parts(low, recs)
        + change_from_before(low, recs)
    )
    once: dict[tuple[int, ...], dict[str, Any]] = {}
    for c in found:
        once.setdefault(tuple(c["records"]), c)  # the same records checked once
    found = list(once.values())
    for c in found:  # indices into the document's own `indicators`
        c["records"] = [index[id(recs[i])] for i in c["records"]]
    return sorted(found, key=lambda c: c["records"][0])
