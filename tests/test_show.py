"""`chiso show`: the article in the terminal, indicators highlighted by kind, records beneath."""

from __future__ import annotations

import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.outputs import KIND_COLORS, Article
from pipeline.show import highlighted, show

runner = CliRunner()
TEXT = "Năm 2023, toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch."


def table_cells() -> list[str]:
    """What the table beneath must show for TEXT, whatever the extractor's current concepts are."""
    r = pipeline.extract(TEXT)[0]
    return [r.concept or "", r.period or "", "count", "percent"]


@pytest.fixture()
def files(tmp_path):
    src = tmp_path / "tin.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return src, out


def test_show_highlight_styles_each_record_by_kind():
    recs = [{"start": 33, "end": 35, "kind": "count"}, {"start": 51, "end": 55, "kind": "percent"}]
    t = highlighted(TEXT, recs)
    assert t.plain == TEXT[:35] + "[1]" + TEXT[35:55] + "[2]" + TEXT[55:]
    styled = {(s.start, s.end): str(s.style) for s in t.spans if "on " in str(s.style)}
    assert styled == {
        (33, 35): f"bold #ffffff on {KIND_COLORS['count']}",
        (54, 58): f"bold #ffffff on {KIND_COLORS['percent']}",
    }
    assert t.plain[54:58] == "114%"


@pytest.mark.parametrize("which", ["text", "output"])
def test_show_cli_on_text_and_on_output(files, which):
    src, out = files
    res = runner.invoke(app, ["show", str(src if which == "text" else out), "--width", "240"])
    assert res.exit_code == 0, res.output
    assert "57[1] đảng viên" in res.stdout and "114%[2]" in res.stdout  # the text, numbered highlights
    assert all(cell in res.stdout for cell in table_cells())  # the table beneath
    assert "2 indicators" in res.stdout


def test_show_cli_id_selects_and_unknown_id_exits_2(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "Xã có 12 hộ nghèo."}, ensure_ascii=False) + "\n"
                   + json.dumps({"id": "y", "text": "Huyện có 40 xã."}, ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    res = runner.invoke(app, ["show", str(src), "--id", "y"])
    assert res.exit_code == 0 and "40" in res.stdout and "hộ nghèo" not in res.stdout
    res = runner.invoke(app, ["show", str(src), "--id", "z"])
    assert res.exit_code == 2 and "no document with id 'z'" in res.stderr


def test_show_output_whose_text_is_gone_lists_records_then_text_option_restores_it(files, tmp_path):
    src, out = files
    src.unlink()
    res = runner.invoke(app, ["show", str(out), "--width", "240"])
    assert res.exit_code == 0, res.output
    assert "text not found" in res.stdout and "57[1]" not in res.stdout
    assert all(cell in res.stdout for cell in table_cells())
    texts = tmp_path / "texts.jsonl"  # the article kept elsewhere, found by its id
    texts.write_text(json.dumps({"id": "tin", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["show", str(out), "--text", str(texts), "--width", "200"])
    assert res.exit_code == 0 and "57[1] đảng viên" in res.stdout
    res = runner.invoke(app, ["show", str(out), "--text", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2 and "nope.txt" in res.stderr


def test_show_text_that_does_not_fit_the_offsets_is_not_used(files):
    src, out = files
    src.write_text("Một văn bản khác hẳn, không khớp với các vị trí.", encoding="utf-8")
    res = runner.invoke(app, ["show", str(out), "--width", "200"])
    assert res.exit_code == 0 and "does not match the record offsets" in res.stdout


def test_show_empty_document_and_errors():
    console = Console(record=True, width=100)
    show([Article("e", "e.txt", [], text="", errors=["e.txt: not valid UTF-8"])], console)
    out = console.export_text()
    assert "no indicators" in out and "not valid UTF-8" in out and "0 indicators" in out


def test_show_all_kinds_adds_the_other_kinds_and_why(tmp_path):
    src = tmp_path / "tin.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner.invoke(app, ["show", str(src), "--all-kinds", "--width", "240"])
    assert res.exit_code == 0, res.output
    assert "2023[1]" in res.stdout and "2 indicators + 1 other number " in res.stdout and "┃ why" in res.stdout
    res = runner.invoke(app, ["show", str(src), "--width", "240"])
    assert "2023[1]" not in res.stdout and "why" not in res.stdout


@pytest.mark.parametrize(
    "record, label",
    [({"value": 57}, "57"), ({"value": 2023}, "2023"), ({"value": 3500000}, "3\u202f500\u202f000"),
     ({"value": 5, "value_max": 7}, "5–7"), ({"value": 13, "denominator": 21}, "13/21"),
     ({"value": 61.9, "comparator": ">"}, ">61.9"), ({"value": 1500.0, "comparator": "~"}, "~1500")],
)  # fmt: skip
def test_show_value_label(record, label):
    from pipeline.outputs import value_label

    assert value_label(record) == label


def test_show_reads_stdin():
    res = runner.invoke(app, ["show", "-", "--width", "240"], input=TEXT + "\n")
    assert res.exit_code == 0, res.output
    assert "stdin — 2 indicators" in res.stdout and "114%[2]" in res.stdout
