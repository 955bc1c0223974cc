"""Can a learned choice among copied spans beat chiso's concept rules? chiso vs. a re-ranker
trained on the other gold sets, on each development set, with the SPEC §4 concept score.

    .venv/bin/pip install -e ".[bench]" && .venv/bin/python benchmarks/concept_reranker.py

For each gold figure that chiso detects, the candidates are chiso's own concept; that concept
with one to three words dropped at either end or with up to four words after the number added;
every run of up to 12 words ending at most two words before the number; and every run of up to 7
words starting at most one word after it. Each candidate gets 25 features (its overlap with
chiso's concept, its length, where it comes from, whether it opens with `tỷ lệ` or a function
word, holds a comma, `là`, `có` …). Two learners (scikit-learn's HistGradientBoostingRegressor,
from the `bench` extra) are trained leave-one-set-out on the other development sets, never on
the set they are scored on, and never on news-test:

- pick: predicts each candidate's overlap F1 with the gold and takes the best;
- switch: predicts each candidate's gain over chiso's concept and takes the best one only when
  that gain is predicted above 0.1, else keeps chiso's.

The oracle column is the best candidate knowing the gold. Prints a Markdown table.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

try:
    from sklearn.ensemble import HistGradientBoostingRegressor
except ImportError:  # not a dependency of chiso itself
    sys.exit('concept_reranker.py needs scikit-learn: .venv/bin/pip install -e ".[bench]"')

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.concept_ceiling import concept_pairs  # noqa: E402
from pipeline.evaluate import _syllables, overlap_f1  # noqa: E402
from pipeline.gate import present_gold_sets  # noqa: E402

TOKEN = re.compile(r"\w+|[^\w\s]")
KINDS = ["count", "money", "percent", "measure", "number", "ratio"]
OPENERS = {"tỷ", "tỉ", "tổng", "số", "giá", "mức", "lượng", "doanh", "vốn", "thu", "chi", "kim", "tăng", "giảm"}
FUNCTION = {"đạt", "có", "là", "các", "những", "của", "trong", "với", "và", "người", "ông", "bà", "theo"}
SWITCH_AT = 0.1


def _runs(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The text of a run of tokens, when it opens and ends with a word."""
    if not spans or not text[spans[0][0]].isalnum() or not text[spans[-1][0]].isalnum():
        return None
    return text[spans[0][0] : spans[-1][1]]


def candidates(text: str, p: dict) -> dict[str, str]:
    a, b = p["sentence"]
    ours = p.get("concept") or ""
    found = {ours: "chiso"} if ours else {}
    before = [m.span() for m in TOKEN.finditer(text, a, p["start"])]
    after = [m.span() for m in TOKEN.finditer(text, p["end"], b)]
    for length in range(1, 13):
        for skip in range(3):
            if length + skip <= len(before):
                run = _runs(text, before[len(before) - skip - length : len(before) - skip])
                if run:
                    found.setdefault(run, "before")
    for length in range(1, 8):
        for skip in range(2):
            run = _runs(text, after[skip : skip + length])
            if run:
                found.setdefault(run, "after")
    words = ours.split()
    for k in range(1, 4):
        if len(words) > k:
            found.setdefault(" ".join(words[k:]), "chiso-left")
            found.setdefault(" ".join(words[:-k]), "chiso-right")
    for k in range(1, 5):
        run = _runs(text, after[:k])
        if run and ours:
            found.setdefault(f"{ours} {run}", "chiso+after")
    return found


