"""What is measured (`concept`): the words before the number in its clause — the
predicate or the subject noun phrase — without time, place, qualifiers and
function words, cut at word-token boundaries, plus the counted noun.

A number whose clause only says `đạt`, `tăng`, `chiếm` … measures what the
indicator before it in the sentence measured (`thu ngân sách đạt 13.937 tỷ đồng,
đạt 109,8% dự toán`). The words after the number are read by `phrase_after.py`;
whose figure it is (votes, an attribute's owner, a dimension) by `whose.py`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .lexicon import alternation, load_json, phrase_re, word_set, words
from .lookaround import ending_phrase, is_word_char
from .period import periods
from .places import is_place, place_starts
from .segment import capitalised_run, name_goes_on, open_bracket, short_asides, squeeze
from .tokenizer import is_word

MAX_SYLLABLES = 14
_EDGE = " ,;:-–"  # stripped from both ends of a phrase
# a full stop ending a concept is the sentence's: an abbreviation's (`TP.`, `giải B.`) would go on to a name
_SENTENCE_DOT = re.compile(r"\.$")


@cache
def _lists() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    ctx = load_json("context.json")

    left = re.compile(r"(?:(?:" + alternation(ctx["concept_drop_left"]) + r")(?!\w)[\s,]*)+")  # used with .match(pos)
    right = re.compile(r"(?:(?<!\w)(?:" + alternation(ctx["concept_drop_right"]) + r")[\s,]*)+$")
    return left, right, frozenset(ctx["concept_level_only"])


@cache
def _right_last_words() -> frozenset[str]:
    """The last words of the `concept_drop_right` phrases: a phrase can end the text only where
    its last word does (a cheap test before the search)."""
    return frozenset(p.split()[-1] for p in load_json("context.json")["concept_drop_right"])


def _last_word(low: str, s: int, e: int) -> str:
    """The run of word characters that ends `low[s:e]` before its trailing spaces and commas."""
    while e > s and (low[e - 1].isspace() or low[e - 1] == ","):
        e -= 1
    k = e
    while k > s and is_word_char(low[k - 1]):
        k -= 1
    return low[k:e]


def _strip(low: str, s: int, e: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Trim function words at both ends of `[s, e)` and anything inside `spans` touching an end."""
    left_re, right_re, _ = _lists()
    for _ in range(6):
        before = (s, e)
        while s < e and not low[s].isalnum():
            s += 1
        while e > s and not low[e - 1].isalnum():
            e -= 1
        for ps, pe in spans:
            if ps <= s < pe:
                s = pe
            if ps < e <= pe:
                e = ps
        m = left_re.match(low, s, e)
        if m and m.end() > s:
            s = _keep_word_start(low, s, m.end(), e)
        m = phrase_re("places", "places.json").match(low, s, e)
        if m and m.end() < e:
            s = m.end()  # `Thái Bình [diện tích đất toàn tỉnh]`: where, not what
        m = right_re.search(low, s, e) if _last_word(low, s, e) in _right_last_words() else None
        kept = _kept_end(low, s, m.start()) if m else -1
        if kept > 0:
            m = right_re.search(low, kept, e)  # `trình độ đại học trở lên [có xu hướng]`
        if m and m.start() < e:
            e = _keep_word_end(low, s, m.start(), e)
        if (s, e) == before:
            break
    return s, e


@cache
def _reached() -> re.Pattern[str]:
    """`đạt` before a rate or money noun or its total (`đạt doanh thu`, `có tổng tài sản`; lexicon
    `concept_reached_verbs`), or
    `ghi nhận` before any word (`ghi nhận lợi nhuận`, `ghi nhận thêm [300] ca tử vong`; lexicon
    `concept_recording_verbs`)."""
    ctx = load_json("context.json")
    verbs = alternation(ctx["concept_reached_verbs"])
    measured = alternation([*ctx["rate_heads"], *ctx["money_nouns"]])
    recording = alternation(ctx["concept_recording_verbs"])
    return re.compile(
        r"(?<!\w)(?:(?:" + verbs + r")\s+(?=(?:tổng\s+)?(?:" + measured + r")(?!\w))|(?:" + recording + r")(?!\w)\s*)"
    )


@cache
def _raise_verb() -> re.Pattern[str]:
    ctx = load_json("context.json")
    verbs = alternation(ctx["concept_raise_verbs"])
    not_object = alternation(ctx["concept_raise_not_object"])
    adverbs = alternation(ctx["concept_raise_adverbs"])
    return re.compile(
        r"(?<!\w)(?:" + verbs + r")(?:\s+(?:" + adverbs + r")(?!\w))*\s+(?!(?:" + not_object + r")(?!\w))"
        r"(?=[^\W\d_])(?=(?:(?!(?:lên|xuống|từ|còn|" + verbs + r")(?!\w))\S+(?:\s+|$))+$)"
    )  # the object runs to the end: no `lên`, `xuống` nor another raising verb in it (not `đưa con
    # người lên hành tinh Đỏ`, `giảm mạnh giúp biên lợi nhuận tăng vọt`)


# what stands between a raised thing and its new level (or the old one: `giảm sở hữu [từ] 10,39%`)
_TO_LEVEL_GAP = re.compile(
    r"\s*(?:từ(?:\s+mức)?|(?:lên|xuống|về)(?:\s+(?:còn|mức|dưới|trên|khoảng|gần|hơn|tới|đến|chỉ))*"
    r"|còn(?:\s+(?:mức|khoảng|gần|hơn))*)\s*"
)


@cache
def _rate_head_end() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(load_json("context.json")["rate_heads"]) + r")\s+$")


def _raised(low: str, s: int, e: int, start: int) -> tuple[int, int] | None:
    """`nâng tỷ lệ che phủ rừng lên 45%` (lexicon `concept_raise_verbs`): the start of the last raising
    verb in `[s, e)` and of its object (past adverbs, lexicon `concept_raise_adverbs`), when the
    figure is the level it reached or left; not `tăng nhẹ lên`, `nâng cấp` (lexicon
    `concept_raise_not_object`)."""
    if not _TO_LEVEL_GAP.fullmatch(low, e, start):
        return None
    found = max(_raise_verb().finditer(low, s, e), key=lambda m: m.start(), default=None)
    if (
        found is None
        or len(low[found.end() : e].split()) < 2  # `giảm giá xuống 6 tỷ đồng`: a bare noun names too little
        or _rate_head_end().search(low, s, found.start())  # `tốc độ tăng kim ngạch`: the rise is the noun
    ):
        return None
    return found.start(), found.end()


def _kept_end(low: str, s: int, cut: int) -> int:
    """The end of a `trở lên`/`trở xuống` that cutting at `cut` would split; -1 when none."""
    for m in phrase_re("after_comparators").finditer(low, max(s, cut - 12), cut + 12):
        if m.start() < cut < m.end():
            return m.end()
    return -1


_WORD_RUN = re.compile(r"\w+")
_NON_SPACE_RUN = re.compile(r"\S+")


def _keep_word_end(low: str, s: int, cut: int, e: int) -> int:
    """Where the phrase ends once the function words `low[cut:e]` are dropped, keeping the first
    when it ends a word with the one before (`hộ giàu [có]`, `cây chà [là]`) or a compound of
    `concept_kept_compounds` (`giữ [kỷ lục]`)."""
    first = _WORD_RUN.match(low[cut:e])
    before = _WORD_RUN.findall(low[max(s, cut - 24) : cut])
    kept = [
        m.end()
        for m in phrase_re("concept_kept_compounds").finditer(low, max(s, cut - 24), e)
        if m.start() < cut < m.end()
    ]
    if kept:
        return max(kept)  # `giữ [kỷ lục]`: a compound the lexicon keeps whole
    if not first or not before or not is_word(f"{before[-1]} {first.group()}"):
        return cut
    if len(before) >= 2 and is_word(f"{before[-2]} {before[-1]}"):
        return cut  # `dao động [từ]`, `dân số [ít]`: the last syllable already ends a word
    return cut + first.end()


def _keep_word_start(low: str, s: int, cut: int, e: int) -> int:
    """Where the phrase starts once the function words `low[s:cut]` are dropped, keeping those
    that begin a compound with what follows (`[chỉ] số PMI` is `chỉ số PMI`, `[báo cáo] tài chính`)."""
    for w in _WORD_RUN.finditer(low[s:cut]):
        m = phrase_re("concept_kept_compounds").match(low, s + w.start())
        if m and cut < m.end():
            return m.start()
    return cut


