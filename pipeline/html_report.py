"""`chiso report`: one self-contained static HTML file for an output of `chiso extract`.

Per document, the text with every indicator a `<mark class="indicator">` carrying
`data-kind`, `data-value`, `data-unit` and a tooltip with all fields; a
filterable, sortable table of records; a summary (records by kind, top concepts,
indicators by period as an inline SVG chart).

Safety: every string from an article or a record goes through `html.escape`, so
markup in an article shows as text. A Content-Security-Policy with a per-report
nonce also stops any script or inline handler that is not the report's own, and
blocks every network fetch: the file opens offline and loads nothing.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from html import escape
from typing import Any

from .frame import period_year
from .outputs import KIND_COLORS, KINDS, OTHER_COLOR, Article, plural, value_label

RECORD_FIELDS = ("start", "end", "text", "kind", "value", "value_max", "denominator", "unit", "comparator", "change",
                 "concept", "reference", "period", "location", "sentence")  # fmt: skip
TABLE_COLUMNS = (  # (header, record field, numeric sort)
    ("doc", "id", False), ("#", "n", True), ("text", "text", False), ("kind", "kind", False), ("value", "value", True),
    ("unit", "unit", False), ("change", "change", False), ("concept", "concept", False),
    ("reference", "reference", False), ("period", "period", False), ("location", "location", False),
)  # fmt: skip
TOP_CONCEPTS = 15
MAX_PERIODS = 40


def _e(v: Any) -> str:
    return escape("" if v is None else str(v), quote=True)


def _color(kind: str) -> str:
    return KIND_COLORS.get(kind, OTHER_COLOR)


def tooltip(r: dict[str, Any]) -> str:
    """All fields of a record, one `key: value` per line (escaped later as an attribute)."""
    lines = []
    for k in [*RECORD_FIELDS, *(k for k in r if k not in RECORD_FIELDS)]:
        v = r.get(k)
        lines.append(f"{k}: {'—' if v is None else v}")
    return "\n".join(lines)


def _crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Partial overlap: neither disjoint nor one inside the other."""
    return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]


def _nest(records: list[dict[str, Any]]) -> list[tuple[int, int, int, dict[str, Any]]]:
    """(start, end, n, record), n counting from 1, with partial overlaps clipped so marks nest.

    A record that crosses the end of an earlier one starts after it; if it still
    crosses, it becomes an empty mark at its start. Every record keeps one element.
    """
    placed: list[tuple[int, int]] = []
    out = []
    for n, r in sorted(enumerate(records, 1), key=lambda x: (x[1]["start"], -x[1]["end"])):
        span = (r["start"], r["end"])
        crossed = [p for p in placed if _crosses(p, span)]
        if crossed:
            span = (max(p[1] for p in crossed), span[1])  # start after the marks it crosses
            if span[0] >= span[1] or any(_crosses(p, span) for p in placed):
                span = (r["start"], r["start"])  # `(0,2) (1,4) (1,3)`: nothing of it is left to mark
        placed.append(span)
        out.append((span[0], span[1], n, r))
    return sorted(out, key=lambda x: (x[0], -x[1]))


def highlighted_html(text: str, records: list[dict[str, Any]], doc_index: int) -> str:
    """The escaped text with one `<mark class="indicator">` per record (nested when one holds another)."""
    events: list[tuple[int, int, str]] = []  # (offset, order, html): at one offset, closes come before opens
    for s, e, n, r in _nest(records):
        attrs = (
            f'class="indicator" id="m-{doc_index}-{n}" tabindex="0" data-row="row-{doc_index}-{n}" '
            f'data-kind="{_e(r.get("kind"))}" data-value="{_e(r.get("value"))}" data-unit="{_e(r.get("unit"))}" '
            f'title="{_e(tooltip(r))}" style="--k:{_color(str(r.get("kind")))}"'
        )
        if s == e:
            events.append((s, 1, f"<mark {attrs}></mark>"))
        else:
            events.append((s, 1, f"<mark {attrs}>"))
            events.append((e, 0, "</mark>"))
    events.sort(key=lambda ev: (ev[0], ev[1]))  # stable: opens at one offset stay outer-first
    out, pos = [], 0
    for off, _, tag in events:
        out.append(_e(text[pos:off]))
        out.append(tag)
        pos = off
    out.append(_e(text[pos:]))
    return "".join(out)


