"""Like with like: rankings and series over comparison rows of one period kind and length.

Pure functions over rows of the `comparison` table (dicts). A ranking puts side by side
only periods of one kind and length (quarters with quarters, 11-month year-to-date spans
with their like); a series walks one unit's periods of one kind in order, with every
missing period shown as a gap and every change naming the period it is measured from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from store.periods import UNIT_NAMES, period_label

Row = dict[str, Any]


def like_key(row: Row) -> tuple[str, str]:
    """(kind, length): rows with equal keys cover comparable spans of time."""
    return row["period_kind"], row["period_length"]


def describe_kind(kind: str, length: str) -> str:
    """'quarters (3 months)', 'year-to-date spans (11 months)'."""
    return f"{UNIT_NAMES.get(kind, (kind, kind + 's'))[1]} ({length})"


def stating(rows: Iterable[Row], metric: str) -> list[Row]:
    return [r for r in rows if r.get(metric) is not None]


def commonest_kind(rows: Iterable[Row], metric: str,
                   kind: str | None = None) -> tuple[str, str] | None:
    """The (kind, length) most rows stating `metric` have (only `kind` when given); on a tie
    the shorter span (months before quarters before years)."""
    counts = Counter(like_key(r) for r in stating(rows, metric)
                     if kind is None or r["period_kind"] == kind)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -_span_days(rows, k)))


def _span_days(rows: Iterable[Row], key: tuple[str, str]) -> int:
    import datetime as dt

    for r in rows:
        if like_key(r) == key:
            return (dt.date.fromisoformat(r["period_end"])
                    - dt.date.fromisoformat(r["period_start"])).days
    return 0


def ranking_period(rows: Sequence[Row], metric: str, kind: str | None = None) -> str | None:
    """The one period a ranking of units shows: among periods of the commonest kind, the
    one stated by most units, the latest on a tie. HTML and XLSX reports both use it."""
    like = commonest_kind(rows, metric, kind)
    if like is None:
        return None
    units: dict[str, set[str]] = {}
    starts: dict[str, tuple[str, str]] = {}
    for r in stating(rows, metric):
        if like_key(r) == like:
            units.setdefault(r["period"], set()).add(r["unit_id"])
            starts[r["period"]] = (r["period_start"], r["period_end"])
    return max(units, key=lambda p: (len(units[p]), starts[p]))


@dataclass(frozen=True)
class Ranked:
    rank: int
    row: Row


def rank(rows: Iterable[Row], metric: str, like: tuple[str, str],
         period: str | None = None, descending: bool = True) -> list[Ranked]:
    """Rows of one kind and length (and one `period` when given) ordered by `metric`, then
    period and unit name without accents, with competition ranks (ties share a rank: 1, 2, 2,
    4)."""
    chosen = [r for r in stating(rows, metric)
              if like_key(r) == like and (period is None or r["period"] == period)]
    sign = -1 if descending else 1
    chosen.sort(key=lambda r: (sign * float(r[metric]), r["period_start"],
                               r.get("unit_key") or r["unit"].lower()))
    ranked: list[Ranked] = []
    for i, r in enumerate(chosen):
        same = ranked and float(ranked[-1].row[metric]) == float(r[metric])
        ranked.append(Ranked(ranked[-1].rank if same else i + 1, r))
    return ranked


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a unit's series: its value (None: a gap) and the change from the
    previous period of the series that states the metric (`compared_with`)."""

    period: str
    value: float | None
    row: Row | None
    compared_with: str | None = None
    change: float | None = None
    missing_between: int = 0


def series(rows: Iterable[Row], metric: str, like: tuple[str, str]) -> list[SeriesPoint]:
    """One unit's `metric` over periods of one kind and length, first to last, with gaps.

    Periods of kinds that follow one another (months, quarters, halves, years, days) get a
    gap point for every missing period; other spans (ranges, year-to-date) are listed as
    stated. Each change is from the previous point with a value, named in `compared_with`.
    """
    kind = like[0]
    stated = sorted((r for r in stating(rows, metric) if like_key(r) == like),
                    key=lambda r: (r["period_start"], r["period_end"]))
    points: list[SeriesPoint] = []
    previous: SeriesPoint | None = None
    for r in stated:
        number = r.get("period_number")
        if (previous is not None and number is not None and previous.row is not None
                and previous.row.get("period_number") is not None
                and kind in {"day", "month", "quarter", "half", "year"}):
            for missing in range(previous.row["period_number"] + 1, number):
                points.append(SeriesPoint(period_label(kind, missing), None, None))
        value = float(r[metric])
        if previous is None:
            point = SeriesPoint(r["period"], value, r)
        else:
            gap = sum(1 for p in points[points.index(previous) + 1:] if p.value is None)
            point = SeriesPoint(r["period"], value, r, previous.period,
                                round(value - float(previous.value or 0), 2), gap)
        points.append(point)
        previous = point
    return points
