"""Words: underthesea's `word_tokenize`, aligned to the text and repaired at number
boundaries (the spaCy tokenizer built on it is `spacy_tokenizer.py`, so that
extraction does not import spaCy).

Only clauses that hold a numeral go through underthesea (the CRF is the slow
part of the whole pipeline); other clauses are split into syllables, which is
all the extractors need there. `only_numeric_clauses=False` tokenizes
everything, which gives the same records, only slower.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import underthesea
from underthesea import word_tokenize

from .lexicon import load_json
from .normalize import Normalized, normalize
from .numerals import NUMERAL_START, Numeral, find_numerals
from .segment import Sentence, sentences, trim

_SYLLABLE = re.compile(r"\w+|[^\w\s]", re.UNICODE)


# syllables after a number given to the CRF with it: its counted noun (two words at most) and
# their context. On the 4,240 articles, 6 syllables and no left context give the same records as
# the 3 before and 8 after used before (measured 2026-11-28): the CRF sees about 40 % fewer syllables.
WINDOW_AFTER = 6
_SPACED = re.compile(r"\S+")  # a syllable with what is glued to it


@dataclass
class Analysis:
    """What the tokenizer learned about a text; kept on `doc.user_data["chiso"]`.

    Word tokens are made on demand: extraction asks for them only where a counted noun
    is read, in a window around the number (`tokens_after`); a clause tokenized whole
    (`clause_tokens`, every clause with `only_numeric_clauses=False`) is used instead
    when it is there, and both give the same records."""

    norm: Normalized
    sentences: list[Sentence]
    numerals: list[Numeral]
    warnings: list[str]
    cuts: list[int] = field(default_factory=list)  # numeral boundaries, sorted
    _clauses: list[tuple[int, int]] = field(default_factory=list)
    _tokens: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # per-document results that later records reuse

    def __post_init__(self) -> None:
        self._clauses = [c for s in self.sentences for c in s.clauses]
        self.cuts = sorted({c for n in self.numerals for c in (n.start, n.end)})

    def clause_at(self, pos: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self._clauses, (pos, 1 << 62)) - 1
        if k >= 0 and self._clauses[k][0] <= pos < self._clauses[k][1]:
            return self._clauses[k]
        return None

    def clause_tokens(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """underthesea's words of one clause, aligned to the text and cut at number boundaries."""
        if clause not in self._tokens:
            self._tokens[clause] = self._word_tokens(*clause)
        return self._tokens[clause]

    def _word_tokens(self, lo: int, hi: int) -> list[tuple[int, int]]:
        text = self.norm.text
        spans = _align(text, lo, hi, word_tokenize(text[lo:hi]))
        if spans is None:
            self.warnings.append(f"word tokens did not line up with the text at {lo}; syllables used")
            spans = syllables(text, lo, hi)
        return _split_at(spans, self.cuts, text)

    def tokens_after(self, start: int, end: int) -> list[tuple[int, int]]:
        """Word tokens around the number at `[start, end)`: the whole clause when every clause
        was tokenized, else a window of its clause from the number to WINDOW_AFTER syllables
        after it (all that counted nouns read), so underthesea sees a fraction of the text."""
        clause = self.clause_at(end - 1)  # `200 - 300 người`: the clause where the number ends
        if clause is None:
            return []
        if clause in self._tokens:
            return self._tokens[clause]
        text = self.norm.text
        lo = max(start, clause[0])
        hi = end
        for k, m in enumerate(_SPACED.finditer(text, end, clause[1])):
            hi = m.end()
            if k + 1 >= WINDOW_AFTER:
                break
        if (lo, hi) not in self._tokens:
            self._tokens[(lo, hi)] = self._word_tokens(lo, hi)
        return self._tokens[(lo, hi)]

    def all_tokens(self, only_numeric_clauses: bool = True) -> list[tuple[int, int]]:
        """Every character in a token: word tokens for clauses with a numeral (or all
        clauses), syllables elsewhere. For a spaCy Doc."""
        text = self.norm.text
        starts = [n.start for n in self.numerals]
        out: list[tuple[int, int]] = []
        for sent in self.sentences:
            pos = sent.start
            for lo, hi in sent.clauses:
                out.extend(syllables(text, pos, lo))
                k = bisect.bisect_left(starts, lo)
                if not only_numeric_clauses or (k < len(starts) and starts[k] < hi):
                    out.extend(self.clause_tokens((lo, hi)))
                else:
                    out.extend(syllables(text, lo, hi))
                pos = hi
            out.extend(syllables(text, pos, sent.end))
        return out


