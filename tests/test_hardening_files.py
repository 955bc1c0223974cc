"""Hostile files: each gives a clear `errors` (or `warnings`) entry for its own document or member, and the rest
of the batch comes out. Extends tests/test_read_encodings.py and tests/test_read_formats.py (formats, UTF-16,
cp1258, a broken archive) with what a scraped archive really holds."""

from __future__ import annotations

import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline import limits
from pipeline.cli import app
from pipeline.decode import decode

GOOD = "Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch."
# TCVN3 (ABC): each toned lowercase vowel on one Latin-1 byte (the table of the ABC fonts)
_UNICODE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_TCVN3 = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ"
TCVN3 = (GOOD.lower() + " Doanh thu năm 2023 đạt 57 tỷ đồng, tăng 12% so với cùng kỳ.").translate(
    str.maketrans(dict(zip(_UNICODE, _TCVN3, strict=True)))
)
VNI = "Toaøn huyeän keát naïp môùi 57 ñaûng vieân, ñaït 114% keá hoaïch. Doanh thu ñaït 57 tyû ñoàng."


def _extract(*inputs, extra=()) -> list[dict]:
    res = CliRunner().invoke(app, ["extract", *map(str, inputs), "--workers", "1", "--quiet", *extra])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines()]


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def _tar(path: Path, files: dict[str, bytes]) -> Path:
    compression = {"gz": "gz", "bz2": "bz2", "xz": "xz"}.get(path.name.rsplit(".", 1)[-1], "")
    with tarfile.open(path, f"w:{compression}") as t:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return path


def _good_one_comes_out(docs: list[dict], doc_id: str = "zz-good") -> None:
    [good] = [d for d in docs if d["id"] == doc_id]
    assert good["errors"] == [] and [r["text"] for r in good["indicators"]] == ["57", "114%"]


@pytest.mark.parametrize(
    ("data", "in_errors"),
    [
        (os.urandom(4096), "not"),  # random bytes: binary (NUL) or no encoding fits, or damaged UTF-8
        (b"\x00\x01\x02PK\x03\x04" + os.urandom(512), "not text"),
        (GOOD.encode() + b" \xc3\x28 \xff\xfe", "not valid UTF-8"),
        (b"\xff\xfe" + b"\x00\xd8" * 7, "not valid utf-16"),  # a BOM then lone surrogates
        (TCVN3.encode("latin-1"), "TCVN3"),
        (VNI.encode("latin-1"), "VNI"),
    ],
    ids=["random-bytes", "binary", "invalid-utf8", "broken-utf16", "tcvn3", "vni"],
)
def test_hardening_bad_bytes_give_an_error_and_the_batch_goes_on(tmp_path, data, in_errors):
    docs = _extract(_folder(tmp_path, {"bad.txt": data, "zz-good.txt": GOOD.encode()}))
    assert [d["id"] for d in docs] == ["bad", "zz-good"]
    bad = docs[0]
    if in_errors == "not" and not bad["errors"]:  # random bytes that happen to decode: said as a warning
        assert "decoded as" in bad["warnings"][0]
    else:
        assert any(in_errors in e for e in bad["errors"]), bad
    _good_one_comes_out(docs)


@pytest.mark.parametrize("text", [TCVN3, VNI], ids=["tcvn3", "vni"])
def test_hardening_legacy_font_encodings_are_named_and_numbers_still_read(text):
    decoded, errors, _ = decode(text.encode("latin-1"), "x")
    assert decoded is not None and "57" in decoded
    assert len(errors) == 1 and "legacy" in errors[0] and "convert the file to UTF-8" in errors[0]


def test_hardening_utf16_and_empty_files(tmp_path):
    docs = _extract(_folder(tmp_path, {"a.txt": GOOD.encode("utf-16"), "b.txt": b"", "c.txt": b"\n \n"}))
    assert [(d["id"], d["errors"], len(d["indicators"])) for d in docs] == [("a", [], 2), ("b", [], 0), ("c", [], 0)]


def test_hardening_huge_file_is_read_up_to_the_limit_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.read.MAX_READ_BYTES", 1000)
    line = "Xã có 57 hộ nghèo, chiếm 12% số hộ.\n"
    docs = _extract(_folder(tmp_path, {"huge.txt": (line * 200).encode(), "zz-good.txt": GOOD.encode()}))
    huge = docs[0]
    assert huge["errors"] == [] and "file larger than 1,000 bytes" in huge["warnings"][0]
    assert 0 < len(huge["indicators"]) < 2 * 200
    _good_one_comes_out(docs)


