"""Analyst commands over the store: serve (Datasette + review page), review, search, units."""

from __future__ import annotations

import ipaddress
import json
import os
from pathlib import Path

import click

from cchc.cli import db_option, open_existing_db


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; keep loopback unless behind an authenticating proxy.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0: any free one).")
def serve(db_path: Path, host: str, port: int) -> None:
    """Browse the database in Datasette and review figures at /review.

    Reviews need a login with the token in CCHC_REVIEW_TOKEN; without it the review page
    is read-only.

    Example:

        CCHC_REVIEW_TOKEN=change-me cchc serve --db data/cchc.db
    """
    from cchc.review_app import check_token
    from cchc.serve import run

    open_existing_db(db_path).close()
    token = os.environ.get("CCHC_REVIEW_TOKEN") or None
    try:
        check_token(token)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        click.echo(f"warning: binding {host} exposes the review page beyond this machine",
                   err=True)
    click.echo(f"Datasette:   http://{host}:{port}/")
    click.echo(f"Review page: http://{host}:{port}/review/"
               + ("" if token else "  (read-only: set CCHC_REVIEW_TOKEN to enable reviews)"))
    run(db_path, host=host, port=port, token=token)


@click.group()
def review() -> None:
    """List figures to review, record decisions, read the audit trail."""


@review.command("queue")
@db_option
@click.option("--site", help="Only figures of this site id.")
@click.option("--metric", help="Only this metric (late, resolved …).")
@click.option("--flag", help="Only figures whose flags contain this text.")
@click.option("--limit", default=50, show_default=True, type=int)
def review_queue(db_path: Path, site: str | None, metric: str | None, flag: str | None,
                 limit: int) -> None:
    """Unreviewed figures, flagged first, as JSON lines.

    Example:

        cchc review queue --metric late --limit 10
    """
    import store

    db = open_existing_db(db_path)
    for row in store.review_queue(db, site_id=site, metric=metric, flag=flag, limit=limit):
        click.echo(json.dumps(row, ensure_ascii=False))


@review.command("decide")
@db_option
@click.argument("fingerprint")
@click.option("--confirm", is_flag=True, help="The figure is right.")
@click.option("--correct", "value", type=float, metavar="VALUE",
              help="The right value (decision: corrected): a count as a whole number, a rate "
                   "as a percent from 0 to 100.")
@click.option("--reject", is_flag=True, help="Not a figure: leave it out.")
@click.option("--reviewer", required=True, help="Your name, kept in the audit trail.")
@click.option("--note", help="Why.")
def review_decide(db_path: Path, fingerprint: str, confirm: bool, value: float | None,
                  reject: bool, reviewer: str, note: str | None) -> None:
    """Record a decision on the figure whose fingerprint starts with FINGERPRINT (at least
    6 hex digits, as `cchc review queue` prints it).

    Example:

        cchc review decide 8cb8bc84 --correct 20 --reviewer Lan --note "misread"
    """
    import store

    chosen = [name for name, given in (("--confirm", confirm), ("--correct", value is not None),
                                       ("--reject", reject)) if given]
    if len(chosen) != 1:
        raise click.UsageError("choose exactly one of --confirm, --correct VALUE or --reject"
                               + (f" (got {' and '.join(chosen)})" if chosen else ""))
    decision = {"--confirm": "confirmed", "--correct": "corrected",
                "--reject": "rejected"}[chosen[0]]
    db = open_existing_db(db_path)
    try:
        full = store.resolve_fingerprint(db, fingerprint)
        row = store.review_figure(db, full, decision, reviewer=reviewer, new_value=value,
                                  note=note)
    except store.ReviewError as exc:
        if decision == "corrected" and "corrected value refused" in str(exc):
            raise click.BadParameter(str(exc).split(": ", 1)[1],
                                     param_hint="--correct") from None
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(row, ensure_ascii=False))
    click.echo(f"saved: {decision} {row['metric']} {_value(row['old_value'])}"
               + (f" → {_value(row['new_value'])}" if decision == "corrected" else ""), err=True)


def _value(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}"


@review.command("audit")
@db_option
@click.option("--fingerprint", help="Only decisions about this figure.")
@click.option("--limit", default=50, show_default=True, type=int)
def review_audit(db_path: Path, fingerprint: str | None, limit: int) -> None:
    """Every review decision, newest first, as JSON lines.

    Example:

        cchc review audit --limit 20
    """
    import store

    for row in store.audit_trail(open_existing_db(db_path), fingerprint, limit):
        click.echo(json.dumps(row, ensure_ascii=False))


@click.command()
@db_option
@click.argument("query")
@click.option("--site", help="Only articles of this site id.")
@click.option("--limit", default=20, show_default=True, type=int)
def search(db_path: Path, query: str, site: str | None, limit: int) -> None:
    """Search articles, with or without Vietnamese accents.

    Example:

        cchc search "tre han" --limit 5
    """
    import store

    for row in store.search(open_existing_db(db_path), query, site_id=site, limit=limit):
        click.echo(f"{row['article_id']}\t{row['published'] or ''}\t{row['url']}\n"
                   f"\t{row['title'] or ''}\n\t{row['snippet']}")


@click.command()
@db_option
def units(db_path: Path) -> None:
    """Link every site and figure subject to its unit after 1 July 2025 (table `units`).

    Example:

        cchc units
    """
    import store

    db = open_existing_db(db_path)
    count = store.refresh_units(db)
    for row in db.query("SELECT status, count(*) AS n FROM units GROUP BY status ORDER BY 1"):
        click.echo(f"{row['status']}\t{row['n']}")
    click.echo(f"mapped {count} units")


def register(group: click.Group) -> None:
    """Add these commands to the `cchc` group."""
    for command in (serve, review, search, units):
        group.add_command(command)
