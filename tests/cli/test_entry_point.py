"""The entry point answers ``--version`` itself and hands everything else to the CLI."""

import os
import subprocess
import sys
from pathlib import Path

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


USER_CATALOGUE = """\
exercises:
  - id: wall-sit
    name: Wall sit
    summary: Sit against a wall.
    focus: [core]
    position: standing
    level: 2
    dose: {hold_s: 10}
    steps: [Lean on a wall.]
    cues: [Breathe.]
    stop_if: [Pain spreads down a leg.]
    sources: [My physio]
"""


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["list"], {}),
        (["show", "bridge"], {}),
        (["show", "GLUTE BRIDGE"], {}),
        (["show", "brige"], {}),
        (["show", "zzz"], {}),
        (["list"], {"BACKEX_CATALOGUE": "{user}"}),
        (["show", "wall sit"], {"BACKEX_CATALOGUE": "{user}"}),
        (["list"], {"BACKEX_CATALOGUE": "{missing}"}),
        (["show", "bridge"], {"BACKEX_CATALOGUE": "{broken}"}),
        (["list", "--catalogue", "{user}"], {}),
        (["list", "--catalogue={user}"], {"BACKEX_CATALOGUE": "{broken}"}),
        (["show", "wall sit", "--catalogue", "{user}"], {}),
        (["show", "bridge", "--catalogue={missing}"], {}),
        (["list", "--catalogue", "{broken}"], {"BACKEX_CATALOGUE": "{user}"}),
        (["list", "--catalogue="], {}),
        (["list", "--catalogue"], {}),
    ],
)
def test_fast_path_matches_the_typer_command(
    args: list[str], env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``backex list`` / ``backex show NAME`` skip Typer; output and exit code must not change."""
    from typer.testing import CliRunner

    from backex.cli import app

    user = tmp_path / "mine.yaml"
    user.write_text(USER_CATALOGUE, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("exercises: [\n", encoding="utf-8")
    paths = {"user": str(user), "missing": str(tmp_path / "none.yaml"), "broken": str(broken)}
    env = {key: value.format(**paths) for key, value in env.items()}
    args = [arg.format(**paths) for arg in args]
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    # The console script found on the PATH, so its hints say "backex" as CliRunner's do.
    bin_dir = Path(sys.executable).parent
    fast = subprocess.run(
        [str(bin_dir / "backex"), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "80", "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
    )
    typer_path = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert fast.returncode == typer_path.exit_code
    assert fast.stdout == typer_path.stdout
    assert fast.stderr == typer_path.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "bridge"],
        ["list", "--catalogue", "{user}"],
        ["show", "bridge", "--catalogue={user}"],
    ],
)
def test_fast_path_does_not_import_typer(argv: list[str], tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(USER_CATALOGUE, encoding="utf-8")
    argv = [arg.format(user=user) for arg in argv]
    probe = (
        f"import sys; sys.argv = ['backex', *{argv!r}]\n"
        "from backex.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "Bridge (bridge)" in result.stdout or "Wall sit" in result.stdout
    assert "typer" not in result.stderr.split()


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("command", [["show", "bridge"], ["list"], ["routine", "--dry-run"]])
def test_an_output_that_cannot_show_a_character_gets_a_question_mark_not_a_traceback(
    encoding: str, command: list[str], tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "BACKEX_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "backex", *command], capture_output=True, env=env, check=False
    )
    assert (done.returncode, done.stderr.decode(encoding)) == (0, "")
    assert done.stdout.decode(encoding).strip()
