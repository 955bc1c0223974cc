"""When a number holds (`period`), as written, and its normalized form (`period_norm`).

The period of a number is the nearest one in its clause, else in its sentence, else
the nearest earlier one in its paragraph, else the headline's. Periods that only
name what a number is compared with (`so với năm 2015`, `từ 14 tỉ USD năm 1985`,
`cao nhất kể từ năm 2008`) are passed over while another is at hand, and so is a
term that names a body (`Ủy ban thường vụ khóa 14`). Terms and narrative times
(`lúc đầu`, `thời gian qua`) date their own sentence only."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .first_char import alternation_by_first_char, by_first_char, forms_at
from .lexicon import alternation, load_json
from .segment import open_bracket

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@cache
def _grammar() -> tuple[re.Pattern[str], Callable[[str], tuple[re.Pattern[str], ...]], tuple[str, ...]]:
    """One alternation of every period form (to find where a phrase starts), the forms that
    can start with a given character, each alone (to take the longest phrase starting there:
    `tháng 4-2015`, not `tháng 4`), and the words that make a period a compared one."""
    data = load_json("periods.json")
    forms = [p for p, _gloss in data["patterns"]]
    pattern = re.compile(r"(?<![\w/-])(?:" + alternation_by_first_char(forms) + r")(?![\w/])")
    each = [re.compile(rf"(?:{p})(?![\w/])") for p in forms]
    index, anywhere = by_first_char(forms)

    def starting_with(c: str) -> tuple[re.Pattern[str], ...]:
        return tuple(each[i] for i in forms_at(index, anywhere, c))

    return pattern, cache(starting_with), tuple(phrase for phrase, _gloss in data["reference_before"])


_LEAD = re.compile(r"(?:trong|tính đến|đến) ")  # used with .match


# every period phrase holds one of these: a cheap test before the full grammar
_CUE = re.compile(
    r"năm|tháng|quý|kỳ|đoạn|ngày|kh[oó]a|nay|đây|sáng|chiều|tối|trưa|hôm|cuối|đầu|hết|hiện|giờ|lúc|đó|thời|kế|hội|tuần|mùa|xuân|hè thu|thu đông|dịp|lễ|tết|ấy|hoàn thành|đợt|phiên|qua|\dh|\d/\d|(?:19|20)\d\d"
)


def periods(low: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Period phrases in `[lo, hi)`, without a leading `trong`/`đến`."""
    if _CUE.search(low, lo, hi) is None:
        return []
    pattern, starting_with, _ = _grammar()
    out = []
    pos = lo
    while (m := pattern.search(low, pos, hi)) is not None:
        s = m.start()
        lead = _LEAD.match(low, s)
        starts = (s, lead.end()) if lead else (s,)  # `trong năm 2015 – 2016`: the form after `trong` may run longer
        e = m.end()
        if e < hi and low[e] not in ",;:!?":  # a longer form could run on: take the longest
            tries = (form.match(low, at, hi) for at in starts for form in starting_with(low[at]))
            e = max((x.end() for x in tries if x), default=e)
        if lead and (lead.group() == "trong " or re.match(r"(?:tính )?đến năm \d", low[s:e])):
            s = lead.end()  # `trong năm 2023`, `đến năm 2045` -> `năm 2023`, `năm 2045`
        if low.startswith("năm ", s) and _document_before().search(low, max(lo, s - 60), s):
            pass  # not `Luật Đất đai năm 2013`: the year of a law's name
        elif not _attribute_year(low, lo, s):
            out.append((s, e))
        pos = max(e, m.start() + 1)
    return _join_spans(low, out, lo)


@cache
def _document_before() -> re.Pattern[str]:
    """A document's name right before (lexicon `document_heads`, up to five words on; none of
    them a verb or preposition that would end the name): used with .search before a `năm`."""
    heads = alternation(w for w, _gloss in load_json("periods.json")["document_heads"])
    return re.compile(
        r"(?<!\w)(?:" + heads + r")"
        r"(?:\s+(?!(?:là|từ|nay|đến|tới|trong|vào|của|được|đã|sẽ|và)(?!\w))[^\W\d_]+){0,5}\s+$"
    )


