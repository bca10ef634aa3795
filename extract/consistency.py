"""Consistency checks per document: sums and rates that should agree (figures.md).

Only figures that share channel, period and subject are compared. A failed check adds a
flag such as ``"sum:early+on_time+late!=resolved"`` to every figure involved.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

SUMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("early", "on_time", "late"), "resolved"),
    (("early_or_on_time", "late"), "resolved"),
    (("received", "carried_over"), "total"),
    (("resolved", "pending", "returned"), "total"),
    (("resolved", "pending"), "total"),
)
RATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("early_rate", "early", ("resolved",)),
    ("on_time_rate", "on_time", ("resolved",)),
    ("early_or_on_time_rate", "early_or_on_time", ("resolved",)),
    ("late_rate", "late", ("resolved", "due")),
    ("resolved_rate", "resolved", ("total", "received")),
)
TOLERANCE = 0.1  # percentage points
COUNT_TOLERANCE = 1.0


class Flaggable(Protocol):
    metric: str
    value: float
    channel: str | None
    period: str | None
    subject: str | None
    flags: list[str]


def check(figures: list[Flaggable]) -> None:
    """Add flags in place to figures whose stated numbers disagree."""
    groups: dict[tuple[object, ...], dict[str, list[Flaggable]]] = defaultdict(lambda: defaultdict(list))
    for f in figures:
        groups[(f.channel, f.period, (f.subject or "").lower())][f.metric].append(f)
    for by_metric in groups.values():
        one = {m: fs[0] for m, fs in by_metric.items() if len(fs) == 1}
        for parts, whole in SUMS:
            if whole not in one or not all(p in one for p in parts):
                continue
            if whole == "total" and "resolved" in parts and "received" in one and "carried_over" not in one:
                continue
            total = sum(one[p].value for p in parts)
            if abs(total - one[whole].value) > COUNT_TOLERANCE:
                flag = f"sum:{'+'.join(parts)}!={whole}"
                for f in [one[p] for p in parts] + [one[whole]]:
                    if flag not in f.flags:
                        f.flags.append(flag)
        for rate, count, bases in RATES:
            if rate not in one or count not in one:
                continue
            for base in bases:
                if base in one and one[base].value > 0:
                    expected = 100.0 * one[count].value / one[base].value
                    if abs(expected - one[rate].value) > TOLERANCE + 0.05:
                        flag = f"rate:{rate}!={count}/{base}"
                        for f in (one[rate], one[count], one[base]):
                            if flag not in f.flags:
                                f.flags.append(flag)
                    break
