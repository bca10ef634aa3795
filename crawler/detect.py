"""Tell which portal platform a homepage looks like, from signatures in platforms.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PLATFORMS_FILE = Path(__file__).with_name("platforms.toml")
#: Below this total no platform is claimed and the generic spider is the answer.
MIN_SCORE = 4
GENERIC = "generic"


@dataclass(frozen=True)
class Signature:
    platform: str
    pattern: re.Pattern[str]
    weight: int


@dataclass(frozen=True)
class Detection:
    """The best platform, its score, and the signatures that matched (as evidence)."""

    platform: str
    score: int
    evidence: tuple[str, ...]
    scores: dict[str, int]


@lru_cache(maxsize=1)
def load_signatures(path: Path = PLATFORMS_FILE) -> tuple[Signature, ...]:
    """Read and validate the signature table; errors name the file, platform and pattern."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for platform, entry in data.items():
        sigs = entry.get("signatures")
        if not sigs:
            raise ValueError(f"{path.name} [{platform}]: no signatures")
        for sig in sigs:
            try:
                pattern = re.compile(sig["pattern"], re.IGNORECASE)
            except (KeyError, re.error) as exc:
                raise ValueError(f"{path.name} [{platform}]: bad pattern {sig!r}: {exc}") from None
            out.append(Signature(platform, pattern, int(sig.get("weight", 1))))
    return tuple(out)


def detect_platform(html: str, url: str = "") -> Detection:
    """Score every platform on the homepage HTML (and URL); 'generic' when none is clear."""
    text = f"{url}\n{html[:2_000_000]}"
    scores: dict[str, int] = {}
    evidence: dict[str, list[str]] = {}
    for sig in load_signatures():
        match = sig.pattern.search(text)
        if match:
            scores[sig.platform] = scores.get(sig.platform, 0) + sig.weight
            evidence.setdefault(sig.platform, []).append(match.group(0)[:80])
    if not scores or max(scores.values()) < MIN_SCORE:
        return Detection(GENERIC, max(scores.values(), default=0), (), scores)
    best = max(scores, key=lambda p: (scores[p], p))
    return Detection(best, scores[best], tuple(evidence[best]), scores)
