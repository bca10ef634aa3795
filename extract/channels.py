"""Channels: which way the dossiers came (liên thông, trực tuyến, 5 tại chỗ, bưu chính, trực tiếp).

A cue in the figure's own words wins; then the channel of the whole a part belongs to
("trong đó"); then a heading of the paragraph ending with ":" ("Về hồ sơ liên thông:").
Several channels named together take the first one named.
"""

from __future__ import annotations

import bisect
import re

from extract.lexicon import Cue

GENERAL = "general"
_VALUE_AFTER = re.compile(r"[ \t]*\d")


class ChannelIndex:
    """Channel cues of one text, searchable by position."""

    def __init__(self, work: str, cues: list[tuple[int, int, Cue]]):
        self.work = work
        self.cues = cues
        self.starts = [c[0] for c in cues]

    def _in(self, a: int, b: int) -> list[tuple[int, int, Cue]]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.cues) and self.cues[i][0] < b:
            if self.cues[i][1] <= b:
                out.append(self.cues[i])
            i += 1
        return out

    def before(self, a: int, b: int) -> str | None:
        """Label of the nearest cue in [a, b), or None when there is none."""
        found = self._in(a, b)
        return found[-1][2].label if found else None

    def after(self, a: int, b: int) -> str | None:
        """Label of the first cue in [a, b)."""
        found = self._in(a, b)
        return found[0][2].label if found else None

    def heading(self, para_start: int, pos: int) -> str | None:
        """Channel of the last heading ("...:") of the paragraph before `pos` that names one."""
        text = self.work
        para_start = max(para_start, pos - 600)
        colon = text.rfind(":", para_start, pos)
        while colon != -1:
            if _VALUE_AFTER.match(text, colon + 1):  # "Trực tiếp: 700" is a label, not a heading
                colon = text.rfind(":", para_start, colon)
                continue
            seg_start = max(text.rfind(".", para_start, colon), text.rfind(":", para_start, colon), para_start)
            if colon - seg_start > 200:
                seg_start = colon - 200
            label = self.after(seg_start, colon)
            if label is not None:
                return label
            colon = text.rfind(":", para_start, colon)
        return None


def as_channel(label: str | None) -> str | None:
    """Lexicon label -> Figure.channel (``general`` is null)."""
    return None if label in (None, GENERAL) else label