def features(cand: str, source: str, ours: str, p: dict) -> list[float]:
    low, words, ours_words = cand.lower(), cand.lower().split(), ours.lower().split()
    mine, theirs = set(_syllables(cand)), set(_syllables(ours))
    common = len(mine & theirs)
    return [
        overlap_f1(ours, cand) if ours else 0.0,
        common / max(1, len(mine)),
        common / max(1, len(theirs)),
        len(words),
        len(ours_words),
        abs(len(words) - len(ours_words)),
        *(float(source == s) for s in ("chiso", "before", "after", "chiso-left", "chiso-right", "chiso+after")),
        float("," in cand),
        float("(" in cand),
        float(cand[:1].isupper()),
        float(bool(words) and words[0] in OPENERS),
        float(bool(words) and words[0] in FUNCTION),
        float(bool(words) and words[-1] in FUNCTION),
        float(low.startswith(("tỷ lệ", "tỉ lệ"))),
        float(ours.lower().startswith(("tỷ lệ", "tỉ lệ"))),
        float(bool(p.get("unit")) and str(p.get("unit")).lower() in low),
        float(KINDS.index(p["kind"]) if p["kind"] in KINDS else len(KINDS)),
        *(float(f" {w} " in f" {low} ") for w in ("là", "có", "đạt", "và")),
    ]


Rows = list[tuple[list[float], float, int, str]]  # features, overlap with gold, figure, source


def rows_of(docs: list[tuple[str, str, dict]]) -> Rows:
    rows: Rows = []
    figure = 0
    for text, g, p in concept_pairs(docs):
        ours = p.get("concept") or ""
        for cand, source in candidates(text, p).items():
            rows.append((features(cand, source, ours, p), overlap_f1(g["concept"], cand), figure, source))
        figure += 1
    return rows


def score(rows: Rows, pick: HistGradientBoostingRegressor, switch: HistGradientBoostingRegressor) -> tuple[float, ...]:
    x = np.array([r[0] for r in rows])
    picked, gained = pick.predict(x), switch.predict(x)
    ours: dict[int, float] = defaultdict(float)
    oracle: dict[int, float] = defaultdict(float)
    best_pick: dict[int, tuple[float, float]] = {}
    best_switch: dict[int, tuple[float, float]] = {}
    for k, (_, y, fig, source) in enumerate(rows):
        oracle[fig] = max(oracle[fig], y)
        if source == "chiso":
            ours[fig] = y
        if fig not in best_pick or picked[k] > best_pick[fig][0]:
            best_pick[fig] = (picked[k], y)
        if source != "chiso" and gained[k] > SWITCH_AT and (fig not in best_switch or gained[k] > best_switch[fig][0]):
            best_switch[fig] = (gained[k], y)
    n = len(oracle)
    switched = sum(best_switch.get(f, (0.0, ours[f]))[1] for f in oracle)
    return sum(ours.values()) / n, sum(v[1] for v in best_pick.values()) / n, switched / n, sum(oracle.values()) / n


def train(rows: Rows) -> tuple[HistGradientBoostingRegressor, HistGradientBoostingRegressor]:
    ours = {fig: y for _, y, fig, source in rows if source == "chiso"}
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    gain = np.array([r[1] - ours.get(r[2], 0.0) for r in rows])
    make = lambda: HistGradientBoostingRegressor(  # noqa: E731
        max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40, random_state=0
    )
    return make().fit(x, y), make().fit(x, gain)


def main() -> None:
    sets = {name: rows_of(docs) for name, docs in present_gold_sets(lambda *_: None) if name.startswith("news-dev")}
    print("| held-out set | figures | chiso | pick | switch | oracle |")
    print("|---|---|---|---|---|---|")
    for held, rows in sets.items():
        train_rows: Rows = []
        offset = 0
        for name, other in sets.items():
            if name != held:
                train_rows += [(f, y, fig + offset, s) for f, y, fig, s in other]
                offset += 1 + max((r[2] for r in other), default=0)
        pick, switch = train(train_rows)
        ours, picked, switched, oracle = score(rows, pick, switch)
        n = len({r[2] for r in rows})
        print(f"| {held} | {n} | {ours:.4f} | {picked:.4f} | {switched:.4f} | {oracle:.4f} |")


if __name__ == "__main__":
    main()
