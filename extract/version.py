"""The extractor's version: a release name plus a digest of its code and lexicons.

Stored figures carry it, and pages read by another version are re-extracted, so any change
to a rule or a lexicon phrase re-reads the stored pages without anyone bumping a number.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RELEASE = "1.1"
PACKAGE = Path(__file__).parent


def rules_digest(package: Path = PACKAGE) -> str:
    """sha256 (first 10 hex digits) over the extractor's modules and lexicon files."""
    digest = hashlib.sha256()
    for path in sorted([*package.glob("*.py"), *package.glob("lexicon/*.toml")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


EXTRACTOR_VERSION = f"{RELEASE}+{rules_digest()}"
