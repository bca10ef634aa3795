"""Confidence of a figure: how directly the text states it (0..1, see `Figure.confidence`).

A figure starts at 1.0 and loses a fixed share for each thing the reader had to infer
instead of read in the figure's own words. The factors multiply; the result is rounded
to two decimals. They are ordinal (for ordering a review queue), not probabilities.
"""

from __future__ import annotations

# how the metric was read (Draft.read)
METRIC_READ = {
    "own": 1.0,        # a cue in the number's own phrase ("đã tiếp nhận 336 hồ sơ")
    "layout": 0.95,    # a label or table column the number sits under ("Trễ hạn: 18")
    "lead": 0.85,      # inherited from a lead, a whole, or the count it follows
    "sentence": 0.7,   # a cue further away in the sentence, not in the number's phrase
}
# where the period came from
PERIOD_READ = {"own": 1.0, "lead": 0.95, "none": 0.9}
# where the subject came from
SUBJECT_READ = {"own": 1.0, "lead": 0.95, "default": 0.92, "none": 0.9}
FLAGGED = 0.6       # a consistency check failed (parts vs whole, rate vs counts)
NO_UNIT = 0.95      # a count with no dossier word after it


def score(*, metric_read: str, period_read: str, subject_read: str, flagged: bool,
          unit: bool = True) -> float:
    """Multiply the factors of one figure (unknown keys count as the weakest reading)."""
    c = METRIC_READ.get(metric_read, min(METRIC_READ.values()))
    c *= PERIOD_READ.get(period_read, min(PERIOD_READ.values()))
    c *= SUBJECT_READ.get(subject_read, min(SUBJECT_READ.values()))
    if flagged:
        c *= FLAGGED
    if not unit:
        c *= NO_UNIT
    return round(max(0.0, min(1.0, c)), 2)
