"""Numerals that are no indicators: codes and names glued to letters (`G20`, `QL1A`), times
(`14h30`), dates written with hyphens (`18-6`), numbers of a name or a slogan (`Cách mạng
công nghiệp 4.0`, `“3 chung”`), phone numbers, years, and numbers that only point back to
figures already given (`44 cán bộ nêu trên`).

`NumeralTraps` is the part of `quantities.SentenceReader` that asks these questions of one
sentence; the words they look for are lexicon sections of `models/context.json`."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .lexicon import alternation, load_json, phrase_re, word_set
from .lookaround import WORD, name_before, next_word, phrase_after, phrase_before, words_before
from .numerals import Numeral
from .tokenizer import is_syllable, is_word

YEAR = re.compile(r"(1[89]|20)\d\d")
_ITEM_AFTER = re.compile(r"\.\s+[A-ZĐÀ-Ỹ\d]|\.[A-ZĐ][a-z]|\)\s?[A-ZĐÀ-Ỹ]")  # `1. Ông`, `1.Tarform`, `1) Giảm`
_ITEM_BEFORE = re.compile(r"(?:^|\n|[.!?:;)]\s|\n\s+)$")  # `…: 1. Ông A (83%) 2. Bà B`: after a bracket too
_MODEL_HEAD = re.compile(r"(?<!\w)[A-ZĐ][\w]* $")
_SPACED_TIME = re.compile(r" [gh]\d{2}(?!\d)")
_MILLIONS_END = re.compile(r"(?:triệu|tỷ|tỉ)$")
_PHONE_LABEL = re.compile(r"(?<!\w)(?:điện thoại|đt|sđt|tel|hotline|fax)\s*:\s*[\d\s().+-]*$")
_YEAR_SPAN = re.compile(r"\((1\d{3}|20\d\d)\s?[-–]\s?(1\d{3}|20\d\d)\)")  # `(1368-1644)`: an era, a life


def _year_spans_around(low: str, n: Numeral) -> list[re.Match[str]]:
    return list(_YEAR_SPAN.finditer(low, max(0, n.start - 7), min(len(low), n.end + 7)))


_ISO_DATE_HEAD = re.compile(r"(?<!\d)(?:19|20)\d\d-$")
_DAY_RUN_BEFORE = re.compile(r"(?<![\d/.,])\d{1,2} ?[-–] ?\d{1,2}/$")
_DAY_BEFORE_DATE = re.compile(
    r"\s*(?:và\s*\d{1,2}[/-]\d{1,2}|[-–]\s*(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))(?!\d|[.,]\d)"
)  # `28 và 29/12`, `các ngày từ 25-28/2`
_DECADE_BEFORE = re.compile(r"(?<!\w)(?:(?:những|các) năm|thập niên|thập kỷ) $")  # used with .search
_TWO_DIGITS = re.compile(r"\d\d")
_DOC_CODE_AFTER = re.compile(r" ?[-–] ?[A-ZĐ]{2,}(?:-[A-ZĐ]+)?/")  # ` - QĐ/TW`, ` - NQ/TW` after a document's number
_FROM_BEFORE = re.compile(r"(?<!\w)từ (?:ngày )?$")  # used with .search right before a day
_TO_DATE = re.compile(r" (?:đến|tới) (?:ngày )?(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])(?!\d|[.,]\d)")  # ` đến 12/1`
_DAY_BEFORE_DOTTED = re.compile(r"\s*[-–]\s*\d{1,2}\.(?:1[0-2]|0?[1-9])\.(?:19|20)\d\d")  # `14-20.2.2018`
_DOTTED_DAY = re.compile(r"(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])")
_NOTE_MARK = re.compile(r".*(?:\[[\d,]+\]|(?:^|[:;,.”\"]\s?|\n)\(\d{1,2}\))")  # bracket alone after a mark
_HOUR_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}\s?giờ\s$")  # `9 giờ [30]`: the minutes follow
_DIGIT_WORDS = {"1": "một", "2": "hai", "3": "ba", "4": "bốn", "5": "năm"}
# a price, then the one unit it is for: `đồng cho 1kWh`, `giá 1 kg`; not `đấu giá 1 lô đất`, `tăng giá 1%`
_PRICE_BASE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:đồng|đ|usd|vnđ|vnd|euro|yên)\s+(?:cho|mỗi|trên)|(?<!\w)(?<!đấu )(?<!định )(?<!tăng )(?<!giảm )(?<!hạ )giá(?: bán| đúng| thực)?(?: của)?)\s+$"
)
_PLATE_TAIL = re.compile(r"\d{3}\.\d{2}(?!\d)")  # `234.56` of a plate
_PLATE_SERIES_BEFORE = re.compile(r"\d[a-z]\d? ?$|-[a-z]\d? ?$")  # `59-X1 ` before it
_HOUR_WORD = re.compile(r"h\d*|g\d*|giờ")
_DECIMAL_MARK = re.compile(r"[.,]")
_SMALL_WHOLE = re.compile(r"\d{1,2}")
_DASH = re.compile(r"\s?[-–]\s?")
_POINT_ZERO = re.compile(r"\d\.0")
_NAME_NUMBER_BEFORE = re.compile(r"(?<!\w)(\w+) \d{1,2}, $")  # used with .search: `Tam Lập 1, ` before the number
_ENUMERATOR = re.compile(r"[2-9]|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười")
_IS_AFTER = re.compile(r" là(?!\w)")
# used with .search: `Một là …` opened a list of points (at the start of a clause, as the point after it)
_FIRST_OF_LIST = re.compile(r"(?:^|[.:;,!?\n\"“]\s*)(?:một|1) là(?!\w)")
_POINT_OPENS = re.compile(r"(?:^|[.:;,!?\n\"“]|(?<!\w)và)\s*$")  # used with .search before the number
_ONE_OF_BEFORE = re.compile(r"(?<!\w)(?:một|1) trong (?:số )?(?:những )?$")
_SUPERLATIVE_AFTER = re.compile(r"[^,;:.!?()\n]{0,60}?(?<!\w)nhất(?!\w)")  # `… phổ biến nhất`, in the clause
_ONE_SOME = re.compile(r"1 (?:số [^\W\d_]|trong )")  # một số (some), một trong (one of)
_RESOLUTION = re.compile(r"[2458]K")
_SCREEN_AFTER = re.compile(r"\s+(?:HDR|UHD|OLED|QLED)")  # `4K HDR`
_PLATE_HEAD = re.compile(r"(?<![\w.,])\d{2}[a-z]{1,2}\d? ?[-–] $")  # `37A - 1006`, `15C- 150.81`
_NAME_BEFORE_SPACED_DASH = re.compile(r"(?<!\w)(?:covid|sars-cov)\s*[-–]\s*$")  # `Covid - 19`
_PORT_BEFORE = re.compile(r"\w\.[a-z]{2,}:$")  # `danang.gov.vn:8001`
_NAME_AFTER_DASH = re.compile(r"-[A-Z]")  # `3-Series`, `7-Eleven`
_COUNT_BEFORE = re.compile(r"(?<!\w)(?:trên|hơn|gần|(?<!so )với|đối với|tổng cộng)\s+$")  # words that open a count
_NOUN_AFTER = re.compile(r" (?!(?:năm|tháng|ngày|quý|đến|tới|và|-)(?!\w))[a-zà-ỹđ]")  # a lower-case word, no date
_CLOSING_QUOTE = re.compile(r'[”"]')
_DECIMALS = re.compile(r"\d,\d")  # `10,3 triệu`
_OF_AFTER = re.compile(r" của(?!\w)")
_LETTER_CODE = re.compile(r" ?[A-Za-z](?!\w)(?!\.\w)")  # one Latin letter after a number, as a word: a code
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # `4.864`
_AMOUNT_ONLY_UNITS = frozenset(("m2", "ha", "km2", "km", "km/h"))
_CLAUSE_MARK = re.compile(r"[,;:()]")
_LIST_MARK = re.compile(r"\s*(?:,|và|,\s*và)\s*")  # between two members of a list
_NOT_DIGIT = re.compile(r"\D")
_WITH_BEFORE = re.compile(
    r"\w (?<!so )(?<!cùng )với(?!\w)[^,;:()]*$"
)  # `ngôi trường với tổng vốn đầu tư hơn` before an amount


@cache
def _back_reference_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    phrases = load_json("context.json")["back_reference_after"]

    def alternation(ps: list[str]) -> re.Pattern[str]:
        alts = "|".join(re.escape(p) for p in ps) or "(?!)"
        return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)")

    return alternation([p for p in phrases if " " not in p]), alternation([p for p in phrases if " " in p])


# between two scores of a list: a separator, then a team's name (`4-1; Indonesia 1-0`, `2-0 và 3-1`)
_NEXT_SCORE = re.compile(r"\s*[;,]?\s*(?:và\s+)?(?:[^\W\d_][^\d;,.()]{0,30}?\s)?")


def _bracketed(low: str, n: Numeral) -> bool:
    """`(13.6)`: the number alone in a bracket."""
    return low.startswith("(", n.start - 1) and low.startswith(")", n.end)


class NumeralTraps:
    """What makes a numeral of the sentence `[lo, hi)` no indicator."""

    text: str
    low: str
    lo: int
    hi: int
    nums: list[Numeral]
    ctx: dict[str, Any]
    score_end: int  # where the last score read in the sentence ends (a list of scores goes on), -1 before one

    def unit_after(self, end: int) -> tuple[str, str, int] | None:
        """(kind, unit, end) of a unit right after `end`: the reader that mixes these in knows units."""
        raise NotImplementedError

    def iso_date_tail(self, i: int) -> int:
        """How many numerals the month and day of an ISO date take (`2017-06-27`: 2), 0 for none."""
        n = self.nums[i]
        if not _ISO_DATE_HEAD.search(self.low, max(0, n.start - 5), n.start):
            return 0
        joined = i + 1 < len(self.nums) and self.nums[i + 1].start == n.end + 1 and self.low[n.end] == "-"
        return 2 if joined else 1

    def day_run_month(self, n: Numeral) -> bool:
        """The month of a run of days: the `7` of `ngày 6-9/7`."""
        return n.value <= 12 and _DAY_RUN_BEFORE.search(self.low, max(0, n.start - 8), n.start) is not None

    def day_before_date(self, n: Numeral) -> bool:
        """A day written before the date whose month it shares: `trong hai ngày, 28 và 29/12`,
        `từ 14-20.2.2018`."""
        if not n.has_digits or not 1 <= n.value <= 31:
            return False
        if _DAY_BEFORE_DATE.match(self.low, n.end) and "ngày" in self.low[max(self.lo, n.start - 10) : n.start]:
            return True
        if _FROM_BEFORE.search(self.low, max(self.lo, n.start - 8), n.start) and _TO_DATE.match(self.low, n.end):
            return True  # `kéo dài từ 5 đến 12/1/2015`, `(từ 17 đến 21/10)`: the first day of a span of dates
        return _DAY_BEFORE_DOTTED.match(self.low, n.end) is not None

    def noun_follows(self, end: int) -> bool:
        """A counted noun (any word that is not a function word) right after `end`."""
        word = next_word(self.low, end, self.hi)
        return word is not None and word[0].isalpha() and word not in self.ctx["not_counted"]

    def glued(self, n: Numeral) -> str | None:
        """Digits glued to letters: names and codes (G20, Covid-19, QL1A), times (14h30)."""
        low = self.low
        before = low[n.start - 1] if n.start > 0 else " "
        if n.has_digits and before.isalpha():
            return "identifier"
        if before == "-" and n.start > 1 and low[n.start - 2].isalpha():
            return "identifier"
        if before == "+" and n.start > 1 and low[n.start - 2].isdigit():
            return "identifier"  # Km 42+300
        if (
            _NAME_BEFORE_SPACED_DASH.search(low, max(0, n.start - 12), n.start)
            or _PORT_BEFORE.search(low, max(0, n.start - 12), n.start)
            or (n.has_digits and _NAME_AFTER_DASH.match(self.text, n.end))
        ):
            return "identifier"  # `Covid - 19`, a web address's port, `3-Series`
        if n.value <= 24 and _SPACED_TIME.match(low, n.end):
            return "time"  # `8 g30`: an hour written apart from its minutes
        if _PLATE_HEAD.search(low, max(0, n.start - 9), n.start):
            return "identifier"  # a plate written with spaces: 37A - 1006
        if (
            before in "-−"
            and low[n.start - 2 : n.start - 1] == " "
            and _MODEL_HEAD.search(self.text, max(0, n.start - 17), n.start - 1)
            and ((unit := self.unit_after(n.end)) is None or (len(unit[1]) == 1 and unit[1].isalpha()))
        ):
            # a model written with a spaced dash: tiêm kích J -10, tên lửa Hormuz -1; a one-letter unit after it
            # is the model's letter (`RC -135 W`), but `Hà Nội -5 độ C` is a temperature
            return "identifier"
        if _RESOLUTION.fullmatch(self.text, n.start, n.end) and (
            phrase_re("resolution_cues").search(low, max(self.lo, n.start - 20), n.start)
            or _SCREEN_AFTER.match(self.text, n.end)
        ):
            return "identifier"  # `video 4K`, `độ phân giải 8K`: a screen resolution, not 4.000 đồng
        if self.text[n.end : n.end + 1] in ("'", "’") and not self.text[n.end + 1 : n.end + 2].isalpha():
            return "identifier"  # a match minute: (Rodriguez, 88')
        if _PLATE_TAIL.match(low[n.start : n.end + 1]) and _PLATE_SERIES_BEFORE.search(
            low[max(0, n.start - 6) : n.start]
        ):
            return "identifier"  # plate 59-X1 234.56
        if n.end < len(low) and low[n.end].isalpha():
            m = WORD.match(low, n.end)
            word = m.group() if m else ""
            if _HOUR_WORD.fullmatch(word) and n.value <= 24 and not _DECIMAL_MARK.search(low[n.start : n.end]):
                return "time"  # `14h30`, `7g`; not `1,7934g` (grams: an hour has no decimals)
            if self.text[n.end] == "G":
                return "identifier"  # `Snapdragon 732G`, `5.5G`, `cỡ 34G`: a name or size, not grams
            if word in load_json("units.json")["after"] or n.multiplied:
                return None
            return "identifier"
        return None

    def _digit_idiom(self, n: Numeral) -> bool:
        word = _DIGIT_WORDS.get(self.low[n.start : n.end])
        if word is None:
            return False
        probe = word + self.low[n.end : n.end + 24]
        m = phrase_re("numeral_idioms").match(probe)
        return m is not None and not idiom_goes_on(probe, m)  # `2 tay vợt` counts players

    def context_trap(self, n: Numeral) -> str | None:
        ctx = self.ctx
        low = self.low
        if _DOC_CODE_AFTER.match(self.text, n.end):
            return "identifier"  # `(102 - QĐ/TW)`: a document's number, its code after a spaced dash
        if any(m.start() < n.start < m.end() and int(m.group(1)) < int(m.group(2)) for m in _year_spans_around(low, n)):
            return "period"  # `thời nhà Lý (1009-1225)`, `Chu Hi (1130-1200)`: a span of years alone in brackets
        if _ONE_SOME.match(low, n.start):
            return "quantifier"  # `1 số băng nhóm`, `1 trong những`: một số (some), một trong (one of), with a digit
        if self._digit_idiom(n):
            return "idiom"  # `2 bên`, `2 mẹ con`, `1 mình`: the idioms of numeral_idioms, written with a digit
        if (
            _ENUMERATOR.fullmatch(low, n.start, n.end)
            and _IS_AFTER.match(low, n.end)
            and _POINT_OPENS.search(low, max(0, n.start - 6), n.start)
        ):
            opened = _FIRST_OF_LIST.search(low, max(0, n.start - 400), n.start)
            if opened and "\n" not in low[opened.end() : n.start]:
                return "enumerator"  # `Một là …, và 2 là tiết kiệm chi thường xuyên`: the second point, no amount
        if _ONE_OF_BEFORE.search(low, max(self.lo, n.start - 16), n.start) and _SUPERLATIVE_AFTER.match(low, n.end):
            return "ranking"  # `một trong 100 người có ảnh hưởng nhất`: the size of a ranking, not a count
        if (
            low[n.start : n.end] == "1"
            and _per_base_before().search(low, max(self.lo, n.start - 20), n.start) is not None
            and (unit := self.unit_after(n.end)) is not None
            and unit[0] == "measure"
        ):
            return "base"  # `giá trị thu nhập trên 1ha`: per hectare, the base of a rate
        if (
            low[n.start : n.end] in ("1", "một")
            and _PRICE_BASE_BEFORE.search(low, max(self.lo, n.start - 24), n.start) is not None
            and ((unit := self.unit_after(n.end)) is None or unit[0] not in ("money", "percent"))
        ):
            return "base"  # `2.927 đồng cho 1kWh`, `mức giá 1 quả là 168 HKD`: the one unit a price is for
        if (
            _DOTTED_DAY.fullmatch(low, n.start, n.end)
            and not n.multiplied
            and self.unit_after(n.end) is None
            and phrase_before(low, n.start - 1 if _bracketed(low, n) else n.start, self.lo, ctx["day_time_before"])
        ):
            return "date"  # `sáng nay 6.2`, `hôm 30.1`, `sáng cùng ngày (13.6)`: a day and month written with a dot
        before = name_before(low, n.start, self.lo, ctx["date_before"], n.end)
        if before and not YEAR.match(low, n.start) and self._amount_after_name_word(n, ctx["date_before"][before][0]):
            before = None  # `vùng nông thôn 60%`, `cả năm 350 tỷ đồng`, `khu 4,3 ha`: an amount, no name or date
        if (
            before
            and ctx["date_before"][before][0] == "identifier"
            and n.multiplied
            and _MILLIONS_END.search(low, n.start, n.end)
        ):
            before = None  # `căn hộ 900 triệu`: nothing is numbered in millions; not `thứ 6 triệu` (ordinal)
        if (
            before
            and phrase_before(low, n.start, self.lo, ctx["within_before"])
            and (self.unit_after(n.end) or phrase_after(low, n.end, self.hi, ctx["duration_after"]))
        ):
            before = None  # `trong vòng 45 ngày`, `trong vòng 200 m`: within an amount, not the Nth round
        if before and self._counted_list_member(n, ctx["date_before"]):
            before = None  # `30 học sinh lớp 1 và [200] học sinh`: a count after a named number, not the next name
        if before:
            prev = words_before(low, n.start, self.lo, 3)
            quantity_before = ctx.get("quantity_before", [])
            if not phrase_before(low, n.start, self.lo, quantity_before) and not (
                len(prev) >= 2 and prev[-2] in ("mỗi", "hàng", "hằng", "một")
            ):
                return ctx["date_before"][before][0]
        after = phrase_after(low, n.end, self.hi, ctx["duration_after"])
        unlike = phrase_after(low, n.end, self.hi, ctx.get("duration_not", []))
        if after and (not unlike or len(after) > len(unlike)):  # `14 năm tuổi trẻ`; not `5 năm tuổi`
            return ctx["duration_after"][after][0]
        name = phrase_after(low, n.end, self.hi, ctx["name_after"])
        if name:
            return ctx["name_after"][name][0]
        return None

    def _counted_list_member(self, n: Numeral, names: dict) -> bool:
        """Whether `n`, read as a later member of a list of names (`lớp 1 và 200`), is a count: the
        name word is not right before it and a lower-case noun follows it (`và [200] học sinh`, `25 và
        [4] dự án`), not a link, a preposition or a verb (lexicon `not_counted`: `quận 6 và 8 được …`)
        nor an administrative unit (`phường 12, 13 quận Bình Thạnh`); and it is written unlike the name
        before it (`năm 2016, [133] cửa hàng`, `hạng 1, [59] chợ`)."""
        if phrase_before(self.low, n.start, self.lo, names):
            return False
        i = next((i for i in range(len(self.nums) - 1, -1, -1) if self.nums[i].end <= n.start), -1)
        if i < 0 or not _LIST_MARK.fullmatch(self.low, self.nums[i].end, n.start):
            return False
        prev = self.nums[i]
        if (
            prev.has_digits
            and n.has_digits
            and len(_NOT_DIGIT.sub("", self.text[prev.start : prev.end]))
            == len(_NOT_DIGIT.sub("", self.text[n.start : n.end]))
            and prev.value != n.value
        ):
            return False  # `quận 1, 3, 5`, `Điều 68 và 69`: names of a list share their form; `lần 1, 1 trường hợp` does not repeat one
        m = WORD.match(self.text, n.end + 1) if self.text[n.end : n.end + 1] == " " else None
        if m is None or not m.group().islower() or not m.group().isalpha():
            return False
        if phrase_re("administrative_units", "places.json").match(self.low, m.start()):
            return False  # `phường 12, [13] quận Bình Thạnh`: an address goes on
        two = " ".join(self.low[m.start() :].split(maxsplit=2)[:2])
        return m.group() not in word_set("not_counted") and two not in word_set("not_counted")

    def _amount_after_name_word(self, n: Numeral, named_as: str) -> bool:
        """After a word that names or dates numbers (`thôn 5`, `năm 2019`), the number is an amount all
        the same when a percent follows, or money written with more than four characters (`vé tháng
        600.000 đồng`), or a scale word (`tỷ`), or it has decimals and a unit in lower case (`khu 4,3
        ha`), or the unit is one of area, distance or speed (`căn hộ 130 m2`, `quãng đường 60 km`), or
        (not after a rank's word, `named_as` ordinal) it is written in thousands before a noun; not
        `thôn 5 Đồng Yên`, `quốc lộ 1K`, nor an age: `năm 20 tuổi`."""
        unit = self.unit_after(n.end)
        if unit is not None and (unit[0] == "percent" or (unit[0] == "money" and len(self.text[n.start : n.end]) > 4)):
            return True  # `nhà kho 81.068.670 đồng`: a sum of money in full digits numbers nothing
        if unit is None:
            # `doanh số 10,3 triệu xe`: a scaled number with decimals, then a noun, is a count; so is one
            # written in thousands (`thấp hơn số 4.864 hộ dân`): nothing is numbered so
            scaled = n.multiplied and _DECIMALS.search(self.low, n.start, n.end) is not None
            thousands = named_as != "ordinal" and _THOUSANDS.fullmatch(self.low, n.start, n.end) is not None
            return (scaled or thousands) and self.noun_follows(n.end)  # not `top 1.000 đại học`: a rank
        if unit[0] not in ("money", "measure") or unit[1] == "tuổi":
            return n.multiplied
        written = self.text[n.end : unit[2]].strip()
        # `căn hộ 130 m2`, `quãng đường 60 km`, `đường 80 km/h`: nothing is numbered in square metres,
        # kilometres or speeds
        measured = unit[1] in _AMOUNT_ONLY_UNITS
        return (n.multiplied or n.value != int(n.value) or measured) and written[:1].islower()

    def list_marker(self, n: Numeral) -> bool:
        """`1. Great Ocean …`, `(2010). 10. 73% trẻ em …`, `1. Ông A (83%) 2. Bà B`, `như sau: 1) Giảm thuế`:
        a small whole number that opens a line or follows a sentence end, a colon or a closing bracket, then
        a full stop or a bracket and a capital (or a digit after the stop), numbers an item."""
        text = self.text
        if not _SMALL_WHOLE.fullmatch(text[n.start : n.end]) or not _ITEM_AFTER.match(text, n.end):
            return False
        return n.start == 0 or _ITEM_BEFORE.search(text, max(0, n.start - 4), n.start) is not None

    def score(self, i: int) -> bool:
        """`dẫn 2-0`, `tỉ số 6-4`, `2-0 (7-5, 6-3)`: a pair of small whole numbers joined by a dash
        where a game is being scored (lexicon `score_cues` earlier in the sentence); not a range
        (`5-7%`, `2-3 người`: a unit follows)."""
        n = self.nums[i]
        low = self.low
        if i + 1 >= len(self.nums):
            return False
        nxt = self.nums[i + 1]
        if not _DASH.fullmatch(low[n.end : nxt.start]):
            return False
        if not all(_SMALL_WHOLE.fullmatch(low[x.start : x.end]) for x in (n, nxt)):
            return False
        if self.unit_after(nxt.end) is not None or low[nxt.end : nxt.end + 1] in ("/", "-", "–"):
            return False
        if self.noun_follows(nxt.end) or phrase_before(low, n.start, self.lo, self.ctx["date_before"]):
            return False  # `2-3 người`: a range; `ngày 6-4`: a date
        if self.score_end >= 0 and _NEXT_SCORE.fullmatch(low, self.score_end, n.start):
            self.score_end = nxt.end  # `Lào 4-1; Indonesia 1-0; …`: the next score of a list of scores
            return True
        before = low[max(self.lo, n.start - 80) : n.start]
        before = re.split(r"[.!?;]\s", before)[-1]
        if phrase_re("score_cues").search(before) is None:
            return False
        self.score_end = nxt.end
        return True

    def day_month(self, i: int) -> bool:
        """`18-6`, `1-11`, `6-2018`, `26-6-2019`: dates written with hyphens, not ranges."""
        n = self.nums[i]
        low = self.low
        if i + 1 >= len(self.nums) or not n.has_digits:
            return False
        nxt = self.nums[i + 1]
        if low[n.end : nxt.start] not in ("-", ".") or not nxt.has_digits:
            return False
        a, b = n.value, nxt.value
        b_text = low[nxt.start : nxt.end]
        if a <= 12 and YEAR.fullmatch(b_text):
            return True  # tháng 6-2018, quý 3-2020
        if not (a == int(a) and b == int(b) and 1 <= a <= 31 and 1 <= b <= 12):
            return False
        if self.unit_after(nxt.end) is not None:
            return False  # 5-7%, 2-3 triệu đồng
        if low[nxt.end : nxt.end + 1] in ("-", "/") or a > b:
            return True
        if phrase_before(low, n.start, self.lo, self.ctx["date_before"]):
            return True
        word = next_word(low, nxt.end, self.hi)
        return word is None or word in ("tới", "vừa", "qua", "này", "nay", "tại", "năm")

    def named(self, n: Numeral) -> str | None:
        """Numbers that are part of a name: `Cách mạng công nghiệp 4.0`, `cầu Mỹ Thuận 2`, `3 "cao"`."""
        raw = self.text[n.start : n.end]
        if _POINT_ZERO.fullmatch(raw) and self.unit_after(n.end) is None:
            return "identifier"  # `công nghiệp 4.0`; not `dung tích 2.0 lít`
        after = self.text[n.end : n.end + 2]
        if after[:1] in '“"' and after[:1] and after[1:2].isalpha():
            return "name"
        if (
            self.in_short_quote(n)
            and self.unit_after(n.end) is None
            and not phrase_before(self.low, n.start, self.lo, self.ctx["comparators"])
        ):
            return (
                "name"  # `nhà “3 chung”`, `thành phố "5 không 3 có"`: a slogan; not `“dưới 4%”`, `"không quá ba người"`
            )
        if after.startswith(" “") or after.startswith(' "'):
            return "name"
        if n.has_digits and not n.multiplied and _NOTE_MARK.fullmatch(self.text, max(0, n.start - 3), n.end + 1):
            return "identifier"  # `[7]`, `: (1) tái định cư …`, `” (2) .`: a note or an item's number
        if (
            n.has_digits
            and not n.multiplied
            and n.value < 60
            and _HOUR_BEFORE.search(self.low, max(self.lo, n.start - 12), n.start)
            and not self.noun_follows(n.end)
        ):
            return "time"  # `Lúc 9 giờ 30, …`: the minutes of the hour before; not `sau 24 giờ 5 người …`
        if (
            not n.has_digits
            or n.multiplied
            or self.unit_after(n.end) is not None
            or self.low[n.end : n.end + 1] in ("-", "–", "/")
        ):
            return None
        prev = list(WORD.finditer(self.text, max(self.lo, n.start - 40), n.start))  # the last words only
        if (
            n.value < 1000
            and n.value == int(n.value)
            and _OF_AFTER.match(self.low, n.end)
            and prev
            and prev[-1].end() == n.start - 1
            and prev[-1].group().isalpha()
            and prev[-1].group().lower() not in word_set("amount_heads")  # `đạt 22 của`, `tuổi 41 của`: an amount
            and not phrase_before(self.low, n.start, self.lo, self.ctx["comparators"])
        ):
            return "name"  # `phiên họp 22 của Uỷ ban`, `Kết luận 19 của Ban bí thư`: which one, of whom
        if _LETTER_CODE.match(self.text, n.end):
            return "identifier"  # `gói thầu 1 b`, `đường cất hạ cánh 25 R/07 L`, `149 B`: a code, not a count
        if len(prev) >= 2 and prev[-1].end() >= n.start - 1 and prev[-1].group()[:1].isupper():
            nxt = next_word(self.low, n.end, self.hi)
            if nxt is None or nxt in self.ctx["not_counted"]:
                return "name"
        listed = _NAME_NUMBER_BEFORE.search(self.text, max(self.lo, n.start - 40), n.start)
        if listed and listed.group(1)[:1].isupper() and len(raw) <= 2:
            nxt = next_word(self.low, n.end, self.hi)
            if nxt is None or nxt in self.ctx["not_counted"]:
                return "name"  # `mỏ đá Tam Lập 1, 2 ở huyện Phú Giáo`: the second of two numbered names
        if (
            prev
            and prev[-1].end() == n.start - 1
            and _foreign_name(prev[-1].group())
            and (n.value >= 100 or "." in raw or _in_model_name(self.text, prev))
        ):
            return "name"  # `Boeing 737`, `Snapdragon 480`, `tàu ngầm KRI Nanggala 402`: a model's number
        return None

    def in_short_quote(self, n: Numeral) -> bool:
        """Whether the numeral stands inside a quotation of a few words (a slogan or a name)."""
        opened = max(
            self.text.rfind("“", max(self.lo, n.start - 20), n.start),
            self.text.rfind('"', max(self.lo, n.start - 20), n.start),
        )
        if opened < 0 or self.text.count('"', self.lo, opened) % 2:
            return False  # no quote opens right before (a straight quote opens when an even number come before)
        closed = _CLOSING_QUOTE.search(self.text, n.end, min(self.hi, n.end + 24))
        return (
            closed is not None
            and len(self.text[opened + 1 : closed.start()].split()) <= 5
            and not any(c in self.text[opened : n.start] for c in "”")
        )

    def points_back(self, start: int, end: int) -> bool:
        """`số tiền 1.400 tỷ đồng này`: an amount with its unit, then a demonstrative; not when
        the amount describes a thing named before `với` (`ngôi trường với tổng vốn đầu tư hơn
        37,5 tỉ đồng này`: this school)."""
        pointer = phrase_after(self.low, end, self.hi, self.ctx["back_reference_after"])
        if pointer == "này" and _WITH_BEFORE.search(self.low, max(self.lo, start - 60), start):
            return False
        return pointer is not None

    def back_reference(self, end: int) -> bool:
        """`44 cán bộ nêu trên`, `hai dự án này`: a number that only points back (a
        demonstrative within the two or three words after it)."""
        until = min(self.hi, end + 40)
        stop = _CLAUSE_MARK.search(self.low, end, until)  # `21 đảng viên, trong đó …`: the next clause's `đó`
        words = [m.group() for m in WORD.finditer(self.low, end, stop.start() if stop else until)][:5]
        among = next((k for k, w in enumerate(words[:-1]) if w == "trong" and words[k + 1] in ("đó", "số")), None)
        words = words[:among] if among is not None else words  # `55 người trong đó có 2 …`: among them, no pointer
        place = next((k for k, w in enumerate(words) if k and w in word_set("place_prepositions")), None)
        words = words[:place] if place is not None else words  # `2 thôn tại xã này`: this commune, not these villages
        kind = next((k for k, w in enumerate(words) if k >= 2 and w in word_set("kind_nouns")), None)
        words = words[:kind] if kind is not None else words  # `210 chai rượu loại này`: bottles of this kind
        one, two = _back_reference_res()
        if one.search(" ".join(words[1:4])) or two.search(" ".join(words[1:5])):
            return True
        # `27 công trình trên và …`: a bare `trên` ending the noun phrase (no noun after it) points back
        above = next((k for k, w in enumerate(words[1:3], 1) if w == "trên"), None)
        return above is not None and (above + 1 == len(words) or words[above + 1] in word_set("after_above"))

    def the_two(self, value: float, unit: str | None, end: int) -> bool:
        """`hai nước`, `hai nhà lãnh đạo`, `2 bên`: two before a noun that names the two sides the text
        is about (lexicon `pair_nouns`) points back to them; it counts nothing."""
        if value != 2 or unit is not None:
            return False
        pair = phrase_after(self.low, end, self.hi, self.ctx["pair_nouns"])
        if pair is None:
            return False
        nxt = next_word(self.low, self.low.find(pair, end) + len(pair), self.hi)
        # not `hai đảng viên`, `hai ông lão`, `hai phía bắc`: the noun goes on into another word
        return not (nxt and is_word(f"{pair.split()[-1]} {nxt}"))

    def is_year(self, n: Numeral) -> bool:
        s = self.low[n.start : n.end]
        if (
            _DECADE_BEFORE.search(self.low, max(self.lo, n.start - 16), n.start)
            and _TWO_DIGITS.fullmatch(s)
            and self.unit_after(n.end) is None
        ):
            return True  # `những năm 91-94`, `thập niên 80`: a year written with two digits
        if not (n.has_digits and YEAR.fullmatch(s) and self.unit_after(n.end) is None):
            return False
        # `trên 2000 trường hợp`, `đối với 2080 tập thể`: a quantity word before, a noun after
        return not (
            _COUNT_BEFORE.search(self.low, max(self.lo, n.start - 12), n.start) and _NOUN_AFTER.match(self.low, n.end)
        )

    def phone(self, i: int) -> bool:
        """`0987 654 321`, `1900 6868`, `0236 3821 456`: digit groups that make a phone number (or an
        account or ID number: nine ungrouped digits or more)."""
        n = self.nums[i]
        s = self.low[n.start : n.end]
        if not s.isdigit():
            return False
        if _PHONE_LABEL.search(self.low, max(self.lo, n.start - 64), n.start):
            return True  # `Điện thoại: (024)3 791 29 05`: any digit group after a phone label
        if s.startswith("0") and len(s) >= 3:
            return True
        if len(s) >= 9 and self.unit_after(n.end) is None:
            return True  # an account or card number: counts of this size are written with dots (114000161718)
        if len(s) == 8 and s[:4] in ("1900", "1800"):
            return True  # `đường dây nóng 19009095`: a hotline written without a space
        if i > 0:
            prev = self.nums[i - 1]
            gap = self.low[prev.end : n.start]
            p = self.low[prev.start : prev.end]
            if gap == " " and p.isdigit() and len(p) >= 3 and len(s) >= 3:
                return True
            if gap == ") " and p.startswith("0") and self.low[prev.start - 1 : prev.start] == "(" and len(s) >= 3:
                return True  # `(04) 32373667`: the number after an area code in brackets
        if i + 1 < len(self.nums):
            nxt = self.nums[i + 1]
            t = self.low[nxt.start : nxt.end]
            gap = self.low[n.end : nxt.start]
            if (
                (gap == " " or (gap == ") " and self.low[n.start - 1 : n.start] == "("))
                and t.isdigit()
                and len(t) >= 3
                and (len(s) >= 3 or s[0] == "0")
            ):
                return True  # `0236 3821 456`, `08 3818 1436` (an area code of two digits)
        return False


def _foreign_name(word: str) -> bool:
    """A capitalised word that is no Vietnamese syllable and no country (`Boeing`, `Snapdragon`;
    not `Trong`, `Giang`, `Indonesia`)."""
    low = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and not is_syllable(low)
        and phrase_re("countries", "places.json").fullmatch(low) is None
    )


def _in_model_name(text: str, prev: list[re.Match[str]]) -> bool:
    """`Galaxy Note 7`, `Vsmart Star 5`: a product line's word (lexicon `model_series_words`) after
    another capitalised name, before a small number; not `Real Madrid 2 trận`."""
    return (
        len(prev) >= 2
        and prev[-1].group().lower() in word_set("model_series_words")
        and prev[-2].end() == prev[-1].start() - 1
        and text[prev[-2].start() : prev[-2].start() + 1].isupper()
    )


@cache
def _per_base_before() -> re.Pattern[str]:
    """A measure named per one unit (`thu nhập trên 1ha`; lexicon `per_base_measures`)."""
    return re.compile(r"(?:" + alternation(load_json("context.json")["per_base_measures"]) + r") trên $")


def idiom_goes_on(s: str, m: re.Match[str]) -> bool:
    """`hai tay vợt`, `hai mắt xích`: the last syllable of the numeral idiom `m` begins a word with the
    next one (lexicon `numeral_idiom_breakers`; the dictionary would also break `hai bên bờ`, `hai anh em ruột`)."""
    nxt = WORD.match(s, m.end() + 1) if s[m.end() : m.end() + 1] == " " else None
    return nxt is not None and f"{m.group().rsplit(' ', 1)[-1]} {nxt.group()}" in word_set("numeral_idiom_breakers")


def duration_end(low: str, end: int, hi: int) -> int:
    """Where the time word of a duration ends (`3 [ngày]`, `5 [mùa giải]`; lexicon `duration_after`), else `end`."""
    after = phrase_after(low, end, hi, load_json("context.json")["duration_after"])
    return low.index(after, end) + len(after) if after else end
