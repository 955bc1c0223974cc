"""spaCy: `pipeline.load()`, the `chiso_indicators` component, entry points, displacy, serialization."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin

import pipeline
import pipeline.component
from pipeline.component import SPAN_FIELDS

TEXT = "Năm 2023, toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch; 13/21 thôn có chi bộ."


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


def test_spacy_load_tokenizer_and_component(nlp):
    assert nlp.lang == "vi" and nlp.pipe_names == ["chiso_indicators"]
    assert type(nlp.tokenizer).__name__ == "UndertheseaTokenizer"
    doc = nlp(TEXT)
    assert "đảng viên" in [t.text for t in doc]  # underthesea words, not syllables
    assert doc.text == TEXT


def test_spacy_spans_carry_every_record_field(nlp):
    doc = nlp(TEXT)
    records = [r.to_dict() for r in pipeline.extract(TEXT)]
    spans = list(doc.spans["indicators"])
    assert len(spans) == len(records) == 3
    for span, r in zip(spans, records, strict=True):
        assert (span.start_char, span.end_char, span.text, span.label_) == (r["start"], r["end"], r["text"], r["kind"])
        for f in SPAN_FIELDS:
            want = r if f == "record" else tuple(r["sentence"]) if f == "sentence" else r[f]
            assert span._.get(f) == want, f
    assert doc._.indicators == records
    assert spans[2]._.denominator == 21 and spans[0]._.unit == "đảng viên" and spans[1]._.reference == "kế hoạch"


@pytest.mark.parametrize("text", ["", "   \n", "Không có con số nào ở đây."])
def test_spacy_documents_without_indicators(nlp, text):
    doc = nlp(text)
    assert list(doc.spans["indicators"]) == [] and doc._.indicators == []


def test_spacy_docs_serialize(nlp):
    doc = nlp(TEXT)
    db = DocBin(store_user_data=True)
    db.add(doc)
    back = next(DocBin(store_user_data=True).from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    assert [(s.text, s.label_, s._.unit) for s in back.spans["indicators"]] == [
        (s.text, s.label_, s._.unit) for s in doc.spans["indicators"]
    ]


def test_spacy_component_on_another_tokenizer():
    nlp = spacy.blank("xx")  # spaCy's own rule tokenizer: the component analyses the text itself
    nlp.add_pipe("chiso_indicators")
    doc = nlp(TEXT)
    assert [s.text for s in doc.spans["indicators"]] == ["57", "114%", "13/21"]


def test_spacy_displacy_renders_the_spans(nlp):
    html = displacy.render(nlp(TEXT), style="span", options={"spans_key": "indicators"}, page=False)
    for label in ("count", "percent", "ratio"):
        assert label in html


def test_spacy_displacy_colours_kinds_as_the_report():
    from pipeline.component import DISPLACY_OPTIONS
    from pipeline.outputs import KIND_COLORS

    html = displacy.render(pipeline.load()(TEXT), style="span", options=DISPLACY_OPTIONS, page=False)
    assert KIND_COLORS["count"] in html and KIND_COLORS["percent"] in html


def test_spacy_entry_points_work_without_importing_pipeline(tmp_path):
    """A spaCy user's view: nothing imported from chiso, only spaCy and the installed entry points."""
    code = (
        "import json, spacy, sys\n"
        "nlp = spacy.blank('vi', config={'nlp': {'tokenizer': {'@tokenizers': 'chiso.UndertheseaTokenizer.v1'}}})\n"
        "nlp.add_pipe('chiso_indicators')\n"
        f"doc = nlp({TEXT!r})\n"
        "nlp.to_disk(sys.argv[1])\n"
        "again = spacy.load(sys.argv[1])\n"
        "doc2 = again(doc.text)\n"
        "print(json.dumps([[s.text, s.label_] for s in doc2.spans['indicators']]))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "model")], capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert json.loads(res.stdout.splitlines()[-1]) == [["57", "count"], ["114%", "percent"], ["13/21", "ratio"]]


def test_spacy_doctest():
    assert doctest.testmod(pipeline.component).failed == 0
