"""`chiso show`: an article in the terminal, each indicator highlighted by kind, its records beneath."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .outputs import KIND_COLORS, OTHER_COLOR, Article, plural, value_label

TABLE_FIELDS = ("text", "kind", "value", "unit", "change", "concept", "reference", "period", "location")


def kind_style(kind: str) -> str:
    return f"bold #ffffff on {KIND_COLORS.get(kind, OTHER_COLOR)}"


def legend(kinds: list[str]) -> Text:
    t = Text("kinds: ", style="dim")
    for k in kinds:
        t.append(f" {k} ", style=kind_style(k))
        t.append(" ")
    return t


def highlighted(text: str, records: list[dict[str, Any]]) -> Text:
    """The text with each record's characters styled by kind and its row number after it."""
    out = Text(text)
    ends: dict[int, list[int]] = {}
    for n, r in enumerate(records, 1):
        out.stylize(kind_style(str(r.get("kind"))), r["start"], r["end"])
        ends.setdefault(r["end"], []).append(n)
    pieces: list[Text] = []
    pos = 0
    for end in sorted(ends):
        pieces += [out[pos:end], Text("".join(f"[{n}]" for n in ends[end]), style="dim")]
        pos = end
    pieces.append(out[pos:])
    return Text("").join(pieces)


def records_table(records: list[dict[str, Any]]) -> Table:
    fields = TABLE_FIELDS + (("why",) if any(r.get("why") for r in records) else ())  # --all-kinds: why not
    t = Table(show_lines=False, header_style="bold", expand=False)
    t.add_column("#", justify="right", style="dim")
    for f in fields:
        t.add_column(f, justify="right" if f == "value" else "left", overflow="fold")
    for n, r in enumerate(records, 1):
        cells: list[str | Text] = [
            value_label(r) if f == "value" else ("" if r.get(f) is None else str(r.get(f))) for f in fields
        ]
        cells[1] = Text(str(cells[1]), style=kind_style(str(cells[1])))
        t.add_row(str(n), *cells)
    return t


def article_view(art: Article) -> Panel:
    """A panel: header, errors, highlighted text (when known), legend and the table of records."""
    records = sorted(art.records, key=lambda r: (r.get("start", 0), r.get("end", 0)))
    parts: list[Any] = []
    for e in art.errors:
        parts.append(Text(f"error: {e}", style="bold red"))
    if art.note:
        parts.append(Text(art.note, style="yellow"))
    if art.text is not None:
        parts.append(highlighted(art.text, records))
    kinds = list(dict.fromkeys(str(r.get("kind")) for r in records))
    if kinds:
        parts += [Text(""), legend(kinds), records_table(records)]
    else:
        parts.append(Text("no indicators", style="dim"))
    others = sum(1 for r in records if r.get("why"))  # --all-kinds: numbers that are not indicators
    n = len(records) - others
    title = f"[bold]{art.id}[/] — {plural(n, 'indicator')}" + (f" + {plural(others, 'other number')}" if others else "")
    return Panel(Group(*parts), title=title, subtitle=art.source, title_align="left", subtitle_align="right")


def show(articles: list[Article], console: Console | None = None) -> None:
    console = console or Console()
    for art in articles:
        console.print(article_view(art))
