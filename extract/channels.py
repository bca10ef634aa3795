"""Channels: which way the dossiers came (liên thông, trực tuyến, 5 tại chỗ, bưu chính, trực tiếp).

A cue in the figure's own words wins; then the channel of the whole a part belongs to
("trong đó"); then a heading of the paragraph ending with ":" ("Về hồ sơ liên thông:").
Several channels named together take the first one named.
"""

from __future__ import annotations

import bisect
import re

from extract.leads import UNIT_LINE
from extract.lexicon import Cue

GENERAL = "general"
_VALUE_AFTER = re.compile(r"[ \t]*\d")
_JOINED = re.compile(r"\s*(?:,|/|và|hoặc|hay)\s*(?:qua\s+|nộp\s+|bằng\s+)?(?:hình\s+thức\s+)?")
# "bộ phận một cửa", "cơ chế một cửa": an office or a mechanism, not dossiers of a channel
_OFFICE = re.compile(r"(?i:bộ\s+phận|hệ\s+thống|cơ\s+chế|mô\s+hình|phòng)\s*[“\"']?\s*$")


class ChannelIndex:
    """Channel cues of one text, searchable by position."""

    def __init__(self, work: str, cues: list[tuple[int, int, Cue]]):
        self.work = work
        cues = [c for c in cues if not (c[2].label == GENERAL and _OFFICE.search(work, max(0, c[0] - 12), c[0]))]
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
        """Label of the nearest cue in [a, b), or None when there is none; of channels
        named together ("trực tiếp và qua bưu chính 8.713 hồ sơ"), the first one named."""
        found = self._in(a, b)
        if not found:
            return None
        k = len(found) - 1
        while k > 0 and _JOINED.fullmatch(self.work, found[k - 1][1], found[k][0]):
            k -= 1
        return found[k][2].label

    def after(self, a: int, b: int) -> str | None:
        """Label of the first cue in [a, b)."""
        found = self._in(a, b)
        return found[0][2].label if found else None

    def heading(self, para_start: int, pos: int) -> str | None:
        """Channel of the heading ("...:") of the paragraph that scopes `pos`.

        A heading with its content after the colon on the same line ("Về liên thông:
        tiếp nhận 215 hồ sơ, ...") scopes that line only; a heading alone on its line
        carries to the lines under it, until a line opens with another unit or names
        another channel (a blank line ends the paragraph, hence the scope)."""
        text = self.work
        para_start = max(para_start, pos - 600)
        colon = text.rfind(":", para_start, pos)
        while colon != -1:
            if _VALUE_AFTER.match(text, colon + 1):  # "Trực tiếp: 700" is a label, not a heading
                colon = text.rfind(":", para_start, colon)
                continue
            seg_start = max(text.rfind(".", para_start, colon), text.rfind(":", para_start, colon),
                            text.rfind("\n", para_start, colon), para_start)
            if colon - seg_start > 200:
                seg_start = colon - 200
            label = self.after(seg_start, colon)
            line_end = text.find("\n", colon, pos)
            if line_end != -1:
                if text[colon + 1:line_end].strip():
                    return None  # a heading of its own line only, and it ends any heading above
                if UNIT_LINE.search(text, line_end, pos):
                    return None
                if label is not None and any(c[2].label != label for c in self._in(line_end, pos)):
                    return None
            if label is not None:
                return label
            colon = text.rfind(":", para_start, colon)
        return None


def as_channel(label: str | None) -> str | None:
    """Lexicon label -> Figure.channel (``general`` is null)."""
    return None if label in (None, GENERAL) else label