def kinds_in_order(kinds: Iterable[str]) -> list[str]:
    """The kinds present, in SPEC order, then any others alphabetically."""
    present = set(kinds)
    return [k for k in KINDS if k in present] + sorted(present - set(KINDS))


def _summary_kinds(records: list[dict[str, Any]]) -> str:
    counts = Counter(str(r.get("kind")) for r in records)
    if not counts:
        return "<p>No records.</p>"
    top = max(counts.values())
    order = kinds_in_order(counts)
    rows = "".join(
        f'<tr><td><span class="chip" style="--k:{_color(k)}">{_e(k)}</span></td><td class="num">{counts[k]}</td>'
        f'<td class="barcell"><span class="bar" style="width:{100 * counts[k] / top:.1f}%;--k:{_color(k)}"></span></td></tr>'
        for k in order
    )
    return f'<table class="summary" id="by-kind"><thead><tr><th>kind</th><th>records</th><th></th></tr></thead><tbody>{rows}</tbody></table>'


def _summary_concepts(records: list[dict[str, Any]]) -> str:
    counts = Counter(str(r["concept"]) for r in records if r.get("concept"))
    if not counts:
        return "<p>No concepts.</p>"
    items = "".join(f'<li><span class="num">{c}</span> {_e(k)}</li>' for k, c in counts.most_common(TOP_CONCEPTS))
    return f'<ol class="concepts" id="top-concepts">{items}</ol>'


def period_chart(records: list[dict[str, Any]]) -> str:
    """Indicators by period as an inline SVG: one stacked bar per period (in time order), a colour per kind."""
    by_period: dict[str, Counter[str]] = {}
    labels: dict[str, str] = {}
    for r in records:
        written = str(r.get("period") or "(no period)")
        label = labels.setdefault(" ".join(written.casefold().split()), written)  # `Năm 2023` is `năm 2023`
        by_period.setdefault(label, Counter())[str(r.get("kind"))] += 1
    if not by_period:
        return "<p>No records.</p>"
    chosen = sorted(by_period, key=lambda p: -sum(by_period[p].values()))[:MAX_PERIODS]
    # dated periods in time order, then undated ones (`hiện nay`), then none: as `chiso table` sorts
    chosen.sort(key=lambda p: (p == "(no period)", period_year(p) is None, period_year(p) or 0, p.casefold()))
    top = max(sum(by_period[p].values()) for p in chosen)
    label_w, bar_w, row_h = 230, 420, 22
    height = row_h * len(chosen) + 10
    parts = [
        f'<svg id="period-chart" class="chart" role="img" aria-label="indicators by period" '
        f'width="{label_w + bar_w + 60}" height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}">'
    ]
    for i, p in enumerate(chosen):
        y = 5 + i * row_h
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{_e(p[:40])}</text>')
        x = float(label_w)
        for k in kinds_in_order(by_period[p]):
            c = by_period[p].get(k, 0)
            if not c:
                continue
            w = bar_w * c / top
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{_color(k)}">'
                f"<title>{_e(p)} — {_e(k)}: {c}</title></rect>"
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{sum(by_period[p].values())}</text>')
    parts.append("</svg>")
    legend = " ".join(
        f'<span class="chip" style="--k:{_color(k)}">{_e(k)}</span>'
        for k in kinds_in_order({str(r.get("kind")) for r in records})
    )
    more = (
        f"<p class='muted'>{len(by_period) - len(chosen)} less frequent periods not drawn.</p>"
        if len(by_period) > len(chosen)
        else ""
    )
    return "".join(parts) + f'<p class="legend">{legend}</p>' + more


def _cell(r: dict[str, Any], field: str, n: int, art: Article, doc_index: int) -> str:
    if field == "n":
        target = f"#m-{doc_index}-{n}" if art.text is not None else f"#doc-{doc_index}"
        return f'<td class="num" data-sort="{n}"><a href="{target}">{n}</a></td>'
    if field == "id":
        return f'<td><a href="#doc-{doc_index}">{_e(art.id)}</a></td>'
    if field == "kind":
        k = str(r.get("kind"))
        return f'<td><span class="chip" style="--k:{_color(k)}">{_e(k)}</span></td>'
    if field == "value":
        return f'<td class="num" data-sort="{_e(r.get("value"))}">{_e(value_label(r))}</td>'
    return f"<td>{_e(r.get(field))}</td>"


