"""The JSON Schema of `chiso extract` output (models/schema/) checked against real output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.outputs import output_schema

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra: pip install -e '.[test]'")
runner = CliRunner()

# Self-written sentences covering every kind, ranges, comparators, changes, an empty document.
ARTICLES = [
    {"id": "kinds", "text": "Năm 2023, xã có 1.500 hộ nghèo, chiếm 12,5% số hộ; 13/21 thôn đạt chuẩn."},
    {
        "id": "money",
        "text": "Quý I/2024, doanh thu đạt hơn 3,5 tỷ đồng, tăng 12% so với cùng kỳ; trồng mới 2.500 ha rừng.",
    },
    {
        "id": "range",
        "text": "Tỉnh Kon Tum phấn đấu giảm từ 2 đến 3% hộ nghèo mỗi năm; khoảng 35 km đường được làm mới.",
    },
    {"id": "empty", "text": ""},
]


def validator():
    schema = output_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def extract_lines(tmp_path: Path, *args: str) -> tuple[list[dict], dict[str, str]]:
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    res = runner.invoke(app, ["extract", str(src), *args])
    assert res.exit_code == 0, res.output
    return [json.loads(x) for x in res.stdout.splitlines() if x.strip()], {a["id"]: a["text"] for a in ARTICLES}


def assert_valid(lines: list[dict], texts: dict[str, str]) -> None:
    v = validator()
    for line in lines:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(line)]
        assert not errors, errors
        text = texts[line["id"]]
        for r in line["indicators"]:  # what the schema cannot say
            assert text[r["start"] : r["end"]] == r["text"]
            s, e = r["sentence"]
            assert s <= r["start"] < r["end"] <= e <= len(text)


@pytest.mark.parametrize("args", [[], ["--all-kinds"]], ids=["indicators", "all-kinds"])
def test_schema_accepts_real_output(tmp_path, args):
    lines, texts = extract_lines(tmp_path, *args)
    assert {r["kind"] for line in lines for r in line["indicators"]} >= {
        "count",
        "percent",
        "ratio",
        "money",
        "measure",
    }
    assert_valid(lines, texts)


def test_schema_accepts_seed_output(tmp_path):
    from conftest import shared_path

    seed = shared_path("corpora", "seed", "ia-hdrai-2024-02-26.txt")
    res = runner.invoke(app, ["extract", str(seed)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(lines[0]["indicators"]) >= 10
    assert_valid(lines, {lines[0]["id"]: seed.read_text(encoding="utf-8-sig")})


@pytest.mark.parametrize(
    "change, why",
    [
        ({"kind": "bogus"}, "an indicator kind outside SPEC section 1"),
        ({"comparator": "≈"}, "an unknown comparator"),
        ({"value": None}, "a record without a value"),
        ({"sentence": [0]}, "a sentence that is not a pair"),
        ({"change": "up"}, "an unknown change"),
    ],
)
def test_schema_rejects_broken_records(change, why):
    record = {"start": 0, "end": 2, "text": "57", "kind": "count", "value": 57, "value_max": None,
              "denominator": None, "unit": "đảng viên", "comparator": "=", "change": None, "concept": None,
              "reference": None, "period": None, "location": None, "sentence": [0, 10]}  # fmt: skip
    line = {"id": "x", "source": "x.txt", "indicators": [record], "errors": []}
    assert validator().is_valid(line)
    line["indicators"] = [{**record, **change}]
    assert not validator().is_valid(line), why


def test_schema_rejects_line_without_indicators():
    assert not validator().is_valid({"id": "x", "source": "x.txt", "errors": []})
