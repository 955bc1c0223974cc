"""The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by `.ci/run`).

The report is opened with a small test script appended (it carries the report's own
CSP nonce, as the report's script does); it runs after load, drives the filter and
the sort like a user, and writes its findings into the DOM, which `--dump-dom` prints.
Skips with the reason when no Chromium is installed.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()

# Self-written sentences; the second article carries markup that must show as text and never run.
ARTICLES = [
    {"id": "a1", "text": "Năm 2023, toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch. Tỷ lệ hộ nghèo giảm 3,2%."},
    {
        "id": "evil",
        "text": "Xã có 12 hộ nghèo <script>window.__pwned = 'script'</script> và "
        '<img src=x onerror="window.__pwned = \'img\'"> với 35 km đường "><img src=y onerror=window.__pwned=1> '
        "và 1.500 hộ dân.",
    },
    {"id": "a3", "text": "Quý I/2024, doanh thu đạt 3,5 tỷ đồng, tăng 12% so với cùng kỳ; 320 hộ thoát nghèo."},
]

CHECKS = """
window.addEventListener("load", function () {
  setTimeout(function () {
    var r = {};
    var rows = function () { return Array.prototype.slice.call(document.querySelectorAll("#records-table tbody tr")); };
    var visible = function () { return rows().filter(function (x) { return !x.hidden; }).length; };
    r.marks = document.querySelectorAll("mark.indicator").length;
    r.marksByKind = {};
    document.querySelectorAll("mark.indicator").forEach(function (m) {
      r.marksByKind[m.dataset.kind] = (r.marksByKind[m.dataset.kind] || 0) + 1;
      if (!m.dataset.value || !m.hasAttribute("data-unit") || !m.dataset.tip) r.badMark = m.id;
    });
    r.rows = rows().length;
    var f = document.getElementById("filter");
    f.value = "HỘ NGHÈO";
    f.dispatchEvent(new Event("input"));
    r.filteredText = visible();
    r.shownText = document.getElementById("shown").textContent;
    f.value = "";
    f.dispatchEvent(new Event("input"));
    var k = document.getElementById("kind-filter");
    k.value = "percent";
    k.dispatchEvent(new Event("change"));
    r.filteredPercent = visible();
    k.value = "";
    k.dispatchEvent(new Event("change"));
    r.unfiltered = visible();
    var valueHead = Array.prototype.slice.call(document.querySelectorAll("#records-table th"))
      .filter(function (th) { return th.textContent === "value"; })[0];
    var col = valueHead.cellIndex;
    valueHead.click();
    r.sortedAsc = rows().map(function (x) { return parseFloat(x.cells[col].dataset.sort); });
    valueHead.click();
    r.sortedDesc = rows().map(function (x) { return parseFloat(x.cells[col].dataset.sort); });
    r.pwned = window.__pwned === undefined ? null : String(window.__pwned);
    r.alerted = window.__alerted || null;
    r.scripts = document.scripts.length;
    r.imgs = document.querySelectorAll("img").length;
    r.evilText = document.getElementById("doc-1").querySelector(".doc-text").textContent;
    var out = document.createElement("pre");
    out.id = "chiso-test-result";
    out.textContent = JSON.stringify(r);
    document.body.appendChild(out);
  }, 300);
});
window.alert = function (m) { window.__alerted = String(m); };
"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless Chromium: install Debian's `chromium` package (.ci/run does where apt-get is available)")


def chromium_cmd(profile: Path, *args: str) -> list[str]:
    """Headless Chromium that touches no network, with a fresh profile."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    flags += ["--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}"]
    return [chromium(), *flags, *args]


def open_in_chromium(html: Path, profile: Path) -> str:
    """The DOM of `html` after load and a few seconds of (virtual) time."""
    cmd = chromium_cmd(profile, "--virtual-time-budget=3000", "--dump-dom", html.as_uri())
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    chromium()  # skip before extracting when there is no browser
    d = tmp_path_factory.mktemp("report")
    src = d / "articles.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    out = d / "out.jsonl"
    res = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = d / "report.html"
    res = runner.invoke(app, ["report", str(out), "-o", str(html)])  # texts come back from each line's `source`
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    return html, lines


def test_report_browser_marks_filter_sort_and_no_script_runs(report, tmp_path):
    html, lines = report
    page = html.read_text(encoding="utf-8")
    nonce = re.search(r'<script nonce="([^"]+)">', page).group(1)
    checked = tmp_path / "checked.html"
    head, _, tail = page.rpartition("</body>")
    checked.write_text(f'{head}<script nonce="{nonce}">{CHECKS}</script></body>{tail}', encoding="utf-8")
    dom = open_in_chromium(checked, tmp_path / "profile")
    found = re.search(r'<pre id="chiso-test-result">(.*?)</pre>', dom, re.S)
    assert found, "the checks did not run: " + dom[-1500:]
    r = json.loads(html_lib.unescape(found.group(1)))

    records = [rec for line in lines for rec in line["indicators"]]
    assert len(records) >= 8
    # one highlighted element per record, of the record's kind, with value, unit and tooltip
    assert r["marks"] == len(records) == r["rows"]
    by_kind: dict[str, int] = {}
    for rec in records:
        by_kind[rec["kind"]] = by_kind.get(rec["kind"], 0) + 1
    assert r["marksByKind"] == by_kind
    assert "badMark" not in r
    # filtering: free text (case-insensitive) and kind
    fields = ("text", "unit", "concept", "reference", "period", "location", "kind", "change")
    shown = [" ".join(str(rec.get(f) or "") for f in fields).lower() for rec in records]
    expected = sum(1 for row in shown if "hộ" in row and "nghèo" in row)  # every word of the filter, anywhere
    assert 0 < r["filteredText"] == expected < len(records)
    assert r["shownText"] == f"{expected} of {len(records)} records shown"
    assert r["filteredPercent"] == by_kind["percent"]
    assert r["unfiltered"] == len(records)
    # sorting by value, both ways
    values = sorted(float(rec["value"]) for rec in records)
    assert r["sortedAsc"] == values and r["sortedDesc"] == values[::-1]
    # the article's markup is text: nothing ran, no element was made from it
    assert r["pwned"] is None and r["alerted"] is None
    assert r["imgs"] == 0 and r["scripts"] == 2  # the report's script and the checks
    assert "<script>window.__pwned = 'script'</script>" in r["evilText"]
    assert "<img src=x onerror=" in r["evilText"]


def test_report_browser_screenshot_renders(report, tmp_path):
    html, _ = report
    shot = tmp_path / "report.png"
    cmd = chromium_cmd(tmp_path / "profile", "--window-size=1000,800", f"--screenshot={shot}", html.as_uri())
    subprocess.run(cmd, capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
