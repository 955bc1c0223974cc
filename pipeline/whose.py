"""Whose figure it is, where the sentence says so around the number: votes for the person
elected (`… trúng cử với 481 phiếu đồng ý`), an attribute of the project or work named before
(`Dự án … với tổng vốn 1.000 tỷ đồng`), a dimension of a thing (`tuyến metro dài 20 km`), the
money a verb spends (`Quốc hội bổ sung 15.000 tỷ đồng` → `vốn Quốc hội bổ sung`), the area an
area unit measures (`khu tái định cư Bình Sơn 120 ha` → `diện tích khu tái định cư Bình Sơn`)."""

from __future__ import annotations

import re
from functools import cache

from .concept import lowered_start
from .lexicon import alternation, load_json, phrase_re, word_set, words
from .quantities import goods_before
from .segment import squeeze
from .tokenizer import is_word

_PERSON = re.compile(r"(?<!\w)(?:Ông|Bà|ông|bà)((?: \w+){1,4})")


@cache
def _votes() -> re.Pattern[str]:
    return re.compile(r"\s*(" + alternation(load_json("context.json")["vote_nouns"]) + r")(?!\w)")


def votes_for(text: str, low: str, sentence: tuple[int, int], after: str, end: int) -> str | None:
    """`Ông Hà Ngọc Chiến trúng cử … với 481 phiếu đồng ý (97%)`: the votes are for the person
    the sentence elects (`phiếu đồng ý bầu ông Hà Ngọc Chiến`); None elsewhere."""
    elected, votes_re = phrase_re("election_verbs"), _votes()
    m = votes_re.match(after.lower()) or votes_re.match(low, end)
    if not m or not elected.search(low, sentence[0], sentence[1]):
        return None
    person = _PERSON.search(text, sentence[0], sentence[1])
    if not person or person.start() - sentence[0] > 60:
        return None
    names = []
    for word in person.group(1).split():
        if not word[0].isupper():
            break
        names.append(word)  # the capitalised words of the name
    if not names:
        return None
    votes = m.group(1) if m.group(1).endswith("bầu") else f"{m.group(1)} bầu"
    title = person.group(0).split()[0].lower()
    return f"{votes} {title} {' '.join(names)}"


@cache
def _attributes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ctx = load_json("context.json")
    intro = re.compile(
        r"(?<!\w)(?:với|có|trên)\s+(" + alternation(ctx["attribute_nouns"]) + r")"
        r"(?:\s+(?:dự kiến|khoảng|hơn|gần|trên|là|đạt|lên tới|lên đến|tới))*\s*$"
    )
    owners = re.compile(r"(?<!\w)(?:" + alternation(ctx["attribute_owners"]) + r")(?!\w)", re.IGNORECASE)
    return intro, owners


_OWNER_END = re.compile(
    r"(?<!\d),|,(?!\d)|\(|;|:|(?<!\w)(?:với|có|tại|ở|thuộc|trên)(?!\w)|(?:\s+(?:khoảng|gần|hơn|chừng))?\s+\d"
)  # a clause mark (not a decimal comma), a preposition, or a figure of the owner's own


def attribute_of(text: str, low: str, sentence_lo: int, start: int) -> str | None:
    """`Dự án cảng cá Thọ Quang … với tổng vốn hơn 1.000 tỷ đồng`: an attribute introduced by
    với/có/trên is the attribute of the project, zone or work named before it in the sentence
    (`tổng vốn cảng cá Thọ Quang`); None when the number is not such an attribute."""
    intro, owners = _attributes()
    m = intro.search(low, max(sentence_lo, start - 60), start)
    if not m:
        return None
    named = list(owners.finditer(text, sentence_lo, m.start()))
    if not named:
        return None
    k = len(named) - 1
    while (
        k > 0
        and named[k].start() - named[k - 1].end() < 12
        and not _OWNER_END.search(low, named[k - 1].end(), named[k].start())
    ):
        k -= 1  # `Dự án cảng cá Thọ Quang`: from the first of the owner words that run together
    head = named[k]
    end = _OWNER_END.search(low, head.end(), m.start() + 1)
    owner = squeeze(text[head.start() : end.start() if end else m.start()])
    if len(owner.split()) > 12:
        return None
    return f"{text[m.start(1) : m.end(1)]} {owner}"


