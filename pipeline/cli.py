"""The `chiso` command line."""

from __future__ import annotations

import json
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Annotated

import typer

from . import extract
from .checks import consistency_checks
from .evaluate import GoldError, evaluate, load_gold, load_predictions, load_texts
from .limits import extract_document
from .read import Document, InputError
from .sources import FORMATS
from .write import OUTPUT_FORMATS, OutputError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="chiso: numeric indicators from Vietnamese news.")


def _fail(message: str) -> None:
    typer.echo(f"chiso: {message}", err=True)
    raise typer.Exit(2)


def document_record(doc: Document, all_kinds: bool = False) -> dict:
    """The output line of SPEC section 2 for one document."""
    out: dict = {"id": doc.id, "source": doc.source, "indicators": [], "errors": list(doc.errors)}
    if doc.warnings:
        out["warnings"] = list(doc.warnings)
    if doc.text is not None:  # within chiso's limits per document (pipeline/limits.py); a failure is an error entry
        indicators, checks, errors, warnings = extract_document(doc.text, doc.source, all_kinds)
        out["indicators"], out["checks"] = indicators, checks
        out["errors"].extend(errors)
        if warnings:
            out["warnings"] = out.get("warnings", []) + warnings
    return out


def _stopped(message: str, output: Path | None, code: int) -> None:
    """A run that stopped midway: say why and how to go on; the output file is not touched (never half written)."""
    partial = output.with_name(output.name + ".partial") if output else None
    if partial is not None and partial.exists():
        message += f"; the documents finished so far are kept in {partial}: run the same command with --resume"
    typer.echo(f"chiso: {message}", err=True)
    raise typer.Exit(code)


@app.command("extract")
def extract_cmd(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Files, folders (recursive), .zip/.tar.gz/.tar.bz2 archives, or - for stdin."),
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (default: stdout).")] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="jsonl, csv or parquet (default: from -o's suffix, else jsonl).")
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help=f"Read files and stdin as {', '.join(FORMATS)} (default: by suffix)."),
    ] = None,
    id_field: Annotated[str, typer.Option("--id-field", help="Id field of JSON, CSV, Parquet records.")] = "id",
    text_field: Annotated[str, typer.Option("--text-field", help="Text field of JSON, CSV, Parquet records.")] = "text",
    keep_text: Annotated[
        bool, typer.Option("--keep-text", help="Store each document's text (offsets point into it).")
    ] = False,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes (default: every core).")] = 0,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run with the same -o; no document twice.")
    ] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (processes) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="dask.distributed scheduler address (with --engine dask).")
    ] = None,
    all_kinds: Annotated[
        bool, typer.Option("--all-kinds", help="Also emit dates, years, ordinals … with their kind.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
) -> None:
    """Extract indicator records, one JSON line per document (or one row per indicator), in input order.

    Example: chiso extract corpora/sample/sample-article.txt -o out.jsonl

    Example: chiso extract archive.zip -o out.parquet --workers 2 --resume
    """
    from .run import Job, run

    if fmt is None:
        fmt = output.suffix.lower().lstrip(".") if output and output.suffix.lower() in (".csv", ".parquet") else "jsonl"
    for name, value, allowed in [("--format", fmt, OUTPUT_FORMATS), ("--input-format", input_format, FORMATS)]:
        if value is not None and value not in allowed:
            _fail(f"{name} {value}: choose one of {', '.join(allowed)}")
    if engine not in ("local", "dask"):
        _fail(f"--engine {engine}: choose local or dask")
    job = Job([str(p) for p in inputs], output, fmt, input_format, id_field, text_field, all_kinds, keep_text,
              workers, resume, engine, scheduler)  # fmt: skip
    try:
        summary = run(job, show_progress=None if not quiet else False)
    except (InputError, OutputError) as e:
        _fail(str(e))
    except OSError as e:  # output folder missing, disk full …: what is written stays for --resume
        _stopped(f"{e.filename or output}: {e.strerror or e}", output, 1)
    except KeyboardInterrupt:  # Ctrl-C: the workers ignore it, the finished documents are kept
        _stopped("interrupted", output, 130)
    except BrokenProcessPool:
        _stopped("a worker process died (killed, or out of memory)", output, 1)
    except ImportError as e:
        if engine != "dask":
            raise
        _fail(f"{e}; --engine dask needs: pip install 'chiso[dask]'")
    if not quiet:
        typer.echo(summary.line() if summary else f"chiso: {output} is already complete; nothing to resume", err=True)


@app.command("evaluate")
def evaluate_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (SPEC section 3).")],
    texts: Annotated[
        Path | None, typer.Option("--texts", help="JSONL of {id, text} for gold lines without text.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line of all scores.")] = False,
    errors: Annotated[int, typer.Option("--errors", help="List this many misses, spurious and wrong records.")] = 0,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Score these records (JSONL of {id, indicators}: chiso output or another annotator's gold) instead of running chiso.",
        ),
    ] = None,
) -> None:
    """Score chiso on gold annotations (SPEC section 4): detection, strict, value, fields, concept, period, by kind.

    Example: chiso evaluate ../shared/corpora/gold/seed.jsonl --json
    """
    for p in (gold, texts, predictions):
        if p is not None and not p.exists():
            _fail(f"no such file: {p}")
    try:
        docs = load_gold(gold, load_texts(texts) if texts else None)
    except GoldError as e:
        _fail(str(e))
    if predictions is not None:
        given = load_predictions(predictions)
        by_text = {text: given.get(doc_id, []) for doc_id, text, _ in docs}
        score = evaluate(docs, lambda t: by_text[t])
    else:
        score = evaluate(docs, lambda t: [r.to_dict() for r in extract(t)])
    report = score.report()
    from .report_table import print_score

    print_score(report)
    if errors:
        for err in score.errors[:errors]:
            g, p = err["gold"], err["pred"]
            desc = lambda r: (
                "-" if r is None else f"{r['kind']} {r.get('value')} {r.get('unit')} {r.get('comparator') or '='}"
            )  # noqa: E731
            typer.echo(f"{err['type']:8} {err['id']}: gold {desc(g)} | pred {desc(p)}\n         {err['context']}")
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))