def test_hardening_long_jsonl_line_is_skipped_not_held(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.read.MAX_LINE_BYTES", 200)
    rows = [{"id": "long", "text": "Có 5 xã. " * 100}, {"id": "zz-good", "text": GOOD}]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    docs = _extract(src)
    assert "line longer than 200 bytes" in docs[0]["errors"][0]
    _good_one_comes_out(docs)


def test_hardening_unreadable_file(tmp_path, monkeypatch):
    root = _folder(tmp_path, {"locked.txt": GOOD.encode(), "zz-good.txt": GOOD.encode()})
    locked = root / "locked.txt"
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads regardless of permissions: simulate the refusal
        real_open = open

        def refuse(path, *args, **kwargs):
            if str(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr("builtins.open", refuse)
    try:
        docs = _extract(root)
    finally:
        locked.chmod(0o644)
    assert "cannot read (Permission denied)" in docs[0]["errors"][0]
    _good_one_comes_out(docs)


def test_hardening_symlink_loops_and_dangling_links(tmp_path):
    root = _folder(tmp_path, {"zz-good.txt": GOOD.encode()})
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # a folder loop: not followed
    docs = _extract(root)
    assert [d["id"] for d in docs] == ["dangling", "loop", "zz-good"]
    assert "cannot read (No such file or directory)" in docs[0]["errors"][0]
    assert "cannot read (Too many levels of symbolic links)" in docs[1]["errors"][0]
    _good_one_comes_out(docs)
    [alone] = _extract(root / "loop.txt")  # named on the command line: the same error, not "no such file"
    assert "Too many levels of symbolic links" in alone["errors"][0]


def test_hardening_zip_member_outside_the_archive_is_never_written_or_read_outside(tmp_path):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    (tmp_path / "x.txt").write_text("Có 999 xã.", encoding="utf-8")  # what a path escape would read
    archive = work / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("../../x.txt", GOOD)
        z.writestr("/etc/passwd.txt", "Có 3 thôn.")
        z.writestr("zz-good.txt", GOOD)
    before = sorted(p for p in tmp_path.rglob("*"))
    docs = _extract(archive, extra=["-o", str(work / "out.jsonl")])
    docs = [json.loads(x) for x in (work / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(p for p in tmp_path.rglob("*")) == sorted([*before, work / "out.jsonl"])
    assert [d["id"] for d in docs] == ["../../x", "/etc/passwd", "zz-good"]
    assert [r["value"] for r in docs[0]["indicators"]] == [57, 114]  # the member's own text, not ../../x.txt
    assert docs[0]["source"] == f"{archive}!../../x.txt"


def test_hardening_zip_bomb_is_refused_before_unpacking(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb.txt", b"0" * (limits.ZIP_RATIO_FROM + 1))  # ~17 MB of zeros in ~17 kB
        z.writestr("zz-good.txt", GOOD)
    docs = _extract(archive)
    assert "refused, looks like a zip bomb" in docs[0]["errors"][0] and "ratio" in docs[0]["errors"][0]
    _good_one_comes_out(docs)


def test_hardening_zip_member_declaring_a_huge_size_is_refused():
    info = zipfile.ZipInfo("big.txt")
    info.file_size, info.compress_size = limits.MAX_WHOLE_BYTES + 1, limits.MAX_WHOLE_BYTES
    assert "more than the limit" in (__import__("pipeline.sources").sources.zip_bomb(info) or "")


def _corrupt_zip(tmp_path: Path) -> Path:
    """A zip whose directory is intact but whose first member's data is damaged (bad CRC)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("bad.txt", GOOD * 20)
        z.writestr("zz-good.txt", GOOD)
    data = bytearray(buf.getvalue())
    at = data.index(GOOD.encode()) + 5
    data[at : at + 4] = b"XXXX"
    p = tmp_path / "corrupt.zip"
    p.write_bytes(bytes(data))
    return p


def test_hardening_corrupt_zip_member_is_an_error_and_the_next_member_comes_out(tmp_path):
    docs = _extract(_corrupt_zip(tmp_path))
    assert "cannot read (BadZipFile: Bad CRC-32" in docs[0]["errors"][0]
    _good_one_comes_out(docs)


def test_hardening_truncated_tar_gz_is_an_error_and_other_inputs_go_on(tmp_path):
    members = {f"m{i:02d}.txt": (GOOD + f" Mục {i}. " + os.urandom(2000).hex()).encode() for i in range(30)}
    archive = _tar(tmp_path / "cut.tar.gz", members)
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    good = tmp_path / "zz-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    docs = _extract(archive, good)
    assert docs[-1]["id"] == "zz-good" and docs[-1]["errors"] == []
    broken = [d for d in docs[:-1] if d["errors"]]
    assert len(broken) >= 1 and all("cannot read" in e for d in broken for e in d["errors"])
    assert all(not d["errors"] for d in docs[:-1] if d not in broken)


def test_hardening_sparse_5_gb_file_is_read_up_to_the_limit(tmp_path):
    """A real huge file (sparse: no disk used): only its first bytes are read; NUL bytes are not text."""
    root = _folder(tmp_path, {"zz-good.txt": GOOD.encode()})
    with open(root / "huge.txt", "wb") as f:
        f.truncate(5 * 2**30)
    docs = _extract(root)
    assert "not text (binary data, NUL bytes" in docs[0]["errors"][0]
    assert f"file larger than {limits.MAX_READ_BYTES:,} bytes" in docs[0]["warnings"][0]
    _good_one_comes_out(docs)


def test_hardening_tar_gz_bomb_member_is_read_up_to_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.read.MAX_READ_BYTES", 10_000)
    archive = _tar(tmp_path / "bomb.tar.gz", {"bomb.txt": b"0" * 5_000_000, "zz-good.txt": GOOD.encode()})
    assert archive.stat().st_size < 20_000
    docs = _extract(archive)
    assert "file larger than 10,000 bytes" in docs[0]["warnings"][0]
    _good_one_comes_out(docs)


def test_hardening_tar_member_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.sources.MAX_WHOLE_BYTES", 1000)
    archive = _tar(tmp_path / "big.tar", {"big.txt": b"7 " * 1000, "zz-good.txt": GOOD.encode()})
    docs = _extract(archive)
    assert "refused, 2,000 bytes unpacked is more than the limit of 1,000" in docs[0]["errors"][0]
    _good_one_comes_out(docs)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_hardening_any_bytes_decode_to_text_or_an_error(data):
    text, errors, warnings = decode(data, "x")
    assert (text is not None) or errors
    assert all(isinstance(m, str) and m.startswith("x: ") for m in errors + warnings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(max_size=3000),
    st.sampled_from([".zip", ".tar.gz", ".tar", ".json", ".jsonl", ".csv", ".parquet", ".html"]),
)
def test_hardening_any_bytes_under_any_suffix_give_documents_not_exceptions(tmp_path, data, suffix):
    from pipeline.read import read_inputs

    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for doc in read_inputs([str(path)]):
        assert doc.text is not None or doc.errors


def _archive(kind: str) -> bytes:
    members = {"a.txt": (GOOD * 5).encode(), "b.jsonl": (json.dumps({"id": "b", "text": GOOD}) + "\n").encode()}
    if kind == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for name, data in members.items():
                z.writestr(name, data)
        return buf.getvalue()
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return _tar(Path(d) / f"x.{kind}", members).read_bytes()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["zip", "tar", "tar.gz", "tar.bz2", "tar.xz"]), st.data())
def test_hardening_damaged_archives_give_documents_not_exceptions(tmp_path, kind, data):
    """A valid archive with random bytes overwritten, maybe cut: every member is a document or an error (a member
    whose name lost its suffix is skipped, as any unknown file). A one-off hunt of 3,000 found no exception left."""
    raw = bytearray(_archive(kind))
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = tmp_path / f"damaged.{kind}"
    path.write_bytes(bytes(raw))
    from pipeline.read import read_inputs

    assert all(d.text is not None or d.errors for d in read_inputs([str(path)]))


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_hardening_json_nested_too_deep_is_an_error_and_the_next_lines_come_out(tmp_path, suffix):
    deep = "[" * 100_000 + "]" * 100_000
    good = json.dumps({"id": "zz-good", "text": GOOD}, ensure_ascii=False)
    src = tmp_path / f"in{suffix}"
    src.write_text(f"{deep}\n{good}\n" if suffix == ".jsonl" else deep, encoding="utf-8")
    (tmp_path / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    docs = _extract(src, tmp_path / "zz-good.txt") if suffix == ".json" else _extract(src)
    assert "not JSON (nested too deep)" in docs[0]["errors"][0]
    _good_one_comes_out(docs)
