"""Decide what each numeral is: an indicator quantity (count, percent, ratio,
money, measure, number) with its value and unit, or something else (date,
year, time, duration, ordinal, identifier …).

Works on the lower-cased normalized text of one sentence at a time; all
vocabularies come from `models/units.json` and `models/context.json`.
The counted noun of a count is filled in later from the word tokens.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, load_json, phrase_re, word_set
from .lookaround import WORD, after_re, name_before, next_word, phrase_after, phrase_before, words_before
from .numerals import Numeral, multiplier_of
from .tokenizer import is_word
from .traps import YEAR, NumeralTraps, idiom_goes_on

INDICATOR_KINDS = ("count", "percent", "ratio", "money", "measure", "number")

_LOOSE_EXPONENT = re.compile(r" [23](?![\w.,])")
_SCALE_END = re.compile(r"(?<!\w)(?:triệu|tỷ|tỉ|nghìn|ngàn)$")
_SPACES = re.compile(r"\s*")


_DIGIT_CHAIN = re.compile(r"(?<![\d.,/-])\d-\d(?:-\d)+(?![\d.,/-])")  # three single digits or more
_ROUND_THE_CLOCK = re.compile(r"24/(?:24|7)(?=\s+giờ|\s*[,.;)\n]|$)")  # not `24/24 Hội Luật gia quận`
_K_END = re.compile(r"\dk$")  # a numeral written with `k` (`50k`, `24K` lowered)
_AMOUNT_WORD = re.compile(r"tỷ|tỉ|triệu|nghìn|ngàn|trăm|đồng|usd")  # words of a second amount after a slash


@dataclass
class Quantity:
    start: int
    end: int
    kind: str
    value: float
    value_max: float | None = None
    denominator: float | None = None
    unit: str | None = None
    comparator: str = "="
    why: str | None = None  # for kinds that are not indicators
    numeral_end: int = 0  # where the number (before its unit) ends: counted nouns start here
    word_numeral: bool = False  # `ba`, `hai mươi`: such numbers never borrow a noun

    @property
    def is_indicator(self) -> bool:
        return self.kind in INDICATOR_KINDS


@cache
def _units() -> tuple[dict[str, list[str]], int]:
    after = load_json("units.json")["after"]
    return after, max(len(k) for k in after)


@cache
def _ctx() -> dict:
    return load_json("context.json")


_AMOUNT_BEFORE = re.compile(r"(?:\d|tỷ|tỉ|triệu|nghìn|ngàn)\s*$")  # `23 tỷ đôla`, not `Cường đô la`
_NAMED_PEOPLE = re.compile(r" (?:ông|bà|anh|chị) [A-ZĐ]")
_HALF_AFTER = re.compile(r" (?:rưỡi|rưởi)(?!\w)")
_HAS_BEFORE = re.compile(r"(?<!\w)(?:có|gồm)\s+$")
_THOUSANDS_COMMA = re.compile(r"\d{1,3},\d{3}")  # `4,974` in a ratio of counts
_NOT_MONEY_AFTER = re.compile(r" (?:chí|bào)(?!\w)")  # the đồng of `5 đồng chí` is no currency


@cache
def _currency_re() -> re.Pattern[str]:
    money = sorted(
        (s for s, (kind, _u, _g) in _units()[0].items() if kind == "money" and len(s) > 1), key=len, reverse=True
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in money) + r")(?!\w)")


@cache
def _money_words_re() -> re.Pattern[str]:
    words = sorted(load_json("units.json")["money_context"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


_GLUED_DAY = re.compile(r"\wngày $")  # `chứng khoánngày 2/2`: link text glued to the next word
# a day named as one (`dịp`, `ngày`, `lễ`) and then `và`: the next day/month is another day
_DAY_LISTED = re.compile(
    r"(?<!\w)(?:dịp|ngày|lễ|hôm|sáng|chiều|tối)\s+(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])\s*(?:và|hoặc|,)\s*$"
)
_DATE_THEN_DASH = re.compile(r"(?<![\d/])(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])\s*[-–]\s*$")
_PER_UNIT = re.compile(r"\s+(?:một|mỗi)\s+(?!(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ|chục|mươi|lăm)(?!\w))[^\W\d_]")
_AFTER_COUNT_IN_LIST = re.compile(
    r"\d[\d.,]*\s+(?!(?:giờ|phút|giây|ngày|tháng|năm)(?!\w))[^\W\d_]+(?:\s[^\W\d_]+)?\s*,\s*$"
)  # not a time (`14 giờ 35 phút, một tai nạn …`)
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:là|lấy)\s+$")  # `đây là một vấn đề`: an article
_BEFORE_COUNT_IN_LIST = re.compile(r"[^,;.:()\d]{1,40},\s*(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+[^\W\d_]")
_NOUN_THEN_TO = re.compile(r" ([^\W\d_]+(?: [^\W\d_]+)?) (?:đến|tới) ")
_OF_OR_BETWEEN = re.compile(r"(?<!\w)(?:của|giữa) $")  # used with .search right before a number word
_PHAN_DENOMINATOR = re.compile(r" phần (tư|\d+|ba|hai|năm|sáu|bảy|tám|chín|mười)(?!\w)")  # `một phần tư`
# `Số lượng cổ phần chuyển nhượng … là 1,25 triệu`: a quantity named right before (no figure, mark or
# money word between) is counted, though a price follows in the sentence
_COUNT_NAMED_BEFORE = re.compile(r"(?<!\w)số lượng(?!\w)(?:(?!giá|tiền|vốn)[^\d,;:()])*$")
_OPENING_MARKS = frozenset('"“‘(:-–')  # a capital after them opens a quote, an aside or a list item
_BILLIONS_END = re.compile(r"(tỷ|tỉ)$")
_TIMES_IN_WORDS = re.compile(r"(?<!\w)gấp (đôi|rưỡi|ba|bốn|năm|mười)(?!\w)")  # `gấp đôi`, `gấp rưỡi`


class SentenceReader(NumeralTraps):
    """Reads the numerals of one sentence `[lo, hi)` of the normalized text."""

    def __init__(self, text: str, low: str, lo: int, hi: int, numerals: list[Numeral]):
        self.text, self.low, self.lo, self.hi = text, low, lo, hi
        self.nums = numerals
        self.ctx = _ctx()
        self._units_at: dict[int, tuple[str, str, int] | None] = {}
        self.fraction_at: dict[int, float] = {}  # where a unit is a fraction of its currency (`cent`), the fraction
        self.scaled_money: str | None = None  # the currency of the last amount in tỷ read in the sentence
        self._currency: str | None = None  # the sentence's currency, found when first asked
        self._currency_known = False
        self.score_end = -1  # no score read yet in the sentence

    # -- units ---------------------------------------------------------------------------
    def unit_after(self, end: int) -> tuple[str, str, int] | None:
        """(kind, canonical unit, end offset) of a unit written right after `end` (asked often: remembered)."""
        if end not in self._units_at:
            self._units_at[end] = self._unit_after(end)
        return self._units_at[end]

    def _unit_after(self, end: int) -> tuple[str, str, int] | None:
        after, _ = _units()
        low = self.low
        pos = end
        if low.startswith(",%", end):
            pos += 1  # `đạt gần 32,%`: a decimal comma left without its digits
        while pos < self.hi and low[pos] == " ":
            pos += 1
        if pos - end > 1:
            return None
        m = after_re(tuple(after), r"[\w²³]").match(low, pos, self.hi)
        if m is None and _SCALE_END.search(low, max(0, end - 6), end):
            scaled = load_json("units.json")["after_scaled"]
            m = after_re(tuple(scaled), r"[\w²³]").match(low, pos, self.hi)
            if m is not None:
                kind, unit, _gloss = scaled[m.group()]
                return kind, unit, self._rate_end(m.end())  # `71 triệu bảng`: pounds; `ba bảng lương` is no money
        if m is None:
            return None
        surface = m.group()
        kind, unit, _gloss = after[surface]
        stop = m.end()
        if fraction := load_json("units.json")["fractions"].get(surface):
            self.fraction_at[end] = fraction[0]  # `19 cent`: 0.19 USD
        if pos == end and surface[0].isalpha() and kind not in ("measure", "money"):
            return None  # `5lần`: only measures and money glue to the number
        blocked = load_json("units.json")["not_after"].get(surface)
        scaled_money = kind == "money" and _SCALE_END.search(low, max(0, end - 6), end) is not None
        if blocked and phrase_after(low, stop, self.hi, blocked) and not scaled_money:
            return None  # `5 đồng chí`; but `68.000 tỷ đồng bằng 47% kế hoạch`: after tỷ, đồng is money
        if kind == "money":
            stop = self._rate_end(stop)
        return kind, unit, stop

    def _rate_end(self, stop: int) -> int:
        """`50.000 đồng/người`, `16 triệu đồng/người/năm`: a rate keeps its `/người` (twice at most) in the span."""
        for _ in range(2):
            if not self.low.startswith("/", stop):
                break
            m = WORD.match(self.low, stop + 1)
            if not m:
                break
            if m.group().isdigit():
                # `đồng/1 ha`, `đồng/4 năm`: per so many of a unit; but `602 tỷ đồng/2.002 tỷ đồng` is an
                # amount over an amount (a ratio), its second amount no per-unit
                unit = WORD.match(self.low, m.end() + 1) if self.low.startswith(" ", m.end()) else None
                if unit is None or not unit.group()[0].isalpha() or _AMOUNT_WORD.fullmatch(unit.group()):
                    break
                stop = unit.end()
                continue
            stop = m.end()
            nxt = WORD.match(self.low, stop + 1) if self.low.startswith(" ", stop) else None
            if nxt and self.text[nxt.start()].islower() and is_word(f"{m.group()} {nxt.group()}"):
                stop = nxt.end()  # `đồng/đơn vị`, `đồng/cổ phiếu`: the per-unit is a word of two syllables
            if m.group() in ("m", "km") and _LOOSE_EXPONENT.match(self.low, stop):
                stop += 2  # `5 triệu đồng/m 2`: the exponent cut loose from a superscript
        return stop

    def money_scale(self, n: Numeral) -> bool:
        """A numeral in tỷ (billions): mostly money in the news, unless a big-count noun follows."""
        if not _BILLIONS_END.search(self.low[n.start : n.end]):
            return False
        word = next_word(self.low, n.end, self.hi)
        return word not in ("người", "lượt", "dân", "con", "cây", "lít", "viên", "liều", "sản")

    def one_counts(self, n: Numeral) -> bool:
        """`tăng một đại biểu`, `khiển trách một tổ chức`: after these words `một` counts, it is no article."""
        if next_word(self.low, n.end, self.hi) in self.ctx["one_not_before"]:
            return False  # `thêm một số trung tâm`: some, not one
        if "không" in words_before(self.low, n.start, self.lo, 3):
            return False  # `không còn một ngôi nhà`: not a single one
        if _AFTER_COUNT_IN_LIST.search(self.low, max(self.lo, n.start - 40), n.start):
            return True  # `24 huyện, một thị xã và hai thành phố`: one of a list of counts
        if _BEFORE_COUNT_IN_LIST.match(self.low, n.end, self.hi) and not _ARTICLE_BEFORE.search(
            self.low, max(self.lo, n.start - 6), n.start
        ):
            return True  # `gồm: một người bị khai trừ, ba người bị cách chức`: the first of a list
        return phrase_before(self.low, n.start, self.lo, self.ctx["one_counts_after"]) is not None

    def compound_noun_after(self, end: int) -> bool:
        """`hai thành phố`: a noun of two syllables whose first alone is a function word (thành)."""
        return phrase_after(self.low, end, self.hi, self.ctx["counted_compounds"]) is not None

    def currency_in_context(self) -> str | None:
        """A currency written elsewhere in the sentence (`… tỷ đồng … đạt hơn 3.111 tỷ`); the longest one written wins."""
        if not self._currency_known:
            self._currency, self._currency_known = self._currency_in_sentence(), True
        return self._currency

    def _currency_in_sentence(self) -> str | None:
        seg = self.low[self.lo : self.hi]
        found = [
            m.group()
            for m in _currency_re().finditer(seg)
            if _AMOUNT_BEFORE.search(seg, max(0, m.start() - 12), m.start())
            and not _NOT_MONEY_AFTER.match(seg, m.end())
        ]  # after an amount, and not `đồng chí`, `đồng bào`
        if not found:
            return None
        return _units()[0][max(found, key=len)][1]

    def money_context(self, start: int, end: int | None = None) -> bool:
        """A money word before the number in the sentence, or (given `end`) right after it
        (`30.000 tỉ [vốn] ODA`, `334,4 tỷ [doanh thu]`)."""
        if _money_words_re().search(self.low, self.lo, start) is not None:
            return True
        return (
            end is not None and self.low.startswith(" ", end) and _money_words_re().match(self.low, end + 1) is not None
        )

    def paid(self, start: int) -> bool:
        """A verb of paying within the six words before, no number between (`gửi về cho gia đình
        cháu 80 triệu`, `mất hơn 200 triệu`; lexicon `money_verbs_near`), not as part of a word
        (`chuyển đổi`)."""
        words = words_before(self.low, start, self.lo, 6)
        verbs = word_set("money_verbs_near", "units.json")
        for k, w in enumerate(words):
            if w in verbs and not (k + 1 < len(words) and is_word(f"{w} {words[k + 1]}")):
                return not any(x[:1].isdigit() for x in words[k + 1 :])
        return False

    def priced(self, start: int) -> bool:
        """Goods sold by the unit right before the number (`làm nhà 100 triệu`, `căn hộ 900 triệu`;
        lexicon `priced_goods`): millions of them are a price, not a count."""
        return goods_before(self.low, start, self.lo) is not None

    # -- shapes ----------------------------------------------------------------------------
    def slash(self, i: int) -> Quantity | None | str:
        """`a/b` (ratio or date), `a/b/c` (date), `123/QĐ-UBND` (document). Returns a Quantity, a trap kind, or None."""
        n = self.nums[i]
        low = self.low
        over = self.nums[i + 1] if i + 1 < len(self.nums) and low.startswith(" trên ", n.end) else None
        if over is not None and over.start == n.end + 6 and n.has_digits and over.has_digits and over.value > n.value:
            return Quantity(
                n.start, over.end, "ratio", n.value, denominator=over.value, numeral_end=over.end
            )  # 20 trên 57 dự án
        spaced = low.startswith(" / ", n.end)
        if not (n.end < len(low) and (low[n.end] == "/" or spaced)):
            return None
        nxt = self.nums[i + 1] if i + 1 < len(self.nums) else None
        if nxt is None or nxt.start != n.end + (3 if spaced else 1):
            # 123/QĐ-UBND is a document number; 50k/người is a rate
            return "identifier" if self.text[n.end + 1 : n.end + 2].isupper() else None
        if not nxt.has_digits:
            return None  # 33 nghìn tỷ/năm: a rate, not a ratio
        a, b = n.value, nxt.value
        tail = low[nxt.end : nxt.end + 1]
        if tail == "/" or (tail == "-" and low[nxt.end + 1 : nxt.end + 2].isalpha()):
            return "date" if tail == "/" and not low[nxt.end + 1 : nxt.end + 2].isalpha() else "identifier"
        if tail.isalpha() and not nxt.multiplied:
            return "identifier"
        b_text = low[nxt.start : nxt.end]
        if YEAR.fullmatch(b_text) and a <= 12:
            return "date"
        if YEAR.fullmatch(low, n.start, n.end) and b in (a + 1, (a + 1) % 100) and len(b_text) in (2, 4):
            return "period"  # `mùa giải 2020/21`, `niên khóa 2017/2018`: a season, a school or fiscal year
        date_like = a == int(a) and b == int(b) and 1 <= a <= 31 and 1 <= b <= 12 and not nxt.multiplied
        if date_like:
            if (
                a > b
                or phrase_before(low, n.start, self.lo, self.ctx["date_before"])
                or _DATE_THEN_DASH.search(low, max(self.lo, n.start - 12), n.start)
                or _GLUED_DAY.search(low, max(self.lo, n.start - 6), n.start)
                or _DAY_LISTED.search(low, max(self.lo, n.start - 24), n.start)
            ):
                return "date"  # `nghỉ lễ 30/4 - 1/5`: the other end of a run of days; `dịp 30/4 và 1/5`
            word = next_word(low, nxt.end, self.hi)
            if word is None or word in self.ctx["not_counted"] or word in ("vừa", "tới", "qua", "tại", "nay"):
                return "date"
        if nxt.multiplied and not n.multiplied:
            a *= multiplier_of(low, nxt)
        if a == 1 and nxt.value >= 200 and re.search(r"(?:tỷ|tỉ) lệ\s*$", low[max(self.lo, n.start - 10) : n.start]):
            return "identifier"  # `quy hoạch tỉ lệ 1/500`: a map scale
        b = nxt.value
        if a == int(a) and b < a and _THOUSANDS_COMMA.fullmatch(low, nxt.start, nxt.end):
            b = float(low[nxt.start : nxt.end].replace(",", ""))  # `41/4,974 đảng viên`: a thousands comma
        q = Quantity(n.start, nxt.end, "ratio", a, denominator=b, numeral_end=nxt.end)
        unit = self.unit_after(nxt.end)
        if unit and unit[0] in ("money", "measure"):
            q.unit, q.end = unit[1], unit[2]
        return q

    def range_end(self, i: int) -> tuple[Numeral, int] | None:
        """The second numeral of a range `5-7`, `5 - 7`, `5 đến 7`, `5%-7%`; with its index."""
        n = self.nums[i]
        unit = self.unit_after(n.end)
        j = i + 1
        while unit and j < len(self.nums) and self.nums[j].start < unit[2]:
            j += 1  # `16 triệu đồng/người/năm đến 21 triệu`: the `năm` of the rate is no numeral
        if j >= len(self.nums):
            return None
        nxt = self.nums[j]
        gap = self.low[n.end : nxt.start]
        if unit and unit[2] <= nxt.start:
            gap = self.low[unit[2] : nxt.start]
        repeated = _NOUN_THEN_TO.fullmatch(gap)
        if repeated and self.low.startswith(f" {repeated.group(1)}", nxt.end):
            pass  # `5.000 người đến 8.000 người`: the noun written for both ends
        elif gap.strip() not in ("-", "–", "—", "đến", "tới", "đến khoảng", "-", "~") or len(gap) > 12:
            return None
        if nxt.value <= n.value and not (nxt.multiplied and not n.multiplied):
            return None
        if self.low[nxt.end : nxt.end + 1] == "/" and self.low[nxt.end + 1 : nxt.end + 2].isdigit():
            return None  # 13 - 14/4 is a date; not `3 - 4 triệu/km`
        return nxt, j

    # -- main ------------------------------------------------------------------------------
    def multiples_in_words(self) -> list[Quantity]:
        """`gấp đôi` = 2 times, `gấp rưỡi` = 1.5 times (no numeral to anchor them)."""
        out = []
        for m in _TIMES_IN_WORDS.finditer(self.low[self.lo : self.hi]):
            if m.group(1) in ("đôi", "rưỡi"):
                s = self.lo + m.start()
                out.append(Quantity(s, self.lo + m.end(), "number", 2.0 if m.group(1) == "đôi" else 1.5, unit="lần"))
        return out

    def read(self) -> list[Quantity]:
        out: list[Quantity] = self.multiples_in_words()
        i = 0
        nums = self.nums
        while i < len(nums):
            q, used = self.read_one(i)
            if (
                q is not None
                and q.is_indicator
                and q.kind in ("count", "number")
                and (self.back_reference(q.end) or self.the_two(q.value, q.unit, q.end))
            ):
                q.kind, q.why = "back-reference", "back-reference"
            elif q is not None and q.kind in ("money", "percent", "measure") and self.points_back(q.start, q.end):
                q.kind, q.why = "back-reference", "back-reference"  # `1.400 tỷ đồng này`
            if q is not None and out and (over := self.amount_over_amount(out[-1], q)) is not None:
                out[-1] = q = over  # `(602 tỷ đồng/2.002 tỷ đồng)`: one ratio of two amounts
            elif q is not None:
                out.append(q)
                if q.kind == "money" and self.money_scale(nums[i + max(used, 1) - 1]):
                    self.scaled_money = q.unit  # `giao 7.000 tỉ cho …, 8.000 tỉ tập trung cho …`: amounts alike
            i += max(used, 1)
            # drop numerals swallowed by this quantity's unit (`m2`, `km2`)
            while q is not None and i < len(nums) and nums[i].start < q.end:
                i += 1
        return sorted(out, key=lambda q: q.start)

    def thousand_dong(self, start: int, end: int) -> bool:
        """Whether a number ending in `k` is thousands of dong (`50k`, `10k/lượt`, `Giá vé 5K`): written
        with a small `k`, as a rate or after a price word (lexicon `k_price_before`), and not a gold's
        karat or a slogan's count after a word of lexicon `k_not_thousand_before` (`vàng 24k`, `(24k)`,
        `nguyên tắc 5k`)."""
        if (
            self.text[end - 1] != "k"
            and not self.low.startswith("/", end)
            and not phrase_re("k_price_before").search(self.low, max(self.lo, start - 20), start)
        ):
            return False  # `TV 8K`, `vàng 24K`, `5K của Bộ Y tế`; but `Giá vé 5K`
        return not (
            self.low[start - 1 : start] == "("
            or phrase_before(self.low, start, self.lo, self.ctx["k_not_thousand_before"])
        )

    def amount_over_amount(self, first: Quantity, second: Quantity) -> Quantity | None:
        """`602 tỷ đồng/2.002 tỷ đồng`: two sums of one currency joined by a slash are a ratio in
        that currency (SPEC: `923,835/1.010 tỷ đồng`)."""
        if not (
            first.kind == second.kind == "money"
            and first.unit == second.unit
            and first.value_max is None
            and second.value_max is None
            and second.start == first.end + 1
            and self.low.startswith("/", first.end)
        ):
            return None
        return Quantity(
            first.start, second.end, "ratio", first.value, denominator=second.value, unit=first.unit,
            comparator=first.comparator, numeral_end=first.numeral_end,
        )  # fmt: skip

    def trap(self, n: Numeral, why: str) -> Quantity:
        return Quantity(n.start, n.end, why, n.value, why=why, numeral_end=n.end)

    def read_one(self, i: int) -> tuple[Quantity | None, int]:
        n = self.nums[i]
        low = self.low
        if not n.has_digits:
            special = self.word_numeral(i)
            if special is None:
                return None, 1
            if special.kind != "count":
                return special, 1  # một nửa, gấp ba
        if (
            n.start >= 2
            and low[n.start - 1] == "/"
            and low[n.start - 2].isalpha()
            and math.log10(max(n.value, 1e-9)).is_integer()
            and not re.search(r"\d[^;,:(]*$", low[max(self.lo, n.start - 30) : n.start])  # no count in the clause
        ):
            return self.trap(n, "rate base"), 1  # `số giường bệnh/một vạn dân`; not `176 vụ án/425 bị can`
        glued = self.glued(n)
        if glued:
            return self.trap(n, glued), 1
        if n.end < len(low) and low[n.end] == ":" and low[n.end + 1 : n.end + 2].isdigit():
            return self.trap(n, "time"), 2
        if self.phone(i):
            return self.trap(n, "identifier"), 1
        if chain := _DIGIT_CHAIN.match(low, n.start):
            # `sơ đồ 4-3-3`, `West Ham (5-4-1)`, `công thức 5-3-7`: single digits in a chain name a shape
            return self.trap(n, "identifier"), sum(1 for m in self.nums[i:] if m.start < chain.end())
        if _ROUND_THE_CLOCK.match(low, n.start):
            return self.trap(n, "duration"), 2  # `trực 24/24 giờ`, `theo dõi 24/24`: all day long, not 24 of 24
        if iso := self.iso_date_tail(i):
            return self.trap(n, "date"), iso  # the month and day of 2017-06-27
        if self.list_marker(n):
            return self.trap(n, "identifier"), 1  # an item's number
        if self.day_run_month(n):
            return self.trap(n, "date"), 1  # the month of a run of days: `ngày 6-9/7`
        if self.score(i):
            return self.trap(n, "identifier"), 2  # a game's score
        if self.day_month(i):
            return self.trap(n, "date"), 2
        fraction = self.fraction(i)
        if fraction is not None:
            return fraction, 2
        has_unit = self.unit_after(n.end) is not None
        before = name_before(low, n.start, self.lo, self.ctx["date_before"], n.end)
        if before and self.ctx["date_before"][before][0] in ("ordinal", "identifier") and not has_unit:
            trap = self.context_trap(n)
            if trap:
                nxt = self.nums[i + 1].start if i + 1 < len(self.nums) else -1
                joined = (low[n.end : n.end + 1] in ("/", "-") and nxt == n.end + 1) or (
                    any(low.startswith(dash, n.end) and nxt == n.end + len(dash) for dash in (" - ", "- ", " -"))
                )  # `khóa 13 - 14`, `câu 41- 80` are one name; `lần thứ 3 - cũng là …` names no later number
                return self.trap(n, trap), 2 if joined else 1
        sl = self.slash(i)
        if isinstance(sl, Quantity):
            return sl, 2
        if isinstance(sl, str):
            return self.trap(n, sl), 2
        rng = self.range_end(i)
        if rng is None:
            named = self.named(n)
            if named:
                return self.trap(n, named), 1
        if rng and (
            self.is_year(n)
            or (
                n.value <= 31
                and self.low[rng[0].end : rng[0].end + 1] in ("/", "-")
                and self.low[rng[0].end + 1 : rng[0].end + 2].isdigit()
            )
        ):
            if self.is_year(n):
                return self.trap(n, "period"), 2
            month = i + 2 < len(self.nums) and self.nums[i + 2].start == rng[0].end + 1
            return self.trap(n, "date"), 3 if month else 2  # `từ ngày 2 đến 4-7`: the month too
        if self.is_year(n):
            return self.trap(n, "year"), 1
        if not rng and self.day_before_date(n):
            return self.trap(n, "date"), 1  # `28 và 29/12`, `từ 14-20.2.2018`: a day of the date after it
        trap = self.context_trap(rng[0]) if rng else self.context_trap(n)
        if trap:
            return self.trap(n, trap), 2 if rng else 1
        last = rng[0] if rng else n
        in_k = _K_END.search(low, last.start, last.end) is not None  # `50k`, `24K`: a thousand, or not
        if in_k and not self.thousand_dong(n.start, last.end):
            return self.trap(n, "identifier"), 2 if rng else 1  # `vàng 24K`, `TV 8K`, `nguyên tắc 5K`
        q = Quantity(n.start, last.end, "number", n.value, numeral_end=last.end, word_numeral=not n.has_digits)
        if rng:
            q.value_max = last.value
            if last.multiplied and not n.multiplied and n.value * multiplier_of(low, last) <= last.value:
                q.value = n.value * multiplier_of(low, last)  # `từ 2 đến 3 triệu`; not `250.000 đến 1,5 triệu`
        at = last.end
        unit = self.unit_after(at)
        if rng and unit is None:
            at = n.end
            unit = self.unit_after(at)
        if unit:
            q.kind, q.unit, q.end = unit[0], unit[1], unit[2]
            if at in self.fraction_at:  # `tăng 19 cent`: 0.19 USD (rounded: no float noise such as 1.2770000000000001)
                q.value = round(q.value * self.fraction_at[at], 12)
                q.value_max = round(q.value_max * self.fraction_at[at], 12) if q.value_max is not None else None
            if (q.unit == "lần" or (q.kind == "measure" and not rng)) and _HALF_AFTER.match(low, q.end):
                q.value += 0.5  # `gấp 3 lần rưỡi`, `hai cây số rưỡi`: and a half of the unit
                q.end += 5
        elif low[max(self.lo, n.start - 1) : n.start] == "$" or phrase_before(low, n.start, self.lo, ("usd", "us$")):
            q.kind, q.unit = "money", "USD"
        elif in_k:
            q.kind, q.unit, q.end = "money", "VND", self._rate_end(last.end)  # 50k, 10k/lượt: thousand dong
        elif self.money_scale(last) and (
            (currency := self.currency_in_context() or self.scaled_money) == "VND"
            or self.money_context(n.start, last.end)
        ):
            # `70.000 tỷ đồng cho … và 10.000 tỷ dự án …`; `đạt 5,3 tỷ USD … đạt trên 40 tỷ`: the currency written
            q.kind, q.unit = "money", currency or "VND"
        elif (
            (n.multiplied or last.multiplied)
            and (last.value >= 1e6 or n.value >= 1e6)
            and (not self.noun_follows(last.end) or _PER_UNIT.match(low, last.end))
        ):  # `4,23 - 4,36 triệu`; `177 - 180 triệu một lượng`: a price per tael, no count of taels
            currency = self.currency_in_context()
            scale = _BILLIONS_END.search(low[last.start : last.end])
            named_count = _COUNT_NAMED_BEFORE.search(low, max(self.lo, n.start - 80), n.start)
            if named_count is None and (
                currency or scale or self.money_context(n.start) or self.paid(n.start) or self.priced(n.start)
            ):
                q.kind, q.unit = "money", currency or "VND"
            else:
                q.kind = "count"
        else:
            q.kind = "count"  # the counted noun, if any, comes from the word tokens
        self.sign(q)
        return q, 2 if rng else 1

    def sign(self, q: Quantity) -> None:
        """`âm 5 độ C`, `-3,2%`, `(-1,05%)`: a negative value (not a hyphen between words or numbers)."""
        low = self.low
        if phrase_before(low, q.start, self.lo, ("âm",)):
            q.value = -q.value
        elif q.start > self.lo and low[q.start - 1] in "-−" and (q.start - 1 == self.lo or low[q.start - 2] in " ("):
            q.value = -q.value
            q.start -= 1

    def fraction(self, i: int) -> Quantity | None:
        """`hai phần ba số thôn`, `một phần tư`, `1 phần 3`: a ratio written with `phần`."""
        n = self.nums[i]
        low = self.low
        m = _PHAN_DENOMINATOR.match(low[n.end : n.end + 12])
        if not m or "trăm" in low[n.end : n.end + 12]:
            return None
        den_word = m.group(1)
        den = 4.0 if den_word == "tư" else float(den_word) if den_word.isdigit() else None
        if den is None:
            nxt = self.nums[i + 1] if i + 1 < len(self.nums) else None
            den = nxt.value if nxt is not None else None
        if den is None or den <= n.value:
            return None
        end = n.end + m.end()
        return Quantity(n.start, end, "ratio", n.value, denominator=den, numeral_end=end, word_numeral=not n.has_digits)

    def word_numeral(self, i: int) -> Quantity | None:
        """Number words stand for a quantity only where a unit or noun follows (`ba xã`), never as `một` alone."""
        n = self.nums[i]
        low = self.low
        words = low[n.start : n.end].split()
        raw = self.text[n.start : n.end]
        opens = self.text[self.lo : n.start].rstrip()[-1:] in _OPENING_MARKS  # `"Hai phần ba …`, `: Ba xã …`
        if raw[:1].isupper() and n.start > self.lo and not n.multiplied and not opens:
            return None  # Ba Đình, Hai Bà Trưng
        if any(
            m.start() <= n.start < m.end() and not idiom_goes_on(low, m)
            for m in phrase_re("numeral_idioms").finditer(low, max(self.lo, n.start - 20), n.end + 20)
        ):
            return None  # `múa ba lê`, `năm châu bốn biển`: a word or an idiom, no count
        after = WORD.search(self.text, n.end, self.hi)
        if (
            after
            and after.start() == n.end + 1
            and after.group()[:1].isupper()
            and not n.multiplied
            and not _HAS_BEFORE.search(low, max(self.lo, n.start - 8), n.start)
        ):
            return None  # ba Thường trực: a title or a name follows; but `có hai Uỷ viên Trung ương` counts
        if _OF_OR_BETWEEN.search(low, max(self.lo, n.start - 6), n.start) and not n.multiplied:
            return None  # `mối quan hệ của hai nghệ sĩ`, `va chạm giữa hai phi cơ`: a pair named before, no count
        if _NAMED_PEOPLE.match(self.text, n.end):
            return None  # `Hai ông Nguyễn Hạnh Phúc và Hồ Đức Phớc`: the people are named, not counted
        if phrase_before(low, n.start, self.lo, ("gấp",)) and not self.unit_after(n.end):
            q = Quantity(n.start, n.end, "number", n.value, unit="lần", numeral_end=n.end, word_numeral=True)
            return q  # gấp ba (lần) = 3 times
        if words == ["nửa"]:
            if self.unit_after(n.end):
                return Quantity(n.start, n.end, "count", n.value)  # nửa mét
            if phrase_before(low, n.start, self.lo, ("phân", "quá", "một")):
                left = low[max(0, n.start - 5) : n.start]
                start = n.start - (4 if left.endswith("một ") else 5 if left == "phân " else 0)  # `(phân) nửa`
                return Quantity(start, n.end, "ratio", 1, denominator=2, numeral_end=n.end, word_numeral=True)
            return None
        if _PHAN_DENOMINATOR.match(low[n.end : n.end + 12]):
            return Quantity(n.start, n.end, "count", n.value)  # một phần ba: read as a fraction
        if self.range_end(i) is not None:
            return Quantity(n.start, n.end, "count", n.value)  # từ hai đến ba tấn
        if len(words) == 1 and words[0] in ("một", "năm", "tư", "không", "mốt", "lăm"):
            if (unit := self.unit_after(n.end)) and unit[0] == "percent" and not low.startswith("%", n.end):
                return Quantity(n.start, n.end, "count", n.value)  # `tăng gần một phần trăm`: one percent
            if words[0] == "một" and low.startswith(" nửa", n.end):
                return Quantity(n.start, n.end + 4, "ratio", 1, denominator=2, numeral_end=n.end + 4, word_numeral=True)
            if words[0] == "một" and self.noun_follows(n.end) and self.one_counts(n):
                return Quantity(n.start, n.end, "count", n.value)  # `khiển trách một tổ chức đảng`
            if (
                words[0] == "một"
                and (unit := self.unit_after(n.end))
                and unit[0] == "measure"
                and phrase_before(low, n.start, self.lo, self.ctx["comparators"])
            ):
                return Quantity(n.start, n.end, "count", n.value)  # `hơn một ha`; `giá một tấn rác` is a base
            if (
                words[0] == "năm"
                and (unit := self.unit_after(n.end))
                and unit[0] in ("measure", "money")
                and not re.search(r"\d\s*$", low[max(self.lo, n.start - 3) : n.start])  # `70 năm tuổi Đảng`: years
            ):
                return Quantity(n.start, n.end, "count", n.value)  # `âm năm độ C`, `năm tấn`: five of a unit
            if (
                words[0] == "năm"
                and _HAS_BEFORE.search(low, max(self.lo, n.start - 8), n.start)
                and self.noun_follows(n.end)
                and next_word(low, n.end, self.hi)
                not in word_set("year_after_nam")  # `có năm nay`, `có năm đi …`: the year
            ):
                return Quantity(n.start, n.end, "count", n.value)  # `có năm đồng chí`: five, not the year
            return None
        before = phrase_before(low, n.start, self.lo, self.ctx["not_quantity_before"])
        if before:
            return None
        nxt = next_word(low, n.end, self.hi)
        if nxt is None or (nxt in self.ctx["not_counted"] and not self.compound_noun_after(n.end)):
            if not n.multiplied and self.unit_after(n.end) is None:
                return None
        back = self.ctx["back_reference_after"]
        m = WORD.search(low, n.end, self.hi)
        if m:
            m2 = WORD.search(low, m.end(), self.hi)
            m3 = WORD.search(low, m2.end(), self.hi) if m2 else None
            near = [x.group() for x in (m2, m3) if x is not None]
            if any(w in back for w in near):
                return None
        return Quantity(n.start, n.end, "count", n.value)


def read_quantities(text: str, low: str, lo: int, hi: int, numerals: list[Numeral]) -> list[Quantity]:
    """Quantities of the sentence `[lo, hi)`, given its numerals."""
    return SentenceReader(text, low, lo, hi, numerals).read()


def goods_before(low: str, start: int, lo: int = 0) -> re.Match[str] | None:
    """Goods (lexicon `priced_goods`, group 1) right before an amount, with at most `giá` and a
    qualifier between: `nhà 100 triệu đồng`, `nhà giá 100 triệu đồng`, `căn hộ khoảng 900 triệu`."""
    return _goods_before().search(low, max(lo, start - 30), start)


@cache
def _goods_before() -> re.Pattern[str]:
    goods = alternation(load_json("units.json")["priced_goods"])
    return re.compile(
        r"(?<!\w)(?<!làn )(?<!thuê bao )(" + goods + r")\s+(?:giá\s+)?(?:(?:khoảng|hơn|gần|từ|dưới|trên|chỉ)\s+)?$"
    )  # not `6 làn xe` (lanes) nor `thuê bao điện thoại hơn 130 triệu` (subscriptions): counted
