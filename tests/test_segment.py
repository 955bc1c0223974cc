import pytest

from pipeline.segment import clauses, paragraphs, sentences


def test_segment_paragraphs_are_lines_without_blank_ones():
    text = "Tiêu đề\n\n26/02/2024 06:02\n\nThân bài một. Câu hai.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Tiêu đề", "26/02/2024 06:02", "Thân bài một. Câu hai."]


def test_segment_sentences_cover_paragraph_and_split_on_full_stop():
    text = "Tiêu đề\n\nDoanh thu tăng 5%. Lợi nhuận giảm 3,2%."
    got = [(text[s.start : s.end], s.paragraph) for s in sentences(text)]
    assert got == [("Tiêu đề", 0), ("Doanh thu tăng 5%.", 1), ("Lợi nhuận giảm 3,2%.", 1)]


def test_segment_clauses_do_not_split_decimal_commas():
    text = "đạt 61,9%, tăng 5%; giảm 3 (năm 2017 là 4)"
    assert [text[s:e] for s, e in clauses(text, 0, len(text))] == ["đạt 61,9%", "tăng 5%", "giảm 3", "năm 2017 là 4"]


def test_segment_clauses_keep_short_asides_without_numbers():
    text = "Tổng sản phẩm trong nước (GDP) tăng 6,6%, kim ngạch (không tính dầu thô) đạt 13,5 tỷ USD"
    got = [text[s:e] for s, e in clauses(text, 0, len(text))]
    assert got == ["Tổng sản phẩm trong nước (GDP) tăng 6,6%", "kim ngạch (không tính dầu thô) đạt 13,5 tỷ USD"]


