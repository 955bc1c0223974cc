"""Where a figure is (SPEC §2 `location`): administrative units with their names
(`huyện Ia H'Drai`, `TP. HCM`) and the provinces, cities and countries of
`models/places.json` written alone (`Hà Nội`, `Việt Nam`)."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, load_json, phrase_re, word_set
from .tokenizer import is_word

_NAME_WORD = re.compile(r"[\w'’\-]+\.?")
_WORD_BEFORE = re.compile(r"(?<!\w)\w+ $")
_WORD_AFTER = re.compile(r" (\w)")


_NAMED = ("places", "countries", "world_places")  # gazetteer sections written as capitalised names


@cache
def _first_words() -> re.Pattern[str]:
    """The first words of the gazetteer's names as a name writes them (`Hà`, `TP`, `Việt`), whole."""
    data = load_json("places.json")
    firsts = {name.split()[0].split(".")[0] for section in _NAMED for name in data[section]}
    longest_first = sorted(firsts, key=len, reverse=True)
    forms = (re.escape(w[0].upper()) + "(?i:" + re.escape(w[1:]) + ")" for w in longest_first)  # `Hà`, `HÀ`
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")


@cache
def _admin() -> re.Pattern[str]:
    """An administrative word and the space after it (`huyện `, `TP. `)."""
    units = load_json("places.json")["administrative_units"]
    return re.compile(r"(?<!\w)(?:" + alternation(units) + r")\s+", re.IGNORECASE)


@cache
def _city() -> re.Pattern[str]:
    """A city word and the space after it, matched whole (`TP `)."""
    return re.compile(r"(?:" + alternation(load_json("places.json")["city_words"]) + r")\s+$", re.IGNORECASE)


@cache
def _share_of_whole() -> re.Pattern[str]:
    """What right before `cả nước` makes the country the whole of a share (`chiếm 36% cả nước`)."""
    words = alternation(load_json("places.json")["share_of_whole_before"])
    return re.compile(r"(?:(?<!\w)(?:" + words + r")|\d%?|%)\s*$")


def place_starts(low: str, pos: int, sections: tuple[str, ...]) -> bool:
    """Whether a place of one of these sections of `places.json` starts at `pos` of `low`."""
    return any(phrase_re(section, "places.json").match(low, pos) for section in sections)


def is_place(low: str, sections: tuple[str, ...]) -> bool:
    """Whether all of `low` is one place of these sections of `places.json` (`việt nam`, `hà nội`)."""
    return any(phrase_re(section, "places.json").fullmatch(low) for section in sections)


def is_nationwide(low: str, span: tuple[int, int]) -> bool:
    """`cả nước`, `toàn quốc`."""
    return phrase_re("nationwide", "places.json").fullmatch(low, span[0], span[1]) is not None


def is_region(low: str, span: tuple[int, int]) -> bool:
    """`châu Á`, `Đông Nam Bộ` (lexicon `regions`): often the field a figure is compared in
    (`lớn nhất khu vực Đông Nam Bộ`), not where the next sentences happen."""
    return phrase_re("regions", "places.json").fullmatch(low, span[0], span[1]) is not None


