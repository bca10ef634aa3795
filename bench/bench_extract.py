"""Benchmark the figure extractor.

    python bench/bench_extract.py [CORPUS_DIR] [--rounds N]

Prints documents per second over the gold texts (default ../shared/corpus/dev), the time
of a bare regex pass over the same texts as a baseline ratio, and the time of one
synthetic 1 MB text (the contract asks for under 2 s).
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

SYNTHETIC = (
    "Thời gian qua, công tác cải cách hành chính của xã Hòa Bình luôn được cấp ủy, chính quyền quan tâm chỉ đạo, "
    "thực hiện nghiêm cơ chế một cửa, một cửa liên thông. Trong quý I năm 2023, bộ phận một cửa đã tiếp nhận "
    "1.204 hồ sơ, giải quyết 1.180 hồ sơ, đạt 98%; có 12 hồ sơ trễ hạn (chiếm 1%). Thực hiện Kế hoạch số "
    "06/KH-UBND ngày 18/01/2023, xã tổ chức 12 cuộc họp.\nĐang truy cập: 2\nHôm nay: 304\nTất cả: 5,971\n"
)

# digit-dense inputs: numbers without words, and figures packed back to back
DENSE = [("9 9 9", "9 "), ("1.234 5.678", "1.234 5.678 "), ("9,5%", "9,5% "),
         ("figures", "Xã tiếp nhận 1.234 hồ sơ, giải quyết 99%. "),
         # one unbroken run: regexes led by \d+ must not rescan it from every position
         ("one digit run", "7"), ("one dotted run", "1."), ("one run in a table", "| 12")]


def load(corpus: Path) -> list[tuple[str, dt.date | None, str | None]]:
    docs = []
    for path in sorted(corpus.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        pub = dt.date.fromisoformat(d["published"]) if d.get("published") else None
        docs.append((d["text"], pub, d.get("url")))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT / ".." / "shared" / "corpus" / "dev"))
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    docs = load(Path(args.corpus))
    if not docs:
        sys.exit(f"no documents in {args.corpus}")
    for text, pub, url in docs:  # warm up: lexicons, address data
        extract_figures(text, published=pub, url=url)

    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text, pub, url in docs:
            extract_figures(text, published=pub, url=url)
    secs = time.perf_counter() - t0
    n = args.rounds * len(docs)

    rx = re.compile(r"\d[\d.,]*")
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for text, _, _ in docs:
            rx.findall(text)
    base = time.perf_counter() - t0

    big = (SYNTHETIC * (1_000_000 // len(SYNTHETIC) + 1))[:1_000_000]
    t0 = time.perf_counter()
    figures = extract_figures(big)
    mb = time.perf_counter() - t0

    print(f"documents: {len(docs)} x {args.rounds} rounds, {sum(len(t) for t, _, _ in docs)} chars")
    print(f"extract_figures: {n / secs:.0f} docs/s ({secs / n * 1000:.2f} ms/doc)")
    print(f"bare regex pass: {n / base:.0f} docs/s; extractor/regex time ratio {secs / base:.0f}x")
    print(f"synthetic 1 MB text: {mb:.2f} s, {len(figures)} figures ({'ok' if mb < 2 else 'TOO SLOW'} < 2 s)")
    for name, unit in DENSE:
        text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
        t0 = time.perf_counter()
        figures = extract_figures(text)
        took = time.perf_counter() - t0
        print(f"digit-dense 1 MB ({name}): {took:.2f} s, {len(figures)} figures ({'ok' if took < 2 else 'TOO SLOW'} < 2 s)")


if __name__ == "__main__":
    main()
