"""Orchestration: text -> list[Figure] (figures.md).

Stages: normalise (working copy + offset map) -> numbers and masks -> periods ->
statistics boxes -> metrics and channels -> totals from breakdowns -> period, subject,
level -> consistency flags -> Figures with evidence spans into the original text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass

from extract import confidence, consistency, numbers, periods, widgets
from extract.metrics import Draft, Reader
from extract.model import Figure
from extract.normalize import normalize
from extract.options import DEFAULT_OPTIONS, ExtractOptions
from extract.period_scope import Scope
from extract.placing import SubjectPlacer
from extract.segments import Segments

MAX_NUMBERS = 20_000  # numbers read per text: a real page holds a few hundred; bounds digit-dense input
log = logging.getLogger(__name__)


@dataclass
class _Placed:
    draft: Draft
    period: str | None
    subject: str | None
    level: str | None
    source: str
    period_read: str = "own"
    subject_read: str = "own"

    @property
    def metric(self) -> str:
        return self.draft.metric

    @property
    def value(self) -> float:
        return self.draft.value

    @property
    def channel(self) -> str | None:
        return self.draft.channel

    @property
    def flags(self) -> list[str]:
        return self.draft.flags


def extract_figures(
    text: str, *, published: dt.date | None = None, url: str | None = None,
    options: ExtractOptions = DEFAULT_OPTIONS,
) -> list[Figure]:
    """Return the figures stated in `text` (never raises on bad input)."""
    try:
        return _extract(text, published, url, options)
    except Exception:  # robustness contract: any string -> a list
        log.warning("extraction failed: %s", url, exc_info=True)
        return []


def _extract(text: str, published: dt.date | None, url: str | None, options: ExtractOptions) -> list[Figure]:
    if not isinstance(text, str) or not text.strip():
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    if not isinstance(published, dt.date):
        published = None
    text = text[: options.max_chars]
    norm = normalize(text)
    work = norm.text
    mentions = periods.find(work, published)
    nums, _ = numbers.scan(work)
    pstarts = [m.start for m in mentions]
    nums = [n for n in nums if not _inside(n.start, mentions, pstarts)][:MAX_NUMBERS]
    blocks = widgets.find_blocks(work, published)
    seg = Segments.of(work)
    reader = Reader(work, nums, seg)
    skip = {n.start for n in nums for b in blocks if b.head_value is not None and b.head_start <= n.start < b.head_end}
    drafts = reader.read(skip)
    for b in blocks:
        if b.head_value is not None:
            drafts.append(Draft("early_or_on_time_rate", b.head_value, None, b.head_start, b.head_end,
                                b.head_start, b.head_end, kind="rate"))
    drafts.sort(key=lambda d: d.num_start)
    _totals(drafts, seg, options, work)
    placed = _place(drafts, work, seg, mentions, blocks, url)
    placed = _dedupe(placed, _title_end(work), work)
    consistency.check(placed)
    out = []
    for p in placed:
        d = p.draft
        s, e = norm.span(d.start, d.end)
        if e <= s:
            continue
        conf = confidence.score(
            metric_read="layout" if p.source == "widget" else d.read, period_read=p.period_read,
            subject_read=p.subject_read, flagged=bool(d.flags))
        out.append(Figure(
            metric=d.metric, value=_clean(d.value), channel=d.channel, period=p.period,
            subject=p.subject, level=p.level, source=p.source, evidence=text[s:e], start=s, end=e,
            flags=tuple(d.flags), confidence=conf))
    if not out:
        log.debug("no figures: %s", url)
    return out


def _clean(v: float) -> float:
    return int(v) if float(v).is_integer() else round(v, 4)


def _inside(pos: int, mentions: list[periods.Mention], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and mentions[i].start <= pos < mentions[i].end


def _totals(drafts: list[Draft], seg: Segments, options: ExtractOptions, work: str = "") -> None:
    """"tiếp nhận N" is a total when the text's own breakdown shows carried-over dossiers in N."""
    totals: list[Draft] = []
    for i, d in enumerate(drafts):
        if d.metric != "received" or d.explicit_new or d.kind != "count":
            continue
        k = seg.sentence_index(d.num_start)
        for j in range(i + 1, len(drafts)):
            c = drafts[j]
            ck = seg.sentence_index(c.num_start)
            if ck > k + options.sum_window_sentences or c.metric == "total":
                break  # a new whole ("Tổng số hồ sơ cần giải quyết ...") owns the breakdown after it
            if c.metric == "received" and c.channel == d.channel:
                if c.explicit_new and _breakdown(c, drafts[j + 1:j + 4], d):
                    d.metric = "total"  # "tiếp nhận N (tiếp nhận mới A, kỳ trước chuyển sang B)"
                    totals.append(d)
                break
            if c.metric == "carried_over" and c.channel == d.channel and c.value < d.value:
                if _side_by_side(work, d, c):
                    break  # "Đã tiếp nhận: 12.345 / Tồn kỳ trước: 210": two labels of a box, not a whole and its part
                if not _sums_to_total(d, c, drafts[j + 1:j + 4]) and not _exceeded(d, drafts[j + 1:j + 4]):
                    d.metric = "total"
                    totals.append(d)
                break
    if not totals:
        return
    by_value: dict[tuple[float, str | None], list[Draft]] = {}
    for d in drafts:
        if d.metric == "received":
            by_value.setdefault((d.value, d.channel), []).append(d)
    for t in totals[:50]:
        for d in by_value.get((t.value, t.channel), []):
            d.metric = "total"
        group = [d for d in drafts if d.metric == "received" and d.channel is None and d.num_start > t.num_end
                 and not d.explicit_new][:20]
        for size in range(2, options.max_parts + 1):
            for j in range(0, len(group) - size + 1):
                part = group[j:j + size]
                if abs(sum(p.value for p in part) - t.value) <= 1:
                    for p in part:
                        p.metric = "total"
                    break


