"""The command tree as a whole: help everywhere, version, ``python -m backex``."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from backex import __version__
from backex.cli import app

# Typer vendors click; a group is any command with sub-``commands``.
ROOT: Any = typer.main.get_command(app)


def _commands(group: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        found.append((*path, name))
        if hasattr(command, "commands"):
            found += _commands(command, (*path, name))
    return found


COMMANDS = _commands(ROOT)


def _command(path: tuple[str, ...]) -> Any:
    command = ROOT
    for name in path:
        command = command.commands[name]
    return command


def test_the_browse_commands_are_registered() -> None:
    assert {("list",), ("show",)} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_and_parameter_has_help(path: tuple[str, ...]) -> None:
    command = _command(path)
    assert command.help and command.help.strip(), path
    for param in command.params:
        text = getattr(param, "help", None)
        assert text and text.strip(), (path, param.name)
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())
    assert " ".join(command.help.splitlines()[0].split()) in shown


def test_root_help() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    assert "A command-line coach for home back-care exercises." in result.stdout


def test_python_dash_m_backex_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backex", "--version"],
        cwd=tmp_path,
        env={**os.environ, "BACKEX_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"backex {__version__}\n"
    assert result.stderr == ""


def test_python_dash_m_backex_runs_commands(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backex", "show", "nope"],
        cwd=tmp_path,
        env={**os.environ, "BACKEX_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "backex: no exercise called 'nope'\n"


def test_version_has_one_source() -> None:
    from importlib.metadata import version

    assert version("backex") == __version__
