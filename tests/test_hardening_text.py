"""Random text mixing Vietnamese, digits, separators and punctuation: extraction never raises, every record is a
slice of the text as read, the same text always gives the same records, and a document in NFD gives the records
of its NFC form (offsets aside: they index each text as read, SPEC §2). Extends tests/test_offsets.py (which
draws whole phrases) down to single characters and combining marks."""

from __future__ import annotations

import json
import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import limits
from pipeline.cli import document_record
from pipeline.read import Document

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # tones, then ^ ˘ and the horn, combining
DIGITS = "0123456789"
SEPARATORS = ".,/-–%:;+×x "
PUNCTUATION = "!?()[]\"'“”…\n\t\u00a0\u200b"
WORDS = [
    "tỷ đồng", "triệu", "nghìn", "ngàn", "hai mươi lăm", "một trăm linh năm", "rưỡi", "phần trăm", "điểm phần trăm",
    "hộ nghèo", "đảng viên", "xã", "tăng", "giảm còn", "khoảng", "hơn", "dưới", "từ", "đến", "gấp", "lần", "năm 2023",
    "quý I/2024", "km2", "ha", "USD", "°C", "m²", "so với cùng kỳ", "kế hoạch", "chiếm", "đạt", "Hoà Bình", "thuỷ",
]  # fmt: skip


def _texts(alphabet: str) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(WORDS),
        st.text(alphabet=alphabet, min_size=1, max_size=12),
        st.from_regex(r"[0-9]{1,4}([.,][0-9]{1,3}){0,3}(%| ?%|/[0-9]{1,3})?", fullmatch=True),
    )
    return st.lists(piece, min_size=1, max_size=30).map(" ".join)


TEXTS = _texts(LETTERS + DIGITS + SEPARATORS + PUNCTUATION)  # well-formed letters: one tone each
ANY_TEXTS = _texts(LETTERS + MARKS + DIGITS + SEPARATORS + PUNCTUATION)  # stray and doubled combining marks too
EXAMPLES = int(os.environ.get("CHISO_HYPOTHESIS_EXAMPLES", "150"))  # more for a longer hunt
RELAXED = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _meaning(record: dict) -> tuple:
    """A record without its offsets: what it says, strings in NFC."""
    return tuple(
        (k, unicodedata.normalize("NFC", v) if isinstance(v, str) else v)
        for k, v in sorted(record.items())
        if k not in ("start", "end", "text", "sentence")
    )


def _records(text: str) -> list[dict]:
    out = document_record(Document("t", "t", text), all_kinds=True)
    assert out["errors"] == [], out["errors"]
    for r in out["indicators"]:
        assert text[r["start"] : r["end"]] == r["text"]
        assert 0 <= r["sentence"][0] <= r["start"] < r["end"] <= r["sentence"][1] <= len(text)
    return out["indicators"]


@RELAXED
@given(ANY_TEXTS)
def test_hardening_random_text_gives_slices_deterministically(text):
    first = _records(text)
    assert _records(text) == first
    assert [r.to_dict() for r in pipeline.extract(text, all_kinds=True)] == first  # short texts: no pieces


@RELAXED
@given(TEXTS)
def test_hardening_nfd_gives_the_records_of_nfc(text):
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert [_meaning(r) for r in _records(nfd)] == [_meaning(r) for r in _records(nfc)]


def test_hardening_nfd_letter_with_two_tones_keeps_its_unit():
    """Regression: normalize.py once mapped leftover marks of such a cluster to the wrong input character."""
    text = "5 hộ\u0300"  # a typo: ộ with a second tone mark; NFC unit `hộ`, NFD unit `ho`
    nfc, nfd = (unicodedata.normalize(f, text) for f in ("NFC", "NFD"))
    assert [_meaning(r) for r in _records(nfd)] == [_meaning(r) for r in _records(nfc)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab 7.\n\u0301", max_size=400),
    st.integers(min_value=2, max_value=60),
    st.integers(min_value=2, max_value=30),
)
def test_hardening_pieces_cover_the_text_in_order(text, max_piece, max_stretch):
    parts, long = limits.pieces(text, max_piece, max_stretch)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a < b for a, b in parts) or text == ""
    assert all(b == c for (_, b), (c, _) in zip(parts, parts[1:], strict=False))
    for a, b in long:
        assert b - a > max_stretch
    for a, b in parts:  # bounded: a piece is at most a piece and a stretch, plus the marks kept with a letter
        marks = sum(1 for c in text[a:b] if unicodedata.combining(c))
        assert b - a <= max_piece + max_stretch + marks


