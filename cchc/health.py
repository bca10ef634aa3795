"""`cchc health`: what needs attention, read from `crawl_runs` and the stored data.

Each check returns `Finding`s; an empty list means all is well. The checks:

- **stale**: a site with no new article for `stale_days` (or never one);
- **failing**: a site whose latest run fetched no page at all;
- **error_spike**: a site's error rate in its latest run against the median of its own
  earlier runs (at least `min_history` of them);
- **template**: a platform whose recently fetched article pages mostly lost their body or
  their date while its earlier pages had them (a template change the extractor missed);
- **box_stale**: a TTHC statistics box still shown but not updated for `box_days`;
- **robots**: robots.txt forbade requests of a site in its latest run.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database

from crawler.outcome import failure_reason, pages_fetched, site_stats


@dataclass(frozen=True)
class HealthOptions:
    """Thresholds of the checks (the `cchc health` options)."""

    stale_days: int = 30
    spike: float = 0.2  # error-rate rise over the site's own median that counts as a spike
    min_history: int = 3
    window_days: int = 7  # "recent" for the template check
    template_share: float = 0.5  # share of recent pages without body/date that alarms
    min_pages: int = 5  # recent pages a platform needs before the template check judges it
    box_days: int = 45


@dataclass(frozen=True)
class Finding:
    """One thing that needs attention."""

    check: str
    subject: str  # a site id, or a platform
    detail: str
    since: str | None = None


def _parse_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    when = dt.datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _days(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 86400)


@dataclass
class SiteRun:
    """A site's counts in one crawl run."""

    run_id: int
    started_at: str
    status: str
    counts: dict[str, int]

    @property
    def error_rate(self) -> float:
        total = pages_fetched(self.counts) + self.counts["errors"]
        return self.counts["errors"] / total if total else 0.0


def site_runs(db: Database, limit: int = 30) -> dict[str, list[SiteRun]]:
    """Each site's ended runs, oldest first (the last `limit` per site)."""
    out: dict[str, list[SiteRun]] = {}
    rows = db.query("SELECT id, started_at, status, sites, stats FROM crawl_runs "
                    "WHERE stats IS NOT NULL AND status != 'running' ORDER BY id")
    for row in rows:
        stats = json.loads(row["stats"] or "{}")
        for site in filter(None, (row["sites"] or "").split(",")):
            out.setdefault(site, []).append(
                SiteRun(row["id"], row["started_at"], row["status"], site_stats(stats, site)))
    return {site: runs[-limit:] for site, runs in out.items()}


def check_stale(db: Database, opt: HealthOptions, now: dt.datetime) -> Iterator[Finding]:
    """Crawled sites with no new article page for `stale_days`."""
    rows = db.query("""
        SELECT s.id, max(p.first_fetched_at) AS last_new
        FROM sites s LEFT JOIN pages p ON p.site_id = s.id AND p.kind = 'article'
        WHERE EXISTS (SELECT 1 FROM crawl_runs r WHERE ',' || r.sites || ',' LIKE '%,' || s.id || ',%')
        GROUP BY s.id ORDER BY s.id""")
    for row in rows:
        last = _parse_time(row["last_new"])
        if last is None:
            yield Finding("stale", row["id"], "no article found in any crawl")
        elif now - last > dt.timedelta(days=opt.stale_days):
            yield Finding("stale", row["id"], f"no new article for {_days(now - last)} days "
                          f"(threshold {opt.stale_days})", row["last_new"])