def _cut(s: int, e: int, text: str, low: str, limit: int = MAX_SYLLABLES) -> int:
    """Move `s` right so that at most `limit` syllables remain (syllables, not word tokens:
    the words before a number may lie in a clause that was not word-tokenized), or one more
    when the cut would split a word (`[tỷ] lệ cán bộ`, `[thành] phố giảm`), or past the rest
    of a name it would split (`[Việt Nam] sẽ thu hút`, read in `text`)."""
    words = list(_NON_SPACE_RUN.finditer(low[s:e]))
    if len(words) <= limit:
        return s
    k = len(words) - limit
    before, first = words[k - 1], words[k]
    if is_word(f"{before.group()} {first.group()}"):
        k -= 1
    if k > 0 and text[s + words[k - 1].start()].isupper() and text[s + words[k].start()].isupper():
        name_end = k
        while name_end < len(words) and text[s + words[name_end].start()].isupper():
            name_end += 1
        name_start = k - 1
        while name_start > 0 and text[s + words[name_start - 1].start()].isupper():
            name_start -= 1
        last, following = words[name_end - 1].group(), words[name_end].group() if name_end < len(words) else ""
        if following and is_word(f"{last} {following}"):
            k = name_start  # `Bộ Nội vụ thực hiện`: the name runs on in lower case, keep it whole
        elif following:
            k = name_end  # `[Việt] Nam thu hút …`: no piece of a cut name is left at the start
    return s + words[k].start()


MAX_PREDICATE = 4


@cache
def _existential() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(load_json("context.json")["existential_left"]) + r")\s*$")


@cache
def _qualifiers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ctx = load_json("context.json")

    qualifier = re.compile(r"^(?:" + alternation(ctx["concept_qualifier_start"]) + r")(?!\w)")
    # `so với` compares, it starts no new phrase; `tự do` (free), `lý do` (a reason) are nouns
    delimiter = _last_phrase("concept_delimiters", r"(?<!so )(?<!tự )(?<!lý )")
    return qualifier, delimiter


@cache
def _sets_target() -> re.Pattern[str]:
    """A verb that sets a target, right before `mục tiêu` / `chỉ tiêu` (`TP đặt`); not passive
    (`Sản lượng … được đặt mục tiêu`: the subject is what the target is for)."""
    return re.compile(
        r"(?<!\w)(?<!được )(?:" + alternation(load_json("context.json")["target_setting_verbs"]) + r")\s*$"
    )


@cache
def _agent_end() -> re.Pattern[str]:
    """A verb that says who does it (lexicon `agent_verbs`) at the end of what is searched."""
    return re.compile(r"(?:" + phrase_re("agent_verbs").pattern + r")\s*$")


def _by_agent(low: str, delimiter: re.Match[str], e: int) -> bool:
    """`do` that names who does it (`ngân sách nhà nước do địa phương [quản lý]`), not why: the
    phrase goes on through it."""
    return delimiter.group().strip() == "do" and _agent_end().search(low, delimiter.end(), e) is not None


_CAUSE_WORDS = frozenset(("vì", "do", "nhờ"))


def _cause_of_subject(low: str, delimiter: re.Match[str], s: int, number_start: int) -> bool:
    """`[Số người chết] vì tai nạn giao thông giảm còn 20 người`: a cause inside a subject that
    opens with a quantity noun belongs to it; so does a `là` inside a share's subject when a verb
    of level follows it (`Tỷ lệ đảng viên là người dân tộc thiểu số đạt 38,5%`): the phrase does
    not restart after it."""
    word = delimiter.group().strip()
    if word in _CAUSE_WORDS:
        return _QUANTITY_SUBJECT.match(low, s) is not None
    return (
        word == "là"
        and _SHARE_SUBJECT.match(low, s) is not None
        and _LEVEL_VERB_END.search(low, delimiter.end(), number_start) is not None
    )


_SHARE_SUBJECT = re.compile(r"(?:tỷ|tỉ)\s+(?:lệ|trọng)\s+[^\W\d_]")  # `tỷ lệ đảng viên là …`
_LEVEL_VERB_END = re.compile(
    r"\s(?:đạt|chiếm|tăng|giảm|ở mức|lên|xuống còn|còn)(?:\s+(?:khoảng|gần|hơn|trên|dưới))*\s*$"
)


def _head_for(low: str, s: int, at: int) -> bool:
    """Whether `đối với` at `at` ties a short head noun opening the phrase to whom it concerns
    (`Quỹ tiền lương đối với các lãnh đạo`, `hình thức kỷ luật đối với đảng viên`): one phrase,
    not a new one after a longer clause (`báo cáo Thủ tướng Chính phủ đối với khoản lãi`)."""
    if not low.endswith("đối ", s, at):
        return False
    before = low[s : at - 4].split()
    return len(before) <= 4 and not (before and is_word(f"{before[-1]} đối"))  # not `mất cân đối [với]`


def _last_phrase(section: str, guard: str = "") -> re.Pattern[str]:
    """The last phrase of a lexicon section in what is searched (none of them follows it)."""
    words = alternation(load_json("context.json")[section])
    return re.compile(r"(?<!\w)" + guard + r"(?:" + words + r")(?!\w)(?!.*(?<!\w)(?:" + words + r")(?!\w))")


_UP_OR_DOWN = r"(?:tăng |giảm )?(?:lên|xuống)(?: còn| đến| tới)?"  # `tăng lên`, `giảm xuống còn`
_TO_NEW_LEVEL = re.compile(r"(?:" + _UP_OR_DOWN + r"|còn|đến)(?: (?:mức trần|mức sàn|mức|khoảng|gần|hơn|trên))*")
# `…, lên`, `… so với tuần trước, lên`: after a comma only `lên`/`xuống` go on to a new level (`…, còn
# 1.000 hồ sơ chưa …` is another thing); after what a change was compared with (group 1) `còn` does
# too (`giảm 320 hộ so với năm 2023, còn 2.150 hộ`)
_COMPARED_FIRST = re.compile(r"(so(?: với)?(?!\w)[^,;]*)?,\s*")
_UP_OR_DOWN_TO = re.compile(r"(?:" + _UP_OR_DOWN + r"|giảm còn)(?: (?:mức|khoảng|gần|hơn|trên))*")
# a clause of only where and a verb of being: `…, ở nông thôn là 55%` measures the thing before
_WHERE_ONLY = re.compile(r"[\s,;:]*((?:ở|tại)\s+(?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s+(?:là|đạt|chiếm|có)\s*$")
_WHERE_TAIL = re.compile(r"\s(?:ở|tại)\s.+$")
# `[Tổng số học sinh tham gia kỳ thi] đạt 12.000 em`: a quantity noun and what it counts, linked to the number
_QUANTITY_SUBJECT = re.compile(r"(?:tổng\s+)?(?:số\s+lượng|số(?!\s+lượng)|lượng)\s+[^\W\d_]")
_LINKED = re.compile(
    r"\s*(?:ước\s+)?(?:là|đạt|còn|lên|xuống|(?:tăng|giảm)(?:\s+(?:lên|còn|xuống|thêm|từ))?)"
    r"(?:\s+(?:khoảng|gần|hơn|trên|dưới|tới|đến|mức))*\s*"
)  # `là`, `đạt`, `tăng lên` and a comparator; not `có` (`số cây có [ba] lá kép`: another count)
_HAS_LINK = re.compile(r"\s*(?:hiện\s+)?(?:có|là|đạt|còn)(?:\s+(?:khoảng|gần|hơn|trên|dưới|tổng cộng))*\s*")
_NO_LINK = re.compile(r"(?:\s+(?:khoảng|gần|hơn|trên|dưới))*\s*")
_IN_QUANTITY = re.compile(r"(?:trong|với|theo)\s+$")  # `Trong [số này], có 80 nhà`: not a subject
_NAMED_PLACES = ("places", "countries", "world_places")  # sections of places.json that name a place alone
_SHARE_NOUN = re.compile(r"^(?:tổng )?số ", re.IGNORECASE)
_SHARE_OF_WHOLE = re.compile(r"(?<!\w)chiếm(?:\s+(?:tới|đến|khoảng|gần|hơn|trên|xấp xỉ|chưa đến|chỉ))*\s*$")
_SINGLED_OUT = re.compile(r"[\s,;]*riêng(?:\s+(?:ở|tại))?\s*$")  # `riêng [ở] các huyện nghèo`: a part singled out
_WHERE_BEFORE = re.compile(r"(?:ở|tại)\s+$")
_PART_VERB = re.compile(r"(?<!\w)(?:đã |chỉ |cũng |vẫn )?(?:tăng|giảm|đạt|là|chiếm|có)(?!\w)")
_EQUALS = re.compile(
    r"[\s,(]*(?:bằng|tương đương|tương ứng|tức là|tức)(?:\s+với)?(?:\s+(?:khoảng|gần|hơn|trên|dưới|xấp xỉ))*\s*"
)
_ACRONYM = re.compile(r"[A-ZĐ]{2,}[A-ZĐ0-9]*")
_CONNECTOR = re.compile(r"^[\s,;]*(?:và|cùng|với|hoặc|hay)?[\s,;]*$")
_COMPARED_TO = re.compile(r"(?<!\w)(?:so với|so|bằng|vượt|đạt|hoàn thành)\s*$")
_AGO = re.compile(r"\d|cùng kỳ|trước|ngoái")  # a compared period, not a plan: not part of what is measured


