"""`cchc`: the analysts' command line. Crawl, extract, report, check sites, read one page."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from sqlite_utils import Database

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
DEFAULT_DB = Path(os.environ.get("CCHC_DB", "data/cchc.db"))
REAL_SITES = Path(__file__).resolve().parents[1] / "crawler" / "sites.csv"

db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
    show_default=True, help="SQLite database file (env CCHC_DB).",
)


SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(db_path: Path) -> None:
    """A ClickException with the fix when `db_path` exists but is no SQLite database (an
    empty file is one)."""
    if not db_path.is_file():
        if db_path.exists():
            raise click.ClickException(f"{db_path} is a directory: pass a database file with --db")
        return
    with db_path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise click.ClickException(
            f"{db_path} is not a SQLite database: pass the cchc database with --db "
            f"(default {DEFAULT_DB}), or a new file name to start one")


def open_existing_db(db_path: Path) -> Database:
    """The store at `db_path`, migrated; a ClickException with the fix when it is missing
    or not a SQLite database (nothing is created)."""
    import store

    if not db_path.exists():
        raise click.ClickException(f"no database at {db_path}: run `cchc crawl` first")
    check_sqlite_file(db_path)
    return store.open_db(db_path)


def output_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Click callback: an output file whose directory exists (else a usage error)."""
    if value is not None and not value.parent.is_dir():
        raise click.BadParameter(f"directory {value.parent} does not exist: create it first "
                                 f"(mkdir -p {value.parent})")
    return value


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error that says the expected shape."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"must look like 2024-06-30, got {value!r}",
                                 param_hint=option) from None


