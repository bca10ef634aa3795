"""Operations commands: grow the sites list (`sites add`), watch the crawls (`health`),
and write a distributed crawl's pages into SQLite (`ingest`)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import click

from cchc.cli import REAL_SITES, db_option, open_existing_db, replica_proxy

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
#: Words before the unit's name in a portal's <title> ("Cổng thông tin điện tử xã X").
TITLE_PREFIX_RE = re.compile(r"^.*?(cổng|trang) thông tin điện tử\s*", re.I)


def fetch_html(url: str, proxy: str | None, timeout: float) -> str:
    """The page at `url` as text (through `proxy` when given); a ClickException if unreachable."""
    handlers = [urllib.request.ProxyHandler({"http": proxy, "https": proxy} if proxy else {})]
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"User-Agent": "cchc/0.1 (sites detect)"})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.read(5_000_000).decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise click.ClickException(f"could not fetch {url}: {exc}") from None


def name_from_title(html: str) -> str | None:
    """The unit's name from a portal's <title>, without "Cổng thông tin điện tử"."""
    m = TITLE_RE.search(html)
    if not m:
        return None
    title = " ".join(m.group(1).split())
    title = TITLE_PREFIX_RE.sub("", title).split(" - ")[0].strip()
    return title[:1].lower() + title[1:] if title else None


@click.command("add")
@click.argument("url")
@click.option("--name", help="The unit's name, e.g. 'xã Cẩm Lạc' (online: read from the page title).")
@click.option("--level", type=click.Choice(["commune", "district", "province"]),
              help="Default: from the name ('xã', 'phường' → commune; 'huyện', 'quận' → district).")
@click.option("--province", help="e.g. 'tỉnh Hà Tĩnh' (a province's own site: its name).")
@click.option("--district", default="", help="The district of a commune, e.g. 'huyện Cẩm Xuyên'.")
@click.option("--id", "site_id", help="Site id (default: from the host, outermost label first).")
@click.option("--platform", help="Skip detection: use this spider.")
@click.option("--offline", is_flag=True, help="Do not fetch: tell the platform from the URL shape.")
@click.option("--replica", is_flag=True, help="Fetch through the bundled replica.")
@click.option("--sites", "sites_file", type=click.Path(dir_okay=False, path_type=Path),
              default=REAL_SITES, show_default=True, help="Sites file to append to.")
@click.option("--timeout", default=20.0, show_default=True, help="Seconds to wait (online).")
def sites_add(url: str, name: str | None, level: str | None, province: str | None,
              district: str, site_id: str | None, platform: str | None, offline: bool,
              replica: bool, sites_file: Path, timeout: float) -> None:
    """Append a portal to a sites file, after detecting its platform and validating the row.

    Online (the default) the page is fetched and its HTML decides, as in `cchc sites detect`;
    with --offline the URL's shape does (an article or listing URL tells more than a home page).

    Examples:

        cchc sites add https://camlac.hatinh.gov.vn/ --name "xã Cẩm Lạc" --province "tỉnh Hà Tĩnh"
        cchc sites add "https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1" --offline \\
            --name "tỉnh Quảng Ninh"
    """
    from crawler.detect import detect_platform
    from crawler.sites import PLATFORMS, SitesFileError, append_site, site_from_url
    from crawler.url_shapes import platform_from_url

    if platform and platform not in PLATFORMS:
        raise click.BadParameter(f"unknown platform {platform!r} (expected one of: "
                                 f"{', '.join(PLATFORMS)})", param_hint="--platform")
    shape = platform_from_url(url)
    why = f"URL shape of {shape.family} ({shape.matched})" if shape.family else "no known URL shape"
    chosen = platform or shape.spider
    if not offline:
        with replica_proxy(replica) as proxy:
            html = fetch_html(url, proxy, timeout)
        found = detect_platform(html, url)
        if not platform and found.platform in PLATFORMS and found.platform != "generic":
            chosen, why = found.platform, f"page signatures: {'; '.join(found.evidence)}"
        elif not platform and found.platform not in PLATFORMS:
            why = f"page looks like {found.platform}, which the generic spider crawls; {why}"
        name = name or name_from_title(html)
    if platform:
        why = "--platform"
    if not name:
        raise click.UsageError("pass --name (the unit's name, e.g. 'xã Cẩm Lạc')")
    try:
        site = site_from_url(url, name=name, level=level, province=province, district=district,
                             platform=chosen, site_id=site_id)
        append_site(sites_file, site)
    except SitesFileError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"added {site.id} ({site.name}, {site.level}, {site.province}) to {sites_file}: "
               f"platform {site.platform} ({why})"
               + (f", start path {';'.join(site.start_paths)}" if site.start_paths else ""))


@click.command()
@db_option
@click.option("--stale-days", type=click.IntRange(min=1), default=30, show_default=True,
              help="A site with no new article for this long needs attention.")
@click.option("--spike", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="Error-rate rise over the site's own median that counts as a spike.")
@click.option("--box-days", type=click.IntRange(min=1), default=45, show_default=True,
              help="A TTHC box shown unchanged for this long has stopped updating.")
@click.option("--window-days", type=click.IntRange(min=1), default=7, show_default=True,
              help="Recent pages, for the template check (body or date lost on a platform).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def health(db_path: Path, stale_days: int, spike: float, box_days: int, window_days: int,
           as_json: bool) -> None:
    """What needs attention: stale sites, failing sites, error-rate spikes, template changes,
    TTHC boxes that stopped updating, robots.txt disallowing us. Exits 1 when anything does.

    Example (cron, after the daily crawl):

        cchc health --db data/cchc.db || mail -s "cchc needs attention" you@example.org
    """
    import json

    from cchc.health import HealthOptions, as_json as findings_json, health_report

    opt = HealthOptions(stale_days=stale_days, spike=spike, box_days=box_days,
                        window_days=window_days)
    findings = health_report(open_existing_db(db_path), opt)
    if as_json:
        click.echo(json.dumps(findings_json(findings), ensure_ascii=False, indent=1))
    elif not findings:
        click.echo("health: nothing needs attention")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(findings)} things need attention")
        for header in ("check", "site / platform", "detail", "since"):
            table.add_column(header)
        for f in findings:
            table.add_row(f.check, f.subject, f.detail, f.since or "")
        Console(width=160).print(table)
    if findings:
        raise SystemExit(1)


@click.command()
@click.argument("redis_url", metavar="redis://HOST:PORT/N")
@db_option
@click.option("--until-done", is_flag=True,
              help="Stop once the crawl ended and all its pages are written (default: run "
                   "until stopped, as a service).")
@click.option("--no-extract", is_flag=True, help="With --until-done: do not extract after.")
@click.option("--max-error-rate", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="With --until-done: exit 1 above this error rate, or when a site failed.")
def ingest(redis_url: str, db_path: Path, until_done: bool, no_extract: bool,
           max_error_rate: float) -> None:
    """Write the pages of a distributed crawl (`cchc crawl --distributed`) into the database:
    the single writer, however many workers fetch.

    Example:

        cchc ingest redis://127.0.0.1:6379/0 --until-done &
        cchc crawl --distributed redis://127.0.0.1:6379/0 --workers 3
    """
    import store
    from cchc.cli import run_extraction
    from cchc.distributed import redis_client
    from cchc.ingest import Ingest, merged_stats
    from crawler.outcome import crawl_outcome

    server = redis_client(redis_url)
    db = store.open_db(db_path)
    writer = Ingest(server, db)
    try:
        state = writer.run(until_done=until_done)
    except KeyboardInterrupt:
        state = writer.state
    click.echo(f"ingest: {state.messages} messages, {state.pages} pages, {len(state.runs)} "
               f"worker runs")
    if not until_done:
        return
    if not no_extract:
        run_extraction(db, everything=False)
    problems = crawl_outcome(*merged_stats(state, state.runs)).problems(max_error_rate)
    for line in problems:
        click.echo(f"crawl failed: {line}", err=True)
    if problems:
        raise SystemExit(1)


def register(cli: click.Group) -> None:
    """Add the operations commands to the `cchc` group."""
    sites = cli.commands["sites"]
    assert isinstance(sites, click.Group)
    sites.add_command(sites_add)
    cli.add_command(health)
    cli.add_command(ingest)
