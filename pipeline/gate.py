"""The regression gate: strict F1, concept F1 and period F1 on every gold set must not
fall more than half a point below the scores committed in `corpora/gold/SCORES.json`.

Raising the committed scores is explicit: `chiso gate --update`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .evaluate import evaluate, load_gold, load_texts

ROOT = Path(__file__).resolve().parent.parent
SCORES = ROOT / "corpora" / "gold" / "SCORES.json"
SHARED = ROOT.parent / "shared"
TOLERANCE = 0.005  # half a point of F1

# name -> (gold file, texts file or None)
GOLD_SETS: dict[str, tuple[Path, Path | None]] = {
    "seed": (SHARED / "corpora" / "gold" / "seed.jsonl", None),
    "news-dev": (ROOT / "corpora" / "gold" / "news-dev.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "news-dev2": (ROOT / "corpora" / "gold" / "news-dev2.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "news-dev3": (ROOT / "corpora" / "gold" / "news-dev3.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "news-dev4": (ROOT / "corpora" / "gold" / "news-dev4.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "news-dev5": (ROOT / "corpora" / "gold" / "news-dev5.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "news-dev6": (ROOT / "corpora" / "gold" / "news-dev6.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "news-dev7": (ROOT / "corpora" / "gold" / "news-dev7.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "news-test": (ROOT / "corpora" / "gold" / "news-test.jsonl", SHARED / "corpora" / "news" / "articles.jsonl"),
    "own": (ROOT / "corpora" / "gold" / "own.jsonl", None),
}
# the figures that may not drop: the headline figure and the four semantic fields
GATED = ("strict_f1", "concept_f1", "period_f1", "location_f1", "reference_f1")


@dataclass
class GateResult:
    name: str
    metric: str
    committed: float | None
    now: float | None
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return self.skipped is not None or self.committed is None or (self.now or 0.0) >= self.committed - TOLERANCE


def gold_docs(name: str) -> list[tuple[str, str, dict]] | None:
    """(id, text, gold document) of one gold set, or None when its files are absent."""
    gold, texts = GOLD_SETS[name]
    if not gold.exists() or (texts is not None and not texts.exists()):
        return None
    return load_gold(gold, load_texts(texts) if texts else None)


def present_gold_sets(absent: Callable[[str, Path], object]) -> Iterator[tuple[str, list[tuple[str, str, dict]]]]:
    """(name, documents) of every gold set whose files are present, in order; `absent(name, gold
    file)` is called for the others (the benchmarks print a row saying so)."""
    for name, (gold, _texts) in GOLD_SETS.items():
        docs = gold_docs(name)
        if docs is None:
            absent(name, gold)
        else:
            yield name, docs


def score_set(name: str) -> dict | None:
    """The SPEC §4 report of chiso on one gold set, or None when its files are absent."""
    import pipeline

    docs = gold_docs(name)
    if docs is None:
        return None
    return evaluate(docs, lambda t: [r.to_dict() for r in pipeline.extract(t)]).report()


def committed_scores() -> dict[str, dict]:
    return json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}


def _figures(report: dict) -> dict[str, float]:
    return {
        "strict_f1": report["strict"]["f1"],
        "detection_f1": report["detection"]["f1"],
        "value_f1": report["value"]["f1"],
        "concept_f1": report["concept_f1"],
        "period_f1": report["period_f1"],
        "location_f1": report["location_f1"],
        "reference_f1": report["reference_f1"],
    }


def check(names: list[str] | None = None) -> list[GateResult]:
    """One result per gold set and gated figure."""
    committed = committed_scores()
    out: list[GateResult] = []
    for name in names or list(GOLD_SETS):
        report = score_set(name)
        if report is None:
            skipped = f"{GOLD_SETS[name][0]} or its texts are absent"
            out.extend(GateResult(name, metric, None, None, skipped=skipped) for metric in GATED)
            continue
        now = _figures(report)
        for metric in GATED:
            out.append(GateResult(name, metric, committed.get(name, {}).get(metric), now[metric]))
    return out


def update() -> dict[str, dict]:
    """Score every present gold set and write the scores as the new floor."""
    scores = committed_scores()
    for name in GOLD_SETS:
        report = score_set(name)
        if report is not None:
            scores[name] = {
                **_figures(report),
                "documents": report["documents"],
                "gold_required": report["strict"]["tp"] + report["strict"]["fn"],
            }
    SCORES.write_text(json.dumps(scores, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return scores
