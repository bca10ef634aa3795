"""Article writer: Vietnamese text from `texts/content.toml`, with the figures it states.

Everything is drawn from a `random.Random` the caller seeds, so the same seed writes the same
articles. No clock: dates lie between `FIRST_DAY` and `LAST_DAY`.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "texts"
FIRST_DAY = dt.date(2020, 2, 1)
LAST_DAY = dt.date(2025, 6, 20)
ROMAN = ("I", "II", "III", "IV")
SLOT_RE = re.compile(r"\{([\w+]+)(?:@(\w+))?\}")
TEXT_SLOTS = frozenset(
    ("unit", "Unit", "short", "office", "ubnd", "period", "Period", "doc", "decision", "date", "year", "phone",
     "people", "place")
)


@cache
def content_data() -> dict:
    """The sentence data, read once."""
    return tomllib.loads((DATA_DIR / "content.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Unit:
    """The administrative unit a site belongs to."""

    name: str  # "xã Thái Học"
    level: str  # commune / district / province

    @property
    def short(self) -> str:
        return self.name.split(" ", 1)[1] if " " in self.name else self.name


@dataclass(frozen=True, slots=True)
class Article:
    """One generated article; `truth` lists the figures its body states."""

    id: int
    category: str
    title: str
    published: dt.datetime
    lead: str
    paragraphs: tuple[str, ...]
    author: str
    truth: tuple[dict, ...] = ()
    attachment: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    text: str
    key: str


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def fmt_count(rng: random.Random, n: int) -> str:
    """`1.234` (dot thousands) most of the time, sometimes the bare digits."""
    if n >= 1000 and rng.random() < 0.85:
        return f"{n:,}".replace(",", ".")
    return str(n)


def fmt_rate(value: float) -> str:
    """`98,5` with a decimal comma; integers without decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def pick_period(rng: random.Random, published: dt.date) -> Period:
    """The most recent period of a random kind that ended before `published`."""
    y, m = published.year, published.month
    kind = rng.choice(("quarter", "quarter", "month", "year", "half", "nine"))
    if kind == "year" and m <= 3:
        return Period(f"năm {y - 1}", str(y - 1))
    if kind == "half" and 7 <= m <= 9:
        return Period(f"6 tháng đầu năm {y}", f"{y}-01..{y}-06")
    if kind == "nine" and m >= 10:
        return Period(f"9 tháng đầu năm {y}", f"{y}-01..{y}-09")
    if kind == "month":
        py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
        text = rng.choice((f"tháng {pm}/{py}", f"tháng {pm} năm {py}"))
        return Period(text, f"{py}-{pm:02d}")
    q = (m - 1) // 3  # previous quarter index (0 = last year's Q4)
    qy, qn = (y, q) if q > 0 else (y - 1, 4)
    text = rng.choice((f"quý {ROMAN[qn - 1]} năm {qy}", f"quý {ROMAN[qn - 1]}/{qy}"))
    return Period(text, f"{qy}-Q{qn}")


