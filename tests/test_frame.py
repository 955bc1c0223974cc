"""`pipeline.to_dataframe`: records as a typed pandas DataFrame, from every form records come in."""

from __future__ import annotations

import doctest
import json

import pandas as pd
import pytest

import pipeline
import pipeline.frame
from pipeline.frame import COLUMNS, period_year

TEXT = "Năm 2023, toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch; 13/21 thôn có chi bộ."


@pytest.fixture(scope="module")
def records():
    return pipeline.extract(TEXT)


def test_frame_dtypes(records):
    df = pipeline.to_dataframe(records)
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS  # fields the code adds beyond SPEC come after
    dtypes = {c: str(t) for c, t in df.dtypes.items()}
    assert {dtypes[c] for c in ("start", "end", "sentence_start", "sentence_end", "period_year")} == {"Int64"}
    assert {dtypes[c] for c in ("value", "value_max", "denominator")} == {"Float64"}
    assert {dtypes[c] for c in ("id", "text", "unit", "concept", "period", "location")} == {"string"}
    assert {dtypes[c] for c in ("kind", "comparator", "change")} == {"category"}
    assert list(df["kind"].cat.categories[:6]) == ["count", "percent", "ratio", "money", "measure", "number"]


def test_frame_values(records):
    df = pipeline.to_dataframe(records)
    assert df["text"].tolist() == ["57", "114%", "13/21"]
    assert df["value"].tolist() == [57.0, 114.0, 13.0]
    assert df["denominator"].isna().tolist() == [True, True, False] and df["denominator"].iloc[2] == 21
    assert (df["period_year"] == 2023).all()
    assert df["id"].isna().all()  # bare records have no document


def test_frame_same_from_dicts_output_lines_and_path(records, tmp_path):
    dicts = [r.to_dict() for r in records]
    line = {"id": "d1", "source": "d1.txt", "indicators": dicts, "errors": []}
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    base = pipeline.to_dataframe(records).drop(columns=["id", "source"])
    for df in (pipeline.to_dataframe(dicts), pipeline.to_dataframe([line]), pipeline.to_dataframe(path)):
        pd.testing.assert_frame_equal(df.drop(columns=["id", "source"]), base)
    assert pipeline.to_dataframe(str(path))["id"].unique().tolist() == ["d1"]


def test_frame_empty_keeps_columns_and_dtypes():
    df = pipeline.to_dataframe([])
    assert list(df.columns) == COLUMNS and len(df) == 0
    assert str(df["value"].dtype) == "Float64" and str(df["kind"].dtype) == "category"


def test_frame_keeps_extra_fields_after_standard_columns():
    recs = [r.to_dict() for r in pipeline.extract("Ngày 26/02/2024, xã có 57 hộ.", all_kinds=True)]
    df = pipeline.to_dataframe(recs)
    assert "why" in df.columns[len(COLUMNS) :].tolist()
    assert "date" in set(df["kind"]) or df["why"].notna().any()


def test_frame_rejects_other_objects():
    with pytest.raises(TypeError, match="expected Indicator"):
        pipeline.to_dataframe([42])


@pytest.mark.parametrize(
    "period, year",
    [("năm 2023", 2023), ("6 tháng đầu năm 2024", 2024), ("quý I/2024", 2024), ("nhiệm kỳ 2020 - 2025", 2025),
     ("tháng trước", None), (None, None)],
)  # fmt: skip
def test_frame_period_year(period, year):
    assert period_year(period) == year


def test_frame_doctest():
    assert doctest.testmod(pipeline.frame).failed == 0
