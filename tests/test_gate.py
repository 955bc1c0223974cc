"""The regression gate: strict F1 on each gold set stays within 0.5 points of corpora/gold/SCORES.json."""

import pytest

from pipeline import gate


@pytest.mark.parametrize("name", sorted(gate.GOLD_SETS))
def test_gate_strict_f1_has_not_dropped(name):
    (result,) = gate.check([name])
    if result.skipped:
        pytest.skip(result.skipped)
    assert result.committed is not None, f"{name} has no committed score: run `chiso gate --update`"
    assert result.ok, f"{name}: strict F1 {result.now:.4f} < committed {result.committed:.4f} - {gate.TOLERANCE}"


def test_gate_fails_on_a_drop(monkeypatch):
    monkeypatch.setattr(gate, "committed_scores", lambda: {"own": {"strict_f1": 1.5}})
    (result,) = gate.check(["own"])
    assert not result.ok
