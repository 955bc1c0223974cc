"""Shared fixtures: paths to the project corpora and to ../shared (skipped with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: ../shared (seed gold, news corpus) is only present beside a checkout in CI")
    return p


@pytest.fixture(scope="session")
def seed_gold() -> Path:
    return shared_path("corpora", "gold", "seed.jsonl")


@pytest.fixture(scope="session")
def news_articles() -> Path:
    return shared_path("corpora", "news", "articles.jsonl")
