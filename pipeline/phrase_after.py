"""The words after a number that say what it counts or is of: `197 người [được giới thiệu ứng
cử]`, `truy thu 26,3 tỷ đồng [thuế thu nhập doanh nghiệp]`, and what an amount is for
(`bố trí 5.000 tỷ đồng để [giải phóng mặt bằng]`). Read on syllable tokens; stops, lists
of nouns and dangling words are lexicons in `models/context.json`."""

from __future__ import annotations

import bisect
import re
from functools import cache

from .lexicon import alternation, load_json, phrase_re, word_set
from .places import place_starts
from .segment import dash_joins, name_goes_on, squeeze
from .tokenizer import is_word

MAX_AFTER = 13
_ABBREVIATION = re.compile(r"[A-ZĐ]{1,3}")
# `51,5 điểm [tháng 9]`, `người vào [đầu năm 2019]`, `[cuối 2016]`: a period, not a description
_DATED = re.compile(
    r"(?:(?:đầu|cuối|giữa)\s+)?(?:(?:năm|tháng|quý|ngày)\s+\d|quý\s+(?:i{1,3}|iv)(?!\w)|(?:19|20)\d\d(?!\d))"
)
_COUNT_AFTER = re.compile(r"\s+(?:\d|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|nhiều)\s)")
_LINKS = frozenset(
    ("và", "hoặc", "hay", "với", "xuống", "lên", "chứ", "thì", "nhưng", "song", "nếu", "mà", "nên", "khi")
)  # end the phrase after a number even first; `thì`, `nhưng` … open the next clause (`5 km [thì] hết xăng`)
_COUNT_NEXT = re.compile(
    r"\s*(?:(?!(?:và|hoặc|hay|với|cùng)\s)[^\W\d_]+\s+){1,3}\d"
)  # a list noun before a number is a verb: `11 Nghị quyết, tổ chức 4 đợt`
# after `và`, up to the clause's end: words only, no other count (`và 3 …`, `và hai người bị thương`), no new
# predicate or subject (`và được đưa đi cấp cứu`, `và họ sẵn sàng cho vay`)
_COUNT_WORDS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|nhiều|mỗi"  # words that open another count
_CLAUSE_WORDS = "được|bị|đã|sẽ|đang|chưa|không|cũng|đều|vẫn|có|là|họ|tôi|chúng|nó|ông|bà|anh|chị"  # open a clause
_NOUN_AFTER_AND = re.compile(
    r"(?!\s+(?:" + _COUNT_WORDS + r"|mấy|" + _CLAUSE_WORDS + r")(?!\w))"
    r"(?:\s+[^\W\d_]+){1,5}(?=\s*[.;,)]|$)"
)
_LABEL_LINKS = frozenset(("có", "với", "cùng", "và"))  # before a next figure's name: `[có] vốn đầu tư 3 tỷ`
_TITLE = re.compile(r"\s+(?:ông|bà|anh|chị)\s+(?=\S)")  # read on the text, before a person's name
_NAME_RUN = re.compile(r"\s*((?:\S+\s+){0,3}?\S+?)(?=\s*[,.;)]|\s+và\s|$)")


def _names_follow(text: str, at: int) -> bool:
    """Whether names follow a `là` at `at` (`là ông Nguyễn Hoà Bình`, `là Brâu và Chứt`): a person's
    title and a capital, or a short run of capitalised words up to a mark or `và` (not a capitalised
    title such as `Anh hùng lực lượng vũ trang`)."""
    t = _TITLE.match(text, at)
    if t:
        return text[t.end()].isupper()
    m = _NAME_RUN.match(text, at)
    return m is not None and all(w[:1].isupper() for w in m.group(1).split())


