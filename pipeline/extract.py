"""From an analysed document (normalized text, sentences, numerals, word tokens)
to indicator records with their semantics, in offsets of the text as read."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cache

from .concept import (
    as_share,
    concept,
    dropped_if_bare,
    harm_only_before,
    is_frame,
    lowered_start,
    only_connective,
    points_back,
    said_once,
    sentence_subject,
    tidy,
)
from .counted import counted_quantities, generic_head
from .lexicon import alternation, phrase_re, word_set, words
from .period import (
    breaks_down,
    choose,
    compared_right_before,
    dates_a_total,
    dates_its_statement,
    is_clock_time,
    is_news_day,
    is_total,
    names_a_body,
    passes_on,
    passes_on_to_a_total,
    periods,
    pointed_to,
)
from .period import normalize as normalize_period
from .phrase_after import (
    applies_to_after,
    compared_after,
    noun_list_end,
    object_after,
    opens_clause,
    opens_no_whole,
    phrase_after,
    purpose_after,
    whole_of_share,
    with_applies_to,
)
from .places import addresses, administrative, is_nationwide, is_region, locations
from .quantities import Quantity, read_quantities
from .records import Indicator
from .respectively import respectively
from .segment import Sentence, capitalised_run, open_bracket, squeeze
from .semantics import (
    bare_comparison,
    change,
    comparator,
    reference,
    reference_before,
    reference_earlier,
    reference_from,
)
from .tokenizer import Analysis, syllables
from .traps import duration_end
from .units import units_match
from .whose import (
    age_of,
    area_of,
    attendance_of,
    attribute_of,
    dimension_of,
    distance_of,
    fine_of,
    is_bare_dimension,
    money_of,
    opens_with_dimension,
    passive_of,
    price_of,
    votes_for,
)

_LINK_ONLY = re.compile(
    r"\s*(?:(?:là|đạt|ở mức|khoảng|gần|hơn|trên|chỉ|lên|còn)\s+)*"
)  # `(…) là gần [194.000 tỷ đồng]`
HEADLINE_MAX = 250  # a first line this short (and not the only one) is a headline
CONCEPT_REACH = 300  # characters around a number where its concept is read
PERIOD_REACH = 3000  # characters around a number where a period of its own sentence may be (real sentences are shorter)
_DIGIT = re.compile(r"\d")
_RATE_OR_NOW = re.compile(r"(?:mỗi|hàng|hằng|bình quân|trung bình|hiện)(?!\w)")
_NAMING = frozenset(("identifier", "ordinal", "age band"))
_SHARE_OF = re.compile(r" (?:số|tổng số) \w")  # `99,4% số xã có …`
_SELF_DESCRIBED = re.compile(r"(?<!\w)(?:bị|được)(?!\w)")
_COORDINATED = re.compile(r"\s*(?:và|hoặc)\s*(?:(?:khoảng|gần|hơn|trên) )?")
_LISTED = re.compile(r"(?:\s*[^\s,;]+){0,3}\s*(?:,|;|và)\s*(?:[^\W\d_]+\s+){0,4}")  # `…%, doanh thu 29%`
_RESTATED = re.compile(
    r"(?:\s*[^\s,;()]+){0,3}\s*(?:\(\s*(?:(?:tương đương(?: với)?|tức là|tức|khoảng|hơn|gần|trên)\s*)*"
    r"|,?\s*(?:tương đương|tương ứng|tức là|tức|tỷ lệ|tỉ lệ)(?: với)?\s*(?:(?:tỷ lệ|tỉ lệ|khoảng|hơn|gần|trên)\s*)*)"
)  # `giảm 121 đơn vị (30,2%)`, `tăng 7,30 USD, tương đương 0,6%`, `tăng 920,4 đồng, tương ứng tỷ lệ 0,037%`
_BARE_AVERAGE = re.compile(r"(?:(?:với |ở )?mức )?(bình quân(?: mỗi \w+)?)", re.IGNORECASE)  # no thing of its own
_LEVEL_WORD = re.compile(r"(?<!\w)(?:đạt|chiếm|là|còn|lên|xuống|bằng|so|với|gấp|trong đó|tổng|mức|tăng|giảm|từ)(?!\w)")
_TO_LEVEL = re.compile(r"(?<!\w)về\s*$")  # not `60,6% về số lượng và 31,92%` (in terms of)
_OUT_OF = re.compile(r"\s*(?:trong tổng số|trên tổng số|trong số)\s*")
_TOTAL_WORD = re.compile(r"^(?:tổng số|tổng)\s+", re.IGNORECASE)
_SCOPE_AFTER = re.compile(r"\s+(?:của\s+)?(?:cả nước|toàn quốc)(?!\w)")  # the whole's scope, dropped from concepts
# the whole after a share: right after it a part's weight in it (`chiếm 18,4% tổng vốn`), or after
# `trong`/`trên` only what it is of (`28,72% trong tổng chi`)
_IN_TOTAL = re.compile(r" (?:(?:trong|trên) )?(tổng)(?!\w)")
_FROM_TO_NEXT = re.compile(
    r"\s*(?:(?:(?:giảm|tăng|hạ)\s+)?(?:xuống|lên|đến|tới|còn|[-–])|(?:về(?:\s+[^\W\d_]+){1,3}\s+)?và(?:\s+(?:tăng|giảm))?|,)"
    r"\s*(?:(?:mức|khoảng|gần|hơn|trên)\s+)?"
)  # `từ 87,17% [xuống] 78,74%`, `từ 3% [giảm xuống] 2%`, `lần lượt tăng 39% [và] 12% so với cuối năm 2024`,
# `tăng 6,3% [về lượng và tăng] 4,9% về giá trị so với cùng kỳ`


def _in_aspect(concept: str | None, before: str | None, aspect: str) -> str | None:
    """`tăng 6,3% về lượng và tăng 4,9% [về giá trị] so với …`: a concept that names only the aspect
    takes the thing of the figure before it whose concept ends in its own aspect (`Xuất khẩu gạo về
    lượng`)."""
    if not (concept and before and " về " in before and concept.lower() == aspect[3:].strip().lower()):
        return concept
    return f"{before.rsplit(' về ', 1)[0]} {aspect}"


_ASPECT_WORDS = r"\s+(về(?:\s+[^\W\d_]+){1,4}?)"  # what a change is in: `về giá trị`, `về số doanh nghiệp`
_ASPECT_PAIRED = re.compile(_ASPECT_WORDS + r"\s+và\s")  # the aspect of the figure before, in a pair
_ASPECT = re.compile(_ASPECT_WORDS + r"(?=\s+so với\s)")  # what a compared change is in
_WITH = re.compile(r"(?<!\w)(?:với|cùng)(?!\w)")
_BREAKS_DOWN = re.compile(r"(?<!\w)gồm\s*:")  # `…, gồm: A 1 người và B 1 người`: parts of the count before


def _near(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted by start) that overlap `[lo, hi)`; none is longer than PERIOD_REACH."""
    first = bisect.bisect_left(spans, (lo - PERIOD_REACH, 0))
    last = bisect.bisect_left(spans, (hi, 0))
    return [sp for sp in spans[first:last] if sp[1] > lo and sp[0] < hi]