_LABELLED = re.compile(r":[ \t]*$")
RESOLVED_KINDS = {"resolved", "early", "on_time", "early_or_on_time", "late"}


def _side_by_side(work: str, received: Draft, carried: Draft) -> bool:
    """Received and carried-over as separate "label: value" lines of a statistics box."""
    gap = work[received.num_end:carried.num_start]
    return bool(work and re.search(r"[\n|\t]", gap) and not re.search(r"(?i:\(|trong\s+đó|gồm|bao\s+gồm)", gap)
                and _LABELLED.search(work, max(0, received.num_start - 3), received.num_start)
                and _LABELLED.search(work, max(0, carried.num_start - 3), carried.num_start))


def _sums_to_total(received: Draft, carried: Draft, rest: list[Draft]) -> bool:
    """"tiếp nhận 700; cộng với 50 kỳ trước chuyển sang, tổng số ... là 750": the received
    count is a part of the stated total, not the total itself."""
    return any(t.metric == "total" and t.channel == received.channel
               and abs(received.value + carried.value - t.value) <= 1 for t in rest)


def _exceeded(received: Draft, rest: list[Draft]) -> bool:
    """More dossiers resolved (or resolved in time) than "tiếp nhận N": N leaves the
    carried-over ones out."""
    return any(r.metric in RESOLVED_KINDS and r.channel == received.channel and r.kind == "count"
               and r.value > received.value for r in rest)


def _breakdown(new: Draft, rest: list[Draft], whole: Draft) -> bool:
    """Whether new dossiers and a carried-over count right after them add up to `whole`."""
    return any(c.metric == "carried_over" and c.channel == whole.channel and abs(new.value + c.value - whole.value) <= 1
               for c in rest)


def _place(drafts: list[Draft], work: str, seg: Segments, mentions: list[periods.Mention],
           blocks: list[widgets.Block], url: str | None) -> list[_Placed]:
    placer = SubjectPlacer(work, seg, url)
    placer.mark_heads(drafts)
    out: list[_Placed] = []
    scope = Scope(work, seg, mentions, sorted(d.num_start for d in drafts))
    mstarts = [m.start for m in mentions]
    for d in drafts:
        block = next((b for b in blocks if b.start <= d.num_start < b.end), None)
        period = block.period if block and block.period else scope.period(d)
        if block:
            subj, subject_read = placer.default, "default"
        else:
            subj, subject_read = placer.place(d)
        out.append(_Placed(d, period, subj[0], subj[1], "widget" if block else "article",
                           _period_read(period, d, seg, mentions, mstarts, block), subject_read))
    return out


