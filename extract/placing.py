"""Subjects of figures: the unit each figure is about (stage after metrics).

In order: a list item names its own unit ("huyện Tân Lộc 6 hồ sơ"), else takes its lead's
subject (the subject of the lead's own count, or of the lead clause); any other figure
takes a unit of its own sentence (before its number, or right after it), then the unit
carried from an earlier figure, the last unit named before it, the portal's unit (from
its URL or footer), or the first unit the text names. Units that head list items are
subjects of their items only.
"""

from __future__ import annotations

import bisect
import functools
import re

from extract import subjects
from extract.drafts import Draft
from extract.lexicon import structure
from extract.segments import Segments

Subject = tuple[str | None, str | None]  # name, level

# "... 5 hồ sơ trễ hạn, gồm các xã Tân An, Tân Lộc": the units listed after a figure are its
# subject (a list whose units hold numbers of their own is a list of items instead)
_LIST = re.compile(r"(?i:,?\s+(?:như|gồm|là)\s+)(?=(?:các\s+)?(?:xã|phường|huyện|quận|tỉnh|thị\s+xã|thị\s+trấn)\s)")
_GENERIC = ("cấp", "các", "ubnd cấp", "ubnd các", "ủy ban nhân dân cấp", "ủy ban nhân dân các")


def _agency(u: subjects.Unit) -> bool:
    """An agency ("Công an tỉnh", "Bưu điện tỉnh Y") or the offices of a level ("Bộ phận một
    cửa các cấp"): the subject of its own clause only."""
    return u.office is not None and (u.office.agency or u.office.levels)


def _country(u: subjects.Unit) -> bool:
    """The whole country ("cả nước"): a reference more often than a subject to carry on."""
    return u.level == "national" and " ".join(u.name.lower().split()) in _countries()


@functools.cache
def _countries() -> frozenset[str]:
    return frozenset(c.phrase.lower() for c in structure().national.cues)


