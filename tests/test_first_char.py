"""The period grammar tries, at each position, only the forms that can start with the
character there; it must find exactly what the plain alternation finds."""

import re

from pipeline.first_char import DIGIT, alternation_by_first_char, first_chars
from pipeline.lexicon import load_json

FORMS = [
    r"(?:cuối |đầu )?năm (?:19|20)\d\d",  # an optional word first
    r"(?:19|20)\d\d ?[-–] ?(?:19|20)\d\d",  # literal digits …
    r"\d+ tháng",  # … and any digit, which includes ٣ (Arabic-Indic three)
    r"(?<!thực )hiện nay",  # a look-behind is no first character
    r"(?i:quý [1-4])",  # case-insensitive: tried everywhere
    r".ngày",  # any character: tried everywhere
    r"x*tuần",  # may start with x or t
]

TEXTS = [
    "cuối năm 2023 và 2019 - 2020, 3 tháng đầu, ٣ tháng, hiện nay, thực hiện nay",
    "QUÝ 2 và quý 3; ngày, angày, xxtuần, tuần, 2020-2021, năm 2015",
    "",
]


def _all(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    while (m := rx.search(text, pos)) is not None:
        out.append((m.start(), m.end()))
        pos = max(m.end(), m.start() + 1)
    return out


def _both(forms: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    plain = re.compile(r"(?<![\w/-])(?:" + "|".join(f"(?:{f})" for f in forms) + r")(?![\w/])")
    grouped = re.compile(r"(?<![\w/-])(?:" + alternation_by_first_char(forms) + r")(?![\w/])")
    return plain, grouped


def test_first_characters_of_a_form():
    assert first_chars(r"(?:cuối |đầu )?năm") == frozenset("cđn")
    assert first_chars(r"\d+ năm") == frozenset({DIGIT})
    assert first_chars(r"(?<!x)hiện") == frozenset("h")
    assert first_chars(r"(?i)abc") is None and first_chars(r"(?i:a)bc") is None  # upper case too
    assert first_chars(r".x") is None and first_chars(r"[^a]b") is None
    assert first_chars(r"(?:a|)b") == frozenset("ab")


def test_grouped_alternation_finds_what_the_plain_one_finds():
    plain, grouped = _both(FORMS)
    for text in TEXTS:
        assert _all(grouped, text) == _all(plain, text), text
    at = TEXTS[0].index("2019")
    assert (at, at + len("2019 - 2020")) in _all(grouped, TEXTS[0])  # a literal-digit form, before `\d+`
    at = TEXTS[0].index("٣")
    assert (at, at + len("٣ tháng")) in _all(grouped, TEXTS[0])  # any decimal digit starts `\d+`


def test_the_period_grammar_is_unchanged_by_grouping():
    forms = [p for p, _gloss in load_json("periods.json")["patterns"]]
    plain, grouped = _both(forms)
    text = " ".join(
        f"{x}, "
        for x in (
            "6 tháng đầu năm 2016",
            "quý II/2017",
            "giai đoạn 2016 - 2020",
            "từ năm 2015 đến nay",
            "đến cuối năm 2017",
            "sáng 28/6",
            "hiện nay",
            "thời điểm thanh tra",
            "nhiệm kỳ 2016-2021",
            "vụ đông xuân 2023-2024",
            "lễ 30/4",
            "khóa 14",
            "٦ tháng",
        )
    )
    found = _all(grouped, text)
    assert found == _all(plain, text)
    assert len(found) >= 12
