"""The seed article (../shared) scored as SPEC section 4 says: strict F1 must stay 1.0."""

import json

import pipeline
from pipeline.evaluate import evaluate, load_gold


def test_seed_strict_f1_is_one(seed_gold):
    docs = load_gold(seed_gold)
    report = evaluate(docs, lambda t: [r.to_dict() for r in pipeline.extract(t)]).report()
    assert report["strict"]["f1"] == 1.0, report
    assert report["strict"]["tp"] == 16


def test_seed_non_indicators_are_not_emitted_as_indicator_kinds(seed_gold):
    gold = json.loads(seed_gold.read_text(encoding="utf-8").splitlines()[0])
    text = gold["text"]
    records = pipeline.extract(text)
    for trap in gold["not_indicators"]:
        overlapping = [r for r in records if r.start < trap["end"] and trap["start"] < r.end]
        assert not overlapping, (trap, overlapping)
