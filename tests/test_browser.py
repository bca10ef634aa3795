"""Real browser (Playwright + Debian's /usr/bin/chromium): review with the keyboard, a
correction kept across re-extraction, crawled scripts shown as text, the HTML report's charts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from test_store_reviews import fp, make_db, save_articles

import store

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium: apt-get install -y chromium chromium-driver")
TOKEN = "browser-review-token-0123"  # at least MIN_TOKEN_LENGTH
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # a dev dependency: fail, never skip

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    from cchc.serve import review_server

    db_path = tmp_path / "cchc.db"
    make_db(db_path).close()
    httpd = review_server(db_path, port=0, token=TOKEN)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", db_path
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(5000)
    yield page
    context.close()


def fingerprint(db_path: Path, url: str, metric: str) -> str:
    db = Database(db_path)
    try:
        return fp(db, url, metric)
    finally:
        db.close()


def test_correct_with_keyboard_survives_reextraction(server: tuple[str, Path], page: Any) -> None:
    base, db_path = server
    csp_errors: list[str] = []
    page.on("console", lambda msg: csp_errors.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    page.goto(f"{base}/review/login")
    page.fill("#reviewer-name", "Lan")
    page.fill("#token", TOKEN)
    page.click("#login-form button[type=submit]")
    page.wait_for_load_state("load")
    page.wait_for_selector("#reviewer")
    late = fingerprint(db_path, "http://tanhong.gov.vn/a1", "late")
    page.goto(f"{base}/review/figure/{late}")
    mark = page.locator("mark#evidence")
    assert mark.is_visible()
    assert mark.inner_text() == "trễ hạn 19"
    page.keyboard.press("c")
    assert page.evaluate("document.activeElement.id") == "value-input"
    page.keyboard.type("20")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert late not in page.url.split("?")[0]  # on to the next figure
    assert "Saved: corrected late of xã Tân Hồng" in page.inner_text("#saved")
    db = Database(db_path)
    review = store.get_review(db, late)
    assert review is not None
    assert (review["decision"], review["new_value"], review["reviewer"]) == ("corrected", 20, "Lan")
    save_articles(db)  # re-extraction: the figure is deleted and inserted again
    db.close()
    page.goto(f"{base}/review/figure/{late}")
    assert "corrected → 20 by Lan" in page.inner_text("#current-review")
    with page.expect_navigation():
        page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("a")
    db = Database(db_path)
    assert [r["decision"] for r in db["reviews"].rows].count("confirmed") == 1
    db.close()
    assert csp_errors == []


def test_crawled_script_never_runs(server: tuple[str, Path], page: Any) -> None:
    base, db_path = server
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/review/figure/{fingerprint(db_path, 'http://tanhong.gov.vn/a2', 'late')}")
    page.wait_for_load_state("load")
    text = page.inner_text("#text")
    assert "<script>window.__pwned = 1; alert('x')</script>" in text
    assert 'onerror="window.__pwned = 2"' in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.locator("#text img").count() == 0


def report_rows() -> list[dict[str, Any]]:
    """Twelve units (long names among them) over 26 quarters with gaps, and a few months."""
    import random

    from store.periods import period_columns

    rng = random.Random(7)
    names = ["xã Tân Hồng", "phường Đông Hương", "thị trấn Hòa Bình Thượng Lưu Nam",
             "xã Cẩm Thịnh", "xã Đoàn Kết", "huyện Ninh Phước", "thành phố Vĩnh Yên",
             "xã Sơn Lĩnh", "xã Thiện Nghiệp", "xã Tam Quang", "phường Long Anh",
             "xã Thanh Phước"]
    rows = []
    for unit in names:
        for year in range(2019, 2026):
            for q in range(1, 5):
                period = f"{year}-Q{q}"
                if rng.random() < 0.35 or period > "2025-Q2":
                    continue
                resolved = rng.randint(50, 9000)
                late = rng.randint(0, resolved // 40)
                rows.append({"unit": unit, "unit_id": unit, "period": period,
                             **period_columns(period), "resolved": resolved, "late": late,
                             "received": resolved + 5,
                             "late_pct": round(100 * late / resolved, 2),
                             "early_or_on_time_pct": round(100 - 100 * late / resolved, 2),
                             "flagged": int(rng.random() < 0.1), "flag_list": None,
                             "level": "commune", "source": "article", "conflict": 0})
        rows.append({"unit": unit, "unit_id": unit, "period": "2024-07",
                     **period_columns("2024-07"), "late_pct": 1.0, "resolved": 10,
                     "flagged": 0, "level": "commune", "source": "article"})
    return rows


def test_html_report_labels_never_overlap_at_1280px(browser: Any, tmp_path: Path) -> None:
    from cchc.report_html import write_html

    report = tmp_path / "report.html"
    write_html(report_rows(), report)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(report.as_uri())
    for chart in ("#chart-rate", "#chart-volume", "#chart-ranking"):
        assert page.locator(f"{chart} svg").first.is_visible()
    assert page.locator("#chart-rate svg.panel").count() == 12  # one panel per unit
    assert page.locator("#chart-rate polyline").count() > 12  # gaps break the lines
    overlaps = page.evaluate("""() => {
        const out = [];
        for (const svg of document.querySelectorAll('svg')) {
            const frame = svg.getBoundingClientRect();
            const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent,
                                                                     t.getBoundingClientRect()]);
            for (const [text, b] of boxes) {
                if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5
                    || b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5)
                    out.push(`${text} outside its chart`);
            }
            for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                    const [s, a] = boxes[i], [t, b] = boxes[j];
                    // 3 px of room around every label: touching labels read as one
                    if (a.left < b.right + 3 && b.left < a.right + 3
                        && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                        out.push(`${s} overlaps ${t}`);
                }
        }
        return out;
    }""")
    assert overlaps == [], "\n".join(overlaps)
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    context.close()