def _period_read(period: str | None, d: Draft, seg: Segments, mentions: list[periods.Mention],
                 mstarts: list[int], block: widgets.Block | None) -> str:
    """Whether a figure's period was named in its own sentence (or box), taken from
    earlier text, or is unknown (for the confidence)."""
    if period is None:
        return "none"
    if block is not None and block.period:
        return "own"
    ss, se = seg.sentence(d.num_start)
    own = mentions[bisect.bisect_left(mstarts, ss):bisect.bisect_left(mstarts, se)]
    return "own" if any(m.value == period for m in own) else "lead"


_TITLE = re.compile(r"\s*(?:[^\w\n]*\n\s*)*(?P<title>[^\n]{1,200})\n")


def _title_end(work: str) -> int:
    """End of the text's title: its first line holding words, when it is short and not a
    sentence of the body (no final full stop); 0 when there is none."""
    m = _TITLE.match(work)
    if m is None or m.group("title").rstrip().endswith((".", ":", ";")):
        return 0
    return m.end("title")


HEADLINE_CHARS = 220  # a title line is short
HEADLINE_ZONE = 1200  # and comes before the body, after at most a few menu or date lines


def _in_headline(work: str, pos: int) -> bool:
    """Whether `pos` sits in a title-like line near the top: a short line of its own, no
    table row, that ends without a full stop."""
    if not work or pos > HEADLINE_ZONE:
        return False
    s = work.rfind("\n", 0, pos) + 1
    e = work.find("\n", pos)
    line = work[s:e if e != -1 else len(work)].strip()
    return (e != -1 and len(line) <= HEADLINE_CHARS and not line.endswith((".", ";", ":", ","))
            and "|" not in line and "\t" not in line)


def _dedupe(placed: list[_Placed], title_end: int = 0, work: str = "") -> list[_Placed]:
    """A figure stated twice (same metric, value, channel, period, subject) is kept once;
    a restatement without a period (a headline) merges into the dated one, and so does a
    title's figure that names no subject of its own into the same figure of the body, and
    a non-zero figure of a title-like line near the top whatever unit it names ("Kiến
    Xương: Tiếp nhận, giải quyết trên 9.700 thủ tục" after a dateline line).
    A title's non-zero figure without a period that the body states with one is the body's. A late
    count equal to a pending_late one of the text is that stock named again."""
    seen: set[tuple[object, ...]] = set()
    dated = {(p.metric, round(p.value, 4), p.channel, (p.subject or "").lower()) for p in placed if p.period}
    body = {(p.metric, round(p.value, 4), p.channel, p.period) for p in placed if p.draft.num_start >= title_end}
    body_dated = {k[:3] for k in body if k[3]}
    still_open = {(round(p.value, 4), p.channel) for p in placed if p.metric == "pending_late" and p.value}
    headline = {id(p) for p in placed if p.value and _in_headline(work, p.draft.num_start)}
    below = {(p.metric, round(p.value, 4), p.channel, p.period) for p in placed if id(p) not in headline}
    stated: dict[tuple[object, ...], list[str | None]] = {}
    out = []
    for p in placed:
        if p.metric == "late" and (round(p.value, 4), p.channel) in still_open:
            continue  # "Trong số 5.830 hồ sơ quá hạn ..." restates the open overdue stock
        base = (p.metric, round(p.value, 4), p.channel, (p.subject or "").lower())
        key = base + (p.period,)
        if key in seen or (p.period is None and base in dated):
            continue
        if p.draft.num_start < title_end and (p.subject_read != "own" and base[:3] + (p.period,) in body
                                               or p.value and p.period is None and base[:3] in body_dated):
            continue  # a title restating a body figure (the body says its period and unit)
        if id(p) in headline and base[:3] + (p.period,) in below:
            continue
        same = base[:3] + (p.period,)
        if p.value and p.draft.kind != "rate" and any(_same_unit(p.subject, q) for q in stated.get(same, ())):
            continue  # "Hà Nội xếp thứ 3 ..., TP Hà Nội đứng thứ 3 ...": one figure, its unit named twice
        stated.setdefault(same, []).append(p.subject)
        seen.add(key)
        out.append(p)
    return out


def _same_unit(a: str | None, b: str | None) -> bool:
    """Whether two names of a unit name the same one: one's words hold the other's ("Hà Nội",
    "TP Hà Nội"; "TP.HCM", "Văn phòng đăng ký đất đai TP.HCM")."""
    if not a or not b:
        return False
    x, y = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return bool(x and y) and (x <= y or y <= x)
