"""How far copying words from the text can take concept F1: chiso vs. two oracles that see
the gold, on every gold set, with the SPEC §4 concept score (mean syllable-overlap F1 over
detected, non-optional pairs whose gold gives a concept).

    .venv/bin/python benchmarks/concept_ceiling.py

For each gold figure that chiso detects, each oracle picks, knowing the gold concept, the
best of its candidates taken from the figure's sentence:

- window: the last L syllables before the number and the first R after it (L ≤ 15, R ≤ 11),
  the shape of `kết nạp mới [57] đảng viên`;
- span: any run of up to 14 syllables among the 40 before the number, plus the first R ≤ 7
  after it (a subject or predicate further back, and the counted noun).

chiso does not see the gold; the oracles bound what any extractor of those shapes can reach
against these annotations. Gold concepts that paraphrase, reorder or add words the sentence
does not have are out of every such extractor's reach. Prints a Markdown table.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.evaluate import _syllables, overlap_f1, pair  # noqa: E402
from pipeline.gate import present_gold_sets  # noqa: E402
from pipeline.quantities import INDICATOR_KINDS  # noqa: E402

MAX_LEFT, MAX_RIGHT = 15, 11
SPAN_REACH, SPAN_LEN, SPAN_RIGHT = 40, 14, 7


def _f1(gold: Counter[str], words: Counter[str], n: int) -> float:
    common = sum((gold & words).values())
    if not common:
        return 0.0
    p, r = common / n, common / sum(gold.values())
    return 2 * p * r / (p + r)


def window_best(gold: Counter[str], left: list[str], right: list[str]) -> float:
    best = 0.0
    for n_left in range(min(MAX_LEFT, len(left)) + 1):
        words = Counter(left[len(left) - n_left :])
        for n_right in range(min(MAX_RIGHT, len(right)) + 1):
            if n_right:
                words[right[n_right - 1]] += 1
            if n_left + n_right:
                best = max(best, _f1(gold, words, n_left + n_right))
    return best


def span_best(gold: Counter[str], left: list[str], right: list[str]) -> float:
    best = 0.0
    left = left[-SPAN_REACH:]
    for i in range(len(left) + 1):
        words: Counter[str] = Counter()
        for j in range(i, min(len(left), i + SPAN_LEN) + 1):
            if j > i:
                words[left[j - 1]] += 1
            with_right = Counter(words)
            for n_right in range(min(SPAN_RIGHT, len(right)) + 1):
                if n_right:
                    with_right[right[n_right - 1]] += 1
                if j - i + n_right:
                    best = max(best, _f1(gold, with_right, j - i + n_right))
    return best


def concept_pairs(docs: list[tuple[str, str, dict]]) -> Iterator[tuple[str, dict, dict]]:
    """(text, gold, chiso's record) of every gold figure chiso detects whose gold gives a concept
    (not optional): the pairs the SPEC §4 concept score is the mean over."""
    for _, text, doc in docs:
        gold = doc.get("indicators", [])
        pred = [r.to_dict() for r in pipeline.extract(text) if r.kind in INDICATOR_KINDS]
        for i, j in pair(gold, pred):
            if not gold[i].get("optional") and gold[i].get("concept"):
                yield text, gold[i], pred[j]


def measure(docs: list[tuple[str, str, dict]]) -> tuple[int, float, float, float]:
    ours, window, span, n = 0.0, 0.0, 0.0, 0
    for text, g, p in concept_pairs(docs):
        a, b = p["sentence"]
        left, right = _syllables(text[a : g["start"]]), _syllables(text[g["end"] : b])
        want = Counter(_syllables(g["concept"]))
        n += 1
        ours += overlap_f1(g["concept"], p.get("concept"))
        window += window_best(want, left, right)
        span += span_best(want, left, right)
    return n, ours / n, window / n, span / n


def main() -> None:
    print("| gold set | pairs | chiso | window oracle | span oracle | chiso / span oracle |")
    print("|---|---|---|---|---|---|")
    missing = lambda name, path: print(f"| {name} | absent ({path}) | | | | |")  # noqa: E731
    for name, docs in present_gold_sets(missing):
        n, ours, window, span = measure(docs)
        print(f"| {name} | {n} | {ours:.3f} | {window:.3f} | {span:.3f} | {ours / span:.2f} |")


if __name__ == "__main__":
    main()
