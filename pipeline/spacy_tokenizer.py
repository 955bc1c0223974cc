"""The spaCy tokenizer `chiso.UndertheseaTokenizer.v1`: Vietnamese words from underthesea
(`tokenizer.analyse`), offsets on the text as given. Registered with spaCy through an
entry point, so `spacy.blank("vi", config=…)` finds it without importing chiso."""

from __future__ import annotations

import warnings

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .tokenizer import analyse


class UndertheseaTokenizer:
    """spaCy tokenizer: Vietnamese words from underthesea, offsets on the text as given."""

    def __init__(self, vocab: Vocab, only_numeric_clauses: bool = True):
        self.vocab = vocab
        self.only_numeric_clauses = only_numeric_clauses

    def __call__(self, raw: str) -> Doc:
        if not raw or raw.isspace():
            return Doc(self.vocab, words=[raw] if raw else [], spaces=[False] if raw else [])
        a = analyse(raw, self.only_numeric_clauses, segment_all=True)
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        sent_starts = {a.norm.orig[s.start] for s in a.sentences}
        pos = 0
        for s, e in a.all_tokens(self.only_numeric_clauses):
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
