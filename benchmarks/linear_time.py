"""Linear time on hostile documents: time of one document at half size and at full size, and their ratio.

    .venv/bin/python benchmarks/linear_time.py            # the sizes of issue #8
    .venv/bin/python benchmarks/linear_time.py --scale 0.1

A ratio near 2 means linear time; near 4, quadratic. Each document goes through
`document_record`, as in `chiso extract` (per-document limits of pipeline/limits.py
included). The last rows call the Python API `pipeline.extract`, which reads a document
whole (no pieces), on one stretch of news words and numbers without a sentence end (a
scraped table flattened to a line), on the same with full stops, and on unclosed brackets.
Each figure is the fastest of `--repeat` runs. Prints ratios only: no threshold.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pipeline
from pipeline.cli import document_record
from pipeline.limits import MAX_DOCUMENT_CHARS
from pipeline.read import Document, read_inputs

SENTENCES = (
    "Năm 2023, toàn tỉnh có 1.234 hộ nghèo, giảm 3,2% so với năm trước. "
    "Doanh thu đạt 12.450 tỷ đồng, bằng 114% kế hoạch. "
    "Xã đã kết nạp mới 57 đảng viên; 13/21 đồng chí là bí thư kiêm trưởng thôn, chiếm 61,9%. "
    "Buổi lễ diễn ra trang trọng tại hội trường ủy ban nhân dân huyện. "
)


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# name -> (full size in characters, the document of n characters)
CASES: dict[str, tuple[int, Callable[[int], str]]] = {
    "one line of 5 MB (cut at the limit)": (5_000_000, lambda n: _repeat(SENTENCES, n)),
    "one line below the limit": (MAX_DOCUMENT_CHARS, lambda n: _repeat(SENTENCES, n)),
    "200,000 digits in a row": (200_000, lambda n: "7" * n),
    "`1.2,3/4-5%` x 20,000": (200_000, lambda n: _repeat("1.2,3/4-5%", n)),
    "50,000 `%` signs": (50_000, lambda n: "%" * n),
}


NEWS_WORDS = "xã huyện tăng giảm đạt tỷ lệ hộ nghèo năm 2023 so với cùng kỳ kế hoạch đồng chí đảng viên người".split()


def news_stretch(n: int, full_stops: bool) -> str:
    """About `n` characters of news words, a number every seventh word, a full stop every 40th or none."""
    rng, out, size, i = random.Random(1), [], 0, 0
    while size < n:
        out.append(rng.choice(NEWS_WORDS) + (f" {rng.randint(1, 99999)}" if i % 7 == 0 else ""))
        out[-1] += " ." if full_stops and i % 40 == 39 else ""
        size += len(out[-1]) + 1
        i += 1
    return " ".join(out)[:n]


def api_seconds(text: str, repeat: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        found = len(pipeline.extract(text))
        best = min(best, time.perf_counter() - t)
    return best, found


def seconds(text: str, repeat: int) -> tuple[float, dict]:
    best, out = float("inf"), {}
    for _ in range(repeat):
        t = time.perf_counter()
        out = document_record(Document("bench", "bench", text))
        best = min(best, time.perf_counter() - t)
    return best, out


def html_seconds(paragraphs: int, folder: Path) -> float:
    """Reading one HTML page of `paragraphs` paragraphs (trafilatura finds its main text), without extraction."""
    page = folder / "page.html"
    page.write_text("<html><body><article>" + "<p>Có 57 xã, đạt 12%.</p>" * paragraphs + "</article></body></html>")
    t = time.perf_counter()
    list(read_inputs([str(page)]))
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the issue's sizes")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    document_record(Document("warm", "warm", "Có 57 xã."))  # models loaded before the clock starts
    print("| input | characters | time at half size | time at full size | ratio | records | warnings |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, (full, make) in CASES.items():
        n = max(2, int(full * args.scale))
        half, _ = seconds(make(n // 2), args.repeat)
        whole, out = seconds(make(n), args.repeat)
        warnings = "; ".join(w.split(": ", 1)[1][:60] + "…" for w in out.get("warnings", []))
        print(
            f"| {name} | {n:,} | {half:.2f} s | {whole:.2f} s | {whole / max(half, 1e-9):.2f} "
            f"| {len(out['indicators']):,} | {warnings or '-'} |",
            flush=True,
        )
    n = max(2, int(200_000 * args.scale))
    api_cases: dict[str, Callable[[int], str]] = {
        "news words and numbers, one stretch without a sentence end": lambda m: news_stretch(m, False),
        "news words and numbers, a full stop every 40 words": lambda m: news_stretch(m, True),
        "`Doanh thu (năm 2019 (tăng 5%) ` repeated: unclosed brackets, one sentence": lambda m: _repeat(
            "Doanh thu (năm 2019 (tăng 5%) ", m
        ),
    }
    for name, make_api in api_cases.items():
        half, _ = api_seconds(make_api(n // 2), args.repeat)
        whole, found = api_seconds(make_api(n), args.repeat)
        print(f"| `pipeline.extract`: {name} | {n:,} | {half:.2f} s | {whole:.2f} s "
              f"| {whole / max(half, 1e-9):.2f} | {found:,} | - |")  # fmt: skip
    n = max(2, int(80_000 * args.scale))
    with tempfile.TemporaryDirectory() as d:
        half, whole = html_seconds(n // 2, Path(d)), html_seconds(n, Path(d))
    print(f"| HTML page of {n:,} paragraphs (reading only) | {n * 30:,} bytes | {half:.2f} s | {whole:.2f} s "
          f"| {whole / max(half, 1e-9):.2f} | - | - |")  # fmt: skip


if __name__ == "__main__":
    main()
