"""`chiso table`: records aggregated per concept, period, location — kinds and units never pooled."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.frame import to_dataframe
from pipeline.table import aggregate, to_markdown

runner = CliRunner()


def rec(value, concept="hộ nghèo", period="năm 2023", location="xã A", kind="count", unit="hộ", **kw):
    return {"start": 0, "end": 1, "text": str(value), "kind": kind, "value": value, "value_max": None,
            "denominator": None, "unit": unit, "comparator": "=", "change": None, "concept": concept,
            "reference": None, "period": period, "location": location, "sentence": [0, 1], **kw}  # fmt: skip


LINES = [
    {"id": "a", "source": "a.txt", "errors": [], "indicators": [rec(120), rec(12.5, kind="percent", unit="%")]},
    {"id": "b", "source": "b.txt", "errors": [], "indicators": [rec(100, period="năm 2024"), rec(130)]},
    {"id": "c", "source": "c.txt", "errors": [], "indicators": [rec(90, period="6 tháng đầu năm 2022"), rec(7, location=None)]},
]  # fmt: skip


@pytest.fixture()
def out(tmp_path):
    p = tmp_path / "out.jsonl"
    p.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES), encoding="utf-8")
    return p


def test_table_aggregates_per_key_in_time_order():
    t = aggregate(to_dataframe(LINES), ["concept", "period", "location"])
    rows = t[["period", "location", "kind", "records", "documents", "value_min", "value_median", "value_max"]]
    got = [tuple(None if pd.isna(v) else v for v in r) for r in rows.itertuples(index=False)]
    assert got == [  # periods in time order; kinds apart; a missing location after the present ones
        ("6 tháng đầu năm 2022", "xã A", "count", 1, 1, 90, 90, 90),
        ("năm 2023", "xã A", "count", 2, 2, 120, 125, 130),
        ("năm 2023", "xã A", "percent", 1, 1, 12.5, 12.5, 12.5),
        ("năm 2023", None, "count", 1, 1, 7, 7, 7),
        ("năm 2024", "xã A", "count", 1, 1, 100, 100, 100),
    ]
    # percent and count of the same concept never share a row
    assert set(t.loc[t["period"] == "năm 2023", "kind"]) == {"count", "percent"}
    assert t["records"].sum() == 6
    assert (
        t.loc[(t["period"] == "năm 2023") & (t["kind"] == "count") & (t["location"] == "xã A"), "ids"].item() == "a b"
    )


def test_table_keys_ignore_case_and_spacing_and_undated_periods_come_last():
    lines = [
        {"id": "a", "source": "a", "errors": [], "indicators": [rec(1, period="Năm 2023"), rec(2, period="hiện nay")]},
        {"id": "b", "source": "b", "errors": [], "indicators": [rec(3, period="năm  2023"), rec(4, period=None)]},
        {"id": "c", "source": "c", "errors": [], "indicators": [rec(5, period="năm 2021", location="Xã a")]},
    ]
    t = aggregate(to_dataframe(lines), ["period", "location"])
    got = [(None if pd.isna(p) else p, r) for p, r in zip(t["period"], t["records"], strict=True)]
    assert got == [("năm 2021", 1), ("Năm 2023", 2), ("hiện nay", 1), (None, 1)]
    assert t["location"].tolist()[0] == "Xã a"


def test_table_rejects_unknown_key():
    with pytest.raises(ValueError, match="cannot group by colour"):
        aggregate(to_dataframe(LINES), ["colour"])


def test_table_empty_archive_has_header_only():
    t = aggregate(to_dataframe([]), ["concept"])
    assert len(t) == 0 and list(t.columns[:3]) == ["concept", "kind", "unit"]


def test_table_markdown_escapes_pipes():
    md = to_markdown(pd.DataFrame({"concept": ["a|b"], "value": [3.0]}))
    assert md.splitlines() == ["| concept | value |", "|---|---|", "| a\\|b | 3 |"]


@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_table_cli_text_formats(out, fmt):
    res = runner.invoke(app, ["table", str(out), "--by", "concept,period", "--format", fmt])
    assert res.exit_code == 0, res.output
    first = res.stdout.splitlines()[0]
    assert first.startswith(
        "concept,period,kind,unit,records" if fmt == "csv" else "| concept | period | kind | unit |"
    )
    assert "năm 2024" in res.stdout


def test_table_cli_parquet(out, tmp_path):
    target = tmp_path / "t.parquet"
    res = runner.invoke(app, ["table", str(out), "--format", "parquet", "-o", str(target)])
    assert res.exit_code == 0, res.output
    back = pd.read_parquet(target)
    assert back["records"].sum() == 6 and list(back.columns[:3]) == ["concept", "period", "location"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "parquet"], "needs -o"),
        (["--format", "xlsx"], "unknown format"),
        (["--by", "colour"], "cannot group"),
    ],
)
def test_table_cli_errors_exit_2(out, args, message):
    res = runner.invoke(app, ["table", str(out), *args])
    assert res.exit_code == 2 and message in res.stderr


def test_table_cli_extracts_text_inputs_on_the_fly(tmp_path):
    src = tmp_path / "tin.txt"
    src.write_text("Năm 2023, xã có 57 đảng viên. Năm 2024, xã có 61 đảng viên.", encoding="utf-8")
    res = runner.invoke(app, ["table", str(src), "--by", "period", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert [line.split(",")[0] for line in res.stdout.splitlines()[1:]] == ["Năm 2023", "Năm 2024"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_reads_extract_csv_and_parquet_outputs_like_jsonl(tmp_path, fmt):
    from pipeline.outputs import load_articles

    src = tmp_path / "tin.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Năm 2023, xã có 57 đảng viên, đạt 114% kế hoạch."}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "b", "text": "Không có số."}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "c", "text": "Quý I/2024, doanh thu đạt 3,5 tỷ đồng."}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    outs = {}
    for f in ("jsonl", fmt):
        outs[f] = tmp_path / f"out.{f}"
        res = runner.invoke(app, ["extract", str(src), "-o", str(outs[f]), "--format", f])
        assert res.exit_code == 0, res.output
    want = [a.__dict__ for a in load_articles([outs["jsonl"]])]
    assert [a.__dict__ for a in load_articles([outs[fmt]])] == want
    assert [len(a["records"]) for a in want] == [2, 0, 1] and all(a["text"] for a in want)
    res = runner.invoke(app, ["table", str(outs[fmt]), "--by", "period"])
    assert res.exit_code == 0 and "Quý I/2024" in res.stdout


def test_table_period_norm_pools_the_ways_a_period_is_written():
    lines = [
        {"id": "a", "source": "a", "errors": [], "indicators": [rec(1, period="Quý I/2024", period_norm="2024-Q1")]},
        {
            "id": "b",
            "source": "b",
            "errors": [],
            "indicators": [rec(3, period="quý 1 năm 2024", period_norm="2024-Q1")],
        },
        {"id": "c", "source": "c", "errors": [], "indicators": [rec(5, period="năm 2023", period_norm="2023")]},
    ]
    t = aggregate(to_dataframe(lines), ["concept", "period_norm"])
    assert t["period_norm"].tolist() == ["2023", "2024-Q1"] and t["records"].tolist() == [1, 2]
    assert t["value_median"].tolist() == [5, 2]
