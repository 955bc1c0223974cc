"""Quality anchors: chiso vs. a plain regex baseline vs. Duckling's Vietnamese rules,
on the same gold sets, scored by the same SPEC §4 scorer.

    .venv/bin/python benchmarks/anchors.py

Duckling runs through the `pyduckling-native-phihos` package (dimensions `number`
and `amount-of-money`, locale VI); its numbers become `number` records and its
amounts `money` records. The regex baseline reads `\\d+([.,]\\d+)*` with an optional
`%` the Vietnamese way (`.` thousands, `,` decimals). Prints a Markdown table.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.evaluate import evaluate  # noqa: E402
from pipeline.gate import present_gold_sets  # noqa: E402
from pipeline.numerals import parse_digits  # noqa: E402

_REGEX = re.compile(r"\d+(?:[.,]\d+)*(?:\s?%)?")


def regex_baseline(text: str) -> list[dict]:
    out = []
    for m in _REGEX.finditer(text):
        raw = m.group()
        pct = raw.endswith("%")
        value = parse_digits(raw.rstrip("% "))
        if value is None:
            continue
        out.append(
            {
                "start": m.start(),
                "end": m.end(),
                "kind": "percent" if pct else "number",
                "value": value,
                "unit": "%" if pct else None,
                "comparator": "=",
            }
        )
    return out


def duckling_system() -> Callable[[str], list[dict]] | None:
    try:
        from duckling import (
            Context,
            default_locale_lang,
            load_time_zones,
            parse,
            parse_dimensions,
            parse_lang,
            parse_ref_time,
        )
    except ImportError:
        return None
    tz = load_time_zones("/usr/share/zoneinfo")
    ctx = Context(parse_ref_time(tz, "Asia/Ho_Chi_Minh", int(time.time())), default_locale_lang(parse_lang("VI")))
    dims = parse_dimensions(["number", "amount-of-money"])

    def run(text: str) -> list[dict]:
        out = []
        for r in parse(text, ctx, dims, False):
            v = r["value"]
            if "value" not in v:
                continue
            money = r["dim"] == "amount-of-money"
            out.append(
                {
                    "start": r["start"],
                    "end": r["end"],
                    "kind": "money" if money else "number",
                    "value": v["value"],
                    "unit": v.get("unit") if money else None,
                    "comparator": "=",
                }
            )
        return out

    return run


def main() -> None:
    systems: dict[str, Callable[[str], list[dict]]] = {
        "chiso": lambda t: [r.to_dict() for r in pipeline.extract(t)],
        "regex baseline": regex_baseline,
    }
    duck = duckling_system()
    if duck is not None:
        systems["Duckling (VI numeral + money)"] = duck
    print("| gold set | system | detection F1 | value F1 | strict F1 |")
    print("|---|---|---|---|---|")
    for name, docs in present_gold_sets(lambda name, gold: print(f"| {name} | (absent: {gold}) | | | |")):
        for sys_name, run in systems.items():
            r = evaluate(docs, run).report()
            print(
                f"| {name} ({r['strict']['tp'] + r['strict']['fn']} indicators) | {sys_name} | "
                f"{r['detection']['f1']:.3f} | {r['value']['f1']:.3f} | {r['strict']['f1']:.3f} |"
            )
    if duck is None:
        print("\nDuckling not installed: pip install pyduckling-native-phihos")


if __name__ == "__main__":
    main()
