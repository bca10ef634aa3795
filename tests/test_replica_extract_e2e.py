"""End to end over the replica: page HTML -> `extract_page` -> figures, scored against the
generator's truth manifest (metric, channel, value, source), as figures.md scores."""

from __future__ import annotations

from collections import Counter

from extract.page import extract_page
from replica import build_replica

# Floors, not targets: raise them as the extractor improves (never lower them silently).
MIN_PRECISION = 0.97
MIN_RECALL = 0.95


def key(metric: str, channel: str | None, value: float, source: str) -> tuple:
    return metric, channel, round(float(value), 3), source


def test_replica_figures_end_to_end() -> None:
    r = build_replica(seed=0)
    tp = fp = fn = 0
    for url, truth in r.truth.items():
        page = extract_page(r.pages[url][2], url=url)
        gold = Counter(key(f["metric"], f["channel"], f["value"], f["source"]) for f in truth)
        pred = Counter(key(f.metric, f.channel, f.value, f.source) for f in page.figures)
        tp += sum((gold & pred).values())
        fp += sum((pred - gold).values())
        fn += sum((gold - pred).values())
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"replica end to end: precision {precision:.4f} recall {recall:.4f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision >= MIN_PRECISION, (precision, recall, tp, fp, fn)
    assert recall >= MIN_RECALL, (precision, recall, tp, fp, fn)