_QUOTED_LABEL = re.compile(r"[\"“‘]([^\W\d_]+(?: [^\W\d_]+){0,3})[\"”’]")  # a short label in quotes, no number
_PASSIVE = frozenset(("bị", "được"))  # a passive marker needs the verb after it: `nghỉ hưu bị [xử lý]`
_ALSO_SYLLABLES = frozenset(("đến", "tới", "hồi"))  # dangling, unless they end a word: `điểm đến`, `thu hồi`
_PER = frozenset(("ngày", "tháng", "năm", "tuần", "quý", "giờ", "ngày đêm"))
# the cause after a harm (`tử vong [vì Covid-19]`): a few words up to the clause's end or a time or place
_CAUSE_ENDS = r"(?:trong|tại|ở|từ|khi|nên|và|mỗi|tăng|giảm)(?!\w)"  # a time, place, link or change ends a cause
_CAUSE = re.compile(
    r"\s+(?:vì|do)(?:\s+(?!" + _CAUSE_ENDS + r")[^\W_]+(?:-[^\W_]+)*){1,5}(?=\s*[.;,)]|\s+" + _CAUSE_ENDS + r"|\s*$)"
)


@cache
def _label_next() -> re.Pattern[str]:
    """A measure's name right before its own number (`530 km [tổng vốn đầu tư 104.079 tỷ đồng]`):
    the next figure's label, not this one's description (lexicon `attribute_nouns`, and the
    `money_nouns` and `rate_heads` of two syllables or more)."""
    ctx = load_json("context.json")
    several = (w for w in [*ctx["money_nouns"], *ctx["rate_heads"]] if " " in w)  # not `lỗ`, `mức`, `giá`
    names = alternation([*ctx["attribute_nouns"], *several])
    return re.compile(r"(?:tổng\s+)?(?:" + names + r")(?:\s+(?:là|khoảng|hơn|gần|trên|đạt))?\s+\d")


@cache
def _multi_word_stops() -> re.Pattern[str]:
    """The stops of several syllables (`trở lên`, `so với`), matched on the text: tokens are syllables."""
    stops = (w for w in load_json("context.json")["concept_stop_after"] if " " in w)
    return re.compile(r"(?:" + alternation(stops) + r")(?!\w)")


@cache
def _item_openers() -> re.Pattern[str]:
    """Words that open a clause, a change or a level rather than another noun of a list."""
    ctx = load_json("context.json")
    words = [*ctx["concept_stop_after"], *ctx["concept_drop_left"], *ctx["change_triggers"], *ctx["level_markers"]]
    return re.compile(r"(?:" + alternation(words) + r")(?!\w)")


_ITEM = re.compile(
    r" (?!(?:" + _COUNT_WORDS + r"|các|những)(?!\w))"  # `huyện, [một thị xã]`: a count
    r"((?:[^\W\d_]+ ){0,2}[^\W\d_]+)(?=\s*(?:[,;.:()…]|$)| và )"
)


_NAMED_ENTRY = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:có\s+|là\s+|:\s*)?\d")  # a name, its bracket, then its number


def _short_item(low: str, comma_end: int) -> re.Match[str] | None:
    """A short noun after a comma that ends where the list item ends (a mark, `và`): the next
    noun of a list (`luật, [pháp lệnh],`); None when it opens a clause (`, [tăng mạnh].`)."""
    m = _ITEM.match(low, comma_end)
    if m is None or _item_openers().match(low, m.start(1)):
        return None
    return m


_CLAUSE_END = re.compile(r"\s*(?:[.;…]|$)")
_OPENS_CLAUSE = re.compile(r"(?:" + _CLAUSE_WORDS + r")(?!\w)")


def _last_item(low: str, comma_end: int) -> re.Match[str] | None:
    """A short noun after a comma that ends the sentence or clause (`;`): the last item of a list
    that a longer phrase began; None when it opens a clause or goes on with an address
    (`tại xã Bồ Lý, [huyện Tam Đảo]`, `Khu công nghệ cao, [Q.] 9`)."""
    m = _short_item(low, comma_end)
    if (
        m is None
        or len(m.group(1)) <= 2
        or (_OPENS_CLAUSE.match(low, m.start(1)) and not is_word(" ".join(m.group(1).split()[:2])))
        # `lý giải lòng vòng, [chưa thống nhất]`; but `quan hệ ruột thịt, [họ hàng]`
        or phrase_re("administrative_units", "places.json").match(low, m.start(1))
    ):
        return None
    return m if _CLAUSE_END.match(low, m.end(1)) else None


