"""Encodings of input files: UTF-8 with and without BOM, UTF-16 with BOM, legacy encodings, NFD, bytes that are not text."""

from __future__ import annotations

import codecs
import os
import unicodedata

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.decode import decode

ARTICLE = (
    "Tổng doanh thu năm 2023 của huyện đạt 57 tỷ đồng, tăng 12% so với cùng kỳ. Toàn huyện kết nạp mới 57 đảng viên."
)
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as legacy Vietnamese files have it: base letter, then a combining tone mark."""
    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            base = unicodedata.normalize("NFC", "".join(x for x in d if x not in _TONES))
            out += (base + "".join(x for x in d if x in _TONES)).encode("cp1258")
    return out


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_decode_unicode_encodings_without_warning(data):
    assert decode(data, "x") == (ARTICLE, [], [])


def test_decode_keeps_nfd_as_read():
    """SPEC §2: offsets index the text as read, after decoding only; the pipeline handles NFD."""
    nfd = unicodedata.normalize("NFD", ARTICLE)
    assert decode(nfd.encode("utf-8"), "x") == (nfd, [], [])


def test_decode_legacy_vietnamese_is_detected_with_a_warning():
    text, errors, warnings = decode(cp1258(ARTICLE), "x")
    assert text == ARTICLE and errors == []
    assert len(warnings) == 1 and "cp1258" in warnings[0]


@pytest.mark.parametrize(
    "data", [os.urandom(64) + b"\x00" + os.urandom(64), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))]
)
def test_decode_binary_is_an_error(data):
    text, errors, _ = decode(data, "x")
    assert text is None and errors and "not text" in errors[0]


def test_decode_damaged_utf8_is_an_error_but_keeps_the_text():
    text, errors, _ = decode(ARTICLE.encode("utf-8") + b" \xff", "x")
    assert text is not None and text.startswith(ARTICLE)
    assert errors and "not valid UTF-8" in errors[0]


def test_cli_extract_nfd_gives_the_same_records_as_nfc(tmp_path):
    (tmp_path / "nfc.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", ARTICLE), encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(cp1258(ARTICLE))
    res = CliRunner().invoke(app, ["extract", str(tmp_path), "--workers", "1", "--quiet"])
    assert res.exit_code == 0, res.output
    import json

    legacy, nfc, nfd = [json.loads(line) for line in res.stdout.splitlines()]
    texts = {"legacy": decode(cp1258(ARTICLE), "x")[0], "nfc": ARTICLE, "nfd": unicodedata.normalize("NFD", ARTICLE)}
    for name, doc in (("legacy", legacy), ("nfc", nfc), ("nfd", nfd)):
        for r in doc["indicators"]:  # offsets index each text as read
            assert texts[name][r["start"] : r["end"]] == r["text"]

    def values(doc):
        keys = ("kind", "value", "value_max", "denominator", "unit", "comparator", "change", "concept", "period")
        return [
            tuple(unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in (r[k] for k in keys))
            for r in doc["indicators"]
        ]

    assert nfc["indicators"] and values(nfc) == values(nfd) == values(legacy)
    assert "warnings" not in nfd and "cp1258" in legacy["warnings"][0]