def concept(
    text: str,
    low: str,
    start: int,
    clause_lo: int,
    skip: list[tuple[int, int]],
    counted_noun: str | None,
    previous: tuple[str | None, str, int] | None,
    reference: str | None,
    after_phrase: str = "",
    kind: str = "",
    subject: Callable[[], str | None] | None = None,
) -> tuple[str | None, str]:
    """The concept of the quantity starting at `start` in the clause beginning at `clause_lo`,
    and the predicate it used (for the next, coordinated quantity).

    `skip`: periods, places and other quantities in the sentence; `previous`: (concept,
    predicate, end of its noun phrase) of the indicator before this one in the sentence."""
    prev_concept, prev_predicate, prev_end = previous if previous else (None, "", -1)
    whole_after = ""
    share_of_whole = kind == "percent" and _follows_share_verb(low, clause_lo, start)
    if share_of_whole:
        # `đất phi nông nghiệp chiếm 38,34% [diện tích đất tự nhiên toàn tỉnh]`: what follows is the whole
        # (the reference), the share is of what comes before `chiếm`
        whole_after, after_phrase = after_phrase, ""
    lo = _list_start(text, low, clause_lo, prev_end)
    between = _without(low, prev_end, start, skip) if 0 <= prev_end <= start else None
    cut = _COMPARED_FIRST.match(between) if between is not None else None
    if (
        prev_concept
        and between is not None
        and (
            _TO_NEW_LEVEL.fullmatch(between)
            if cut is None
            else (_TO_NEW_LEVEL if cut.group(1) else _UP_OR_DOWN_TO).fullmatch(between, cut.end())
        )
    ):
        # `tăng từ 3.000 đồng/lít lên mức trần 4.000 đồng/lít`, `tăng 15% so với tuần trước, lên 1.250 ca`: the same thing
        return prev_concept, prev_predicate
    if (
        0 <= prev_end <= start
        and prev_predicate
        and not _QUANTITY_SUBJECT.match(prev_predicate.lower())  # `số vốn đăng ký 7.800 tỷ đồng; 150 …`: no verb
        and _CONNECTOR.match(low[prev_end:start])
        and (clause_lo <= prev_end or _governs(low, prev_predicate, prev_end))
    ):
        # `kiểm tra 598 tổ chức Đảng và 605 đảng viên`, `kiểm tra 10.812 tổ chức đảng, 13.932 đảng viên`:
        # one verb, two counts; not a count with a verb of its own (`hư hỏng 3 xe khách, 7 người chết`)
        if not _own_verb(after_phrase, counted_noun):
            return _join(prev_predicate, after_phrase or counted_noun or ""), prev_predicate
        return after_phrase, prev_predicate
    if prev_concept and 0 <= prev_end <= start and _previous_reference(_WITH_AMOUNT).fullmatch(low, prev_end, start):
        return prev_concept, prev_predicate  # `vượt 13% so với kế hoạch với trên 7.700 tỷ đồng`: the amount it is
    if prev_concept and after_phrase and kind in ("percent", "ratio") and 0 <= prev_end <= start:
        if _EQUALS.fullmatch(low, prev_end, start):
            # `số nợ … 7.500 tỷ đồng, bằng khoảng 3,3% số phải thu`: the amount before, as a share of a whole
            return prev_concept, prev_predicate
    if clause_lo <= prev_end <= start:
        lo = prev_end
        m = _previous_reference().match(low, lo, start)
        if m:
            lo = m.end()  # `đạt 109,8% [dự toán và] tăng 9,4%`: the reference belongs to the number before
    s, e = _strip(low, max(lo, start - 300), start, skip)  # the words nearest the number, not a whole long clause
    inside = [sp for sp in skip if s <= sp[0] and sp[1] <= e]
    head = ""
    if inside:  # a period or place in the middle: keep the part nearest the number …
        last = max(inside, key=lambda sp: sp[1])
        if e - last[1] > 3:
            first = min(inside, key=lambda sp: sp[0])
            hs, he = _strip(low, s, first[0], skip)
            tail_start = last[1]
            s, e = _strip(low, last[1], e, skip)
            if he - hs >= 3 and len(low[s:e].split()) <= 3:  # … and, when that is short, what the words before name
                head = squeeze(text[_cut(hs, he, text, low, MAX_PREDICATE + 2) : he], _EDGE)
                s = tail_start + len(low[tail_start:e]) - len(low[tail_start:e].lstrip(" ,"))  # `của cả nước` whole
    _, _, level_only = _lists()
    qualifier, delimiter = _qualifiers()
    m = delimiter.search(low, s, e)
    if m and low[m.start() : m.end()].strip() == "như" and _only_a_name(text[m.end() : e]):
        s, e = _strip(low, s, m.start(), skip)  # `nợ đọng lớn như Bắc Ninh`: the example is a place
    elif (
        m
        and len(low[m.end() : e].split()) >= 2
        and not _head_for(low, s, m.start())
        and not _by_agent(low, m, e)
        and not _cause_of_subject(low, m, s, start)
    ):
        s, e = _strip(low, m.end(), e, skip)  # `… Tỉnh ủy với tổng mức đầu tư` -> `tổng mức đầu tư`
    elif m and _spoken_by(low, s, e):
        s = e  # `ông cho biết khoảng 2% hộ dân …`: who said it is not what is measured
    elif (
        m
        and not _without(low, *_strip(low, m.end(), start, skip), skip)
        and (after_phrase or counted_noun or any(m.end() <= a and b <= start for a, b in skip))
        and not _head_for(low, s, m.start())
    ):
        # `đạt kỷ lục khi [10 tháng] đạt 200 tỷ USD`, `nguy cơ tan rã khi 9 CLB …`: nothing but a time or a
        # linking verb between the clause word and the number; what follows or the clause before names it
        s = e
    reached = _reached().search(low, s, e)
    owner = ""
    # a plain `có` is reached only after a name (`Nguyễn Kim Tới có thu nhập`, not `công ty có lợi nhuận`)
    if reached and low[reached.start() : reached.end()].strip() == "có" and not _short_name(text[s : reached.start()]):
        reached = None
    if reached and (low[reached.end() : e].strip() or counted_noun):
        # `Sagri đạt doanh thu hợp nhất`, `Ấn Độ ghi nhận thêm [300 ca tử vong]`: what is reached or
        # recorded is what is measured; a short name before the verb says whose (`MobiFone đạt doanh thu`)
        owner = _short_name(text[s : reached.start()])
        s = reached.end()
    raised = _raised(low, s, e, start)
    if raised:
        # `VNPT EPAY nâng tổng sản lượng giao dịch lên 1 tỷ`, `giảm sở hữu từ 10,39% xuống 4,91%`: the
        # level reached is of what was raised or cut; a target (`mục tiêu tăng độ che phủ rừng lên`)
        # keeps its word, a short name before the verb says whose
        verb_start, object_start = raised
        target = phrase_re("concept_anchors").search(low, s, verb_start)
        if target and not low[target.end() : verb_start].strip():
            head = text[target.start() : target.end()]
        elif not owner:
            owner = _short_name(text[s:verb_start])
        s = object_start
    anchor = phrase_re("concept_anchors").search(low, s, e)
    if (
        anchor
        and anchor.start() > s
        and (
            low[anchor.end() : e].split()
            or (after_phrase and not _COMPARED_TO.search(low, s, anchor.start()))
            or _sets_target().search(low, s, anchor.start())  # `TP đặt mục tiêu 8,4-8,7%`
        )
    ):
        # `Sagri đặt mục tiêu doanh thu`, `hướng đến mục tiêu 1.000 doanh nghiệp`: the target is what is
        # measured (not `vượt mục tiêu 5%`: the target the figure is compared with)
        s = anchor.start()
    phrase_low = squeeze(low[s:e])
    if (
        whole_after
        and (
            (not phrase_low and len((prev_concept or "").split()) < 2)  # after a figure, of what it measured
            or len(phrase_low.split()) == 1
            or is_place(phrase_low, (*_NAMED_PLACES, "regions"))
            or _only_a_name(text[s:e].strip())
            or whole_after.lower().startswith("trong ")
        )
    ):
        # `quận Bình Tân chiếm tới 30% số vụ`, `PVN chiếm 30% vốn điều lệ`: a place's or a name's share
        # of the whole, which names what is measured; `dịch vụ chiếm 41,47% trong GRDP` reads whole
        after_phrase = whole_after
    bracket = open_bracket(low, start, clause_lo - 2)
    in_brackets = bracket >= 0
    bracket_phrase = _before_bracket(text, low, bracket, prev_end, skip) if in_brackets else ""
    if bracket_phrase and not phrase_low and counted_noun and len(after_phrase.split()) > len(counted_noun.split()):
        bracket_phrase = ""  # `(năm 2016 có 69/4.731 đảng viên không hoàn thành nhiệm vụ`: described after it
    if bracket_phrase and not phrase_low:  # `Dự án quốc lộ 50 (1.280 tỷ đồng)`: what the bracket follows
        gap = low[prev_end:bracket].strip(" ,") if 0 <= prev_end <= bracket else None
        if prev_concept and gap is not None and _compared_time_ends(low, prev_end, bracket):
            # `đạt 5,1%, thấp hơn cùng kỳ năm trước (5,48%)`: the same figure, of the time compared with
            return prev_concept, prev_predicate
        if prev_concept and gap is not None and len(gap.split()) <= 3 and not phrase_re("references").fullmatch(gap):
            # `thu 1.500 tỷ đồng vào ngân sách mỗi ngày làm việc (6 tháng đạt …)`: more of the same;
            # but `đạt 2% kế hoạch (gần 4.900 tỷ đồng)` is the plan's amount
            return prev_concept, prev_predicate
        return _join(bracket_phrase, counted_noun or ""), bracket_phrase
    if (
        bracket_phrase
        and len(bracket_phrase.split()) <= MAX_PREDICATE + 2
        and len(phrase_low.split()) >= 2
        and phrase_low not in level_only
        and not qualifier.match(phrase_low)
    ):
        # `hộ Đặng Thị Kim Thoa (dư nợ 48 triệu đồng)`: what the bracket names, of what it follows
        named = squeeze(text[s:e], _EDGE)
        return _join(f"{named} {bracket_phrase}", counted_noun or ""), named
    where = _WHERE_ONLY.match(low, max(lo, start - 300), start) if prev_concept and not after_phrase else None
    if prev_concept and where:  # `Tỷ lệ … ở thành thị là 90%, ở nông thôn là 55%`: the same, elsewhere
        place = text[where.start(1) : where.end(1)]
        return _join(f"{_WHERE_TAIL.sub('', prev_concept)} {place}", counted_noun or ""), prev_predicate
    if prev_concept and not after_phrase and _SINGLED_OUT.match(low, clause_lo, s) and qualifier.match(phrase_low):
        at_place = _WHERE_BEFORE.search(low, clause_lo, s)  # `riêng [ở] các huyện`
        verb = _PART_VERB.search(low, s, e)
        part = squeeze(text[at_place.start() if at_place else s : verb.start() if verb else e], _EDGE)
        if not _only_a_name(text[s:e]) and part.lower() not in prev_concept.lower():
            # `Tỷ lệ hộ nghèo giảm 1-1,5%, riêng các huyện nghèo giảm 4%`: the same measure, for the part named
            return f"{prev_concept} {part}", prev_predicate
    member = text[s:e].strip() if prev_concept and _only_a_name(text[s:e]) else ""
    if prev_concept and (
        qualifier.match(phrase_low)
        or (
            len(phrase_low.split()) <= 1
            and not _ACRONYM.fullmatch(text[s:e].strip())  # `GRDP tăng 8,3%` names it
            and phrase_low not in word_set("one_word_measures")  # `…, lãi 20 tỷ đồng`: a measure of its own
            and not (kind == "count" and not counted_noun and phrase_re("list_nouns").fullmatch(phrase_low))
        )  # `…, có phường hơn 110.000 dân`: the ward's population
        or (
            in_brackets
            and phrase_re("bracket_defer_start").match(phrase_low) is not None
            and not _NAMED_TOTAL.match(phrase_low)  # `(tổng mức đầu tư 2,1 tỷ USD)` names its own thing
        )
        or member
    ):
        phrase_low = ""  # `…, ở nông thôn là 55%`, `(cùng kỳ tăng 8,25%)`: the thing measured before
    if not phrase_low or phrase_low in level_only or len(phrase_low) < 3 or (not head and _only_comparison(phrase_low)):
        before_clause = _clause_before(text, low, clause_lo, prev_end, skip) or _label_before(
            text, low, clause_lo, prev_end
        )
        if before_clause and not after_phrase:
            return before_clause, before_clause  # `xuất nhập khẩu tăng mạnh, ước đạt 475 tỉ USD`
        if prev_concept and not after_phrase:
            # `đạt 114% kế hoạch`: the plan is part of what is measured, with the relation as written
            # (`thu nội địa đạt dự toán`, `tổng doanh thu vượt kế hoạch`); a compared year is not
            plan = reference and not _AGO.search(reference) and not share_of_whole  # not `chiếm 6,8% GDP`
            relation = _relation(low, lo, start)
            if relation and relation in prev_concept.lower():
                relation = ""  # `trường vượt chỉ tiêu`: already said
            bare = not phrase_low or phrase_low in _relations()[1]
            rise = not relation and _rise_before().search(low, max(lo, start - 24), start)
            tail = f" {relation} {reference}".replace("  ", " ") if plan and bare and not rise else ""
            return f"{_for_member(prev_concept, member)}{tail}", prev_predicate
        aside = _aside_before(low, clause_lo)
        # nothing here: what the words before a bracket just closed name (`tổng vốn (từ tháng 1/2016 …)
        # đạt 120 tỷ đồng`), else what the sentence is about
        phrase = (_before_bracket(text, low, aside, prev_end, skip) if aside > 0 else "") or (
            (subject() if subject else None) or ""
        )
    else:
        phrase = squeeze(text[_cut(s, e, text, low) : e], _EDGE)
        if head:
            phrase = f"{head} {phrase}"  # `xuất khẩu [6 tháng] của cả nước` -> `xuất khẩu của cả nước`
        if owner and owner.lower() not in phrase.lower() and "(" not in phrase:
            phrase = f"{phrase} {owner}"  # `MobiFone đạt doanh thu` -> `doanh thu MobiFone`
    if after_phrase and kind == "percent" and _SHARE_NOUN.match(after_phrase):
        noun = _SHARE_NOUN.sub("", after_phrase)
        return f"tỷ lệ {noun}", phrase  # `99,4% số xã có đường` -> `tỷ lệ xã có đường`
    if after_phrase and kind in ("money", "percent"):
        return _join(phrase, after_phrase), phrase  # `truy thu` + `thuế thu nhập doanh nghiệp`
    if after_phrase and _subject_counts(low, (s, e), start, clause_lo, kind, after_phrase):
        # `Tổng số học sinh tham gia kỳ thi đạt 12.000 em`, `Đàn lợn của tỉnh hiện có 450.000 con`: the
        # subject names what is counted, the noun after the number only its unit or classifier
        subject_phrase = squeeze(text[s:e], _EDGE)
        return subject_phrase, subject_phrase
    if (
        after_phrase
        and kind == "count"
        and (harm := harm_only_before(low, lo, start, skip))
        and after_phrase.endswith(harm)
    ):
        return after_phrase, ""  # `…, làm chết 1.905 người`: the people harmed, not the verb nor its cause
    if after_phrase:
        # a count or measure names its thing after the number: keep the verb before it, not the subject
        existential = _existential()
        predicate = ""
        if phrase and not existential.search(phrase.lower()) and not _caused(low, lo, start, after_phrase):
            ps, _ = _strip(low, _cut(s, e, text, low, MAX_PREDICATE), e, skip)
            said = _said().search(low, ps, e)
            if said:
                ps, _ = _strip(low, said.end(), e, skip)  # `Ông Bình khẳng định tỉnh có …`: not who said it
            predicate = squeeze(text[ps:e], _EDGE)
            if _OPEN_ASIDE.search(predicate) and not _OPEN_ACRONYM.search(predicate):
                predicate = ""  # `… thứ 2 thế giới (chỉ sau Mỹ) với hơn 17,3 triệu ca mắc`: an aside cut off, no verb
            elif is_place(predicate.lower(), _NAMED_PLACES):
                predicate = ""  # `Việt Nam có tổng cộng 3.137 ca mắc`: where (the location), not what
            elif _AREA_ONLY.fullmatch(predicate) and not _FROM_END.search(low, 0, start):
                predicate = ""  # `Tại địa bàn [TP Pleiku] có 30 vị trí`: its place is the location; not `trên địa bàn từ hai tỉnh`
        verb = _change_before().search(low, max(lo, start - 16), start)
        if verb and not predicate.lower().endswith(verb.group(1)):
            # `cả nước tăng thêm 277 huyện`: what changed is counted, the verb says how
            predicate = f"{predicate} {text[verb.start(1) : verb.end(1)]}".strip()
        return _join(predicate, after_phrase), predicate
    if counted_noun and counted_noun.lower() not in phrase.lower():
        return _join(phrase, counted_noun), phrase
    return phrase or None, phrase


