"""Records as a pandas `DataFrame`, one row per indicator, with proper dtypes.

>>> from pipeline import extract, to_dataframe
>>> df = to_dataframe(extract("Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch."))
>>> df[["text", "kind", "value", "unit"]].to_dict("records")
[{'text': '57', 'kind': 'count', 'value': 57.0, 'unit': 'đảng viên'}, {'text': '114%', 'kind': 'percent', 'value': 114.0, 'unit': '%'}]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .outputs import KINDS
from .records import Indicator

COMPARATORS = ["=", ">", ">=", "<", "<=", "~"]
CHANGES = ["increase", "decrease"]

INT_COLUMNS = ["start", "end", "sentence_start", "sentence_end", "period_year"]
FLOAT_COLUMNS = ["value", "value_max", "denominator"]
STRING_COLUMNS = ["id", "source", "text", "unit", "concept", "reference", "period", "period_norm", "location"]
COLUMNS = [
    "id", "source", "start", "end", "text", "kind", "value", "value_max", "denominator", "unit", "comparator",
    "change", "concept", "reference", "period", "period_norm", "period_year", "location", "sentence_start", "sentence_end",
]  # fmt: skip

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")


def period_year(period: str | None) -> int | None:
    """The last year written in a period (`6 tháng đầu năm 2024` → 2024; `2020 - 2025` → 2025)."""
    if not period:
        return None
    years = _YEAR.findall(period)
    return int(years[-1]) if years else None


def _rows(source: str | Path | Iterable[Any]) -> list[dict[str, Any]]:
    """Flat record dicts from a path, output lines, record dicts or `Indicator`s."""
    if isinstance(source, str | Path):
        from .outputs import load_articles, records_of

        return list(records_of(load_articles([Path(source)], with_text=False)))
    rows: list[dict[str, Any]] = []
    for item in source:
        if isinstance(item, Indicator):
            rows.append(item.to_dict())
        elif isinstance(item, dict) and isinstance(item.get("indicators"), list):  # an output line
            rows.extend({"id": item.get("id"), "source": item.get("source"), **r} for r in item["indicators"])
        elif isinstance(item, dict):
            rows.append(dict(item))
        else:
            raise TypeError(f"to_dataframe: expected Indicator, record dict or output line, got {type(item).__name__}")
    return rows


def to_dataframe(records_or_path: str | Path | Iterable[Any]) -> pd.DataFrame:
    """One row per record, columns in SPEC order with typed, nullable dtypes.

    Accepts a path (`chiso extract` output, or inputs to extract on the fly), output
    lines (`{"id", "source", "indicators"}`), record dicts or `Indicator`s.
    `sentence` becomes `sentence_start`/`sentence_end`; `period_year` is the year the
    period names, to sort a time series. Fields beyond SPEC section 2 are kept after
    the standard columns.
    """
    rows = _rows(records_or_path)
    for r in rows:
        sent = r.pop("sentence", None)
        if isinstance(sent, list | tuple) and len(sent) == 2:
            r["sentence_start"], r["sentence_end"] = sent
        r["period_year"] = period_year(r.get("period"))
    extra = sorted({k for r in rows for k in r} - set(COLUMNS))
    df = pd.DataFrame(rows, columns=[*COLUMNS, *extra])
    for c in INT_COLUMNS:
        df[c] = pd.array(df[c].tolist(), dtype="Int64")
    for c in FLOAT_COLUMNS:
        df[c] = pd.array([None if v is None or pd.isna(v) else float(v) for v in df[c]], dtype="Float64")
    for c in STRING_COLUMNS:
        df[c] = df[c].astype("string")
    kinds = KINDS + sorted(set(df["kind"].dropna()) - set(KINDS))
    df["kind"] = pd.Categorical(df["kind"], categories=kinds)
    df["comparator"] = pd.Categorical(df["comparator"], categories=COMPARATORS)
    df["change"] = pd.Categorical(df["change"], categories=CHANGES)
    return df
