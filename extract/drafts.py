"""Drafts: figures before period, subject and level are placed; cue lookups by span."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.lexicon import Cue

if TYPE_CHECKING:
    from extract.inheritance import Lead

RATE_OF = {
    "received": "received_rate", "resolved": "resolved_rate", "early": "early_rate",
    "on_time": "on_time_rate", "early_or_on_time": "early_or_on_time_rate", "late": "late_rate",
    "pending": "pending_rate", "returned": "returned_rate", "pending_late": "late_rate",
    "pending_not_due": "pending_rate", "total": "received_rate",
}

@dataclass
class Draft:
    """A figure before period, subject and level are known (work-text offsets)."""

    metric: str
    value: float
    channel: str | None
    start: int
    end: int
    num_start: int
    num_end: int
    kind: str = "count"  # count, rate, index, rank
    explicit_new: bool = False
    flags: list[str] = field(default_factory=list)
    read: str = "own"  # how the metric was read: own (its own cue), lead (inherited), sentence (a far cue)
    lead: Lead | None = None  # the list item (or table row) the number sits in, and its lead
    subject: str | None = None  # a unit named for this number alone (a table's column header)
    period_from: tuple[int, int] | None = None  # a span naming this number's period alone (its column's header)


class Cues:
    """Sorted cue occurrences of one kind, searchable by span."""

    def __init__(self, found: list[tuple[int, int, Cue]]):
        self.found = found
        self.starts = [f[0] for f in found]

    def within(self, a: int, b: int) -> list[tuple[int, int, Cue]]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.found) and self.found[i][0] < b:
            if self.found[i][1] <= b:
                out.append(self.found[i])
            i += 1
        return out


def _best(found: list[tuple[int, int, Cue]], nearest_last: bool = True) -> tuple[int, int, Cue] | None:
    """Highest priority; among equals the nearest (last before, first after)."""
    if not found:
        return None
    seq = found if nearest_last else list(reversed(found))
    best = seq[0]
    for f in seq[1:]:
        if f[2].priority >= best[2].priority:
            best = f
    return best
