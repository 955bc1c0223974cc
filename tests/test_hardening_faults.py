"""Faults during a run: SIGKILL at random moments, Ctrl-C, a full disk, an unwritable output. Every document comes
out exactly once after `--resume`; the output file is never half written; the message says what to do.
Extends tests/test_batch_resume.py (one SIGKILL at a chosen moment)."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch_resume import write_news
from typer.testing import CliRunner

from pipeline import write
from pipeline.cli import app

KILLS = 10


def _cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out), "--quiet", *extra]


def _ids(out: Path) -> list[str]:
    return [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]


def _complete_lines(partial: Path) -> int:
    return sum(1 for line in partial.open("rb") if line.endswith(b"\n")) if partial.exists() else 0


@pytest.mark.slow
def test_hardening_sigkill_at_ten_random_moments_then_resume_gives_every_document_once(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_news(src, 12_000)  # more than 10 runs cut short can finish
    rng = random.Random(8)
    moments, progress = [], []
    for kill in range(KILLS):
        extra = ["--workers", "2"] + (["--resume"] if kill else [])
        proc = subprocess.Popen(_cmd(src, out, *extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        moments.append(round(rng.uniform(0.3, 4.0), 2))  # from start-up (models loading) to mid-extraction
        time.sleep(moments[-1])
        if proc.poll() is not None:
            pytest.fail(f"run {kill} ended before its kill at {moments[-1]} s: {proc.stderr.read().decode()}")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert not out.exists()
        progress.append(_complete_lines(out.with_name("out.jsonl.partial")))
    assert progress == sorted(progress) and 0 < progress[-1] < len(ids), (moments, progress)
    res = subprocess.run(_cmd(src, out, "--workers", "2", "--resume"), capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert _ids(out) == ids
    assert not out.with_name("out.jsonl.partial").exists()
    print(f"kills at {moments} s; documents done before each kill: {progress}")


def _ctrl_c_as_in_a_terminal() -> None:
    """SIGINT handled by default in the child, as in a terminal: a test suite started in the background
    (`cmd &` in a script) ignores SIGINT, every child inherits that, and Python then installs no handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_hardening_ctrl_c_stops_cleanly_and_resume_continues(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    partial = out.with_name("out.jsonl.partial")
    ids = write_news(src, 1500)
    proc = subprocess.Popen(
        _cmd(src, out, "--workers", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and _complete_lines(partial) < 20:
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read().decode()
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group, workers included
    _, err = proc.communicate(timeout=60)
    message = err.decode()
    assert proc.returncode == 130, message
    assert "interrupted" in message and "--resume" in message and "Traceback" not in message
    assert not out.exists()
    done = _complete_lines(partial)
    assert 0 < done < len(ids)
    res = subprocess.run(_cmd(src, out, "--workers", "2", "--resume"), capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert _ids(out) == ids


def _full_disk_after(monkeypatch, n: int) -> None:
    """The disk fills after `n` documents are written to the journal."""
    real = write.Output.write
    calls = {"n": 0}

    def write_until_full(self, record):
        calls["n"] += 1
        if calls["n"] > n:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.partial))
        real(self, record)

    monkeypatch.setattr(write.Output, "write", write_until_full)


def _run(*args: str):
    return CliRunner().invoke(app, ["extract", *args, "--workers", "1", "--quiet"])


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_hardening_full_disk_mid_run_is_a_clear_error_and_resume_finishes(tmp_path, monkeypatch, fmt):
    src, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    ids = write_news(src, 40)
    with monkeypatch.context() as m:
        _full_disk_after(m, 25)
        res = _run(str(src), "-o", str(out))
    assert res.exit_code == 1
    assert "No space left on device" in res.stderr and "run the same command with --resume" in res.stderr
    assert not out.exists()
    partial = out.with_name(out.name + ".partial")
    assert all(json.loads(line) for line in partial.read_text(encoding="utf-8").splitlines())
    res = _run(str(src), "-o", str(out), "--resume")  # space freed
    assert res.exit_code == 0, res.output
    if fmt == "jsonl":
        assert _ids(out) == ids
    else:
        import pandas as pd

        assert list(dict.fromkeys(pd.read_parquet(out)["id"])) == ids


def test_hardening_full_disk_while_converting_leaves_no_half_written_file(tmp_path, monkeypatch):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.parquet"
    ids = write_news(src, 10)
    out.write_bytes(b"previous")  # an earlier run's output stays as it was

    def fill_the_disk(records, path):
        Path(path).write_bytes(b"PAR1 half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    with monkeypatch.context() as m:
        m.setattr(write, "write_parquet", fill_the_disk)
        res = _run(str(src), "-o", str(out))
    assert res.exit_code == 1 and "No space left on device" in res.stderr
    assert out.read_bytes() == b"previous" and not out.with_name("out.parquet.tmp").exists()
    assert _run(str(src), "-o", str(out), "--resume").exit_code == 0
    import pandas as pd

    assert list(dict.fromkeys(pd.read_parquet(out)["id"])) == ids


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full (a device that is always full) is Linux only")
def test_hardening_stdout_on_a_full_device_is_a_clear_error(tmp_path):
    src = tmp_path / "in.jsonl"
    write_news(src, 5)
    with open("/dev/full", "w") as full:
        res = subprocess.run(
            [sys.executable, "-m", "pipeline", "extract", str(src), "--workers", "1", "--quiet"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert res.returncode == 1 and "No space left on device" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("where", ["parent-is-a-file", "read-only-folder"])
def test_hardening_unwritable_output_is_a_clear_error_before_any_work(tmp_path, where):
    src = tmp_path / "in.jsonl"
    write_news(src, 3)
    if where == "parent-is-a-file":
        (tmp_path / "file").write_text("x")
        out = tmp_path / "file" / "out.jsonl"
    else:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o500)
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permissions do not stop writing (parent-is-a-file covers the refusal)")
        out = folder / "out.jsonl"
    res = _run(str(src), "-o", str(out))
    assert res.exit_code == 1
    assert "out.jsonl.partial" in res.stderr and ("Not a directory" in res.stderr or "Permission denied" in res.stderr)
    assert not out.exists()


@pytest.mark.slow
def test_hardening_a_killed_worker_does_not_stop_the_run(tmp_path):
    """A worker killed by the kernel (out of memory) or by hand: its batches are redone, every document comes out."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    partial = out.with_name("out.jsonl.partial")
    ids = write_news(src, 1500)
    proc = subprocess.Popen(_cmd(src, out, "--workers", "2"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and _complete_lines(partial) < 20:
        time.sleep(0.05)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    if not children.exists():
        proc.kill()
        pytest.skip("no /proc/PID/task/PID/children to find the workers")
    workers = children.read_text().split()
    assert proc.poll() is None and workers
    os.kill(int(workers[0]), signal.SIGKILL)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ids and not any(d["errors"] for d in docs)


def test_hardening_a_document_that_kills_its_worker_gets_an_error_and_the_run_goes_on(tmp_path, monkeypatch):
    """A poison document (it kills the worker extracting it, every time): only it is lost, with an error saying so."""
    from pipeline import cli
    from pipeline.run import Job, run

    real = cli.document_record

    def poisoned(doc, all_kinds=False):
        if doc.text and "POISON" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)  # runs in a forked worker: the test process is never the target
        return real(doc, all_kinds)

    monkeypatch.setattr(cli, "document_record", poisoned)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_news(src, 60)
    lines = src.read_text(encoding="utf-8").splitlines()
    lines[30] = json.dumps({"id": ids[30], "text": "POISON Có 57 xã."})
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run(Job([str(src)], out, workers=2, keep_text=True), show_progress=False)
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert summary is not None and [d["id"] for d in docs] == ids
    [killed] = [d for d in docs if d["errors"]]
    assert killed["id"] == ids[30] and "its worker process died on it twice" in killed["errors"][0]
    assert killed["text"] == "POISON Có 57 xã." and killed["indicators"] == []
    assert all(d["indicators"] for d in docs if d is not killed)
