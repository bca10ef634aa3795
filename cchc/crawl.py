"""Run the platform spiders in this process (the same spiders `scrapy crawl` runs)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.outcome import CrawlOutcome, crawl_outcome, site_stats

__all__ = ["REPLICA_SPEED", "CrawlOutcome", "crawl_outcome", "project_settings", "run_crawl",
           "site_stats"]

#: Settings for crawling our own loopback replica fast; never used against real portals.
REPLICA_SPEED = {
    "AUTOTHROTTLE_START_DELAY": 0.01,
    "AUTOTHROTTLE_MAX_DELAY": 0.5,
    "DOWNLOAD_DELAY": 0.0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
}


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The crawler's settings module with `overrides` on top (as `scrapy crawl -s` would)."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(
    *,
    db_path: Path,
    sites_file: Path,
    sites_by_platform: Mapping[str, Iterable[str]],
    overrides: Mapping[str, Any] | None = None,
    spider_args: Mapping[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Crawl each platform's listed site ids into `db_path`; return each spider's final stats.

    `spider_args` are passed to every spider (as `scrapy crawl -a`), e.g. incremental="1".
    Runs a Twisted reactor, so call it once per process.
    """
    settings = project_settings({
        "CCHC_DB_PATH": str(db_path), "CCHC_SITES_FILE": str(sites_file), **(overrides or {}),
    })
    loader = SpiderLoader.from_settings(settings)
    process = CrawlerProcess(settings)
    crawlers = []
    for platform, site_ids in sorted(sites_by_platform.items()):
        crawler = process.create_crawler(loader.load(platform))
        process.crawl(crawler, sites=",".join(site_ids), **dict(spider_args or {}))
        crawlers.append(crawler)
    process.start()
    return {c.spider.name: dict(c.stats.get_stats()) for c in crawlers if c.spider and c.stats}
