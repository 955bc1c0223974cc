"""Words: underthesea's `word_tokenize`, aligned to the text, repaired at number
boundaries, and packed into a spaCy `Doc` by a tokenizer registered with spaCy.

Only clauses that hold a numeral go through underthesea (the CRF is the slow
part of the whole pipeline); other clauses are split into syllables, which is
all the extractors need there. `only_numeric_clauses=False` tokenizes
everything, which gives the same records, only slower.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab
from underthesea import word_tokenize

from .normalize import Normalized, normalize
from .numerals import Numeral, find_numerals
from .segment import Sentence, sentences

_SYLLABLE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_NUMERIC_HINT = re.compile(r"\d|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ|nửa|hai|ba|bốn|sáu|bảy|tám|chín")


@dataclass
class Analysis:
    """What the tokenizer learned about a text; kept on `doc.user_data["chiso"]`."""

    norm: Normalized
    sentences: list[Sentence]
    numerals: list[Numeral]
    tokens: list[tuple[int, int]]  # normalized offsets of the word tokens
    warnings: list[str]


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


def _syllables(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SYLLABLE.finditer(text, lo, hi)]


def _split_at(spans: list[tuple[int, int]], cuts: set[int], text: str) -> list[tuple[int, int]]:
    """Cut tokens at numeral boundaries: underthesea glues `21/21 thôn`, `3,2 điểm`, `mươi lăm`."""
    out = []
    for s, e in spans:
        points = sorted(c for c in cuts if s < c < e)
        bounds = [s, *points, e]
        for a, b in zip(bounds, bounds[1:], strict=False):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def analyse(raw: str, only_numeric_clauses: bool = True) -> Analysis:
    """Normalize, segment, find numerals and tokenize `raw`."""
    norm = normalize(raw)
    text = norm.text
    sents = sentences(text)
    numerals = find_numerals(norm.lower)
    cuts: set[int] = set()
    for n in numerals:
        cuts.update((n.start, n.end))
    notes: list[str] = []
    tokens: list[tuple[int, int]] = []
    for sent in sents:
        pos = sent.start
        for lo, hi in sent.clauses:
            tokens.extend(_syllables(text, pos, lo))  # separators between clauses
            wanted = not only_numeric_clauses or _NUMERIC_HINT.search(norm.lower, lo, hi) is not None
            spans = None
            if wanted:
                spans = _align(text, lo, hi, word_tokenize(text[lo:hi]))
                if spans is None:
                    notes.append(f"word tokens did not line up with the text at {lo}; syllables used")
            tokens.extend(_split_at(spans if spans is not None else _syllables(text, lo, hi), cuts, text))
            pos = hi
        tokens.extend(_syllables(text, pos, sent.end))
    return Analysis(norm, sents, numerals, tokens, notes)


class UndertheseaTokenizer:
    """spaCy tokenizer: Vietnamese words from underthesea, offsets on the text as given."""

    def __init__(self, vocab: Vocab, only_numeric_clauses: bool = True):
        self.vocab = vocab
        self.only_numeric_clauses = only_numeric_clauses

    def __call__(self, raw: str) -> Doc:
        if not raw or raw.isspace():
            return Doc(self.vocab, words=[raw] if raw else [], spaces=[False] if raw else [])
        a = analyse(raw, self.only_numeric_clauses)
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        sent_starts = {a.norm.orig[s.start] for s in a.sentences}
        pos = 0
        for s, e in a.tokens:
            rs, re_ = a.norm.orig[s], a.norm.orig[e]
            gap = raw[pos:rs]
            if gap:
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    if gap.startswith(" ") and words and not spaces[-1]:
                        spaces[-1] = True
                        gap = gap[1:]
                    if gap:
                        words.append(gap)
                        spaces.append(False)
                        starts.append(False)
            words.append(raw[rs:re_])
            spaces.append(False)
            starts.append(rs in sent_starts)
            pos = re_
        if pos < len(raw):
            words.append(raw[pos:])
            spaces.append(False)
            starts.append(False)
        if starts:
            starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)
        if doc.text != raw:  # never shift offsets silently
            warnings.warn("chiso tokenizer: misaligned tokens; falling back to one token per text", stacklevel=2)
            doc = Doc(self.vocab, words=[raw], spaces=[False])
        doc.user_data["chiso"] = a
        return doc

    def to_disk(self, path, **kwargs):  # noqa: ANN001 - spaCy serialization protocol
        pass

    def from_disk(self, path, **kwargs):  # noqa: ANN001
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):  # noqa: ANN201
        return self


@registry.tokenizers("chiso.UndertheseaTokenizer.v1")
def create_tokenizer(only_numeric_clauses: bool = True):  # noqa: ANN201
    """`[nlp.tokenizer] @tokenizers = "chiso.UndertheseaTokenizer.v1"` in a spaCy config."""

    def make(nlp):  # noqa: ANN001, ANN202
        return UndertheseaTokenizer(nlp.vocab, only_numeric_clauses)

    return make
