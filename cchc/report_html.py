"""The comparison report as one self-contained HTML file with inline SVG charts (no JS, no CDN).

Charts answer questions: small multiples (one panel per unit, one kind of period for all
panels, gaps left as gaps, rates on a 0–100 axis) and a ranking of units for one chosen
period. Geometry is computed here, with axis labels thinned so that none overlaps another;
the markup is in templates/report.html and _charts.html.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.compare import commonest_kind, describe_kind, like_key, rank, ranking_period
from cchc.report import COLUMNS, format_cell
from store.periods import period_label

TEMPLATES = Path(__file__).resolve().parent / "templates"
RATE_METRICS = ("late_pct", "early_or_on_time_pct", "late_pct_recomputed",
                "early_or_on_time_pct_recomputed", "late_rate_stated",
                "early_or_on_time_rate_stated")
COUNT_METRICS = ("received", "carried_over", "total", "resolved", "early", "on_time",
                 "early_or_on_time", "late", "pending")
METRICS = RATE_METRICS + COUNT_METRICS
#: At most this many unit panels (the units with most data).
MAX_PANELS = 12
#: Average glyph width of the charts' 11 px font, in px (used to keep labels apart).
CHAR_PX = 6.6
#: Least room between two axis labels, in px.
GAP_PX = 10
CONSECUTIVE_KINDS = {"day", "month", "quarter", "half", "year"}


@dataclass
class Panel:
    """One unit's line of one metric over periods of one kind."""

    title: str
    width: int
    height: int
    left: int
    top: int
    right: int
    bottom: int
    x_ticks: list[tuple[float, float, str, str]]  # tick x, label x, label, text-anchor
    y_ticks: list[tuple[float, str]]
    segments: list[str]
    dots: list[tuple[float, float, str, bool]]


@dataclass
class SmallMultiples:
    title: str
    panels: list[Panel]
    note: str = ""


@dataclass
class Bar:
    label: str
    full_label: str
    y: float
    width: float
    value: str
    flagged: bool
    flags: str


@dataclass
class BarChart:
    title: str
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    left: int = 220
    bar_height: int = 18
    axis: list[tuple[float, str]] = field(default_factory=list)


def nice_top(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 2.5, 5 or 10 times a power of ten)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def axis_top(metric: str, values: Sequence[float]) -> float:
    """Rates on 0–100; counts from 0 to a round number above the largest."""
    return 100.0 if metric in RATE_METRICS else nice_top(max(values, default=0.0))


def axis_periods(rows: Sequence[dict[str, Any]], like: tuple[str, str]) -> list[str]:
    """Every period of the axis: consecutive kinds from first to last (gaps included),
    others as stated, in time order."""
    kind = like[0]
    numbers = [r["period_number"] for r in rows if r.get("period_number") is not None]
    if kind in CONSECUTIVE_KINDS and numbers:
        return [period_label(kind, n) for n in range(min(numbers), max(numbers) + 1)]
    spans = {r["period"]: (r["period_start"], r["period_end"]) for r in rows}
    return sorted(spans, key=lambda p: spans[p])


def placed(ticks: Sequence[tuple[float, str]], low: float,
           high: float) -> list[tuple[float, float, str, str]]:
    """Axis labels that fit between `low` and `high` at least GAP_PX apart: every k-th tick,
    the smallest k for which all fit (a label is centred under its tick, or starts or ends at
    an edge it would cross). Each: (tick x, label x, label, text-anchor)."""
    for step in range(1, len(ticks) + 1):
        out, end = [], -math.inf
        for tick, label in ticks[::step]:
            tick_x, label_x, text, anchor = _inside(tick, label, low, high)
            width = len(text) * CHAR_PX
            start = {"start": label_x, "middle": label_x - width / 2}.get(anchor,
                                                                          label_x - width)
            if start < end + GAP_PX:
                break
            out.append((tick_x, label_x, text, anchor))
            end = start + width
        else:
            return out
    return []


def small_multiples(rows: Sequence[dict[str, Any]], metric: str, title: str,
                    kind: str | None = None, width: int = 400,
                    height: int = 190) -> SmallMultiples:
    """One panel per unit of `metric` over the commonest kind of period (or `kind`)."""
    like = commonest_kind(rows, metric, kind)
    if like is None:
        return SmallMultiples(title, [])
    chosen = [r for r in rows if r.get(metric) is not None and like_key(r) == like]
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for r in chosen:
        by_unit.setdefault(r["unit_id"], []).append(r)
    units = sorted(by_unit, key=lambda u: (-len(by_unit[u]), u))
    shown = sorted(units[:MAX_PANELS])  # a unit_id starts with the folded name: "xa doan ket"
    periods = axis_periods(chosen, like)
    top = axis_top(metric, [float(r[metric]) for r in chosen])
    left, right, top_pad, bottom = 46, 14, 28, 26
    plot_w, plot_h = width - left - right, height - top_pad - bottom

    def x(period: str) -> float:
        return round(left + plot_w * (periods.index(period) + 0.5) / len(periods), 1)

    def y(value: float) -> float:
        return round(top_pad + plot_h * (1 - value / top), 1)

    y_ticks = [(y(top * i / 4), format_cell(round(top * i / 4, 2))) for i in range(5)]
    x_ticks = placed([(x(p), p) for p in periods], left, width - 2)
    panels = []
    for unit_id in shown:
        points = {r["period"]: r for r in by_unit[unit_id]}
        segments, current, dots = [], [], []
        for period in periods:
            r = points.get(period)
            if r is None:  # a gap: the line stops here
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            value = float(r[metric])
            flagged = metric in flag_marks(r)
            current.append(f"{x(period)},{y(value)}")
            dots.append((x(period), y(value),
                         f"{r['unit']} {period}: {format_cell(r[metric])}"
                         f"{' ⚠ flagged' if flagged else ''}", flagged))
        if current:
            segments.append(" ".join(current))
        name = by_unit[unit_id][0]["unit"]
        panels.append(Panel(_fit(name, width - 10), width, height, left, top_pad, right,
                            bottom, x_ticks, y_ticks, segments, dots))
    note = f"{len(shown)} of {len(units)} units" if len(units) > len(shown) else ""
    first, last = periods[0], periods[-1]
    return SmallMultiples(f"{title}: {describe_kind(*like)}, {first} to {last}", panels, note)


