"""Metrics: decide what each number of a text measures (figures.md "Metrics").

Each candidate number is read against the cue phrases around it (lexicon/metrics.toml,
indices.toml, negatives.toml): counts need a dossier unit ("hồ sơ", "trường hợp") or a
"label: value" layout; percentages bind to their own cue, else to the count they follow;
PAR scores and ranks need a PAR-index cue nearby; a part after "trong đó" takes its
whole's metric and channel when it has no cue of its own.
"""

from __future__ import annotations

import bisect
import re

from extract import lexicon
from extract.channels import ChannelIndex, as_channel
from extract.drafts import RATE_OF, Cues, Draft, _best
from extract.indices import REACH, IndexMixin
from extract.inheritance import Lead, LeadMixin
from extract.leads import Lists
from extract.leads import find as find_lists
from extract.lexicon import Cue, structure
from extract.numbers import Num
from extract.segments import Segments

_APPROX = re.compile(r"(?:\s*(?:gần|hơn|trên|khoảng|xấp xỉ|tới|được|lên|đến|là|:|\(|chừng|ước|gần như|tổng cộng|tổng số))*\s*$", re.I)
_LINK = re.compile(r"^[\s,(]*(?:hồ sơ|HS|trường hợp|thủ tục|TTHC)?[^\d.;]{0,30}$", re.I)
_ZERO = re.compile(r"(?i:không\s+(?:có|phát\s+sinh|để\s+(?:xảy\s+ra\s+)?(?:tình\s+trạng\s+)?)\s*"
                   r"(?:hồ\s+sơ|trường\s+hợp|TTHC|thủ\s+tục)(?:\s+nào)?)")
_UNIT_GAP = re.compile(r"^\s*(?:hồ\s+sơ|HS|trường\s+hợp|thủ\s+tục|TTHC)\s*(?:được\s+|bị\s+|đã\s+)?$", re.I)
_LOCAL_CUT = re.compile(r"[;()|]|,\s")
_CELL_BEFORE = re.compile(r"[^\s|][ \t]*\|[ \t]*$")
_NEXT_LABEL = re.compile(r"[^\n,;:]{1,60}:")  # the unit word opens a label of its own ("Hồ sơ đã giải quyết:")
_OFFICE = re.compile(r"(?i:bộ\s+phận|hệ\s+thống\s+thông\s+tin|hệ\s+thống|phần\s+mềm|cơ\s+chế)\s*$")
_LATE_FAMILY = {"late", "pending_late"}
_MET_QUALIFIERS = {"các", "mức", "toàn", "bộ"}  # "vượt mức chỉ tiêu", "hoàn thành toàn bộ các mục tiêu"
_SHARE = re.compile(r"(?i:t[ỷỉ]\s+lệ\s+hồ\s+sơ(?:\s+(?:nộp|tiếp\s+nhận))?\s*)$")
# "(Trong đó,) hồ sơ (nộp) trực tuyến chiếm (tỷ lệ) 88,6%": a channel's share of the dossiers
_SHARE_HEAD = re.compile(r"(?i:(?<![^\W_])hồ\s+sơ(?:\s+(?:được\s+)?(?:nộp|tiếp\s+nhận|gửi))?\s*)$")
_SHARE_VERB = re.compile(r"(?i:[^\d.;,%]{0,25}?(?<![^\W_])chiếm(?:\s+t[ỷỉ]\s+lệ)?(?:\s+(?:là|khoảng|gần|hơn|trên|xấp\s+xỉ))?\s*)")
# "86 thủ tục được cung cấp dịch vụ công trực tuyến một phần", "20 thủ tục (thực hiện) toàn trình",
# "310 TTHC được tích hợp lên cổng dịch vụ công"
_ONLINE_AFTER = re.compile(
    r"(?i:\s*(?:hành\s+chính\s+|TTHC\s+)?(?:đã\s+)?(?:được\s+)?(?:cung\s+cấp|thực\s+hiện|triển\s+khai|tích\s+hợp)?\s*"
    r"(?:(?:dưới\s+hình\s+thức\s+|trên\s+)?(?:dịch\s+vụ\s+công\s+)?(?:trực\s+tuyến|toàn\s+trình|một\s+phần|mức\s+độ\s+[34])"
    r"|lên\s+cổng\s+dịch\s+vụ\s+công)"
    r"(?![^\W_]))")
_CHAIN_BREAK = re.compile(r"(?i:[;:()]|trong\s+đó|tổng|(?<![^\W_])(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|tỉnh|thành\s+phố|riêng)(?![^\W_]))")
_DIGITISED = re.compile(r"(?i:[\s\-–•*+]*(?:việc\s+|công\s+tác\s+|kết\s+quả\s+)?số\s+h(?:óa|oá)(?![^\W_]))")
_JOINED = re.compile(r"(?i:(?<![^\W_])và(?![^\W_])|,)")
_VALUE_NEXT = re.compile(r"\s*(?:được\s+|là\s+|:\s*)?\d")
_BARE_END = re.compile(r"[ \t]*(?:[,;.)/\n]|\(|$|và\s)")
# "100% hồ sơ (thuộc lĩnh vực ...) được giải quyết ", "Trên 98% thủ tục hành chính được giải quyết
# (thủ tục) ": the head of a postposed timeliness cue
_OPENING_RATE = re.compile(
    r"(?i:\s*(?:(?:số\s+)?hồ\s+sơ(?:\s+(?:thủ\s+tục\s+hành\s+chính|TTHC))?|thủ\s+tục\s+hành\s+chính|TTHC)\s*"
    r"(?:\([^()\n\d%]{0,80}\)\s*)?(?:đều\s+|đã\s+)*được\s+(?:tiếp\s+nhận\s+và\s+)?(?:giải\s+quyết|xử\s+lý|trả\s+kết\s+quả)\s+"
    r"(?:(?:thủ\s+tục|hồ\s+sơ)\s+)?)")
_RANGE_GAP = re.compile(r"(?i:\s*(?:thủ\s+tục(?:\s+hành\s+chính)?|TTHC)?\s*(?:xuống|giảm|còn|lên|tăng)(?:\s+(?:còn|lại\s+còn|thành))?\s*)")
_TIMELINESS = {"early", "on_time", "early_or_on_time", "late"}
_OPEN = {"pending", "pending_not_due"}
_BARE_FILLERS = {"là", "đạt", "khoảng", "gần", "hơn", "trên", ":", "chỉ", "đạt:"}
TOPIC_REACH = 1500  # chars back to the rate a bare "với tỷ lệ 83,48%" continues
VERB_GAP = 18  # chars between a processing verb and its count of TTHC ("giải quyết trên 9.700 thủ tục")
SHARE_TOLERANCE = 0.6  # percentage points for a whole percentage ("gần 66%" for 3.845 of 5.830,
# 65,95%); a tenth of it when the percentage has decimals ("65,9%")


