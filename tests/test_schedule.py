"""The README's schedule works when pasted: its cron lines have valid fields and call `cchc`
commands that exist with options they accept; its systemd units parse (and pass
`systemd-analyze verify` with the install path pointed at this checkout)."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cchc.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = "/srv/cchc"
CRON_BLOCKS = re.findall(r"```cron\n(.*?)```", README, re.S)
UNITS = {m.group(1): m.group(2) for m in re.finditer(
    r"```ini\n# /etc/systemd/system/(\S+)\n(.*?)```", README, re.S)}
FIELD_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
CRON_LINES = [line for block in CRON_BLOCKS for line in block.splitlines()
              if line.strip() and not line.startswith("#") and not re.match(r"^\w+=", line)]


def cron_field_ok(field: str, low: int, high: int) -> bool:
    for part in field.split(","):
        m = re.fullmatch(r"(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?", part)
        if not m:
            return False
        numbers = [int(x) for x in (m.group(2), m.group(3)) if x is not None]
        if any(not low <= n <= high for n in numbers) or (m.group(4) and int(m.group(4)) == 0):
            return False
    return True


def cchc_invocations(command: str) -> list[list[str]]:
    """The argument lists of each `cchc` call in a shell command line (redirections dropped)."""
    calls = []
    for segment in re.split(r"&&|\|\||;", command):
        words = [w for w in shlex.split(segment) if not re.match(r"^\d?>>?|^<", w)]
        if words and words[0].endswith("/cchc"):
            calls.append(words[1:])
    return calls


def check_cchc_args(args: list[str]) -> None:
    """Parse and convert every option as `cchc` would (no run), then run it with --help."""
    assert args and args[0] in cli.commands, f"no command {args[:1]}"
    cli.commands[args[0]].make_context(args[0], list(args[1:]))
    done = subprocess.run([sys.executable, "-m", "cchc", *args, "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Usage:" in done.stdout, done.stderr


def test_readme_has_the_schedule() -> None:
    assert len(CRON_LINES) == 3
    assert set(UNITS) == {f"cchc-{n}.{k}" for n in ("crawl", "backfill", "health")
                          for k in ("service", "timer")}


@pytest.mark.parametrize("line", CRON_LINES, ids=lambda line: " ".join(line.split()[:5]))
def test_cron_line_has_valid_fields_and_real_commands(line: str) -> None:
    fields, command = line.split()[:5], line.split(None, 5)[5]
    for field, (low, high) in zip(fields, FIELD_RANGES):
        assert cron_field_ok(field, low, high), f"bad cron field {field!r} in {line!r}"
    assert command.startswith(f"cd {INSTALL} && .venv/bin/cchc ")
    calls = cchc_invocations(command)
    assert calls, line
    for args in calls:
        check_cchc_args(args)


@pytest.mark.parametrize("name", sorted(UNITS))
def test_systemd_unit_parses_and_calls_real_commands(name: str) -> None:
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string(UNITS[name])
    assert unit["Unit"]["Description"]
    if name.endswith(".timer"):
        assert unit["Timer"]["OnCalendar"] and unit["Install"]["WantedBy"] == "timers.target"
        assert name.replace(".timer", ".service") in UNITS  # a timer starts its namesake
        return
    service = unit["Service"]
    assert service["Type"] == "oneshot" and service["WorkingDirectory"] == INSTALL
    program, *args = shlex.split(service["ExecStart"])
    assert program == f"{INSTALL}/.venv/bin/cchc"
    check_cchc_args(args)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_analyze_verifies_the_units(tmp_path: Path) -> None:
    venv_bin = Path(sys.executable).parent
    for name, text in UNITS.items():
        text = text.replace(f"{INSTALL}/.venv/bin/", f"{venv_bin}/").replace(INSTALL, str(ROOT))
        (tmp_path / name).write_text(text.replace("User=cchc\n", ""), encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.iterdir())],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for spec in re.findall(r"OnCalendar=(.+)", "\n".join(UNITS.values())):
        done = subprocess.run(["systemd-analyze", "calendar", spec], capture_output=True, text=True)
        assert done.returncode == 0 and "Next elapse" in done.stdout, (spec, done.stderr)


@pytest.mark.parametrize("args", [["crawl", "--backfill-day", "14"], ["crawl", "--backfill-days", "x"],
                                  ["healthy"]])
def test_the_checker_refuses_a_wrong_command_line(args: list[str]) -> None:
    import click

    with pytest.raises((click.UsageError, click.BadParameter, AssertionError)):
        check_cchc_args(args)
