"""The comparison report as one self-contained HTML file with inline SVG charts (no JS, no CDN).

Chart geometry is computed here; the markup is in templates/report.html and _charts.html.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.report import COLUMNS, format_cell

TEMPLATES = Path(__file__).resolve().parent / "templates"
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf")
RATE_METRICS = ("late_pct", "early_or_on_time_pct", "late_pct_recomputed",
                "early_or_on_time_pct_recomputed", "late_rate_stated",
                "early_or_on_time_rate_stated")
COUNT_METRICS = ("received", "carried_over", "total", "resolved", "early", "on_time",
                 "early_or_on_time", "late", "pending")
METRICS = RATE_METRICS + COUNT_METRICS
MAX_SERIES = len(PALETTE)


@dataclass
class Series:
    """One unit's line: SVG points and the dots with their labels."""

    name: str
    color: str
    points: str
    dots: list[tuple[float, float, str, bool]]


@dataclass
class LineChart:
    title: str
    width: int
    height: int
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    series: list[Series]
    left: int = 60
    bottom: int = 0
    note: str = ""


@dataclass
class Bar:
    label: str
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


def _ticks(top: float, count: int = 5) -> list[float]:
    step = top / count if top > 0 else 1
    return [round(step * i, 2) for i in range(count + 1)]


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    return float(((value // magnitude) + 1) * magnitude)


def period_key(period: str) -> tuple[str, str]:
    """Sort key of a figures.md period: (first day, last month or day), e.g. 2022-Q1 →
    ("2022-01", "2022-03"); ranges sort by their start."""
    if ".." in period:
        start, _, end = period.partition("..")
        return period_key(start)[0], period_key(end)[1]
    match = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if match:
        quarter = int(match[2])
        return f"{match[1]}-{3 * quarter - 2:02d}", f"{match[1]}-{3 * quarter:02d}"
    if re.fullmatch(r"\d{4}", period):
        return f"{period}-01", f"{period}-12"
    return period, period


def line_chart(rows: Sequence[dict[str, Any]], metric: str, title: str,
               width: int = 760, height: int = 340) -> LineChart:
    """`metric` per unit over periods; at most MAX_SERIES units, the ones with most data."""
    left, right, top_pad, bottom = 60, 180, 20, 90  # room for slanted period labels
    periods = sorted({r["period"] for r in rows if r.get(metric) is not None}, key=period_key)
    by_unit: dict[str, list[tuple[str, float, bool]]] = {}
    for r in rows:
        if r.get(metric) is not None:
            by_unit.setdefault(r["unit"], []).append(
                (r["period"], float(r[metric]), metric in flag_marks(r)))
    ranked = sorted(by_unit, key=lambda u: (-len(by_unit[u]), u.lower()))
    units = sorted(ranked[:MAX_SERIES], key=str.lower)
    note = f"{len(units)} of {len(by_unit)} units" if len(by_unit) > len(units) else ""
    top = _nice_top(max((v for u in units for _, v, _ in by_unit[u]), default=0.0))
    plot_w, plot_h = width - left - right, height - top_pad - bottom

    def x(period: str) -> float:
        i = periods.index(period)
        return round(left + (plot_w * (i + 0.5) / max(len(periods), 1)), 1)

    def y(value: float) -> float:
        return round(top_pad + plot_h * (1 - value / top), 1)

    series = []
    for i, unit in enumerate(units):
        pts = sorted(by_unit[unit], key=lambda pt: period_key(pt[0]))
        series.append(Series(
            unit, PALETTE[i], " ".join(f"{x(p)},{y(v)}" for p, v, _ in pts),
            [(x(p), y(v), f"{unit} {p}: {format_cell(v)}{' ⚠ flagged' if f else ''}", f)
             for p, v, f in pts]))
    return LineChart(title, width, height, [(x(p), p) for p in periods],
                     [(y(t), format_cell(t)) for t in _ticks(top)], series, left,
                     height - bottom, note)


def ranking_chart(rows: Sequence[dict[str, Any]], metric: str, title: str,
                  width: int = 760) -> BarChart:
    """Units ranked by `metric` (highest first) in one period: the one stated by most units,
    the latest among those (ranking units over different periods would mislead)."""
    period = ranking_period(rows, metric)
    ranked = sorted((r for r in rows if r["period"] == period and r.get(metric) is not None),
                    key=lambda r: (-float(r[metric]), r["unit"].lower()))
    chart = BarChart(f"{title}, {period}" if period else title, width, 0)
    top = _nice_top(max((float(r[metric]) for r in ranked), default=0.0))
    plot_w = width - chart.left - 120
    for i, r in enumerate(ranked):
        chart.bars.append(Bar(f"{i + 1}. {r['unit']}",
                              10 + i * (chart.bar_height + 6),
                              round(plot_w * float(r[metric]) / top, 1),
                              format_cell(r[metric]), bool(r.get("flagged")),
                              r.get("flag_list") or ""))
    chart.height = 20 + len(ranked) * (chart.bar_height + 6)
    return chart


def ranking_period(rows: Sequence[dict[str, Any]], metric: str) -> str | None:
    """The period with the most units stating `metric`; the latest one on a tie."""
    units: dict[str, set[str]] = {}
    for r in rows:
        if r.get(metric) is not None:
            units.setdefault(r["period"], set()).add(r["unit"].lower())
    if not units:
        return None
    return max(units, key=lambda p: (len(units[p]), period_key(p)))


def volume_metric(rows: Sequence[dict[str, Any]], metric: str) -> str:
    """The count charted as volume: `metric` if it is a count, else received or resolved."""
    if metric in COUNT_METRICS:
        return metric
    received = sum(1 for r in rows if r.get("received") is not None)
    resolved = sum(1 for r in rows if r.get("resolved") is not None)
    return "received" if received >= resolved else "resolved"


_FLAG_ENTRY = re.compile(r"(\w+) (\[[^\]]*\])")
# Which figure metrics a report column is computed from.
COLUMN_SOURCES = {
    "late_pct": {"late", "late_rate", "resolved"},
    "late_pct_recomputed": {"late", "resolved"},
    "early_or_on_time_pct": {"early_or_on_time", "early_or_on_time_rate", "early", "on_time",
                             "resolved"},
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
                title: str = "CCHC comparison", filters: str = "") -> str:
    """The report page: charts of `metric` and volume over time, a ranking, the table."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES),
                      autoescape=select_autoescape(["html"], default=True))
    env.filters["cell"] = format_cell
    volume = volume_metric(rows, metric)
    rate_title = f"{metric} by unit over time"
    return env.get_template("report.html").render(
        title=title, filters=filters, metric=metric,
        rows=[{**r, "marks": flag_marks(r)} for r in rows],
        columns=[*COLUMNS[:4], ("unit_2025", "Unit (2025)"), *COLUMNS[4:8],
                 ("late_pct_recomputed", "Late % (recomputed)"), *COLUMNS[8:9]],
        rate_chart=line_chart(rows, metric, rate_title),
        volume_chart=line_chart(rows, volume, f"{volume} (dossiers) by unit over time"),
        ranking=ranking_chart(rows, metric, f"Units ranked by {metric}"),
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_html(rows: Sequence[dict[str, Any]], path: Path, **options: Any) -> None:
    """Write the self-contained report page to `path` (UTF-8)."""
    path.write_text(render_html(rows, **options), encoding="utf-8")