@cache
def _units(dimension: str) -> frozenset[str]:
    """The units of one dimension (`length`, `area`, `mass`; lexicon `dimension_units`)."""
    return frozenset(load_json("context.json")["dimension_units"][dimension][0])


@cache
def _dimensions() -> re.Pattern[str]:
    words = alternation(load_json("context.json")["dimension_adjectives"])
    return re.compile(
        r"(?<!\w)(?<!mở )(?<!độ )(?<!nâng )(?<!vươn )("  # not `mở rộng`, `độ cao`: no dimension adjective
        + words
        + r")(?:\s+(?:khoảng|gần|chừng|tới|đến|lên tới|lên đến|hơn|trên|dưới|xấp xỉ|ít nhất|tối thiểu|tối đa))*\s*$"
    )


@cache
def _dimension_nouns() -> list[str]:
    """The nouns a dimension is named by (`chiều dài`, `khối lượng`, `diện tích`), longest first."""
    nouns = {v[0] for v in load_json("context.json")["dimension_adjectives"].values()} | {"diện tích"}
    return sorted(nouns, key=len, reverse=True)


def age_of(concept: str | None, unit: str | None) -> str | None:
    """`Ông Nguyễn Văn Hào (49 tuổi)` -> `tuổi ông Nguyễn Văn Hào`: years of age are the age of
    whom the concept names; None when the figure is no age or its concept says so already."""
    if (unit or "").lower() != "tuổi" or not concept or "tuổi" in concept.lower():
        return None
    words = concept.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1  # a name ends the concept (`… cách chức ông Huỳnh Thanh Tải (45 tuổi, …)`): the age is that person's
    titles = word_set("person_titles")
    title = next((n for n in (2, 1) if k >= n and " ".join(words[k - n : k]).lower() in titles), 0)
    if k < len(words) and (title or len(words) - k >= 2):
        return f"tuổi {lowered_start(' '.join(words[k - title :]))}"
    return f"tuổi {lowered_start(concept)}" if len(words) <= 6 else None


def dimension_of(concept: str | None, low: str, start: int, unit: str | None) -> str | None:
    """`tuyến metro số 1 dài gần 20 km` -> `chiều dài tuyến metro số 1`; `khu đất rộng 137.000 m2`
    -> `diện tích khu đất`: a measure written after a dimension adjective; None otherwise."""
    m = _dimensions().search(low, max(0, start - 30), start)
    if not m:
        return None
    adjective = m.group(1)
    entry = load_json("context.json")["dimension_adjectives"][adjective]
    noun = entry[0]
    if len(entry) > 2 and not any((unit or "").lower() in _units(d) for d in entry[2]):
        return None  # `ống kính góc siêu rộng 8 MP`, `nhiệt độ cao 35 độ C`: not a length, area or mass
    if low.endswith(noun, 0, m.end(1)):
        return None  # `với độ dày 5,5mm`: the dimension is named already
    if adjective == "rộng" and (unit or "").lower() in _units("area"):
        noun = "diện tích"
    words = (concept or "").split()
    n = len(adjective.split())
    at = [k for k in range(len(words) - n + 1) if " ".join(words[k : k + n]).lower() == adjective]
    if at:
        del words[at[-1] : at[-1] + n]  # `khu đất [rộng] ở phường …`, `1.030 suất [trị giá]`
    rest = " ".join(words)
    while (lead := next((d for d in _dimension_nouns() if f"{rest.lower()} ".startswith(d + " ")), None)) is not None:
        rest = rest[len(lead) + 1 :]  # `toa nặng 35 tấn, dài 19m, cao 3,8m`: one dimension each, not stacked
    return f"{noun} {lowered_start(rest)}".strip()


_FROM = re.compile(r"(?<!\w)cách\s+(?=\S)", re.IGNORECASE)
_NO_PLACE = re.compile(r"(?:nhau|đường chim bay|về (?:phía|hướng))(?!\w)", re.IGNORECASE)  # used with .match
_LIES = re.compile(r"(?:^|\s)(?:nằm|chỉ|ở)\s*$", re.IGNORECASE)  # `Sơn Trà nằm cách …`: the verb, not the place


