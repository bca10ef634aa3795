"""Reviewer decisions on figures, keyed by fingerprint so they survive re-extraction.

`reviews` holds the current decision per figure fingerprint; `review_audit` gets one row
appended for every decision ever made. The comparison views read `reviews`: a corrected
figure counts at its new value, a rejected one is left out.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlite_utils import Database

from store.comparison import refresh as refresh_comparison
from store.db import utc_now
from store.values import check_value

DECISIONS = ("confirmed", "corrected", "rejected")


class ReviewError(ValueError):
    """Raised by `review_figure` for an unknown figure or an incomplete decision."""


def figure(db: Database, figure_id: int) -> dict[str, Any] | None:
    """One figure with its site, article or widget text, and its current review."""
    row = next(db.query("""
        SELECT f.*, s.id AS site_id, s.name AS site_name, a.url, a.title, a.published,
               coalesce(a.body, w.text) AS text, w.updated_at AS widget_updated_at,
               r.decision AS review, r.new_value AS reviewed_value, r.reviewer, r.note
        FROM figures f
        LEFT JOIN articles a ON a.id = f.article_id
        LEFT JOIN widget_snapshots w ON w.id = f.snapshot_id
        JOIN sites s ON s.id = coalesce(a.site_id, w.site_id)
        LEFT JOIN reviews r ON r.fingerprint = f.fingerprint
        WHERE f.id = ?""", [figure_id]), None)
    if row is not None:
        row["flag_list"] = json.loads(row["flags"] or "[]")
    return row


def figure_by_fingerprint(db: Database, fingerprint: str) -> dict[str, Any] | None:
    """The figure currently stored under `fingerprint` (its id changes on re-extraction)."""
    row = next(db["figures"].rows_where("fingerprint = ?", [fingerprint], select="id"), None)
    return figure(db, int(row["id"])) if row else None


def sibling_figures(db: Database, fig: dict[str, Any]) -> list[dict[str, Any]]:
    """The other figures read from the same article or widget snapshot, in text order."""
    column, owner = (("article_id", fig["article_id"]) if fig.get("article_id") is not None
                     else ("snapshot_id", fig["snapshot_id"]))
    return [dict(r) for r in db.query(f"""
        SELECT f.id, f.metric, f.value, f.channel, f.period, f.evidence, f.start, f.flags,
               r.decision AS review, r.new_value AS reviewed_value
        FROM figures f LEFT JOIN reviews r ON r.fingerprint = f.fingerprint
        WHERE f.{column} = ? AND f.id != ? ORDER BY f.start, f.id""", [owner, fig["id"]])]


def review_queue(db: Database, *, site_id: str | None = None, metric: str | None = None,
                 flag: str | None = None, flagged_only: bool = False,
                 limit: int = 200) -> list[dict[str, Any]]:
    """Figures still to review (view `figures_to_review`): the least certain first (the
    extractor's confidence; unknown counts as certain), flagged ones first among equals.

    `flag` keeps figures whose flags contain that text (e.g. "sum").
    """
    where, params = ["1 = 1"], []
    if site_id:
        where.append("site_id = ?")
        params.append(site_id)
    if metric:
        where.append("metric = ?")
        params.append(metric)
    if flag:
        where.append("flags LIKE ?")
        params.append(f"%{flag}%")
    if flagged_only:
        where.append("flagged = 1")
    sql = (f"SELECT * FROM figures_to_review WHERE {' AND '.join(where)} "
           "ORDER BY coalesce(confidence, 1), flagged DESC, site_id, stated_at DESC, "
           "article_id, figure_id LIMIT ?")
    return [dict(r) for r in db.query(sql, [*params, limit])]


def queue_facets(db: Database) -> dict[str, list[str]]:
    """Distinct sites and metrics of the review queue (for filter menus)."""
    return {
        "sites": [r[0] for r in db.execute(
            "SELECT DISTINCT site_id FROM figures_to_review ORDER BY 1").fetchall()],
        "metrics": [r[0] for r in db.execute(
            "SELECT DISTINCT metric FROM figures_to_review ORDER BY 1").fetchall()],
    }


def resolve_fingerprint(db: Database, prefix: str) -> str:
    """The full fingerprint starting with `prefix` (at least 6 hex digits, as the queue and
    audit print them); ReviewError when none or several figures match."""
    prefix = prefix.strip().lower().rstrip("…").rstrip(".")
    if not re.fullmatch(r"[0-9a-f]{6,40}", prefix):
        raise ReviewError(f"{prefix!r} is not a fingerprint: give at least its first 6 hex "
                          "digits (see `cchc review queue`)")
    matches = [r[0] for r in db.execute(
        "SELECT fingerprint FROM figures WHERE fingerprint >= ? AND fingerprint < ? LIMIT 6",
        [prefix, prefix + "g"]).fetchall()]
    if not matches:
        raise ReviewError(f"no figure with fingerprint {prefix}: re-open the review queue")
    if len(matches) > 1:
        raise ReviewError(f"{prefix} starts {'more than 5' if len(matches) > 5 else len(matches)}"
                          f" fingerprints ({', '.join(m[:12] for m in matches[:5])}…): "
                          "give more digits")
    return str(matches[0])


def review_figure(db: Database, fingerprint: str, decision: str, *, reviewer: str,
                  new_value: float | None = None, note: str | None = None) -> dict[str, Any]:
    """Record a decision on the figure with `fingerprint`; returns the new `reviews` row.

    `decision` is confirmed, corrected (needs `new_value`: finite, 0 or more, at most 100
    for a rate, whole for a count) or rejected. A later decision replaces the current one;
    every decision is appended to `review_audit` with the unit, metric, period, values and
    evidence it was about, and the figure's comparison rows are refreshed.
    """
    if decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, got {decision!r}")
    if not reviewer.strip():
        raise ReviewError("a reviewer name is required: log in with your name")
    if decision == "corrected" and new_value is None:
        raise ReviewError("a correction needs the corrected value (new_value)")
    # The figure, the previous decision and the new one are read and written under one write
    # lock, so two reviewers deciding at once each see the decision the other recorded.
    with db.atomic():
        current = next(db.query("""
            SELECT f.metric, f.value, f.evidence, f.unit, f.channel, f.period,
                   coalesce(a.url, p.url) AS url
            FROM figures f LEFT JOIN articles a ON a.id = f.article_id
            LEFT JOIN widget_snapshots w ON w.id = f.snapshot_id
            LEFT JOIN pages p ON p.id = w.page_id
            WHERE f.fingerprint = ?""", [fingerprint]), None)
        if current is None:
            raise ReviewError(f"no figure with fingerprint {fingerprint}: re-open the review queue")
        if decision == "corrected":
            try:
                new_value = check_value(current["metric"], float(new_value))  # type: ignore[arg-type]
            except ValueError as exc:
                raise ReviewError(f"corrected value refused: {exc}") from None
        previous = get_review(db, fingerprint)
        row = {
            "fingerprint": fingerprint, "decision": decision, "old_value": current["value"],
            "new_value": new_value if decision == "corrected" else None,
            "reviewer": reviewer.strip(), "at": utc_now(), "note": note or None,
            "metric": current["metric"], "evidence": current["evidence"],
        }
        db["reviews"].upsert(row, pk="fingerprint")
        db["review_audit"].insert({
            "fingerprint": fingerprint, "decision": decision,
            "previous_decision": previous["decision"] if previous else None,
            "unit": current["unit"], "metric": current["metric"],
            "channel": current["channel"], "period": current["period"],
            "old_value": row["old_value"], "new_value": row["new_value"],
            "evidence": current["evidence"], "source_url": current["url"],
            "reviewer": row["reviewer"], "at": row["at"], "note": row["note"],
        })
        refresh_comparison(db, [current["period"]])
    return row


def get_review(db: Database, fingerprint: str) -> dict[str, Any] | None:
    """The current decision on a figure fingerprint, if any."""
    return next(db["reviews"].rows_where("fingerprint = ?", [fingerprint]), None)


def audit_trail(db: Database, fingerprint: str | None = None,
                limit: int = 200) -> list[dict[str, Any]]:
    """Decisions, newest first; only those about `fingerprint` when given."""
    where, params = ("WHERE fingerprint = ?", [fingerprint]) if fingerprint else ("", [])
    return [dict(r) for r in db.query(
        f"SELECT * FROM review_audit {where} ORDER BY id DESC LIMIT ?", [*params, limit])]
