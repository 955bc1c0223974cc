"""Consistency checks: the article's own arithmetic (ratio vs percent, parts vs total, change vs levels)."""

import json

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.checks import consistency_checks
from pipeline.cli import app


def checks_of(text):
    recs = [r.to_dict() for r in pipeline.extract(text)]
    return [(c["type"], c["ok"], [recs[i]["text"] for i in c["records"]]) for c in consistency_checks(text, recs)]


def test_checks_seed_ratio_and_percent_agree(seed_gold):
    text = json.loads(seed_gold.read_text(encoding="utf-8").splitlines()[0])["text"]
    got = checks_of(text)
    assert ("ratio_percent", True, ["21/21", "100%"]) in got
    assert ("ratio_percent", True, ["13/21", "61,9%"]) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Có 13/21 đồng chí là bí thư kiêm trưởng thôn, chiếm 61,9%.", [("ratio_percent", True, ["13/21", "61,9%"])]),
        ("Có 13/21 đồng chí là bí thư kiêm trưởng thôn, chiếm 71,9%.", [("ratio_percent", False, ["13/21", "71,9%"])]),
        ("Có 2/3 số xã đạt chuẩn, chiếm 67%.", [("ratio_percent", True, ["2/3", "67%"])]),
        (
            "Tỉnh có 27 đơn vị hành chính cấp huyện (24 huyện, một thị xã và hai thành phố).",
            [("parts_sum", True, ["27", "24", "một", "hai"])],
        ),
        (
            "Tỉnh có 28 đơn vị hành chính cấp huyện (24 huyện, một thị xã và hai thành phố).",
            [("parts_sum", False, ["28", "24", "một", "hai"])],
        ),
        (
            "Doanh thu tăng từ 200 tỷ đồng lên 250 tỷ đồng, tăng 25%.",
            [("change_levels", True, ["200 tỷ đồng", "250 tỷ đồng", "25%"])],
        ),
        (
            "Số đơn vị giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị.",
            [("change_levels", False, ["401", "208", "121"])],
        ),
        ("Năm nay xã có 57 đảng viên mới, đạt 114% kế hoạch.", []),
    ],
)
def test_checks_examples(text, expected):
    assert checks_of(text) == expected


def test_checks_cli_lists_failing_checks_of_an_archive(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "good", "text": "Có 13/21 xã đạt chuẩn, chiếm 61,9%."},
        {"id": "bad", "text": "Có 13/21 xã đạt chuẩn, chiếm 71,9%."},
    ]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(src), "-o", str(out)]).exit_code == 0
    res = runner.invoke(app, ["checks", str(out)])
    assert res.exit_code == 0
    assert "bad" in res.stdout and "good" not in res.stdout and "71,9%" in res.stdout
    assert "2 checks, 1 failing" in res.stderr
