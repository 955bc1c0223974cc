"""Regenerate the screenshots in docs/ from the seed article (needs ../shared and Debian's `chromium`).

    .venv/bin/python docs/make_screenshots.py

Writes docs/report-seed.png (top of the report), docs/report-seed-text.png (the
article with one indicator's tooltip open) and docs/show-seed.png (`chiso show`
on the seed, as rich renders it, 120 columns).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from pipeline.html_report import render_report
from pipeline.outputs import load_articles
from pipeline.show import show

DOCS = Path(__file__).resolve().parent
SEED = DOCS.parent.parent / "shared" / "corpora" / "seed" / "ia-hdrai-2024-02-26.txt"
# show the article alone, one indicator focused so its tooltip (all fields) is open
FOCUS = """
["summary", "records"].forEach(function (id) { document.getElementById(id).hidden = true; });
document.querySelector("header").hidden = true;
document.querySelectorAll("mark.indicator")[4].focus({preventScroll: true});
"""
# `chiso show` as a dark terminal, in a local monospace font that has the precomposed Vietnamese letters
TERMINAL = """<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="margin:0;background:#1e1e1e;color:#d4d4d4">
<pre style="margin:0;padding:12px;font:15px/19px 'Liberation Mono',Menlo,Consolas,monospace">{code}</pre>
</body></html>"""


def chromium(profile: Path, *args: str) -> None:
    exe = shutil.which("chromium") or sys.exit("install Debian's chromium package first")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}"]  # fmt: skip
    subprocess.run([exe, *flags, *args], check=True, capture_output=True, timeout=120)


def main() -> None:
    if not SEED.exists():
        sys.exit(f"{SEED} is absent")
    articles = load_articles([SEED])
    for a in articles:  # a path that reads the same on every machine
        a.source = "../shared/corpora/seed/ia-hdrai-2024-02-26.txt"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        page = render_report(articles, title="chiso report — seed article", generated_from="seed.jsonl")
        page = re.sub(r" · generated [^<]*? from", " · from", page)
        (t / "report.html").write_text(page, encoding="utf-8")
        chromium(
            t / "p1",
            "--window-size=1280,1500",
            f"--screenshot={DOCS / 'report-seed.png'}",
            (t / "report.html").as_uri(),
        )
        nonce = re.search(r'<script nonce="([^"]+)">', page).group(1)  # type: ignore[union-attr]
        head, _, tail = page.rpartition("</body>")
        (t / "focus.html").write_text(f'{head}<script nonce="{nonce}">{FOCUS}</script></body>{tail}', encoding="utf-8")
        chromium(t / "p2", "--window-size=1280,1260", "--virtual-time-budget=1000",
                 f"--screenshot={DOCS / 'report-seed-text.png'}", (t / "focus.html").as_uri())  # fmt: skip

        console = Console(record=True, width=120, force_terminal=True, color_system="truecolor", file=io.StringIO())
        show(articles, console)
        lines = console.export_text(clear=False).count("\n") + 2
        body = console.export_html(inline_styles=True, code_format=TERMINAL)
        (t / "show.html").write_text(body, encoding="utf-8")
        chromium(t / "p3", f"--window-size=1090,{lines * 19 + 30}", f"--screenshot={DOCS / 'show-seed.png'}",
                 (t / "show.html").as_uri())  # fmt: skip
    for name in ("report-seed.png", "report-seed-text.png", "show-seed.png"):
        print(DOCS / name, (DOCS / name).stat().st_size)


if __name__ == "__main__":
    main()