_AGE_BAND = re.compile(r" \d{1,3}(?: (?:đến|-) (?:dưới )?\d{1,3})? tuổi(?!\w)")  # after dưới/trên/từ


def _word_goes_on(low: str, tokens: list[tuple[int, int]], k: int) -> bool:
    """Whether token `k` ends a two-syllable dictionary word begun by the token before it (`xử lý`)."""
    return k > 0 and tokens[k - 1][1] + 1 == tokens[k][0] and is_word(low[tokens[k - 1][0] : tokens[k][1]])


def noun_list_end(after: str, unit: str) -> int:
    """Where the counted noun, or a list of them, ends in the phrase after a count
    (`xã, phường, thị trấn| chưa đạt chuẩn`); 0 when the phrase does not start with it."""
    low = after.lower()
    if not unit or not (low == unit or low.startswith(unit + " ") or low.startswith(unit + ",")):
        return 0
    end = len(unit)
    while low.startswith(", ", end) and (n := phrase_re("list_nouns").match(low, end + 2)):
        end = n.end()
    return end


def _read_whole(low: str, s: int, name_ends: dict[int, int] | None, head: int) -> int:
    """Where a run starting at `s` that the phrase takes whole ends, else -1: a stop word inside a
    noun's name (lexicon `stop_word_phrases_kept`: `lãi [sau thuế]`), a stop word that makes a noun
    with the word before it, at `head` (lexicon `stop_word_nouns`: `mức [tăng trưởng]`, `số [tăng
    thu]`), or a number that names or ranks (`name_ends`: `học sinh lớp [1]`, `kỳ họp thứ [2]`)."""
    kept = phrase_re("stop_word_phrases_kept").match(low, s)
    if kept:
        return kept.end()
    noun = phrase_re("stop_word_nouns").match(low, head)
    if noun and noun.end() > s:
        return noun.end()
    return name_ends.get(s, -1) if name_ends else -1


