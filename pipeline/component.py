"""spaCy integration: the `chiso_indicators` component and `load()`.

    >>> import pipeline
    >>> nlp = pipeline.load()
    >>> doc = nlp("Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch.")
    >>> [(s.text, s.label_, s._.value, s._.unit) for s in doc.spans["indicators"]]
    [('57', 'count', 57, 'đảng viên'), ('114%', 'percent', 114, '%')]

Both the tokenizer (`chiso.UndertheseaTokenizer.v1`) and the component are
registered through entry points (pyproject.toml), so a spaCy user needs no
import: `spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers":
"chiso.UndertheseaTokenizer.v1"}}})` then `nlp.add_pipe("chiso_indicators")`.
The spans render with `displacy.render(doc, style="span", options={"spans_key": "indicators"})`,
coloured by kind as in `chiso report` with `options=pipeline.component.DISPLACY_OPTIONS`.
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract import indicators
from .outputs import KIND_COLORS
from .spacy_tokenizer import UndertheseaTokenizer
from .tokenizer import analyse

SPANS_KEY = "indicators"
# `displacy.render(doc, style="span", options=DISPLACY_OPTIONS)`: the spans, coloured by kind as in `chiso report`
DISPLACY_OPTIONS = {"spans_key": SPANS_KEY, "colors": dict(KIND_COLORS)}
# Every field of a record (SPEC section 2) as a span attribute; `start`, `end` and `text`
# are the span's own `start_char`, `end_char` and `text`, and also kept exactly in `_.record`.
SPAN_FIELDS = ("kind", "value", "value_max", "denominator", "unit", "comparator", "change", "concept", "reference",
               "period", "location", "sentence", "record")  # fmt: skip
for _f in SPAN_FIELDS:
    if not Span.has_extension(_f):
        Span.set_extension(_f, default=None)
if not Doc.has_extension("indicators"):
    Doc.set_extension("indicators", default=None)


class IndicatorComponent:
    """Fills `doc.spans["indicators"]` (one span per record, labelled by kind, every field as `span._.<field>`)
    and `doc._.indicators` (the records as SPEC dicts)."""

    def __init__(self, nlp: Language, name: str, all_kinds: bool = False):
        self.name = name
        self.all_kinds = all_kinds

    def __call__(self, doc: Doc) -> Doc:
        # the chiso tokenizer leaves its analysis on the Doc; use it once and drop it, so the
        # Doc stays serializable (`to_bytes`, `DocBin`). A Doc from another tokenizer is analysed here.
        a = doc.user_data.pop("chiso", None)
        if a is None and doc.text.strip():
            a = analyse(doc.text)
        records: list[dict[str, Any]] = [r.to_dict() for r in indicators(a, self.all_kinds)] if a is not None else []
        doc._.indicators = records
        spans = []
        for r in records:
            span = doc.char_span(r["start"], r["end"], label=r["kind"]) or doc.char_span(
                r["start"], r["end"], label=r["kind"], alignment_mode="expand"
            )  # a record inside a foreign tokenizer's token gets the whole token
            if span is None:
                continue
            for f in SPAN_FIELDS:
                span._.set(f, r if f == "record" else (tuple(r[f]) if f == "sentence" else r.get(f)))
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory("chiso_indicators", default_config={"all_kinds": False})
def make_indicator_component(nlp: Language, name: str, all_kinds: bool) -> IndicatorComponent:
    """`nlp.add_pipe("chiso_indicators")`; `config={"all_kinds": True}` also keeps dates, years, ordinals …"""
    return IndicatorComponent(nlp, name, all_kinds)


def load(only_numeric_clauses: bool = True) -> Language:
    """A spaCy pipeline: the underthesea tokenizer and the `chiso_indicators` component."""
    tokenizer = {"@tokenizers": "chiso.UndertheseaTokenizer.v1", "only_numeric_clauses": only_numeric_clauses}
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": tokenizer}})
    nlp.add_pipe("chiso_indicators")
    return nlp


_ = UndertheseaTokenizer  # registered on import
