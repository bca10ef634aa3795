"""Crash points, for the tests that kill a run at every boundary of its work.

`CCHC_CRASH_AT=<stage>:<k>` (stage `crawl`: stored items; `extract`: extracted pages, then
the units refresh) makes the process exit at once, as `kill -9` would (no cleanup, no
further commit), right after the k-th unit of work of that stage was committed. Unset, a
crash point costs one integer comparison.
"""

from __future__ import annotations

import os

ENV = "CCHC_CRASH_AT"
EXIT_CODE = 75  # what a killed run exits with (tests tell it from a failure)


class CrashPoint:
    """Counts the committed units of work of one stage; dies after the k-th if asked to."""

    def __init__(self, stage: str) -> None:
        name, _, k = os.environ.get(ENV, "").partition(":")
        self.after = int(k) if name == stage and k.isdigit() else 0
        self.done = 0

    def passed(self) -> None:
        """One more unit of work is committed."""
        self.done += 1
        if self.after and self.done >= self.after:
            os._exit(EXIT_CODE)