def phrase_after(
    text: str, low: str, tokens: list[tuple[int, int]], end: int, hi: int, name_ends: dict[int, int] | None = None
) -> str:
    """The noun phrase after a number and its unit: `197 người [được giới thiệu ứng cử]`; a number
    that names or ranks (`name_ends`: start -> end, `lớp [1]`, `lần thứ [16]`) is read as a word."""
    stops = word_set("concept_stop_after")
    starts = [t[0] for t in tokens]
    k = bisect.bisect_left(starts, end)
    picked, syllables, prev = [end], 0, end
    copula_seen = False
    while k < len(tokens) and tokens[k][0] < hi:
        s, e = tokens[k]
        gap = low[prev:s]
        if gap.strip():
            break
        w = low[s:e]
        listed = phrase_re("list_nouns").match(low, e + 1) if w == "," and low[e : e + 1] == " " else None
        if listed is None and w == "," and 0 < syllables <= 4:
            listed = _short_item(low, e)  # `45 luật, pháp lệnh, 46 nghị quyết`, `3,6 triệu hộ, cá nhân kinh doanh.`
        if w == "," and 4 < syllables <= 9:
            listed = _last_item(low, e)  # `15 dự án BT về giao thông, [môi trường].`: the list ends the sentence
        if listed and text[e + 1 : e + 2].isupper() and _NAMED_ENTRY.match(low, listed.end()):
            # `251 xe, [Lao Bảo] (Quảng Trị) 50 xe`: the next entry of a table, a name with its own number
            listed = None
        if listed and 0 < syllables <= 9 and not _COUNT_NEXT.match(low, e):
            prev, k = e + 1, k + 1  # `637 xã, phường, thị trấn có …`: one list of nouns, not `…, tổ chức 4 đợt`
            continue
        if (
            w == "."
            and k > 0
            and _ABBREVIATION.fullmatch(text, tokens[k - 1][0], tokens[k - 1][1])
            and text[e : e + 2].strip()[:1].isupper()
        ):
            picked.append(e)  # `UBND TP. HN chỉ định`: the dot of an abbreviation ends nothing
            prev, k = e, k + 1
            continue
        if (
            w == "/"
            and syllables > 1  # not the unit of a rate: `5 người/hộ`
            and s == prev
            and k + 1 < len(tokens)
            and tokens[k + 1][0] == e
            and low[e : tokens[k + 1][1]].isalpha()
        ):
            picked.append(tokens[k + 1][1])  # `người là cử nhân/kỹ sư`: either noun, one phrase
            prev, k = tokens[k + 1][1], k + 2
            syllables += 1
            continue
        if w == "mỗi" and k + 1 < len(tokens) and low[tokens[k + 1][0] : tokens[k + 1][1]] in _PER:
            picked.append(tokens[k + 1][1])  # `2.000 tấn rác mỗi ngày`: the rate's time unit, not a period
            break
        if w in ("-", "–") and syllables > 0 and dash_joins(text, s):
            picked.append(e)  # `654 km cao tốc Bắc - Nam`: the dash inside one name
            prev, k = e, k + 1
            continue
        if w in ("-", "‑") and s == prev and syllables > 0 and k + 1 < len(tokens) and tokens[k + 1][0] == e:
            picked.append(tokens[k + 1][1])  # `ca mắc Covid-19`, `SARS-CoV-2`: one name
            prev, k = tokens[k + 1][1], k + 2
            continue
        if (
            w in ("vì", "do")
            and text[s].islower()  # not `… tử vong. Do ảnh hưởng …`: a new sentence
            and syllables > 0
            and phrase_re("harm_cause_nouns").search(low[end:prev] + " ") is not None
            and (cause := _CAUSE.match(low, prev))
        ):
            picked.append(cause.end())  # `3.645 ca tử vong [vì Covid-19]`: the cause says which deaths
            break
        if (
            w == "và"
            and (same := phrase_re("equivalents_after").match(low, s))
            and not low.startswith(" với", same.end())  # `… và tương đương với …`: a comparison
        ):
            picked.append(same.end())  # `19 thứ trưởng [và tương đương]`: one group
            prev = same.end()
            k = bisect.bisect_left(starts, prev, k)
            syllables += len(low[s:prev].split())
            continue
        if syllables > 0 and (whole := _read_whole(low, s, name_ends, tokens[k - 1][0])) > 0:
            picked.append(whole)  # `lãi [sau thuế]`, `học sinh lớp [1]`: read as words of the phrase
            prev = whole
            k = bisect.bisect_left(starts, prev, k)
            syllables += len(low[s:prev].split())
            continue
        if syllables > 0 and s == prev + 1 and (quoted := _QUOTED_LABEL.match(low, s)):
            picked.append(quoted.end())  # `50 phiếu ["tín nhiệm cao"]`, `60 nghìn lượt ["thích"]`: a label in quotes
            prev = quoted.end()
            k = bisect.bisect_left(starts, prev, k)
            syllables += len(quoted.group(1).split())
            continue
        if w == "và" and syllables > 0 and _NOUN_AFTER_AND.match(low, e):
            picked.append(e)  # `hợp tác xã [và liên hiệp hợp tác xã]`: two nouns, one phrase
            prev, k = e, k + 1
            syllables += 1
            continue
        if (
            (syllables == 0 or low[picked[-2] : prev].strip() in _LABEL_LINKS)  # nothing taken yet, or only a link
            and _label_next().match(low, s)
            and not _word_goes_on(low, tokens, k)
        ):
            if syllables:
                picked.pop()  # `tuyến đường [có] chiều dài 4 km`: the link belongs to the next figure
            break  # `530 km [tổng vốn đầu tư 104.079 tỷ đồng]`: the next figure's name
        if w in ("dưới", "trên", "từ") and syllables > 0 and (age := _AGE_BAND.match(low, e)):
            picked.append(age.end())  # `2 đại biểu [dưới 30 tuổi]`: the age band says which
            prev = age.end()
            k = bisect.bisect_left(starts, prev, k)
            syllables += len(low[s:prev].split())
            continue
        if w == "là" and _names_follow(text, e):
            break  # `5 ứng viên [là ông Nguyễn Hoà Bình …]`, `hai dân tộc [là Brâu và Chứt]`: who, not what
        if w == "là" and 0 < syllables <= 2 and not copula_seen:
            copula_seen = True  # `13/21 đồng chí là bí thư kiêm trưởng thôn`
        elif (
            not w[0].isalpha()
            or (
                w in stops
                and (syllables > 0 or w in _LINKS or _DATED.match(low, s))
                and not (k > 0 and low[tokens[k - 1][0] : e] in word_set("time_compounds"))  # `cây lâu năm`
                # `giải phóng mặt bằng`, `lý do`: a stop that ends a word with the syllable before it
                and not (syllables > 0 and w in word_set("stop_word_syllables") and _word_goes_on(low, tokens, k))
                and not phrase_re("stop_word_compounds").match(low, s)  # `tùy chọn`: a word, not `tùy` (depending on)
            )  # `cảnh cáo 20 [và] …`, `10,32 ha [với] dân số …`
            or _multi_word_stops().match(low, s)
            or (w in ("đầu", "cuối", "giữa") and _DATED.match(low, s))  # `người vào [đầu năm 2019]`
            or (w in ("sau", "trước") and _COUNT_AFTER.match(low, e))  # `9 điểm [sau 3 trận]`: when, not what
        ):
            break
        syllables += len(w.split())
        taken = low[picked[-2] : picked[-1]].strip() if len(picked) > 1 else ""
        if syllables > MAX_AFTER and not (
            syllables <= MAX_AFTER + 3
            and (name_goes_on(text, picked[-1], s) or _word_goes_on(low, tokens, k) or taken in _PASSIVE)
        ):
            break  # long enough; but `Công ty cổ phần Quốc Cường Gia [Lai]`, `bị [xử] [lý]`: a name, a word or a passive's verb is not cut
        picked.append(e)
        prev = e
        k += 1
    while len(picked) > 1 and (
        (last := low[picked[-2] : picked[-1]].strip()) in word_set("concept_dangling") or last in ("-", "–")
    ):
        before = low[picked[-3] : picked[-2]].strip() if len(picked) > 2 else ""
        if last in _ALSO_SYLLABLES and is_word(f"{before} {last}") and before not in word_set("concept_dangling"):
            break  # `thu hồi`, `điểm đến`: the word's last syllable, no preposition (but `cho đến` is one)
        picked.pop()  # `thu nhập trong [năm 2016]`: the phrase does not end on a preposition or a dash
    return squeeze(text[end : picked[-1]])