@pytest.mark.parametrize(
    "text",
    [
        "7" * 3000,
        "1.2,3/4-5%" * 300,
        "%" * 3000,
        "Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch; " * 60,
        "Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch.\n" * 400,
        "a\u0301" * 3000,
    ],
    ids=["digits", "separators", "percent-signs", "no-sentence-end", "long-document", "nfd-marks"],
)
def test_hardening_cut_documents_keep_slices_and_say_so(text):
    out = document_record(Document("t", "t", text))
    assert out["errors"] == []
    for r in out["indicators"]:
        assert text[r["start"] : r["end"]] == r["text"]
    long = max(len(s) for s in text.replace(".\n", "\n").split("\n"))
    if long > limits.MAX_STRETCH_CHARS:
        assert any("without a sentence end" in w for w in out["warnings"])
    if len(text) > limits.MAX_PIECE_CHARS:
        assert any("read in" in w and "parts" in w for w in out["warnings"])
    for c in out["checks"]:  # check indices still point into this document's records
        assert all(0 <= i < len(out["indicators"]) for i in c["records"])


def test_hardening_document_over_the_limit_is_cut_with_a_warning(monkeypatch):
    monkeypatch.setattr(limits, "MAX_DOCUMENT_CHARS", 100)
    text = "Xã có 57 hộ nghèo. " * 20
    out = document_record(Document("t", "t", text))
    assert "document cut at 100 of 380 characters" in out["warnings"][0]
    assert all(r["end"] <= 100 for r in out["indicators"]) and len(out["indicators"]) == 5


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    ["one-line-5mb", "digits-200000", "separators-x20000", "percent-50000"],
)
def test_hardening_issue_sized_inputs_complete_with_slices_and_warnings(tmp_path, name):
    """The four inputs of issue #8 at full size, through `chiso extract` (benchmarks/linear_time.py times them)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    sentences = "Năm 2023, toàn tỉnh có 1.234 hộ nghèo, giảm 3,2% so với năm trước. Doanh thu đạt 12.450 tỷ đồng. "
    text = {
        "one-line-5mb": (sentences * (5_000_000 // len(sentences) + 1))[:5_000_000],
        "digits-200000": "7" * 200_000,
        "separators-x20000": "1.2,3/4-5%" * 20_000,
        "percent-50000": "%" * 50_000,
    }[name]
    src = tmp_path / "doc.txt"
    src.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(src), "--workers", "1", "--quiet"])
    assert res.exit_code == 0, res.output
    [doc] = [json.loads(line) for line in res.stdout.splitlines()]
    assert doc["errors"] == []
    for r in doc["indicators"]:
        assert text[r["start"] : r["end"]] == r["text"]
    warnings = " ".join(doc.get("warnings", []))
    if len(text.encode()) > limits.MAX_READ_BYTES:
        assert "file larger than" in warnings
    if len(text) > limits.MAX_DOCUMENT_CHARS:
        assert "document cut at 1,000,000" in warnings
    if name != "one-line-5mb" and len(text) > limits.MAX_STRETCH_CHARS:
        assert "without a sentence end" in warnings


def test_hardening_same_records_whatever_the_hash_seed(tmp_path):
    """Deterministic across processes too: set and dict orders change with PYTHONHASHSEED, the records must not."""
    import random
    import subprocess
    import sys

    rng = random.Random(8)
    alphabet = LETTERS + DIGITS + SEPARATORS + PUNCTUATION
    texts = [
        " ".join(rng.choice(WORDS) if rng.random() < 0.5 else "".join(rng.choices(alphabet, k=8)) for _ in range(40))
        for _ in range(60)
    ]
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    outputs = []
    for seed in ("1", "2"):
        res = subprocess.run(
            [sys.executable, "-m", "pipeline", "extract", str(src), "--workers", "1", "--quiet", "--all-kinds"],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert res.returncode == 0, res.stderr
        outputs.append(res.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == len(texts)


def test_hardening_checks_that_fail_keep_the_records_and_say_so(monkeypatch):
    """The checks of a document run once, over all its pieces; if they fail, its records still come out."""

    def broken(text, records):
        raise ValueError("boom")

    monkeypatch.setattr("pipeline.checks.consistency_checks", broken)
    out = document_record(Document("t", "t", "Xã có 57 hộ nghèo, chiếm 13/21 thôn, đạt 61,9%."))
    assert [r["text"] for r in out["indicators"]] == ["57", "13/21", "61,9%"]
    assert out["checks"] == []
    assert out["errors"] == ["t: checks failed: ValueError: boom"]


def test_hardening_checks_of_a_document_in_pieces_index_its_records(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PIECE_CHARS", 60)
    text = "\n".join(["Có 13/21 đồng chí là bí thư, chiếm 61,9%."] * 4)
    out = document_record(Document("t", "t", text))
    assert any("read in" in w and "parts" in w for w in out["warnings"])
    assert len(out["checks"]) == 4 and all(c["ok"] for c in out["checks"])
    assert [[out["indicators"][i]["start"] for i in c["records"]] for c in out["checks"]] == [
        [s + 3, s + 35] for s in range(0, len(text), 42)
    ]
