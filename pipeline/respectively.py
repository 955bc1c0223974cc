"""`lần lượt` (respectively): the figures listed after it pair, in order, with the things listed
before it.

`Các khoản phải thu ngắn hạn và hàng tồn kho lần lượt 2.187 tỷ đồng và 9.440 tỷ đồng`: the first
amount is the receivables', the second the inventory's. `doanh thu thuần đạt 29.699 tỷ đồng, lợi
nhuận sau thuế đạt 1.044 tỷ đồng, tăng trưởng lần lượt 43% và 44%`: the rises are those of the two
figures before."""

from __future__ import annotations

import re

from .lexicon import phrase_re
from .normalize import lower_keeping_length
from .records import Indicator

_MARK = re.compile(r"(?<!\w)lần lượt(?!\w)")
# between `lần lượt` and the first figure: the verb of the list, if any (`lần lượt là: 91, 82 …`)
_LEAD = re.compile(r"\s*(?:(?:là|đạt|tăng|giảm|chiếm|ở mức|có|lên|xuống|còn)\s*)*:?\s*(?:(?:khoảng|gần|hơn|trên)\s+)?")
# between two figures of the list
_NEXT = re.compile(r"\s*[,;]?\s*(?:(?:và|hoặc)\s+)?(?:(?:khoảng|gần|hơn|trên)\s+)?")
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+(?:và|hoặc)\s+")
# what may stand between the figures before and `lần lượt` (`…, tăng trưởng lần lượt`)
_BEFORE_MARK = re.compile(r"[\s,;]*(?:[^\W\d_]+\s+){0,5}")
# a verb after the last item says something of the whole list
_PREDICATE = re.compile(r"\s(?:tăng|giảm|đạt|là|có|chiếm|cũng|đều)(?!\w)")
MAX_ITEM_WORDS = 12
# a sentence that opens by pointing back at figures already given (`Hai chỉ tiêu này`, `Các con số trên`)
_POINTER = re.compile(r"\s*(?:[^\W\d_]+\s+){1,4}(?:này|trên|đó)\s*(?:[^\W\d_]+\s+){0,2}")
_CODE = re.compile(r"[A-Z]+\d+\w*")  # a model's code: G10, S24


def respectively(records: list[Indicator], raw: str) -> None:
    """Give each figure listed after `lần lượt` the concept of its own item (in place)."""
    low = lower_keeping_length(raw)  # the records' offsets are the raw text's
    kept = [rec for rec in records if "why" not in rec.extra]  # indicators, not dates or ordinals
    by_sentence: dict[tuple[int, int], list[Indicator]] = {}
    for rec in kept:
        by_sentence.setdefault(rec.sentence, []).append(rec)
    for (s0, s1), recs in by_sentence.items():
        for m in _MARK.finditer(low, s0, s1):
            run = _listed_after(low, recs, m.end())
            if len(run) < 2:
                continue
            if _POINTER.fullmatch(low, s0, m.start()):  # `Hai chỉ tiêu này lần lượt tăng 39% và 12%`
                _pair_back(kept, run, s0)
            else:
                _pair(raw, low, recs, run, m.start())


def _listed_after(low: str, recs: list[Indicator], pos: int) -> list[Indicator]:
    """The figures listed right after `pos`, one after another."""
    run: list[Indicator] = []
    for rec in recs:
        if rec.start < pos:
            continue
        gap = low[run[-1].end if run else pos : rec.start]
        if not (_NEXT if run else _LEAD).fullmatch(gap):
            break
        run.append(rec)
    return run


def _pair(raw: str, low: str, recs: list[Indicator], run: list[Indicator], mark: int) -> None:
    base = run[0].concept or ""
    items = _items(base, len(run)) or _with_first_item(raw, low, run[0], base, len(run))
    if items and all(_same_list(rec.concept or "", base) for rec in run):
        for rec, item in zip(run, items, strict=True):
            rec.concept = item  # `Các khoản phải thu ngắn hạn và hàng tồn kho lần lượt …`
        return
    named = _last_before(recs, mark, len(run))
    if named and _BEFORE_MARK.fullmatch(low, named[-1].end, mark):
        _take_concepts(run, named)  # `doanh thu đạt …, lợi nhuận đạt …, tăng lần lượt 43% và 44%`