# the body's sentences (after a headline) as the reader gets them: split where underthesea glues two,
# kept whole where a capital, a dot or an opener runs on inside one
SENTENCE_CASES = {
    "subheading-glued-to-next-sentence": (
        "Thu ngân sách vượt dự toán Theo báo cáo của huyện, năm 2023 thu 500 tỷ đồng. Chiều 4/12 Chiều 5/12, hội nghị bế mạc.",
        [
            "Thu ngân sách vượt dự toán",
            "Theo báo cáo của huyện, năm 2023 thu 500 tỷ đồng.",
            "Chiều 4/12",
            "Chiều 5/12, hội nghị bế mạc.",
        ],
    ),
    # a lower-case `theo`, an opener after a comma, a name like Quỹ Vì người nghèo: one sentence each
    "openers-that-run-on": (
        "Kết quả xếp loại theo báo cáo, Theo đó tăng 5%. Ủng hộ Quỹ Vì người nghèo 20 tỷ đồng.",
        ["Kết quả xếp loại theo báo cáo, Theo đó tăng 5%.", "Ủng hộ Quỹ Vì người nghèo 20 tỷ đồng."],
    ),
    # `sent_tokenize` reads `B.` and `I.` as initials; after a lower-case word they end the sentence
    "one-letter-word-ends-a-sentence": (
        "Có 15% dân số nhiễm virus viêm gan B. Mỗi năm có 25.000 người chết. Doanh thu tăng trong quý I. Theo đó lãi 5 tỷ đồng.",
        [
            "Có 15% dân số nhiễm virus viêm gan B.",
            "Mỗi năm có 25.000 người chết.",
            "Doanh thu tăng trong quý I.",
            "Theo đó lãi 5 tỷ đồng.",
        ],
    ),
    # `m.`, `km/h.` end a sentence that `sent_tokenize` runs on into the next one
    "unit-or-lower-case-word-ends-a-sentence": (
        "Hầm sâu 18 m. Có 679 hộ bị ảnh hưởng. Tốc độ 80 km/h. Trước đây có 2 làn.",
        ["Hầm sâu 18 m.", "Có 679 hộ bị ảnh hưởng.", "Tốc độ 80 km/h.", "Trước đây có 2 làn."],
    ),
    # a name's initial after a capitalised word, initials in a row, a ward or district written `P.`, `Q.`, `vs.`
    "initials-and-abbreviations-inside": (
        "Tàu Gerald R. Ford đến. Ông V. V. L. nhận 5 tỷ đồng. Nhà ở P. Tân Định, Q. Bình Thạnh giá 9 tỷ đồng."
        " Phim The United States vs. Billie Holiday thu 3 triệu USD.",
        [
            "Tàu Gerald R. Ford đến.",
            "Ông V. V. L. nhận 5 tỷ đồng.",
            "Nhà ở P. Tân Định, Q. Bình Thạnh giá 9 tỷ đồng.",
            "Phim The United States vs. Billie Holiday thu 3 triệu USD.",
        ],
    ),
    "recent-time-openers-glued-to-a-subheading": (
        "Đẩy nhanh tiến độ 2 tuyến đường sắt Vừa qua, Phó Thủ tướng làm việc với 5 bộ. Vốn FDI đạt 1.423 triệu USD Tính đến ngày 20/1, vốn tăng 3%.",
        [
            "Đẩy nhanh tiến độ 2 tuyến đường sắt",
            "Vừa qua, Phó Thủ tướng làm việc với 5 bộ.",
            "Vốn FDI đạt 1.423 triệu USD",
            "Tính đến ngày 20/1, vốn tăng 3%.",
        ],
    ),
    # a photo credit glued to the caption before it and the report after it stands alone: a name in
    # capitals, a name before an opener, a bracket, a credit that names no one, an agency after a slash
    "photo-credits-glued": (
        "Lãnh đạo huyện thăm mô hình Ảnh: HẢI NGUYỄN Tới năm 2021 sẽ giảm 10% biên chế."
        " Hội nghị tổng kết Ảnh: Hồng Đào Trong dịp Tết, các cấp tặng 1.000 suất quà."
        " Phối cảnh bến xe mới (Ảnh Samco) Dự án có tổng vốn 4.000 tỷ đồng."
        " Ảnh minh họa Nhóm giao thông giảm 0,34%. Ảnh: Doãn Tấn/TTXVN Tổng Bí thư dự 2 phiên họp.",
        [
            "Lãnh đạo huyện thăm mô hình",
            "Ảnh: HẢI NGUYỄN",
            "Tới năm 2021 sẽ giảm 10% biên chế.",
            "Hội nghị tổng kết",
            "Ảnh: Hồng Đào",
            "Trong dịp Tết, các cấp tặng 1.000 suất quà.",
            "Phối cảnh bến xe mới",
            "(Ảnh Samco)",
            "Dự án có tổng vốn 4.000 tỷ đồng.",
            "Ảnh minh họa",
            "Nhóm giao thông giảm 0,34%.",
            "Ảnh: Doãn Tấn/TTXVN",
            "Tổng Bí thư dự 2 phiên họp.",
        ],
    ),
    # a number right after the capitalised run: a dating word before it opens the sentence; else the
    # name and a subject that goes on to the number are not told apart, nothing is cut
    "photo-credit-then-a-number": (
        "Người dân tuốt lá mai. Ảnh:Thái Bình Năm 2017, huyện trồng 246 cây. Tang lễ năm 2023. Ảnh:St Headline"
        " Chu Lệ Thiên 60 tuổi.",
        [
            "Người dân tuốt lá mai.",
            "Ảnh:Thái Bình",
            "Năm 2017, huyện trồng 246 cây.",
            "Tang lễ năm 2023.",
            "Ảnh:St Headline Chu Lệ Thiên 60 tuổi.",
        ],
    ),
    # `Ảnh hưởng` (influence) opens a sentence; a credit already ended by a line stays; `Nguồn vốn` is a noun
    "photo-credit-words-that-are-not-credits": (
        "Ảnh hưởng của bão làm 3 người chết. Nguồn vốn Trung ương cấp 20 tỷ đồng. Ảnh: Quỳnh Nga",
        ["Ảnh hưởng của bão làm 3 người chết.", "Nguồn vốn Trung ương cấp 20 tỷ đồng.", "Ảnh: Quỳnh Nga"],
    ),
}


def test_segment_photo_credit_gives_no_place_to_the_report():
    # `Ảnh: Quỳnh Nga.` names who took the photo: Nga (Russia) is no place the figures after it inherit
    text = "Tiêu đề\n\nTrường bỏ hoang ở tỉnh Ninh Bình. Ảnh: Quỳnh Nga. Trường có 800 sinh viên."
    flags = [(text[s.start : s.end], s.credit) for s in sentences(text)][1:]
    assert flags == [
        ("Trường bỏ hoang ở tỉnh Ninh Bình.", False),
        ("Ảnh: Quỳnh Nga.", True),
        ("Trường có 800 sinh viên.", False),
    ]


@pytest.mark.parametrize(("body", "expected"), SENTENCE_CASES.values(), ids=SENTENCE_CASES.keys())
def test_segment_body_sentences(body, expected):
    text = f"Tiêu đề\n\n{body}"
    assert [text[s.start : s.end] for s in sentences(text)][1:] == expected
