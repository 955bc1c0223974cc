import json

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def _lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def test_cli_extract_missing_file_exits_2_with_one_line(tmp_path):
    res = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "nope.txt" in res.stderr


def test_cli_extract_empty_and_bad_utf8_documents_do_not_stop_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text("Huyện có 57 đảng viên.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\xfa bad \xc3")
    (tmp_path / "d.txt").write_text("Xã có 12 hộ nghèo.", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path)])
    assert res.exit_code == 0, res.output
    docs = {d["id"]: d for d in _lines(res.stdout)}
    assert list(docs) == ["a", "b", "c", "d"]
    assert [r["value"] for r in docs["a"]["indicators"]] == [57]
    assert docs["b"]["indicators"] == [] and docs["b"]["errors"] == []
    assert docs["c"]["indicators"] == [] and docs["c"]["errors"]
    assert docs["d"]["indicators"][0]["unit"] == "hộ nghèo"


def test_cli_extract_jsonl_keeps_ids_and_order(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": i, "text": f"Có {n} xã."}, ensure_ascii=False) for i, n in [("z", 3), ("a", 4)]),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert res.exit_code == 0
    docs = _lines(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in docs] == ["z", "a"]
    assert [d["indicators"][0]["value"] for d in docs] == [3, 4]


def test_cli_evaluate_json_last_line(tmp_path):
    text = "Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch."
    gold = {
        "id": "x",
        "text": text,
        "indicators": [
            {"start": 23, "end": 25, "kind": "count", "value": 57, "unit": "đảng viên", "comparator": "="},
            {"start": 41, "end": 45, "kind": "percent", "value": 114, "unit": "%", "comparator": "="},
        ],
    }
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    res = runner.invoke(app, ["evaluate", str(p), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout.strip().splitlines()[-1])
    assert report["strict"]["f1"] == 1.0
    for key in ("strict", "detection"):
        assert set(report[key]) >= {"precision", "recall", "f1"}
    assert "field_accuracy" in report and "concept_f1" in report and "period_f1" in report
