"""When two units are the same unit: what the scorer (SPEC section 4) compares, and what the
extractor means by "the same counted noun" (`vụ phá` and `vụ`)."""

from __future__ import annotations

import unicodedata

_UNIT_SYNONYMS = {
    "đồng": "vnd",
    "đ": "vnd",
    "vnđ": "vnd",
    "vnd": "vnd",
    "việt nam đồng": "vnd",
    "đô la": "usd",
    "đô-la": "usd",
    "usd": "usd",
    "$": "usd",
    "cây số": "km",
    "héc-ta": "ha",
    "hecta": "ha",
    "độ c": "°c",
    "phần trăm": "%",
    "m²": "m2",
    "km²": "km2",
    "m³": "m3",
    "điểm %": "điểm phần trăm",
    "gram": "g",
    "gam": "g",
    "gr": "g",
    "kilogram": "kg",
    "feet": "ft",
    "ounce": "oz",
    "ounces": "oz",
}


def norm_unit(u: str | None) -> str | None:
    """Case-folded NFC with single spaces, spelled-out currencies and units as their symbol."""
    if u is None:
        return None
    u = " ".join(unicodedata.normalize("NFC", u).casefold().split())
    return _UNIT_SYNONYMS.get(u, u)


def units_match(gold: str | None, pred: str | None) -> bool:
    """The same unit, or one the other extends word by word (`vụ` and `vụ phá rừng`)."""
    g, p = norm_unit(gold), norm_unit(pred)
    if g == p:
        return True
    if g is None or p is None:
        return False
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return long_.startswith(short) and not long_[len(short)].isalnum()
