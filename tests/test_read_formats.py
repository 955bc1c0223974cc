"""Every input format of `chiso extract`: folders, text, HTML, JSON Lines, JSON, CSV, Parquet, archives, stdin."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile

import pandas as pd
import pytest

from pipeline.read import read_inputs
from pipeline.sources import InputError

ARTICLE = "Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch."
RECORDS = [{"id": "z", "text": "Có 3 xã."}, {"id": "a", "text": "Có 4 thôn."}]


def _docs(*paths, **kwargs) -> list:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def test_read_folder_is_recursive_sorted_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("Có 1 xã.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Có 2 xã.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    docs = _docs(tmp_path)
    assert [(d.id, d.text) for d in docs] == [("a", "Có 2 xã."), ("b/x", "Có 1 xã.")]
    assert docs[1].source == str(tmp_path / "b" / "x.txt")


def test_read_html_main_text(tmp_path):
    page = tmp_path / "p.html"
    body = "".join(f"<p>{ARTICLE} Đoạn {i} nói về kinh tế của huyện trong năm 2024.</p>" for i in range(5))
    page.write_text(
        f"<html><head><title>T</title></head><body><nav>Trang chủ | Liên hệ</nav><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    [doc] = _docs(page)
    assert doc.id == "p" and doc.errors == []
    assert ARTICLE in doc.text and "<p>" not in doc.text


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_read_json_records_keep_ids_and_order(tmp_path, suffix):
    p = tmp_path / f"in{suffix}"
    if suffix == ".jsonl":
        p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n\n", encoding="utf-8")
    else:
        p.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    docs = _docs(p)
    assert [(d.id, d.text, d.source) for d in docs] == [("z", "Có 3 xã.", f"{p}:1"), ("a", "Có 4 thôn.", f"{p}:2")]


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_read_tables_with_custom_fields(tmp_path, suffix):
    p = tmp_path / f"t{suffix}"
    df = pd.DataFrame({"doc": [7, 8], "body": ["Có 3 xã.", "Có 4 thôn."], "other": ["x", "y"]})
    if suffix == ".csv":
        df.to_csv(p, index=False)
    elif suffix == ".parquet":
        df.to_parquet(p)
    else:
        df.to_json(p, orient="records", lines=True, force_ascii=False)
    docs = _docs(p, id_field="doc", text_field="body")
    assert [(d.id, d.text) for d in docs] == [("7", "Có 3 xã."), ("8", "Có 4 thôn.")]


def test_read_record_without_text_field_is_an_error_and_without_id_gets_line_number(tmp_path):
    p = tmp_path / "t.csv"
    pd.DataFrame({"text": ["Có 3 xã."], "x": [1]}).to_csv(p, index=False)
    [doc] = _docs(p)
    assert doc.id == "t:1" and doc.text == "Có 3 xã."
    [bad] = _docs(p, text_field="body")
    assert bad.text is None and "body" in bad.errors[0]


def _archive_members() -> dict[str, bytes]:
    return {
        "news/a.txt": ARTICLE.encode("utf-8"),
        "news/b.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode("utf-8"),
        "news/readme.bin": b"\x00\x01",
    }


@pytest.mark.parametrize("kind", ["zip", "tar.gz", "tar.bz2"])
def test_read_archives_in_place(tmp_path, kind):
    p = tmp_path / f"dump.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(p, "w") as z:
            for name, data in _archive_members().items():
                z.writestr(name, data)
    else:
        with tarfile.open(p, "w:" + kind.split(".")[1]) as t:
            for name, data in _archive_members().items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    docs = _docs(p)
    assert [(d.id, d.source) for d in docs] == [
        ("news/a", f"{p}!news/a.txt"),
        ("z", f"{p}!news/b.jsonl:1"),
        ("a", f"{p}!news/b.jsonl:2"),
    ]
    assert docs[0].text == ARTICLE


def test_read_broken_archive_is_an_error_document(tmp_path):
    p = tmp_path / "broken.zip"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    [doc] = _docs(p)
    assert doc.text is None and "cannot read archive" in doc.errors[0]


@pytest.mark.parametrize(
    ("data", "fmt", "expected"),
    [
        (ARTICLE.encode("utf-8"), None, [("stdin", ARTICLE)]),
        (
            b"\n" + "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode("utf-8"),
            None,
            [("z", "Có 3 xã."), ("a", "Có 4 thôn.")],
        ),
        (b'{"not": "sniffed"}', "txt", [("stdin", '{"not": "sniffed"}')]),
    ],
)
def test_read_stdin(monkeypatch, data, fmt, expected):
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)))
    monkeypatch.setattr("sys.stdin", stdin)
    docs = list(read_inputs(["-"], input_format=fmt))
    assert [(d.id, d.text) for d in docs] == expected


def test_read_input_format_overrides_the_suffix(tmp_path):
    p = tmp_path / "dump.data"
    p.write_text(json.dumps(RECORDS[0], ensure_ascii=False), encoding="utf-8")
    assert [d.id for d in _docs(p, input_format="jsonl")] == ["z"]
    assert [d.id for d in _docs(p)] == ["dump"]


def test_read_missing_input_raises_before_reading(tmp_path):
    with pytest.raises(InputError, match="nope"):
        read_inputs([str(tmp_path / "nope.txt")])


def test_read_input_format_applies_to_unknown_members_of_archives(tmp_path):
    p = tmp_path / "dump.zip"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a.dat", json.dumps(RECORDS[0], ensure_ascii=False))
        z.writestr("b.txt", ARTICLE)
    assert [d.id for d in _docs(p)] == ["b"]
    assert [d.id for d in _docs(p, input_format="jsonl")] == ["z", "b"]


def test_cli_html_keep_text_offsets_point_into_the_extracted_text(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    page = tmp_path / "p.html"
    body = "".join(f"<p>{ARTICLE} Đoạn {i} nói về kinh tế của huyện.</p>" for i in range(4))
    page.write_text(f"<html><body><nav>Menu</nav><article>{body}</article></body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(page), "-o", str(out), "--keep-text", "--workers", "1", "--quiet"])
    assert res.exit_code == 0, res.output
    [doc] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert doc["indicators"] and "<p>" not in doc["text"]
    assert all(doc["text"][r["start"] : r["end"]] == r["text"] for r in doc["indicators"])


def test_read_csv_empty_id_cell_falls_back_to_the_row_number(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("id,text\n,Có 3 xã.\n7,Có 4 thôn.\n", encoding="utf-8")
    assert [d.id for d in _docs(p)] == ["t:1", "7"]