_TRAILING_SCOPE = re.compile(r"\s+(?:của\s+)?(?:cả nước|toàn quốc)$")


def object_after(text: str, low: str, tokens: list[tuple[int, int]], end: int, hi: int) -> str:
    """The thing an amount is of, written after it: `truy thu 26,3 tỷ đồng [thuế thu nhập doanh
    nghiệp]`; empty when a function or time word follows (`… tỷ đồng năm 2017`, `… và`)."""
    stops = word_set("concept_stop_after")
    if not tokens or low[end : tokens[0][0]].strip():
        return ""
    first = low[tokens[0][0] : tokens[0][1]]
    if first in stops or not first[0].isalpha() or phrase_re("share_scopes").match(low, tokens[0][0]):
        return ""  # `… tỷ đồng năm 2017`, `chiếm 36% cả nước`
    found = phrase_after(text, low, tokens, end, hi)
    scope = _TRAILING_SCOPE.search(" " + found.lower())
    return found[: max(0, scope.start() - 1)].rstrip() if scope else found  # `27% dân số [cả nước]`, `1% [của cả nước]`


_OF_INTO = re.compile(r"(?:của|vào)\s+", re.IGNORECASE)  # `1% [của] số phải thu`, `đóng góp 10% [vào] GDP`
_CLAUSE_AFTER = re.compile(r"(?<=\s)(?:" + _CLAUSE_WORDS + r")(?!\w)", re.IGNORECASE)