def _from_start(spans: list[tuple[int, int]], lo: int) -> Iterator[tuple[int, int]]:
    """The spans (sorted by start) that start at `lo` or later, in order: found by bisection, so that
    a sentence of thousands of periods costs no more per number than the ones after it read."""
    for k in range(bisect.bisect_left(spans, (lo, -1)), len(spans)):
        yield spans[k]


def _inherit_period(
    spans_by_sentence: _PerSentence, si: int, q: Quantity, a: Analysis, clause: tuple[int, int]
) -> tuple[int, int] | None:
    """Clause, sentence, earlier sentences of the paragraph, then the headline."""
    low = a.norm.lower
    sent = a.sentences[si]
    spans = spans_by_sentence[si]
    if sent.end - sent.start > PERIOD_REACH:  # only in a sentence longer than any real one: linear time
        spans = _near(spans, q.start - PERIOD_REACH, q.end + PERIOD_REACH)
    total = is_total(low, max(sent.start, q.start - PERIOD_REACH), q.start)  # a bounded look back: linear time
    if total:  # `nâng tổng số ca mắc lên 18 triệu`: not dated by `24 giờ qua`
        spans = [sp for sp in spans if dates_a_total(low, sp)]
    own = pointed_to(low, spans, choose(low, spans, q.start, q.end, clause, sent.start), sent.start)
    if own:
        return own
    before = a.sentences[si - 1] if si else None
    if before is not None and before.paragraph == sent.paragraph and breaks_down(low, sent.start):
        whole = [sp for sp in spans_by_sentence[si - 1] if dates_its_statement(low, sp, before.start)]
        if whole:  # `Trong đó, nợ Chính phủ là …`: the parts are of the time that frames the whole
            return whole[-1]
    return _from_context(spans_by_sentence, si, a, passes_on_to_a_total if total else passes_on)


class _PerSentence:
    """Spans (periods, places) of each sentence, found when first asked for: most sentences never are."""

    def __init__(self, find: Callable[[Sentence], list[tuple[int, int]]], a: Analysis):
        self.find, self.sentences = find, a.sentences
        self.done: dict[int, list[tuple[int, int]]] = {}

    def __getitem__(self, si: int) -> list[tuple[int, int]]:
        if si not in self.done:
            sentence = self.sentences[si]
            self.done[si] = [] if sentence.credit else self.find(sentence)  # `Ảnh: Quỳnh Nga.`: a name
        return self.done[si]


def _from_context(
    spans_by_sentence: _PerSentence, si: int, a: Analysis, passes: Callable[[str, tuple[int, int], int], bool]
) -> tuple[int, int] | None:
    """The nearest span of an earlier sentence of the paragraph that `passes` on, else the headline's.

    Remembered per sentence, and found by walking back without recursion: a paragraph
    may hold thousands of sentences."""
    cache = a.memo.setdefault(("context", id(spans_by_sentence), passes), {})
    if si in cache:
        return cache[si]
    low = a.norm.lower
    para = a.sentences[si].paragraph
    visited = [si]
    result: tuple[int, int] | None
    j = si - 1
    while j >= 0 and a.sentences[j].paragraph == para:
        own = [sp for sp in spans_by_sentence[j] if passes(low, sp, a.sentences[j].start)]
        if own:
            result = own[-1]
            break
        if j in cache:
            result = cache[j]
            break
        visited.append(j)
        j -= 1
    else:
        result = _headline(spans_by_sentence, para, a)
    for x in visited:
        cache[x] = result
    return result


def _headline(spans_by_sentence: _PerSentence, para: int, a: Analysis) -> tuple[int, int] | None:
    """The last span of the first line, when that line is a headline (short, not the only paragraph)."""
    n_paragraphs = a.sentences[-1].paragraph + 1
    if n_paragraphs <= 1 or para == 0 or a.sentences[0].paragraph != 0:
        return None
    key = ("headline", id(spans_by_sentence))
    if key not in a.memo:
        heads = [  # not a clock time (`Đúng 11h, …`): it dates its own sentence only; nor the day of the
            sp  # news (`sáng 25-6`, `Mới đây`), which dates the event reported, not the body's figures
            for j, s in enumerate(a.sentences)
            if s.paragraph == 0
            for sp in spans_by_sentence[j]
            if not is_clock_time(a.norm.lower, sp) and not is_news_day(a.norm.lower, sp)
        ]
        line_len = sum(s.end - s.start for s in a.sentences if s.paragraph == 0)
        a.memo[key] = heads[-1] if heads and line_len <= HEADLINE_MAX else None
    return a.memo[key]


def _inherit_location(spans_by_sentence: _PerSentence, si: int, q: Quantity, a: Analysis) -> tuple[int, int] | None:
    own = spans_by_sentence[si]
    before = [sp for sp in own if sp[1] <= q.start]
    if before:
        return before[-1]
    after = [sp for sp in own if sp[0] >= q.end]
    if after:
        return after[0]
    return _from_context(spans_by_sentence, si, a, _place_passes_on)


def _place_passes_on(low: str, span: tuple[int, int], lo: int) -> bool:
    """`cả nước có 235 trường`, `lớn nhất khu vực Đông Nam Bộ`: the whole country or a region places
    its own sentence only."""
    return not is_nationwide(low, span) and not is_region(low, span)


