"""The cheap cue test before the period grammar (`period._CUE`) must never hide a period:
every form's own examples, and every text of the period example corpus, give the same
periods with the cue test as without it."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import pipeline.period as period
from pipeline.lexicon import load_json

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    glosses = [gloss for _pattern, gloss in load_json("periods.json")["patterns"]]
    snippets = [s for g in glosses for s in re.findall(r"`([^`]+)`", g)]
    snippets += [g.split(": ", 1)[1] for g in glosses if ": " in g and "`" not in g]
    corpus = ROOT / "corpora" / "examples" / "period.jsonl"
    for line in corpus.read_text(encoding="utf-8").splitlines():
        snippets += json.loads(line)["texts"]
    return [unicodedata.normalize("NFC", s).lower() for s in snippets]


class _Always:
    def search(self, *args: object, **kwargs: object) -> bool:
        return True


@pytest.mark.parametrize("text", _texts())
def test_period_cue_hides_no_period(text, monkeypatch):
    with_cue = period.periods(text, 0, len(text))
    monkeypatch.setattr(period, "_CUE", _Always())
    assert period.periods(text, 0, len(text)) == with_cue
