"""Polite defaults: robots.txt, AutoThrottle, 2 requests per host, an honest User-Agent."""

from __future__ import annotations

import os
import subprocess
import sys

from cchc.crawl import project_settings
from tests.conftest import ROOT


def test_polite_defaults() -> None:
    s = project_settings()
    assert s.getbool("ROBOTSTXT_OBEY") and s.getbool("AUTOTHROTTLE_ENABLED")
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2
    assert s.getfloat("DOWNLOAD_DELAY") >= 1
    assert s.getint("DOWNLOAD_MAXSIZE") <= 10 * 1024 * 1024
    assert s.get("USER_AGENT").startswith("cchc/") and "mailto:" in s.get("USER_AGENT")


def test_contact_in_user_agent_is_configurable() -> None:
    env = {**os.environ, "CCHC_CONTACT": "analyst@example.vn", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", "import crawler.settings as s; print(s.USER_AGENT)"],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    assert "mailto:analyst@example.vn" in out