def indicators(a: Analysis, all_kinds: bool = False) -> list[Indicator]:
    """Records for the analysed document; `all_kinds` also returns dates, years, ordinals …"""
    norm = a.norm
    text, low, written = norm.text, norm.lower, norm.written
    period_spans = _PerSentence(lambda s: periods(low, s.start, s.end), a)
    location_spans = _PerSentence(lambda s: addresses(text, locations(text, s.start, s.end)), a)
    out: list[Indicator] = []
    n_index = 0
    last_in_sentence: tuple[str | None, str, int, int] | None = None
    outside: tuple[str | None, str, int, int] | None = None  # the last of those outside brackets
    last_group: tuple[int, str, int] | None = None  # (sentence, counted noun, end) of the last count so far
    last: Indicator | None = None  # the last indicator so far
    last_start = last_end = 0  # where its quantity starts and ends
    part: tuple[Indicator, int, int] | None = None  # a count of a total that follows (`11 trong tổng số 24 …`)
    bare: tuple[Indicator, int, int] | None = None  # a count with no words after its noun: (record, sentence, end)
    nums = a.numerals
    named: tuple[int, list[tuple[int, int]], list[tuple[int, int]]] | None = None
    for si, sent in enumerate(a.sentences):
        mine = []
        while n_index < len(nums) and nums[n_index].start < sent.end:
            if nums[n_index].start >= sent.start:
                mine.append(nums[n_index])
            n_index += 1
        if not mine and "gấp" not in low[sent.start : sent.end]:
            continue  # no numeral, no `gấp đôi`: nothing to read here
        found = counted_quantities(a, read_quantities(text, low, sent.start, sent.end, mine), sent)
        found_starts = [x.start for x, _ in found]
        # `học sinh lớp [1]`, `kỳ họp thứ [2]`: numbers that name or rank, read as words of a name
        name_ends = {x.start: x.end for x, _ in found if x.kind in _NAMING}
        for q, noun in found:
            if not q.is_indicator and not all_kinds:
                continue
            clause = a.clause_at(q.start) or (sent.start, sent.end)
            if clause[1] < q.end and (tail := a.clause_at(q.end - 1)):
                clause = (clause[0], tail[1])  # `50% - 100% học phí`: a range across the dash the clauses split at
            rs, re_ = norm.to_raw(q.start, q.end)
            rec = Indicator(
                start=rs,
                end=re_,
                text=norm.raw[rs:re_],
                kind=q.kind,
                value=q.value,
                value_max=q.value_max,
                denominator=q.denominator,
                unit=q.unit,
                sentence=norm.to_raw(sent.start, sent.end),
            )
            if not q.is_indicator:
                rec.extra["why"] = q.why
                out.append(rec)
                continue
            bound = bare_comparison(low, q, clause[0])  # `nhiều hơn 1.400 tỷ đồng`: a bound, no rise
            rec.comparator = comparator(low, q, clause[0], bound)
            rec.change = change(low, q, clause[0], bound) or _shared_change(
                low, last, (last_start, last_end), rec.sentence, q
            )
            rec.reference = reference(low, written, q, clause[1], sent.end)
            # only what lies near the number, in its clause, can touch the concept
            lo_c, hi_c = max(clause[0], q.start - CONCEPT_REACH), min(clause[1], q.end + CONCEPT_REACH)
            if named is None or named[0] != si:  # the sentence's periods and units, found once
                spans = period_spans[si] + administrative(text, location_spans[si])
                named = (si, spans, sorted(spans))
            named_spans = named[1]
            skip = _near(named[2], lo_c, hi_c)
            k = bisect.bisect_left(found_starts, lo_c - CONCEPT_REACH)
            while k < len(found) and found[k][0].start < hi_c:
                x = found[k][0]
                if (
                    x is not q and x.end > lo_c and x.kind not in _NAMING
                ):  # `bãi chôn lấp số 3`, `lần thứ 2`: part of a name
                    # a duration takes its time word with it: `Sau [3 ngày] có 500 người mắc`
                    skip.append((x.start, duration_end(low, x.end, hi_c) if x.kind == "duration" else x.end))
                k += 1
            previous = last_in_sentence if last_in_sentence and last_in_sentence[3] == si else None
            in_brackets = open_bracket(low, q.start, sent.start) >= 0
            if previous and not in_brackets and ")" in low[previous[2] : q.start]:
                # `111 đảng viên (khiển trách 91, …, khai trừ 1), tăng 15,6%`: the one before the bracket; none
                # when all before it stood in the bracket (`vốn … (chưa gồm 10% dự phòng) là 194.000 tỷ đồng`)
                if outside and outside[3] == si:
                    previous = outside
                elif _LINK_ONLY.fullmatch(low, low.rindex(")", previous[2], q.start) + 1, q.start):
                    previous = None
            after = purpose = ""
            aspect = None
            # a period written after the number (`6,6% giai đoạn 2011-2020`) ends what it names
            dated = next(
                (
                    ps
                    for ps, pe in _from_start(period_spans[si], q.end)
                    if (_DIGIT.search(low, ps, pe) or not _RATE_OR_NOW.match(low, ps))
                    and not names_a_body(low, (ps, pe))
                ),
                sent.end,
            )  # `… qua kênh thị trường mở [trong tuần qua]`; but not `Quốc hội khoá 14` (a body's name), nor a
            # rate's or the present's time word (`70 triệu lượt mỗi năm`, `doanh nghiệp hiện nay chưa …`)
            if q.kind in ("count", "ratio", "measure") or (q.kind == "percent" and _SHARE_OF.match(low, q.end)):
                reach = min(sent.end, q.end + CONCEPT_REACH, dated)  # past a comma only for a list of nouns
                after = phrase_after(written, low, syllables(text, q.end, reach), q.end, reach, name_ends)
            elif q.kind == "money" or (q.kind == "percent" and rec.reference is None):
                reach = min(clause[1], dated)
                tokens = syllables(text, q.end, min(reach, q.end + CONCEPT_REACH))  # what follows: a few words
                after = object_after(written, low, tokens, q.end, reach)
                if q.kind == "percent" and (opens_clause(after.lower()) or _subject_of_next(low, q.end, after)):
                    # `tăng trưởng 6,21% [phản ánh những nỗ lực …]`: what follows is no thing; `đạt 6,7%
                    # [quy mô GDP] ước đạt 5,55 triệu tỉ đồng`: it names the next figure (a comma left out)
                    after = ""
                if q.kind == "money" and not after:
                    purpose = purpose_after(written, low, tokens, q.end, clause[1])
            elif q.kind == "percent" and (aspect := _ASPECT.match(low, q.end, clause[1])):
                after = written[aspect.start(1) : aspect.end(1)]  # `tăng 4,9% [về giá trị] so với cùng kỳ`
            noun_c, after_len = noun or (q.unit if q.kind == "count" else None), len(after)
            since = previous[2] if previous and clause[0] <= previous[2] <= q.start else clause[0]
            word = generic_head(q.unit) if q.kind == "count" else None
            if word:
                # `5 người bị khai trừ` after `201 đảng viên`: the group is what is counted
                harm = harm_only_before(low, since, q.start, skip) if after.lower() == word else None
                group = (
                    last_group[1]
                    if last_group and last_group[0] == si and _of_people(last_group[1]) and not harm
                    else None
                )  # not `1.800 bị cáo …, làm chết 4.134 người`: the people harmed are not that group
                if group and last_group and _WITH.search(low, last_group[2], q.start):
                    group = None  # `17.682 tàu thuyền … với 40.966 người`: people with the boats, not boats
                if (
                    group
                    and last_group
                    and last
                    and last.kind == "count"
                    and after.lower() in ("", word)  # the part says nothing of its own
                    and _BREAKS_DOWN.search(low, last_group[2], q.start)
                    and _named_part(written, clause[0], q.start)
                ):
                    group = (
                        last.concept or group
                    )  # `2 nạn nhân mất tích, gồm: Hà Giang 1 người`: the parts of that count
                named_before = group is not None and group.lower() in low[clause[0] : q.start]
                if group and after.lower().startswith(word) and not (after.lower() == word and named_before):
                    after = f"{group} {after[len(word) :].strip()}".strip()
                elif harm:
                    after = f"{after} {harm}"  # `…, làm chết 1.905 người`: the people, with what happened to them
                elif after.lower() == word:
                    after = ""  # `dân số Việt Nam là 96.963.958 người`: the words before name the people
                noun_c = group
            population = q.kind == "count" and (after.lower() == "dân" or (q.unit or "").lower() == "dân")
            place = _place_after(after[4:]) if population and after.lower().startswith("dân ") else ""
            if population:
                # `một quận có gần 800.000 dân`: the population of what the words before name
                after, noun_c = "", None
            first = sent.clauses[0]
            if is_frame(low, first[0]) and len(sent.clauses) > 1:
                first = sent.clauses[1]  # `Theo báo cáo của Chính phủ, [kế hoạch phân vốn …] là 80.000 tỷ đồng`

            def subject(
                first: tuple[int, int] = first,
                spans: list[tuple[int, int]] = named_spans,
                skip: list[tuple[int, int]] = skip,
            ) -> str | None:
                # what the sentence is about, read only when the clause names nothing
                return sentence_subject(written, low, first, spans + skip)

            rec.concept, predicate = concept(
                written, low, q.start, clause[0], skip, noun_c, previous[:3] if previous else None,
                rec.reference, after, q.kind, subject if first != clause else None,
            )  # fmt: skip
            rec.concept = _whose(a, rec, q, sent, after, word, population, last, subject if first != clause else None)
            if place:
                rec.concept = (
                    f"dân số {place}"  # `gần 100 triệu dân Việt Nam`: the population of the place named after it
                )
            if (
                in_brackets
                and q.kind == "percent"
                and last
                and last.kind == "count"
                and last.sentence == rec.sentence
                and previous
                and _RESTATED.fullmatch(low, min(previous[2], q.start), q.start)
            ):
                rec.concept = last.concept  # `1.501 người có trình độ cao cấp (99,4%)`: the share of that count
            if purpose and rec.concept:
                rec.concept = f"{rec.concept} {purpose}"  # `bố trí 5.000 tỷ đồng để giải phóng mặt bằng`
            applies_to = applies_to_after(written, low, q.end, clause[1])
            if applies_to and rec.concept and applies_to.lower() not in rec.concept.lower():
                rec.concept = with_applies_to(rec.concept, applies_to)  # `60 tuổi đối với nam`: the figure for men
            if q.kind == "number" and q.unit == "lần" and rec.concept:
                of_what = _compared_with(a, q.start, q.end, clause[1])
                if of_what and rec.reference is None:
                    rec.reference = of_what  # `gấp 31 lần [xuất khẩu rau quả]`: what the multiple is of
                if (
                    of_what
                    and of_what.lower() not in rec.concept.lower()
                    and not phrase_re("references").match(of_what.lower())  # `gấp 3 lần cùng kỳ`: a reference
                    and not _AVERAGE.match(of_what.lower())  # `gấp 2,7 lần bình quân cả nước`: a benchmark
                ):
                    rec.concept = f"{rec.concept} so với {of_what}"  # `gấp 1,5 lần khu vực tư nhân`
            # no concept of its own, `Con số này`, `tỷ lệ này` or a bare `tỷ lệ`: what the last figure measured
            pointer = (
                points_back(rec.concept) or (rec.concept or "").lower() in word_set("bare_rate_words")
            ) and not after
            first_here = not (last and last.sentence == rec.sentence)  # no figure before it in its sentence
            rec.concept = (
                (None if pointer else tidy(rec.concept))
                or (_second_subject(a, sent, clause, named_spans + skip) if not pointer and first_here else None)
                or (_topic_before(a, si, last) if first_here else None)
                or (last.concept if last and not _bare_cell(low, sent, q) else None)
                or rec.concept
            )
            if whole := _cases_of(written, q, after, last, rec):
                rec.concept = whole  # `616 công trình …, quận 9 có 144 vụ`
            average = _BARE_AVERAGE.fullmatch(rec.concept or "")
            if average and last and last.concept and last.sentence == rec.sentence:
                # `doanh thu … 19,2 tỷ đồng, bình quân 618,4 triệu đồng/ngày`: the average of what the figure
                # before it in the sentence measured
                own = last.concept if "bình quân" in last.concept.lower() else None
                rec.concept = own or f"{last.concept} {average.group(1)}"
            plan = _compared_plan().fullmatch(rec.concept) if rec.concept and q.kind in _PLAN_KINDS else None
            if plan and (
                plan.group() == plan.group(1)
                or (last and last.sentence == rec.sentence and plan.group().lower() in low[last_end : q.start])
            ):
                # `so với mục tiêu 3.200 USD`; `đạt 6,81%, cao hơn mục tiêu 6,7%`: the target of what the
                # figure before it in the sentence measured (not `để đạt mục tiêu 6,7%` alone)
                rec.concept = _plan_of(plan.group(1), last, sent)
            base = (
                previous[0]
                if previous and rec.concept and previous[0] and rec.concept.startswith(previous[0] + " ")
                else rec.concept
            )
            last_in_sentence = (
                base,
                predicate,
                q.end + (after_len + 1 if after_len else 0),
                si,
            )  # inherited without its tail
            if not in_brackets:
                outside = last_in_sentence
            total = _IN_TOTAL.match(low, q.end) if q.kind in ("percent", "ratio") else None
            of_total = q.kind == "percent" and total is not None and total.start(1) == q.end + 1  # no trong/trên
            whole = _whole_after(a, total, clause[1]) if total else ""  # `chiếm 93% [tổng giá trị …]`
            if q.kind == "percent" and rec.change is None and (rec.reference is None or of_total) and rec.concept:
                share = _share_word(a)
                # `chiếm 18,4% tổng vốn`: a part's weight in a whole
                rec.concept = as_share(rec.concept, share[:2] + " trọng" if of_total else share)
                if of_total and whole and whole.lower() not in rec.concept.lower():
                    rec.concept = f"{rec.concept} trong {whole}"  # `chiếm 93% tổng giá trị sản xuất công nghiệp`
            if q.kind == "ratio" and whole and rec.reference is None:
                rec.reference = whole_of_share(whole)  # `chiếm tới 3/4 tổng số diện tích rừng phòng hộ`
            counted = _counted_whole(a, q, sent.end) if q.kind in ("percent", "ratio") else None
            if counted and rec.reference is None:
                rec.reference = " ".join(counted)  # `66% trong số [11.000 doanh nghiệp] được hỏi`
                if rec.concept and rec.concept.lower().endswith(" số"):
                    rec.concept = f"{rec.concept[:-3]} {counted[1]}"  # `tỷ lệ số` (of `trong số`): `tỷ lệ doanh nghiệp`
            _complete_reference(
                a, rec, q, clause, (sent.start, sent.end), whole or after, last, (last_start, last_end)
            )  # after the concept
            p = _inherit_period(period_spans, si, q, a, clause)
            if p:
                ps, pe = norm.to_raw(*p)
                rec.period = norm.as_written(ps, pe)
                rec.period_norm = normalize_period(rec.period)
            loc = _inherit_location(location_spans, si, q, a)
            if loc:
                ls, le = norm.to_raw(*loc)
                rec.location = norm.as_written(ls, le)
            nouns_end = noun_list_end(after, (q.unit or "").lower()) if q.kind == "count" else 0
            description = after[nouns_end:].strip() if nouns_end else ""
            if (
                bare
                and bare[1] == si
                and len(description.split()) >= 2
                and _COORDINATED.fullmatch(low, bare[2], q.start)
            ):
                # `18 quận, huyện và 637 xã, phường, thị trấn chưa đạt …`: both counts are described
                bare[0].concept = f"{bare[0].concept} {description}"
            bare = (
                (rec, si, q.end + after_len + 1)
                if nouns_end and not description and not _SELF_DESCRIBED.search(q.unit or "")
                else None
            )  # not `ba người bị thương và hai căn nhà bị thiêu rụi`: a noun with its own predicate
            if (
                part
                and part[1] == si
                and q.kind == "count"
                and rec.concept
                and _OUT_OF.fullmatch(low, part[2], q.start)
            ):
                part[0].concept = _TOTAL_WORD.sub("", rec.concept)  # `11 trong tổng số 24 quận, huyện sẽ bị …`
            part = (rec, si, q.end) if q.kind == "count" and _OUT_OF.match(low, q.end) else None
            rec.concept = tidy(rec.concept)  # what later steps joined on ends as a concept should
            last_aspect = _ASPECT_PAIRED.match(low, last_end, q.start) if aspect and last is not None else None
            if (
                aspect
                and last_aspect
                and last is not None
                and (last.concept or "").lower().endswith(last_aspect.group(1))
            ):
                rec.concept = _in_aspect(rec.concept, last.concept, written[aspect.start(1) : aspect.end(1)])
            out.append(rec)
            last, last_start, last_end = rec, q.start, q.end
            if q.kind == "count" and q.unit and not generic_head(q.unit) and not _is_event(q.unit):
                last_group = (
                    si,
                    q.unit,
                    q.end,
                )  # `201 đảng viên … 5 người bị khai trừ`; events (600 cuộc) hold no people
    respectively(out, norm.raw)
    for rec in out:
        rec.concept = dropped_if_bare(said_once(rec.concept))
    return out