def is_bare_dimension(concept: str | None) -> bool:
    """Whether a concept names a dimension of nothing (`chiều rộng`): whose it is, is said elsewhere."""
    return (concept or "").lower() in _dimension_nouns()


def opens_with_dimension(low: str, lo: int, start: int) -> bool:
    """Whether the words from `lo` to the number at `start` are only a dimension adjective
    (`, rộng 2m`, `, dài gần 60m`): a list of the dimensions of the thing named before."""
    m = _dimensions().search(low, lo, start)
    return m is not None and not low[lo : m.start()].strip(" ,;:-–")


def distance_of(concept: str | None, unit: str | None) -> str | None:
    """`cách đất liền` measured in km -> `khoảng cách đến đất liền`, `người dân sống cách dự án`
    -> `khoảng cách từ người dân sống đến dự án`: a length from a place is a distance; None when
    `cách` is a syllable of another word (`tư cách`, `cách chức`, `khoảng cách`)."""
    if not concept or (unit or "").lower() not in _units("length"):
        return None
    m = _FROM.search(concept)
    if m is None:
        return None
    low = concept.lower()
    before, after = low[: m.start()].split()[-1:], low[m.end() :].split()[:1]
    if (before and is_word(f"{before[0]} cách")) or (after and is_word(f"cách {after[0]}")):
        return None  # `tư cách`, `cải cách`, `khoảng cách`; `cách chức`, `cách mạng`
    place = concept[m.end() :].strip()
    if _NO_PLACE.match(place):
        return None  # `cách nhau` (apart), `cách đường chim bay` (as the crow flies), `cách về phía Đông`
    source = _LIES.sub("", concept[: m.start()]).strip()
    return f"khoảng cách từ {lowered_start(source)} đến {place}" if source else f"khoảng cách đến {place}"


def area_of(concept: str | None, unit: str | None) -> str | None:
    """`nuôi cua bị chết` measured in ha -> `diện tích nuôi cua bị chết`: an area unit measures an
    area; None when the concept already names one (lexicon `area_nouns`: đất, rừng …). A plot
    (`mảnh đất`, `lô đất`; lexicon `plot_nouns`) is a thing that has an area, not an area: `mảnh
    đất 1.000 m2` -> `diện tích mảnh đất`."""
    low = (concept or "").lower()
    if (unit or "").lower() not in _units("area") or "diện tích" in low:
        return None
    if concept and phrase_re("area_nouns").search(low) and not phrase_re("plot_nouns").search(low):
        return None
    return f"diện tích {lowered_start(concept or '')}".strip()


@cache
def _attendance() -> re.Pattern[str]:
    verbs = alternation(word_set("attendance_verbs"))
    return re.compile(r"sự (" + verbs + r") (?:của )?(.+)", re.IGNORECASE)


def attendance_of(concept: str | None) -> str | None:
    """`với sự tham dự của 497 đại biểu` -> `đại biểu tham dự`: a count after `sự <verb> của` counts
    those who do it (lexicon `attendance_verbs`); None otherwise."""
    m = _attendance().fullmatch(concept or "")
    return f"{m.group(2)} {m.group(1)}" if m else None


@cache
def _punitive() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(word_set("punitive_verbs")) + r")(?!\w)", re.IGNORECASE)


_PASSIVE = re.compile(r"(?<!\w)bị(?! cáo)(?!\w)", re.IGNORECASE)  # not `bị cáo` (a defendant)
_NOT_PATIENT = re.compile(r"(?:về|mới|thêm|và|hoặc)(?!\w)", re.IGNORECASE)  # an aspect or an adverb, no one


