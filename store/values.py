"""What a figure's value may be: counts are whole numbers (INTEGER), rates percent (REAL).

Rates are the metrics ending in `_rate` (0..100) and `par_index` (points); every other
metric counts something (dossiers, procedures, services, a rank) and is stored as INTEGER.
"""

from __future__ import annotations

import math

#: Metrics that are not whole numbers: stored REAL.
REAL_METRICS = ("par_index",)
#: The largest count a correction may set (far above any unit's yearly dossiers).
MAX_COUNT = 10**12


def is_rate(metric: str) -> bool:
    """True for percentages (0..100)."""
    return metric.endswith("_rate")


def is_count(metric: str) -> bool:
    """True for metrics stored as whole numbers."""
    return not is_rate(metric) and metric not in REAL_METRICS


def typed_value(metric: str, value: float | int | None) -> float | int | None:
    """`value` as stored: an int for a whole count, else a float."""
    if value is None:
        return None
    if is_count(metric) and float(value).is_integer():
        return int(value)
    return float(value)


def check_value(metric: str, value: float) -> float | int:
    """A corrected value typed for `metric`, or ValueError saying what is allowed."""
    if not math.isfinite(value):
        raise ValueError(f"{value!r} is not a number: type a finite value")
    if value < 0:
        raise ValueError(f"{value:g} is negative: a {metric} value is 0 or more")
    if is_rate(metric) and value > 100:
        raise ValueError(f"{value:g} is above 100: {metric} is a percentage (0 to 100)")
    if is_count(metric):
        if not value.is_integer():
            raise ValueError(f"{value:g} is not a whole number: {metric} counts dossiers")
        if value > MAX_COUNT:
            raise ValueError(f"{value:g} is implausibly large for {metric} "
                             f"(at most {MAX_COUNT:,})")
    return typed_value(metric, value)  # type: ignore[return-value]
