"""The fast path (only clauses that can hold an indicator go to underthesea) gives the records of tokenizing everything."""

from __future__ import annotations

import json
from itertools import islice

import pytest
from test_batch_resume import SENTENCES

import pipeline

GENERATED = [" ".join(s.format(n=n, p=p) for s in SENTENCES) for n, p in [(57, 114), (1500, 3.5), (12, 0)]] + [
    "Hội nghị có sự tham dự của lãnh đạo tỉnh.\nNăm nay, ba xã về đích nông thôn mới; hai mươi lăm hộ thoát nghèo.",
    "Tăng trưởng GDP quý I/2024 ước đạt 5,66%, cao hơn cùng kỳ các năm 2020 - 2023.",
]


@pytest.mark.parametrize("text", GENERATED)
def test_numeric_clauses_give_the_records_of_full_tokenization(text):
    fast = [r.to_dict() for r in pipeline.extract(text)]
    full = [r.to_dict() for r in pipeline.extract(text, only_numeric_clauses=False)]
    assert fast == full


def test_numeric_clauses_on_news_articles(news_articles):
    with open(news_articles, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in islice(f, 0, 400, 20)]
    for text in texts:
        fast = [r.to_dict() for r in pipeline.extract(text)]
        full = [r.to_dict() for r in pipeline.extract(text, only_numeric_clauses=False)]
        assert fast == full
