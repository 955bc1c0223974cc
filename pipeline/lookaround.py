"""Lexicon phrases and words right before or after a position of the lower-cased text:
the lookups every reading rule of `quantities.py` makes (`hơn` before a number, `tấn`
after it, `Kết luận` naming it)."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|%|\$|€|°c", re.UNICODE)


@lru_cache(maxsize=512)
def after_re(phrases: tuple[str, ...], boundary: str = r"[\w-]") -> re.Pattern[str]:
    alts = "|".join(
        re.escape(p) + (rf"(?!{boundary})" if p[-1].isalnum() else "") for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(r"(?:" + alts + r")")


_KEYS: dict[int, tuple[object, tuple[str, ...], dict[str, tuple[str, ...]]]] = {}
_Lexicon = tuple[tuple[str, ...], dict[str, tuple[str, ...]]]


def _lexicon(phrases: dict | list | set | tuple) -> _Lexicon:
    """The phrases as a tuple, and by their last character longest first. A lexicon section (a
    dict, loaded once) is indexed once per object (kept, so its id stays its own); a short list
    written in the code is indexed by its phrases, in a bounded cache: a cache by id would keep
    every list a call makes."""
    if not isinstance(phrases, dict):
        return _indexed(tuple(phrases))
    hit = _KEYS.get(id(phrases))
    if hit is None or hit[0] is not phrases:
        hit = _KEYS[id(phrases)] = (phrases, *_indexed(tuple(phrases)))
    return hit[1], hit[2]


@lru_cache(maxsize=256)
def _indexed(phrases: tuple[str, ...]) -> _Lexicon:
    by_last: dict[str, list[str]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        if p:
            by_last.setdefault(p[-1], []).append(p)
    return phrases, {c: tuple(ps) for c, ps in by_last.items()}


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\w` matches


def phrase_before(low: str, start: int, lo: int, phrases: dict | list | set | tuple) -> str | None:
    """The longest phrase of `phrases` that ends right before `start` (whole words)."""
    window = max(lo, start - 48)
    if window > lo:  # start the window at a word boundary
        space = low.find(" ", window, start)
        window = space + 1 if space >= 0 else start
    return ending_phrase(low[window:start].rstrip(), phrases)


def ending_phrase(text: str, phrases: dict | list | set | tuple) -> str | None:
    """The longest phrase of `phrases` that ends `text`, as whole words."""
    for p in _lexicon(phrases)[1].get(text[-1:], ()):
        if text.endswith(p) and (len(text) == len(p) or not is_word_char(text[-len(p) - 1])):
            return p
    return None


_LIST_NEXT = re.compile(r",\s*\d")
_LIST_TAIL = re.compile(r"(?:[\s:]|\d+[a-z]?\s*(?:,|và)\s*)+$")


def name_before(low: str, start: int, lo: int, phrases: dict, end: int = -1) -> str | None:
    """Like `phrase_before`, also through earlier members of a list (and a colon before them):
    `các tổ: 25, 26` (25 when a list follows it, 26), `vành đai 1, 2, 3` (2, 3), `quận 2, 9 và Thủ Đức` (9)."""
    found = phrase_before(low, start, lo, phrases)
    if found:
        return found
    window = max(lo, start - 80)
    j = start
    while j > window and low[j - 1].isspace():
        j -= 1
    if j == window or not (low[j - 1] in ",:" or low.endswith("và", window, j)):
        return None  # no list mark right before: not a later member (the cheap test first)
    if low[j - 1] == ":" and end >= 0 and _LIST_NEXT.match(low, end):
        return phrase_before(low, j - 1, lo, phrases)  # `các tổ: 25, 26, …`: the first of a list of names
    tail = _LIST_TAIL.search(low, window, start)
    if tail is None or not any(c.isdigit() for c in low[tail.start() : start]):
        return None  # only a later member of a list: `Dân số: 8.000 người` stays a count
    return phrase_before(low, tail.start(), lo, phrases)


def phrase_after(low: str, end: int, hi: int, phrases: dict | list | set | tuple) -> str | None:
    """The longest phrase of `phrases` that starts right after `end` (whole words)."""
    pos = end
    while pos < hi and low[pos] == " ":
        pos += 1
    m = after_re(_lexicon(phrases)[0]).match(low, pos, hi)
    return m.group() if m else None


def last_matches(pattern: re.Pattern[str], text: str, lo: int, hi: int, n: int) -> list[re.Match[str]]:
    """The last `n` matches of `pattern` in `text[lo:hi]`, scanning back only as far as needed
    (a clause may run for thousands of characters). For patterns of words, not spaces."""
    reach = 16 * (n + 1)
    while True:
        scan = max(lo, hi - reach)
        found = list(pattern.finditer(text, scan, hi))
        if scan == lo or len(found) > n:  # more than n: the first, maybe cut by `scan`, is not kept
            return found[-n:] if n else []
        reach *= 4


def words_before(low: str, start: int, lo: int, n: int) -> list[str]:
    """The last `n` words of `low[lo:start]`."""
    return [m.group() for m in last_matches(WORD, low, lo, start, n)]


def next_word(low: str, end: int, hi: int) -> str | None:
    m = WORD.search(low, end, hi)
    if m is None or low[end : m.start()].strip():
        return None
    return m.group()