# what may stand right before a count of bare cases that breaks down the count before: `có`,
# a change, or a place's name after a comma, `và` or an administrative word (`quận Thủ Đức 75 vụ`);
# not a verb of its own (`lập biên bản 7.184 trường hợp`, `khai trừ ra khỏi Đảng 2 trường hợp`)
_CASE_LEAD = re.compile(
    r"(?:(?<!\w)(?:có|tăng|giảm|thêm)"
    r"|(?:[,;]|(?<!\w)(?:và|quận|huyện|tỉnh|xã|phường|thị xã|thành phố|TP))\s+(?:[A-ZĐ]\w*\s+)*[A-ZĐ0-9]\w*)"
    r"\s+(?:(?:khoảng|gần|hơn|trên)\s+)?$"
)


_NEXT_FIGURE = re.compile(r"\s+(?:ước\s+)?(?:đạt|ước tính)(?:\s+(?:khoảng|gần|hơn|trên|dưới|xấp xỉ))*\s+\d")


def _subject_of_next(low: str, end: int, after: str) -> bool:
    """Whether the phrase `after` read after a number (ending at `end`) is followed by `[ước] đạt`
    and another number: it is that number's subject, not a whole of the first (not after `là`:
    `thoái hết 75,01% vốn đầu tư tại đây là 537 tỉ đồng` tells what the share brought)."""
    at = low.find(after.lower(), end, end + len(after) + 8) if after else -1
    verb = _NEXT_FIGURE.search(low, at, at + len(after) + 30) if at >= 0 else None
    return verb is not None and at < verb.start() <= at + len(after)  # `quy mô GDP [ước đạt] khoảng 5,55 …`


