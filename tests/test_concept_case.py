"""Concepts keep the case a reader would write: the evaluation folds case, so the example
corpus cannot see it, and these tests do."""

from __future__ import annotations

import pytest

import pipeline


@pytest.mark.parametrize(
    ("text", "at", "concept"),
    [
        # a share opened by a name with capitals inside keeps them after `tỷ lệ`
        ("MobiFone nắm giữ 95% cổ phần AVG.", "95%", "tỷ lệ MobiFone nắm giữ cổ phần AVG"),
        ("VPBank chỉ còn sở hữu 50% tại FE Credit.", "50%", "tỷ lệ VPBank chỉ còn sở hữu tại FE Credit"),
        # a sentence's capital on a common noun is lowered after `tỷ lệ`
        ("Đất đô thị chiếm 5,81%.", "5,81%", "tỷ lệ đất đô thị"),
        # a country's name that opened the sentence keeps its capital (lexicon places.json)
        ("Nga hiện kiểm soát khoảng 20% lãnh thổ Ukraine.", "20%", "tỷ lệ Nga kiểm soát lãnh thổ Ukraine"),
    ],
)
def test_share_keeps_a_names_capitals(text, at, concept):
    (record,) = [r for r in pipeline.extract(text) if r.text == at]
    assert record.concept == concept
