"""Does the article's arithmetic agree with itself? Consistency checks over the
records of one document (issue: a ratio and its percent, parts and their total,
a change and the two levels it joins).

Each check is `{"type", "records": [i, …], "expected", "stated", "ok"}`, `records`
indexing the document's `indicators`. Rounding tolerance follows the precision
the text states: `61,9%` may be off by 0.05, `62%` by 0.5, a count not at all."""

from __future__ import annotations

import re
from typing import Any

from .numerals import find_numerals

_SPLIT_ITEMS = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|;|\bvà\b)\s*")


def _decimals(text: str) -> int:
    m = re.search(r"\d+[,.](\d+)\s*(?:%|phần trăm)", text)
    if m and not re.search(r"\d{1,3}\.\d{3}", text):
        return len(m.group(1))
    return 0


def _tolerance(text: str) -> float:
    return 0.5 * 10 ** -_decimals(text) + 1e-9


def _check(kind: str, idx: list[int], expected: float, stated: float, tol: float) -> dict[str, Any]:
    return {
        "type": kind,
        "records": idx,
        "expected": round(expected, 4),
        "stated": stated,
        "ok": abs(expected - stated) <= tol,
    }


def ratio_percent(text: str, recs: list[dict]) -> list[dict[str, Any]]:
    """`13/21 đồng chí …, chiếm 61,9%`: the percent right after a ratio in its sentence."""
    out = []
    for i, r in enumerate(recs):
        if r["kind"] != "ratio" or not r.get("denominator"):
            continue
        for j in range(i + 1, len(recs)):
            p = recs[j]
            if p["sentence"] != r["sentence"] or p["kind"] == "ratio" or p["start"] - r["end"] > 160:
                break
            if p["kind"] == "percent" and p.get("unit") == "%" and p.get("value_max") is None and not p.get("change"):
                expected = 100.0 * r["value"] / r["denominator"]
                out.append(_check("ratio_percent", [i, j], expected, p["value"], _tolerance(p["text"])))
                break
    return out


def parts_sum(text: str, recs: list[dict]) -> list[dict[str, Any]]:
    """`27 đơn vị hành chính cấp huyện (24 huyện, một thị xã và hai thành phố)`: parts add up to the total."""
    out = []
    for i, r in enumerate(recs):
        if r["kind"] != "count":
            continue
        m = re.match(r"[^()\d,;.]{0,60}?\(([^()]{3,200})\)", text[r["end"] :])
        if not m:
            continue
        inner_start = r["end"] + m.start(1)
        items = [x for x in _SPLIT_ITEMS.split(m.group(1)) if x.strip()]
        values: list[float] = []
        for item in items:
            if "%" in item or "phần trăm" in item:
                values = []
                break
            nums = find_numerals(item.lower())
            if not nums or nums[0].start != len(item) - len(item.lstrip()):
                values = []
                break
            values.append(nums[0].value)
        if len(values) < 2:
            continue
        idx = [i] + [j for j, p in enumerate(recs) if inner_start <= p["start"] < inner_start + len(m.group(1))]
        out.append(_check("parts_sum", idx, float(r["value"]), float(sum(values)), 1e-9))
    return out


def change_levels(text: str, recs: list[dict]) -> list[dict[str, Any]]:
    """`giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị (30,2%)`: a stated change against the two levels."""
    out = []
    low = text.lower()
    for i in range(len(recs) - 1):
        a, b = recs[i], recs[i + 1]
        if a["sentence"] != b["sentence"] or a["kind"] == "ratio":
            continue
        if not re.search(r"(?<!\w)từ\s+(?:\S+\s+){0,2}$", low[max(0, a["start"] - 20) : a["start"]]):
            continue
        if not re.search(r"(?<!\w)(lên|xuống|còn|về)\s+(?:\S+\s+){0,2}$", low[a["end"] : b["start"]] + " "):
            continue
        if a["kind"] != b["kind"] and not (a["kind"] in ("count", "number") and b["kind"] in ("count", "number")):
            continue
        for k in range(i + 2, min(i + 4, len(recs))):
            c = recs[k]
            if c["sentence"] != a["sentence"] or not c.get("change"):
                continue
            diff = abs(b["value"] - a["value"])
            if c["kind"] == "percent" and a["kind"] != "percent" and a["value"]:
                out.append(
                    _check("change_levels", [i, i + 1, k], 100.0 * diff / a["value"], c["value"], _tolerance(c["text"]))
                )
            elif c["kind"] == a["kind"] or c["kind"] in ("count", "number") and a["kind"] in ("count", "number"):
                tol = _tolerance(c["text"]) if c["kind"] == "percent" else 1e-6 * max(diff, 1)
                out.append(_check("change_levels", [i, i + 1, k], diff, c["value"], tol))
    return out


def consistency_checks(text: str, records: list[dict]) -> list[dict[str, Any]]:
    """Every check of the document, in the order of their first record."""
    recs = [r for r in records if r.get("kind") in ("count", "percent", "ratio", "money", "measure", "number")]
    index = {id(r): n for n, r in enumerate(records)}
    found = ratio_percent(text, recs) + parts_sum(text, recs) + change_levels(text, recs)
    for c in found:  # indices into the document's own `indicators`
        c["records"] = [index[id(recs[i])] for i in c["records"]]
    return sorted(found, key=lambda c: c["records"][0])
