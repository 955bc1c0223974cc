"""The counted noun a count's unit is read from, as a reader sees it in the `unit` field."""

import pytest

import pipeline

CASES = {
    # `một` after the noun opens a rate (`một năm`, `một ngày`): no part of the noun
    "rate-per-one-year": ("Nhà ga T3 có công suất 20 triệu khách một năm.", "20 triệu", "khách"),
    "rate-per-one-day": ("Bang này ghi nhận hơn 2.000 ca một ngày.", "2.000", "ca"),
    # a two-word noun is kept whole
    "two-word-noun": ("Năm nay huyện kết nạp 57 đảng viên mới.", "57", "đảng viên"),
    # an adverb after a one-syllable noun belongs to the verb after it (lexicon not_counted_tokens)
    "adverb-very": ("Quan hệ giữa 2 người rất thân thiết.", "2", "người"),
    "adverb-once": ("Có 2 người từng làm việc tại xã.", "2", "người"),
    "adverb-quite": ("Có 2 đội khá mạnh trong bảng.", "2", "đội"),
    # a word that opens what follows the noun: a region, a verb's `tự`, a modal
    "region-after": ("Sự cố xảy ra tại 4 tỉnh miền Trung.", "4", "tỉnh"),
    "self-verb-after": ("Danh sách có 9 người tự ứng cử.", "9", "người"),
    "modal-after": ("Có 3 nhà phải di dời.", "3", "nhà"),
}


@pytest.mark.parametrize(("text", "at", "unit"), CASES.values(), ids=CASES.keys())
def test_counted_unit_as_read(text, at, unit):
    records = [r for r in pipeline.extract(text) if r.text == at]
    assert [r.unit for r in records] == [unit]