class SubjectPlacer:
    """Places the subjects of one text's drafts, in text order."""

    def __init__(self, work: str, seg: Segments, url: str | None):
        self.work = work
        self.seg = seg
        default = subjects.from_url(url)
        if default[0] is None:
            default = subjects.from_footer(work)
        self.default: Subject = default
        self.units = [u for u in subjects.find_units(work, default) if not (u.bare and u.name == u.name.lower())]
        self.ustarts = [u.start for u in self.units]
        self.carried: Subject | None = None
        self.by_number: dict[int, Subject] = {}
        self.heads: set[int] = set()  # starts of units that head list items

    def mark_heads(self, drafts: list[Draft]) -> None:
        """Find the units that head list items before placing anything."""
        for d in drafts:
            if d.lead is not None:
                k = bisect.bisect_left(self.ustarts, d.lead.item.start)
                while k < len(self.units) and self.units[k].start < d.num_start:
                    self.heads.add(self.units[k].start)
                    k += 1

    def place(self, d: Draft) -> tuple[Subject, str]:
        """The subject of `d` and how it was read: own, lead, default or none."""
        subject: Subject
        if d.subject is not None:
            subject = (d.subject, subjects.level_of(d.subject))
            self.by_number.setdefault(d.num_start, subject)
            return subject, "own"
        if d.lead is not None:
            subject, how = self._item(d)
            self.by_number.setdefault(d.num_start, subject)
            return subject, how
        found, carry = self._own(d)
        if found is None:
            found = (self.carried or self._last_named(d.num_start) or self.default if self.default[0]
                     else self.carried or self._last_named(d.num_start) or self._first_named())
            subject = found or (None, None)
            how = "none" if subject[0] is None else "default" if subject[0] == self.default[0] else "lead"
        else:
            subject, how = found, "own"
            if carry:
                self.carried = found
        self.by_number.setdefault(d.num_start, subject)
        return subject, how

    def _item(self, d: Draft) -> tuple[Subject, str]:
        lead = d.lead
        assert lead is not None
        enum = lead.enum
        clause = self.work[enum.lead_start:enum.marker_start]
        listed = any(True for _ in structure().unit_heads.finditer(clause)) and not any(
            True for _ in structure().field_heads.finditer(clause))
        end = lead.item.end if d.num_start < lead.item.start else min(d.num_start, lead.item.end)  # a rank cell before its row's label
        head = subjects.item_head(self.work, lead.item.start, end, self.units, self.ustarts, listed,
                                  lead.item.end, d.num_end)
        if head is not None:
            return head, "own"
        respective = self._respective(d)
        if respective is not None:
            return respective, "own"
        if lead.whole is not None and lead.whole.num_start in self.by_number:
            return self.by_number[lead.whole.num_start], "lead"
        named = self._last_named(enum.marker_start, since=enum.lead_start)
        if named is not None:
            return named, "lead"  # "Kết quả ... của huyện Cẩm Khê:" names the list's unit
        probe = Draft(d.metric, d.value, d.channel, enum.marker_start, enum.marker_start,
                      enum.marker_start, enum.marker_start, kind=d.kind)
        found, _ = self._own(probe)
        if found is not None:
            return found, "lead"
        found = self.carried or self._last_named(enum.lead_start) or (self.default if self.default[0] else None) \
            or self._first_named()
        return (found, "lead") if found else ((None, None), "none")

    def _respective(self, d: Draft) -> Subject | None:
        """"... của cấp tỉnh, cấp huyện và cấp xã lần lượt là 99,5%, 98,7% và 99,9%": the n-th
        item of a lead saying "lần lượt" is about the n-th unit the lead names."""
        lead = d.lead
        assert lead is not None
        enum = lead.enum
        clause = " ".join(self.work[enum.lead_start:enum.marker_end].lower().split())
        if not any(c.phrase in clause for c in structure().markers.cues if c.label == "respectively"):
            return None
        named = [u for u in self.units[bisect.bisect_left(self.ustarts, enum.lead_start):
                                       bisect.bisect_left(self.ustarts, enum.marker_start)] if not u.bare]
        if len(named) != len(enum.items) or lead.item not in enum.items:
            return None
        u = named[enum.items.index(lead.item)]
        return u.name, u.level

    def _own(self, d: Draft) -> tuple[Subject | None, bool]:
        """The unit of the figure's own sentence, and whether later figures carry it on."""
        work, units, ustarts = self.work, self.units, self.ustarts
        ss, se = self.seg.sentence(d.num_start)
        enum = _LIST.search(work, d.end, min(se, d.end + 200))
        if enum:
            k = bisect.bisect_left(ustarts, enum.end())
            if k < len(units) and units[k].start - enum.end() <= 1 and not re.search(r"\d", work[units[k].start:se]):
                listed = work[units[k].start:se].strip().rstrip(".…;,").rstrip(".…")
                return (listed, units[k].level), False
        semi = work.rfind(";", ss, d.num_start)
        ss = max(ss, semi + 1)
        j = bisect.bisect_left(ustarts, d.end)
        if j < len(units) and units[j].start < se and units[j].start not in self.heads and not _country(units[j]):
            gap = work[d.end:units[j].start]
            if re.fullmatch(r"\s*(?:là\s+)?", gap) or (d.kind != "rank" and re.fullmatch(r"\s*", gap)):
                return (units[j].name, units[j].level), d.kind == "rank"
        i = bisect.bisect_left(ustarts, d.num_start) - 1
        while i >= 0 and (units[i].start in self.heads
                          or _country(units[i]) and i > 0 and units[i - 1].start >= ss):
            i -= 1  # "Hà Nội xếp thứ 3 cả nước với 89,5 điểm": the country is the reference
        after = subjects.unit_after(work, units, ustarts, d.num_end, se) if d.kind != "rank" else None
        if after is not None and (after.start in self.heads or _country(after)):
            after = None
        clause = max(ss, *(work.rfind(c, ss, d.num_start) + 1 for c in ",(:")) if after is not None else ss
        sentence = i >= 0 and units[i].start >= ss
        # a plural ("các xã") or the whole country ("so với cả nước") is not carried on
        carry = sentence and not units[i].name.lower().startswith("các ") and not _country(units[i]) \
            and not _agency(units[i])
        if after is not None and (i < 0 or units[i].start < clause):
            # the clause names its unit after the number ("64 thủ tục ở cấp huyện"); the
            # sentence's own unit is carried on
            if carry:
                self.carried = (units[i].name, units[i].level)
            return (after.name, after.level), False
        if sentence:
            return (units[i].name, units[i].level), carry
        return None, False

    def _first_named(self) -> Subject | None:
        for u in self.units:
            if not u.bare and not u.name.lower().startswith(_GENERIC) and u.start not in self.heads \
                    and not _agency(u):
                return u.name, u.level
        return None

    def _last_named(self, pos: int, since: int = 0) -> Subject | None:
        i = bisect.bisect_left(self.ustarts, pos) - 1
        while i >= 0 and self.units[i].start >= since:
            u = self.units[i]
            if not u.bare and not u.name.lower().startswith(_GENERIC) and u.start not in self.heads \
                    and (not _country(u) or since) and not _agency(u):
                return u.name, u.level
            i -= 1
        return None
