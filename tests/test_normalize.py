import unicodedata

import pytest

from pipeline.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("uỷ ban", "ủy ban"),
        ("quý I", "quý I"),  # `qu` keeps its tone on y
        ("hoàng hôn", "hoàng hôn"),  # closed syllable: unchanged
    ],
)
def test_normalize_tone_placement(raw, expected):
    assert normalize(raw).text == expected


def test_normalize_nfd_maps_back_to_input_offsets():
    raw = unicodedata.normalize("NFD", "Hoà có 57 đảng viên")
    n = normalize(raw)
    assert n.text == "Hòa có 57 đảng viên"
    s = n.text.index("57")
    rs, re_ = n.to_raw(s, s + 2)
    assert raw[rs:re_] == "57"
    assert n.to_raw(0, len(n.text)) == (0, len(raw))


def test_normalize_lower_keeps_length():
    n = normalize("İstanbul ĐẢNG VIÊN")
    assert len(n.lower) == len(n.text)
    assert n.lower.endswith("đảng viên")


def test_normalize_spells_out_vulgar_fractions_and_maps_back():
    raw = "chiếm ½ số hộ, 2¼ kg"
    n = normalize(raw)
    assert n.text == "chiếm 1/2 số hộ, 2 1/4 kg"
    assert len(n.written) == len(n.text) == len(n.lower)
    s = n.text.index("1/2")
    assert raw[slice(*n.to_raw(s, s + 3))] == "½"
    assert raw[slice(*n.to_raw(s + 4, s + 9))] == "số hộ"
    assert n.to_raw(0, len(n.text)) == (0, len(raw))
