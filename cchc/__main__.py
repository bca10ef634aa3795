"""`python -m cchc` runs the CLI."""

from cchc.cli import cli

cli(prog_name="cchc")