def check_runs(runs: dict[str, list[SiteRun]], opt: HealthOptions) -> Iterator[Finding]:
    """Per site, from its latest run: failing entirely, an error-rate spike, robots.txt."""
    for site, history in sorted(runs.items()):
        latest = history[-1]
        reason = failure_reason(latest.counts)
        if reason:
            yield Finding("failing", site, f"latest run {latest.run_id}: {reason}",
                          latest.started_at)
        earlier = [r.error_rate for r in history[:-1]]
        if len(earlier) >= opt.min_history and not reason:
            usual = statistics.median(earlier)
            if latest.error_rate - usual >= opt.spike:
                yield Finding("error_spike", site,
                              f"error rate {latest.error_rate:.0%} in run {latest.run_id} against "
                              f"a usual {usual:.0%} (median of {len(earlier)} runs)",
                              latest.started_at)
        if latest.counts["forbidden"]:
            before = [r for r in history[:-1] if r.counts["forbidden"]]
            news = "now forbids" if not before else "still forbids"
            yield Finding("robots", site, f"robots.txt {news} {latest.counts['forbidden']} of our "
                          f"requests (run {latest.run_id})",
                          (before[0] if before else latest).started_at)


def check_templates(db: Database, opt: HealthOptions, now: dt.datetime) -> Iterator[Finding]:
    """Platforms whose recent article pages lost their body or date, unlike their earlier ones."""
    since = (now - dt.timedelta(days=opt.window_days)).isoformat(timespec="seconds")
    rows = db.query("""
        SELECT s.platform, p.fetched_at >= :since AS recent, count(*) AS n,
               sum(CASE WHEN length(trim(coalesce(a.body, ''))) = 0 THEN 1 ELSE 0 END) AS no_body,
               sum(CASE WHEN a.published IS NULL THEN 1 ELSE 0 END) AS no_date
        FROM articles a JOIN pages p ON p.id = a.page_id JOIN sites s ON s.id = a.site_id
        GROUP BY s.platform, recent""", {"since": since})
    by_platform: dict[str, dict[int, dict[str, Any]]] = {}
    for row in rows:
        by_platform.setdefault(row["platform"], {})[row["recent"]] = row
    for platform, parts in sorted(by_platform.items()):
        recent, before = parts.get(1), parts.get(0)
        if not recent or not before or recent["n"] < opt.min_pages:
            continue
        for field, label in (("no_body", "a body"), ("no_date", "a date")):
            now_share, was_share = recent[field] / recent["n"], before[field] / before["n"]
            if now_share >= opt.template_share and was_share < opt.template_share / 2:
                yield Finding("template", platform,
                              f"{recent[field]} of {recent['n']} article pages fetched in the last "
                              f"{opt.window_days} days gave no {label[2:]} ({now_share:.0%}; "
                              f"before: {was_share:.0%}): has the template changed?")


def check_boxes(db: Database, opt: HealthOptions) -> Iterator[Finding]:
    """TTHC boxes still shown on a site but unchanged for `box_days`."""
    for row in db.query("""
            SELECT * FROM (
              SELECT site_id, kind, updated_at, first_seen_at, last_seen_at,
                     row_number() OVER (PARTITION BY site_id, kind ORDER BY
                       coalesce(updated_at, first_seen_at) DESC, id DESC) AS newest
              FROM widget_snapshots) WHERE newest = 1 ORDER BY site_id, kind"""):
        changed = _parse_time(row["updated_at"]) or _parse_time(row["first_seen_at"])
        seen = _parse_time(row["last_seen_at"])
        if changed and seen and seen - changed > dt.timedelta(days=opt.box_days):
            yield Finding("box_stale", row["site_id"],
                          f"the {row['kind']} box still shows figures of "
                          f"{changed.date().isoformat()}, {_days(seen - changed)} days before it was "
                          f"last seen (threshold {opt.box_days})", row["updated_at"] or row["first_seen_at"])


def health_report(db: Database, opt: HealthOptions = HealthOptions(),
                  now: dt.datetime | None = None) -> list[Finding]:
    """Every finding of every check."""
    now = now or dt.datetime.now(dt.timezone.utc)
    runs = site_runs(db)
    return [*check_runs(runs, opt), *check_stale(db, opt, now), *check_templates(db, opt, now),
            *check_boxes(db, opt)]


def as_json(findings: list[Finding]) -> list[dict[str, Any]]:
    return [asdict(f) for f in findings]
