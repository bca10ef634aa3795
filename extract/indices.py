"""Index readings: PAR index scores and ranks, satisfaction rates (figures.md "Metrics").

A score or rank belongs to the PAR index (Chỉ số CCHC) only when the nearest index cue of
its sentence, or of the two before it, is the PAR index; other indices (PAPI, PCI,
digital transformation, component indices) are not figures.
"""

from __future__ import annotations

import bisect
import re

from extract import lexicon
from extract.drafts import Cues, Draft
from extract.numbers import Num
from extract.segments import Segments

_RANK = re.compile(
    r"(?i:(?:xếp|đứng|vị\s+trí)(?:\s+(?:hạng|ở|vị\s+trí|vị|là))*\s+(?:(?:thứ\s+)?(?P<d>\d{1,3})(?!\d|[.,]\d|\s?%)"
    r"(?:\s*/\s*\d{1,3})?|thứ\s+(?P<w>nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![^\W_])))")
_CONTEST = re.compile(r"(?i:(?<![^\W_])(?:hội\s+thi|cuộc\s+thi|hội\s+diễn|giải\s+(?:nhất|nhì|ba|khuyến\s+khích))(?![^\W_]))")
REACH = 300  # how far (chars) a sentence-level cue may lie from its number
GENERIC_INDEX = "chỉ số"  # "... là một chỉ số quan trọng": names no index for the sentences after it
SCORE_REACH = 3000  # how far back a score ("tỷ lệ điểm số đạt 93,08%") looks for its index


class IndexMixin:
    """Index-related readers of `metrics.Reader` (uses its cues, segments and numbers)."""

    work: str
    seg: Segments
    index: Cues
    nums: list[Num]
    num_starts: list[int]
    consumed: set[int]

    def add(self, d: Draft) -> None:
        raise NotImplementedError

    def window_start(self, n: Num, i: int) -> int:
        raise NotImplementedError

    def vetoed_before(self, n: Num, a: int) -> bool:
        raise NotImplementedError

    def index_context(self, pos: int, both_sides: bool = False, own_sentence: bool = False) -> str | None:
        s, e = self.seg.sentence(pos)
        s = max(s, pos - REACH)
        before = self.index.within(s, pos)
        after = self.index.within(pos, e) if both_sides else []
        if before or after:
            cands = ([(pos - b[1], b) for b in before[-1:]] + [(a[0] - pos, a) for a in after[:1]])
            return min(cands, key=lambda x: x[0])[1][2].label
        if own_sentence:
            return None
        k = self.seg.sentence_index(pos)
        for back in (1, 2):
            ps, pe = self.seg.sentence_at(k - back)
            if k - back < 0:
                break
            found = [c for c in self.index.within(ps, pe) if c[2].phrase != GENERIC_INDEX]
            if found:
                return found[-1][2].label
        return None

    def score_index(self, local: int, pos: int) -> str | None:
        """"thị xã A dẫn đầu với tỷ lệ điểm số đạt 93,08%": a score's index is the last one
        the text named before it (lexicon/indices.toml [score.heads]), paragraphs back."""
        if not any(True for _ in lexicon.score_heads().finditer(self.work, local, pos)):
            return None
        found = self.index.within(max(0, pos - SCORE_REACH), pos)
        return found[-1][2].label if found else None

    def class_threshold(self, pos: int) -> bool:
        """"có 17 cơ quan xếp loại tốt với tỷ lệ điểm số đạt trên 80%": a percentage in a
        clause about a number of units is the bound of a class, not a unit's result."""
        cs = self.seg.clause(pos)[0]
        k = bisect.bisect_left(self.num_starts, cs)
        while k < len(self.nums) and self.nums[k].start < pos:
            m = self.nums[k]
            k += 1
            head = self.work[cs:m.start].strip().lower()
            if m.percent or not (head == "" or head.endswith("có")):
                continue
            for s, _, _ in lexicon.structure().unit_heads.finditer(self.work, m.end, min(pos, m.end + 12)):
                if not self.work[m.end:s].strip():
                    return True
        return False

    def _ranks(self) -> None:
        words = lexicon.number_words()["ordinals"]
        for m in _RANK.finditer(self.work):
            raw = m.group("d") or m.group("w")
            value = float(raw) if raw.isdigit() else float(words.get(raw.lower(), 0))
            if not 1 <= value <= 200:
                continue
            pos = m.start("d") if m.group("d") else m.start("w")
            k = bisect.bisect_left(self.num_starts, m.start())
            while k < len(self.nums) and self.nums[k].start < m.end():
                self.consumed.add(k)
                k += 1
            if self.index_context(pos, both_sides=True) != "par" or self._contest(pos):
                continue
            self.add(Draft("par_rank", value, None, m.start(), m.end(), pos, m.end(), kind="rank"))

    def _score(self, n: Num, i: int, unit_end: int) -> None:
        v = n.as_measure()
        if v is None or not 0 <= v <= 100 or (n.denominator not in (None, 100)):
            return
        a = self.window_start(n, i)
        if self.vetoed_before(n, a):
            return
        if self._par_context(n.start) and not self._contest(n.start):
            self.add(Draft("par_index", v, None, n.start, unit_end, n.start, n.end, kind="index"))

    def _contest(self, pos: int) -> bool:
        """"Hội thi tìm hiểu về cải cách hành chính ... xếp thứ 2": a contest, not the PAR index."""
        s, e = self.seg.sentence(pos)
        return bool(_CONTEST.search(self.work, s, e))

    def _par_context(self, pos: int) -> bool:
        """A score in points belongs to the PAR index when the nearest index cue of its
        sentence is the PAR index, or its sentence names none and a recent one does."""
        s, e = self.seg.sentence(pos)
        idx = self.index.within(max(s, pos - REACH), pos) or self.index.within(pos, min(e, pos + REACH))[:1]
        if idx:
            return idx[-1][2].label == "par"
        k = self.seg.sentence_index(pos)
        for back in (1, 2):
            if k - back < 0:
                break
            ps, pe = self.seg.sentence_at(k - back)
            if any(c[2].label == "par" for c in self.index.within(ps, pe)):
                return True
        return False

    def _index_rate(self, label: str, v: float, n: Num, cue_start: int) -> None:
        if label == "par":
            self.add(Draft("par_index", v, None, n.start, n.end, n.start, n.end, kind="index"))
        elif label == "satisfaction":
            st = cue_start if n.start - cue_start < 150 else n.start
            self.add(Draft("satisfaction_rate", v, None, st, n.end, n.start, n.end, kind="index"))
