import unicodedata

import pytest
import spacy

from pipeline.spacy_tokenizer import UndertheseaTokenizer
from pipeline.tokenizer import analyse


@pytest.fixture(scope="module")
def tokenizer():
    return UndertheseaTokenizer(spacy.blank("xx").vocab)


def test_tokenizer_splits_numbers_glued_by_underthesea(tokenizer):
    doc = tokenizer("Có 21/21 thôn và 3,2 điểm.")
    words = [t.text for t in doc]
    assert "thôn" in words and "21" in words and "3,2" in words
    assert "21/21 thôn" not in words and "3,2 điểm" not in words


@pytest.mark.parametrize(
    "text",
    ["Hoà Bình có 57 đảng viên.", unicodedata.normalize("NFD", "Hoà Bình có 57 đảng viên."), "a\n\n  b  57 %", "   "],
)
def test_tokenizer_doc_text_is_the_input(tokenizer, text):
    assert tokenizer(text).text == text


def test_tokenizer_keeps_compound_words():
    a = analyse("Toàn huyện kết nạp mới 57 đảng viên.")
    words = [a.norm.text[s:e] for s, e in a.all_tokens()]
    assert "đảng viên" in words and "kết nạp" in words


@pytest.mark.parametrize(
    "text",
    [
        "Tiêu đề\n\nDoanh thu tăng gấp đôi so với cùng kỳ.",  # a number without a numeral, in a later paragraph
        "Mỗi ngày có 200 - 300 người đến khám; trời hôm nay đẹp.",  # a range across a spaced dash
        "Hội nghị có sự tham dự của lãnh đạo tỉnh.\n\nNăm nay, ba xã về đích; hai mươi lăm hộ thoát nghèo.",
    ],
)
def test_tokenizer_fast_path_regressions(text):
    import pipeline

    fast = [r.to_dict() for r in pipeline.extract(text)]
    assert fast and fast == [r.to_dict() for r in pipeline.extract(text, only_numeric_clauses=False)]


def test_tokenizer_numeric_clauses_only_gives_same_records_as_everything():
    import pipeline

    text = "Năm 2023, huyện có 57 đảng viên mới, đạt 114% kế hoạch. Trời hôm nay đẹp, mọi người vui vẻ."
    fast = [r.to_dict() for r in pipeline.extract(text)]
    full = [r.to_dict() for r in pipeline.extract(text, only_numeric_clauses=False)]
    assert fast == full and len(fast) == 2


def test_is_word_reads_underthesea_word_list_in_both_tone_placements():
    from pipeline.tokenizer import is_word

    assert is_word("tỷ lệ") and is_word("thành phố")
    assert is_word("hòa bình") and is_word("hoà bình")  # the list writes `hoà`, texts are read as `hòa`
    assert not is_word("phố sẽ")