_DIGITS = re.compile(r"\d[\d.,]*")


@cache
def _rise_before() -> re.Pattern[str]:
    """A rise or fall (lexicon `change_triggers`) right before the number: its reference is what it
    is compared with, not part of what is measured (`tăng 3% so với dự toán`)."""
    changes = alternation(load_json("context.json")["change_triggers"])
    return re.compile(r"(?<!\w)(?:" + changes + r")(?:\s+(?:thêm|khoảng|gần|hơn|trên|nhẹ|mạnh))*\s*$")


@cache
def _relations() -> tuple[re.Pattern[str], dict[str, str]]:
    written = words("context.json", "reference_relations")
    return re.compile(r"(?<!\w)(?:" + alternation(written) + r")(?!\w)"), written


def _relation(low: str, lo: int, start: int) -> str:
    """How the number before the reference relates to it, as the concept writes it: the last
    relation word before the number (`đạt gần 41% dự toán` -> `đạt`, `bằng 53,5%` -> `so với`)."""
    pattern, written = _relations()
    found = list(pattern.finditer(low, max(lo, start - 24), start))
    return written[found[-1].group()] if found else ""


def _governs(low: str, predicate: str, prev_end: int) -> bool:
    """Whether `predicate` is the verb of the count ending at `prev_end`, so that it carries over a
    comma to the next count: written shortly before it, with no bracket or delimiter between
    (`theo hướng hiện đại với 37 trung tâm …, 175 siêu thị`: no verb of the counts)."""
    last = predicate.lower().split()[-1]  # the words of the predicate may not be contiguous (`đã` dropped)
    lo = max(0, prev_end - 120)
    numbers = list(_DIGITS.finditer(low, lo, prev_end))
    at = low.rfind(last, lo, numbers[-1].start() if numbers else prev_end)  # not the count's own noun
    if at < 0:
        return False
    _, delimiter = _qualifiers()
    between = low[at + len(last) : prev_end]
    return "(" not in between and ")" not in between and delimiter.search(between) is None