def _of_people(unit: str) -> bool:
    """Whether a counted noun counts people (lexicon `people_nouns`: `đảng viên`, `cán bộ nữ`), so
    that `5 người` after it can be a part of that group; not `9 địa phương`, `90 hồ sơ`, `2,2 triệu hộ`."""
    low = unit.lower()
    return any(low == w or low.startswith(w + " ") for w in word_set("people_nouns"))


@cache
def _plan_tail() -> re.Pattern[str]:
    """A plan word ending a concept, with the relation before it (`… [đạt kế hoạch]`, `… [vượt dự toán năm]`)."""
    plans = alternation(word_set("bare_plan_words"))
    relations = words("context.json", "reference_relations")  # as written and as the concept writes them
    linked = alternation({*relations, *relations.values()})
    return re.compile(r"\s+(?:(?:" + linked + r")\s+)?(?:" + plans + r")(?:\s+năm)?$", re.IGNORECASE)


_PLAN_KINDS = ("money", "percent", "measure", "number")  # not a count nor a ratio of targets (`13/14 chỉ tiêu`)


@cache
def _compared_plan() -> re.Pattern[str]:
    """A bare plan word as the whole concept, after a comparison (lexicon `plan_comparisons`: `cao
    hơn mục tiêu`, `vượt chỉ tiêu`) and before who set it (lexicon `plan_setters`: `Quốc hội đề ra`)."""
    plans = alternation(word_set("bare_plan_words"))
    compared = alternation(word_set("plan_comparisons"))
    setters = alternation(word_set("plan_setters"))
    return re.compile(
        r"(?:(?:" + compared + r")\s+)?(" + plans + r")(?:(?:\s+[^\W\d_]+){0,2}?\s+(?:" + setters + r"))?",
        re.IGNORECASE,
    )


def _plan_of(plan: str, last: Indicator | None, sent: Sentence) -> str:
    """A bare plan word (`kế hoạch`, `mục tiêu`; lexicon `bare_plan_words`) as the plan of what the
    figure before measured, in this sentence or the one before (`GDP bình quân đầu người 2.540 USD …
    so với mục tiêu 3.200 USD` -> `mục tiêu GDP bình quân đầu người`); a count of them (`8 chỉ tiêu
    vượt`) is not asked."""
    if not (last and last.concept and last.sentence[1] >= sent.start - 1):
        return plan
    if last.concept.lower().startswith(plan.lower() + " "):
        return last.concept  # the same target, restated
    of_what = _plan_tail().sub("", last.concept)  # `… giải ngân [đạt kế hoạch]`: the thing, not its plan
    if plan.lower() in of_what.lower() or of_what.lower() in word_set("bare_rate_words"):
        return plan  # `tỷ lệ kế hoạch đề ra`, a bare `tỷ lệ`: nothing to name the plan by
    return f"{plan} {lowered_start(of_what)}"


def _cases_of(written: str, q: Quantity, after: str, last: Indicator | None, rec: Indicator) -> str | None:
    """`Có 616 công trình xây không phép, … quận 9 có 144 vụ, Bình Tân có 104 vụ`: a count of bare
    cases (lexicon `case_nouns`, nothing after them), led by a verb or a place (`_CASE_LEAD`), breaks
    down the count before it in the sentence, which names what the cases are and is larger; not a
    count of people (`12 người chết trong 10 vụ`). The concept of that count, or None."""
    if q.kind != "count" or after.lower() not in word_set("case_nouns") or last is None:
        return None
    if last.kind != "count" or last.sentence != rec.sentence or not last.concept:
        return None
    if last.value is None or q.value is None or last.value <= q.value:
        return None  # a part or a change is smaller than the whole (not `cả 3 tiêu chí …, giảm 644 vụ`)
    if generic_head(last.unit) or last.concept.lower() in word_set("case_nouns"):
        return None
    return last.concept if _CASE_LEAD.search(written, max(0, q.start - 60), q.start) else None