@cache
def _attribute_before() -> re.Pattern[str]:
    """A birth or a founding right before (lexicon `attribute_before`), with `vào` between
    or none: used with .search before a period."""
    words = "|".join(w for w, _gloss in load_json("periods.json")["attribute_before"])
    return re.compile(r"(?<!\w)(?:" + words + r")(?:\s+vào)?\s+$")


def _attribute_year(low: str, lo: int, s: int) -> bool:
    """`tay golf sinh năm 1992`, `Quỹ thành lập năm 1997`: the year the subject was born or
    founded, no period; but `110.000 doanh nghiệp được thành lập năm 2016` counts the foundings
    of that year (a number earlier in the clause)."""
    found = _attribute_before().search(low, max(lo, s - 24), s)
    if found is None:
        return False
    clause = max(low.rfind(c, lo, found.start()) for c in ",;(")
    return re.search(r"\d", low[max(lo, clause + 1) : found.start()]) is None


_SPAN_FROM = re.compile(r"(?:kể |tính )?từ $")  # used with .search right before a period
_SPAN_TO = re.compile(r" ?(?:[-–]|đến|tới) ?")  # used with .fullmatch between two periods
_SPAN_TO_LEAD = re.compile(r"(?:đến|tới) ")  # the second period's own `đến`: `Từ cuối tháng 1 đến 20/3`
_FROM_NOW = re.compile(r"(?:kể )?từ nay (?:(?:đến|tới) )?$")  # used with .search right before a period


def _join_spans(low: str, out: list[tuple[int, int]], lo: int) -> list[tuple[int, int]]:
    """`từ quý I năm 2017 đến năm 2025`, `Từ cuối tháng 1 đến 20/3`, `từ nay tới năm 2018`: a period
    after `từ` and another after `đến`/`tới` are one span."""
    joined: list[tuple[int, int]] = []
    for sp in out:
        if joined:
            a = joined[-1]
            gap = low[a[1] : sp[0]]
            to = _SPAN_TO.fullmatch(gap) or (not gap.strip() and _SPAN_TO_LEAD.match(low, sp[0]))
            opening = _SPAN_FROM.search(low, max(lo, a[0] - 10), a[0])
            if to and (opening or _SINCE.match(low, a[0])):
                joined[-1] = (opening.start() if opening else a[0], sp[1])
                continue
        now = _FROM_NOW.search(low, max(lo, sp[0] - 16), sp[0])
        if now and (now.group().endswith(("đến ", "tới ")) or _SPAN_TO_LEAD.match(low, sp[0])):
            sp = (now.start(), sp[1])
        joined.append(sp)
    return joined


_PLAN = re.compile(r"(?:nhiệm vụ|phương hướng|kế hoạch|mục tiêu|triển khai|đề nghị|yêu cầu|phấn đấu)(?: \w+){0,2}\s*$")
_FROM = re.compile(r"(?<!\w)từ(?!\w)")
# `sau hội nghị lần thứ nhất `: a meeting after or before which (not `lợi nhuận sau thuế`, `trước Quốc hội`)
_AFTER_EVENT = re.compile(
    r"(?<!\w)(?:sau|trước) (?:khi )?(?:hội nghị|phiên họp|kỳ họp|cuộc họp|đại hội|hội thảo|buổi làm việc)"
    r"(?: [^\W\d]+){0,4}(?: vào)? $"
)
_TO = re.compile(r"\s*(lên|xuống|đến|về)\b")


@cache
def _reference_re() -> re.Pattern[str]:
    _, _, before = _grammar()
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(b) for b in before) + r")(?!\w)")


