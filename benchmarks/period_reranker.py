"""Can a learned choice among the article's periods beat chiso's period rules? chiso vs. a
re-ranker trained on the other gold sets, on each development set, with the SPEC §4 period score.

    .venv/bin/pip install -e ".[bench]" && .venv/bin/python benchmarks/period_reranker.py

For each gold figure that chiso detects and whose gold gives a period, the candidates are chiso's
own period and every period `pipeline.period.periods` finds in the text up to the end of the
figure's sentence (in the sentence, earlier in its paragraph, in earlier paragraphs, in the
headline). Each candidate gets features: whether it is chiso's choice, where it stands (in the
sentence before or after the number, how many sentences and paragraphs back, in the headline, how
many other periods stand between it and the number), its form (a year, a date, a month, a quarter,
a range, `hiện`/`nay`, a duration, a time of day …) and whether chiso's rules would let it date
later sentences (`passes_on`) or read it as a reference (`is_reference`). Two learners
(scikit-learn's HistGradientBoostingRegressor, from the `bench` extra) are trained leave-one-set-out
on the other development sets, never on the set they are scored on, and never on news-test:

- pick: predicts each candidate's overlap F1 with the gold and takes the best;
- switch: predicts each candidate's gain over chiso's period and takes the best one only when that
  gain is predicted above 0.1, else keeps chiso's (a figure chiso leaves undated stays undated).

The oracle column is the best candidate knowing the gold. Figures with no period anywhere before
the end of their sentence (nothing to choose) are left out, so the chiso column reads a little
above `chiso evaluate`'s period F1. Prints a Markdown table.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

try:
    from sklearn.ensemble import HistGradientBoostingRegressor
except ImportError:  # not a dependency of chiso itself
    sys.exit('period_reranker.py needs scikit-learn: .venv/bin/pip install -e ".[bench]"')

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.evaluate import overlap_f1, pair  # noqa: E402
from pipeline.gate import present_gold_sets  # noqa: E402
from pipeline.period import is_reference, passes_on, periods  # noqa: E402
from pipeline.quantities import INDICATOR_KINDS  # noqa: E402

KINDS = ["count", "money", "percent", "measure", "number", "ratio"]
FORMS = [
    ("year", re.compile(r"(?:năm )?(?:19|20)\d\d")),
    ("date", re.compile(r".*\d{1,2}[/.-]\d{1,2}.*")),
    ("month", re.compile(r"tháng \d{1,2}(?:[/.-](?:19|20)\d\d)?|tháng \d{1,2} năm (?:19|20)\d\d")),
    ("quarter", re.compile(r"quý .*")),
    ("months_of_year", re.compile(r".*tháng (?:đầu|cuối) năm.*")),
    ("range", re.compile(r".*(?:giai đoạn|nhiệm kỳ|từ|[-–]).*")),
    ("now", re.compile(r"(?:hiện|hiện nay|nay|đến nay|hiện tại|bây giờ|đến giờ)")),
    ("duration", re.compile(r".*\d+ (?:năm|tháng|ngày|tuần) (?:qua|gần đây|tới).*")),
    ("this_year", re.compile(r"năm (?:nay|trước|ngoái|tới|sau)")),
    ("time_of_day", re.compile(r"(?:sáng|chiều|trưa|tối|đêm|rạng sáng).*")),
    ("until", re.compile(r"(?:tính )?(?:đến|tới|hết) .*")),
    ("each", re.compile(r"mỗi .*|hằng .*|hàng .*")),
]
SWITCH_AT = 0.1
SENTENCE_END = re.compile(r"[.!?…](?:\s|$)|\n")

Rows = list[tuple[list[list[float]], list[float], float, int]]  # features, F1s, chiso's F1, index of chiso's


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def features(text: str, low: str, span: tuple[int, int] | None, ours: str, p: dict, spans: list) -> list[float]:
    a, b = p["sentence"]
    start, end = p["start"], p["end"]
    if span is None:  # chiso's own period, not one of the spans (a joined range): stands for itself
        cand, x, y = ours, start, start
    else:
        x, y = span
        cand = low[x:y]
    first_nl = text.find("\n")
    in_sentence = a <= x and y <= b
    before = [s for s in spans if s[1] <= start]
    between = sum(1 for s in before if s[0] >= y)
    sentences_back = len(SENTENCE_END.findall(text, y, a)) if y <= a else 0
    paragraphs_back = text.count("\n", y, a) if y <= a else 0
    lo = _sentence_start(text, x)
    forms = [1.0 if rx.fullmatch(cand) else 0.0 for _, rx in FORMS]
    return [
        1.0 if cand == ours else 0.0,
        1.0 if ours else 0.0,
        1.0 if span is None else 0.0,
        1.0 if in_sentence and y <= start else 0.0,
        1.0 if in_sentence and x >= end else 0.0,
        float(min(sentences_back, 10)),
        float(min(paragraphs_back, 10)),
        1.0 if 0 < first_nl and y <= first_nl else 0.0,
        float(min(between, 10)),
        float(np.log1p(abs(start - y))),
        float(len(cand.split())),
        1.0 if span is not None and passes_on(low, span, lo) else 0.0,
        1.0 if span is not None and is_reference(low, span, lo) else 0.0,
        1.0 if not low[lo:x].strip(' ,:“"') else 0.0,  # opens its sentence
        1.0 if ours and ours in low[a:b] else 0.0,  # chiso's choice is in the sentence
        *forms,
        *[1.0 if p.get("kind") == k else 0.0 for k in KINDS],
    ]


def rows_of(docs: list[tuple[str, str, dict]]) -> Rows:
    rows: Rows = []
    for _, text, doc in docs:
        gold = doc.get("indicators", [])
        pred = [r.to_dict() for r in pipeline.extract(text) if r.kind in INDICATOR_KINDS]
        low = text.lower()
        spans = periods(low, 0, len(low))
        for i, j in pair(gold, pred):
            g, p = gold[i], pred[j]
            if g.get("optional") or not g.get("period"):
                continue
            ours = (p.get("period") or "").lower()
            b = p["sentence"][1]
            mine = [s for s in spans if s[0] < b]
            cands: list[tuple[int, int] | None] = list(mine)
            if ours and ours not in {low[x:y] for x, y in mine}:
                cands.append(None)
            if not cands:
                continue
            feats = [features(text, low, s, ours, p, mine) for s in cands]
            f1s = [overlap_f1(g["period"], low[s[0] : s[1]] if s else ours) for s in cands]
            own = overlap_f1(g["period"], p.get("period"))
            texts = [low[s[0] : s[1]] if s else ours for s in cands]
            idx = texts.index(ours) if ours in texts else -1
            rows.append((feats, f1s, own, idx))
    return rows


def score(rows: Rows, pick: HistGradientBoostingRegressor, switch: HistGradientBoostingRegressor) -> tuple[float, ...]:
    ours = picked = switched = oracle = 0.0
    for feats, f1s, own, idx in rows:
        x = np.array(feats)
        ours += own
        oracle += max(f1s + [own])
        picked += f1s[int(np.argmax(pick.predict(x)))] if idx >= 0 else own
        gain = switch.predict(x)
        best = int(np.argmax(gain))
        switched += f1s[best] if idx >= 0 and gain[best] > SWITCH_AT else own
    n = len(rows)
    return n, ours / n, picked / n, switched / n, oracle / n


def train(rows: Rows) -> tuple[HistGradientBoostingRegressor, HistGradientBoostingRegressor]:
    xs, f1, gain = [], [], []
    for feats, f1s, own, _idx in rows:
        xs.extend(feats)
        f1.extend(f1s)
        gain.extend(f - own for f in f1s)
    x = np.array(xs)
    pick = HistGradientBoostingRegressor(max_iter=200, random_state=0).fit(x, f1)
    switch = HistGradientBoostingRegressor(max_iter=200, random_state=0).fit(x, gain)
    return pick, switch


def main() -> None:
    sets = {
        name: rows_of(docs)
        for name, docs in present_gold_sets(lambda *_: None)
        if name not in ("seed", "news-test", "own")
    }
    print("| gold set | figures | chiso | pick | switch | oracle |")
    print("|---|---|---|---|---|---|")
    for held, rows in sets.items():
        pick, switch = train([r for name, rs in sets.items() if name != held for r in rs])
        n, ours, picked, switched, oracle = score(rows, pick, switch)
        print(f"| {held} | {n} | {ours:.4f} | {picked:.4f} | {switched:.4f} | {oracle:.4f} |")


if __name__ == "__main__":
    main()
