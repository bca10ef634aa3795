"""A progress bar with rate and ETA for long passes (`cchc extract --all`): a rich bar on a
terminal, a plain line every `every` seconds otherwise (stderr, so stdout stays the result)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

Tick = Callable[[int, int], None]


def plain_line(label: str, done: int, total: int, elapsed: float) -> str:
    """'extract: 1200/5000 pages (24%), 85.1 pages/s, ETA 45 s'."""
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate else float("inf")
    eta_text = f"{eta:.0f} s" if eta != float("inf") else "?"
    share = done / total if total else 1.0
    return f"{label}: {done}/{total} pages ({share:.0%}), {rate:.1f} pages/s, ETA {eta_text}"


@contextmanager
def progress_bar(label: str, *, every: float = 10.0, rich: bool | None = None) -> Iterator[Tick]:
    """Yield `tick(done, total)`; shows a bar (terminal) or a line every `every` s (else)."""
    rich = sys.stderr.isatty() if rich is None else rich
    if rich:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                                   TextColumn, TimeRemainingColumn, TransferSpeedColumn)

        class PagesPerSecond(TransferSpeedColumn):
            def render(self, task):  # type: ignore[no-untyped-def]
                speed = task.finished_speed or task.speed
                return f"{speed or 0:.1f} pages/s"

        bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                       PagesPerSecond(), TextColumn("ETA"), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=False)
        task_id = bar.add_task(label, total=None)
        with bar:
            yield lambda done, total: bar.update(task_id, completed=done, total=total)
        return
    start = last = time.monotonic()

    def tick(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= every or (done == total and now - start >= every):
            last = now
            print(plain_line(label, done, total, now - start), file=sys.stderr, flush=True)

    yield tick