_CLAUSE_MARK = re.compile(r"[;()]|,(?!\d)")  # not the comma of `3,46`
_COMPARED_FIGURE = re.compile(
    r"(?<!\w)(?:so(?: với)?|hơn|vượt(?: xa)?|thấp hơn|cao hơn|gấp) (?:con số|mức|số)(?!\w)"
)  # `so với con số 3,46 tỉ USD của năm 2016`, `vượt xa mức 80 tỷ đồng của năm trước`
_BUDGET_BEFORE = re.compile(r"(?:dự toán|kế hoạch)\s*$")
_SINCE = re.compile(r"(?:kể )?từ ")
_MULTIPLE_END = re.compile(r"(?:lần|đôi|rưỡi)$")  # a multiple's number (`gấp đôi`, `1,3 lần`)
_LEVEL_BEFORE = re.compile(r"(?<!\w)(?:từ|còn|lên|xuống|đến|là)\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$")


def _plan_year(low: str, span: tuple[int, int], lo: int) -> bool:
    """`đạt 48,4% dự toán cả năm`: the year of the budget or plan a share is of, not the figure's."""
    return low.startswith("cả năm", span[0]) and _BUDGET_BEFORE.search(low, max(lo, span[0] - 12), span[0]) is not None


def is_reference(low: str, span: tuple[int, int], lo: int) -> bool:
    """`so với năm 2015`, `… năm 1985 lên …`: a period that dates a compared value."""
    left = low[max(lo, span[0] - 40) : span[0]].rstrip()
    words = _CLAUSE_MARK.split(left)[-1].split()  # `… so với năm 2015; năm 2017 đạt`: not across a clause
    head = _SINCE.match(low, span[0], span[1])
    opening = words + (head.group().split() if head else [])  # `cao nhất [kể từ năm 2008]`: the span's own opening
    if _reference_re().search(" ".join(opening[-4:])) or compared_right_before(words):
        return True  # `so với năm 2015`; `gấp hơn 1,3 lần năm 2015`
    if words[-1:] == ["của"] and _COMPARED_FIGURE.search(_CLAUSE_MARK.split(low[max(lo, span[0] - 70) : span[0]])[-1]):
        return True  # `so với con số 3,46 tỉ USD của năm 2016`
    if _plan_year(low, span, lo):
        return True
    return bool(_FROM.search(" ".join(words[-6:]))) and bool(_TO.match(low, span[1], span[1] + 8))


@cache
def _right_before() -> frozenset[str]:
    return frozenset(w for w, _gloss in load_json("periods.json")["reference_right_before"])


def compared_right_before(words: list[str]) -> bool:
    """Whether the last word or two before a period make it a compared one (lexicon
    `reference_right_before`: `gấp hơn 1,3 [lần] năm 2015`, `bằng 95% [cùng kỳ] năm 2022`)."""
    return bool(words) and (words[-1] in _right_before() or " ".join(words[-2:]) in _right_before())


@cache
def _forms(section: str) -> re.Pattern[str]:
    """One section of `periods.json` whose entries are regular expressions, as one pattern
    (used with .fullmatch on a period's span, or .search)."""
    return re.compile(r"(?:" + "|".join(p for p, _gloss in load_json("periods.json")[section]) + r")")


def _is_term(low: str, span: tuple[int, int]) -> bool:
    """`khóa 14`, `nhiệm kỳ 2016-2021`: a term that mostly names a body rather than dating a figure."""
    return names_a_body(low, span) or _forms("office_terms").fullmatch(low, span[0], span[1]) is not None


def names_a_body(low: str, span: tuple[int, int]) -> bool:
    """`khóa 14`: a body's term, part of the body's name (lexicon `body_terms`)."""
    return _forms("body_terms").fullmatch(low, span[0], span[1]) is not None


def _is_fallback(low: str, span: tuple[int, int]) -> bool:
    """`Trước đó,`: a time used only when nothing else in the sentence dates the figure."""
    return _forms("fallback_times").fullmatch(low, span[0], span[1]) is not None