_ACRONYMS = re.compile(r"[A-ZĐ]{2,6}(?: [A-ZĐ]{2,6})?")  # `thu BHXH, BHYT, BHTN`: abbreviations as items
_LIST_ITEM = re.compile(r"[,;:()]\s*([^\W\d_]+(?: [^\W\d_]+){0,2}),\s*$")
# the head may follow a year: `Dự báo năm 2022 giá trị xuất khẩu của quả, rau, hoa là …`
_LIST_HEAD = re.compile(r"(?:^|[,;:().]|(?<!\d)(?:19|20)\d\d)\s*([^\W\d_]+(?: [^\W\d_]+){0,7}),\s*$")


def _list_start(text: str, low: str, clause_lo: int, prev_end: int) -> int:
    """Where the noun phrase a clause ends starts, when the clause is the last item of a list
    of short items (`chi phí thu hồi đất, bồi thường, hỗ trợ, tái định cư khoảng 23.000 tỷ đồng`):
    from the list's head; else the clause's start."""
    left_re, _, _ = _lists()
    if (m := left_re.match(low, clause_lo)) and m.end() > clause_lo:
        return clause_lo  # `…, trong đó có 48 tập thể`: the clause opens a new statement
    lo, items = clause_lo, 0
    while (
        items < 4
        and (m := _LIST_ITEM.search(low, max(0, lo - 40), lo))
        and m.start(1) > prev_end
        and (text[m.start(1) : m.end(1)].islower() or _ACRONYMS.fullmatch(text, m.start(1), m.end(1)))
    ):
        lo, items = m.start(1), items + 1
    m = _LIST_HEAD.search(low, max(0, lo - 60), lo)
    if m and m.start(1) > prev_end and (items or _funds_head(text, low, m.start(1), m.end(1), clause_lo)):
        return m.start(1)  # `chi phí thu hồi đất`: the head of the list
    return lo if items >= 2 else clause_lo


_HEAD_VERB = re.compile(r"(?<!\w)(?:là|đạt|có|tăng|giảm|được|đã|sẽ|ước|chiếm)(?!\w)")


def _funds_head(text: str, low: str, hs: int, he: int, clause_lo: int) -> bool:
    """`kinh phí đền bù, giải phóng mặt bằng … là 2.200 tỉ`: two items after a funds noun (lexicon
    `list_head_nouns`) that heads both, when the head is short and says nothing of its own."""
    if phrase_re("list_head_nouns").match(low, hs) is None or len(low[hs:he].split()) > 6:
        return False
    if any(w[0].isupper() and not w.isupper() for w in text[hs:he].split()[1:]):
        return False  # `Tiền vệ Quang Hải, một trong …`: a name, not funds
    first = text[clause_lo:].lstrip(" ,")[:1]
    return first.islower() and _HEAD_VERB.search(low, hs, he) is None


_FROM_END = re.compile(r"(?<!\w)từ\s*$")


def _without(low: str, s: int, e: int, spans: list[tuple[int, int]]) -> str:
    """`low[s:e]` (or the written text at the same offsets) without the spans inside it, spaces
    normalized (`từ năm 2016 xuống` -> `xuống`: a `từ` right before a span is the period's)."""
    inside = sorted(sp for sp in spans if s <= sp[0] and sp[1] <= e)
    parts, pos = [], s
    for a, b in inside:
        parts.append(_FROM_END.sub("", low[pos:a]))
        pos = b
    parts.append(low[pos:e])
    return squeeze(" ".join(parts))


def _for_member(concept: str, member: str) -> str:
    """`giá … thấp hơn Lào là 4.456 đồng/lít, Campuchia là 3.768 đồng/lít` -> `giá … thấp hơn
    Campuchia`: the next member of a list named by a proper name takes the place of the name the
    concept before it holds: the run of capitalised words that ends it, when something else comes
    first (not `Ban Chấp hành`, `vốn Nhà nước`: names that go on in lower case)."""
    words = concept.split()
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    if not member or start == len(words) or start == 0:
        return concept
    return " ".join([*words[:start], member])


def _subject_counts(low: str, span: tuple[int, int], start: int, clause_lo: int, kind: str, noun: str) -> bool:
    """Whether the subject `span` before the number names what is counted: it opens with a quantity
    noun and a link (`là`, `đạt`, `tăng lên` …) joins it to the number (`tổng lượng khách … đạt 3
    triệu lượt`), or the noun after the number only classifies it and `có`/`là` joins them (`Đàn lợn
    … hiện có 450.000 con`), or, for a herd, nothing stands between (`đàn trâu bò 45.000 con`)."""
    s, e = span
    if not clause_lo <= s < e:
        return False
    if (
        kind in ("count", "measure")
        and _QUANTITY_SUBJECT.match(low, s, e)
        and _LINKED.fullmatch(low, e, start)
        and not _IN_QUANTITY.search(low, max(clause_lo, s - 8), s)
    ):
        return True
    needed = words("context.json", "classifier_nouns").get(noun.lower())
    if kind != "count" or not _classifies(needed, low[s:e]):
        return False
    if _HAS_LINK.fullmatch(low, e, start):
        return True
    # `…, đàn trâu bò 45.000 con`: a subject that opens with the herd word needs no link
    return isinstance(needed, str) and low.startswith(needed + " ", s) and _NO_LINK.fullmatch(low, e, start) is not None


def _classifies(needed: bool | str | None, subject: str) -> bool:
    """Whether the noun after a count only classifies what the subject names, given its entry in
    lexicon `classifier_nouns` (`chiếc`, `căn`: True; `con` only after a herd: `đàn lợn … 450.000
    con`, the word the subject must hold)."""
    return needed is True or (isinstance(needed, str) and re.search(rf"(?<!\w){needed}(?!\w)", subject) is not None)


def _only_a_name(phrase: str) -> bool:
    """`…, Thanh Hóa hơn 1.500 tỷ đồng, Thái Bình khoảng 1.200 tỷ đồng`: a list member named
    by a proper name alone measures what the list measures."""
    words = phrase.split()
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        return False  # `GRDP tăng 8,3%`: an indicator's own name
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words)


_CLAUSE_START = re.compile(r"[,;:.()\n](?!.*[,;:.()\n])", re.DOTALL)  # the last clause mark or line end