def numbers(rng: random.Random, level: str) -> dict[tuple[str, str | None], float]:
    """A consistent set of dossier counts and rates for one period."""
    received = rng.randint(60, 900) if level == "commune" else rng.randint(800, 9000)
    carried = rng.randint(0, max(1, received // 25))
    total = received + carried
    pending = rng.randint(0, total // 20)
    resolved = total - pending
    late = 0 if rng.random() < 0.5 else rng.randint(1, max(1, resolved // 60))
    early = rng.randint(resolved // 3, max(resolved // 3, resolved - late))
    on_time = resolved - late - early
    online = int(received * rng.uniform(0.25, 0.95))
    postal = rng.randint(2, max(3, received // 12))
    direct = max(1, received - online - postal)
    procedures = rng.randint(180, 320) if level == "commune" else rng.randint(300, 1600)
    digits = rng.choice((1, 2))

    def rate(part: float, whole: float) -> float:
        return round(100 * part / whole, digits) if whole else 100.0

    return {
        ("received", None): received,
        ("carried_over", None): carried,
        ("total", None): total,
        ("resolved", None): resolved,
        ("early", None): early,
        ("on_time", None): on_time,
        ("early_or_on_time", None): early + on_time,
        ("late", None): late,
        ("pending_not_due", None): pending,
        ("resolved_rate", None): rate(resolved, total),
        ("early_or_on_time_rate", None): rate(early + on_time, resolved),
        ("late_rate", None): rate(late, resolved),
        ("received", "online"): online,
        ("received_rate", "online"): rate(online, received),
        ("received", "postal"): postal,
        ("received", "direct"): direct,
        ("received", "five_on_spot"): rng.randint(5, max(6, received // 8)),
        ("returned", None): rng.randint(1, max(2, received // 100)),
        ("resolved", "postal"): rng.randint(1, postal),
        ("resolved", "inter_agency"): rng.randint(3, max(4, received // 6)),
        ("satisfaction_rate", None): round(rng.uniform(95, 100), digits),
        ("procedures", None): procedures,
        ("online_services", None): rng.randint(90, procedures - 20),
    }


class Writer:
    """Writes articles for one unit from one seeded random generator."""

    def __init__(self, rng: random.Random, unit: Unit) -> None:
        self.rng = rng
        self.unit = unit
        self.data = content_data()
        offices = self.data["offices_commune" if unit.level == "commune" else "offices_district"]
        self.office = rng.choice(offices).replace("{unit}", unit.name)

    def _context(self, when: dt.date, period: Period | None) -> dict[str, str]:
        rng = self.rng
        day = when - dt.timedelta(days=rng.randint(0, 20))
        return {
            "unit": self.unit.name, "Unit": cap(self.unit.name), "short": self.unit.short,
            "office": self.office, "ubnd": f"UBND {self.unit.name.split(' ', 1)[0]}",
            "period": period.text if period else "", "Period": cap(period.text) if period else "",
            "doc": f"{rng.randint(1, 150):02d}/KH-UBND",
            "decision": f"{rng.randint(1, 450):02d}/QĐ-UBND",
            "date": f"{day.day:02d}/{day.month:02d}/{day.year}", "year": str(when.year),
            "phone": rng.choice(("0220.3", "0276.3", "0912.")) + f"{rng.randint(100, 999)}.{rng.randint(100, 999)}",
            "people": str(rng.randint(25, 180)), "place": rng.choice(self.data["places"]),
        }

    def fill(
        self, template: str, ctx: dict[str, str],
        nums: dict[tuple[str, str | None], float] | None = None, period: Period | None = None,
        truth: list[dict] | None = None,
    ) -> str:
        """Fill a template's slots; figure slots append their figure to `truth`."""

        def repl(m: re.Match[str]) -> str:
            name, channel = m.group(1), m.group(2)
            if name in TEXT_SLOTS:
                return ctx[name]
            assert nums is not None and truth is not None, template
            metrics = name.split("+")
            value = nums[(metrics[0], channel)]
            text = fmt_rate(value) if name.endswith("_rate") else fmt_count(self.rng, int(value))
            for metric in metrics:
                fig = {
                    "metric": metric, "value": value, "channel": channel,
                    "period": period.key if period else None, "subject": self.unit.name,
                    "level": self.unit.level, "source": "article", "evidence": text,
                }
                if not any(_same(fig, old) for old in truth):
                    truth.append(fig)
            return text

        return SLOT_RE.sub(repl, template)

    def published(self) -> dt.datetime:
        rng = self.rng
        day = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
        if rng.random() < 0.4:
            return dt.datetime(day.year, day.month, day.day, 12, 0, 0)
        return dt.datetime(day.year, day.month, day.day, rng.randint(7, 17),
                           rng.randint(0, 59), rng.randint(0, 59))

    def figure_article(self, aid: int, category: str) -> Article:
        rng, data = self.rng, self.data
        when = self.published()
        period = pick_period(rng, when.date())
        ctx = self._context(when.date(), period)
        nums = numbers(rng, self.unit.level)
        truth: list[dict] = []
        k = rng.randint(1, 3)
        sentences = [self.fill(t, ctx, nums, period, truth) for t in rng.sample(data["figures"], k)]
        paras = [self.fill(rng.choice(data["middles"]), ctx)]
        # figure sentences alone or glued to a middle paragraph
        for s in sentences:
            if rng.random() < 0.5:
                paras.append(s)
            else:
                paras.append(f"{s} {self.fill(rng.choice(data['middles']), ctx)}")
        if rng.random() < 0.3:  # a negative: document numbers, dates, phones, head counts
            paras.append(self.fill(rng.choice(data["plain_paragraphs"]), ctx))
        paras.append(self.fill(rng.choice(data["closings"]), ctx))
        return Article(
            id=aid, category=category, title=self.fill(rng.choice(data["figure_titles"]), ctx),
            published=when, lead=self.fill(rng.choice(data["intros"]), ctx),
            paragraphs=tuple(paras), author=rng.choice(data["authors"]), truth=tuple(truth),
        )

    def plain_article(self, aid: int, category: str, kind: str = "plain") -> Article:
        """An article without figures (`kind` "plain" for reform news, "news" otherwise)."""
        rng, data = self.rng, self.data
        when = self.published()
        ctx = self._context(when.date(), None)
        paras = [self.fill(p, ctx) for p in rng.sample(data[f"{kind}_paragraphs"], 3)]
        attachment = None
        if kind == "plain" and rng.random() < 0.4:
            attachment = f"{ctx['doc'].replace('/', '-').replace('Đ', 'D')}_vnpt_ca_signed_{when:%Y%m%d%H%M%S}.pdf"
        return Article(
            id=aid, category=category, title=self.fill(rng.choice(data[f"{kind}_titles"]), ctx),
            published=when, lead=paras[0], paragraphs=tuple(paras[1:]),
            author=rng.choice(data["authors"]), attachment=attachment,
        )


def _same(a: dict, b: dict) -> bool:
    keys = ("metric", "channel", "value", "period")
    return all(a[k] == b[k] for k in keys)