def is_clock_time(low: str, span: tuple[int, int]) -> bool:
    """`11h`, `9h sáng`, `từ 7h đến 19h`: a time of day (lexicon `clock_times`)."""
    return _forms("clock_times").fullmatch(low, span[0], span[1]) is not None


def is_news_day(low: str, span: tuple[int, int]) -> bool:
    """`sáng 25-6`, `hôm 29/3`, `mới đây`: the day a headline's news happened (lexicon `news_days`)."""
    return _forms("news_days").fullmatch(low, span[0], span[1]) is not None


@cache
def _cumulative_cue() -> re.Pattern[str]:
    cues = alternation(w for w, _gloss in load_json("periods.json")["cumulative_cues"])
    return re.compile(r"(?<!\w)(?:" + cues + r")(?!\w)")


def is_total(low: str, lo: int, start: int) -> bool:
    """`nâng tổng số ca mắc ở Ấn Độ lên gần 18 triệu`: the figure is a total (lexicon `cumulative_cues`)."""
    return _cumulative_cue().search(low, lo, start) is not None


def dates_a_total(low: str, span: tuple[int, int]) -> bool:
    """Not `24 giờ qua` (lexicon `recent_spans`): what came in the last hours is not a total's time."""
    return _forms("recent_spans").fullmatch(low, span[0], span[1]) is None


def passes_on_to_a_total(low: str, span: tuple[int, int], lo: int) -> bool:
    return passes_on(low, span, lo) and dates_a_total(low, span)


# `Trong đó, …`, `Cụ thể, …`: a sentence that breaks down the one before it (of which, namely)
_BREAKDOWN = re.compile(r"\s*(?:trong đó|cụ thể)\s*[,:]")


def breaks_down(low: str, lo: int) -> bool:
    """Whether the sentence starting at `lo` breaks down the figures of the one before it."""
    return _BREAKDOWN.match(low, lo) is not None


def dates_its_statement(low: str, span: tuple[int, int], lo: int) -> bool:
    """Whether a period dates what its sentence reports, and so the breakdown after it (`… . Trong
    đó, …`) even when it dates no other later sentence: not a compared period, not a term (`khóa
    14`), not one in brackets (`(năm 2017 là 6,81%)`), not a plan's (`nhiệm vụ trọng tâm năm 2019`)
    nor the date of a meeting after which something happened (`sau hội nghị … ngày 23/2`)."""
    if is_reference(low, span, lo) or _is_term(low, span) or open_bracket(low, span[0], lo) >= 0:
        return False
    return not (
        _PLAN.search(low, max(lo, span[0] - 30), span[0]) or _AFTER_EVENT.search(low, max(lo, span[0] - 50), span[0])
    )


# a period opens its sentence or clause: at the start, after a comma or colon, or after a verb of saying
_OPENS = re.compile(
    r"(?:^|[,:“\"]|(?<!\w)(?:cho biết|cho rằng|nói|khẳng định|nhấn mạnh))\s*(?:(?:trong|trong vòng|sau|qua|suốt|tại|vào|ở|đến)\s+)?$"
)


def passes_on(low: str, span: tuple[int, int], lo: int) -> bool:
    """Whether a period of an earlier sentence dates the numbers of later ones: one that dates its
    own statement (`dates_its_statement`), and not a narrative time (`lúc đầu`, `thời gian qua`),
    a clock time, a fallback, nor one that passes on only when it opens its sentence and does not."""
    if not dates_its_statement(low, span, lo):
        return False
    if low[span[0] : span[1]] == "hiện" and low[lo : span[0]].rstrip()[-1:] not in ("", ","):
        return False  # `… và hiện còn 4 Đảng bộ`: the adverb inside a clause dates that clause only
    if _forms("opening_only").fullmatch(low, span[0], span[1]) and not _OPENS.search(low[lo : span[0]]):
        return False  # `kéo dài hơn hai năm qua`: how long, inside a clause; `Trong 10 năm qua, …` opens
    return (
        _forms("narrative_times").fullmatch(low, span[0], span[1]) is None
        and not is_clock_time(low, span)
        and not _is_fallback(low, span)
    )