# --- inspecting results: show, report, table (issue #7) ---

_INSPECT_INPUTS = (
    "`chiso extract` output (.jsonl, .csv, .parquet), or inputs to extract on the fly (text files, folders,"
    " .jsonl of {id, text}, - for stdin)."
)
_TEXTS_HELP = (
    "Text files or .jsonl of {id, text} holding the articles, when the output has no `text` and its `source` is gone."
)


_ALL_KINDS_HELP = (
    "When extracting on the fly, also show dates, years, ordinals … (grey) with why they are not indicators."
)


def _articles(
    inputs: list[Path],
    texts: list[Path] | None,
    doc_id: str | None = None,
    all_kinds: bool = False,
    with_text: bool = True,
) -> list:
    from .outputs import load_articles

    try:
        arts = load_articles(inputs, texts or None, all_kinds, with_text)
    except InputError as e:
        _fail(str(e))
    if doc_id is not None:
        arts = [a for a in arts if a.id == doc_id]
        if not arts:
            _fail(f"no document with id {doc_id!r}")
    return arts


@app.command("show")
def show_cmd(
    inputs: Annotated[list[Path], typer.Argument(help=_INSPECT_INPUTS)],
    doc_id: Annotated[str | None, typer.Option("--id", help="Show only the document with this id.")] = None,
    texts: Annotated[list[Path] | None, typer.Option("--text", help=_TEXTS_HELP)] = None,
    width: Annotated[int | None, typer.Option("--width", help="Terminal width in columns (default: detected).")] = None,
    all_kinds: Annotated[bool, typer.Option("--all-kinds", help=_ALL_KINDS_HELP)] = False,
) -> None:
    """Show each article in the terminal with its indicators highlighted by kind, and its records beneath.

    Example: chiso show ../shared/corpora/seed/ia-hdrai-2024-02-26.txt
    Example: chiso show out.jsonl --id ia-hdrai-2024-02-26
    Example: echo "Xã có 57 hộ nghèo, chiếm 12%." | chiso show -
    """
    from rich.console import Console

    from .show import show

    show(_articles(inputs, texts, doc_id, all_kinds), Console(width=width) if width else None)


