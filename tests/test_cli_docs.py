"""Every `chiso` command has help text with an example; an undocumented command fails this test."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def command_names(application: typer.Typer) -> list[str]:
    return [c.name or c.callback.__name__.replace("_", "-") for c in application.registered_commands if c.callback]


def undocumented(application: typer.Typer, prog: str = "chiso") -> list[str]:
    """Commands whose `--help` lacks a description or an `Example: chiso <command> …` line."""
    bad = []
    for name in command_names(application):
        res = runner.invoke(application, [name, "--help"], terminal_width=200)
        text = res.stdout
        described = res.exit_code == 0 and re.search(r"Usage: .*\n\s*\n\s*\S", text)
        example = re.search(rf"Example: {prog} {re.escape(name)}\b", text)
        if not (described and example):
            bad.append(name)
    return bad


def test_cli_docs_every_command_is_documented_with_an_example():
    names = command_names(app)
    assert {"extract", "evaluate", "show", "report", "table"} <= set(names)
    assert undocumented(app) == []


@pytest.mark.parametrize("name", ["show", "report", "table"])
def test_cli_docs_command_listed_in_main_help(name):
    res = runner.invoke(app, ["--help"], terminal_width=200)
    assert res.exit_code == 0 and re.search(rf"│ {name}\s+\S", res.stdout)


def test_cli_docs_check_catches_an_undocumented_command():
    fake = typer.Typer()

    @fake.command("documented")
    def documented() -> None:
        """Do a thing.

        Example: chiso documented
        """

    @fake.command("bare")
    def bare() -> None:
        pass

    @fake.command("no-example")
    def no_example() -> None:
        """Do another thing, with no example."""

    assert undocumented(fake) == ["bare", "no-example"]
