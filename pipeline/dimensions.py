"""The extractors, one per dimension, Duckling-style: each has a corpus of positive and
negative examples in `corpora/examples/<dimension>.jsonl` that drives its tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .concept import concept
from .numerals import find_numerals
from .period import choose as choose_period
from .places import locations
from .quantities import SentenceReader
from .semantics import change, comparator, reference

# dimension -> the code that reads it
EXTRACTORS: dict[str, Callable[..., Any]] = {
    "numeral": find_numerals,  # digits and number words with their values
    "percent": SentenceReader.unit_after,  # %, phần trăm, điểm phần trăm after a number
    "ratio": SentenceReader.slash,  # 13/21, and SentenceReader.fraction: hai phần ba, một nửa
    "range": SentenceReader.range_end,  # 5-7%, từ 5 đến 7
    "money": SentenceReader.currency_in_context,  # currencies after a number or in the sentence
    "measure": SentenceReader.unit_after,  # ha, km, tấn, °C … after a number
    "count": SentenceReader.noun_follows,  # the counted noun (counted.counted_noun reads it)
    "comparator": comparator,  # hơn, trên, khoảng, ít nhất …
    "multiple": SentenceReader.multiples_in_words,  # gấp 3 lần, gấp đôi
    "not_indicator": SentenceReader.context_trap,  # dates, years, ordinals, names, codes
    "change": change,  # tăng 5% vs. giảm còn 3%
    "period": choose_period,  # năm 2023, quý I/2024, 6 tháng đầu năm … and period_norm
    "location": locations,  # huyện Ia H'Drai, tỉnh Quảng Ninh
    "reference": reference,  # kế hoạch, cùng kỳ, dự toán, GDP
    "concept": concept,  # what is measured
}