_PART_MARK = re.compile(r"[,:;]|(?<!\w)và(?!\w)")


def _named_part(written: str, lo: int, start: int) -> bool:
    """Whether only a name stands between the last list mark and the number (`gồm: [Hà Giang] 1
    người và [Cao Bằng] 1 người`): a part named by a place or body, with no words of its own."""
    marks = list(_PART_MARK.finditer(written, lo, start))
    words = written[marks[-1].end() if marks else lo : start].split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)


def _place_after(words: str) -> str:
    """Where the people counted live, written after them: a capitalised name (`Việt Nam yên tâm`
    -> `Việt Nam`) or a phrase of place or owner (`ở khu vực bờ hữu sông Sài Gòn`, `của Việt Nam`; not `trong`,
    which after people opens a time or a setting: `dân trong bối cảnh …`);
    '' when something else follows (`cần quản trị`)."""
    if _PLACE_OPENS.match(words):
        return words
    return " ".join(capitalised_run(words.split()))


_PLACE_OPENS = re.compile(r"(?:ở|tại|thuộc|của)\s")


def _is_event(unit: str) -> bool:
    """`vụ cháy`, `cuộc họp`, `lượt khách`: events and turns (headed by an event noun) hold no people."""
    words, events = unit.lower().split(), word_set("event_counted_nouns")
    return any(" ".join(words[:k]) in events for k in range(1, len(words) + 1))


def _bare_cell(low: str, sent: Sentence, q: Quantity) -> bool:
    """A line that holds the number and no word (a table flattened into lines: `/ 360 / 340 /`):
    nothing says what it measures, least of all the figure before it."""
    return _LETTER.search(low, sent.start, q.start) is None and _LETTER.search(low, q.end, sent.end) is None


_LETTER = re.compile(r"[^\W\d_]")


def _whole_after(a: Analysis, m: re.Match[str], hi: int) -> str:
    """`chiếm 93% [tổng giá trị sản xuất công nghiệp]`, `28,72% trong [tổng chi]`: the whole a share
    is of, written after it (`m`: `_IN_TOTAL`'s match); not `tổng số` alone (`82% trên tổng số 1.000
    …`: the whole is a count)."""
    tokens = syllables(a.norm.written, m.end(), hi)
    rest = object_after(a.norm.written, a.norm.lower, tokens, m.end(), hi)
    if not rest or rest.lower() == "số":
        return ""
    return f"{a.norm.written[m.start(1) : m.end(1)]} {rest}"


_CAUSE_LEAD = re.compile(r".*(?<!\w)(?:làm cho|khiến cho|khiến|dẫn tới|dẫn đến)\s+")  # what it led to
_LINK_LEAD = re.compile(r"\s*(?:(?:trong khi|nên|và|mà|còn)\s+)?")
_ROSE_OR_FELL = re.compile(
    r"(?P<topic>[^\W\d_][^.!?\d…]{2,80}?)\s+(?:(?:cũng|vẫn|đều|lại|tiếp tục|có xu hướng|có chiều hướng)\s+)*"
    r"(?:ngày càng\s+|liên tục\s+)?(?:tăng|giảm|đội|gia tăng)(?:\s+(?:lên|xuống|mạnh|nhanh|cao))?\s*[.!]?\s*"
)
_NOT_A_TOPIC = re.compile(r"(?<!\w)(?:không|chưa|tăng|giảm)(?!\w)")  # `biên chế không giảm mà còn [tăng]`


def _topic_before(a: Analysis, si: int, last: Indicator | None) -> str | None:
    """`…, làm cho chi tiêu thường xuyên đội lên. Con số tương đối năm 2015 là 62,3%`: a figure
    without a name of its own, right after a sentence of the paragraph that holds no figure and
    ends on what rose or fell, measures that."""
    if si == 0 or a.sentences[si - 1].paragraph != a.sentences[si].paragraph:
        return None
    before = a.sentences[si - 1]
    if last is not None and last.sentence == a.norm.to_raw(before.start, before.end):
        return None  # the sentence before has a figure of its own
    low = a.norm.lower[before.start : before.end]
    lo = max(low.rfind(mark) for mark in ",;:") + 1  # the last clause
    cause = _CAUSE_LEAD.match(low, lo)
    lo = cause.end() if cause else lo
    link = _LINK_LEAD.match(low, lo)
    m = _ROSE_OR_FELL.fullmatch(low, link.end() if link else lo)
    if m is None or _NOT_A_TOPIC.search(m.group("topic")):
        return None
    return squeeze(a.norm.written[before.start + m.start("topic") : before.start + m.end("topic")])


_PLACE_LINKS = frozenset(("và", "của", "các", "mỗi", "ở", "tại"))


def _names_a_place(phrase: str) -> bool:
    """`Vĩnh Lộc A và Vĩnh Lộc B`, `quận 2`, `mỗi xã`: names, numbers, administrative units and links
    only; not `xứng đáng TP`, `Người đứng đầu Thành ủy nói ngay` (a clause before the place)."""
    split = phrase.split()
    if not split or len(split) > 8:
        return False
    units = word_set("administrative_units", "places.json")
    areas = word_set("area_kinds", "places.json") | word_set("nationwide", "places.json")  # `ngoại thành`, `cả nước`
    lowered = " ".join(w for w in split if not (w[:1].isupper() or w[:1].isdigit())).lower()
    rest = [w for w in lowered.split() if w not in _PLACE_LINKS]
    joined = " ".join(rest)
    return not rest or joined in units or joined in areas or all(w in units for w in rest)


def _second_subject(a: Analysis, sent: Sentence, clause: tuple[int, int], spans: list[tuple[int, int]]) -> str | None:
    """`Tuy nhiên, thu ngân sách … tăng cao, ước thực hiện 17.198 tỷ đồng`: when the first clause
    is a bare connective, what the second names, before taking a figure of another sentence."""
    if len(sent.clauses) < 3 or clause in sent.clauses[:2]:
        return None
    first, second = sent.clauses[:2]
    if not only_connective(a.norm.lower, first):
        return None
    return sentence_subject(a.norm.written, a.norm.lower, second, spans)


