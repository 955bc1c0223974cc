"""From an analysed document (normalized text, sentences, numerals, word tokens)
to indicator records with their semantics, in offsets of the text as read."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from functools import cache

from .concept import concept, object_after, phrase_after, sentence_subject
from .lexicon import load_json
from .period import choose, passes_on, periods
from .period import normalize as normalize_period
from .quantities import Quantity, read_quantities
from .records import Indicator
from .segment import Sentence
from .semantics import change, comparator, locations, reference
from .tokenizer import Analysis, syllables

HEADLINE_MAX = 250
CONCEPT_REACH = 300  # characters around a number where its concept is read
_SHARE_OF = re.compile(
    r" (?:số|tổng số) \w"
)  # `99,4% số xã có …`  # a first line this short (and not the only one) is a headline


@cache
def _not_counted() -> frozenset[str]:
    return frozenset(load_json("context.json")["not_counted"])


def counted_noun(a: Analysis, q: Quantity, hi: int) -> str | None:
    """The counted noun after a count or ratio, from the word tokens, as written
    (lower-cased): `57 đảng viên`, `1.500 hộ nghèo`, `3 "nghi phạm"`."""
    tokens = a.tokens_after(q.start, q.end)
    starts = [s for s, _ in tokens]
    k = bisect.bisect_left(starts, q.end)
    low = a.norm.lower
    picked: list[tuple[int, int]] = []
    prev_end = q.end
    while k < len(tokens) and len(picked) < 2:
        s, e = tokens[k]
        if s >= hi:
            break
        gap = low[prev_end:s]
        if gap.strip(' "“”') or (picked and gap.strip()):
            break
        w = low[s:e]
        if not w[0].isalpha():
            if not picked and w in ('"', "“"):
                prev_end, k = e, k + 1
                continue
            break
        if w in _not_counted():
            break
        if not picked and w in ("số", "số lượng", "tổng số"):
            prev_end, k = e, k + 1  # `1/3 số hộ`, `một nửa tổng số phiếu`: the counted noun follows
            continue
        if picked and len(low[picked[0][0] : picked[0][1]].split()) > 1:
            break  # `cán bộ` is a whole noun; a one-syllable head takes one more word (`hộ nghèo`)
        picked.append((s, e))
        prev_end = e
        k += 1
    if not picked:
        return None
    first_s, first_e = picked[0]
    if low.startswith("số ", first_s) and first_e - first_s > 3:
        picked[0] = (first_s + 3, first_e)  # underthesea glued `số hộ`
    rs, _ = a.norm.to_raw(picked[0][0], picked[0][1])
    _, re_ = a.norm.to_raw(picked[-1][0], picked[-1][1])
    return " ".join(_written(a, rs, re_).lower().split())


@cache
def _links() -> tuple[str, ...]:
    return tuple(load_json("context.json")["elided_noun_links"])


def elided_nouns(records: list[tuple[Quantity, str | None]], low: str) -> None:
    """A count written without its noun borrows it from a neighbour in the sentence:
    `khiển trách 91, cảnh cáo 16` after `111 đảng viên`; `11 trong tổng số 24 quận`."""
    for idx, (q, noun) in enumerate(records):
        if q.kind != "number" or q.unit is not None or noun is not None:
            continue
        nxt = records[idx + 1] if idx + 1 < len(records) else None
        if nxt and nxt[0].kind == "count" and nxt[0].unit:
            between = low[q.end : nxt[0].start].strip(" ,")
            if between in _links() or between.startswith(("trong tổng số", "trên tổng số")):
                q.kind, q.unit = "count", nxt[0].unit
                continue
        prev = [r for r, _ in records[:idx] if r.kind == "count" and r.unit]
        if prev and q.value == int(q.value) and not q.word_numeral:
            q.kind, q.unit = "count", prev[-1].unit


_PER_N = re.compile(
    r"\s+([^\W\d_]+(?: [^\W\d_]+)?)\s?/\s?(1(?:0{1,2})?(?:\.000)+|10{1,6})\s+([^\W\d_]+)"
)  # per 100, 1.000, 10.000 …
_WS_RUN = re.compile(r"\s+")
_TO_LEVEL = re.compile(r"\s*(?:(?:lên|xuống)(?:\s+(?:còn|đến|tới))?|còn|đến|tới)\s*(?:mức\s*)?$")
_LIST_SEP = re.compile(r"\s*(?:,|và)\s*$")


def shared_units(records: list[tuple[Quantity, str | None]], low: str) -> None:
    """A bare number takes the unit the next number writes for both: `từ 3.000 lên 5.000 tấn`
    (tấn), `lần lượt là 91, 82, 75,4%` (%)."""
    for idx in range(len(records) - 2, -1, -1):
        q, nxt = records[idx][0], records[idx + 1][0]
        if q.kind != "number" or q.unit is not None or q.word_numeral or nxt.kind not in ("measure", "percent"):
            continue
        between = low[q.end : nxt.start]
        if (nxt.kind == "measure" and _TO_LEVEL.match(between)) or (nxt.kind == "percent" and _LIST_SEP.match(between)):
            q.kind, q.unit = nxt.kind, nxt.unit


def _written(a: Analysis, rs: int, re_: int) -> str:
    """Words as the input writes them (its tone placement), in NFC so NFD input gives the same records."""
    return unicodedata.normalize("NFC", a.norm.raw[rs:re_])


def _inherit_period(
    spans_by_sentence: _PerSentence, si: int, q: Quantity, a: Analysis, clause: tuple[int, int]
) -> tuple[int, int] | None:
    """Clause, sentence, earlier sentences of the paragraph, then the headline."""
    low = a.norm.lower
    sent = a.sentences[si]
    own = choose(low, spans_by_sentence[si], q.start, q.end, clause, sent.start)
    if own:
        return own
    return _from_context(spans_by_sentence, si, a, skip_references=True)


class _PerSentence:
    """Spans (periods, places) of each sentence, found when first asked for: most sentences never are."""

    def __init__(self, find: Callable[[Sentence], list[tuple[int, int]]], a: Analysis):
        self.find, self.sentences = find, a.sentences
        self.done: dict[int, list[tuple[int, int]]] = {}

    def __getitem__(self, si: int) -> list[tuple[int, int]]:
        if si not in self.done:
            self.done[si] = self.find(self.sentences[si])
        return self.done[si]


def _from_context(
    spans_by_sentence: _PerSentence, si: int, a: Analysis, skip_references: bool = False
) -> tuple[int, int] | None:
    """The nearest span of an earlier sentence of the paragraph, else the headline's.

    Remembered per sentence, and found by walking back without recursion: a paragraph
    may hold thousands of sentences."""
    cache = a.memo.setdefault(("context", id(spans_by_sentence), skip_references), {})
    if si in cache:
        return cache[si]
    low = a.norm.lower
    para = a.sentences[si].paragraph
    visited = [si]
    result: tuple[int, int] | None
    j = si - 1
    while j >= 0 and a.sentences[j].paragraph == para:
        own = [sp for sp in spans_by_sentence[j] if not skip_references or passes_on(low, sp, a.sentences[j].start)]
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
        heads = [sp for j, s in enumerate(a.sentences) if s.paragraph == 0 for sp in spans_by_sentence[j]]
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
    return _from_context(spans_by_sentence, si, a)


def indicators(a: Analysis, all_kinds: bool = False) -> list[Indicator]:
    """Records for the analysed document; `all_kinds` also returns dates, years, ordinals …"""
    norm = a.norm
    text, low, written = norm.text, norm.lower, norm.written
    period_spans = _PerSentence(lambda s: periods(low, s.start, s.end), a)
    location_spans = _PerSentence(lambda s: locations(text, s.start, s.end), a)
    out: list[Indicator] = []
    n_index = 0
    last_in_sentence: tuple[str | None, str, int, int] | None = None
    groups: list[tuple[int, str]] = []  # (sentence, counted noun) of the counts so far
    nums = a.numerals
    for si, sent in enumerate(a.sentences):
        mine = []
        while n_index < len(nums) and nums[n_index].start < sent.end:
            if nums[n_index].start >= sent.start:
                mine.append(nums[n_index])
            n_index += 1
        found: list[tuple[Quantity, str | None]] = []
        if not mine and "gấp" not in low[sent.start : sent.end]:
            continue  # no numeral, no `gấp đôi`: nothing to read here
        swallowed = -1
        for q in read_quantities(text, low, sent.start, sent.end, mine):
            if q.start == swallowed:
                continue  # the `10.000` of `5,83 vụ/10.000 dân`
            noun = None
            if q.kind in ("count", "ratio") and q.unit is None:
                noun = counted_noun(a, q, sent.end)
                if noun:
                    q.unit = noun
                elif q.kind == "count":
                    q.kind = "number"
            rate = _PER_N.match(low, q.end, sent.end) if q.kind == "count" else None
            if rate:  # `5,83 vụ/10.000 dân`: a rate per so many, a measure in its own unit
                q.kind, q.unit, q.end = (
                    "measure",
                    _WS_RUN.sub(" ", written[rate.start(1) : rate.end()]).lower(),
                    rate.end(),
                )
                swallowed, noun = rate.start(2), None
            found.append((q, noun))
        elided_nouns(found, low)
        shared_units(found, low)
        for q, _ in found:
            if (
                q.kind == "number"
                and q.unit is None
                and _name_head().search(low, max(sent.start, q.start - 20), q.start)
            ):
                q.kind = q.why = "identifier"  # `Kết luận 21`, `thang điểm 100`: a bare number that names
        found_starts = [x.start for x, _ in found]
        for q, noun in found:
            if not q.is_indicator and not all_kinds:
                continue
            clause = next(((lo, hi) for lo, hi in sent.clauses if lo <= q.start < hi), (sent.start, sent.end))
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
            rec.comparator = comparator(low, q, clause[0])
            rec.change = change(low, q, clause[0])
            rec.reference = reference(low, written, q, clause[1])
            # only what lies near the number, in its clause, can touch the concept
            lo_c, hi_c = max(clause[0], q.start - CONCEPT_REACH), min(clause[1], q.end + CONCEPT_REACH)
            skip = [sp for sp in period_spans[si] + location_spans[si] if sp[1] > lo_c and sp[0] < hi_c]
            k = bisect.bisect_left(found_starts, lo_c - CONCEPT_REACH)
            while k < len(found) and found[k][0].start < hi_c:
                x = found[k][0]
                if x is not q and x.end > lo_c:
                    skip.append((x.start, x.end))
                k += 1
            previous = last_in_sentence if last_in_sentence and last_in_sentence[3] == si else None
            after = ""
            if q.kind in ("count", "ratio", "measure") or (q.kind == "percent" and _SHARE_OF.match(low, q.end)):
                reach = min(sent.end, q.end + CONCEPT_REACH)  # past a comma only for a list of nouns
                after = phrase_after(written, low, syllables(text, q.end, reach), q.end, reach)
            elif q.kind == "money" or (q.kind == "percent" and rec.reference is None):
                after = object_after(written, low, syllables(text, q.end, clause[1]), q.end, clause[1])
            noun_c, after_len = noun, len(after)
            word = _generic_head(q.unit) if q.kind == "count" else None
            if word:
                # `5 người bị khai trừ` after `201 đảng viên`: the group is what is counted
                group = next((u for j, u in reversed(groups) if si - j <= 0), None)
                if group and after.lower().startswith(word):
                    after = f"{group} {after[len(word) :].strip()}".strip()
                noun_c = group
            subject = sentence_subject(written, low, sent.clauses[0], skip) if sent.clauses[0] != clause else None
            rec.concept, predicate = concept(
                written, low, q.start, clause[0], skip, noun_c, previous[:3] if previous else None,
                rec.reference, after, q.kind, subject,
            )  # fmt: skip
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
            if q.kind == "percent" and rec.change is None and rec.reference is None and rec.concept:
                rec.concept = _as_share(rec.concept, a)
            p = _inherit_period(period_spans, si, q, a, clause)
            if p:
                ps, pe = norm.to_raw(*p)
                rec.period = _written(a, ps, pe)
                rec.period_norm = normalize_period(rec.period)
            loc = _inherit_location(location_spans, si, q, a)
            if loc:
                ls, le = norm.to_raw(*loc)
                rec.location = _written(a, ls, le)
            out.append(rec)
            if q.kind == "count" and q.unit and not _generic_head(q.unit):
                groups.append((si, q.unit))
    return out


@cache
def _rate_heads() -> re.Pattern[str]:
    heads = sorted(load_json("context.json")["rate_heads"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")(?!\w)")


def _as_share(concept: str, a: Analysis) -> str:
    """A percent stated as a level, neither a change nor of a reference, is a share:
    `đất đô thị chiếm 5,81%` -> `tỷ lệ đất đô thị` (spelled tỉ lệ where the article does)."""
    if _rate_heads().search(concept.lower()):
        return concept
    if "share word" not in a.memo:  # counted once per document
        low = a.norm.lower
        a.memo["share word"] = "tỉ lệ" if low.count("tỉ lệ") > low.count("tỷ lệ") else "tỷ lệ"
    return f"{a.memo['share word']} {concept}"


@cache
def _name_head() -> re.Pattern[str]:
    heads = sorted(load_json("context.json")["number_name_heads"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(h) for h in heads) + r") $")


@cache
def _generic_nouns() -> frozenset[str]:
    return frozenset(load_json("context.json")["generic_counted_nouns"])


def _generic_head(unit: str | None) -> str | None:
    """`người`, `đồng chí` when the counted noun starts with one: a person of some group."""
    low = (unit or "").lower()
    return next((w for w in _generic_nouns() if low == w or low.startswith(w + " ")), None)