def _colon_before(work: str, pos: int) -> bool:
    """"Đã giải quyết: 1076": a label's colon right before `pos` (spaces or tabs between)."""
    return work[max(0, pos - 4):pos].rstrip(" \t").endswith(":")


def _word_before(work: str, pos: int, word: str) -> bool:
    """Whether the last word before `pos` (white space between) is `word` ("là 197", "từ 1.950")."""
    head = work[max(0, pos - len(word) - 4):pos].rstrip().lower()
    return head.endswith(word) and not head[:-len(word)][-1:].isalnum()


def _family(metric: str) -> str:
    """Late dossiers still open and those resolved late are one family for shares."""
    return "late" if metric in _LATE_FAMILY else metric


# bare verbs that are parts of other words: "ghi nhận", "nhận thức", "trả lời", "nộp thuế"
_LABEL_ONLY = {"mới", "tồn"}


def _not_a_verb(work: str, cue: tuple[int, int, Cue]) -> bool:
    """"mới 800 hồ sơ, tồn 20 hồ sơ": "mới" and "tồn" are cues only as a label before a value
    (the bare verbs inside other words, "ghi nhận", "nộp thuế", are negatives.toml [mask.cue])."""
    return cue[2].phrase.lower() in _LABEL_ONLY and not _VALUE_NEXT.match(work, cue[1])


def _masked(work: str, cue: tuple[int, int, Cue], mask: tuple[int, int]) -> bool:
    """A cue starting inside a mask phrase, or ending in one with its last word ("đã nhận"
    in "đã nhận thức"), is not a cue."""
    s, e = mask
    return s <= cue[0] < e or (s < cue[1] < e and " " not in work[s:cue[1]])


