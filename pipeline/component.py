"""spaCy integration: the `chiso_indicators` component and `load()`."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract import indicators
from .records import Indicator
from .tokenizer import UndertheseaTokenizer, analyse

_FIELDS = ("kind", "value", "value_max", "denominator", "unit", "comparator", "change",
           "concept", "reference", "period", "location")
for _f in _FIELDS:
    if not Span.has_extension(_f):
        Span.set_extension(_f, default=None)
if not Doc.has_extension("indicators"):
    Doc.set_extension("indicators", default=None)


class IndicatorComponent:
    """Fills `doc._.indicators` (records) and `doc.spans["indicators"]` (spans with every field)."""

    def __init__(self, nlp: Language, name: str, all_kinds: bool = False):
        self.name = name
        self.all_kinds = all_kinds

    def __call__(self, doc: Doc) -> Doc:
        a = doc.user_data.get("chiso")
        if a is None:  # a Doc from another tokenizer: analyse its text
            a = analyse(doc.text)
        records: list[Indicator] = indicators(a, self.all_kinds) if doc.text.strip() else []
        doc._.indicators = records
        spans = []
        for r in records:
            span = doc.char_span(r.start, r.end, label=r.kind, alignment_mode="expand")
            if span is None:
                continue
            for f in _FIELDS:
                span._.set(f, getattr(r, f))
            spans.append(span)
        doc.spans["indicators"] = spans
        return doc


@Language.factory("chiso_indicators", default_config={"all_kinds": False})
def make_indicator_component(nlp: Language, name: str, all_kinds: bool) -> IndicatorComponent:
    return IndicatorComponent(nlp, name, all_kinds)


def load(only_numeric_clauses: bool = True) -> Language:
    """A spaCy pipeline: the underthesea tokenizer and the `chiso_indicators` component."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "chiso.UndertheseaTokenizer.v1",
                                    "only_numeric_clauses": only_numeric_clauses}}}
    nlp = spacy.blank("vi", config=config)
    nlp.add_pipe("chiso_indicators")
    return nlp


_ = UndertheseaTokenizer  # registered on import
