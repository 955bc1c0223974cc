"""The indicator record of SPEC section 2."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Indicator:
    """One numeric indicator; `text == document[start:end]` on the text as read."""

    start: int
    end: int
    text: str
    kind: str
    value: float | int
    value_max: float | int | None = None
    denominator: float | int | None = None
    unit: str | None = None
    comparator: str = "="
    change: str | None = None
    concept: str | None = None
    reference: str | None = None
    period: str | None = None
    period_norm: str | None = None  # `2023`, `2024-Q1`, `2024-H1`, `2024-03`, `2021/2025`
    location: str | None = None
    sentence: tuple[int, int] = (0, 0)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {f: getattr(self, f) for f in _FIELDS}  # not dataclasses.asdict: it deep-copies, slowly
        d["sentence"] = list(self.sentence)
        for k in ("value", "value_max", "denominator"):
            d[k] = _plain(d[k])
        d.update(self.extra)
        return d


_FIELDS = tuple(f.name for f in fields(Indicator) if f.name != "extra")


def _plain(v: float | int | None) -> float | int | None:
    """Whole numbers as int (57, not 57.0); others rounded to drop float noise."""
    if v is None:
        return None
    if float(v).is_integer():
        return int(v)
    return round(float(v), 9)
