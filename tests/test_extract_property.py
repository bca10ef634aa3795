"""Robustness: any string (or decoded random bytes) gives a list, evidence is exact."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_figures

VIETNAMESE = st.sampled_from([
    "tiếp nhận", "đã giải quyết", "hồ sơ", "trễ hạn", "trước và đúng hạn", "đạt", "%", "quý I năm 2023",
    "tháng 9/2021", "xã Thái Học", "trực tuyến", "(", ")", ":", ";", ",", ".", "\n", " ", "61.953", "83,94",
    "9 9 ,2", "5,65 ngàn", "hoà", "qúy", "\u00a0", "\u200b", "o\u0300", "Ð", "“", "không có hồ sơ quá hạn",
    "trong đó", "xếp thứ", "nhận", "trả kết quả", "là", "phấn đấu", "Qua bưu chính công ích, ", "mức độ 3, 4",
    "tiếp nhận và giải quyết", "kỳ trước chuyển sang", "tiếp nhận mới", "Về liên thông:", "Các xã, thị trấn", "chỉ số cải cách hành chính", "Đến tháng 06 đã giải quyết:", "Cập nhật lúc:27/06/2022",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(VIETNAMESE, st.integers(0, 100000).map(str), st.text(max_size=5)), max_size=60).map("".join),
)


def _check(text: str, published: dt.date | None) -> None:
    figures = extract_figures(text, published=published, url="http://thaihoc.binhgiang.haiduong.gov.vn/a")
    assert isinstance(figures, list)
    for f in figures:
        assert text[f.start:f.end] == f.evidence
        assert f.evidence
        if f.metric.endswith("_rate"):
            assert 0 <= f.value <= 100
    keys = [(f.metric, f.channel, f.value, f.period, f.subject, f.start, f.end) for f in figures]
    assert len(keys) == len(set(keys)), "a figure emitted twice"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))))
def test_any_string_gives_a_list(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_decoded_with_replace(raw: bytes) -> None:
    _check(raw.decode("utf-8", errors="replace"), None)


def test_non_string_input_gives_empty_list() -> None:
    assert extract_figures(None) == []  # type: ignore[arg-type]
    assert extract_figures("") == []
    assert extract_figures("   \n") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_stages_do_not_raise_inside_the_safety_net(text: str) -> None:
    """The pipeline itself, without the catch-all of `extract_figures`, does not raise."""
    from extract.figures import _extract
    from extract.options import DEFAULT_OPTIONS

    for f in _extract(text, dt.date(2023, 3, 18), "https://www.kontum.gov.vn/pages/1.html", DEFAULT_OPTIONS):
        assert text[f.start:f.end] == f.evidence