def _whose(
    a: Analysis,
    rec: Indicator,
    q: Quantity,
    sent: Sentence,
    after: str,
    word: str | None,
    population: bool,
    last: Indicator | None,
    subject: Callable[[], str | None] | None,
) -> str | None:
    """The concept read from the clause, made specific with what the sentence and the
    records before say about whose figure it is; `subject` reads what the sentence is about."""
    written, low = a.norm.written, a.norm.lower
    concept = rec.concept or word  # `Có 57 người.`: nothing but the people
    if population and not (concept or "").lower().startswith("dân số"):
        place = concept if concept and _names_a_place(concept) else ""
        concept = f"dân số {place}".strip()  # `Phường có 110.000 dân`; not `dân số xứng đáng TP`
    if q.kind in ("count", "percent"):
        concept = votes_for(written, low, (sent.start, sent.end), after, q.end) or concept
    if q.kind == "count":
        concept = attendance_of(concept) or passive_of(concept) or concept  # `với sự tham dự của 497 đại biểu`
    concept = attribute_of(written, low, sent.start, q.start) or concept
    if q.kind in ("measure", "money"):
        concept = dimension_of(concept, low, q.start, q.unit) or concept  # `tuyến metro dài 20 km`, `trị giá 35 tỷ USD`
        second = len(sent.clauses) > 1 and sent.clauses[1][0] <= q.start < sent.clauses[1][1]
        opens = second and opens_with_dimension(low, sent.clauses[1][0], q.start)
        if is_bare_dimension(concept) and opens and subject and (owner := subject()):
            concept = f"{concept} {lowered_start(owner)}"  # `Cây cầu dân sinh, rộng 2m, …`: the sentence's subject
    if q.kind == "measure":
        concept = area_of(concept, q.unit) or concept  # `khu tái định cư Bình Sơn 120 ha`
        concept = distance_of(concept, q.unit) or concept  # `cách đất liền 24 km`: a distance
        concept = age_of(concept, q.unit) or concept  # `Ông Nguyễn Văn Hào (49 tuổi)`: his age
    if q.kind == "money":
        concept = price_of(concept, low, q.start, q.end) or concept  # `250.000 đồng/kg`: a price
        concept = fine_of(concept) or money_of(concept) or concept  # `Quốc hội bổ sung 15.000 tỷ đồng`: the funds
    if (
        rec.change
        and q.kind == "count"
        and last
        and not last.change
        and last.unit
        and units_match(last.unit, q.unit)  # `vụ phá` and `vụ`: one noun, as the scorer sees it
        and last.sentence == rec.sentence
    ):
        concept = last.concept  # `cục thuộc bộ là 125 tổ chức, tăng 7 tổ chức`: the same thing changed
    return concept


_COMPARED_NEXT = re.compile(r"\s*so(?:\s|$)")  # `tăng 5% so với …`: a comparison, not a whole to share
_OTHER_CLAUSE = re.compile(r"(?<!\w)(?:so với|nhưng|biên)(?!\w)")  # `…, nhưng chỉ có biên lãi gộp chưa tới 10%`
_AVERAGE = re.compile(
    r"(?:mức\s+(?:tăng(?:\s+trưởng)?(?:\s+(?:gdp|grdp))?\s+)?)?(?:bình quân|trung bình)(?:\s+chung)?(?:\s+của)?(?!\w)"
)  # `bình quân cả nước`, `mức tăng bình quân chung của cả nước`, `mức tăng trưởng GDP bình quân`
_COMPARED = re.compile(r"\s*(?:so với|so)?\s*")


def _phrase_at(a: Analysis, start: int, hi: int) -> str:
    """The noun phrase written from `start` (`phrase_after` over the syllables up to `hi`)."""
    return phrase_after(a.norm.written, a.norm.lower, syllables(a.norm.text, start, hi), start, hi)


# a multiple stated as a level (`thu hẹp từ 2,1 lần năm 2008 còn 1,8 lần năm 2017`): a period after it is its own
_LEVEL_MULTIPLE = re.compile(r"(?<!\w)(?:từ|còn|xuống|lên|là|ở mức|đạt)(?:\s+(?:khoảng|gần|hơn|trên|dưới))*\s*$")


def _compared_with(a: Analysis, start_of_number: int, end: int, hi: int) -> str:
    """What a multiple is of, written after it: `gấp 1,5 lần [khu vực tư nhân]`, `so với [năm 2011]`;
    not the period of a multiple stated as a level (`còn 1,8 lần năm 2017`)."""
    low = a.norm.lower
    m = _COMPARED.match(low, end, hi)
    start = m.end() if m else end
    if start >= hi or not low[start].isalpha():
        return ""
    when = periods(low, start, hi)
    if when and when[0][0] == start:
        if start == end + 1 and _LEVEL_MULTIPLE.search(low, max(0, start_of_number - 24), start_of_number):
            return ""  # `còn 1,8 lần năm 2017`: when the level held, not what it is compared with
        return a.norm.written[start : when[0][1]]  # `so với năm 2010`
    average = _AVERAGE.match(low, start, hi)
    if average:  # `gấp 2,7 lần [bình quân cả nước]`: an average, then whose
        rest = _phrase_at(a, average.end(), hi)
        return f"{a.norm.written[start : average.end()]} {rest}".strip()
    of_what = compared_after(_phrase_at(a, start, hi))
    if opens_no_whole(of_what.lower()):
        return ""  # `10 lần [thì] …`, `gấp đôi [chỉ] trong`
    end = start + len(of_what)
    if compared_right_before(of_what.lower().split()) and (after := periods(low, end, hi)) and after[0][0] == end + 1:
        return a.norm.written[start : after[0][1]]  # `gấp 1,5 lần cùng kỳ [năm trước]`
    return of_what


_OUT_OF_COUNT = re.compile(r"\s+(?:trong|trên)\s+(?:tổng\s+)?số\s+(?:(?:gần|hơn|khoảng|trên)\s+)?(?=\d)")
_COUNT_DIGITS = re.compile(r"\d[\d.,]*\d|\d")


def _counted_whole(a: Analysis, q: Quantity, hi: int) -> tuple[str, str] | None:
    """A share of a count written after it: `66% trong số [11.000 doanh nghiệp] được hỏi`, `82% trong
    tổng số hơn [3.000 phản ánh]`: the count and its noun, without the clause after the noun."""
    low, written = a.norm.lower, a.norm.written
    m = _OUT_OF_COUNT.match(low, q.end, hi)
    number = _COUNT_DIGITS.match(low, m.end(), hi) if m else None
    if number is None:
        return None
    noun = compared_after(_phrase_at(a, number.end(), min(hi, number.end() + CONCEPT_REACH)))
    return (written[number.start() : number.end()], noun) if noun else None


