"""A regex alternation of many forms, grouped by the character each form can start with.

Python's `re` tries every branch of an alternation at every position; with sixty period
forms, most of them opening with optional words, that is most of the period grammar's time.
`alternation_by_first_char(forms)` matches exactly what `(?:f1)|(?:f2)|…` matches, first
branch first, but at each position only the forms that can start with the character there
are tried: `(?=[tđ])(?:…)|(?=[0-9])(?:…)|…`. The first characters come from the parsed
pattern (`re._parser`); a form whose first character cannot be told is tried everywhere."""

from __future__ import annotations

import importlib
import re
from typing import Any

_c: Any
_p: Any
try:  # the parser `re` itself uses (Python >= 3.11; private, so looked up by name)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - without it, every form is tried everywhere
    _c = _p = None

_MAX_RANGE = 400  # a character range wider than this counts as "could be anything"
DIGIT = r"\d"  # stands for every character `\d` matches (any decimal digit, not only 0-9)


def _first(items: Any) -> tuple[set[str] | None, bool]:
    """(the characters a parsed sequence can start with, or None when unknown; whether it can
    match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is _c.IN:
            for o, a in av:
                if o is _c.LITERAL:
                    out.add(chr(a))
                elif o is _c.RANGE and a[1] - a[0] < _MAX_RANGE:
                    out.update(chr(x) for x in range(a[0], a[1] + 1))
                elif o is _c.CATEGORY and a is _c.CATEGORY_DIGIT:
                    out.add(DIGIT)
                else:
                    return None, False
            return out, False
        if op is _c.SUBPATTERN or op is _c.BRANCH or op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if op is _c.SUBPATTERN:
                if av[1] & _c.SRE_FLAG_IGNORECASE:
                    return None, False  # `(?i:…)`: either case
                subs, least = [av[-1]], 1
            elif op is _c.BRANCH:
                subs, least = av[1], 1
            else:
                subs, least = [av[2]], av[0]
            empty = False
            for sub in subs:
                chars, sub_empty = _first(sub)
                if chars is None:
                    return None, False
                out |= chars
                empty = empty or sub_empty
            if least > 0 and not empty:
                return out, False
            continue  # it may match nothing: what follows can start the match too
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero-width
        return None, False
    return out, True


def first_chars(form: str) -> frozenset[str] | None:
    """The characters a match of `form` can start with; None when that cannot be told."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(form)
        if parsed.state.flags & re.IGNORECASE:
            return None
        chars, empty = _first(parsed)
    except Exception:  # noqa: BLE001 - a form the analysis does not understand is tried everywhere
        return None
    return None if chars is None or empty else frozenset(chars)


def by_first_char(forms: list[str]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """For each character some form can start with (`DIGIT` for any other decimal digit), the
    indices, in order, of the forms a match there can come from; and the forms whose first
    character cannot be told (tried everywhere)."""
    firsts = [first_chars(f) for f in forms]
    anywhere = tuple(i for i, f in enumerate(firsts) if f is None)
    keys = sorted(set().union(*(f for f in firsts if f is not None)))

    def can_start(f: frozenset[str] | None, c: str) -> bool:
        return f is None or c in f or (c != DIGIT and c.isdecimal() and DIGIT in f)

    return {c: tuple(i for i, f in enumerate(firsts) if can_start(f, c)) for c in keys}, anywhere


def forms_at(index: dict[str, tuple[int, ...]], anywhere: tuple[int, ...], c: str) -> tuple[int, ...]:
    """The forms a match starting with the character `c` can come from."""
    if c in index:
        return index[c]
    return index.get(DIGIT, anywhere) if c.isdecimal() else anywhere


def alternation_by_first_char(forms: list[str]) -> str:
    """A pattern matching what `(?:f1)|(?:f2)|…` matches, tried per first character."""
    index, anywhere = by_first_char(forms)
    groups: dict[tuple[int, ...], list[str]] = {}
    for c, members in index.items():
        groups.setdefault(members, []).append(c)
    listed_digits = [c for c in index if c != DIGIT and c.isdecimal()]
    parts = []
    for members, cs in groups.items():
        look = "(?=[" + "".join(c if c == DIGIT else re.escape(c) for c in cs) + "])"
        others = [d for d in listed_digits if d not in cs]
        if DIGIT in cs and others:
            look += "(?![" + "".join(others) + "])"  # a listed digit has its own forms
        parts.append(look + "(?:" + "|".join(f"(?:{forms[i]})" for i in members) + ")")
    return "|".join(parts + [f"(?:{forms[i]})" for i in anywhere])
