"""The entry point answers ``--version`` itself and hands everything else to the CLI."""

import subprocess
import sys

import pytest

from backex import __version__


def test_version_is_answered_before_the_command_line_loads() -> None:
    probe = (
        "import sys; sys.argv = ['backex', '--version']\n"
        "from backex.__main__ import main; main()\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    version, imported = result.stdout.splitlines()
    assert version == f"backex {__version__}"
    heavy = {"typer", "rich", "yaml", "pydantic", "platformdirs", "backex.cli", "backex.catalogue"}
    assert not heavy & set(imported.split())


@pytest.mark.parametrize(
    "command", [["-m", "backex"], ["-c", "from backex.__main__ import main; main()"]]
)
def test_version_fast_path_prints_what_the_option_prints(command: list[str]) -> None:
    from typer.testing import CliRunner

    from backex.cli import app

    option = CliRunner().invoke(app, ["--version"])
    fast = subprocess.run(
        [sys.executable, *command, "--version"], capture_output=True, text=True, check=False
    )
    assert (fast.returncode, fast.stdout, fast.stderr) == (0, option.output, "")
    assert fast.stdout == f"backex {__version__}\n"


def test_other_arguments_still_reach_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backex", "--version", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, f"backex {__version__}\n")
    result = subprocess.run(
        [sys.executable, "-m", "backex", "show", "no-such-thing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("backex: no exercise called 'no-such-thing'")
