"""Scrapy settings for the cchc crawler (crawl concerns only; extraction has its own options).

Groups: identity and politeness, concurrency and throttling, cache, components, our own
(`CCHC_*`). Only paths come from the environment (`CCHC_DB`). Override anything with
`-s NAME=value` on the command line.
"""

from __future__ import annotations

import os

# Identity and politeness
BOT_NAME = "cchc"
CCHC_CONTACT = os.environ.get("CCHC_CONTACT", "cchc-crawler@example.org")
FEED_EXPORT_ENCODING = "utf-8"
ROBOTSTXT_OBEY = True
USER_AGENT = f"cchc/0.1 (+mailto:{CCHC_CONTACT}; research crawler of public CCHC news)"

# Concurrency and throttling
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # larger pages are dropped with a logged reason
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 10  # a redirect loop ends as a counted error
RETRY_TIMES = 2  # 5xx, 408, 429, timeouts and resets are retried this many times

# Cache (off: the store keeps every page body)
HTTPCACHE_ENABLED = False

# Components
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.ProxyMiddleware": 740,
    "crawler.middlewares.RetryAfterMiddleware": 560,  # just outside RetryMiddleware (550)
    "crawler.middlewares.TruncatedBodyMiddleware": 595,  # sees bodies before decompression (590)
    "crawler.middlewares.SoftPageMiddleware": 580,  # sees them after
}
EXTENSIONS = {"crawler.progress.CrawlProgress": 500}
ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
NEWSPIDER_MODULE = "crawler.spiders"
SPIDER_MODULES = ["crawler.spiders"]
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# Our own
CCHC_BACKFILL_DAYS = 0  # incremental crawls re-check (conditional GET) articles this recent
CCHC_DB_PATH = os.environ.get("CCHC_DB", "data/cchc.db")  # SQLite file of the store
CCHC_KEYWORDS = ""  # ";"-separated reform keywords for news listings; empty = built-in list
CCHC_MAX_PAGES = 50  # listing pages followed per category
CCHC_PROGRESS = "auto"  # per-site progress: auto (live table on a terminal, else lines), rich, plain, off
CCHC_PROGRESS_INTERVAL = 10.0  # seconds between progress reports
CCHC_PROXY = ""  # e.g. the replica: "http://127.0.0.1:8899"; empty = direct
CCHC_RETRY_AFTER_MAX = 60  # longest Retry-After (s) waited before a 429/503 is retried
CCHC_SINCE = ""  # ISO date; stop paging a listing once all its items are older
CCHC_SITES_FILE = "crawler/sites.csv"  # the sites to crawl (python -m replica: replica/sites.csv)
