"""Every record satisfies `text == document[start:end]` on the input as read."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline

PIECES = [
    "Hoà Bình",
    "thuỷ lợi",
    "kết nạp",
    "57",
    "đảng viên",
    "61,9%",
    "13/21",
    "xã",
    "1.234,5 tỷ đồng",
    "hai mươi lăm nghìn",
    "người",
    ",",
    ".",
    ";",
    " ",
    "\n\n",
    "tăng",
    "giảm còn",
    "hơn",
    "khoảng",
    "3 triệu",
    "lượt khách",
    "2.500 ha",
    "năm 2023",
    "26/02/2024",
    "5-7%",
    "(",
    ")",
    "đồng chí",
    "gấp 3 lần",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25), st.sampled_from(["NFC", "NFD"]))
def test_offsets_record_text_is_input_slice(pieces, form):
    text = unicodedata.normalize(form, " ".join(pieces))
    for r in pipeline.extract(text, all_kinds=True):
        assert text[r.start : r.end] == r.text
        assert 0 <= r.sentence[0] <= r.start < r.end <= r.sentence[1] <= len(text)


def test_offsets_nfd_gives_same_values_as_nfc():
    nfc = "Hoà Bình kết nạp 57 đảng viên, đạt 114% kế hoạch; thuỷ lợi 1.234,5 tỷ đồng."
    nfd = unicodedata.normalize("NFD", nfc)
    a = [(r.kind, r.value, r.unit) for r in pipeline.extract(nfc)]
    b = [(r.kind, r.value, r.unit) for r in pipeline.extract(nfd)]
    assert a == b and len(a) == 3
