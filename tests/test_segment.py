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


def test_segment_splits_a_subheading_glued_to_the_next_sentence():
    text = "Tiêu đề\n\nThu ngân sách vượt dự toán Theo báo cáo của huyện, năm 2023 thu 500 tỷ đồng. Chiều 4/12 Chiều 5/12, hội nghị bế mạc."
    got = [text[s.start : s.end] for s in sentences(text)][1:]
    assert got == [
        "Thu ngân sách vượt dự toán",
        "Theo báo cáo của huyện, năm 2023 thu 500 tỷ đồng.",
        "Chiều 4/12",
        "Chiều 5/12, hội nghị bế mạc.",
    ]


def test_segment_keeps_openers_that_run_on_a_sentence():
    # a lower-case `theo`, an opener after a comma, a name like Quỹ Vì người nghèo: one sentence each
    text = "Tiêu đề\n\nKết quả xếp loại theo báo cáo, Theo đó tăng 5%. Ủng hộ Quỹ Vì người nghèo 20 tỷ đồng."
    got = [text[s.start : s.end] for s in sentences(text)][1:]
    assert got == ["Kết quả xếp loại theo báo cáo, Theo đó tăng 5%.", "Ủng hộ Quỹ Vì người nghèo 20 tỷ đồng."]


def test_segment_splits_after_a_one_letter_word_ending_a_sentence():
    # `sent_tokenize` reads `B.` and `I.` as initials; after a lower-case word they end the sentence
    text = "Tiêu đề\n\nCó 15% dân số nhiễm virus viêm gan B. Mỗi năm có 25.000 người chết. Doanh thu tăng trong quý I. Theo đó lãi 5 tỷ đồng."
    got = [text[s.start : s.end] for s in sentences(text)][1:]
    assert got == [
        "Có 15% dân số nhiễm virus viêm gan B.",
        "Mỗi năm có 25.000 người chết.",
        "Doanh thu tăng trong quý I.",
        "Theo đó lãi 5 tỷ đồng.",
    ]


def test_segment_splits_after_a_unit_or_lower_case_word_with_a_full_stop():
    # `m.`, `km/h.` end a sentence that `sent_tokenize` runs on into the next one
    text = "Tiêu đề\n\nHầm sâu 18 m. Có 679 hộ bị ảnh hưởng. Tốc độ 80 km/h. Trước đây có 2 làn."
    got = [text[s.start : s.end] for s in sentences(text)][1:]
    assert got == ["Hầm sâu 18 m.", "Có 679 hộ bị ảnh hưởng.", "Tốc độ 80 km/h.", "Trước đây có 2 làn."]


def test_segment_keeps_initials_and_district_abbreviations_inside_a_sentence():
    # a name's initial after a capitalised word, initials in a row, a ward or district written `P.`, `Q.`
    text = "Tiêu đề\n\nTàu Gerald R. Ford đến. Ông V. V. L. nhận 5 tỷ đồng. Nhà ở P. Tân Định, Q. Bình Thạnh giá 9 tỷ đồng."
    got = [text[s.start : s.end] for s in sentences(text)][1:]
    assert got == [
        "Tàu Gerald R. Ford đến.",
        "Ông V. V. L. nhận 5 tỷ đồng.",
        "Nhà ở P. Tân Định, Q. Bình Thạnh giá 9 tỷ đồng.",
    ]


def test_segment_splits_recent_time_openers_glued_to_a_subheading():
    text = "Tiêu đề\n\nĐẩy nhanh tiến độ 2 tuyến đường sắt Vừa qua, Phó Thủ tướng làm việc với 5 bộ. Vốn FDI đạt 1.423 triệu USD Tính đến ngày 20/1, vốn tăng 3%."
    got = [text[s.start : s.end] for s in sentences(text)][1:]
    assert got == [
        "Đẩy nhanh tiến độ 2 tuyến đường sắt",
        "Vừa qua, Phó Thủ tướng làm việc với 5 bộ.",
        "Vốn FDI đạt 1.423 triệu USD",
        "Tính đến ngày 20/1, vốn tăng 3%.",
    ]
