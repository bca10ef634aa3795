"""Which period a figure takes: its own clause's, its sentence's, or the one named last
before it (a lead's period holds for the sentences and paragraphs after it until another
is named); a headline takes the first period the text names after it. Stock counts
keep only a period of their own sentence (procedures, unless the sentence changes the
list: "công bố 201 TTHC") or clause (online services). A day named
("Sáng 7/2, ...") is taken only by a figure its sentence puts on that day ("trong buổi
sáng ...") or that opens it with a part of the day ("Sáng 02/7, ..."); plans' periods and documents' dates are never taken.
"""

from __future__ import annotations

import bisect
import re

from extract.drafts import Draft
from extract.periods import NOT_RESULTS, Mention, day_cue, flow_verb, fronted_day
from extract.segments import Segments

STOCKS = ("online_services", "procedures")
_HEADLINE_KINDS = ("since", "range", "first_months", "quarter", "month", "until", "years", "week")
# "giảm từ 10,85% xuống còn 1,31%": the first value is of an earlier, unnamed period
_FROM = re.compile(r"(?i:(?<![^\W_])(?:tăng|giảm|hạ|nâng)(?:\s+\S+){0,2}?\s+từ\s*)$")
_TO = re.compile(r"(?i:\s*(?:%|điểm)?\s*(?:xuống|lên)(?![^\W_]))")
DAY_REACH = 3000  # how far back a day's figure looks for the day named


class Scope:
    """The periods of one text, ready to place its figures."""

    def __init__(self, work: str, seg: Segments, mentions: list[Mention], figure_starts: list[int]):
        self.work = work
        self.seg = seg
        self.named = [m for m in mentions if m.kind not in NOT_RESULTS]
        self.starts = [m.start for m in self.named]
        self.days = [m for m in mentions if m.kind == "day" and m.value]
        self.day_starts = [m.start for m in self.days]
        self.others = figure_starts

    def period(self, d: Draft) -> str | None:
        """The period of draft `d` (None when the text does not fix it)."""
        pos = d.num_start
        if _FROM.search(self.work, max(0, pos - 30), pos) and _TO.match(self.work, d.num_end):
            return None
        if d.period_from is not None:  # "Chỉ tiêu | Năm 2023 | Năm 2024": the column's header
            own = [m for m in self._between(*d.period_from) if m.value]
            if own:
                return own[-1].value
        chosen = self._named(d)
        if d.metric not in STOCKS:
            day = self._day(pos)
            if day is not None and (chosen is None or day.start > chosen.start):
                return day.value
        return chosen.value if chosen else None

    def _between(self, a: int, b: int) -> list[Mention]:
        return self.named[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]

    def _figures_in(self, a: int, b: int) -> bool:
        return bisect.bisect_left(self.others, a) < bisect.bisect_left(self.others, b)

    def _named(self, d: Draft) -> Mention | None:
        pos = d.num_start
        cs, ce = self.seg.clause(pos)
        ss, se = self.seg.sentence(pos)
        clause = self._between(cs, ce)
        before = [m for m in clause if m.end <= pos]
        if before:
            return before[-1]
        if d.metric == "online_services":
            return None
        if clause and d.metric not in STOCKS:
            return clause[0]
        sent = self._between(ss, pos)
        if sent:
            after = self._between(pos + 1, se)
            if after and not self._figures_in(pos + 1, after[0].start):
                last = sent[-1]
                # the period before belongs to an earlier figure of the sentence: one between
                # it and this figure, or one it follows in its own clause ("thứ 2 ... năm 2021,")
                if self._figures_in(last.end, pos) or self._figures_in(self.seg.clause(last.start)[0], last.start):
                    return after[0]
            return sent[-1]
        later = self._between(pos + 1, se)
        if later and d.metric not in STOCKS:
            return later[0]
        if d.metric in STOCKS and not (d.metric == "procedures" and flow_verb(self.work, ss, se)):
            return None
        i = bisect.bisect_right(self.starts, pos) - 1
        # an open "Đến nay, ..." (no start named) is its own sentence's: it does not end the period before it
        while i >= 0 and (self.named[i].end > pos or self.named[i].kind == "now" and self.named[i].value is None):
            i -= 1
        if i >= 0:
            return self.named[i]
        # a headline: a figure before any period is named takes the first one after it
        # (at the top of the text, or in the next two sentences: a title under page menus)
        k = self.seg.sentence_index(pos)
        for m in self.named[bisect.bisect_left(self.starts, pos):]:
            if m.kind in _HEADLINE_KINDS and m.value:
                return m if k <= 1 or self.seg.sentence_index(m.start) <= k + 2 else None
        return None

    def _day(self, pos: int) -> Mention | None:
        """The day a figure's sentence puts it on: a day named before it in its sentence
        that its sentence speaks of ("trong buổi sáng", "ngày làm việc đầu tiên"), or the
        day named last before such a sentence."""
        if not self.days:
            return None
        ss, se = self.seg.sentence(pos)
        i = bisect.bisect_left(self.day_starts, pos) - 1
        if i >= 0 and self.days[i].start >= ss and fronted_day(self.work, self.days[i], ss):
            return self.days[i]  # "Sáng 02/7, Trung tâm tiếp nhận 57 hồ sơ"
        if not day_cue(self.work, ss, se):
            return None
        if i >= 0 and pos - self.days[i].start <= DAY_REACH:
            return self.days[i]
        return None
