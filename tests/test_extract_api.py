"""The public surface of `extract`, widgets, text hygiene, consistency flags and speed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import extract
from extract import extract_figures
from extract.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]

WIDGET = (
    "Kết quả giải quyết TTHC\nĐến tháng 09 đã giải quyết:\n98.5%\nSố hồ sơ xử lý: 1,200\n"
    "Trước & đúng hạn: 1,182\nTrễ hạn: 18\nTỉ lệ trễ hạn: 1.5%\nChi tiết\n( Cập nhật lúc:21/09/2024 08:10:00)"
)


def test_all_is_the_public_interface() -> None:
    assert extract.__all__ == ["EXTRACTOR_VERSION", "ExtractOptions", "Figure", "Page", "Widget", "extract_boxes", "extract_figures", "extract_page"]
    assert isinstance(extract.EXTRACTOR_VERSION, str)


#: Heavy packages `import extract` must not load: a crawl that only stores pages, or a CLI
#: command that never extracts, should not pay for them (they load on first use).
LAZY = ("underthesea", "trafilatura", "htmldate", "scrapy", "sqlite_utils", "numpy")


def test_import_is_lazy() -> None:
    """Timing is the bench's job (bench/bench_extract.py); here: what the import loads."""
    code = f"import sys, extract; print(','.join(m for m in {LAZY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_widget_alone_gives_widget_figures() -> None:
    figs = {(f.metric, f.value): f for f in extract_figures(WIDGET)}
    assert set(figs) == {
        ("early_or_on_time_rate", 98.5), ("resolved", 1200), ("early_or_on_time", 1182), ("late", 18), ("late_rate", 1.5),
    }
    assert {f.period for f in figs.values()} == {"2024-01..2024-09"}
    assert {f.source for f in figs.values()} == {"widget"}


def test_widget_inside_page_text_keeps_article_figures_apart() -> None:
    text = "Trong quý I năm 2024, xã đã tiếp nhận 300 hồ sơ.\n\n" + WIDGET + "\nĐang truy cập: 2\nTất cả: 5,971"
    figs = extract_figures(text, url="http://tanhong.binhgiang.haiduong.gov.vn/x")
    article = [f for f in figs if f.source == "article"]
    widget = [f for f in figs if f.source == "widget"]
    assert [(f.metric, f.value, f.period) for f in article] == [("received", 300, "2024-Q1")]
    assert len(widget) == 5 and all(f.subject == "xã Tân Hồng" for f in widget)


def test_evidence_spans_point_into_the_original_text() -> None:
    text = "Xa\u0303 Hoà Bình\u00a0đã\u200b tiếp nhận 1.204 hồ sơ, trả “trước hạn” 1.100 hồ sơ."
    figs = extract_figures(text)
    assert {(f.metric, f.value) for f in figs} == {("received", 1204), ("early", 1100)}
    for f in figs:
        assert text[f.start:f.end] == f.evidence


def test_normalize_maps_offsets_back() -> None:
    text = "Hoà\u200b bình Ðông o\u0300"
    norm = normalize(text)
    assert norm.text == "Hòa bình Đông ò"
    s, e = norm.span(9, 13)
    assert text[s:e] == "Ðông"


def test_consistency_flags_sums_and_rates() -> None:
    text = ("Năm 2023, xã đã giải quyết 100 hồ sơ, trong đó trước và đúng hạn 90 hồ sơ, "
            "trễ hạn 5 hồ sơ (tỷ lệ 7%).")
    figs = {f.metric: f for f in extract_figures(text)}
    assert "sum:early_or_on_time+late!=resolved" in figs["resolved"].flags
    assert "rate:late_rate!=late/resolved" in figs["late_rate"].flags
    ok = {f.metric: f for f in extract_figures("Xã đã giải quyết 100 hồ sơ, trước và đúng hạn 95 hồ sơ, trễ hạn 5 hồ sơ.")}
    assert all(not f.flags for f in ok.values())


def test_published_fixes_relative_periods_never_the_clock() -> None:
    text = "Từ đầu năm đến nay, xã đã giải quyết 50 hồ sơ."
    assert extract_figures(text, published=dt.date(2019, 5, 2))[0].period == "2019-01-01..2019-05-02"
    assert extract_figures(text)[0].period is None


