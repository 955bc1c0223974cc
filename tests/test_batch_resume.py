"""Workers keep the input order; a run killed with SIGKILL and resumed yields every document exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from pipeline.run import Job, run

SENTENCES = [
    "Năm 2023, toàn tỉnh có {n} hộ nghèo, giảm {p}% so với năm trước.",
    "Doanh thu đạt {n} tỷ đồng, bằng {p}% kế hoạch.",
    "Xã đã kết nạp mới {n} đảng viên.",
    "Buổi lễ diễn ra trang trọng tại hội trường ủy ban nhân dân huyện.",
]


def write_news(path, count: int, sentences_per_doc: int = 6) -> list[str]:
    """Small generated articles (no corpus text), one JSON line each; their ids in order."""
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            body = " ".join(
                SENTENCES[(i + k) % 4].format(n=i * 7 + k, p=(i + k) % 90 + 1) for k in range(sentences_per_doc)
            )
            ids.append(f"doc-{i:05d}")
            f.write(json.dumps({"id": ids[-1], "text": body}, ensure_ascii=False) + "\n")
    return ids


def _lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_batch_two_workers_give_the_records_of_one_in_order(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = write_news(src, 60)
    summaries = [run(Job([str(src)], tmp_path / f"w{w}.jsonl", workers=w), show_progress=w == 2) for w in (1, 2)]
    one, two = _lines(tmp_path / "w1.jsonl"), _lines(tmp_path / "w2.jsonl")
    assert [d["id"] for d in two] == ids
    assert one == two
    for s in summaries:
        assert s is not None and s.read == len(ids) and s.records == sum(len(d["indicators"]) for d in one)
        assert 0 < s.peak_rss_kb < 700 * 1024


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_batch_sigkill_then_resume_yields_every_document_once(tmp_path, fmt):
    src = tmp_path / "in.jsonl"
    ids = write_news(src, 1500)
    out = tmp_path / f"out.{fmt}"
    partial = tmp_path / f"out.{fmt}.partial"
    cmd = [sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out), "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.stat().st_size > 20_000:  # some documents done, many not
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    done_before = sum(1 for line in partial.open("rb") if line.endswith(b"\n"))
    assert 0 < done_before < len(ids)
    res = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    if fmt == "jsonl":
        got = [d["id"] for d in _lines(out)]
    else:
        import pandas as pd

        got = list(dict.fromkeys(pd.read_parquet(out)["id"]))
        assert pd.read_parquet(out)["id"].is_monotonic_increasing
    assert got == ids
    assert not partial.exists()
