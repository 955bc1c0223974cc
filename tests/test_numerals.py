import pytest

from pipeline.numerals import find_numerals, parse_digits


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("57", 57),
        ("1.234,5", 1234.5),
        ("2.500", 2500),
        ("61,9", 61.9),
        ("1.000.000", 1e6),
        ("2.5", 2.5),
        ("1,234,567", 1234567),
    ],
)
def test_numerals_parse_digits_vietnamese_conventions(digits, value):
    assert parse_digits(digits) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("có hai mươi lăm nghìn người", "hai mươi lăm nghìn", 25000),
        ("một trăm linh năm hộ", "một trăm linh năm", 105),
        ("một trăm lẻ năm hộ", "một trăm lẻ năm", 105),
        ("ba triệu rưỡi đồng", "ba triệu rưỡi", 3_500_000),
        ("3 triệu 150 ngàn lượt", "3 triệu 150 ngàn", 3_150_000),
        ("2 tỷ 300 triệu đồng", "2 tỷ 300 triệu", 2_300_000_000),
        ("1.350 nghìn tỷ đồng", "1.350 nghìn tỷ", 1.35e15),
        ("hai mươi mốt xã", "hai mươi mốt", 21),
        ("ba mươi tư xã", "ba mươi tư", 34),
        ("mười lăm xã", "mười lăm", 15),
        ("hai trăm rưỡi người", "hai trăm rưỡi", 250),
        ("giá 50k", "50k", 50000),
        ("3,5 triệu USD", "3,5 triệu", 3_500_000),
        ("hai nghìn tỷ đồng", "hai nghìn tỷ", 2e12),
    ],
)
def test_numerals_find_words_and_mixed(text, surface, value):
    found = find_numerals(text)
    assert len(found) == 1, found
    n = found[0]
    assert text[n.start : n.end] == surface
    assert n.value == pytest.approx(value)
