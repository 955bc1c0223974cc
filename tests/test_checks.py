"""Consistency checks: the article's own arithmetic (ratio vs percent, parts vs total, change vs levels, shares, change rates)."""

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
        # a percent cut, not rounded, at the precision written: 13/83 = 15,66…%
        ("Ông chỉ được 13/83 đại biểu tín nhiệm (15,6%).", [("ratio_percent", True, ["13/83", "15,6%"])]),
        # a bound holds on its side: 47/80 = 58,75% is more than 52%
        ("Ông đạt 47/80 phiếu, chiếm hơn 52%.", [("ratio_percent", True, ["47/80", "52%"])]),
        # a percent of something else in the same sentence restates no ratio
        ("Tỉnh đạt 8/9 chỉ tiêu, thi công tuyến trên cao đạt 82% khối lượng.", []),
        ("Có 42/42 ứng viên đạt số phiếu tín nhiệm trên 50%.", []),
        ("Có 443/448 đại biểu tán thành (chiếm 91,53% tổng số đại biểu).", []),
        # some parts only (…), or names rather than counts: no sum
        ("Năm nay xảy ra 411 vụ cháy (2 vụ cháy lớn, 7 vụ cháy nghiêm trọng…).", []),
        # another change after the levels (thêm, và … sẽ): not the change between them
        ("Số điểm ùn tắc từ 38 vị trí đã giảm xuống còn 28 vị trí và dự kiến giảm thêm 4 vị trí.", []),
        # a rise over 100% of the old level reads as the new level's share of it
        (
            "Học phí tăng từ 70.000 đồng lên 165.000 đồng (tăng 235%).",
            [("change_levels", True, ["70.000 đồng", "165.000 đồng", "235%"])],
        ),
        # a part's share of a total written beside it (the part first, or the total and trong đó)
        (
            "Xã có 250 hộ, trong đó 30 hộ nghèo, chiếm 12%.",
            [("part_of_total", True, ["250", "30", "12%"])],
        ),
        (
            "Xã có 250 hộ, trong đó 30 hộ nghèo, chiếm 15%.",
            [("part_of_total", False, ["250", "30", "15%"])],
        ),
        (
            "Có 6 người trong tổng số 48 đại biểu được bầu lại, chiếm 12,5%.",
            [("part_of_total", True, ["6", "48", "12,5%"])],
        ),
        (
            "Tổng vốn là 400 tỷ đồng, trong đó vốn ngân sách là 25% (khoảng 100 tỷ đồng).",
            [("part_of_total", True, ["400 tỷ đồng", "25%", "100 tỷ đồng"])],
        ),
        # a part bounded below: its share only from below (hơn 7.000 of 10.000 is more than 70%)
        (
            "Có 10.000 người góp ý, trong đó hơn 7.000 người đồng ý (72%).",
            [("part_of_total", True, ["10.000", "7.000", "72%"])],
        ),
        # one of several parts, a percent of another clause or of another whole: no share
        ("Có 30 hộ khá và 6 hộ nghèo trong tổng số 48 hộ, chiếm 12,5%.", []),
        ("Tổng vốn 400 tỷ đồng, trong đó vốn ngân sách 25%, tổng tài sản 900 tỷ đồng.", []),
        ("Có 46 phiếu trong số 48 đại biểu có mặt (tỷ lệ 92%, tổng số đại biểu là 50).", []),
        ("Có 40 hộ, trong đó chỉ 4 hộ nghèo dù số hộ cận nghèo chiếm hơn 50%.", []),
        # a level, its change and the change as a percent of the level before (the level less a
        # rise, plus a fall), the percent and the amount in either order
        (
            "Năm nay có 250 vụ, tăng 50 vụ (tăng 25%) so với năm trước.",
            [("change_rate", True, ["250", "50", "25%"])],
        ),
        (
            "Năm nay có 250 vụ, tăng 50 vụ (tăng 20%) so với năm trước.",
            [("change_rate", False, ["250", "50", "20%"])],
        ),
        (
            "Xuất khẩu đạt 12 tỷ USD, giảm 20% (tương ứng giảm 3 tỷ USD).",
            [("change_rate", True, ["12 tỷ USD", "20%", "3 tỷ USD"])],
        ),
        (
            "Thu ngân sách đạt 660 tỷ đồng, vượt 60 tỷ đồng, vượt 10% dự toán.",
            [("change_rate", True, ["660 tỷ đồng", "60 tỷ đồng", "10%"])],
        ),
        # a rate of another kind, a share of another whole, another clause: no change rate
        ("Thu ngân sách đạt 660 tỷ đồng, vượt 60 tỷ đồng, tăng 32% so với năm trước.", []),
        ("Nợ công là 900 tỷ đồng, tăng 60 tỷ đồng, tương đương 0,3% GDP.", []),
        ("Doanh thu đạt 660 tỷ đồng, tăng 10% và lợi nhuận 60 tỷ đồng.", []),
        # a level, its change as a percent, and the level it was compared with in a bracket
        (
            "Lãi ròng đạt 802 tỷ đồng, tăng 49,3% so với năm 2015 (537 tỷ đồng).",
            [("change_from_before", True, ["802 tỷ đồng", "49,3%", "537 tỷ đồng"])],
        ),
        (
            "Lãi ròng đạt 802 tỷ đồng, tăng 59,3% so với năm 2015 (537 tỷ đồng).",
            [("change_from_before", False, ["802 tỷ đồng", "59,3%", "537 tỷ đồng"])],
        ),
        (
            "Lợi nhuận đạt 220,8 tỷ đồng, giảm 16,6% so với cùng kỳ năm trước (265 tỷ đồng).",
            [("change_from_before", True, ["220,8 tỷ đồng", "16,6%", "265 tỷ đồng"])],
        ),
        # parts listed after gồm (bao gồm) against their total, a closed list that adds up or exceeds it
        ("Xã có 300 hộ, gồm 120 hộ nghèo và 180 hộ cận nghèo.", [("parts_sum", True, ["300", "120", "180"])]),
        ("Xã có 300 hộ, bao gồm 120 hộ nghèo và 200 hộ cận nghèo.", [("parts_sum", False, ["300", "120", "200"])]),
        # parts listed after trong đó against their total
        (
            "Xã có 700 hộ dân, trong đó có 220 hộ được hỗ trợ, 80 hộ chưa được hỗ trợ và 400 hộ không thuộc diện.",
            [("parts_sum", True, ["700", "220", "80", "400"])],
        ),
        (
            "Xã có 700 hộ dân, trong đó có 220 hộ được hỗ trợ, 80 hộ chưa được hỗ trợ và 500 hộ không thuộc diện.",
            [("parts_sum", False, ["700", "220", "80", "500"])],
        ),
        (
            "Diện tích là 930 ha, trong đó khu đô thị mới 770 ha, khu tái định cư 160 ha.",
            [("parts_sum", True, ["930 ha", "770 ha", "160 ha"])],
        ),
        (
            "Sản lượng 28.000 tấn, trong đó 23.000 tấn cà phê bột, 5.000 tấn cà phê hòa tan và đã xuất khẩu 4.520 tấn.",
            [("parts_sum", True, ["28.000 tấn", "23.000 tấn", "5.000 tấn"])],
        ),
        # an open list may count one thing two ways; counts of several nouns, or only some parts: no sum
        ("Có 300 vụ, trong đó sân bay A là 150 vụ, sân bay B là 160 vụ, chuyến bay quốc tế là 170 vụ.", []),
        ("Có 117 trường hợp, trong đó 76 công nhân, 41 sinh viên, 39 nữ và 54 đảng viên.", []),
        ("Có 223 người tham dự, trong đó 176 uỷ viên chính thức, 20 uỷ viên dự khuyết.", []),
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