def _align(text: str, lo: int, hi: int, words: list[str]) -> list[tuple[int, int]] | None:
    """Offsets of underthesea's words in `text[lo:hi]`; None when they do not line up."""
    spans = []
    pos = lo
    for w in words:
        parts = w.split()
        if not parts:
            continue
        start = None
        for part in parts:
            while pos < hi and text[pos].isspace():
                pos += 1
            if not text.startswith(part, pos):
                return None
            if start is None:
                start = pos
            pos += len(part)
        assert start is not None
        spans.append((start, pos))
    while pos < hi and text[pos].isspace():
        pos += 1
    return spans if pos >= hi else None


@cache
def _dictionary() -> frozenset[str]:
    """underthesea's word list (Viet74K, shipped with the package), lower-cased: the words of
    two syllables or more, less those news text writes as two words (lexicon `not_words`)."""
    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    not_words = {normalize(w).lower for w in load_json("segments.json")["not_words"]}  # `tỉnh giảm`
    return frozenset(normalize(w).lower for w in lines if " " in w) - not_words  # `hoà bình` -> `hòa bình`


@cache
def _syllables() -> frozenset[str]:
    return frozenset(s for w in _dictionary() for s in w.split())


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Whether a lower-cased word is a syllable of the dictionary's Vietnamese words (`trong`,
    `giang`); `boeing`, `snapdragon` are not."""
    return normalize(word).lower in _syllables()


@lru_cache(maxsize=1 << 16)
def is_word(phrase: str) -> bool:
    """Whether a phrase of two or more syllables is one word of the dictionary (`tỷ lệ`, `thành phố`)."""
    return normalize(phrase).lower in _dictionary()


def syllables(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SYLLABLE.finditer(text, lo, hi)]


def _split_at(spans: list[tuple[int, int]], cuts: list[int], text: str) -> list[tuple[int, int]]:
    """Cut tokens at numeral boundaries (`cuts`, sorted): underthesea glues `21/21 thôn`, `3,2 điểm`, `mươi lăm`."""
    out = []
    for s, e in spans:
        k = bisect.bisect_right(cuts, s)
        bounds = [s]
        while k < len(cuts) and cuts[k] < e:
            bounds.append(cuts[k])
            k += 1
        bounds.append(e)
        for a, b in zip(bounds, bounds[1:], strict=False):
            a, b = trim(text, a, b)
            if a < b:
                out.append((a, b))
    return out


def analyse(raw: str, only_numeric_clauses: bool = True, segment_all: bool = False) -> Analysis:
    """Normalize, segment and find numerals; word tokens follow on demand.

    `only_numeric_clauses=False` segments every paragraph and tokenizes every clause
    up front, which gives the same records, only slower (the test of the fast path);
    `segment_all` segments every paragraph (a spaCy Doc wants its sentences)."""
    norm = normalize(raw)
    numerals = find_numerals(norm.lower)
    needed = None if segment_all or not only_numeric_clauses else NUMERAL_START  # paragraphs without numbers stay whole
    a = Analysis(norm, sentences(norm.text, needed), numerals, [])
    if not only_numeric_clauses:
        for clause in a._clauses:
            a.clause_tokens(clause)
    return a
