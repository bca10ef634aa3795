"""Benchmark the figure extractor.

    python bench/bench_extract.py [CORPUS_DIR ...] [--rounds N]

Prints documents per second over the gold texts (default ../shared/corpus/dev and dev2)
against a bare regex pass over the same texts measured in the same run, and the time of
1 MB texts (a prose page and digit-dense pages) against a bare regex pass over each.
Targets (issue 9): >= 300 docs/s on one core, each 1 MB page under 2 s. The exit status
is 1 when a target is missed, so a script can use it; the ratios are what to compare
between machines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import extract_figures  # noqa: E402

DOCS_PER_SECOND = 300
MB_SECONDS = 2.0

# A prose page: a report with a period, figures, a document number, a date, a meeting
# count, a phone number and a visitor counter, repeated to 1 MB.
PROSE = (
    "Thời gian qua, công tác cải cách hành chính của xã Hòa Bình luôn được cấp ủy, chính quyền quan tâm "
    "chỉ đạo, thực hiện nghiêm cơ chế một cửa, một cửa liên thông, niêm yết công khai các thủ tục. "
    "Trong quý I năm 2023, bộ phận một cửa đã tiếp nhận 1.204 hồ sơ, giải quyết 1.180 hồ sơ, đạt 98%; "
    "có mười hai hồ sơ trễ hạn (chiếm 1%). Từ đầu năm đến ngày 20/3, xã nhận 32,7 ngàn HS. "
    "Thực hiện Kế hoạch số 06/KH-UBND ngày 18/01/2023, xã tổ chức 12 cuộc họp, tuyên truyền trên "
    "đài truyền thanh 04 lượt/tháng để người dân biết và thực hiện.\nĐiện thoại: 0912 345 678.\n"
    "Đang truy cập: 2\nHôm nay: 304\nTất cả: 5,971\n"
)

# digit-dense inputs: numbers without words, and figures packed back to back
DENSE = [("9 9 9", "9 "), ("1.234 5.678", "1.234 5.678 "), ("9,5%", "9,5% "),
         ("figures", "Xã tiếp nhận 1.234 hồ sơ, giải quyết 99%. "),
         # one unbroken run: regexes led by \d+ must not rescan it from every position
         ("one digit run", "7"), ("one dotted run", "1."), ("one run in a table", "| 12")]

_BARE = re.compile(r"\d[\d.,]*")


def load(dirs: list[Path]) -> list[tuple[str, dt.date | None, str | None]]:
    docs = []
    for corpus in dirs:
        for path in sorted(corpus.glob("*.json")):
            d = json.loads(path.read_text(encoding="utf-8"))
            pub = dt.date.fromisoformat(d["published"]) if d.get("published") else None
            docs.append((d["text"], pub, d.get("url")))
    return docs


def _megabyte(unit: str) -> str:
    return (unit * (1_000_000 // len(unit) + 1))[:1_000_000]


def _one_mb(name: str, text: str) -> bool:
    t0 = time.perf_counter()
    _BARE.findall(text)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    figures = extract_figures(text)
    took = time.perf_counter() - t0
    ok = took < MB_SECONDS
    print(f"1 MB {name}: {took:.2f} s ({took / max(base, 1e-9):.0f}x a bare regex pass), "
          f"{len(figures)} figures ({'ok' if ok else 'TOO SLOW'} < {MB_SECONDS:.0f} s)")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*",
                    default=[str(ROOT / ".." / "shared" / "corpus" / d) for d in ("dev", "dev2")])
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    docs = load([Path(c) for c in args.corpus])
    if not docs:
        print(f"no documents in {' '.join(args.corpus)}: give a folder of gold JSON files", file=sys.stderr)
        return 2
    for text, pub, url in docs:  # warm up: lexicons, address data
        extract_figures(text, published=pub, url=url)

    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text, pub, url in docs:
            extract_figures(text, published=pub, url=url)
    secs = time.perf_counter() - t0
    n = args.rounds * len(docs)

    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text, _, _ in docs:
            _BARE.findall(text)
    base = time.perf_counter() - t0

    rate = n / secs
    ok = rate >= DOCS_PER_SECOND
    print(f"documents: {len(docs)} x {args.rounds} rounds, {sum(len(t) for t, _, _ in docs)} chars")
    print(f"extract_figures: {rate:.0f} docs/s ({secs / n * 1000:.2f} ms/doc) "
          f"({'ok' if ok else 'TOO SLOW'} >= {DOCS_PER_SECOND})")
    print(f"bare regex pass: {n / base:.0f} docs/s; extractor/regex time ratio {secs / base:.0f}x")
    ok &= _one_mb("prose page", _megabyte(PROSE))
    for name, unit in DENSE:
        ok &= _one_mb(f"digit-dense ({name})", _megabyte(unit))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
