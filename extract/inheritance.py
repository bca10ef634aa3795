"""What a lead hands down to the items of its list (stage after `leads`): also to the rows
of a table (its caption is the lead) and to the sentences of a paragraph (its subject).

An item that names no metric takes the lead's: the metrics of the lead's own count (the
whole, "tiếp nhận và giải quyết 52 hồ sơ, bao gồm ..." gives both), else of the lead
clause's cue ("Hồ sơ trễ hạn chủ yếu ở: ..."). An item that names no channel takes the
whole's channel, else the lead clause's. Under a whole of another kind a part changes
name (structure.toml [within]: "quá hạn" among pending dossiers is pending_late).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from extract.channels import ChannelIndex, as_channel
from extract.drafts import Cues, Draft, _best
from extract.leads import Enumeration, Item, Lists
from extract.lexicon import structure
from extract.numbers import Num
from extract.segments import Segments
from extract.tables import find as find_tables


@dataclass(frozen=True, slots=True)
class Lead:
    """The lead of the list item a number sits in, as its items read it."""

    enum: Enumeration
    item: Item
    labels: tuple[str, ...]  # metrics handed down (empty: the lead names none)
    channel: str | None
    whole: Draft | None  # the lead's own count, when it states one

    def within(self, label: str) -> str:
        """`label` as a part of the whole, or of what the lead names ("late" among pending
        dossiers: pending_late)."""
        whole = self.whole.metric if self.whole is not None else self.labels[0] if len(self.labels) == 1 else None
        return structure().within.get(whole, {}).get(label, label) if whole else label


class LeadMixin:
    """Lead lookups of `metrics.Reader` (uses its lists, cues, channels and counts)."""

    work: str
    seg: Segments
    metric: Cues
    channels: ChannelIndex
    lists: Lists
    drafts: list[Draft]
    at_number: dict[int, list[Draft]]
    counts: list[Draft]
    count_starts: list[int]
    rates: list[Draft]
    rate_starts: list[int]
    nums: list[Num]
    consumed: set[int]

    def heading_channel(self, pos: int) -> str | None:
        raise NotImplementedError

    def add(self, d: Draft) -> None:
        raise NotImplementedError

    def _tables(self) -> None:
        """Number cells of flattened statistics tables (extract/tables.py): each takes its
        column's and its row's metric, channel and unit; the row is an item of the table's
        caption, which gives the subject when the row names no unit."""
        index = {n.start: i for i, n in enumerate(self.nums)}
        for c in find_tables(self.work, self.nums):
            measure = c.kind in ("rate", "index")
            v = c.num.as_measure() if measure else c.num.as_count()
            if v is None or (measure and not 0 <= v <= 100):
                continue
            if c.num.start in index:  # (a cell read apart from a number the scan joined across cells has none)
                self.consumed.add(index[c.num.start])
            row = Item(c.label_start, c.label_end)
            table = Enumeration(c.lead_start, c.header_start, c.header_start, c.num.end, (row,))
            self.add(Draft(c.metric, v, c.channel, c.row_start, c.num.end, c.num.start, c.num.end,
                           kind=c.kind, read="layout",
                           lead=Lead(table, row, (), c.channel, None), subject=c.subject, period_from=c.head))

    def topic_channel(self, pos: int) -> str | None:
        """The channel of a paragraph whose first sentence has it as its subject ("Cổng dịch
        vụ công của tỉnh đã tiếp nhận ...") holds for the counts of the paragraph until
        another channel, or dossiers in general ("hồ sơ một cửa"), are named."""
        ps = max(self.seg.paragraph(pos)[0], self.work.rfind("\n", 0, pos) + 1)
        fs, fe = self.seg.sentence(ps)
        if pos < fe:
            return None
        k = bisect.bisect_left(self.count_starts, fs)
        if k >= len(self.counts) or self.count_starts[k] >= fe:
            return None
        first = self.counts[k]
        subject = self.work.rfind(", ", fs, min(first.start, first.num_start)) + 1  # past a fronted adverbial
        named = self.channels._in(max(fs, subject), min(first.start, first.num_start))
        if len(named) != 1 or as_channel(named[0][2].label) is None or first.channel != named[0][2].label:
            return None
        return None if self.channels._in(fe, pos) else first.channel


    def lead_of(self, pos: int) -> Lead | None:
        found = self.lists.at(pos)
        if found is None:
            return None
        enum, item = found
        whole = self._whole(enum)
        if whole is not None:
            labels = tuple(d.metric for d in self.at_number.get(whole.num_start, ()) if d.kind == "count")
            return Lead(enum, item, labels, whole.channel, whole)
        cue = _best(self.metric.within(enum.lead_start, enum.marker_start))
        labels = ()
        if cue is not None:
            label = cue[2].label
            labels = tuple(label[6:].split("+")) if label.startswith("combo:") else (label,)
        channel = self.channels.before(enum.lead_start, enum.marker_start)
        if channel is not None:
            return Lead(enum, item, labels, as_channel(channel), None)
        outer = self.lead_of(enum.lead_start) if enum.lead_start < enum.marker_start else None
        ch = outer.channel if outer is not None else self.heading_channel(enum.lead_start)
        return Lead(enum, item, labels, ch, None)

    def rate_whole(self, enum: Enumeration) -> Draft | None:
        """The last rate of the lead clause (of the sentence before, when the lead clause
        is empty), for rate items."""
        a = enum.lead_start
        if not self.work[a:enum.marker_start].strip(" \t,.:-"):
            a = self.seg.sentence_at(self.seg.sentence_index(enum.marker_start) - 1)[0]
        k = bisect.bisect_left(self.rate_starts, enum.marker_start) - 1
        return self.rates[k] if k >= 0 and self.rate_starts[k] >= a else None

    def _whole(self, enum: Enumeration) -> Draft | None:
        """The last count of the lead clause; a marker opening its sentence ("Trong đó, ...")
        leans on the last count of the sentence before."""
        a = enum.lead_start
        back = not self.work[a:enum.marker_start].strip(" \t,.:-")
        if back and a > 0 and self.work[a - 1] == "(":
            back, a = False, self.seg.sentence(a - 1)[0]  # "130 hồ sơ đang giải quyết (trong đó ...)"
        elif back:
            a = self.seg.sentence_at(self.seg.sentence_index(enum.marker_start) - 1)[0]
        j = bisect.bisect_left(self.count_starts, enum.marker_start) - 1
        while j >= 0 and self.counts[j].num_end > enum.marker_start:
            j -= 1
        if j < 0 or self.counts[j].num_start < a:
            return None
        whole = self.counts[j]
        while back and whole.lead is not None and whole.lead.whole is not None:
            whole = whole.lead.whole  # the sentence before is itself a part: lean on its whole
        return whole

    def item_channel(self, lead: Lead, n_start: int, n_end: int, clause_end: int) -> str | None:
        """An item's own channel cue (before its number, or after it in its clause), else
        its lead's channel."""
        own = (self.channels.before(lead.item.start, n_start)
               or self.channels.after(n_end, min(lead.item.end, clause_end)))
        return as_channel(own) if own is not None else lead.channel