def _before_clause(phrase: str) -> str:
    """`phrase` up to the word that opens a clause after its noun (`suất đầu tư [đã được …]`,
    `các vụ cưỡng hiếp [được đưa ra xét xử]`, a sentence run on: `… thông minh [Ông Hùng …]`); not
    one that ends a word (`hàng [không]`, `thiết [bị]`, `hiện [có]`) or a name (`Vương quốc
    [Anh]`, `Hoàng [Anh]`)."""
    for m in _CLAUSE_AFTER.finditer(phrase):
        w = m.group()
        before = phrase[: m.start()].split()
        if not before:
            continue
        if w.lower() != "là" and is_word(f"{before[-1].lower()} {w.lower()}"):
            continue
        if w[0].isupper() and (w == "Anh" or before[-1][0].isupper()):
            continue
        return phrase[: m.start()].strip()
    return phrase


_SENTENCE_ON = re.compile(
    r"(?<![A-ZĐ])(?<![A-ZĐ]{2})(?<![A-ZĐ]{3})\.\s+\S.*$"
)  # `… nguy hại[. Mỗi năm]`, not `TP. HCM`
_WHY = re.compile(r"\s(?:dù|do)(?!\w).*$")  # `tổn thất kinh tế toàn cầu [do sử dụng thuốc lá]`: why
_WHERE = re.compile(r"(?<!nhà)(?<!đất)\s(?:ở|tại)\s+")  # `mẫu xét nghiệm [ở bang Punjab]`; not `nhà ở xã hội`
_PLACE_SECTIONS = ("places", "unit_only_places", "countries", "world_places", "regions", "administrative_units")


_VOTE_NOUN = re.compile(r"(?<!\w)(?:phiếu|tỷ lệ|tỉ lệ|sự|ý kiến|lượt|mức độ)\s+$")  # the verb names what they are


@cache
def _said() -> re.Pattern[str]:
    """A verb of saying, thinking or wanting: what follows it is a clause, not part of the whole."""
    return re.compile(r"(?<!\w)(?:" + alternation(word_set("whole_clause_verbs")) + r")(?!\w)")


def _without_where(phrase: str) -> str:
    """The whole without the place written after it (`hộ dân [ở xã Tân Túc]`, `thị phần [tại Việt
    Nam]`) or the reason (`[do …]`); not a company after `tại` (`40% vốn tại Vietinbank`)."""
    phrase = _WHY.sub("", phrase)
    low = phrase.lower()
    for m in _WHERE.finditer(phrase):
        if phrase_re("whole_where_heads").match(low, m.end()) or place_starts(low, m.end(), _PLACE_SECTIONS):
            return phrase[: m.start()]
    return phrase


def compared_after(phrase: str) -> str:
    """What a multiple is of, from the words written after it: without the clause that follows the
    noun (`suất đầu tư tuyến cao tốc Bắc - Nam [đã được Quốc hội thông qua]`) or the place written
    after it (`Tòa nhà Empire State [ở Mỹ]`)."""
    return " ".join(_without_dangling(_without_where(_before_clause(phrase)).split()))


def whole_of_share(phrase: str) -> str | None:
    """The whole a percent is of, from the words written after it (`94% [khối lượng]`, `chiếm 29,3%
    [tổng số lao động của tỉnh]`, `4,5% [GDP]`): without a leading `của`/`vào` or the clause that
    follows the noun (`các vụ cưỡng hiếp [được đưa ra xét xử]`); None when the words open a clause or
    a prepositional phrase (lexicon `whole_not_first`: `đã lên 18%`, `mỗi năm`, `tại phía nam`), a
    new sentence (a capitalised word, not an acronym) or name a place (`15% miền Trung`)."""
    lead = _OF_INTO.match(phrase)
    phrase = phrase[lead.end() :] if lead else phrase
    phrase = _before_clause(_SENTENCE_ON.sub("", phrase).rstrip(" .,;:")).strip()
    phrase = " ".join(_without_dangling(_without_where(phrase).split()))
    said = _said().search(phrase.lower())
    if said and not _VOTE_NOUN.search(phrase.lower(), 0, said.start()):
        phrase = phrase[: said.start()].strip()  # `cử tri [cho rằng …]`, `25% [nói …]`; not `phiếu tán thành`
    if not phrase or phrase.lower() in word_set("whole_not_alone"):
        return None  # `30% số [đó]`, `6,7% cả [năm]`: no whole of its own
    first = phrase.split()[0]
    low = phrase.lower()
    if opens_no_whole(low) or (first[0].isupper() and not first.isupper()):
        return None
    if place_starts(low, 0, ("places", "regions", "countries")):
        return None
    return phrase