@click.group(context_settings=CONTEXT_SETTINGS)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="cchc")
def cli(verbose: int) -> None:
    """Collect administrative-reform (CCHC) figures from Vietnamese portals into SQLite."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.getLogger().setLevel(level)  # Scrapy installs its own handler for crawls


@contextmanager
def replica_proxy(enabled: bool) -> Iterator[str | None]:
    """Serve the bundled portal replica on loopback while the block runs; yield its proxy URL."""
    if not enabled:
        yield None
        return
    from replica import ReplicaServer, build_replica

    with ReplicaServer(build_replica()) as proxy_url:
        yield proxy_url


#: What to do about an empty or missing sites list (the list is the analysts' to grow).
GROW_SITES = ("add portals with `cchc sites add URL --name … --province …` (README: Sites), "
              "or try the bundled replica with `cchc crawl --replica`")


def _load_sites(path: Path) -> list[Any]:
    from crawler.sites import SitesFileError, load_sites

    try:
        return load_sites(path)
    except SitesFileError as exc:
        raise click.ClickException(str(exc)) from None
    except FileNotFoundError:
        raise click.ClickException(f"sites file not found: {path}: {GROW_SITES}") from None


def crawl_into(db_path: Path, sites_file: Path, site_ids: tuple[str, ...],
               platforms: tuple[str, ...], proxy: str | None, extra: dict[str, Any],
               incremental: bool = True, spider_args: dict[str, str] | None = None,
               distributed: str | None = None) -> Any:
    """Crawl the chosen sites into the database (used by `crawl` and `demo`); return the
    crawl's `CrawlOutcome` (sites that failed entirely, error rate).

    With `distributed` (a Redis URL) this process is a worker of a shared frontier: pages go
    to Redis for `cchc ingest`, nothing is written to the database, and None is returned.

    Incremental by default: stored articles are not fetched again (see crawler/spiders/base.py).
    """
    import store
    from cchc.crawl import REPLICA_SPEED, crawl_outcome, run_crawl, site_stats

    sites = _load_sites(sites_file)
    if not sites:
        raise click.ClickException(f"{sites_file} lists no site: {GROW_SITES}")
    if site_ids:
        unknown = set(site_ids) - {s.id for s in sites}
        if unknown:
            raise click.BadParameter(f"not in {sites_file}: {', '.join(sorted(unknown))}",
                                     param_hint="--site")
        sites = [s for s in sites if s.id in site_ids]
    if platforms:
        sites = [s for s in sites if s.platform in platforms]
    if not sites:
        raise click.ClickException("no site to crawl: check --site/--platform and the sites file")
    if not distributed:
        check_sqlite_file(db_path)
        db = store.open_db(db_path)
        store.upsert_sites(db, sites)
        db.close()
    level = logging.getLevelName(logging.getLogger().getEffectiveLevel())
    overrides = {"LOG_LEVEL": level, **extra}
    if distributed:
        from crawler.frontier import distributed_settings

        overrides = {**distributed_settings(distributed), **overrides}
    if proxy:
        overrides = {**REPLICA_SPEED, "CCHC_PROXY": proxy, **overrides}
    by_platform: dict[str, list[str]] = {}
    for site in sites:
        by_platform.setdefault(site.platform, []).append(site.id)
    stats = run_crawl(db_path=db_path, sites_file=sites_file, sites_by_platform=by_platform,
                      overrides=overrides,
                      spider_args={**({"incremental": "1"} if incremental else {}),
                                   **(spider_args or {})})
    if distributed:
        for spider, st in sorted(stats.items()):
            click.echo(f"worker {spider}: {st.get('cchc/item/pushed', 0)} items pushed, "
                       f"{st.get('cchc/frontier/reclaimed', 0)} requests reclaimed")
        return None
    for spider, st in sorted(stats.items()):
        errors = sum(v for k, v in st.items() if k.startswith("cchc/error/"))
        click.echo(f"crawl {spider}: {st.get('cchc/page/new', 0)} new, "
                   f"{st.get('cchc/page/updated', 0)} updated, "
                   f"{st.get('cchc/page/unchanged', 0)} unchanged pages, "
                   f"{st.get('cchc/article/known', 0) + st.get('cchc/page/not_modified', 0)} "
                   f"skipped articles, {errors} errors")
        for site_id in by_platform.get(spider, []):
            n = site_stats(st, site_id)
            click.echo(f"  {site_id}: {n['new']} new, {n['updated']} updated, "
                       f"{n['unchanged']} unchanged, {n['skipped']} skipped, {n['errors']} errors")
    return crawl_outcome(stats, by_platform)


def run_extraction(db: Database, everything: bool) -> None:
    """Extract stored pages and print what was done."""
    from cchc.extraction import extract_stored_pages
    from cchc.progress import progress_bar

    with progress_bar("extract") as tick:
        st = extract_stored_pages(db, everything=everything, progress=tick)
    click.echo(f"extract: {st.pages} pages, {st.articles} articles, {st.figures} article "
               f"figures, {st.snapshots_new} new widget snapshots, {st.errors} errors")


def parse_settings(values: tuple[str, ...]) -> dict[str, str]:
    """`-s KEY=VALUE` pairs as a dict."""
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="-s")
        out[key] = value
    return out


@cli.command()
@db_option
@click.option("--sites", "sites_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Sites file (default: crawler/sites.csv, or the replica's with --replica).")
@click.option("--site", "site_ids", multiple=True, help="Only this site id (repeatable).")
@click.option("--platform", "platforms", multiple=True, help="Only this platform (repeatable).")
@click.option("--replica", is_flag=True, help="Crawl the bundled local replica of portals.")
@click.option("--no-extract", is_flag=True, help="Only fetch and store raw pages.")
@click.option("--since", "since", metavar="YYYY-MM-DD",
              help="Skip listed articles older than this date; stop paging there (CCHC_SINCE).")
@click.option("--backfill-days", type=click.IntRange(min=0), default=None, metavar="N",
              help="Re-check stored articles of the last N days with conditional GETs.")
@click.option("--max-pages", type=click.IntRange(min=1), default=None, metavar="N",
              help="Listing pages followed per category (CCHC_MAX_PAGES).")
@click.option("--full", is_flag=True,
              help="Fetch every listed article again (default: skip stored ones).")
@click.option("--sitemaps", is_flag=True, help="Also read the platforms' sitemaps.")
@click.option("--feeds", is_flag=True, help="Also read the RSS feeds listing pages link.")
@click.option("--max-error-rate", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="Exit 1 when errors / requests passes this (also when a site fails entirely).")
@click.option("-s", "settings", multiple=True, help="Scrapy setting KEY=VALUE (repeatable).")
@click.option("--distributed", metavar="redis://HOST:PORT/N",
              help="Crawl as workers sharing one frontier in this Redis; `cchc ingest` writes "
                   "the pages to the database.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="With --distributed: worker processes to start on this machine.")
@click.option("--join", is_flag=True,
              help="With --distributed: join the crawl under way (default: start a new one).")
@click.option("--proxy", hidden=True)
def crawl(db_path: Path, sites_file: Path | None, site_ids: tuple[str, ...],
          platforms: tuple[str, ...], replica: bool, no_extract: bool, since: str | None,
          backfill_days: int | None, max_pages: int | None, full: bool, sitemaps: bool,
          feeds: bool, settings: tuple[str, ...], max_error_rate: float = 0.2,
          distributed: str | None = None, workers: int = 1, join: bool = False,
          proxy: str | None = None) -> None:
    """Crawl portals into the database, then extract figures from new or changed pages.

    Re-crawls are incremental: listings are read again, stored articles are skipped, and
    paging stops at the first page of stored articles (a killed crawl is walked whole).
    Prints new / updated / unchanged / skipped / errors per spider and per site, with
    progress per site while it runs. Exits 1 (after extracting what was fetched) when a site
    failed entirely or the error rate passes --max-error-rate, naming the sites.

    Examples:

        cchc crawl --replica --db data/cchc.db
        cchc crawl --since 2022-01-01 --backfill-days 14
    """
    if sites_file is None:
        sites_file = replica_sites_file() if replica else REAL_SITES
    extra: dict[str, Any] = parse_settings(settings)
    if since is not None:
        extra["CCHC_SINCE"] = parse_date(since, "--since").isoformat()  # type: ignore[union-attr]
    if backfill_days is not None:
        extra["CCHC_BACKFILL_DAYS"] = backfill_days
    if max_pages is not None:
        extra["CCHC_MAX_PAGES"] = max_pages
    spider_args = {**({"sitemap": "1"} if sitemaps else {}), **({"feeds": "1"} if feeds else {})}
    if distributed:
        from cchc.distributed import redis_client, run_workers, worker_argv
        from crawler.frontier import clear_frontier

        server = redis_client(distributed)
        if not join:
            clear_frontier(server)
        with replica_proxy(replica) as served:
            if workers > 1:
                argv = worker_argv(click.get_current_context(), distributed, served or proxy)
                raise SystemExit(run_workers(workers, argv))
            crawl_into(db_path, sites_file, site_ids, platforms, served or proxy, extra,
                       incremental=not full, spider_args=spider_args, distributed=distributed)
        return
    with replica_proxy(replica) as served:
        outcome = crawl_into(db_path, sites_file, site_ids, platforms, served or proxy, extra,
                             incremental=not full, spider_args=spider_args)
    if not no_extract:
        run_extraction(open_existing_db(db_path), everything=False)
    problems = outcome.problems(max_error_rate)
    for line in problems:
        click.echo(f"crawl failed: {line}", err=True)
    if problems:
        raise SystemExit(1)


def replica_sites_file() -> Path:
    """The bundled replica's sites file."""
    from replica.generate import SITES_CSV

    return Path(SITES_CSV)


