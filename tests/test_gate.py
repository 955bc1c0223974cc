"""The regression gate: strict, concept, period and location F1 on each gold set stay within 0.5
points of corpora/gold/SCORES.json."""

import pytest

from pipeline import gate


@pytest.mark.parametrize("name", sorted(gate.GOLD_SETS))
def test_gate_figures_have_not_dropped(name):
    results = gate.check([name])
    assert [r.metric for r in results] == list(gate.GATED)
    if results[0].skipped:
        pytest.skip(results[0].skipped)
    for r in results:
        if r.now is None and r.committed is None:
            continue  # the set states no such field (the seed gives no location)
        assert r.committed is not None, f"{name} has no committed {r.metric}: run `chiso gate --update`"
        assert r.ok, f"{name}: {r.metric} {r.now:.4f} < committed {r.committed:.4f} - {gate.TOLERANCE}"


def test_gate_fails_on_a_drop(monkeypatch):
    monkeypatch.setattr(gate, "committed_scores", lambda: {"own": {"strict_f1": 1.5, "concept_f1": 0.0}})
    results = {r.metric: r for r in gate.check(["own"])}
    assert not results["strict_f1"].ok
    assert results["concept_f1"].ok


def test_gate_fails_on_a_concept_drop(monkeypatch):
    monkeypatch.setattr(gate, "committed_scores", lambda: {"own": {"concept_f1": 1.5}})
    results = {r.metric: r for r in gate.check(["own"])}
    assert not results["concept_f1"].ok
