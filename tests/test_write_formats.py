"""Outputs of `chiso extract`: Parquet and CSV round-trips through pandas, atomic files, the resume journal."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.write import COLUMNS, Output, OutputError, write_parquet

runner = CliRunner()
TEXTS = {"a": "Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch.", "b": "   ", "c": "Xã có 12 hộ nghèo."}


@pytest.fixture
def inputs(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(
        "\n".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in TEXTS.items()), encoding="utf-8"
    )
    return p


def _extract(*args: str) -> None:
    res = runner.invoke(app, ["extract", *args, "--workers", "1", "--quiet"])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_write_table_round_trips_through_pandas(tmp_path, inputs, fmt):
    _extract(str(inputs), "-o", str(tmp_path / "out.jsonl"))
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    out = tmp_path / f"out.{fmt}"
    _extract(str(inputs), "-o", str(out), "--keep-text")
    df = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
    assert list(df.columns) == COLUMNS
    assert list(df["id"]) == ["a", "a", "b", "c"]  # one row per indicator; b keeps one empty row
    assert df["kind"].isna().tolist() == [False, False, True, False]
    expected = [r for line in lines for r in line["indicators"]]
    got = df.dropna(subset=["kind"])
    assert got["text"].tolist() == [r["text"] for r in expected]
    assert got["value"].tolist() == [r["value"] for r in expected]
    assert got["start"].astype(int).tolist() == [r["start"] for r in expected]
    assert got["sentence_end"].astype(int).tolist() == [r["sentence"][1] for r in expected]
    assert got["unit"].tolist() == [r["unit"] for r in expected]
    assert df["document_text"].tolist()[0] == TEXTS["a"]
    assert not list(tmp_path.glob("*.partial*")) and not list(tmp_path.glob("*.tmp"))


def test_write_parquet_to_stdout_is_refused(inputs):
    res = runner.invoke(app, ["extract", str(inputs), "--format", "parquet"])
    assert res.exit_code == 2 and "-o" in res.stderr


def test_write_keep_text_in_jsonl_holds_the_offsets(tmp_path, inputs):
    out = tmp_path / "out.jsonl"
    _extract(str(inputs), "-o", str(out), "--keep-text")
    for line in out.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        assert all(d["text"][r["start"] : r["end"]] == r["text"] for r in d["indicators"])


def test_write_resume_drops_a_cut_line_and_counts_finished_documents(tmp_path):
    out = tmp_path / "out.jsonl"
    first = Output(out, "jsonl", settings={"x": 1})
    first.write({"id": "a"})
    first.write({"id": "b"})
    first.close()
    with open(tmp_path / "out.jsonl.partial", "a", encoding="utf-8") as f:
        f.write('{"id": "c", "indic')  # a kill in the middle of a line
    again = Output(out, "jsonl", resume=True, settings={"x": 1})
    assert again.done == 2
    again.write({"id": "c"})
    again.commit()
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a", "b", "c"]
    assert Output(out, "jsonl", resume=True, settings={"x": 1}).complete


def test_write_resume_with_other_settings_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    Output(out, "jsonl", settings={"x": 1}).close()
    with pytest.raises(OutputError, match="other inputs"):
        Output(out, "jsonl", resume=True, settings={"x": 2})


def test_write_parquet_takes_integers_beyond_exact_doubles(tmp_path):
    """Regression (4,240 news articles): `9.700.000.000.000.000` made pyarrow refuse the whole file."""
    rec = {"start": 0, "end": 9, "text": "9,7 triệu tỷ", "kind": "money", "value": 9700000000000000, "sentence": [0, 9]}
    write_parquet([{"id": "x", "source": "s", "indicators": [rec], "errors": []}], tmp_path / "x.parquet")
    assert pd.read_parquet(tmp_path / "x.parquet")["value"].tolist() == [9.7e15]
