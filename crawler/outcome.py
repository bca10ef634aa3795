"""What a crawl did per site, read from the spiders' stats: pages, errors, and whether a
site failed entirely (not one page fetched) — what the exit code and `cchc health` go by."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: Per-site counters (`cchc/site/<id>/<name>`) the spiders and the pipeline keep.
SITE_COUNTERS = ("new", "updated", "unchanged", "skipped", "errors", "forbidden", "invalid",
                 "article_new", "article_updated")


def site_stats(stats: Mapping[str, Any], site_id: str) -> dict[str, int]:
    """A site's counters from a spider's stats (missing ones are 0)."""
    prefix = f"cchc/site/{site_id}/"
    return {k: int(stats.get(prefix + k, 0) or 0) for k in SITE_COUNTERS}


def pages_fetched(counts: Mapping[str, int]) -> int:
    """Pages a site answered (stored new, changed, or confirmed unchanged, 304 included)."""
    return counts["new"] + counts["updated"] + counts["unchanged"]


def failure_reason(counts: Mapping[str, int]) -> str | None:
    """Why a site failed entirely (no page fetched), or None when it answered."""
    if pages_fetched(counts):
        return None
    if counts["forbidden"] and not counts["errors"]:
        return "robots.txt forbids every page we asked for"
    if counts["errors"]:
        return f"no page fetched, {counts['errors']} errors"
    return "no page fetched"


@dataclass
class CrawlOutcome:
    """The verdict on one crawl: the sites that failed entirely and the error rate."""

    pages: int = 0
    errors: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # site id -> reason
    error_rates: dict[str, float] = field(default_factory=dict)  # site id -> errors / requests

    @property
    def error_rate(self) -> float:
        total = self.pages + self.errors
        return self.errors / total if total else 0.0

    def problems(self, max_error_rate: float) -> list[str]:
        """One line per reason to exit non-zero (empty: the crawl went well)."""
        lines = [f"site {site} failed entirely: {why}" for site, why in sorted(self.failed.items())]
        if self.error_rate > max_error_rate:
            worst = sorted(self.error_rates.items(), key=lambda kv: -kv[1])
            named = ", ".join(f"{s} {r:.0%}" for s, r in worst if r > max_error_rate)
            lines.append(f"error rate {self.error_rate:.1%} ({self.errors} errors in "
                         f"{self.pages + self.errors} requests) is above --max-error-rate "
                         f"{max_error_rate:.0%}" + (f"; worst sites: {named}" if named else ""))
        return lines


def crawl_outcome(stats_by_spider: Mapping[str, Mapping[str, Any]],
                  sites_by_spider: Mapping[str, Iterable[str]]) -> CrawlOutcome:
    """The outcome of a crawl from each spider's stats and the sites each was given."""
    out = CrawlOutcome()
    for spider, site_ids in sites_by_spider.items():
        stats = stats_by_spider.get(spider, {})
        for site_id in site_ids:
            counts = site_stats(stats, site_id)
            pages, errors = pages_fetched(counts), counts["errors"]
            out.pages += pages
            out.errors += errors
            if errors:
                out.error_rates[site_id] = errors / (pages + errors)
            reason = failure_reason(counts)
            if reason:
                out.failed[site_id] = reason
    return out