def _complete_reference(
    a: Analysis,
    rec: Indicator,
    q: Quantity,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    words_after: str,
    last: Indicator | None,
    last_span: tuple[int, int],
) -> None:
    """The references `semantics.reference` did not read, set after the concept was built without
    them: a known one before the number (`cao hơn cùng kỳ 31%`), for a change a comparison earlier in
    the `sentence` (`So với cùng kỳ, giảm 130 vụ`) or the period of the level it rose from (`tăng 3,5 lần,
    từ … năm 2008 lên …`), the whole a percent is a share of,
    from the words written after it (`words_after`: `94% khối lượng`) with its scope, the whole of a
    share written like the one before, and the first percent of a from-to pair or a list sharing
    the last one's (`từ 87,17% xuống 78,74% vốn điều lệ`, `tăng 39% và 12% so với cuối năm 2024`)."""
    last_end = last_span[1]  # where the last quantity ends
    low = a.norm.lower
    if rec.reference is None:
        rec.reference = reference_before(low, a.norm.written, q, clause[0], rec.change is not None)
    if q.kind == "percent" and rec.reference is None:
        rec.reference = _with_scope(a, whole_of_share(words_after), q.end, clause[1])
    if rec.reference is None and rec.change:
        rec.reference = reference_earlier(low, a.norm.written, q, max(sentence[0], q.start - PERIOD_REACH))  # linear
    if rec.reference is None and (rec.change or q.unit == "lần"):
        rec.reference = reference_from(low, a.norm.written, q, sentence[1])  # `tăng 3,5 lần, từ … năm 2008 lên …`
    if rec.reference is None:
        rec.reference = _whole_shared(low, rec, q, last, last_span)
    if rec.reference is None and rec.change:
        rec.reference = _named_compared(a, q.start, last, last_span)
    if (
        rec.reference
        and q.kind == "percent"
        and last is not None
        and last.kind == "percent"
        and last.reference is None
        and last.sentence == rec.sentence
        and last.change == rec.change  # not `chiếm 72,5% và tăng 30,6% so với năm trước`: a share, then a change
        and _FROM_TO_NEXT.fullmatch(low, last_end, q.start)
    ):
        last.reference = rec.reference


def _with_scope(a: Analysis, whole: str | None, end: int, hi: int) -> str | None:
    """The whole with the scope written after it, which concepts leave out: `27% dân số [cả nước]`."""
    low = a.norm.lower
    at = low.find(whole.lower(), end, hi) if whole else -1
    scope = _SCOPE_AFTER.match(low, at + len(whole or "")) if at >= 0 else None
    return f"{whole}{a.norm.written[scope.start() : scope.end()]}" if whole and scope else whole


def _whole_shared(
    low: str, rec: Indicator, q: Quantity, last: Indicator | None, last_span: tuple[int, int]
) -> str | None:
    """The whole of the share before, for a share written like it in the same sentence (`đất nông
    nghiệp chiếm 71,83% diện tích đất toàn tỉnh, đất phi nông nghiệp chiếm 28,17%`); not across a
    comparison or `nhưng`, nor to a rate of its own (`lãi suất 0%`, lexicon `rate_heads`)."""
    if q.kind != "percent" or rec.change is not None or last is None or last.sentence != rec.sentence:
        return None
    if last.kind != "percent" or last.change is not None or not last.reference:
        return None
    last_start, last_end = last_span
    if _COMPARED_NEXT.match(low, last_end) or _OTHER_CLAUSE.search(low, last_end, q.start):
        return None
    if phrase_re("rate_heads").search(low, last_end, q.start):
        return None
    return last.reference if _parallel(low, last_start, q.start) else None


_PARALLEL_WORDS = ("là", "còn", "lên", "xuống")  # `năm 2016 là 13%`, `từ 4,9% GDP … lên 5,53%`
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*(?:(?:khoảng|gần|hơn|trên|chỉ|tới|đến)\s*)*\(?\s*$")


def _parallel(low: str, before: int, start: int) -> bool:
    """Whether the number at `start` is written like the one at `before`: after the same word
    (`chiếm 71,83% …, đất phi nông nghiệp chiếm 28,17%`), in brackets after a name (`BIDV
    (13,47%)`), or after `là`, `còn`, `lên`, `xuống` (`năm 2016 là 13%`, `lên hơn 5,53%`)."""
    if low[max(0, start - 2) : start].strip().endswith("("):
        return True
    a = _WORD_BEFORE.search(low, max(0, before - 40), before)
    b = _WORD_BEFORE.search(low, max(0, start - 40), start)
    return b is not None and (b.group(1) in _PARALLEL_WORDS or (a is not None and a.group(1) == b.group(1)))


def _shared_change(
    low: str, last: Indicator | None, last_span: tuple[int, int], sentence: tuple[int, int] | None, q: Quantity
) -> str | None:
    """The change of the indicator just before (at `last_span`) when this number, with no change
    word of its own, continues it: `tổng tài sản tăng 39%, doanh thu 29%` (a list shares its verb,
    over numbers of one kind: not `doanh thu tăng 10%, lợi nhuận 60 tỷ đồng`), `thấp hơn Lào là
    4.456 đồng/lít, Campuchia là 3.768 đồng/lít` (each difference named the same way), `giảm 121
    đơn vị (30,2%)`, `(tương đương 3 USD)` (the same change restated)."""
    if not last or not last.change or last.sentence != sentence:
        return None
    last_start, last_end = last_span
    start = q.start
    named_like_last = _NAMED_NEXT.fullmatch(low, last_end, start) and (
        _NAMED_DIFFERENCE.search(low, max(0, last_start - 40), last_start)
        or _NAMED_ITEM_BEFORE.search(low, max(0, last_start - 40), last_start)  # the list goes on
    )
    listed = (
        last.kind == q.kind
        and _LISTED.fullmatch(low, last_end, start)
        and (not _LEVEL_WORD.search(low, last_end, start) or named_like_last)
        and not _TO_LEVEL.search(low, last_end, start)  # `giảm 22,5 điểm, về 1.806,5 điểm`: the level reached
    )
    return last.change if listed or _RESTATED.fullmatch(low, last_end, start) else None


# `thấp hơn Lào là [4.456]`: a difference from a named thing; the next item names its own (`, Campuchia là`)
_NAMED_DIFFERENCE = re.compile(r"(?<!\w)hơn((?:\s+[^\W\d_]+){1,4})\s+là\s+(?:khoảng\s+|gần\s+|hơn\s+)?$")
_NAMED_ITEM_BEFORE = re.compile(r"[,;]\s*((?:[^\W\d_]+\s+){1,4})là\s+(?:khoảng\s+|gần\s+|hơn\s+)?$")


def _named_compared(a: Analysis, start: int, last: Indicator | None, last_span: tuple[int, int]) -> str | None:
    """What a named difference is from: `thấp hơn [Lào] là 4.456 đồng/lít`, and each item of the list
    that goes on after it (`, [Campuchia] là 3.768 đồng/lít`, while the one before was so named)."""
    low = a.norm.lower
    named = _NAMED_DIFFERENCE.search(low, max(0, start - 40), start)
    if named is None and last is not None and last.reference and _NAMED_NEXT.fullmatch(low, last_span[1], start):
        named = _NAMED_ITEM_BEFORE.search(low, max(0, start - 40), start)
    return squeeze(a.norm.written[named.start(1) : named.end(1)]) if named else None


_NAMED_NEXT = re.compile(r"\s*[,;]\s*(?:[^\W\d_]+\s+){1,4}là\s+(?:khoảng\s+|gần\s+|hơn\s+)?")


def _share_word(a: Analysis) -> str:
    """`tỉ lệ` where the article spells it so, else `tỷ lệ` (counted once per document)."""
    if "share word" not in a.memo:
        low = a.norm.lower
        a.memo["share word"] = "tỉ lệ" if low.count("tỉ lệ") > low.count("tỷ lệ") else "tỷ lệ"
    return str(a.memo["share word"])
