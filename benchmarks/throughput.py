"""Throughput of `chiso extract` against underthesea's word_tokenize over every paragraph of the same articles.

    .venv/bin/python benchmarks/throughput.py                  # first 500 articles of ../shared/corpora/news/articles.jsonl
    .venv/bin/python benchmarks/throughput.py --limit 0        # all of them
    .venv/bin/python benchmarks/throughput.py --profile 200    # also: where the time goes, per module

Prints characters per second of: underthesea.word_tokenize over every
paragraph (one core, models loaded); `chiso extract --workers 1` and
`--workers 2` as a user runs them (a fresh process: start-up included, and
also shown without it); the ratios the issue asks for; peak RSS per worker.
Each figure is the fastest of `--repeat` runs, taken in turns, so that a
burst of load from other processes on the machine does not decide a ratio.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "corpora" / "news" / "articles.jsonl"


def load(path: Path, limit: int) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        rows = (json.loads(line) for line in f if line.strip())
        return [{"id": r["id"], "text": r["text"]} for r in (islice(rows, limit) if limit else rows)]


def baseline(texts: list[str]) -> float:
    """Seconds for word_tokenize over every non-empty paragraph, models already loaded."""
    from underthesea import word_tokenize

    word_tokenize("Toàn huyện có 57 đảng viên.")
    t = time.perf_counter()
    for text in texts:
        for para in text.split("\n"):
            if para.strip():
                word_tokenize(para)
    return time.perf_counter() - t


def chiso(src: Path, out: Path, workers: int) -> tuple[float, str]:
    """Wall seconds of `chiso extract` in a fresh process, and its summary line."""
    cmd = [sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out), "--workers", str(workers)]
    t = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return time.perf_counter() - t, res.stderr.strip().splitlines()[-1]


def profile(texts: list[str]) -> None:
    """Own time per module of `pipeline.extract` over `texts`."""
    import pipeline

    pipeline.extract("Toàn huyện có 57 đảng viên.")
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        pipeline.extract(text)
    prof.disable()
    by_module: dict[str, float] = defaultdict(float)
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    for (filename, _, name), (_, _, own, _, _) in stats.items():
        if (
            "site-packages/underthesea" in filename
            or "underthesea" in name
            or name.startswith("<method 'process' of 'builtins.CRF")
        ):
            key = "underthesea (word_tokenize, CRF)"
        elif "/pipeline/" in filename:
            key = "pipeline/" + filename.rsplit("/pipeline/", 1)[1]
        else:
            key = "other (builtins, regex, stdlib)"
        by_module[key] += own
    total = sum(by_module.values())
    print(f"\nwhere the time goes in pipeline.extract ({len(texts)} articles, cProfile, own time per module):")
    for key, own in sorted(by_module.items(), key=lambda kv: -kv[1]):
        print(f"  {own / total:6.1%}  {own:7.2f} s  {key}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    ap.add_argument("--limit", type=int, default=500, help="first N articles (0: all)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each measure; the fastest counts")
    ap.add_argument("--profile", type=int, default=0, help="also profile extraction on this many articles")
    args = ap.parse_args()
    if not args.articles.exists():
        sys.exit(f"{args.articles} is absent: ../shared (the news corpus) is only present beside a checkout")
    rows = load(args.articles, args.limit)
    texts = [r["text"] for r in rows]
    chars = sum(len(t) for t in texts)
    print(f"{len(rows)} articles, {chars:,} characters, {sum(t.count(chr(10)) + 1 for t in texts):,} paragraphs")
    print(
        f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (other processes slow every figure)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        src, tiny = Path(tmp) / "articles.jsonl", Path(tmp) / "one.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        tiny.write_text(json.dumps({"id": "x", "text": "Toàn huyện có 57 đảng viên."}, ensure_ascii=False) + "\n")
        base = float("inf")
        walls: dict[int, float] = {1: float("inf"), 2: float("inf")}
        startups, summaries = dict(walls), {}
        for _ in range(args.repeat):
            base = min(base, baseline(texts))
            for w in (1, 2):
                startups[w] = min(startups[w], chiso(tiny, Path(tmp) / "one.out.jsonl", w)[0])
                wall, summaries[w] = chiso(src, Path(tmp) / f"out{w}.jsonl", w)
                walls[w] = min(walls[w], wall)
    print(f"underthesea.word_tokenize, every paragraph: {chars / base:>10,.0f} chars/s ({base:.1f} s)")
    speed = {w: chars / walls[w] for w in walls}
    for w, wall in walls.items():
        rss = re.search(r"peak RSS per worker ([\d,]+ MB)", summaries[w])
        print(
            f"chiso extract --workers {w}:              {speed[w]:>10,.0f} chars/s ({wall:.1f} s wall; "
            f"{chars / max(wall - startups[w], 1e-9):,.0f} chars/s without the {startups[w]:.1f} s start-up); "
            f"peak RSS per worker {rss.group(1) if rss else '?'}"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"ratio chiso --workers 1 / word_tokenize everything: {speed[1] * base / chars:.2f}x (target 3.0x)")
    print(f"ratio chiso --workers 2 / --workers 1:               {speed[2] / speed[1]:.2f}x (target 1.7x)")
    if args.profile:
        profile(texts[: args.profile])


if __name__ == "__main__":
    main()