def opens_clause(low: str) -> bool:
    """Whether the words after a figure open a clause about it, its cause or a time (lexicon
    `clause_after_figure`: `tăng trưởng 6,21% [phản ánh] những nỗ lực`, `tăng 15% [nhờ] giá vốn
    giảm`, `tăng 40% [kể từ] đầu năm`): neither what it is of nor part of what it measures."""
    return phrase_re("clause_after_figure").match(low) is not None


def opens_no_whole(low: str) -> bool:
    """Whether the words after a figure open a clause or a prepositional phrase rather than name
    what it is of (lexicon `whole_not_first`: `đã lên 18%`, `mỗi năm`, `tại phía nam`; or
    `opens_clause`)."""
    return phrase_re("whole_not_first").match(low) is not None or opens_clause(low)


def _without_dangling(words: list[str]) -> list[str]:
    """`words` without the prepositions left at their end (lexicon `concept_dangling`)."""
    while words and words[-1].lower() in word_set("concept_dangling"):
        words = words[:-1]
    return words


MAX_PURPOSE = 5
_PURPOSE = frozenset(("để", "nhằm"))


def purpose_after(text: str, low: str, tokens: list[tuple[int, int]], end: int, hi: int) -> str:
    """What an amount is for, written after it: `bố trí 5.000 tỷ đồng để [giải phóng mặt bằng]`
    (a few syllables); empty when no `để`/`nhằm` follows the amount."""
    if len(tokens) < 2 or low[end : tokens[0][0]].strip() or low[tokens[0][0] : tokens[0][1]] not in _PURPOSE:
        return ""
    words = _without_dangling(phrase_after(text, low, tokens[1:], tokens[0][1], hi).split()[:MAX_PURPOSE])
    return " ".join(words) if len(words) >= 2 else ""  # `giải phóng mặt bằng [cho]`


MAX_APPLIES_TO = 10


@cache
def _applies_to() -> re.Pattern[str]:
    """`đối với` and the few words after it up to the clause's or list item's end (a mark, `và`,
    `so với`), right after a number or its bracket (lexicon `applies_to_after`)."""
    heads = alternation(load_json("context.json")["applies_to_after"])
    word = (
        r"\s+(?!(?:và|so|với|hoặc|là|thì|chỉ|đã|sẽ|đang|cũng|mà|lên|xuống|tăng|giảm)(?!\w))[^\W_]+"  # no new predicate
    )
    end = r"(?=\s*[.;,:()]|\s+(?:và|hoặc|so với)(?!\w)|\s*$)"  # up to where the clause or list item ends
    words = "(?:" + word + "){1," + str(MAX_APPLIES_TO) + "}"
    return re.compile(r"\s*(?:\([^()]*\)\s*)?((?:" + heads + r")" + words + ")" + end)


def applies_to_after(text: str, low: str, end: int, hi: int) -> str:
    """Whom or what a figure is for, written right after it: `60 tuổi [đối với nam]`,
    `37,49% [đối với xăng]`; empty when none follows."""
    m = _applies_to().match(low, end, hi)
    if not m or not text[m.start(1)].islower():  # not `… Đối với dự án …`: a heading or a new sentence
        return ""
    words = _without_dangling(squeeze(text[m.start(1) : m.end(1)]).split())
    return " ".join(words) if len(words) > 2 else ""  # `đối với xe [dưới]`


def with_applies_to(concept: str, applies_to: str) -> str:
    """`concept` for `applies_to`, in place of the one it says it is for when inherited
    (`… đối với nam` then `55 tuổi đối với nữ`: `… đối với nữ`)."""
    kept = _applies_to_end().sub("", concept) or concept
    return f"{kept} {applies_to}"


@cache
def _applies_to_end() -> re.Pattern[str]:
    """An `đối với …` (lexicon `applies_to_after`) that ends a concept, to the concept's end."""
    return re.compile(r"(?:^|\s+)(?:" + alternation(load_json("context.json")["applies_to_after"]) + r")(?:\s.*)?$")
