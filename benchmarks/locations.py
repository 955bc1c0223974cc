"""Where a figure is (`location`): chiso vs. administrative units alone, on the gold sets.

    .venv/bin/python benchmarks/locations.py

SPEC §4 scores no location. This script reads it the way §4 reads the period:
the mean syllable-overlap F1 (`pipeline.evaluate.overlap_f1`) over detected pairs
whose gold gives a location. The baseline is chiso with its gazetteer switched
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
from pipeline.evaluate import overlap_f1, pair  # noqa: E402
from pipeline.gate import present_gold_sets  # noqa: E402
from pipeline.places import locations  # noqa: E402

EXTRACT = importlib.import_module("pipeline.extract")  # the module (`pipeline.extract` is also a function)


def agreement(docs: list[tuple[str, str, dict]]) -> tuple[int, float]:
    """(gold locations paired with a record, mean overlap F1 of the predicted location)."""
    n, total = 0, 0.0
    for _doc_id, text, gold in docs:
        wanted = [g for g in gold.get("indicators", []) if not g.get("optional")]
        pred = [r.to_dict() for r in pipeline.extract(text)]
        for i, j in pair(wanted, pred):
            if wanted[i].get("location"):
                n += 1
                total += overlap_f1(wanted[i]["location"], pred[j].get("location"))
    return n, total / n if n else 0.0


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
