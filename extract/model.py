"""The records extraction returns: `Figure` (figures.md contract), `Widget` and `Page`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

METRICS_COUNTS = (
    "received", "carried_over", "total", "due", "resolved", "early", "on_time",
    "early_or_on_time", "late", "pending", "pending_late", "pending_not_due", "returned",
)
METRICS_RATES = tuple(
    f"{m}_rate"
    for m in ("received", "resolved", "early", "on_time", "early_or_on_time", "late",
              "pending", "returned")
)
METRICS_OTHER = ("satisfaction_rate", "par_index", "par_rank", "procedures", "online_services")
METRICS = METRICS_COUNTS + METRICS_RATES + METRICS_OTHER
CHANNELS = ("inter_agency", "online", "five_on_spot", "postal", "direct")
LEVELS = ("commune", "district", "province", "national")
SOURCES = ("article", "widget")


@dataclass(frozen=True, slots=True)
class Figure:
    """One number a text states about administrative-procedure work (see figures.md).

    `evidence` is the exact substring `text[start:end]` of the text it was read from.
    `flags` name failed consistency checks (e.g. ``"sum:early_or_on_time+late!=resolved"``).

    `confidence` (0..1) says how directly the text states the figure, for ordering a
    review queue (least certain first); it is ordinal, not a probability. It starts at 1
    and is multiplied by a factor below 1 for each thing inferred rather than read in the
    figure's own words (`extract/confidence.py` holds the factors): the metric inherited
    from a lead or whole (0.85) or from a cue far off in the sentence (0.7) instead of a
    cue of its own; the period or subject taken from earlier text or the portal instead
    of the figure's sentence (0.9-0.95); a count without a dossier word (0.95); and a
    failed consistency check (0.6).
    """

    metric: str
    value: float
    channel: str | None
    period: str | None
    subject: str | None
    level: str | None
    source: str
    evidence: str
    start: int = 0
    end: int = 0
    flags: tuple[str, ...] = field(default=())
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Widget:
    """A portal statistics box (e.g. "Kết quả giải quyết TTHC"), as text, with its update time."""

    kind: str
    text: str
    updated: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A portal page split into its parts, with the figures of body and widgets.

    Article figures carry spans into `body`; widget figures carry spans into the
    text of `widgets[figure_widget[i]]`.
    """

    title: str | None
    published: dt.date | None
    body: str
    widgets: tuple[Widget, ...] = ()
    figures: tuple[Figure, ...] = ()
    attachments: tuple[str, ...] = ()
    #: Which reading gave the body ("platform", "trafilatura", "fallback"; None: no body).
    body_source: str | None = None