def _clause_before(text: str, low: str, clause_lo: int, prev_end: int, skip: list[tuple[int, int]]) -> str:
    """The words of the clause right before (after a comma), when no number stands between:
    what a clause of only `đạt`, `ước đạt` … measures."""
    j = clause_lo - 1
    while j >= 0 and low[j] == " ":
        j -= 1
    if j < 0 or low[j] != ",":
        return ""
    asides, end = short_asides(low, max(0, j - 120), j), j
    while (m := _CLAUSE_START.search(low, max(0, j - 120), end)) and any(a <= m.start() < b for a, b in asides):
        end = m.start()  # `tổng sản phẩm (GRDP) tăng trưởng cao, đạt 8,25%`: an aside ends no clause
    lo = m.end() if m else (0 if j <= 120 else -1)  # the text's first clause starts at 0
    spans = skip + periods(low, max(0, lo - 40), j)
    ends_before = lo >= 2 and re.match(r"\d|%", low[lo - 2]) and not any(a <= lo - 2 < b for a, b in spans)
    if lo < 0 or lo <= prev_end or ends_before or re.search(r"\d|%", low[lo:j]):
        return ""  # not a whole clause, or a number stands in it or ends right before it (`32,% dự toán`;
        # not a period: `Năm 2017, xuất khẩu tăng mạnh, đạt …`)
    opening = lo + len(low[lo:j]) - len(low[lo:j].lstrip(" ,"))
    if is_frame(low, opening):
        return ""  # `Theo Bí thư Nguyễn Văn A, …`: a source or a frame names nothing
    bs, be = _strip(low, lo, j, spans)  # `Tính từ đầu năm, …`: a time, not a thing
    side = phrase_re("concept_delimiters")
    if len(low[bs:be].split()) < 2 or side.match(low, opening) or side.match(low, bs) or _spoken_by(low, bs, be):
        return ""  # `…, dù gặp nhiều khó khăn, vẫn đạt …`: a side clause names nothing; nor does who said it
    dropped = sum(len(low[a:b].split()) for a, b in spans if bs <= a and b <= be)  # not counted in the limit
    return _without(text, _cut(bs, be, text, low, MAX_SYLLABLES + dropped), be, spans).strip(
        _EDGE
    )  # `… [năm qua] tăng`


_LABEL = re.compile(
    r"(?:^|[;.\n]|(?<=\n)-)\s*([^\W\d_]+(?: [^\W\d_]+){0,7})\s*:\s*$"
)  # `…; Bội chi: [226.000 tỷ đồng]`


def _label_before(text: str, low: str, clause_lo: int, prev_end: int) -> str:
    """A short label before a colon that opens its statement (`Tổng số thu: 911.100 tỷ đồng; Bội chi:
    226.000 tỷ đồng`): what the figure after the colon is; empty unless no number stands in it."""
    m = _LABEL.search(low, max(0, clause_lo - 60), clause_lo)
    if m is None or m.start(1) <= prev_end or is_frame(low, m.start(1)) or only_connective(low, m.span(1)):
        return ""  # not `Trong đó: 1 người …`, a connective
    return text[m.start(1) : m.end(1)]


_COMPARED_SAME_PERIOD = re.compile(
    r"(?<!\w)(?:so với|so|hơn|bằng)\s+(?:mức\s+)?(?:của\s+)?cùng kỳ(?: năm (?:trước|ngoái|\d{4}))?\s*$"
)
_COMPARED_WORD = re.compile(r"(?<!\w)(?:so với|so|hơn|bằng)\s+(?:mức\s+)?(?:của\s+)?$")


def _compared_time_ends(low: str, lo: int, bracket: int) -> bool:
    """`thấp hơn cùng kỳ năm trước (`, `cao hơn năm 2018 (`, `so với quý II/2017 (`: the words
    before a bracket end by comparing with another time, whose figure the bracket gives."""
    if _COMPARED_SAME_PERIOD.search(low, lo, bracket):
        return True
    spans = periods(low, lo, bracket)
    if not spans or low[spans[-1][1] : bracket].strip():
        return False
    return _COMPARED_WORD.search(low, lo, spans[-1][0]) is not None


def _aside_before(low: str, clause_lo: int) -> int:
    """Where the bracket that closes right before a clause opens (-1 when none does)."""
    j = clause_lo - 1
    while j >= 0 and low[j] in " ,":
        j -= 1
    return open_bracket(low, j, max(0, j - 200)) if j >= 0 and low[j] == ")" else -1


def _before_bracket(text: str, low: str, bracket: int, prev_end: int, skip: list[tuple[int, int]]) -> str:
    """The words the bracket at `bracket` follows, back to the last clause mark or the indicator before it."""
    if bracket <= 0:
        return ""
    bs, be = _strip(low, max(0, prev_end + 1, bracket - 150), bracket, skip)
    m = _CLAUSE_START.search(low, bs, be)
    bs, be = _strip(low, m.end() if m else bs, be, skip)
    said = _said().search(low, bs, be)
    if said and len(low[said.end() : be].split()) >= 2:
        bs, be = _strip(low, said.end(), be, skip)  # `bí thư cho rằng kinh tế tăng trưởng khá (7,89%)`
    if len(low[bs:be].split()) < 2:
        return ""
    return squeeze(text[_cut(bs, be, text, low) : be], _EDGE)


@cache
def _said() -> re.Pattern[str]:
    """The last reporting verb of a phrase (`cho biết`, `cho rằng`): who said it stands before it."""
    return _last_phrase("reporting_verbs")


def _spoken_by(low: str, s: int, e: int) -> bool:
    """Whether `low[s:e]` ends with a reporting verb: it names who said the figure, not the figure."""
    said = _said().search(low, s, e)
    return said is not None and not low[said.end() : e].strip()


def only_connective(low: str, clause: tuple[int, int]) -> bool:
    """Whether a clause is nothing but words dropped at a phrase's start (`Tuy nhiên`, `Ngoài ra`)."""
    left, _, _ = _lists()
    s, e = clause
    m = left.match(low, s, e)
    return m is not None and not low[m.end() : e].strip(" ,")


def is_frame(low: str, at: int) -> bool:
    """Whether the clause starting at `at` is a frame, not a subject: a source (`Theo Bộ Tài chính,
    …`), a speech (`Phát biểu tại hội nghị, …`), a comparison (`Đối chiếu theo quy định trên, …`)."""
    return phrase_re("subject_not_openers").match(low, at) is not None


def sentence_subject(text: str, low: str, clause: tuple[int, int], skip: list[tuple[int, int]]) -> str | None:
    """The first clause of a sentence, trimmed, as what the sentence is about (when nothing else is);
    None when it is a frame (`Phát biểu tại hội nghị, …`, `Theo Bộ Tài chính, …`)."""
    if is_frame(low, clause[0]):
        return None
    s, e = _strip(low, clause[0], clause[1], skip)
    if _spoken_by(low, s, e):
        return None  # `Đại biểu Trương Lâm Danh đặt vấn đề: Hơn 80% …`: who said it, no subject
    m = re.search(r"\d", low[s:e])
    if m:
        e = s + m.start()
        s, e = _strip(low, s, e, skip)
    _, delimiter = _qualifiers()
    m = delimiter.search(low, s, e)
    if m and len(low[m.end() : e].split()) >= 2:
        s, e = _strip(low, m.end(), e, skip)  # `Cho rằng sau số hộ nông thôn có điện` -> `số hộ …`
    if e - s < 3:
        return None
    # cut by syllables: this clause may hold no number, so it is not word-tokenized on the fast path;
    # a label before a colon is kept longer (`Nợ trung dài hạn tự vay tự trả: 667.000 tỉ đồng`)
    label = low.startswith(":", clause[1]) and len(low[s:e].split()) <= MAX_SYLLABLES  # a whole clause, short
    limit = MAX_SYLLABLES if label else MAX_PREDICATE + 2
    return squeeze(text[_cut(s, e, text, low, limit) : e], _EDGE) or None


_AREA_OF = re.compile(r"địa bàn\s+\S", re.IGNORECASE)  # `[trên] địa bàn Hà Nội`, its preposition dropped
_AREA_ONLY = re.compile(r"(?:(?:trên|tại)\s+)?địa bàn", re.IGNORECASE)  # its place read as the location


def _shares_a_word(predicate: str, noun: str) -> bool:
    """Whether the predicate ends on the one-syllable word the noun starts with, a word of its own
    on both sides (`Cơ cấu giải` + `giải A`); not a syllable of two different words (`cá nhân` +
    `nhân khẩu`, `tuyển sinh` + `sinh viên`)."""
    before, after = predicate.lower().split(), noun.lower().split()
    if not before or not after or before[-1] != after[0]:
        return False
    return not (len(before) > 1 and is_word(" ".join(before[-2:]))) and not (
        len(after) > 1 and is_word(" ".join(after[:2]))
    )