def test_a_long_page_is_read_whole() -> None:
    """A long text keeps its figures (speed on 1 MB is measured in bench/bench_extract.py,
    not here: a wall-clock assert fails on a loaded machine)."""
    unit = ("Thời gian qua, công tác cải cách hành chính của xã Hòa Bình luôn được cấp ủy, chính quyền quan tâm "
            "chỉ đạo, thực hiện nghiêm cơ chế một cửa, một cửa liên thông, niêm yết công khai các thủ tục. "
            "Trong quý I năm 2023, bộ phận một cửa đã tiếp nhận 1.204 hồ sơ, giải quyết 1.180 hồ sơ, đạt 98%. "
            "Thực hiện Kế hoạch số 06/KH-UBND ngày 18/01/2023, xã tổ chức 12 cuộc họp, tuyên truyền trên "
            "đài truyền thanh 04 lượt/tháng để người dân biết và thực hiện.\nĐiện thoại: 0912 345 678.\n")
    text = (unit * (200_000 // len(unit) + 1))[:200_000]
    figs = {(f.metric, f.value, f.period) for f in extract_figures(text)}
    assert figs == {("received", 1204, "2023-Q1"), ("resolved", 1180, "2023-Q1"), ("resolved_rate", 98, "2023-Q1")}


def test_label_value_box_without_headline_is_a_widget() -> None:
    text = ("Thống kê hồ sơ\nTổng số hồ sơ tiếp nhận: 1.234\nĐã giải quyết: 1.200\nĐúng hạn: 1.190\n"
            "Quá hạn: 10\nTỷ lệ đúng hạn: 99,2%\n")
    figs = extract_figures(text)
    assert {(f.metric, f.value) for f in figs} == {
        ("received", 1234), ("resolved", 1200), ("on_time", 1190), ("late", 10), ("on_time_rate", 99.2)}
    assert {f.source for f in figs} == {"widget"}


def test_digit_dense_text_gives_no_figures() -> None:
    """Runs of numbers without words are skipped whole (their speed: bench/bench_extract.py)."""
    for unit in ("9 ", "1.234 5.678 ", "9,5% "):
        text = (unit * (200_000 // len(unit) + 1))[:200_000]
        assert extract_figures(text) == [], unit


def test_numbers_among_words_are_still_read() -> None:
    text = "Bảng: 1 2 3 4 5 6 7 8 9 10 11 12 13 14. Xã tiếp nhận 1.234 hồ sơ, giải quyết 1.200 hồ sơ."
    assert {(f.metric, f.value) for f in extract_figures(text)} == {("received", 1234), ("resolved", 1200)}


def test_numbers_read_per_text_are_bounded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from extract import figures

    monkeypatch.setattr(figures, "MAX_NUMBERS", 1)
    text = "Xã tiếp nhận 120 hồ sơ, giải quyết 118 hồ sơ."
    figs = extract_figures(text)
    assert [(f.metric, f.value) for f in figs] == [("received", 120)]


def test_version_changes_with_any_rule_or_lexicon(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from extract.version import PACKAGE, rules_digest

    copy = tmp_path / "extract"
    (copy / "lexicon").mkdir(parents=True)
    for path in [*PACKAGE.glob("*.py"), *PACKAGE.glob("lexicon/*.toml")]:
        (copy / path.relative_to(PACKAGE)).write_bytes(path.read_bytes())
    before = rules_digest(copy)
    assert before == rules_digest(PACKAGE)
    metrics = copy / "lexicon" / "metrics.toml"
    metrics.write_text(metrics.read_text(encoding="utf-8") + "\n# a new phrase\n", encoding="utf-8")
    assert rules_digest(copy) != before


def test_confidence_is_lower_for_what_was_inferred() -> None:
    text = ("Năm 2024, xã Tân An đã tiếp nhận 500 hồ sơ, trong đó trực tuyến 200 hồ sơ. "
            "Xã đã giải quyết 100 hồ sơ, trong đó trước và đúng hạn 90 hồ sơ, trễ hạn 5 hồ sơ.")
    figs = {(f.metric, f.value): f for f in extract_figures(text)}
    direct = figs[("received", 500)]
    inherited = figs[("received", 200)]  # metric taken from the whole it belongs to
    flagged = figs[("late", 5)]  # 90 + 5 != 100
    assert all(0 <= f.confidence <= 1 for f in figs.values())
    assert direct.confidence == 1.0
    assert inherited.confidence < direct.confidence
    assert flagged.flags and flagged.confidence < inherited.confidence