_FIRST_ITEM = re.compile(rf"([^\W\d_]+(?: [^\W\d_]+){{0,{MAX_ITEM_WORDS - 1}}}),\s*$")


def _with_first_item(raw: str, raw_low: str, first: Indicator, base: str, k: int) -> list[str]:
    """`Xuất khẩu gạo, cà phê và hạt điều lần lượt đạt …`: the concept read in the last clause
    lists all the items but the first, which stands alone before a comma at the sentence's
    start; [] when it does not."""
    rest = _items(base, k - 1) if k > 2 else []
    s0 = first.sentence[0]
    at = raw_low.find(base.lower(), s0, first.start)
    m = _FIRST_ITEM.fullmatch(raw_low, s0, at) if rest and at > s0 else None
    if m is None:
        return []
    first_item = raw[m.start(1) : m.end(1)]
    return [first_item, *(" ".join(_with_head(first_item.split(), r.split())) for r in rest)]


def _pair_back(records: list[Indicator], run: list[Indicator], s0: int) -> None:
    """`tổng tài sản đạt …, vốn chủ sở hữu đạt …. Hai chỉ tiêu này lần lượt tăng …`: the last
    figures of the sentence before, when it has as many."""
    named = _last_before(records, s0, len(run))
    if named and all(rec.sentence == named[-1].sentence for rec in named):
        _take_concepts(run, named)


def _last_before(recs: list[Indicator], pos: int, n: int) -> list[Indicator]:
    """The last n figures that end by `pos`; [] when there are fewer."""
    before = [rec for rec in recs if rec.end <= pos]
    return before[-n:] if len(before) >= n else []


def _take_concepts(run: list[Indicator], named: list[Indicator]) -> None:
    """Each figure of the run takes the concept of the named figure in its place, when every named
    figure has one and no two share it."""
    concepts = [rec.concept for rec in named]
    if all(concepts) and len(set(concepts)) == len(concepts):
        for rec, c in zip(run, concepts, strict=True):
            rec.concept = c


def _same_list(concept: str, base: str) -> bool:
    """The same list as the first figure's, give or take a tail (`… lượt người`)."""
    return concept.startswith(base) or base.startswith(concept)


def _with_head(first: list[str], words: list[str]) -> list[str]:
    """A short item written without the head it shares with the first one gets it back:
    `khách châu Âu và châu Mỹ` -> `khách châu Mỹ`; `lợi nhuận trước thuế và sau thuế` ->
    `lợi nhuận sau thuế`; `Giá của Nokia G10 và G20` -> `Giá của Nokia G20`."""
    lowered = [w.lower() for w in first]
    if len(words) > 2 or len(first) < 2:
        return words
    if words[0].lower() in lowered[1:]:  # the same first word: the head is what comes before it
        return first[: lowered.index(words[0].lower(), 1)] + words
    if len(words) == 2 and words[1].lower() in lowered[2:]:  # the same last word
        return first[: lowered.index(words[1].lower(), 2) - 1] + words
    if len(words) == 1 and _CODE.fullmatch(words[0]) and _CODE.fullmatch(first[-1]):
        return first[:-1] + words  # one model code for another
    return words


def _items(concept: str, k: int) -> list[str]:
    """The k coordinated items of a concept (`A, B và C`), each a whole phrase (a rate's head and a
    shared head written once go to every item); [] when the concept is no list of k."""
    parts = _ITEM_SPLIT.split(concept)
    if parts and (verb := _PREDICATE.search(parts[-1])):
        parts[-1] = parts[-1][: verb.start()].rstrip()  # `… và châu Mỹ tăng trưởng tích cực`: said of all
    if len(parts) != k or any(not p or len(p.split()) > MAX_ITEM_WORDS for p in parts):
        return []
    first = parts[0].split()
    out = [parts[0]]
    rate = phrase_re("rate_heads").match(parts[0].lower())
    for part in parts[1:]:
        if rate and not phrase_re("rate_heads").match(part.lower()):
            part = f"{parts[0][: rate.end()]} {part}"  # `tỷ lệ hộ nghèo và cận nghèo`: both rates
        out.append(" ".join(_with_head(first, part.split())))
    return out