class Reader(IndexMixin, LeadMixin):
    """Reads the numbers of one working text into drafts."""

    def __init__(self, work: str, nums: list[Num], seg: Segments):
        self.work = work
        self.seg = seg
        masks = [(s, e) for s, e, _ in lexicon.negative_cues("mask").all(work)]
        self.metric = Cues([c for c in lexicon.metric_cues().all(work)
                            if not (_OFFICE.search(work[max(0, c[0] - 20):c[0]]) and not _VALUE_NEXT.match(work, c[1]))
                            and not _not_a_verb(work, c) and not any(_masked(work, c, m) for m in masks)])
        self.index = Cues(lexicon.index_cues().all(work))
        self.procedure = Cues(lexicon.procedure_cues().all(work))
        self.rate_words = Cues(lexicon.rate_words().all(work))  # every "tỷ lệ" is a head; "tỷ lệ này" points back
        self.units = Cues(lexicon.unit_cues().all(work))
        self.pending = Cues(structure().pending.all(work))
        veto = lexicon.negative_cues("veto").all(work)
        self.veto = {k: Cues([v for v in veto if v[2].label == k]) for k in ("before", "clause", "sentence", "after", "rate_after", "rate_of")}
        self.channels = ChannelIndex(work, lexicon.channel_cues().all(work))
        target = Cues(lexicon.negative_cues("target").all(work))
        self.done = Cues([c for c in target.found if c[2].label == "done"])
        self.targets = [(s, e) for s, e, c in target.found if c.label == "plan" and not any(
            c2.label == "met" and set(work[e2:s].lower().split()) <= _MET_QUALIFIERS
            for _, e2, c2 in target.within(max(0, s - 25), s))]
        self.target_starts = [t[0] for t in self.targets]
        self.nums = nums
        self.num_starts = [n.start for n in nums]
        self.drafts: list[Draft] = []
        self.at_number: dict[int, list[Draft]] = {}  # drafts by the start of their number
        self.rates: list[Draft] = []  # rate drafts, by number start
        self.rate_starts: list[int] = []
        self.counts: list[Draft] = []  # count drafts, in text order
        self.count_starts: list[int] = []
        self.consumed: set[int] = set()
        self.zero_carry: list[tuple[Draft, int, int]] = []  # zero statements opening a clause after ";"
        self.wholes: list[Draft] = []  # denominators of "part/whole" counts

    # -- helpers ---------------------------------------------------------------
    def unit_after(self, n: Num) -> tuple[str | None, int]:
        if n.percent:
            return "percent", n.end
        for s, e, c in self.units.within(n.end, n.end + 40):
            gap = self.work[n.end:s]
            if "\n" in gap and (_CELL_BEFORE.search(self.work, max(0, n.start - 4), n.start)
                                 or _colon_before(self.work, n.start)
                                 and _NEXT_LABEL.match(self.work, s)):
                break  # "Hồ sơ tiếp nhận | 3.456\nHồ sơ đã giải quyết | ...", "…: 1079\nHồ sơ
                # đã giải quyết: 1076": the next row's label, not this value's unit
            if gap.strip(" ()") == "" or re.fullmatch(r"\s*(?:ngàn|nghìn)?\s*", gap):
                return c.label, e
            break
        return None, n.end

    def colon_layout(self, n: Num) -> bool:
        before = self.work[max(0, n.start - 4):n.start]
        if not _colon_before(self.work, n.start) and not _CELL_BEFORE.search(before):
            return False
        after = self.work[n.end:n.end + 3]
        return after == "" or after[0] in "\n\r ();.," or after.startswith(" \n")

    def label_layout(self, n: Num) -> bool:
        """"Số hồ sơ đã giải quyết là 197, ...": a dossier label, "là", then a bare count."""
        if n.word or not _word_before(self.work, n.start, "là"):
            return False
        if not _BARE_END.match(self.work, n.end):
            return False
        s = max(self.seg.sentence(n.start)[0], n.start - 160)
        return self._names_dossiers(s, n.start)

    def _names_dossiers(self, a: int, b: int) -> bool:
        return any(c.label == "dossier" for _, _, c in self.units.within(a, b))

    def breakdown_layout(self, n: Num) -> bool:
        """"..., trong đó trước hạn 492, đúng hạn 4, trễ hạn 5": a bare number right after
        its cue, in the breakdown of a count, counts the whole's unit."""
        if n.word or not _BARE_END.match(self.work, n.end):
            return False
        cues = self.metric.within(max(0, n.start - 40), n.start)
        if not cues or not re.fullmatch(r"\s*(?:là|:)?\s*", self.work[cues[-1][1]:n.start]):
            return False
        lead = self.lead_of(n.start)
        return lead is not None and lead.whole is not None

    def vetoed_before(self, n: Num, a: int) -> bool:
        a = max(a, n.start - 60)
        head = self.work[a:n.start]
        m = _APPROX.search(head)
        cut = m.start() if m else len(head)
        for s, e, _ in self.veto["before"].within(a, n.start):
            if a + cut - e <= 1 or n.start - e <= 1:
                return True
        if self.veto["clause"].within(max(a, self.seg.clause(n.start)[0]), n.start) \
                or self.veto["sentence"].within(max(self.seg.sentence(n.start)[0], n.start - REACH), n.start):
            return True
        return self.in_target(n.start)

    def in_target(self, pos: int) -> bool:
        """Targets and plans ("phấn đấu", "theo kế hoạch", "chỉ tiêu", "mục tiêu") scope the
        rest of their sentence, clauses after ";" included, or of their bracket."""
        k = bisect.bisect_left(self.target_starts, pos) - 1
        if k < 0 or self.targets[k][0] < max(self.seg.sentence(pos)[0], pos - 400):
            return False
        ts = self.targets[k][0]
        opened = self.work.rfind("(", max(0, ts - 60), ts)
        if opened != -1 and self.work.find(")", opened, ts) == -1 and -1 < self.work.find(")", ts, pos) < pos:
            return False  # "đạt 63,47% (mục tiêu 70%), còn khối tỉnh chỉ đạt 18,54%": the bracket ends the target
        return self.targets[k][1] > pos or not self.done.within(self.targets[k][1], pos)

    def vetoed_after(self, end: int, rate: bool = False) -> bool:
        found = sorted(self.veto["after"].within(end, end + 120) + self.veto["sentence"].within(end, end + 30)
                       + (self.veto["rate_after"].within(end, end + 120) if rate else []))
        for s, e, c in found:
            gap = self.work[end:s]
            if re.search(r"[,;.()\n]|\d", gap):
                return False
            if len(gap.strip()) == 0 or c.label == "rate_after":
                return True
        return False

    def local_start(self, a: int, pos: int) -> int:
        """Start of the phrase a number belongs to: after the last ";", ", " or bracket
        (a colon does not cut: "Số hồ sơ xử lý: 498"), but never inside a cue."""
        m = prev = None
        for m in _LOCAL_CUT.finditer(self.work, a, pos):
            if m.group(0) == "|" and not self.work[m.end():pos].strip():
                m = prev  # the table cell separator right before the number is its own label's
                break
            prev = m
        cut = m.end() if m is not None else a
        # an earlier "label:" cuts too; the colon right before the number is its own label's
        colon = self.work.rfind(":", cut, pos)
        if colon != -1 and not self.work[colon + 1:pos].strip():
            colon = self.work.rfind(":", cut, colon)
        if colon != -1:
            cut = colon + 1
        if cut == a:
            return a
        for s, e, _ in self.metric.within(max(a, cut - 60), min(pos, cut + 60)):
            if s < cut < e:
                return s
        return cut

    def _boundaries(self) -> None:
        """Which numbers delimit cue windows (figures candidates), and the nearest ones."""
        self.unit = [self.unit_after(n) for n in self.nums]
        flags = [n.percent or self.unit[i][0] is not None or i in self.consumed for i, n in enumerate(self.nums)]
        self.prev_end: list[int] = []
        last = -1
        for i, n in enumerate(self.nums):
            self.prev_end.append(last)
            if flags[i]:
                last = n.end
        self.next_start: list[int] = [0] * len(self.nums)
        nxt = len(self.work)
        for i in range(len(self.nums) - 1, -1, -1):
            self.next_start[i] = nxt
            if flags[i] and i not in self.consumed:
                nxt = self.nums[i].start

    def window_start(self, n: Num, i: int) -> int:
        s = max(self.seg.sentence(n.start)[0], n.start - REACH)
        prev = self.prev_end[i]
        return max(s, prev) if prev <= n.start else s

    def next_boundary(self, n: Num, i: int) -> int:
        return min(self.seg.sentence(n.start)[1], self.next_start[i], n.end + REACH)

    def channel_for(self, a: int, n_start: int, n_end: int, clause_end: int, lead: Lead | None) -> str | None:
        if lead is not None:
            return self.item_channel(lead, n_start, n_end, clause_end)
        label = self.channels.before(self.local_start(a, n_start), n_start)
        if label is None:
            label = self.channels.after(n_end, clause_end)
        if label is None:
            # a fronted adverbial ("Qua dịch vụ bưu chính công ích, ...") holds no figure
            # of its own and sets the channel of the whole sentence
            s = max(self.seg.sentence(n_start)[0], n_start - 2 * REACH)
            intro = self.work.find(", ", s, min(n_start, s + 160))
            k = bisect.bisect_left(self.count_starts, s)
            if intro != -1 and not (k < len(self.count_starts) and self.count_starts[k] < intro):
                # "Thực hiện cơ chế một cửa liên thông, ..." names a mechanism, not a channel
                found = [c for c in self.channels._in(s, intro)
                         if not " ".join(self.work[max(s, c[0] - 12):c[0]].lower().split()).endswith("cơ chế")]
                label = found[-1][2].label if found else None
        if label is None:
            return self.topic_channel(n_start) or self.heading_channel(n_start)
        return as_channel(label)

    def heading_channel(self, pos: int) -> str | None:
        return as_channel(self.channels.heading(self.seg.paragraph(pos)[0], pos))

    def add(self, d: Draft) -> None:
        self.drafts.append(d)
        self.at_number.setdefault(d.num_start, []).append(d)
        if d.kind == "rate":
            k = bisect.bisect_right(self.rate_starts, d.num_start)
            self.rate_starts.insert(k, d.num_start)
            self.rates.insert(k, d)
        if d.kind == "count" and (not self.count_starts or d.num_start >= self.count_starts[-1]):
            self.counts.append(d)
            self.count_starts.append(d.num_start)

    # -- readers ---------------------------------------------------------------
    def read(self, skip: set[int]) -> list[Draft]:
        self._ranks()
        self._tables()
        self._zeros()
        self._boundaries()
        counted = {n.start for i, n in enumerate(self.nums)
                   if i not in self.consumed and self.unit[i][0] not in ("service", "points")}
        self.lists = Lists(find_lists(self.work, self.seg, self.nums, counted,
                                      [(s, e) for s, e, _ in self.metric.found]))
        for i, n in enumerate(self.nums):
            if n.start in skip or i in self.consumed:
                continue
            unit, unit_end = self.unit[i]
            if n.percent:
                self._rate(n, i)
            elif unit == "points" or (n.denominator == 100 and unit is None):
                self._score(n, i, unit_end)
            elif unit == "dossier" or (unit is None and (self.colon_layout(n) or self.label_layout(n)
                                                          or self.breakdown_layout(n))):
                self._count(n, i, unit_end, unit)
            elif unit in ("procedure", "service"):
                self._procedure(n, i, unit, unit_end)
        self._carry_zero_channels()
        self.drafts += self.wholes
        self._drop_unit_shares()
        self._split_joint_counts()
        self.drafts.sort(key=lambda d: d.num_start)
        return self.drafts

    def _split_joint_counts(self) -> None:
        """"tiếp nhận và giải quyết 1.626 hồ sơ, trong đó có 1.091 hồ sơ đã trả kết quả": a
        joint verb states one count for both only until its own breakdown names fewer
        resolved; then the count is the received one. A resolved count whose breakdown
        names dossiers still pending counts those too: it is the total."""
        drop = set()
        for d in self.drafts:
            whole = d.lead.whole if d.lead is not None else None
            if whole is None or d.read != "own" or d.value >= whole.value \
                    or d.channel != whole.channel:  # a channel's part ("trả qua bưu điện 1.174") is no breakdown
                continue
            joint = self.at_number.get(whole.num_start, [])
            if d.metric == "resolved" and {"received", "resolved"} <= {w.metric for w in joint}:
                drop |= {id(w) for w in joint if w.metric == "resolved"}
            elif d.metric == "pending" and [w.metric for w in joint] == ["resolved"] \
                    and self.work[d.lead.enum.marker_start:d.lead.enum.marker_start + 8].lower() == "trong số":
                joint[0].metric = "total"  # "đã giải quyết tổng số 24.234 hồ sơ. Trong số này, ... đang giải quyết"
        self.drafts = [d for d in self.drafts if id(d) not in drop and d.kind != "lumped"]

    def _drop_unit_shares(self) -> None:
        """A percentage that is one count's share of a larger count of the same metric and
        channel in its sentence ("tỉnh còn 5.830 hồ sơ quá hạn, trong đó đặc khu X có 3.845
        hồ sơ (chiếm 65,9%)") is a unit's share of a larger total, not a rate (figures.md)."""
        drop = []
        for r in self.rates:
            if r.read == "layout":
                continue  # a table's % column is a rate of its row
            s, e = self.seg.sentence(r.num_start)
            same = [d for d in self.counts[bisect.bisect_left(self.count_starts, s):bisect.bisect_left(self.count_starts, e)]
                    if d.value > 0 and d.read != "layout"]
            if not same:
                continue
            b = min(same, key=lambda d: abs(d.num_start - r.num_start))  # the count the share is stated with
            tolerance = SHARE_TOLERANCE if float(r.value).is_integer() else SHARE_TOLERANCE / 10
            if any(_family(a.metric) == _family(b.metric) and a.channel == b.channel and a.value > b.value
                   and abs(100 * b.value / a.value - r.value) <= tolerance for a in same):
                drop.append(r)
        if drop:
            gone = {id(d) for d in drop}
            self.drafts = [d for d in self.drafts if id(d) not in gone]

    def _carry_zero_channels(self) -> None:
        """"tiếp nhận và giải quyết 120 hồ sơ liên thông ...; không có hồ sơ trễ hạn": a
        "không có hồ sơ ..." clause that opens after ";" with no subject or channel of its
        own speaks of the dossiers of the clause before it, and takes their channel."""
        for d, s, semi in self.zero_carry:
            own = [c for c in self.drafts if c.kind == "count" and s <= c.num_start < semi]
            if own and own[-1].channel is not None:
                d.channel = own[-1].channel

    def _zeros(self) -> None:
        for m in _ZERO.finditer(self.work):
            if self.in_target(m.start()):
                continue  # "phấn đấu không để hồ sơ trễ hạn": a target, not a result
            s, e = self.seg.sentence(m.start())
            for cs, ce, c in self.metric.within(m.end(), min(e, m.end() + 60)):
                if re.search(r"[,;]", self.work[m.end():cs]):
                    break
                if c.label in _LATE_FAMILY:
                    clause_end = self.seg.clause(m.start())[1]
                    ch = self.channel_for(self.seg.clause(m.start())[0], m.start(), ce, clause_end, None)
                    d = Draft(c.label, 0.0, ch, m.start(), ce, m.start(), ce)
                    self.add(d)
                    semi = self.work.rfind(";", s, m.start())
                    if ch is None and semi != -1 and not self.work[semi + 1:m.start()].strip():
                        self.zero_carry.append((d, s, semi))
                    break

    def _metric_cue(self, a: int, n: Num, b: int, after_number: bool = True
                    ) -> tuple[tuple[int, int, Cue] | None, tuple[int, int, Cue] | None]:
        found = self.metric.within(self.local_start(a, n.start), n.start)
        # "8 hồ sơ quá hạn và 12 hồ sơ đang giải quyết": a cue right after the previous
        # number's unit is that number's, not this one's.
        cell = _CELL_BEFORE.search(self.work, max(0, n.start - 4), n.start) is not None \
            or self.colon_layout(n)  # "Hồ sơ đã giải quyết: 1076" on its own line too
        found = [c for c in found if not (after_number and a > 0 and _UNIT_GAP.match(self.work[a:c[0]]) and a < c[0]
                                          and not cell)]  # a table row's label is its own
        before = _best(found)
        clause_end = min(self.seg.clause(n.end)[1], b)
        after_clause = _best(self.metric.within(n.end, clause_end), nearest_last=False)
        after = _best(self.metric.within(n.end, b), nearest_last=False)
        if (after_clause is not None and _JOINED.search(self.work, n.end, after_clause[0])
                and self._leads_number(after_clause[1])):
            after_clause = None  # "tiếp nhận 356 hồ sơ và trả kết quả đúng hạn cho 350 hồ sơ"
        if before is not None:
            if after_clause is not None and after_clause[2].priority > before[2].priority:
                return after_clause, before
            return before, None
        # a cue after the number is its own when postposed in its clause ("379 hồ sơ được
        # giải quyết đúng hạn"); past a comma, not when it leads a number of its own
        # ("nhận 379 hồ sơ, giải quyết xong 383 hồ sơ")
        if after_clause is None and after is not None and _JOINED.search(self.work, n.end, after[0]) \
                and self._leads_number(after[1]):
            return None, None
        return after_clause or after, None

    def _leads_number(self, pos: int) -> bool:
        k = bisect.bisect_left(self.num_starts, pos)
        if k >= len(self.nums):
            return False
        nxt = self.nums[k].start
        return nxt - pos <= 40 and not re.search(r"[,;:.()\n]", self.work[pos:nxt])

    def _rate(self, n: Num, i: int) -> None:
        v = n.as_measure()
        if v is None or not 0 <= v <= 100:
            return
        a = self.window_start(n, i)
        if self.vetoed_before(n, a) or self.vetoed_after(n.end, rate=True):
            return
        unit, _ = self._unit_after_percent(n)
        s, e = self.seg.sentence(n.start)
        if self._other_rate(s, n.start) or self.class_threshold(n.start):
            return
        local = self.local_start(a, n.start)
        if self._postposed_timeliness(n, s, local):
            return
        lead = self.lead_of(n.start)
        if lead is not None and self._item_rate(n, v, lead, local):
            return
        before = _best(self.metric.within(local, n.start))
        if unit == "procedure" and (before is None or n.start - before[1] > 18):
            return
        idx = self.index.within(max(s, n.start - REACH), n.start)
        idx_near = idx[-1] if idx else None
        clause_end = min(self._stop(n.end, self.next_boundary(n, i)), self.seg.clause(n.end)[1])
        # "18,9% trên tổng số hồ sơ giải quyết": a cue past "tổng" names the denominator
        after = _best([c for c in self.metric.within(n.end, clause_end) if "tổng" not in self.work[n.end:c[0]].lower()],
                      nearest_last=False)
        if before is not None and (idx_near is None or idx_near[1] <= before[0]):
            cue = after if after is not None and after[2].priority > before[2].priority else before
            self._emit_rate(cue[2].label, v, n, min(before[0], n.start), max(cue[1], n.end), local)
            return
        if idx_near is not None:
            self._index_rate(idx_near[2].label, v, n, idx_near[0])
            return
        idx_after = self.index.within(n.end, clause_end)
        if idx_after and (after is None or idx_after[0][0] < after[0]) and idx_after[0][2].label == "satisfaction":
            # "98,5% người dân hài lòng với việc giải quyết ...": the nearest cue after is the index
            self._index_rate("satisfaction", v, n, n.start)
            return
        if after is not None and after[2].priority >= 5:
            self._emit_rate(after[2].label, v, n, n.start, after[1], local)
            return
        share = self._share(local, n.start)  # its own words name a channel's share ("hồ sơ trực tuyến chiếm 76,2%")
        if share is not None:
            self.add(Draft("received_rate", v, share, min(local, n.start), n.end, n.start, n.end, kind="rate"))
            return
        bound = self._bound_count(n)
        if bound is not None and self._zero_late(bound, v):
            # "..., không có hồ sơ quá hạn, chiếm 99,4% trong tổng số hồ sơ tiếp nhận": a share
            # of the dossiers received is the resolved one; else the share resolved in time
            bound = self._resolved_over_received(n, clause_end) or bound
        if bound is not None:
            rate = RATE_OF.get("early_or_on_time" if self._zero_late(bound, v) else bound.metric)
            if rate:
                self.add(Draft(rate, v, bound.channel, n.start, n.end, n.start, n.end, kind="rate", read="lead"))
            return
        if after is not None:
            self._emit_rate(after[2].label, v, n, n.start, after[1], local)
            return
        # a rate whose own words name dossiers takes no index from earlier sentences
        own = self._names_dossiers(max(s, n.start - REACH), n.start)
        label = self.index_context(n.start, own_sentence=own) or self.score_index(local, n.start)
        if label is not None:
            self._index_rate(label, v, n, n.start)
            return
        wide = _best(self.metric.within(max(s, n.start - REACH), n.start))
        if wide is not None and not self._this_rate(max(s, n.start - 80), n.start):
            self._emit_rate(wide[2].label, v, n, n.start, n.end, local, cue_start=wide[0])
            return
        self._inherit_rate(v, n, s, wide is None and self._bare_rate(n))

    def _item_rate(self, n: Num, v: float, lead: Lead, local: int) -> bool:
        """A rate alone in a list item that names no metric of its own takes the rate of its
        lead ("tỷ lệ ... đạt 39,9%, trong đó khối bộ đạt 54,4% và khối tỉnh 16,9%")."""
        item = lead.item
        if self.metric.within(max(local, item.start), item.end) or self.index.within(item.start, item.end) \
                or self._share(max(local, item.start), n.start) is not None:
            return False  # its own metric, index, or a channel's share ("hồ sơ trực tuyến chiếm 88,6%")
        k = bisect.bisect_left(self.num_starts, item.start)
        if any(m.start != n.start and not m.percent for m in self.nums[k:bisect.bisect_left(self.num_starts, item.end)]):
            return False  # a count of the item: the rate is bound to it
        whole = self.rate_whole(lead.enum)
        if whole is None or (self.work[lead.enum.marker_start] == "(" and lead.whole is not None
                             and lead.whole.num_start > whole.num_start):
            # "689 hồ sơ (chiếm 3,4%)": a rate in brackets after a count is bound to the count;
            # a lead naming one rate and no value of its own ("tỷ lệ đúng hạn ... lần lượt là")
            rate = RATE_OF.get(lead.labels[0]) if whole is None and lead.whole is None and len(lead.labels) == 1 \
                and self.rate_words.within(lead.enum.lead_start, lead.enum.marker_start) else None
            if rate is None:
                return False
            metric, channel = rate, lead.channel
        else:
            metric, channel = whole.metric, whole.channel
        ch = self.item_channel(lead, n.start, n.end, item.end)
        self.add(Draft(metric, v, ch if ch is not None else channel, n.start, n.end, n.start, n.end,
                       kind="rate", read="lead", lead=lead))
        return True

    def _postposed_timeliness(self, n: Num, s: int, local: int) -> bool:
        """"100% hồ sơ (…) được giải quyết đúng hạn": a percentage that opens its sentence
        takes the timeliness cue postposed after "hồ sơ ... được giải quyết"."""
        if not _APPROX.fullmatch(self.work[s:n.start].strip(" \t-•*+")):  # "Trên 98% thủ tục ..."
            return False
        m = _OPENING_RATE.match(self.work, n.end)
        if not m:
            return False
        for cs, ce, c in self.metric.within(m.end(), min(m.end() + 30, self.seg.sentence(n.start)[1])):
            if cs == m.end() and c.label in _TIMELINESS:
                self._emit_rate(c.label, n.as_measure(), n, n.start, ce, local)
                return True
        return False

    def _other_rate(self, s: int, pos: int) -> bool:
        """"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 92%": the rate the number states
        is headed by a non-figure rate (digitisation, e-copies, online payment, data reuse)."""
        s = max(s, self.work.rfind(";", s, pos) + 1, pos - REACH)
        heads = [h[0] for h in self.rate_words.within(s, pos)]
        if not heads:  # "Số hóa hồ sơ, kết quả giải quyết TTHC đạt 92,5%"
            k = bisect.bisect_left(self.num_starts, s)
            first = k < len(self.nums) and self.nums[k].start >= pos  # no figure of its own before the rate
            return first and bool(_DIGITISED.match(self.work, s))
        return any(v[0] == heads[-1] for v in self.veto["rate_of"].within(heads[-1], pos))

    def _share(self, local: int, pos: int) -> str | None:
        """"Tỷ lệ hồ sơ (nộp) trực tuyến ... đạt 40,2%": the share of a channel among the
        dossiers received."""
        for cs, ce, c in reversed(self.channels._in(local, pos)):
            if c.label != "general" and _SHARE.search(self.work, max(local, cs - 40), cs):
                return c.label
            if c.label != "general" and _SHARE_HEAD.search(self.work, max(local, cs - 30), cs) \
                    and _SHARE_VERB.fullmatch(self.work, ce, pos):
                return c.label
        return None

    def _unit_after_percent(self, n: Num) -> tuple[str | None, int]:
        for s, e, c in self.units.within(n.end, n.end + 40):
            if self.work[n.end:s].strip() == "":
                return c.label, e
            break
        return None, n.end

    def _emit_rate(self, label: str, v: float, n: Num, st: int, en: int, local: int, cue_start: int | None = None) -> None:
        metric = "resolved" if label.startswith("combo:") else label
        if metric == "late" and v > 0 and any(self._zero_late(d, v) and d.start <= st < d.end
                                              for d in self.drafts):
            metric = "early_or_on_time"
        rate = RATE_OF.get(metric)
        if rate is None:
            return
        ch = self.channel_for(local, n.start, n.end, self.seg.clause(n.end)[1], None)
        cue_start = min(st, cue_start if cue_start is not None else st)
        if ch is None and cue_start < local:  # a cue before the number's phrase: its channel is named with it
            ch = as_channel(self.channels.before(cue_start, local))
        bound = self._bound_count(n)
        if bound is not None and bound.metric == metric:
            ch = bound.channel
        self.add(Draft(rate, v, ch, st, en, n.start, n.end, kind="rate"))

    @staticmethod
    def _zero_late(d: Draft, rate: float) -> bool:
        """A positive share after "no dossier was late" ("không có hồ sơ nào quá hạn, đạt 100%")
        cannot be a late rate (that is 0): it is the share resolved in time."""
        return d.metric == "late" and d.value == 0 and rate > 0

    def _bound_count(self, n: Num) -> Draft | None:
        j = bisect.bisect_left(self.count_starts, n.start) - 1
        for d in self.counts[j:j + 1] if j >= 0 else []:
            if d.num_end > n.start:
                return None
            tail = max(d.num_end, d.end)
            gap = self.work[tail:n.start]
            for cs, ce, _ in reversed(self.channels._in(tail, n.start)):  # "hồ sơ trực tuyến mức độ 3, 4, chiếm"
                gap = gap[:cs - tail] + " " + gap[ce - tail:]
            if tail <= n.start and len(gap) <= 45 and _LINK.match(gap) and not self.metric.within(tail, n.start):
                # a joint count ("tiếp nhận và giải quyết 3.764 hồ sơ (đạt 11,3%)"): the first verb's share
                return next((c for c in self.at_number.get(d.num_start, ()) if c.kind == "count"), d)
            return None
        return None

    def _resolved_over_received(self, n: Num, clause_end: int) -> Draft | None:
        """The resolved count of the sentence when the percentage's denominator ("trong tổng
        số hồ sơ tiếp nhận") names the dossiers received."""
        den = [c for c in self.metric.within(n.end, clause_end) if "tổng" in self.work[n.end:c[0]].lower()]
        if not den or den[0][2].label not in ("received", "total"):
            return None
        s = self.seg.sentence(n.start)[0]
        found = [d for d in self.drafts if d.kind == "count" and d.metric == "resolved" and s <= d.num_start < n.start]
        return max(found, key=lambda d: d.num_start) if found else None

    def _this_rate(self, a: int, b: int) -> bool:
        return any(c.label == "anaphor" for _, _, c in self.rate_words.within(a, b))

    def _bare_rate(self, n: Num) -> bool:
        """"Bộ X dẫn đầu với tỷ lệ 83,48%": a rate head naming nothing is the rate the text
        is about (as "tỷ lệ này")."""
        return any(set(self.work[e:n.start].lower().split()) <= _BARE_FILLERS
                   for _, e, _ in self.rate_words.within(max(0, n.start - 20), n.start))

    def _inherit_rate(self, v: float, n: Num, sent_start: int, bare: bool = False) -> None:
        this = self._this_rate(max(0, n.start - 80), n.start)
        for d in reversed(self.drafts):
            if d.kind != "rate" or d.num_end > n.start:
                continue
            if d.num_start >= sent_start or this or (bare and n.start - d.num_end <= TOPIC_REACH):
                self.add(Draft(d.metric, v, d.channel, n.start, n.end, n.start, n.end, kind="rate", read="lead"))
            return

    def _count(self, n: Num, i: int, unit_end: int, unit: str | None) -> None:
        v = n.as_count()
        if v is None:
            return
        a = self.window_start(n, i)
        if self.vetoed_before(n, a) or self.vetoed_after(unit_end):
            return
        b = self.next_boundary(n, i)
        b = min(b, self._stop(n.end, b))
        lead = self.lead_of(n.start)
        a0 = a
        if lead is not None:
            a, b = max(a, lead.item.start), min(b, lead.item.end)  # a cue outside the item is the lead's
        cue, generic = self._metric_cue(a, n, b, after_number=a == a0)
        past = cue is None and lead is None and self._past_bracket(unit_end)
        if past:
            cue = past
        if cue is not None and cue[0] >= n.end and self._lumped(cue, n):
            if lead is not None:  # no figure, but its whole still counts open dossiers
                self.drafts.append(Draft("pending", v, None, n.start, n.end, n.start, n.end, kind="lumped", lead=lead))
            return
        if cue is None and unit is None and not self._channel_label(n) and not (lead and lead.whole):
            return
        if cue is None and lead is not None and lead.labels:
            labels = list(lead.labels)
            read = "lead"
            st = n.start
        elif cue is None:
            prev = lead.whole if lead and lead.whole else self._previous_count(n)
            if prev is None:
                wide = _best(self.metric.within(self._list_start(max(self.seg.sentence(n.start)[0], n.start - REACH),
                                                                 n.start), n.start))
                if wide is None or wide[2].label.startswith("combo:"):
                    return
                labels = [wide[2].label]
                read = "sentence"
            else:
                labels = [prev.metric]
                read = "lead"
            st = n.start
        else:
            labels = cue[2].label[6:].split("+") if cue[2].label.startswith("combo:") else [cue[2].label]
            joint = self._joint_before(cue) if cue[2].label in _TIMELINESS else None
            if joint is not None:  # "được tiếp nhận và trả kết quả đúng hạn": received, and on time
                labels = [joint[2].label[6:].split("+")[0]] + labels
            st = min(cue[0], n.start, joint[0] if joint else n.start)
            read = "own"
        if labels == ["pending_late"] and cue is not None and any(
                c[2].label == "late" for c in self.metric.within(self.local_start(a, cue[0]), cue[0])):
            labels = ["late"]  # "hồ sơ trả kết quả nhưng chậm hạn và hồ sơ quá hạn chưa có kết quả là 12": late, both kinds
        en = max(unit_end, cue[1] if cue and not past else unit_end)  # the bracket's share stays outside
        if lead is not None:
            labels = [lead.within(label) for label in labels]
        if self._pending_clause(n):
            labels = [structure().within["pending"].get(label, label) for label in labels]
        clause_end = self.seg.clause(n.end)[1]
        ch = self.channel_for(a, n.start, n.end, min(clause_end, b), lead)
        if ch is None and lead is None:
            ch = self._chained_channel(n)
        new = bool(cue and re.search(r"(?i)mới", cue[2].phrase))
        for label in labels:
            self.add(Draft(label, v, ch, st, en, n.start, n.end, explicit_new=new, read=read, lead=lead))
        if labels == ["pending"]:
            self._restated(n, unit_end, v, ch)
        if n.denominator is not None and n.denominator_span is not None and n.denominator > v and unit == "dossier":
            self._denominator(n, unit_end, labels, ch)

    def _denominator(self, n: Num, unit_end: int, labels: list[str], ch: str | None) -> None:
        """"đã giải quyết 20.280/22.229 hồ sơ": the denominator is the whole the part is
        counted in, the dossiers received when a postposed cue says so ("... hồ sơ đã được
        tiếp nhận"), else the total to be resolved (figures.md "total")."""
        after = [c for c in self.metric.within(unit_end, unit_end + 30)
                 if set(self.work[unit_end:c[0]].lower().split()) <= {"đã", "được", "bị"}]
        metric = "received" if after and after[0][2].label == "received" else "total"
        if metric in labels:
            return
        ds, de = n.denominator_span
        end = after[0][1] if metric == "received" else unit_end
        self.wholes.append(Draft(metric, n.denominator, ch, ds, end, ds, de, read="own"))  # no count a rate binds to

    def _joint_before(self, cue: tuple[int, int, Cue]) -> tuple[int, int, Cue] | None:
        """A joint verb right before a timeliness cue ("tiếp nhận và trả kết quả đúng hạn")."""
        before = self.metric.within(max(0, cue[0] - 40), cue[0])
        if before and before[-1][2].label.startswith("combo:") and not self.work[before[-1][1]:cue[0]].strip():
            return before[-1]
        return None

    def _lumped(self, cue: tuple[int, int, Cue], n: Num) -> bool:
        """"12.150 hồ sơ đang được giải quyết, giải quyết đúng và trước hạn": a count named
        both still open and resolved in time lumps two disjoint classes: no figure."""
        k = bisect.bisect_left(self.num_starts, n.end)
        end = min(self.seg.clause(cue[1])[1] + 80, self.nums[k].start if k < len(self.nums) else len(self.work),
                  self.seg.sentence(n.start)[1])
        semi = self.work.find(";", cue[1], end)
        end = semi if semi != -1 else end
        named = {c.label for _, _, c in self.metric.within(cue[0], end)}
        in_time = _TIMELINESS - {"late"}  # late among open dossiers is pending_late, no lump
        return cue[2].label in _OPEN and bool(named & in_time) or cue[2].label in in_time and bool(named & _OPEN)

    def _past_bracket(self, unit_end: int) -> tuple[int, int, Cue] | None:
        """"Có 90 hồ sơ (chiếm 2,16%), các cơ quan thụ lý trả lại hồ sơ": a count whose bracket
        holds only its share is named by the clause after the bracket, when that clause
        states no number of its own."""
        if not self.work.startswith("(", unit_end + (len(self.work[unit_end:]) - len(self.work[unit_end:].lstrip()))):
            return None
        close = self.work.find(")", unit_end, unit_end + 40)
        if close == -1:
            return None
        end = min(self.seg.sentence(unit_end)[1], unit_end + REACH)
        semi = self.work.find(";", close, end)
        end = semi if semi != -1 else end
        k = bisect.bisect_left(self.num_starts, close)
        if k < len(self.nums) and self.nums[k].start < end:
            return None
        return _best(self.metric.within(close, end), nearest_last=False)

    def _pending_clause(self, n: Num) -> bool:
        """Whether the number's clause says its dossiers are still being processed
        (lexicon/structure.toml [context.pending]): a verb before the number's phrase
        ("đang giải quyết 96 hồ sơ trong hạn và 4 hồ sơ quá hạn") not postposed to an
        earlier number ("12 hồ sơ đang giải quyết và 8 hồ sơ quá hạn"), or words right
        after it ("4 hồ sơ quá hạn đang xử lý"), no other number between."""
        cs, ce = self.seg.clause(n.start)
        for s, e, _ in self.pending.within(cs, ce):
            k = bisect.bisect_left(self.num_starts, s) - 1
            if e <= n.start:
                prev = self.nums[k] if k >= 0 and self.nums[k].start >= cs else None
                if prev is None or not _UNIT_GAP.match(self.work[prev.end:s]):
                    return True
            elif s >= n.end and (k < 0 or self.nums[k].start <= n.start):
                return True
        return False

    def _chained_channel(self, n: Num) -> str | None:
        """"tiếp nhận 45 hồ sơ liên thông, đã giải quyết 43 hồ sơ, đang giải quyết 2 hồ sơ": a
        coordinated list of one sentence whose channel is named once, on its first count or
        in its subject ("Cổng dịch vụ công tỉnh đã tiếp nhận 41.286 hồ sơ, giải quyết ..."),
        keeps that channel while no new whole, unit or channel intervenes."""
        prev = self._previous_count(n)
        if prev is None or prev.channel is None:
            return None
        s = self.seg.sentence(n.start)[0]
        named = [c for c in self.channels._in(s, n.start)]
        if len(named) != 1 or named[0][2].label == "general":
            return None
        first = self.counts[bisect.bisect_left(self.count_starts, s)]
        postposed = first.num_end <= named[0][0] and named[0][1] <= max(first.end, first.num_end) + 30
        if not postposed and not named[0][1] <= min(first.start, first.num_start):
            return None  # the channel is postposed on the first count, or the sentence's subject
        if first.channel != prev.channel or _CHAIN_BREAK.search(self.work, first.num_end, n.start):
            return None
        return prev.channel

    def _restated(self, n: Num, unit_end: int, v: float, ch: str | None) -> None:
        """"đang giải quyết 1.089 HS (còn trong thời hạn giải quyết)" also states pending_not_due."""
        m = re.match(r"\s*\(([^()\d]{0,60})\)", self.work[unit_end:unit_end + 70])
        if not m:
            return
        for s, e, c in self.metric.within(unit_end, unit_end + m.end()):
            if c.label in ("pending_not_due", "pending_late"):
                self.add(Draft(c.label, v, ch, n.start, unit_end + m.end(), n.start, n.end))
                return

    def _channel_label(self, n: Num) -> bool:
        """"(Trực tuyến: 180.000; Trực tiếp: 65.678)": a channel label of a breakdown."""
        s = self.local_start(max(self.seg.sentence(n.start)[0], n.start - 40), n.start)
        return bool(self.channels.before(s, n.start)) and self._previous_count(n) is not None

    def _stop(self, start: int, limit: int) -> int:
        m = re.compile(r"[;(]").search(self.work, start, limit)
        return m.start() if m else limit

    def _list_start(self, s: int, pos: int) -> int:
        """A list runs on past ";" only inside brackets ("(Trực tuyến: 1.800; Trực tiếp: 656)")."""
        semi = self.work.rfind(";", s, pos)
        if semi == -1 or self.work.rfind("(", s, pos) > self.work.rfind(")", s, pos):
            return s
        return semi + 1

    def _previous_count(self, n: Num) -> Draft | None:
        s = self.seg.sentence(n.start)[0]
        k = bisect.bisect_left(self.count_starts, n.start) - 1
        if k >= 0 and self.count_starts[k] >= s:
            return self.counts[k]
        return None

    def _procedure(self, n: Num, i: int, unit: str, unit_end: int) -> None:
        v = n.as_count()
        if v is None:
            return
        a = self.window_start(n, i)
        if self._procedure_range(n, i, unit, unit_end, a):
            return
        if self.vetoed_before(n, a) or self.vetoed_after(unit_end):
            return
        if unit == "procedure" and self._dossiers_as_procedures(n, a, unit_end):
            self._count(n, i, unit_end, "dossier")
            return
        s = self.seg.sentence(n.start)[0]
        services = re.search(r"(?i)dịch vụ công", self.work[max(s, n.start - REACH):unit_end])
        metric = "online_services" if unit == "service" or services or _ONLINE_AFTER.match(self.work, unit_end) \
            else "procedures"
        self.add(Draft(metric, v, None, n.start, unit_end, n.start, n.end, kind="count_other"))

    def _dossiers_as_procedures(self, n: Num, a: int, unit_end: int) -> bool:
        """Whether "N thủ tục (hành chính)" counts dossiers handled: a part of a dossier count
        ("tiếp nhận 9.700 hồ sơ, trong đó gần 7.000 thủ tục ..."), or the object of a
        processing verb ("đã giải quyết gần 2.000 thủ tục hành chính") that names no kinds:
        no listing verb before it ("công bố", "tích hợp"), no qualifier after it ("cấp tỉnh",
        "của 18 sở") (lexicon/units.toml [procedure.*])."""
        lead = self.lead_of(n.start)
        if lead is not None and lead.whole is not None:
            return True
        far = max(a, n.start - REACH)
        if not any(e >= n.start - VERB_GAP for _, e, _ in self.metric.within(far, n.start)):
            return False
        if any(c.label == "listed" for _, _, c in self.procedure.within(far, n.start)):
            return False
        return not self._kinds_after(unit_end)

    def _kinds_after(self, unit_end: int) -> bool:
        """"thủ tục hành chính cấp tỉnh", "thủ tục hành chính của 18 sở": kinds of procedures."""
        for s, _, c in self.procedure.within(unit_end, unit_end + 30):
            if c.label == "kinds" and self.work[unit_end:s].split() in ([], ["hành", "chính"]):
                return True
        k = bisect.bisect_left(self.num_starts, unit_end)
        return k < len(self.nums) and self.work[unit_end:self.nums[k].start].split() in (["của"], ["hành", "chính", "của"])

    def _procedure_range(self, n: Num, i: int, unit: str, unit_end: int, a: int) -> bool:
        """"(cắt giảm) từ 1.950 xuống còn 1.720 thủ tục": both ends are counts of TTHC the
        unit states (before and after the change); a bare difference ("giảm 230 thủ tục")
        stays vetoed."""
        if i == 0 or unit != "procedure":
            return False
        prev = self.nums[i - 1]
        m = _RANGE_GAP.fullmatch(self.work, prev.end, n.start)
        if not m or not _word_before(self.work, prev.start, "từ") or not self.work[prev.start - 1:prev.start].isspace():
            return False
        if self.in_target(n.start) or self.vetoed_after(unit_end):
            return True
        for k, x in ((i - 1, prev), (i, n)):
            v = x.as_count()
            if v is not None and self.unit[k][0] in (None, "procedure"):
                self.add(Draft("procedures", v, None, prev.start - 3 if x is prev else n.start,
                               unit_end if x is n else prev.end, x.start, x.end, kind="count_other"))
        return True
