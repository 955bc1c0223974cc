"""`chiso report` as HTML text: one mark per record, everything escaped, nothing loaded from a network.

The same report in a real browser: tests/test_report_browser.py.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.html_report import highlighted_html, render_report
from pipeline.outputs import Article

runner = CliRunner()
EVIL = 'Xã có 12 hộ <script>alert(1)</script> và <img src=x onerror="alert(2)"> "><b>35 km</b> đường.'


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(html)
    return p.tags


def record(start, end, text, kind="count", **kw):
    base = {"start": start, "end": end, "text": text, "kind": kind, "value": 1, "value_max": None, "denominator": None,
            "unit": None, "comparator": "=", "change": None, "concept": None, "reference": None, "period": None,
            "location": None, "sentence": [0, 0]}  # fmt: skip
    return {**base, **kw}


def test_report_marks_escape_text_and_attributes():
    s = EVIL.index("12")
    k = EVIL.index("35 km")
    recs = [
        record(s, s + 2, "12", value=12, unit="hộ", concept='<img src=y onerror="alert(3)">'),
        record(k, k + 5, "35 km", kind="measure", value=35, unit="km", concept='">'),
    ]
    html = highlighted_html(EVIL, recs, 0)
    found = tags(html)
    assert [t for t, _ in found] == ["mark", "mark"]  # nothing from the article became an element
    assert [a["data-kind"] for _, a in found] == ["count", "measure"]
    assert [(a["data-value"], a["data-unit"]) for _, a in found] == [("12", "hộ"), ("35", "km")]
    assert 'concept: <img src=y onerror="alert(3)">' in found[0][1]["title"]  # tooltip: all fields, as text
    assert "start: " in found[0][1]["title"] and "sentence: [0, 0]" in found[0][1]["title"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html


def test_report_one_element_per_record_even_when_records_overlap():
    text = "tăng 3 triệu 150 ngàn lượt khách"
    recs = [record(5, 21, "3 triệu 150 ngàn"), record(13, 32, "150 ngàn lượt khách"), record(5, 12, "3 triệu")]
    html = highlighted_html(text, recs, 0)
    assert html.count('<mark class="indicator"') == 3 and html.count("</mark>") == 3
    assert re.sub(r"<[^>]+>", "", html) == text  # the text is intact around the marks


def test_report_page_is_self_contained_and_locked_down():
    art = Article("evil", "evil.txt", [record(EVIL.index("12"), EVIL.index("12") + 2, "12")], text=EVIL)
    page = render_report([art], title="<b>t</b>")
    found = tags(page)
    scripts = [a for t, a in found if t == "script"]
    assert len(scripts) == 1 and "src" not in scripts[0]  # the report's own inline script, nothing else
    nonce = scripts[0]["nonce"]
    csp = next(a["content"] for t, a in found if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and f"script-src 'nonce-{nonce}'" in csp
    assert not [a for t, a in found if t in ("link", "img", "iframe", "object")]
    assert not re.search(r'(src|href)="(https?:)?//', page)  # no network fetch anywhere
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page


def test_report_summary_counts_kinds_concepts_periods():
    recs = [
        record(0, 1, "1", concept="doanh thu", period="năm 2023"),
        record(2, 3, "2", kind="percent", concept="doanh thu", period="năm 2024"),
        record(4, 5, "3", concept="hộ nghèo", period="năm 2023"),
    ]
    page = render_report([Article("d", "d.txt", recs, text="1 2 3")])
    by_kind = re.search(r'<table class="summary" id="by-kind">(.*?)</table>', page, re.S).group(1)
    assert re.findall(r">(count|percent)</span></td><td class=\"num\">(\d+)<", by_kind) == [
        ("count", "2"),
        ("percent", "1"),
    ]
    concepts = re.search(r'<ol class="concepts" id="top-concepts">(.*?)</ol>', page, re.S).group(1)
    assert re.findall(r'<span class="num">(\d+)</span> ([^<]+)</li>', concepts) == [
        ("2", "doanh thu"),
        ("1", "hộ nghèo"),
    ]
    chart = re.search(r'<svg id="period-chart".*?</svg>', page, re.S).group(0)
    assert [t for t in re.findall(r'text-anchor="end">([^<]+)<', chart)] == ["năm 2023", "năm 2024"]


@pytest.fixture()
def out(tmp_path):
    src = tmp_path / "tin.jsonl"
    src.write_text(json.dumps({"id": "t1", "text": "Năm 2023, xã có 57 đảng viên, đạt 114% kế hoạch."}, ensure_ascii=False)
                   + "\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["extract", str(src), "-o", str(out)]).exit_code == 0
    return out


def test_report_cli_writes_file_with_text_from_source(out, tmp_path):
    target = tmp_path / "r.html"
    res = runner.invoke(app, ["report", str(out), "-o", str(target), "--title", "Tin xã"])
    assert res.exit_code == 0, res.output
    assert "1 document, 2 indicators" in res.stderr
    page = target.read_text(encoding="utf-8")
    assert page.count('<mark class="indicator"') == 2 and "<title>Tin xã</title>" in page


def test_report_cli_missing_input_exits_2(tmp_path):
    res = runner.invoke(app, ["report", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "nope.jsonl" in res.stderr


def test_report_cli_bad_output_line_exits_2(tmp_path):
    bad = tmp_path / "out.jsonl"
    bad.write_text('{"id": "a", "source": "a.txt", "indicators": [], "errors": []}\nnot json\n', encoding="utf-8")
    res = runner.invoke(app, ["report", str(bad), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "out.jsonl:2: not JSON" in res.stderr


def test_report_finds_relative_source_beside_the_output(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    lines = [{"id": f"d{i}", "text": f"Năm 202{i}, xã có {10 + i} hộ nghèo."} for i in range(5)]
    (work / "in.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    monkeypatch.chdir(work)
    assert runner.invoke(app, ["extract", "in.jsonl", "-o", "out.jsonl"]).exit_code == 0
    monkeypatch.chdir(tmp_path)  # `source` says in.jsonl:N, relative to where extract ran
    res = runner.invoke(app, ["report", "work/out.jsonl", "-o", "r.html"])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count('<mark class="indicator"') == 5 and "text not found" not in page


class TextAndMarks(HTMLParser):
    """The character data of an HTML fragment (entities decoded) and its start tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.starts: list[str] = []
        self.depth = 0
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        self.starts.append(tag)
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1
        self.balanced &= self.depth >= 0

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from([*"ab <>&\"'/=\n", "<script>", "</mark>", "ệ", "&amp;", "𝟙"]), max_size=30).map(
        "".join
    ),
    cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
)
@example(text="aaaa", cuts=[(0, 2), (1, 3), (1, 4)])  # a mark crossing two placed ones once came out inverted
def test_report_highlight_keeps_any_text_exact_with_one_mark_per_record(text, cuts):
    spans = sorted({(min(a, b), max(a, b)) for a, b in cuts if min(a, b) < max(a, b) <= len(text)})
    recs = [record(s, e, text[s:e]) for s, e in spans]
    p = TextAndMarks()
    p.feed(highlighted_html(text, recs, 0))
    p.close()
    assert "".join(p.text) == text  # every character shows, as text, in order
    assert p.starts == ["mark"] * len(recs) and p.depth == 0 and p.balanced
