"""Load the rule and lexicon files under `models/` (data, with a gloss per entry)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

MODELS = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    """The models folder: beside the package in a checkout, or installed as package data."""
    packaged = Path(__file__).resolve().parent / "models"
    return packaged if packaged.is_dir() else MODELS


@cache
def load_json(name: str) -> Any:
    """A JSON lexicon from `models/`; keys starting with `_` are comments."""
    with open(models_dir() / name, encoding="utf-8") as f:
        data = json.load(f)
    return {k: v for k, v in data.items() if not k.startswith("_")} if isinstance(data, dict) else data


@cache
def load_jsonl(name: str) -> list[dict[str, Any]]:
    """A JSONL lexicon from `models/`; lines starting with `//` are comments."""
    rows: list[dict[str, Any]] = []
    with open(models_dir() / name, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("//"):
                rows.append(json.loads(line))
    return rows


def words(name: str, section: str) -> dict[str, Any]:
    """`{word: value}` of one section of a `{section: {word: [value, gloss]}}` lexicon."""
    return {w: v[0] for w, v in load_json(name)[section].items()}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, escaped, longest first (so `so với` wins over `so`)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def word_set(section: str, name: str = "context.json") -> frozenset[str]:
    """The words of one lexicon section, for membership tests."""
    return frozenset(load_json(name)[section])


@cache
def phrase_re(section: str, name: str = "context.json") -> re.Pattern[str]:
    """Any phrase of one lexicon section, as whole words (the longest first)."""
    return re.compile(r"(?<!\w)(?:" + alternation(load_json(name)[section]) + r")(?!\w)")
