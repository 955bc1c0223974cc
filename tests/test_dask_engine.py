"""`--engine dask` on a `dask.distributed` LocalCluster writes the records of the local engine."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from test_batch_resume import write_news
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.run import Job, run

distributed = pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_local_records(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = write_news(src, 40)
    run(Job([str(src)], tmp_path / "local.jsonl", workers=1), show_progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        summary = run(
            Job([str(src)], tmp_path / "dask.jsonl", engine="dask", scheduler=cluster.scheduler_address),
            show_progress=False,
        )
        args = ["extract", str(src), "-o", str(tmp_path / "dask.csv"), "--engine", "dask"]
        res = CliRunner().invoke(app, [*args, "--scheduler", cluster.scheduler_address, "--quiet"])
        assert res.exit_code == 0, res.output
    assert summary is not None and summary.read == len(ids)
    local = (tmp_path / "local.jsonl").read_text(encoding="utf-8")
    dask = (tmp_path / "dask.jsonl").read_text(encoding="utf-8")
    assert [json.loads(x)["id"] for x in dask.splitlines()] == ids
    assert dask == local
    table = pd.read_csv(tmp_path / "dask.csv")
    assert list(dict.fromkeys(table["id"])) == ids
