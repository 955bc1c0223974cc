"""Every example corpus under corpora/examples/ runs here, Duckling-style.

A positive example must give exactly one record of an indicator kind, with the
expected fields; a negative one must give none (with `at`, none at that text). Known gaps stay in the corpus,
marked `"xfail": {"<text index>": "reason"}`, and run as xfail(strict=True): a fix
turns them red until the mark is removed. Examples are our own sentences
(`source` says otherwise where they come from elsewhere).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pipeline
from pipeline.dimensions import EXTRACTORS
from pipeline.evaluate import values_match
from pipeline.quantities import INDICATOR_KINDS
from pipeline.units import units_match

EXAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "examples"


def _cases():
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            xfail = entry.get("xfail", {})
            for i, text in enumerate(entry["texts"]):
                marks = [pytest.mark.xfail(strict=True, reason=xfail[str(i)])] if str(i) in xfail else []
                yield pytest.param(
                    entry.get("expect"), text, entry.get("at"), id=f"{path.stem}:{entry['id']}#{i}", marks=marks
                )


def _mismatch(expect: dict, record: dict) -> str | None:
    for key, want in expect.items():
        got = record.get(key)
        if key == "unit":
            ok = units_match(want, got)
        elif key in ("concept", "period", "location", "reference"):
            ok = (want or "").casefold() == (got or "").casefold()  # as written; case as the scorer ignores it
        elif key in ("value", "value_max", "denominator"):
            ok = (want is None and got is None) or (want is not None and got is not None and values_match(want, got))
        elif key == "comparator":
            ok = (want or "=") == (got or "=")
        else:
            ok = want == got
        if not ok:
            return f"{key}: want {want!r}, got {got!r}"
    return None


@pytest.mark.parametrize(("expect", "text", "at"), list(_cases()))
def test_examples(expect, text, at):
    """`at` (optional) names the record to check (or, for a negative, the text that must give none)
    where the sentence needs other numbers around it."""
    records = [r.to_dict() for r in pipeline.extract(text) if r.kind in INDICATOR_KINDS]
    shown = [(r["text"], r["kind"], r["value"], r["unit"], r["comparator"]) for r in records]
    if at is not None:
        records = [r for r in records if r["text"] == at]
    if expect is None:
        assert not records, f"negative example gave {shown}"
        return
    assert len(records) == 1, f"want exactly one record{f' at {at!r}' if at else ''}, got {shown}"
    problem = _mismatch(expect, records[0])
    assert problem is None, f"{problem} in {shown}"


@pytest.mark.parametrize("dimension", sorted(EXTRACTORS))
def test_examples_every_extractor_has_a_corpus(dimension):
    path = EXAMPLES / f"{dimension}.jsonl"
    assert path.exists(), f"extractor {dimension!r} has no example corpus at {path}"
    entries = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    negatives = [e for e in entries if e.get("expect") is None]
    positives = [e for e in entries if e.get("expect") is not None]
    assert negatives, f"{path.name} has no negative examples"
    if dimension != "not_indicator":
        assert positives, f"{path.name} has no positive examples"


def test_examples_corpus_size():
    entries = [
        json.loads(x) for p in EXAMPLES.glob("*.jsonl") for x in p.read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    pos = sum(len(e["texts"]) for e in entries if e.get("expect") is not None)
    neg = sum(len(e["texts"]) for e in entries if e.get("expect") is None)
    assert pos >= 400 and neg >= 150, (pos, neg)


def test_examples_ids_are_unique():
    # a note or a commit names an example by its id: two entries with one id would be ambiguous
    ids = [
        json.loads(x)["id"]
        for p in sorted(EXAMPLES.glob("*.jsonl"))
        for x in p.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
