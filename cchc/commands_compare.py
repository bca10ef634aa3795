"""Comparison commands: report (the table, CSV/XLSX/HTML), rank, series, export figures.

All read the `comparison` table (export reads figures) with the same filters: unit,
district and province match part of the name with or without accents; periods are kept
when they lie inside --since/--until (or --year), or, with --overlapping, when they share a
day with them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cchc.cli import db_option, open_existing_db, output_file, parse_date
from cchc.report import HEADLINE_COLUMNS
from cchc.report_html import METRICS as REPORT_METRICS
from extract.model import CHANNELS, LEVELS
from store.periods import KINDS


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The comparison filters shared by report, rank and series."""
    options = [
        click.option("--unit", help="Only units whose name contains this, accents and case "
                                    "ignored ('tan hong' finds xã Tân Hồng)."),
        click.option("--district", help="Only units of this district (part of the name, "
                                        "accents and case ignored)."),
        click.option("--province", help="Only units of this province (part of the name, "
                                        "accents and case ignored: 'hai duong')."),
        click.option("--level", type=click.Choice(LEVELS), help="Only units of this level."),
        click.option("--since", metavar="YYYY-MM-DD",
                     help="Only periods starting on or after this day (containment; see "
                          "--overlapping)."),
        click.option("--until", metavar="YYYY-MM-DD",
                     help="Only periods ending on or before this day (containment; see "
                          "--overlapping)."),
        click.option("--year", type=click.IntRange(1990, 2100),
                     help="Only periods inside this year: --since YYYY-01-01 --until "
                          "YYYY-12-31."),
        click.option("--overlapping", is_flag=True,
                     help="Keep periods that share at least one day with --since/--until "
                          "(default: only periods lying entirely inside them)."),
        click.option("--kind", type=click.Choice(KINDS),
                     help="Only periods of this kind (quarter, month, year …)."),
        click.option("--period", help="Only this period, as figures are stored (2024-Q3, "
                                      "2024-07, 2024, 2024-01..2024-06)."),
        click.option("--channel", type=click.Choice(CHANNELS),
                     help="One channel instead of all dossiers together."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def make_filter(unit: str | None, district: str | None, province: str | None,
                level: str | None, since: str | None, until: str | None, year: int | None,
                overlapping: bool, kind: str | None, period: str | None,
                channel: str | None) -> Any:
    """A ReportFilter from the options, dates checked (usage errors say the shape)."""
    from cchc.report import ReportFilter

    parse_date(since, "--since")
    parse_date(until, "--until")
    if year is not None:
        if since or until:
            raise click.UsageError("give either --year or --since/--until, not both")
        since, until = f"{year}-01-01", f"{year}-12-31"
    return ReportFilter(province=province, district=district, since=since, until=until,
                        channel=channel, unit=unit, level=level, kind=kind,
                        overlapping=overlapping, period=period)


@click.command()
@db_option
@filter_options
@click.option("--metric", type=click.Choice(REPORT_METRICS),
              help="Only rows stating this column; charted and ranked by it (default late_pct).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_file,
              help="Also write the table to this CSV file.")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_file,
              help="Also write an Excel workbook (table, ranking, notes).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_file,
              help="Also write a self-contained HTML page with charts.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              metavar="N", help="Rows shown in the terminal (0: all); --csv, --xlsx and "
              "--html always get every row.")
def report(db_path: Path, metric: str | None = None, csv_path: Path | None = None,
           xlsx_path: Path | None = None, html_path: Path | None = None, limit: int = 100,
           **filters: Any) -> None:
    """Compare units and periods: received, resolved, early-or-on-time %, late %.

    One row per unit × period (× channel with --channel); every number of a row comes from
    one article or one statistics box. Rows are ordered by unit, period start, period length.

    Examples:

        cchc report --province "Hai Duong" --year 2024 --kind quarter
        cchc report --unit "tan hong" --csv report.csv --html report.html
    """
    from cchc.report import comparison_rows, console, count_rows, print_table, write_csv

    flt = make_filter(**filters)
    db = open_existing_db(db_path)
    # a unit-period that states none of the table's numbers is left out
    stating = (metric,) if metric else HEADLINE_COLUMNS
    read_all = bool(csv_path or xlsx_path or html_path) or not limit  # files get every row
    rows = comparison_rows(db, flt, stating=stating, limit=None if read_all else limit)
    total = len(rows) if read_all else count_rows(db, flt, stating=stating)
    if not rows:
        click.echo("no figures match: widen the filters, or run `cchc extract`")
    else:
        shown = rows[:limit] if limit else rows
        print_table(shown, title=f"CCHC comparison ({total} unit-periods)")
        if len(shown) < total:
            console().print(f"showing the first {len(shown)} of {total} unit-periods: narrow "
                            "the filters, or --limit 0 for all, or --csv FILE")
    if csv_path:
        write_csv(rows, csv_path)
        click.echo(f"wrote {len(rows)} rows to {csv_path}")
    shown = flt.describe()
    if xlsx_path:
        from cchc.report_xlsx import write_xlsx

        write_xlsx(rows, xlsx_path, metric=metric or "late_pct", filters=shown, kind=flt.kind)
        click.echo(f"wrote {len(rows)} rows to {xlsx_path}")
    if html_path:
        from cchc.report_html import write_html

        write_html(rows, html_path, metric=metric or "late_pct", filters=shown, kind=flt.kind)
        click.echo(f"wrote {len(rows)} rows to {html_path}")


@click.command("rank")
@db_option
@filter_options
@click.option("--metric", type=click.Choice(REPORT_METRICS), default="late_pct",
              show_default=True, help="The column to rank by.")
@click.option("--ascending", is_flag=True, help="Lowest first (default: highest first).")
@click.option("--top", type=click.IntRange(min=1), default=None, metavar="N",
              help="Only the first N ranks.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_file,
              help="Also write the ranking to this CSV file.")
def rank_cmd(db_path: Path, metric: str, ascending: bool, top: int | None,
             csv_path: Path | None, **filters: Any) -> None:
    """Rank unit-periods by a column, only periods of one kind and length side by side.

    Without --kind the commonest kind among the matching rows is ranked, and the header
    says which (quarters are never ranked against months or years).

    Example: which communes had the highest late rate in 2024, quarter by quarter?

        cchc rank --metric late_pct --level commune --year 2024 --kind quarter
    """
    from cchc.compare import commonest_kind, describe_kind, rank
    from cchc.report import comparison_rows, console, format_cell

    flt = make_filter(**filters)
    rows = comparison_rows(open_existing_db(db_path), flt)
    like = commonest_kind(rows, metric, flt.kind)
    if like is None:
        click.echo(f"no row states {metric}: widen the filters")
        return
    ranked = rank(rows, metric, like, descending=not ascending)
    if top is not None:
        ranked = [e for e in ranked if e.rank <= top]
    inside = f" inside {flt.since}..{flt.until}" if flt.since or flt.until else ""
    title = (f"{flt.level + 's' if flt.level else 'Units'} ranked by {metric}, "
             f"{'lowest' if ascending else 'highest'} first: {describe_kind(*like)}{inside}")
    table_rows = [[str(e.rank), e.row["unit"], e.row["period"], format_cell(e.row[metric]),
                   format_cell(e.row.get("resolved")), format_cell(e.row.get("late")),
                   e.row["source"], _notes(e.row)] for e in ranked]
    headers = ["Rank", "Unit", "Period", metric, "Resolved", "Late", "Source", "Notes"]
    _print(console(), title, headers, table_rows, right={0, 3, 4, 5})
    if csv_path:
        _write_csv(csv_path, headers, table_rows)
        click.echo(f"wrote {len(table_rows)} rows to {csv_path}")


@click.command("series")
@db_option
@filter_options
@click.option("--metric", type=click.Choice(REPORT_METRICS), default="resolved",
              show_default=True, help="The column to follow over time.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_file,
              help="Also write the series to this CSV file.")
def series_cmd(db_path: Path, metric: str, csv_path: Path | None, **filters: Any) -> None:
    """One unit's column over periods of one kind, with gaps and period-over-period change.

    Every period of the kind between the first and last stated one is listed; a period with
    no figure is a gap. Each change is measured from the previous period that states the
    column, named in "Compared with" (with the number of periods missing between).

    Example: how did xã Tân Hồng's resolved count change across quarters?

        cchc series --unit "tan hong" --metric resolved --kind quarter
    """
    from cchc.compare import commonest_kind, describe_kind, series
    from cchc.report import comparison_rows, console, format_cell

    flt = make_filter(**filters)
    if not flt.unit:
        raise click.UsageError("a series is one unit's: give --unit (part of its name)")
    rows = comparison_rows(open_existing_db(db_path), flt)
    units = {r["unit_id"]: r["unit"] for r in rows if r.get(metric) is not None}
    if len(units) > 1:
        raise click.UsageError(f"--unit {flt.unit!r} matches {len(units)} units: "
                               f"{'; '.join(sorted(units.values()))}. Give more of the name "
                               "or --province.")
    like = commonest_kind(rows, metric, flt.kind)
    if like is None:
        click.echo(f"no period of {flt.unit!r} states {metric}: widen the filters")
        return
    points = series(rows, metric, like)
    unit = next(iter(units.values()))
    headers = ["Period", metric, "Change", "Compared with", "Source"]
    table_rows = []
    for p in points:
        if p.value is None:
            table_rows.append([p.period, "—", "", "gap: no figure", ""])
            continue
        compared = p.compared_with or ""
        if p.missing_between:
            compared += f" ({p.missing_between} missing between)"
        change = "" if p.change is None else f"{p.change:+g}"
        table_rows.append([p.period, format_cell(p.value), change, compared,
                           f"{p.row['source']} {p.row.get('stated_at') or ''}".strip()
                           if p.row else ""])
    title = f"{unit}: {metric} over {describe_kind(*like)}"
    _print(console(), title, headers, table_rows, right={1, 2})
    if csv_path:
        _write_csv(csv_path, headers, table_rows)
        click.echo(f"wrote {len(table_rows)} rows to {csv_path}")


def _notes(row: dict[str, Any]) -> str:
    notes = []
    if row.get("flagged"):
        notes.append(f"⚠ {row.get('flag_list') or 'flagged'}")
    if row.get("conflict"):
        notes.append(f"≠ other sources differ on {row['conflict_metrics']}")
    return "; ".join(notes)


def _print(out: Any, title: str, headers: list[str], rows: list[list[str]],
           right: set[int]) -> None:
    from rich.table import Table

    table = Table(title=title)
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in right else "left", overflow="fold")
    for row in rows:
        table.add_row(*row)
    out.print(table)