def _inside(tick: float, label: str, low: float, high: float) -> tuple[float, float, str, str]:
    """An x label centred under its tick, unless that would cross the panel's edge: then
    it starts at the plot's left or ends at the panel's right."""
    half = len(label) * CHAR_PX / 2
    if tick - half < low:
        return tick, low, label, "start"
    if tick + half > high:
        return tick, high, label, "end"
    return tick, tick, label, "middle"


def _fit(text: str, width_px: float) -> str:
    """`text` cut with an ellipsis to fit `width_px` at the chart font."""
    most = max(4, int(width_px / CHAR_PX))
    return text if len(text) <= most else text[:most - 1] + "…"


def ranking_chart(rows: Sequence[dict[str, Any]], metric: str, title: str,
                  width: int = 760, kind: str | None = None) -> BarChart:
    """Units ranked by `metric` (highest first) in one period: the period of the commonest
    kind stated by most units, the latest among those (`ranking_period`)."""
    period = ranking_period(rows, metric, kind)
    if period is None:
        return BarChart(title, width, 0)
    like = next(like_key(r) for r in rows if r["period"] == period)
    ranked = rank(rows, metric, like, period)
    longest = max((len(f"{e.rank}. {e.row['unit']}") for e in ranked), default=10)
    left = min(int(longest * CHAR_PX * 12 / 11) + 16, 300)
    chart = BarChart(f"{title}, {period} ({describe_kind(*like)})", width, 0, left=left)
    top = axis_top(metric, [float(e.row[metric]) for e in ranked])
    plot_w = width - chart.left - 70
    for i, entry in enumerate(ranked):
        r = entry.row
        label = f"{entry.rank}. {r['unit']}"
        chart.bars.append(Bar(_fit(label, left - 16), label, 10 + i * (chart.bar_height + 8),
                              round(plot_w * float(r[metric]) / top, 1),
                              format_cell(r[metric]), bool(r.get("flagged")),
                              r.get("flag_list") or ""))
    axis_y = 10 + len(ranked) * (chart.bar_height + 8)
    chart.axis = [(round(chart.left + plot_w * i / 4, 1), format_cell(round(top * i / 4, 2)))
                  for i in range(5)]
    chart.height = axis_y + 24
    return chart


def volume_metric(rows: Sequence[dict[str, Any]], metric: str) -> str:
    """The count charted as volume: `metric` if it is a count, else received or resolved."""
    if metric in COUNT_METRICS:
        return metric
    received = sum(1 for r in rows if r.get("received") is not None)
    resolved = sum(1 for r in rows if r.get("resolved") is not None)
    return "received" if received >= resolved else "resolved"


_FLAG_ENTRY = re.compile(r"(\w+) (\[[^\]]*\])")
# Which figure metrics (and row checks) a report column is computed from.
COLUMN_SOURCES = {
    "late_pct": {"late", "late_rate", "resolved", "rates"},
    "late_pct_recomputed": {"late", "resolved"},
    "early_or_on_time_pct": {"early_or_on_time", "early_or_on_time_rate", "early", "on_time",
                             "resolved", "rates"},
}


def flag_marks(row: dict[str, Any]) -> dict[str, str]:
    """Column → failed checks of the figures it comes from (shown beside the number)."""
    flagged: dict[str, list[str]] = {}
    for metric, checks in _FLAG_ENTRY.findall(row.get("flag_list") or ""):
        flagged.setdefault(metric, []).extend(json.loads(checks))
    marks = {}
    for column in (*COUNT_METRICS, *COLUMN_SOURCES):
        sources = COLUMN_SOURCES.get(column, {column})
        checks = [c for m in sorted(sources & flagged.keys()) for c in flagged[m]]
        if checks and row.get(column) is not None:
            marks[column] = "; ".join(dict.fromkeys(checks))
    return marks


def render_html(rows: Sequence[dict[str, Any]], *, metric: str = "late_pct",
                title: str = "CCHC comparison", filters: str = "",
                kind: str | None = None) -> str:
    """The report page: small multiples of `metric` and of volume, a ranking, the table."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES),
                      autoescape=select_autoescape(["html"], default=True))
    env.filters["cell"] = format_cell
    volume = volume_metric(rows, metric)
    return env.get_template("report.html").render(
        title=title, filters=filters, metric=metric,
        rows=[{**r, "marks": flag_marks(r)} for r in rows],
        columns=[*COLUMNS[:4], ("unit_2025", "Unit (2025)"), *COLUMNS[4:8],
                 ("late_pct_recomputed", "Late % (recomputed)"), *COLUMNS[8:9]],
        rate_chart=small_multiples(rows, metric, f"{metric} by unit", kind),
        volume_chart=small_multiples(rows, volume, f"{volume} (dossiers) by unit", kind),
        ranking=ranking_chart(rows, metric, f"Units ranked by {metric}", kind=kind),
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_html(rows: Sequence[dict[str, Any]], path: Path, **options: Any) -> None:
    """Write the self-contained report page to `path` (UTF-8)."""
    path.write_text(render_html(rows, **options), encoding="utf-8")