_AND = re.compile(r"(?<!\w)(?:và|còn)(?!\w)")
_SAME_PERIOD_OPENS = re.compile(r"\s*(cùng kỳ(?: năm trước| năm ngoái)?)(?:\s+(?:tăng|giảm|đạt|là))?\s*$")
_SAME_PERIOD_BEFORE = re.compile(
    r"(cùng kỳ(?: năm (?:trước|ngoái|(?:19|20)\d\d))?)\s*$"
)  # .search right before a bracket
# `(với 93.500 tỷ đồng)`, `(4.354 tỷ đồng)`: the bracket opens with the compared value (not `(đạt …)`, this
# period's level, nor `(vận tải giảm 5,5%; …)`, a breakdown)
_BRACKET_OPENS_WITH_VALUE = re.compile(r"\s*(?:với\s+)?(?:(?:khoảng|gần|hơn|trên|chỉ)\s+)?")
_THREE_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S")  # more than two words: matched at the start only
_BRACKET_AFTER = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*\(")  # `135,8 nghìn người (quý IV/2018)`
_RESTATED_VALUE = re.compile(r"\s*(?:là|:|đạt|có|chỉ|mới)?\s*(?:khoảng |gần |hơn |trên )?\d")


def _restated_in_brackets(low: str, sp: tuple[int, int], lo: int, mine: int) -> bool:
    """`(năm 2017 là 6,81%)`: a bracket that opens with another period and its value dates only
    what is inside it, not the numbers of the sentence around it (`mine`: the number's bracket)."""
    b = open_bracket(low, sp[0], lo)
    return b >= 0 and b != mine and not low[b + 1 : sp[0]].strip() and _RESTATED_VALUE.match(low, sp[1]) is not None


def pointed_to(
    low: str, own: list[tuple[int, int]], found: tuple[int, int] | None, sentence_lo: int
) -> tuple[int, int] | None:
    """A time that points back (`lúc đó`; lexicon `anaphoric_times`) gives way to the period named
    before it in its sentence (`Năm 2005, … rau quả lúc đó là 235 triệu USD`); else `found`."""
    if found is None or _forms("anaphoric_times").fullmatch(low, found[0], found[1]) is None:
        return found
    named = [
        sp
        for sp in own
        if sp[1] <= found[0]
        and not is_reference(low, sp, sentence_lo)
        and not _is_term(low, sp)
        and _forms("anaphoric_times").fullmatch(low, sp[0], sp[1]) is None
    ]
    return named[-1] if named else found


def choose(
    low: str,
    own: list[tuple[int, int]],
    start: int,
    end: int,
    clause: tuple[int, int],
    sentence_lo: int,
) -> tuple[int, int] | None:
    """The period of the number at `[start, end)` among its sentence's periods `own`."""
    multiple = _MULTIPLE_END.search(low, start, end) is not None and not _LEVEL_BEFORE.search(
        low, max(sentence_lo, start - 12), start
    )  # `từ 2,1 lần năm 2008 còn 1,8 lần năm 2017`: levels, each of its own year
    for sp in own:  # `từ hơn 9 triệu đồng năm 2008 lên …`: a period right after the number is its own
        if sp[0] < end or low[sp[0] : sp[1]] == "nay":  # `230 USD nay đã tăng`: `nay` opens the next statement
            continue
        if multiple and not low[end : sp[0]].strip():
            break  # `tăng gấp đôi năm 2024`, `gấp 1,3 lần năm 2015`: what the multiple is of; not `vào năm 2020`
        if _THREE_WORDS.match(low, end, sp[0]):
            break  # this one and every later one are further than two words away
        gap = low[end : sp[0]]
        if (
            not re.search(r"[^\w\s]", gap)
            and not _reference_re().search(gap)
            and not _CONTRAST.search(gap)  # `8,4-8,7% nhưng đến nay`: the contrast's own time
            and not _AND.search(gap)  # `đến cuối năm 2014 là 20,166 USD và hiện là 21,1 USD`: the next one's
            and not _plan_year(low, sp, sentence_lo)
            and not compared_right_before(gap.split())  # `gấp 1,5 lần cùng kỳ năm trước`: the compared one
        ):
            return sp
    compared = {sp for sp in own if is_reference(low, sp, sentence_lo)}
    mine = open_bracket(low, start, sentence_lo)
    if mine >= 0 and (same := _SAME_PERIOD_OPENS.match(low, mine + 1, start)):
        return same.span(1)  # `đạt 8,25% (cùng kỳ tăng 8,05%)`: the bracket's figure is last year's
    if mine >= 0:
        close = low.find(")", end)
        inside = [
            sp for sp in own
            if mine < sp[0] and (close < 0 or sp[1] <= close) and sp not in compared
        ]  # fmt: skip
        if inside:  # `(215,3 nghìn người, quý IV/2017)`, `(2015: 6,87%, 2016: 6,56%)`: the bracket's own
            before = [sp for sp in inside if sp[1] <= start]
            return before[-1] if before else inside[0]
        named = [sp for sp in own if sp[1] <= mine and not low[sp[1] : mine].strip()]
        if named:  # `so với quý II/2017 (6,17%)`: the value of the period the bracket follows
            return named[-1]
        same = _SAME_PERIOD_BEFORE.search(low, max(sentence_lo, mine - 30), mine)
        if same and _BRACKET_OPENS_WITH_VALUE.fullmatch(low, mine + 1, start):
            return same.span(1)  # `giảm so với cùng kỳ (4.354 tỷ đồng)`: the figure of the same period before
    opening = _BRACKET_AFTER.match(low, end)
    if opening:  # `xuống 2,5% (135,8 nghìn người, quý IV/2018)`: the bracket after the number dates it
        close = low.find(")", opening.end())
        held = [
            sp for sp in own
            if opening.end() <= sp[0] and 0 <= close and sp[1] <= close
            and not _restated_in_brackets(low, sp, sentence_lo, -1) and sp not in compared
        ]  # fmt: skip
        if held:
            return held[0]
    usable = [sp for sp in own if sp not in compared]
    usable = [sp for sp in usable if not _restated_in_brackets(low, sp, sentence_lo, mine)]
    # a term, `Trước đó`, only when nothing else dates it
    usable = [sp for sp in usable if not (_is_term(low, sp) or _is_fallback(low, sp))] or usable
    in_clause = [sp for sp in usable if clause[0] <= sp[0] and sp[1] <= clause[1]]
    if not in_clause:  # `… và nhiệm vụ 6 tháng cuối năm, tổng sản phẩm đạt …`: a plan's period dates no result
        usable = [sp for sp in usable if not _PLAN.search(low, max(sentence_lo, sp[0] - 30), sp[0])] or usable
    for group in (in_clause, usable):
        before = [sp for sp in group if sp[1] <= start]
        if before:
            return before[-1]
        after = next(
            (
                sp
                for sp in group
                if sp[0] >= end
                and low[sp[0] : sp[1]] != "nay"  # `giá 4.800 đồng thì nay còn 4.300 đồng`: not the figure before
                and not (group is in_clause and _NEXT_PREDICATE.search(low, max(end, sp[0] - 200), sp[0]))
                and not (group is usable and ";" in low[end : sp[0]])  # past `;`: another statement's own
                and not (group is usable and _LATER_STATEMENT.search(low, end, sp[0]))
            ),
            None,
        )
        if after:
            return after
    return None


# `nâng cấp 18 km đường … và phấn đấu đến cuối năm đón …`: a period after `và` and a verb phrase
# dates the next predicate, not this number (unless nothing else in the sentence dates it); so does one
# after a contrast (`đặt mục tiêu 8,4-8,7% nhưng đến nay chỉ ước đạt 8,25%`)
_CONTRAST = re.compile(r"(?<!\w)(?:nhưng|song|trong khi)(?!\w)")
# `, và …` or `và theo <a source>, …` opens a later statement with its own time (`thu đạt 20 tỷ USD và
# theo số liệu mới, 5 tháng đã đạt …`); not `và theo đó` (and so)
_LATER_STATEMENT = re.compile(
    r",\s*(?:và|nhưng|song|còn)\s|\s(?:và|nhưng|song|còn)\s+(?:cũng\s+)?theo\s(?!đó\W)[^,;]{1,60},"
)
_NEXT_PREDICATE = re.compile(r"\s(?:và(?:\s+[^\W\d_]+){0,}|(?:nhưng|song|trong khi)(?:\s+[^\W\d_]+){0,3})\s*$")


_YEAR = re.compile(r"(?:19|20)\d\d")
_SPAN_MARK = re.compile(r"[-–]|đến|tới")
_QUARTER = re.compile(r"quý (i{1,3}|iv|[1-4])")
_MONTHS_OF_YEAR = re.compile(r"(\d+|sáu|chín|ba) tháng (đầu|cuối) năm")
_HALF_YEAR = re.compile(r"(nửa|học kỳ) (đầu|cuối) năm")
_MONTH = re.compile(r"tháng (\d{1,2})")
_DAY = re.compile(r"(?:ngày|đến|tới|hết) (\d{1,2})([/.-])(\d{1,2})\2")  # `ngày 4.1.2017`, `tính đến 31/12/2025`
_FROM_TO = re.compile(r"(?:kể |tính )?từ (.+?) (?:đến|tới) (.+)")


def normalize(period: str) -> str | None:
    """`năm 2023` -> `2023`, `quý I/2024` -> `2024-Q1`, `6 tháng đầu năm 2024` -> `2024-H1`,
    `tháng 3/2024` -> `2024-03`, `giai đoạn 2021-2025` -> `2021/2025`; None when no year is written."""
    p = period.lower()
    years = _YEAR.findall(p)
    if not years:
        return None
    ends = _FROM_TO.fullmatch(p)
    if ends:  # `từ quý I năm 2017 đến năm 2025` -> `2017-Q1/2025`
        first, last = normalize(ends.group(1)), normalize(ends.group(2))
        if first and last and first != last:
            return f"{first}/{last}"
    if len(years) >= 2 and _SPAN_MARK.search(p) and "tháng" not in p:
        return f"{years[0]}/{years[-1]}"
    y = years[-1]
    m = _QUARTER.search(p)
    if m:
        q = m.group(1)
        return f"{y}-Q{_ROMAN.get(q, q)}"
    m = _MONTHS_OF_YEAR.search(p)
    if m:
        n = {"sáu": 6, "chín": 9, "ba": 3}.get(m.group(1)) or int(m.group(1))
        if n == 6:
            return f"{y}-H1" if m.group(2) == "đầu" else f"{y}-H2"
        return f"{y}-01/{y}-{n:02d}" if m.group(2) == "đầu" else f"{y}-{13 - n:02d}/{y}-12"
    m = _HALF_YEAR.search(p)
    if m:
        return f"{y}-H1" if m.group(2) == "đầu" else f"{y}-H2"
    m = _MONTH.search(p)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{y}-{int(m.group(1)):02d}"
    m = _DAY.search(p)  # `ngày 4.1.2017`, `tính đến 31/12/2025`
    if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(3)) <= 12:
        return f"{y}-{int(m.group(3)):02d}-{int(m.group(1)):02d}"
    return y
