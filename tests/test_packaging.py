"""A non-editable install has every data file the code reads: the wheel built from the tracked
files holds each tracked non-Python file of the packages (lexicons, templates, the replica's
family files and markup, sites files)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cchc", "crawler", "extract", "store", "replica")


def test_wheel_holds_every_data_file(tmp_path: Path) -> None:
    tracked = subprocess.run(["git", "ls-files", "--", *PACKAGES, "pyproject.toml", "README.md"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    src = tmp_path / "src"
    for name in tracked:  # a clean copy: no build/ or egg-info written into the checkout
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    build = ("import sys; from setuptools import build_meta; "
             "print(build_meta.build_wheel(sys.argv[1]))")
    out = subprocess.run([sys.executable, "-c", build, str(tmp_path / "dist")], cwd=src,
                         capture_output=True, text=True, check=True)
    wheel = tmp_path / "dist" / out.stdout.strip().splitlines()[-1]
    names = set(zipfile.ZipFile(wheel).namelist())
    data = [n for n in tracked if n.startswith(PACKAGES) and not n.endswith(".py")]
    assert any(n.startswith("replica/markup/shell/") for n in data)
    assert [n for n in data if n not in names] == []