def passive_of(concept: str | None) -> str | None:
    """`kỷ luật đảng viên` -> `đảng viên bị kỷ luật`, `tiến hành khiển trách trường hợp` -> `trường
    hợp bị khiển trách`: a count after a sanction (lexicon `punitive_verbs`) counts those it falls
    on, written as they are (not who imposed it); not when the concept is passive already (`người
    bị đề nghị truy tố`) or the words after the verb say in what (`kỷ luật về chính quyền`)."""
    if not concept or _PASSIVE.search(concept):
        return None
    found = list(_punitive().finditer(concept))
    patient = concept[found[-1].end() :].strip() if found else ""
    if not patient or _NOT_PATIENT.match(patient) or _punitive().match(patient):
        return None
    return f"{patient} bị {found[-1].group().lower()}"


@cache
def _fine_verb() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?<!trừng )(?<!hình )(?:" + alternation(word_set("fine_verbs")) + r")(?!\w)")


def fine_of(concept: str | None) -> str | None:
    """`phía nhà hàng bị công ty mẹ phạt` -> `tiền phạt phía nhà hàng`, `xử phạt Công ty CP X` -> `tiền
    phạt Công ty CP X`: a sum named only by a fining verb (lexicon `fine_verbs`; not `trừng phạt`,
    `hình phạt`) is the fine of whoever is fined, never of who fines (`Đội QLTT ban hành quyết định
    xử phạt` -> `tiền phạt`); None when the concept already names money (`tiền phạt`, `mức phạt`)."""
    if not concept or phrase_re("money_nouns").search(concept.lower()):
        return None
    found = list(_fine_verb().finditer(concept.lower()))
    if not found:
        return None
    before, after = concept[: found[-1].start()].strip(), concept[found[-1].end() :].strip()
    passive = _PASSIVE.search(before)  # the first `bị` that is no `bị cáo`
    whom = before[: passive.start()].strip() if passive else after  # not who fines
    return f"tiền phạt {lowered_start(whom)}".strip()


def money_of(concept: str | None) -> str | None:
    """`bố trí cho các công trình quan trọng` -> `vốn bố trí cho các công trình quan trọng`: a sum
    named only by the verb that spends it takes that verb's money noun (lexicon `money_verbs`);
    None when the concept already names money or has no such verb."""
    if not concept or phrase_re("money_nouns").search(concept.lower()):
        return None
    low = concept.lower()
    m = next((m for m in phrase_re("money_verbs").finditer(low) if not _inside_a_word(low, m)), None)
    if not m:
        return None
    return f"{words('context.json', 'money_verbs')[m.group(0)]} {lowered_start(concept)}"


def _inside_a_word(low: str, m: re.Match[str]) -> bool:
    """`giao` in `giao dịch`, `ứng` in `đáp ứng`, `lập` in `thành lập`: a verb that is a syllable of
    another word (lexicon `money_verb_false_friends`) is not that verb."""
    before = low[: m.start()].split()[-1:]
    after = low[m.end() :].split()[:1]
    false_friends = word_set("money_verb_false_friends")
    return " ".join(before + [m.group(0)]) in false_friends or " ".join([m.group(0)] + after) in false_friends


@cache
def _per_unit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = alternation(load_json("context.json")["price_units"])
    return (
        re.compile(r"/\s*(?:" + units + r")$"),  # `250.000 đồng/kg`
        re.compile(r"\s+(?:một|mỗi|1)\s+(?:" + units + r")(?!\w)"),  # `5.100 USD một ounce`
    )


def price_of(concept: str | None, low: str, start: int, end: int) -> str | None:
    """`Tôm sú oxy cỡ 30 con/kg … 250.000 đồng/kg`, `nhẫn trơn giao dịch tại vùng 181,6 triệu đồng một
    lượng`: an amount per unit of goods (lexicon `price_units`), or right after goods (`priced_goods`:
    `làm nhà 100 triệu đồng`), is a price; None when the concept already names money or the amount
    is not per such a unit."""
    goods = goods_before(low, start)
    if goods:
        return f"giá {goods.group(1)}"  # `làm nhà (giá) 100 triệu đồng`: the house's price
    if not concept or phrase_re("money_nouns").search(concept.lower()):
        return None
    per_slash, per_word = _per_unit()
    if not (per_slash.search(low, start, end) or per_word.match(low, end)):
        return None
    return f"giá {lowered_start(concept)}"