def _bare_places(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Provinces, cities and countries of the gazetteer written as names (capitalised) without
    an administrative word: `Hà Nội`, `Việt Nam`."""
    low = text[lo:hi].lower()
    out = []
    for m in phrase_re("nationwide", "places.json").finditer(low):
        if not _share_of_whole().search(low, max(0, m.start() - 16), m.start()):
            out.append((lo + m.start(), lo + m.end()))  # `Cả nước có 235 trường`, `tỷ lệ hộ nghèo cả nước`
    for w in _first_words().finditer(text, lo, hi):  # try the gazetteer only where a name may start
        place = phrase_re("places", "places.json").match(low, w.start() - lo)
        country = place is None
        if country:
            place = phrase_re("countries", "places.json").match(low, w.start() - lo)
        if place is None:
            place = phrase_re("world_places", "places.json").match(low, w.start() - lo)
            country = False  # `Bắc Kinh - Thượng Hải` is a route, not a pair of countries
        if place is not None:
            s, e = lo + place.start(), lo + place.end()
            before = _WORD_BEFORE.search(text, max(lo, s - 20), s)
            after = _WORD_AFTER.match(text, e, hi)
            in_name = (
                before is not None
                and before.start() > lo
                and before.group()[0].isupper()
                and not before.group().isupper()
            ) or (after is not None and after.group(1).isupper())
            if (
                not in_name
                and not _unit_before(text, lo, s)
                and not _no_place(text, low, lo, s, e, before, country)
                and not _constituency(text, lo, s, e)
            ):
                out.append((s, e))  # not in a longer name: `Phó Thủ tướng Trương Hòa Bình`
    for m in phrase_re("regions", "places.json").finditer(low):
        s, e = lo + m.start(), lo + m.end()
        before = _WORD_BEFORE.search(text, max(lo, s - 20), s)
        after = _WORD_AFTER.match(text, e, hi)
        if (
            any(c.isupper() for c in text[s:e])
            and not (after is not None and after.group(1).isupper())  # `Đông Bắc Trung Quốc`: part of a name
            and not (before is not None and before.start() > lo and before.group()[0].isupper())  # `TMCP Nam Á`
            and not _no_place(text, low, lo, s, e, before, False)
        ):
            out.append((s, e))  # `châu Á`, `miền Trung`, `ĐBSCL`; not `miền trung du`
    return sorted(out)


_PAIRED = re.compile(r" ?[-–] ?[A-ZĐ]")  # `Mỹ - Trung`: a relation between two countries, no place
_NEXT_SYLLABLE = re.compile(r" ([^\W\d_]+)")


def _no_place(text: str, low: str, lo: int, s: int, e: int, before: re.Match[str] | None, country: bool) -> bool:
    """A gazetteer name that names no place here: a nationality or a language (`người Pháp`, `tiếng
    Anh`; lexicon `nationality_before`), a word it begins (`Ban Pháp chế`), a pair (`Mỹ - Trung`)."""
    if before is not None and before.group().strip().lower() in word_set("nationality_before", "places.json"):
        return True
    if country and (_PAIRED.match(text, e) or (s - 3 >= lo and re.search(r"[-–] ?$", text[s - 3 : s]))):
        return True  # `Mỹ - Trung`; but `cao tốc Đà Nẵng - Quảng Ngãi` is where
    nxt = _NEXT_SYLLABLE.match(text, e)
    return nxt is not None and nxt.group(1).islower() and is_word(f"{low[s - lo : e - lo]} {nxt.group(1)}")


def _ends_a_word(text: str, lo: int, at: int, unit: str) -> bool:
    """Whether the administrative word at `at` ends a dictionary word begun by the one or two
    syllables before it (`nông thôn`, `hợp tác xã`); not when the syllable before is taken by a word
    of its own (`cử tri [huyện Củ Chi]`, though `tri huyện` is a word too)."""
    before = text[max(lo, at - 24) : at].split()
    if len(before) >= 2 and is_word(" ".join([*before[-2:], unit])):
        return True
    return (
        bool(before) and is_word(f"{before[-1]} {unit}") and not (len(before) >= 2 and is_word(" ".join(before[-2:])))
    )


def _opens_a_sentence(text: str, w: re.Match[str]) -> bool:
    """Whether a capitalised function word after an administrative word opens the next sentence
    (`TP. Không …`; lexicon `sentence_openers`): no capitalised word follows it (`huyện Từ Liêm`)."""
    if w.group().lower().rstrip(".") not in word_set("sentence_openers", "places.json"):
        return False
    return not _capital_next(text, w)


def _capital_next(text: str, w: re.Match[str]) -> bool:
    nxt = _NEXT_SYLLABLE.match(text, w.end())
    return nxt is not None and nxt.group(1)[0].isupper()


@cache
def _delegate_before() -> re.Pattern[str]:
    """A delegate's title and name, then an opening bracket (`đại biểu Lê Thanh Vân (`)."""
    titles = alternation(load_json("places.json")["delegate_titles"])
    return re.compile(r"(?<!\w)(?i:" + titles + r")\s+(?:[A-ZĐÀ-Ỹ][\w-]*\s+){1,4}\($")


def _constituency(text: str, lo: int, s: int, e: int) -> bool:
    """`đại biểu Lê Thanh Vân (Cà Mau)`: a place alone in brackets after a delegate's name is the
    constituency (lexicon `delegate_titles`), not where a figure is."""
    return text[e : e + 1] == ")" and _delegate_before().search(text, max(lo, s - 60), s) is not None


def _unit_before(text: str, lo: int, s: int) -> bool:
    """Whether an administrative word stands right before `s` (`tỉnh [Nghệ An]`), not one that ends a
    dictionary word (`nông thôn [Việt Nam]`)."""
    m = _admin().search(text, max(lo, s - 12), s)
    return m is not None and not _ends_a_word(text, lo, m.start(), m.group().strip())


def _begins_a_word(text: str, w: re.Match[str]) -> bool:
    """Whether a capitalised word after an administrative word begins a dictionary word with the
    lower-case syllable after it (`Báo cáo`): a new sentence, not a name."""
    nxt = _NEXT_SYLLABLE.match(text, w.end())
    return nxt is not None and nxt.group(1).islower() and is_word(f"{w.group()} {nxt.group(1)}")


_ADDRESS_LINK = re.compile(r", ?")
_PROVINCE, _COUNTRY = 4, 5


def addresses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The places, with the units of one address joined into one span (`phường Thọ Quang, quận Sơn
    Trà`, `huyện Ba Vì, Hà Nội`, `huyện K'bang (Gia Lai)`): each next unit, after a comma or in
    brackets, is larger than the one before it (lexicon `unit_ranks`); a list is not (`Mỹ, Ấn Độ`,
    `TP Hồ Chí Minh, Đà Nẵng`, `huyện A, huyện B`)."""
    out: list[tuple[int, int]] = []
    last: tuple[int, int] | None = None  # the last unit of the address being read
    for sp in spans:
        bracketed = text[last[1] : sp[0]] == " (" and text[sp[1] : sp[1] + 1] == ")" if last else False
        if (
            out
            and last is not None
            and (_ADDRESS_LINK.fullmatch(text, last[1], sp[0]) or bracketed)
            and _rank(text, last) < _rank(text, sp)
        ):
            out[-1] = (out[-1][0], sp[1] + bracketed)  # `huyện K'bang (Gia Lai)`: the bracket closed too
        else:
            out.append(sp)
        last = sp
    return out


def _rank(text: str, span: tuple[int, int]) -> int:
    """How large a place is: its administrative word's rank, a province-level name's, a country's."""
    low = text[span[0] : span[1]].lower()
    unit = _admin().match(text, span[0])
    name = low[unit.end() - span[0] :] if unit else low
    if _province_level().fullmatch(name):
        return _PROVINCE
    if unit:
        return int(load_json("places.json")["unit_ranks"].get(unit.group().strip().lower(), [_PROVINCE])[0])
    return _COUNTRY if phrase_re("countries", "places.json").fullmatch(name) else _PROVINCE + 2


@cache
def _province_level() -> re.Pattern[str]:
    """The names of provinces and province-level cities, alone (`places`) or only after an
    administrative word (`unit_only_places`: `Thành phố [Hồ Chí Minh]`)."""
    data = load_json("places.json")
    return re.compile(r"(?<!\w)(?:" + alternation([*data["places"], *data["unit_only_places"]]) + r")(?!\w)")


def administrative(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that open with an administrative word (`huyện …`, `TP …`): words of no concept,
    unlike a bare place, which is part of one (`dân số Hà Nội`)."""
    return [sp for sp in spans if _admin().match(text, sp[0])]


# the next number of a list of numbered units (`quận 1[, 3][ và 7]`): one or two digits, not an amount
# (`quận 1, 3 tỷ đồng`, `phường 2, 30%`)
_NUMBERED_NEXT = re.compile(
    r"(?:\s*,\s*|\s+(?:và|hoặc)\s+)\d{1,2}(?![\w%]|[.,]\d|\s*%|\s+(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm)(?!\w))"
)


def locations(text: str, lo: int, hi: int, bare: bool = True) -> list[tuple[int, int]]:
    """Administrative units with their capitalized names (`huyện Ia H'Drai`, `TP. HCM`, `quận 1`)
    and, with `bare`, the provinces, cities and countries of the gazetteer written alone
    (`Hà Nội`, `Việt Nam`: where the figure is, though part of a concept such as `dân số Hà Nội`)."""
    out = []
    for m in _admin().finditer(text, lo, hi):
        if _ends_a_word(text, lo, m.start(), m.group().strip()):
            continue  # `Bộ trưởng Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường`: no hamlet
        pos, end, n = m.end(), None, 0
        numbered = m.group().strip().lower() in word_set("numbered_units", "places.json")
        known = _province_level().match(text[pos : min(hi, pos + 40)].lower())
        if known and text[pos].isupper():
            out.append(
                (m.start(), pos + known.end())
            )  # `tỉnh Nghệ An [Thái Thanh Quý]`: the place, not the name after it
            continue
        if _city().match(text, m.start(), m.end()) and phrase_re("surnames", "places.json").match(
            text[pos : pos + 8].lower()
        ):
            continue  # `Bí thư Thành ủy TP Nguyễn Thiện Nhân`: a person follows, no city
        apostrophe = False  # `huyện Cư M’ gar`: a name's syllable goes on past an apostrophe and a space
        while n < 4:
            w = _NAME_WORD.match(text, pos, hi)  # not past the sentence (`TP HCM | Ảnh: HOÀNG TRIỀU`)
            if not w or not (w.group()[0].isupper() or apostrophe or (n == 0 and numbered and w.group()[0].isdigit())):
                break  # `quận 1`; not `Đảng bộ thành phố 16` (a body's term)
            apostrophe = w.group().endswith(("’", "'"))
            if n == 0 and (_begins_a_word(text, w) or _opens_a_sentence(text, w)):
                break  # `phát triển thành phố Báo cáo tại kỳ họp`: a sentence begins, no name
            if n == 0 and w.group().lower().rstrip(".") in word_set("not_place_names", "places.json"):
                break
            if n > 0 and phrase_re("surnames", "places.json").fullmatch(w.group().lower()) and _capital_next(text, w):
                break  # `TP. HCM Lê Thanh Liêm`: a person's name after the place; not `quận Hải Châu,`
            end, n = w.end(), n + 1
            if w.group().endswith("."):
                break  # `TP. HCM. Công an …`: a full stop ends the name
            pos = end + 1 if text[end : end + 1] == " " else end
            if text[end : end + 1] != " ":
                break
        if end is None:
            continue
        while end > m.end() and not text[end - 1].isalnum():
            end -= 1
        if numbered and n == 1 and text[end - 1].isdigit():
            while more := _NUMBERED_NEXT.match(text, end, hi):  # `quận 1, 3, 4 và 7`: one place of many numbers
                end = more.end()
        out.append((m.start(), end))
    if bare:
        taken = list(out)
        out.extend(sp for sp in _bare_places(text, lo, hi) if not any(a <= sp[0] < b for a, b in taken))
    return sorted(out)