@cli.command("extract")
@db_option
@click.option("--all", "everything", is_flag=True,
              help="Re-extract every stored page, not only new, changed or stale ones.")
def extract_cmd(db_path: Path, everything: bool) -> None:
    """Extract figures from stored pages, offline (no network).

    Example:

        cchc extract --all
    """
    run_extraction(open_existing_db(db_path), everything)


@cli.group()
def sites() -> None:
    """Check and list sites files (id,name,level,district,province,base_url,platform)."""


@sites.command("check")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def sites_check(path: Path) -> None:
    """Validate a sites file; exits 1 with file, line and field of the first bad row.

    Example:

        cchc sites check crawler/sites.csv
    """
    rows = _load_sites(path)
    click.echo(f"{path}: {len(rows)} sites OK")


@sites.command("list")
@click.option("--sites", "sites_file", type=click.Path(exists=True, path_type=Path),
              default=None, help="Sites file (default: crawler/sites.csv).")
@click.option("--replica", is_flag=True, help="List the bundled replica's sites.")
def sites_list(sites_file: Path | None, replica: bool) -> None:
    """List the sites of a sites file.

    Example:

        cchc sites list --replica
    """
    path = sites_file or (replica_sites_file() if replica else REAL_SITES)
    for s in _load_sites(path):
        click.echo(f"{s.id}\t{s.platform}\t{s.level}\t{s.name}\t{s.base_url}")


