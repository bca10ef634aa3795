"""`cchc health`: each situation that needs attention, built in a temp database, is found
and named; a healthy database gives nothing and exit 0."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

import store
from cchc.cli import cli
from cchc.health import health_report

NOW = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def ago(days: float) -> str:
    return (NOW - dt.timedelta(days=days)).isoformat()


class World:
    """A small store where time can be set: sites, runs, pages, articles, boxes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db: Database = store.open_db(path)
        self.n = 0

    def site(self, site_id: str, platform: str = "trang") -> None:
        store.upsert_sites(self.db, [{"id": site_id, "name": f"xã {site_id}", "level": "commune",
                                      "district": "", "province": "tỉnh T",
                                      "base_url": f"http://{site_id}.gov.vn", "platform": platform}])

    def run(self, site_id: str, days_ago: float, **counts: int) -> int:
        run_id = store.start_crawl_run(self.db, "trang", [site_id])
        stats = {f"cchc/site/{site_id}/{k}": v for k, v in counts.items()}
        store.finish_crawl_run(self.db, run_id, "finished", stats)
        self.db["crawl_runs"].update(run_id, {"started_at": ago(days_ago)})
        return run_id

    def article(self, site_id: str, days_ago: float, body: str = "Xã đã tiếp nhận 12 hồ sơ.",
                published: str | None = "2025-03-01") -> None:
        self.n += 1
        url = f"http://{site_id}.gov.vn/a{self.n}"
        store.save_page(self.db, url=url, site_id=site_id, kind="article", status=200,
                        body=f"<p>{self.n}</p>".encode(), fetched_at=ago(days_ago))
        page = next(self.db.query("select * from pages where url = ?", [url]))
        self.db["pages"].update(page["id"], {"first_fetched_at": ago(days_ago)})
        store.save_article(self.db, page=page, title="t", published=published, body=body,
                           figures=[], extractor_version="test")

    def box(self, site_id: str, updated_days_ago: float, seen_days_ago: float) -> None:
        page = next(self.db.query("select id from pages where site_id = ? limit 1", [site_id]))
        snap, _ = store.save_widget_snapshot(
            self.db, site_id=site_id, page_id=page["id"], kind="tthc_results",
            text=f"Số hồ sơ xử lý: {self.n}", updated_at=ago(updated_days_ago), figures=[],
            extractor_version="test")
        self.db["widget_snapshots"].update(snap, {"first_seen_at": ago(updated_days_ago),
                                                  "last_seen_at": ago(seen_days_ago)})

    def findings(self) -> list[tuple[str, str, str]]:
        return [(f.check, f.subject, f.detail) for f in health_report(self.db, now=NOW)]


@pytest.fixture
def world(tmp_path: Path) -> World:
    w = World(tmp_path / "health.db")
    w.site("ok")
    for days in (3, 2, 1):
        w.run("ok", days, new=20, errors=1)
    w.article("ok", 2)
    return w


def test_a_healthy_store_needs_nothing(world: World) -> None:
    assert world.findings() == []
    result = CliRunner().invoke(cli, ["health", "--db", str(world.path)])
    assert result.exit_code == 0 and "nothing needs attention" in result.output


def test_a_site_with_no_new_article_for_n_days(world: World) -> None:
    world.site("quiet")
    world.run("quiet", 1, unchanged=5)
    world.article("quiet", 40)
    world.site("empty")
    world.run("empty", 1, unchanged=3)
    assert ("stale", "quiet", "no new article for 40 days (threshold 30)") in world.findings()
    assert ("stale", "empty", "no article found in any crawl") in world.findings()


def test_an_error_rate_spike_against_the_sites_own_history(world: World) -> None:
    world.site("spiky")
    world.site("always-flaky")
    world.article("spiky", 1)
    world.article("always-flaky", 1)
    for days, errors in ((5, 0), (4, 1), (3, 0), (2, 0)):
        world.run("spiky", days, unchanged=20, errors=errors)
        world.run("always-flaky", days, unchanged=14, errors=6)  # 30 % every time
    latest = world.run("spiky", 1, unchanged=10, errors=10)
    world.run("always-flaky", 1, unchanged=14, errors=6)
    found = world.findings()
    assert ("error_spike", "spiky",
            f"error rate 50% in run {latest} against a usual 0% (median of 4 runs)") in found
    assert not [f for f in found if f[1] == "always-flaky"]


def test_a_site_whose_latest_run_fetched_nothing(world: World) -> None:
    world.site("down")
    world.article("down", 1)
    world.run("down", 2, new=5)
    latest = world.run("down", 1, errors=4)
    assert ("failing", "down", f"latest run {latest}: no page fetched, 4 errors") in world.findings()


def test_robots_txt_now_disallowing_us(world: World) -> None:
    world.site("closed")
    world.article("closed", 1)
    world.run("closed", 2, new=5)
    latest = world.run("closed", 1, unchanged=1, forbidden=3)
    assert ("robots", "closed", f"robots.txt now forbids 3 of our requests (run {latest})") in world.findings()


@pytest.mark.parametrize(("change", "label"), [({"body": ""}, "body"), ({"published": None}, "date")])
def test_a_platform_whose_pages_stopped_yielding_a_body_or_a_date(
        world: World, change: dict[str, Any], label: str) -> None:
    world.site("n1", "nukeviet")
    world.site("n2", "nukeviet")
    world.run("n1", 1, new=10)
    world.run("n2", 1, new=10)
    for i in range(8):  # before the template change: bodies and dates
        world.article("n1" if i % 2 else "n2", 30 + i)
    for i in range(6):  # this week: none
        world.article("n1" if i % 2 else "n2", 1, **change)
    world.article("ok", 1, **change)  # one bad page of another platform: below min_pages
    found = [f for f in world.findings() if f[0] == "template"]
    assert found == [("template", "nukeviet",
                      f"6 of 6 article pages fetched in the last 7 days gave no {label} (100%; "
                      "before: 0%): has the template changed?")]


def test_a_tthc_box_that_stopped_updating(world: World) -> None:
    world.site("frozen")
    world.run("frozen", 1, unchanged=4)
    world.article("frozen", 1)
    world.box("frozen", updated_days_ago=80, seen_days_ago=1)
    world.box("ok", updated_days_ago=5, seen_days_ago=1)
    found = [f for f in world.findings() if f[0] == "box_stale"]
    assert [(c, s) for c, s, _ in found] == [("box_stale", "frozen")]
    assert "79 days before it was last seen (threshold 45)" in found[0][2]


def test_cli_prints_json_and_exits_1_when_something_needs_attention(world: World) -> None:
    world.site("down")
    world.run("down", 1, errors=2)
    result = CliRunner().invoke(cli, ["health", "--db", str(world.path), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert {(d["check"], d["subject"]) for d in data} == {("failing", "down"), ("stale", "down")}
    table = CliRunner().invoke(cli, ["health", "--db", str(world.path)])
    assert table.exit_code == 1 and "2 things need attention" in table.output
