"""The `chiso` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import extract
from .evaluate import GoldError, evaluate, load_gold, load_texts
from .read import Document, InputError, read_inputs

app = typer.Typer(add_completion=False, no_args_is_help=True, help="chiso: numeric indicators from Vietnamese news.")


def _fail(message: str) -> None:
    typer.echo(f"chiso: {message}", err=True)
    raise typer.Exit(2)


def document_record(doc: Document, all_kinds: bool = False) -> dict:
    """The output line of SPEC section 2 for one document."""
    out: dict = {"id": doc.id, "source": doc.source, "indicators": [], "errors": list(doc.errors)}
    if doc.warnings:
        out["warnings"] = list(doc.warnings)
    if doc.text is not None:
        try:
            out["indicators"] = [r.to_dict() for r in extract(doc.text, all_kinds=all_kinds)]
        except Exception as e:  # one bad document must not stop the batch
            out["errors"].append(f"{doc.source}: extraction failed: {type(e).__name__}: {e}")
    return out


@app.command("extract")
def extract_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="Text files, folders of .txt files, or .jsonl files of {id, text}.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSON Lines here (default: stdout).")] = None,
    all_kinds: Annotated[bool, typer.Option("--all-kinds", help="Also emit dates, years, ordinals … with their kind.")] = False,
) -> None:
    """Extract indicator records, one JSON line per document, in input order.

    Example: chiso extract corpora/sample/sample-article.txt -o out.jsonl
    """
    try:
        docs = read_inputs(list(inputs))
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            for doc in docs:
                out.write(json.dumps(document_record(doc, all_kinds), ensure_ascii=False) + "\n")
        finally:
            if output:
                out.close()
    except InputError as e:
        _fail(str(e))


@app.command("evaluate")
def evaluate_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (SPEC section 3).")],
    texts: Annotated[Path | None, typer.Option("--texts", help="JSONL of {id, text} for gold lines without text.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line of all scores.")] = False,
    errors: Annotated[int, typer.Option("--errors", help="List this many misses, spurious and wrong records.")] = 0,
) -> None:
    """Score chiso on gold annotations (SPEC section 4): detection, strict, value, fields, concept, period, by kind.

    Example: chiso evaluate ../shared/corpora/gold/seed.jsonl --json
    """
    for p in (gold, texts):
        if p is not None and not p.exists():
            _fail(f"no such file: {p}")
    try:
        docs = load_gold(gold, load_texts(texts) if texts else None)
    except GoldError as e:
        _fail(str(e))
    score = evaluate(docs, lambda t: [r.to_dict() for r in extract(t)])
    report = score.report()
    from .report_table import print_score

    print_score(report)
    if errors:
        for err in score.errors[:errors]:
            g, p = err["gold"], err["pred"]
            desc = lambda r: "-" if r is None else f"{r['kind']} {r.get('value')} {r.get('unit')} {r.get('comparator') or '='}"  # noqa: E731
            typer.echo(f"{err['type']:8} {err['id']}: gold {desc(g)} | pred {desc(p)}\n         {err['context']}")
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))


def main() -> None:
    app()
