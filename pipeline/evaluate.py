"""Score predicted records against gold, exactly as SPEC section 4 says."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .quantities import INDICATOR_KINDS
from .units import units_match

REL_TOL = 1e-6


class GoldError(ValueError):
    """A gold file that cannot be scored (bad line, missing text, text version mismatch)."""


def values_match(g: float | None, p: float | None) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return abs(g - p) <= REL_TOL * max(abs(g), abs(p), 1e-12)


def _syllables(s: str) -> list[str]:
    s = unicodedata.normalize("NFC", s).casefold()
    return re.sub(r"[^\w\s]", " ", s).split()


def overlap_f1(gold: str, pred: str | None) -> float:
    g, p = _syllables(gold), _syllables(pred or "")
    if not g or not p:
        return 0.0
    common = sum(min(g.count(w), p.count(w)) for w in set(g))
    if common == 0:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def strict_match(g: dict, p: dict) -> bool:
    if g.get("kind") != p.get("kind") or not values_match(g.get("value"), p.get("value")):
        return False
    for k in ("value_max", "denominator"):
        if g.get(k) is not None and not values_match(g[k], p.get(k)):
            return False
    if (g.get("comparator") or "=") != (p.get("comparator") or "="):
        return False
    return units_match(g.get("unit"), p.get("unit"))


def pair(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((-ov, i, j))
    cands.sort()
    used_g, used_p, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


FIELDS = ("kind", "value", "unit", "comparator", "change")


@dataclass
class Score:
    detection: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    field_hits: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    concept: list[float] = field(default_factory=list)
    period: list[float] = field(default_factory=list)
    period_unstated: list[int] = field(default_factory=list)  # 1 when a period is given that gold leaves out
    location: list[float] = field(default_factory=list)
    location_unstated: list[int] = field(default_factory=list)  # 1 when a place is given that gold leaves out
    reference: list[float] = field(default_factory=list)
    reference_unstated: list[int] = field(default_factory=list)  # 1 when a reference is given that gold leaves out
    errors: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0

    def add(self, doc_id: str, text: str, gold: list[dict], pred: list[dict]) -> None:
        self.documents += 1
        pred = [p for p in pred if p.get("kind") in INDICATOR_KINDS]
        pairs = pair(gold, pred)
        paired_g = {i for i, _ in pairs}
        paired_p = {j for _, j in pairs}
        for j, p in enumerate(pred):
            if j not in paired_p:
                for c in (self.detection, self.strict, self.value, self.by_kind[p["kind"]]):
                    c.fp += 1
                self._error("spurious", doc_id, text, None, p)
        for i, g in enumerate(gold):
            if i not in paired_g and not g.get("optional"):
                for c in (self.detection, self.strict, self.value, self.by_kind[g["kind"]]):
                    c.fn += 1
                self._error("missed", doc_id, text, g, None)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if g.get("optional"):
                continue
            self.detection.tp += 1
            ok = strict_match(g, p)
            if ok:
                self.strict.tp += 1
                self.by_kind[g["kind"]].tp += 1
            else:
                self.strict.fp += 1
                self.strict.fn += 1
                self.by_kind[p["kind"]].fp += 1
                self.by_kind[g["kind"]].fn += 1
                self._error("wrong", doc_id, text, g, p)
            if values_match(g.get("value"), p.get("value")):
                self.value.tp += 1
            else:
                self.value.fp += 1
                self.value.fn += 1
            checks = {
                "kind": g.get("kind") == p.get("kind"),
                "value": values_match(g.get("value"), p.get("value")),
                "unit": units_match(g.get("unit"), p.get("unit")),
                "comparator": (g.get("comparator") or "=") == (p.get("comparator") or "="),
                "change": g.get("change") == p.get("change"),
            }
            for f, hit in checks.items():
                self.field_hits[f][0] += hit
                self.field_hits[f][1] += 1
            if g.get("concept"):
                self.concept.append(overlap_f1(g["concept"], p.get("concept")))
            for name, scores, unstated in (
                ("period", self.period, self.period_unstated),
                ("location", self.location, self.location_unstated),
                ("reference", self.reference, self.reference_unstated),
            ):
                if g.get(name):
                    scores.append(overlap_f1(g[name], p.get(name)))
                else:
                    unstated.append(int(bool(p.get(name))))

    def _error(self, what: str, doc_id: str, text: str, g: dict | None, p: dict | None) -> None:
        rec = g or p
        assert rec is not None
        s, e = rec["start"], rec["end"]
        lo = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, s - 160, 0)
        hi_candidates = [x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0]
        hi = min([*hi_candidates, e + 160, len(text)])
        self.errors.append(
            {
                "type": what,
                "id": doc_id,
                "gold": g,
                "pred": p,
                "context": text[lo:s].lstrip() + "[[" + text[s:e] + "]]" + text[e:hi],
            }
        )

    def report(self) -> dict[str, Any]:
        mean = lambda xs: round(sum(xs) / len(xs), 4) if xs else None  # noqa: E731
        return {
            "documents": self.documents,
            "strict": self.strict.prf(),
            "detection": self.detection.prf(),
            "value": self.value.prf(),
            "field_accuracy": {f: round(h / n, 4) if n else None for f, (h, n) in self.field_hits.items()},
            "concept_f1": mean(self.concept),
            "period_f1": mean(self.period),
            "period_unstated": mean(self.period_unstated),
            "location_f1": mean(self.location),
            "location_unstated": mean(self.location_unstated),
            "reference_f1": mean(self.reference),
            "reference_unstated": mean(self.reference_unstated),
            "by_kind": {k: c.prf() for k, c in sorted(self.by_kind.items())},
        }


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_texts(path: Path) -> dict[str, str]:
    texts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                texts[str(d["id"])] = d["text"]
    return texts


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) of each non-blank JSON line; a bad line is a GoldError naming it."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as e:
                raise GoldError(f"{path}:{n}: not JSON ({e.msg})") from e


def load_gold(path: Path, texts: dict[str, str] | None = None) -> list[tuple[str, str, dict]]:
    """(id, text, gold document) for each line; the text comes from the line or from `texts`."""
    out = []
    for n, d in _lines(path):
        doc_id = str(d.get("id"))
        text = d.get("text")
        if text is None:
            if texts is None:
                raise GoldError(f"{path}:{n}: document {doc_id} has no text; give --texts")
            if doc_id not in texts:
                raise GoldError(f"{path}:{n}: document {doc_id} is not in the --texts file")
            text = texts[doc_id]
        if d.get("text_sha1") and sha1(text) != d["text_sha1"]:
            raise GoldError(f"{path}:{n}: text of {doc_id} does not match its text_sha1")
        out.append((doc_id, text, d))
    return out


def load_predictions(path: Path) -> dict[str, list[dict]]:
    """`{id: records}` from chiso output or a gold file used as predictions (optional ones left out)."""
    return {str(d.get("id")): [r for r in d.get("indicators", []) if not r.get("optional")] for _, d in _lines(path)}


def evaluate(docs: Iterable[tuple[str, str, dict]], predict: Callable[[str], list[dict]]) -> Score:
    score = Score()
    for doc_id, text, gold in docs:
        score.add(doc_id, text, gold.get("indicators", []), predict(text))
    return score