def records_table(articles: list[Article]) -> str:
    head = "".join(
        f'<th scope="col" data-type="{"num" if num else "text"}">{_e(h)}</th>' for h, _, num in TABLE_COLUMNS
    )
    rows = []
    for d, art in enumerate(articles):
        for n, r in enumerate(art.records, 1):
            cells = "".join(_cell(r, f, n, art, d) for _, f, _ in TABLE_COLUMNS)
            rows.append(f'<tr id="row-{d}-{n}" data-kind="{_e(r.get("kind"))}">{cells}</tr>')
    kinds = kinds_in_order(str(r.get("kind")) for a in articles for r in a.records)
    options = "".join(f'<option value="{_e(k)}">{_e(k)}</option>' for k in kinds)
    return (
        '<div class="controls"><label>Filter <input id="filter" type="search" placeholder="concept, unit, period, text…" '
        'autocomplete="off"></label> <label>Kind <select id="kind-filter"><option value="">all</option>'
        f'{options}</select></label> <span id="shown" aria-live="polite"></span></div>'
        f'<div class="tablewrap"><table id="records-table" class="records"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def document_section(art: Article, d: int) -> str:
    parts = [
        f'<article class="doc" id="doc-{d}"><h3>{_e(art.id)} <span class="muted">— {plural(len(art.records), "indicator")}</span></h3>'
    ]
    if art.source:
        parts.append(f'<p class="source muted">{_e(art.source)}</p>')
    for e in art.errors:
        parts.append(f'<p class="error">{_e(e)}</p>')
    if art.note:
        parts.append(f'<p class="note">{_e(art.note)}</p>')
    if art.text is not None:
        parts.append(f'<div class="doc-text" lang="vi">{highlighted_html(art.text, art.records, d)}</div>')
    parts.append("</article>")
    return "".join(parts)


CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans",sans-serif;color:#1b1b1b;background:#fafafa}
body{margin:0 auto;max-width:1200px;padding:1rem 1.5rem 4rem}
h1{margin:.2rem 0}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.muted{color:#666;font-weight:normal}.error{color:#b00020}.note{color:#8a5a00}
.grid{display:grid;grid-template-columns:minmax(240px,1fr) minmax(240px,1fr);gap:1.5rem}
.summary td{padding:.1rem .5rem}.barcell{width:200px}.bar{display:inline-block;height:.8rem;background:var(--k)}
.num{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;padding:0 .4rem;border-radius:.6rem;color:#fff;background:var(--k);font-size:.85em}
.concepts{margin:0;padding-left:1.4rem}.concepts .num{display:inline-block;min-width:2rem;color:#666}
.chart text{font-size:12px;fill:#333}.legend .chip{margin-right:.3rem}
.controls{margin:.5rem 0;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.controls input{width:22rem;padding:.25rem}
.tablewrap{max-height:32rem;overflow:auto;border:1px solid #ddd;background:#fff}
table.records{border-collapse:collapse;width:100%;font-size:.9rem}
.records th{position:sticky;top:0;background:#eee;cursor:pointer;text-align:left;padding:.3rem;user-select:none}
.records th[aria-sort=ascending]::after{content:" ▲"}.records th[aria-sort=descending]::after{content:" ▼"}
.records td{padding:.2rem .3rem;border-top:1px solid #eee;vertical-align:top}
.records tr.flash{background:#fff3b0}
.doc{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.doc-text{white-space:pre-wrap;line-height:1.7;font-size:1rem}
mark.indicator{background:color-mix(in srgb,var(--k) 22%,white);border-bottom:3px solid var(--k);border-radius:2px;
 padding:0 1px;color:inherit;cursor:help;position:relative}
mark.indicator:focus,mark.indicator.flash{outline:2px solid var(--k)}
mark.indicator:hover::after,mark.indicator:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;z-index:5;
 white-space:pre;background:#222;color:#fff;font-size:.8rem;line-height:1.35;padding:.4rem .6rem;border-radius:4px;
 pointer-events:none}
"""

JS = """
(function () {
  "use strict";
  var table = document.getElementById("records-table");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var filter = document.getElementById("filter");
  var kind = document.getElementById("kind-filter");
  var shown = document.getElementById("shown");
  function norm(s) { return s.normalize("NFC").toLowerCase(); }
  rows.forEach(function (r) {  // cell by cell, so words of two cells never run together
    r.dataset.search = norm(Array.prototype.map.call(r.cells, function (c) { return c.textContent; }).join(" "));
  });
  function apply() {
    var terms = norm(filter.value).split(/\\s+/).filter(Boolean);
    var k = kind.value, n = 0;
    rows.forEach(function (r) {
      var ok = (!k || r.dataset.kind === k) && terms.every(function (t) { return r.dataset.search.indexOf(t) >= 0; });
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + " of " + rows.length + " records shown";
  }
  filter.addEventListener("input", apply);
  kind.addEventListener("change", apply);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, i) {
    th.tabIndex = 0;
    function sortBy() {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      var num = th.dataset.type === "num";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      function key(r) {
        var c = r.cells[i], v = c.dataset.sort !== undefined ? c.dataset.sort : c.textContent;
        return num ? (v === "" ? NaN : parseFloat(v)) : v;
      }
      rows.slice().sort(function (a, b) {
        var x = key(a), y = key(b);
        if (num) {
          if (isNaN(x) || isNaN(y)) return isNaN(x) - isNaN(y);
          return (x - y) * dir;
        }
        if (x === "" || y === "") return (x === "") - (y === "");
        return x.localeCompare(y, "vi") * dir;
      }).forEach(function (r) { tbody.appendChild(r); });
    }
    th.addEventListener("click", sortBy);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(); });
  });
  function flash(el) {
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1500);
  }
  document.querySelectorAll("mark.indicator").forEach(function (m) {
    m.dataset.tip = m.getAttribute("title");
    m.removeAttribute("title");
    m.addEventListener("click", function () {
      var row = document.getElementById(m.dataset.row);
      if (row) { row.hidden = false; row.scrollIntoView({block: "nearest"}); flash(row); }
    });
  });
  rows.forEach(function (r) {
    r.addEventListener("click", function (e) {
      var m = document.getElementById(r.id.replace("row-", "m-"));
      if (m && e.target.tagName !== "A") { m.scrollIntoView({block: "center"}); flash(m); }
    });
  });
  apply();
})();
"""


def render_report(articles: list[Article], title: str = "chiso report", generated_from: str | None = None) -> str:
    """The whole report as one HTML string."""
    nonce = secrets.token_urlsafe(18)
    records = [r for a in articles for r in a.records]
    # styles may be inline (kind colours, bar widths: no script can hide there); scripts only with the nonce
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; img-src data:"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    src = f" from <code>{_e(generated_from)}</code>" if generated_from else ""
    missing = sum(1 for a in articles if a.text is None)
    missing_note = f" · {missing} without text" if missing else ""
    docs = "".join(document_section(a, d) for d, a in enumerate(articles))
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="chiso">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{_e(title)}</h1>
<p class="muted" id="counts"><span id="n-documents">{len(articles)}</span> {plural(len(articles), "document", False)} · <span id="n-records">{len(records)}</span> {plural(len(records), "indicator", False)}{missing_note} · generated {stamp}{src}</p></header>
<section id="summary"><h2>Summary</h2>
<div class="grid"><div><h3>Records by kind</h3>{_summary_kinds(records)}</div>
<div><h3>Top concepts</h3>{_summary_concepts(records)}</div></div>
<h3>Indicators by period</h3>{period_chart(records)}
</section>
<section id="records"><h2>Records</h2>{records_table(articles)}</section>
<section id="documents"><h2>Documents</h2>{docs}</section>
<script nonce="{nonce}">{JS}</script>
</body>
</html>
"""


def write_report(articles: Iterable[Article], path: str, **kwargs: Any) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(render_report(list(articles), **kwargs))