def _join(predicate: str, noun: str) -> str | None:
    if noun and noun.lower() in predicate.lower():
        return predicate or None
    if predicate and noun.lower().startswith(predicate.lower() + " "):
        return noun  # `đại biểu` + `đại biểu trên 70 tuổi`: said once
    if noun and _AREA_OF.match(predicate):
        return f"{noun} trên {predicate}"  # `Trên địa bàn Hà Nội có 454 chợ`: the area says which, after the noun
    if _shares_a_word(predicate, noun):
        return f"{predicate}{noun[len(noun.split(' ', 1)[0]) :]}"  # `Cơ cấu giải` + `giải đặc biệt`: said once
    return f"{predicate} {noun}".strip() or None


@cache
def _previous_reference(tail: str = r"\s*(?:,|;|và)\s*") -> re.Pattern[str]:
    """A reference right after the number before (`[so với] kế hoạch năm`), then `tail`."""
    words = alternation(load_json("context.json")["references"])
    setters = alternation(word_set("plan_setters"))  # `kế hoạch [được giao]`, `dự toán [đề ra]`
    return re.compile(
        r"\s*(?:so với |so )?(?:" + words + r")(?: năm(?: (?:19|20)\d\d)?| \d+ tháng(?: đầu năm)?)?"
        r"(?: (?:được )?(?:" + setters + r"))?" + tail,
        re.IGNORECASE,
    )


_NAMED_TOTAL = re.compile(r"tổng (?!số(?!\w)|cộng(?!\w))\w")  # a total of a named thing, not `tổng số`, `tổng cộng`
_WITH_AMOUNT = r"\s+với(?:\s+(?:khoảng|gần|hơn|trên))*\s*"  # `… so với kế hoạch [với trên] 7.700 tỷ đồng`


def _follows_share_verb(low: str, clause_lo: int, start: int) -> bool:
    """`… chiếm (tới) 38,34%`: a part's share of a whole (written after it, if at all)."""
    return _SHARE_OF_WHOLE.search(low, max(clause_lo, start - 30), start) is not None


def as_share(concept: str, share_word: str) -> str:
    """A percent stated as a level, neither a change nor of a reference, is a share:
    `đất đô thị chiếm 5,81%` -> `tỷ lệ đất đô thị`; a concept that names a rate stays."""
    low = concept.lower()
    if phrase_re("rate_heads").search(low) or phrase_re("concept_anchors").match(low):
        return concept  # `tốc độ tăng`, `mục tiêu tăng trưởng`: a rate or a target, not a share
    if phrase_re("bare_plan_words").match(low):
        return concept  # `kế hoạch chỉ tiêu về thất nghiệp`: a plan's figure
    return f"{share_word} {lowered_start(concept)}"


def lowered_start(concept: str) -> str:
    """`Bội chi NSNN` that opened its sentence, after a head word: `tỷ lệ bội chi NSNN`; a name keeps
    its capital (`Go-Jek`, `VinFast`, `Hà Nội`)."""
    words = concept.split(" ")
    if (
        len(words) > 1
        and words[0][:1].isupper()
        and words[0][1:].islower()
        and words[1][:1].islower()
        and not place_starts(concept.lower(), 0, _NAMED_PLACES)
    ):
        return concept[0].lower() + concept[1:]
    return concept  # `Nga kiểm soát …`: a country keeps its capital


@cache
def _inside_words() -> re.Pattern[str]:
    words = alternation(load_json("context.json")["concept_drop_inside"])
    return re.compile(r"(?<!\w)(?:" + words + r")(?:\s+(?=\w)|\s*$)", re.IGNORECASE)


@cache
def _back_reference() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ctx = load_json("context.json")
    phrase = r"(?:(?:hai|ba|các|những) )?(?:" + alternation(ctx["concept_back_reference"]) + r")(?!\w)"
    subject = re.compile(phrase + r"(?!\s+(?:đối với|với|của|cho)(?!\w))", re.IGNORECASE)
    last = re.compile(r"(?<!\w)" + phrase + r"$", re.IGNORECASE)
    return subject, last


def points_back(concept: str | None) -> bool:
    """`Con số trên cao hơn …`, `Hai con số này lần lượt chiếm …`, `… cho biết [năm 2016] con số này`:
    the figure is the one named before, not a new thing (`Con số này đối với 7 người …` is)."""
    if not concept:
        return False
    subject, last = _back_reference()
    return subject.match(concept) is not None or last.search(concept) is not None


_CLOSED_ASIDE = re.compile(r"^[^()]*\)\s*")  # the start was read inside an aside that closes here


def _closed_aside(concept: str) -> str:
    """`Phó Chủ tịch) cấp lô` -> `cấp lô`: the words read from inside an aside whose opening bracket
    the concept does not hold are dropped; a closing bracket that ends the concept goes alone
    (`giá Trung Quốc)`)."""
    m = _CLOSED_ASIDE.match(concept)
    if m is None:
        return concept
    return concept[m.end() :] if concept[m.end() :].strip() else concept[: m.end()].rstrip().rstrip(")")


_OPEN_ACRONYM = re.compile(r"\(([^()\s]+)$")
_OPEN_ASIDE = re.compile(r"\s*\([^()]*$")


def tidy(concept: str | None) -> str | None:
    """Without aspect and adverb words inside (`người đã nhận` -> `người nhận`): they name nothing;
    a bracket the number cut off is closed when it holds one word (an acronym), else dropped.
    None when nothing else is left (`Con số này`: a figure that points back)."""
    if not concept:
        return concept
    concept = _OPEN_ACRONYM.sub(r"(\1)", concept)  # `Tổng sản phẩm (GRDP` -> `(GRDP)`
    concept = _OPEN_ASIDE.sub("", concept)  # `Tổng chi ngân sách (không tính tạm ứng`: an aside cut off
    concept = _closed_aside(concept)
    concept = _SENTENCE_DOT.sub("", concept)  # `… chống ngập TP HCM.`: the sentence's full stop
    concept = _without_function_start(_without_pronouns(concept))
    concept = _price_first(concept)
    concept = _without_dangling_end(_inside_words().sub("", concept).strip())
    return None if _only_function_words(concept) else concept or None


_REPEATED = re.compile(r"(?<!\w)(\w+(?: \w+){1,3}) \1(?!\w)", re.IGNORECASE)


def said_once(concept: str | None) -> str | None:
    """`diện tích diện tích`, `tổng vốn đầu tư dự án Dự án Golden Hills`: a phrase of two words or
    more that two rules each put in is said once (one-syllable doubles stay: `dần dần`)."""
    return _REPEATED.sub(r"\1", concept) if concept else concept


def dropped_if_bare(concept: str | None) -> str | None:
    """The concept, or None when it is one word that names no thing on its own (lexicon
    `concept_not_alone`: the `số` of `253 trong số 300 thí sinh`, the `tăng` of `từ 1,32 m tăng
    lên 1,58 m`): better no concept than a wrong one."""
    return None if concept and concept.lower().strip(_EDGE) in word_set("concept_not_alone") else concept


def _only_function_words(concept: str) -> bool:
    """`là`, `khoảng`, `thời điểm`: a concept of nothing but a function word or a time noun names
    nothing (lexicons `concept_not_first`, `concept_dangling_end`, `concept_time_only`)."""
    low = concept.lower().strip(_EDGE)
    sections = ("concept_not_first", "concept_dangling_end", "concept_time_only")
    return any(low in word_set(section) for section in sections)


_PRICE_LAST = re.compile(r"^(.+?)(?<!\sso)(?<!^so)\s+(?:với|có|ở)\s+(?:mức\s+)?giá$", re.IGNORECASE)  # not `so với giá`


def _short_name(words: str) -> str:
    """A name of up to four capitalised words that ends `words` alone (`MobiFone`, `FPT Retail`,
    `TPBank`), with nothing else before it but a connective or its head word (`Công ty X`, lexicon
    `name_heads`); else ''."""
    found = squeeze(words, _EDGE).split()
    if not found or len(found) > 6:
        return ""
    name = capitalised_run(reversed(found))[::-1]
    rest = " ".join(found[: len(found) - len(name)]).lower()
    if name and len(name) <= 4 and rest in word_set("name_heads"):
        return " ".join(found)  # `Công ty VIGLACERA Hạ Long`: a company's head word is part of its name
    if not name or len(name) > 4 or (rest and not only_connective(rest, (0, len(rest)))):
        return ""
    return " ".join(name)


def _price_first(concept: str) -> str:
    """`căn ở tầng cao có giá` -> `giá căn ở tầng cao`, `bán cháu M. với giá` -> `giá bán cháu M.`:
    the price of what is named before `với giá`/`có giá`, written as the noun phrase `giá …`; not
    a compound that ends so (`giấy tờ có giá`, lexicon `concept_kept_compounds`)."""
    m = _PRICE_LAST.match(concept)
    if (
        not m
        or len(m.group(1).split()) > 10
        or ending_phrase(concept.lower(), load_json("context.json")["concept_kept_compounds"])
    ):
        return concept  # a long clause before it names no one thing
    return f"giá {lowered_start(m.group(1))}"


