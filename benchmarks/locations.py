"""Where a figure is (`location`): chiso vs. administrative units alone, on the gold sets.

    .venv/bin/python benchmarks/locations.py

SPEC §4 scores no location; `chiso evaluate` reads it the way §4 reads the period
(`location F1`: the mean syllable-overlap F1 over detected pairs whose gold gives a
location), and this script uses that figure. The baseline is chiso with its gazetteer switched
off (`locations(…, bare=False)`: only `tỉnh …`, `huyện …`, `TP …` with their
names), so the ratio is what `models/places.json` adds. Prints a Markdown table.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.evaluate import Score  # noqa: E402
from pipeline.gate import present_gold_sets  # noqa: E402
from pipeline.places import locations  # noqa: E402

EXTRACT = importlib.import_module("pipeline.extract")  # the module (`pipeline.extract` is also a function)


def agreement(docs: list[tuple[str, str, dict]]) -> tuple[int, float]:
    """(gold locations paired with a record, chiso evaluate's location F1)."""
    score = Score()
    for doc_id, text, gold in docs:
        score.add(doc_id, text, gold.get("indicators", []), [r.to_dict() for r in pipeline.extract(text)])
    return len(score.location), score.report()["location_f1"] or 0.0


def units_only(text: str, lo: int, hi: int, bare: bool = True) -> list[tuple[int, int]]:
    return locations(text, lo, hi, bare=False)


def main() -> None:
    print("| gold set | locations | administrative units only | chiso (with places.json) | ratio |")
    print("|---|---|---|---|---|")
    for name, docs in present_gold_sets(lambda name, gold: print(f"| {name} | (absent: {gold}) | | | |")):
        with mock.patch.object(EXTRACT, "locations", units_only):
            n, base = agreement(docs)
        if n == 0:
            continue  # the seed gold gives no location
        _, ours = agreement(docs)
        ratio = f"{ours / base:.2f}x" if base else "-"
        print(f"| {name} | {n} | {base:.3f} | {ours:.3f} | {ratio} |")


if __name__ == "__main__":
    main()