@sites.command("detect")
@click.argument("url")
@click.option("--replica", is_flag=True, help="Fetch through the bundled replica.")
@click.option("--timeout", default=20.0, show_default=True, help="Seconds to wait.")
def sites_detect(url: str, replica: bool, timeout: float) -> None:
    """Tell which portal platform a homepage looks like, and why.

    Example:

        cchc sites detect http://thaihoc.binhgiang.haiduong.gov.vn/ --replica
    """
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        web = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        web = False
    if not web:
        raise click.BadParameter(f"{url!r} is not a web address: give the homepage's URL, "
                                 "e.g. http://thaihoc.binhgiang.haiduong.gov.vn/",
                                 param_hint="URL")
    from scrapy.spiderloader import SpiderLoader

    from cchc.commands_ops import fetch_html
    from cchc.crawl import project_settings
    from crawler.detect import detect_platform

    with replica_proxy(replica) as proxy:
        html = fetch_html(url, proxy, timeout)
    result = detect_platform(html, url)
    click.echo(f"{url}: {result.platform} (score {result.score})")
    for item in result.evidence:
        click.echo(f"  matched: {item}")
    spiders = set(SpiderLoader.from_settings(project_settings()).list())
    if result.platform not in spiders:
        click.echo(f"  no '{result.platform}' spider: put platform 'generic' in the sites file")


@cli.command("extract-text")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date YYYY-MM-DD (anchors relative periods).")
@click.option("--url", help="The page's URL (its portal's unit is the default subject).")
@click.option("--json", "as_json", is_flag=True, help="Print figures as JSON (figures.md).")
def extract_text(path: Path, published: str | None, url: str | None, as_json: bool) -> None:
    """Print the figures of one text or HTML file, to check a page by hand.

    Example:

        cchc extract-text page.html --published 2023-04-07 --json
    """
    import extract

    pub = parse_date(published, "--published")
    raw = path.read_bytes()
    head = raw[:2048].lower()
    if b"<html" in head or b"<!doctype" in head or b"<body" in head or b"<div" in head:
        figures = list(extract.extract_page(raw, url=url, published=pub).figures)
    else:
        figures = extract.extract_figures(raw.decode("utf-8", errors="replace"),
                                          published=pub, url=url)
    if as_json:
        click.echo(json.dumps([asdict(f) for f in figures], ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(figures)} figures in {path.name}")
    for header in ("metric", "value", "channel", "period", "subject", "source", "evidence"):
        table.add_column(header)
    for f in figures:
        table.add_row(f.metric, f"{f.value:g}", f.channel or "", f.period or "",
                      f.subject or "", f.source, f.evidence)
    Console(width=160).print(table)


@cli.command("export-warc")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), callback=output_file)
@db_option
@click.option("--site", "site_id", help="Only this site's pages.")
def export_warc_cmd(path: Path, db_path: Path, site_id: str | None) -> None:
    """Write the stored raw pages to a WARC file (gzipped records), for archiving or replay.

    Example:

        cchc export-warc crawl.warc.gz
    """
    from cchc.warc import export_warc

    n = export_warc(open_existing_db(db_path), path, site_id=site_id)
    click.echo(f"wrote {n} WARC records to {path}")


@cli.command()
@db_option
def status(db_path: Path) -> None:
    """Row counts of every table, and the last crawl runs."""
    import store

    db = open_existing_db(db_path)
    for table, count in store.table_counts(db).items():
        click.echo(f"{table}\t{count}")
    for run in db.query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 5"):
        click.echo(f"run {run['id']}\t{run['spider']}\t{run['status']}\t{run['started_at']}"
                   f" .. {run['finished_at'] or ''}")


@cli.command()
@db_option
def demo(db_path: Path) -> None:
    """Crawl the bundled replica of portals, extract, and print the comparison.

    Example:

        cchc demo --db data/cchc.db
    """
    with replica_proxy(True) as proxy:
        crawl_into(db_path, replica_sites_file(), (), (), proxy, {})
    run_extraction(open_existing_db(db_path), everything=False)
    from cchc.commands_compare import report

    click.get_current_context().invoke(report, db_path=db_path)
    click.echo(f"database: {db_path.resolve()}")

from cchc.commands_review import register  # noqa: E402  (serve, review, search, units)
register(cli)
from cchc.commands_ops import register as register_ops  # noqa: E402  (sites add, health, ingest)
register_ops(cli)
from cchc.commands_compare import register as register_compare  # noqa: E402  (report, rank …)
register_compare(cli)
