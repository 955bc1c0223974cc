"""An archive of records as an analyst's table: values aggregated per concept, period, location …

Rows with different kinds or units are never pooled: `kind` and `unit` are always
part of the key, so a count of households and a percent of households stay apart.
Rows are sorted by the key with periods in time order (by the year they name),
which turns a news archive into time series per concept and location; group by
`period_norm` (`2024-Q1`, `2024-H1`, `2023`) to pool the ways one period is written.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .frame import period_year

FORMATS = ("csv", "md", "parquet")
GROUP_FIELDS = ("concept", "period", "period_norm", "location", "kind", "unit", "reference", "change", "comparator", "id",
                "source")  # fmt: skip
PERIOD_FIELDS = ("period", "period_norm")  # as written (`Quý I/2024`), normalized (`2024-Q1`)
UNDATED, NO_PERIOD = 10_000.0, 10_001.0  # sort keys after every real year
VALUE_COLUMNS = ["records", "documents", "value_min", "value_median", "value_max", "value_mean", "ids"]


def aggregate(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per key in `by` (+ kind, unit): records, documents, value min/median/max/mean, ids.

    Keys compare without case and extra spaces (`Năm 2023` at a sentence start is
    `năm 2023`); a row shows the form written first. A missing key is a row too,
    sorted after the present ones.
    """
    unknown = [b for b in by if b not in GROUP_FIELDS]
    if unknown:
        raise ValueError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(GROUP_FIELDS)}")
    keys = list(dict.fromkeys([*by, "kind", "unit"]))
    if df.empty:
        return pd.DataFrame(columns=[*keys, *VALUE_COLUMNS])
    work = df.copy()
    group_cols = []
    for k in keys:
        work[k] = work[k].astype("string").fillna("")
        if k in PERIOD_FIELDS:  # dated periods in time order, then undated ones (`hiện nay`), then none
            year = pd.array([period_year(p) for p in work[k]], dtype="Float64")
            work[f"_year_{k}"] = pd.Series(year, index=work.index).fillna(UNDATED).where(work[k] != "", NO_PERIOD)
            group_cols.append(f"_year_{k}")
        else:
            work[f"_missing_{k}"] = work[k] == ""
            group_cols.append(f"_missing_{k}")
        work[f"_key_{k}"] = work[k].str.casefold().str.split().str.join(" ")
        group_cols.append(f"_key_{k}")
    out = (
        work.groupby(group_cols, sort=True, dropna=False)
        .agg(
            **{k: (k, "first") for k in keys},
            records=("value", "size"),
            documents=("id", "nunique"),
            value_min=("value", "min"),
            value_median=("value", "median"),
            value_max=("value", "max"),
            value_mean=("value", "mean"),
            ids=("id", lambda s: " ".join(dict.fromkeys(str(x) for x in s.dropna()))),
        )
        .reset_index(drop=True)
    )
    for k in keys:
        out[k] = out[k].replace("", pd.NA).astype("string")
    out["records"] = out["records"].astype("Int64")
    out["documents"] = out["documents"].astype("Int64")
    return out


def _md_cell(v: object) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).replace("|", "\\|").replace("\n", " ")


def to_markdown(df: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table (no `tabulate` needed)."""
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "|".join("---" for _ in df.columns) + "|"]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def write_table(df: pd.DataFrame, fmt: str, output: Path | None) -> str | None:
    """Write `df` as `fmt` to `output`, or return it as text when `output` is None (not for parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None:
            raise ValueError("--format parquet needs -o FILE (it is binary)")
        df.to_parquet(output, index=False)
        return None
    text = df.to_csv(index=False) if fmt == "csv" else to_markdown(df)
    if output is None:
        return text
    output.write_text(text, encoding="utf-8")
    return None