def _without_function_start(concept: str) -> str:
    """`của khu vực có vốn đầu tư nước ngoài` -> `khu vực …`: a function word opens nothing (lexicon
    `concept_not_first`), unless it begins a word with the syllable after it (`theo dõi`, `cho thấy`)."""
    words = concept.split(" ")
    first = word_set("concept_not_first")
    while len(words) > 2 and f"{words[0]} {words[1]}".lower() in first:
        words = words[2:]  # `Mặc dù …`
    while len(words) > 1 and words[0].lower() in first:
        pair = f"{words[0]} {words[1]}".lower()
        if is_word(pair) or pair in word_set("reporting_verbs"):
            break
        words = words[1:]
    return " ".join(words)


def _without_pronouns(concept: str) -> str:
    """`tỷ lệ chúng ta tiết kiệm chi` -> `tỷ lệ tiết kiệm chi`, `doanh thu của họ` -> `doanh thu`: a
    personal pronoun (lexicon `concept_pronouns`) names who speaks or acts, not what is measured; with
    it goes a `của` before it (and `cho` before `mình`). Kept inside a word (`họ hàng`, `một mình`),
    after a noun it belongs to (`nước ta`, `vàng ta`; lexicon `pronoun_kept_after`) and as a
    surname (`họ Nguyễn`)."""
    words = concept.split(" ")
    pronouns = word_set("concept_pronouns")
    kept_after = word_set("pronoun_kept_after")
    out: list[str] = []
    i = 0
    while i < len(words):
        n = 2 if " ".join(words[i : i + 2]).lower() in pronouns else 1
        word = " ".join(words[i : i + n])
        prev = out[-1].lower() if out else ""
        after = words[i + n] if i + n < len(words) else ""
        if (
            word.lower() not in pronouns
            or prev in kept_after
            or (n == 1 and prev and is_word(f"{prev} {word.lower()}"))
            or (n == 1 and after and is_word(f"{word.lower()} {after.lower()}"))
            or (word.lower() == "họ" and after[:1].isupper())
        ):
            out.append(words[i])
            i += 1
            continue
        if prev == "của" or (prev == "cho" and word.lower() == "mình"):
            out.pop()  # `doanh thu của họ`, `mua cho mình`; not `cho người ta vay` (lend)
        i += n
    return " ".join(out)


_DETERMINERS = frozenset(("các", "những"))
_KEEPS_ITS_VERB = re.compile(r"(?<!\w)(?:từng|không|chưa|chẳng|thậm chí)$")


@cache
def _dangling_end() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(load_json("context.json")["concept_dangling_end"]) + r")$")


def _without_dangling_end(concept: str) -> str:
    """Without a verb or time word left at the end (`vốn đầu tư có`, `Trường mầm non là`,
    `… hiện nay`), unless it ends a word (`giàu có`, `chà là`)."""
    while True:
        m = _dangling_end().search(concept.lower(), max(0, len(concept) - 14))
        if m is None or m.start() == 0 or name_goes_on(concept, m.start(), m.start()):
            return concept  # not `Hà Văn Hiện`: a name
        written = concept[: m.end()].split()
        words = [w.lower() for w in written]
        kept = word_set("concept_kept_compounds")
        if (
            " " not in m.group()
            and len(words) >= 2
            and not written[-2][:1].isupper()  # `Hà Nội [hiện]`: a name's last syllable makes no word with it
            and (is_word(" ".join(words[-2:])) or " ".join(words[-2:]) in kept or " ".join(words[-3:]) in kept)
        ):
            return concept  # `giàu có`, `chà là`, `giai đoạn một`
        rest = concept[: m.start()].rstrip(_EDGE)
        if m.group() in _DETERMINERS:
            concept = rest  # `mức điều chỉnh của [các]`, `tăng liên tục trong [những]`: a plural mark names nothing
            continue
        if _lists()[1].search(rest.lower()) or _KEEPS_ITS_VERB.search(rest.lower()):
            return concept  # `so với hiện nay`, `chưa từng có`, `không còn`: no noun phrase before it
        concept = rest


@cache
def _causes() -> re.Pattern[str]:
    verbs = alternation(load_json("context.json")["causative_verbs"])
    return re.compile(r"(?<!\w)(?<!chia )(" + verbs + r")" + _BEFORE_COUNT_END)


# approximators between a verb and the count it governs, to the count: `khiến [ít nhất] 5 người`
_BEFORE_COUNT_END = r"(?:\s+(?:ít nhất|khoảng|hơn|gần|tới|đến|trên|chừng|xấp xỉ))*\s*$"


def _ends_a_word(low: str, lo: int, verb: re.Match[str]) -> bool:
    """Whether the causative `verb` (group 1) is the last syllable of a word with the one before it
    (`việc làm`): then it is no verb of causing."""
    before = low[max(lo, verb.start() - 12) : verb.start()].split()[-1:]
    return bool(before) and is_word(f"{before[0]} {verb.group(1).split()[0]}")


_PASSIVE_NEXT = re.compile(r"(?:bị|được)(?!\w)")
_SUFFERED = re.compile(r"(?<=\w )bị(?!\w)")  # `ngôi nhà bị tốc mái`: a noun, then what it suffered


def _own_verb(after: str, noun: str | None) -> bool:
    """Whether a counted noun holds or is followed by a verb of its own: a passive (`15 đối tượng
    [bị] bắt giữ`) or a harm (lexicon `harm_cause_nouns`: `7 người [chết]`)."""
    low, noun_low = after.lower(), (noun or "").lower()
    if not noun_low or not low.startswith(noun_low):
        return False
    rest = low[len(noun_low) :].lstrip()
    harm = phrase_re("harm_cause_nouns")
    return bool(_PASSIVE_NEXT.match(rest) or harm.match(rest) or harm.search(noun_low))  # `người chết`


@cache
def _harm_only() -> re.Pattern[str]:
    ctx = load_json("context.json")
    return re.compile(
        r"(?<!\w)(?:("
        + alternation(ctx["causative_verbs"])
        + r"|gây)\s+)?("
        + alternation(ctx["harm_cause_nouns"])
        + r")"
        + _BEFORE_COUNT_END
    )


def harm_only_before(low: str, clause_lo: int, start: int, skip: list[tuple[int, int]]) -> str | None:
    """`…, bị thương 3.141 người`, `TNGT làm chết 1.905 người`: a harm (lexicon `harm_cause_nouns`)
    that opens the clause or follows a verb of causing says what happened to the people counted
    (`chết`, `bị thương`); None when another verb does the harm (`bắn chết 8 người`) or there is none."""
    s, _ = _strip(low, clause_lo, start, skip)
    m = _harm_only().search(low, s, start)
    if m is None or not (m.start() == s or m.group(1)):
        return None
    if m.group(1) and _ends_a_word(low, s, m):
        return None  # `việc làm`: a word, not a verb of causing
    return m.group(2)


def _caused(low: str, lo: int, start: int, after: str) -> bool:
    """`mưa lũ đã làm 9 người chết`, `vụ nổ khiến ít nhất 5 người thiệt mạng`: a count of harm
    (lexicon `harm_cause_nouns` in the words after it, or a passive `bị`: `làm 300 ngôi nhà bị tốc
    mái`) right after a verb of causing (lexicon `causative_verbs`) names the affected; the cause
    before it is not part of what is counted. Not `làm 8.300 km đường` (build), `chia làm 11 dự
    án` (into), `việc làm` (a word)."""
    low_after = after.lower()
    suffered = any(not is_word(f"{low_after[: m.start()].split()[-1]} bị") for m in _SUFFERED.finditer(low_after))
    if not (phrase_re("harm_cause_nouns").search(low_after) or suffered):
        return False
    m = _causes().search(low, max(lo, start - 30), start)
    return m is not None and not _ends_a_word(low, lo, m)


@cache
def _change_before() -> re.Pattern[str]:
    verbs = alternation(load_json("context.json")["counted_change_verbs"])
    return re.compile(r"(?<!\w)(" + verbs + r")(?: (?:được|khoảng|gần|hơn|trên|thêm)){0,2}\s*$")


def _only_comparison(phrase_low: str) -> bool:
    """`cao hơn cùng kỳ`, `tăng so với`, `cải thiện`: words of comparison and years alone name no
    measure (lexicon `comparison_only_words`); the figure is of what was measured before."""
    rest = phrase_re("comparison_only_words").sub(" ", phrase_low)
    return not rest.strip(" ,0123456789")