def _write_csv(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    import csv

    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)


@click.group("export")
def export() -> None:
    """Export stored data as files."""


@export.command("figures")
@db_option
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_file,
              help="Write the figures to this CSV file (UTF-8 with BOM).")
@click.option("--parquet", "parquet_path", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_file,
              help="Write the figures to this Parquet file (needs: pip install "
                   "'cchc[parquet]').")
def export_figures(db_path: Path, csv_path: Path | None, parquet_path: Path | None) -> None:
    """One row per figure: unit, level, province, period start/end/kind, metric, channel,
    value (reviewed), source, evidence, article URL, review state, confidence.

    Example:

        cchc export figures --csv figures.csv --parquet figures.parquet
    """
    from cchc.export import write_figures_csv, write_figures_parquet

    if not csv_path and not parquet_path:
        raise click.UsageError("give --csv FILE and/or --parquet FILE")
    db = open_existing_db(db_path)
    if parquet_path:
        try:
            n = write_figures_parquet(db, parquet_path)
        except ImportError:
            raise click.ClickException(
                "Parquet export needs pyarrow: pip install 'cchc[parquet]' (or use --csv)"
            ) from None
        click.echo(f"wrote {n} figures to {parquet_path}")
    if csv_path:
        n = write_figures_csv(db, csv_path)
        click.echo(f"wrote {n} figures to {csv_path}")


def register(group: click.Group) -> None:
    """Add these commands to the `cchc` group."""
    for command in (report, rank_cmd, series_cmd, export):
        group.add_command(command)