@app.command("report")
def report_cmd(
    inputs: Annotated[list[Path], typer.Argument(help=_INSPECT_INPUTS)],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
    texts: Annotated[list[Path] | None, typer.Option("--text", help=_TEXTS_HELP)] = None,
    title: Annotated[str, typer.Option("--title", help="Title of the report.")] = "chiso report",
    all_kinds: Annotated[bool, typer.Option("--all-kinds", help=_ALL_KINDS_HELP)] = False,
) -> None:
    """Write one self-contained HTML report: highlighted articles, a filterable, sortable table, a summary.

    The file needs no network to open; article text is escaped, so markup in an article shows as text.

    Example: chiso report out.jsonl -o report.html
    """
    from .html_report import write_report
    from .outputs import plural

    arts = _articles(inputs, texts, all_kinds=all_kinds)
    write_report(arts, str(output), title=title, generated_from=", ".join(str(p) for p in inputs))
    n = sum(len(a.records) for a in arts)
    typer.echo(f"chiso: wrote {output} ({plural(len(arts), 'document')}, {plural(n, 'indicator')})", err=True)


@app.command("table")
def table_cmd(
    inputs: Annotated[list[Path], typer.Argument(help=_INSPECT_INPUTS)],
    by: Annotated[
        str,
        typer.Option(
            "--by", help="Comma-separated keys: concept, period, location, kind, unit, reference, change, id…"
        ),
    ] = "concept,period,location",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, md or parquet (parquet needs -o).")] = "csv",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (default: stdout).")] = None,
) -> None:
    """Aggregate records into an analyst's table: values per concept, period and location (kind and unit kept apart).

    Rows are in time order within each key, so a news archive reads as time series.

    Example: chiso table out.jsonl --by concept,period,location --format md
    """
    from .frame import to_dataframe
    from .outputs import records_of
    from .table import aggregate, write_table

    keys = [k.strip() for k in by.split(",") if k.strip()]
    try:
        table = aggregate(to_dataframe(list(records_of(_articles(inputs, None, with_text=False)))), keys)
        text = write_table(table, fmt, output)
    except ValueError as e:
        _fail(str(e))
    if text is not None:
        sys.stdout.write(text)


@app.command("checks")
def checks_cmd(
    results: Annotated[Path, typer.Argument(help="Output of `chiso extract` (JSON Lines).")],
    show_all: Annotated[bool, typer.Option("--all", help="List the checks that agree too.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line per listed check.")] = False,
) -> None:
    """List the failing consistency checks of an archive: ratio vs. percent, parts vs. total, change vs. levels,
    a part's share of a total, a change vs. its rate.

    Example: chiso checks out.jsonl   (after: chiso extract news/ -o out.jsonl)
    """
    if not results.exists():
        _fail(f"no such file: {results}")
    from .outputs import read_output_lines

    failing = total = 0
    try:
        for doc in read_output_lines(results):
            recs = doc["indicators"]
            checks = doc.get("checks")
            if checks is None and isinstance(doc.get("text"), str):
                checks = consistency_checks(doc["text"], recs)
            for c in checks or []:
                total += 1
                failing += not c["ok"]
                if c["ok"] and not show_all:
                    continue
                texts = [recs[i]["text"] for i in c["records"] if i < len(recs)]
                if as_json:
                    typer.echo(json.dumps({"id": doc.get("id"), **c, "texts": texts}, ensure_ascii=False))
                else:
                    verdict = "ok  " if c["ok"] else "FAIL"
                    typer.echo(
                        f"{verdict} {doc.get('id')}: {c['type']} {' / '.join(texts)}: expected {c['expected']}, stated {c['stated']}"
                    )
    except InputError as e:
        _fail(str(e))
    typer.echo(f"{total} checks, {failing} failing", err=True)


def _figure(x: float | None) -> str:
    """A gated figure, or `-` where a gold set states none of that field."""
    return "-" if x is None else f"{x:.4f}"


@app.command("gate")
def gate_cmd(
    update: Annotated[bool, typer.Option("--update", help="Write the current scores as the new floor.")] = False,
) -> None:
    """Fail (exit 1) when strict, concept or period F1 on a gold set falls more than 0.5 points below
    corpora/gold/SCORES.json.

    Example: chiso gate            (check)   chiso gate --update   (raise the committed scores)
    """
    from . import gate

    if update:
        for name, s in gate.update().items():
            figures = ", ".join(f"{m} {_figure(s[m])}" for m in gate.GATED)
            typer.echo(f"{name}: {figures} written to {gate.SCORES}")
        return
    failed = False
    for r in gate.check():
        if r.skipped:
            typer.echo(f"{r.name} {r.metric}: skipped ({r.skipped})")
            continue
        verdict = "ok" if r.ok else "DROPPED"
        typer.echo(f"{r.name} {r.metric}: {_figure(r.now)} (committed {r.committed}) {verdict}")
        failed |= not r.ok
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()
