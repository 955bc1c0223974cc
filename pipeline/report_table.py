"""Print a score report as tables (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def print_score(report: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    t = Table(title=f"chiso evaluate — {report['documents']} documents")
    for col in ("", "precision", "recall", "F1", "tp", "fp", "fn"):
        t.add_column(col, justify="right" if col else "left")
    rows = [("strict", report["strict"]), ("detection", report["detection"]), ("value", report["value"])]
    rows += [(f"  {k}", v) for k, v in report["by_kind"].items()]
    for name, s in rows:
        t.add_row(
            name,
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
        )
    console.print(t)
    fa = report["field_accuracy"]
    fields = ", ".join(f"{k} {v:.3f}" if v is not None else f"{k} -" for k, v in fa.items())
    cf = report["concept_f1"]
    console.print(f"field accuracy: {fields}")
    console.print(f"concept F1: {cf if cf is not None else '-'}")
    for name in ("period", "location", "reference"):
        f1, unstated = report.get(f"{name}_f1"), report.get(f"{name}_unstated")
        console.print(
            f"{name} F1: {f1 if f1 is not None else '-'}   "
            f"{name} where gold states none: {unstated if unstated is not None else '-'}"
        )
