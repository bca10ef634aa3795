"""The README stays true: every command is documented, every option of the extractor listed."""

from __future__ import annotations

import dataclasses

import click
import pytest

from cchc.cli import cli
from extract import ExtractOptions
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: str = "cchc") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        out.append((path, command))
        if isinstance(command, click.Group):
            out.extend(command_paths(command, path))
    return out


@pytest.mark.parametrize(("path", "command"), command_paths(cli), ids=lambda v: str(v))
def test_every_command_has_help_and_is_in_the_readme(path: str, command: click.Command) -> None:
    assert command.help, f"{path} is missing its help"
    assert f"`{path}" in README, f"{path} is not in README.md"


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


@pytest.mark.parametrize("field", dataclasses.fields(ExtractOptions), ids=lambda f: f.name)
def test_extract_options_are_listed_with_their_defaults(field: dataclasses.Field[object]) -> None:
    assert f"| `{field.name}` | {field.default} |" in README
