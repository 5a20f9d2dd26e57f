"""The README's first command on a clean machine runs the routine and puts ``backex`` on
the PATH of a new shell.

Slow (it builds backex and installs its dependencies into a venv of its own). Offline
apart from the package index pip is configured with (here a local mirror). The user's
home is temporary; the shell finds only the base Python, as on a fresh machine.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.slow


def first_command() -> str:
    """The README's first shell block (one line)."""
    block = re.search(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    assert block is not None
    return block.group(1)


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_readme_first_command_then_backex_list_in_a_new_shell(tmp_path: Path) -> None:
    command = first_command()
    assert "\n" not in command and command.endswith("backex routine --focus core")
    home = tmp_path / "home"
    home.mkdir()
    base_python = Path(getattr(sys, "_base_executable", sys.executable)).resolve().parent
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
        "HOME": str(home),
        "PATH": f"{base_python}:/usr/bin:/bin",
        "BACKEX_HOME": str(tmp_path / "backex-home"),
        "BACKEX_CLOCK_SCALE": "1000",  # the routine it starts runs in plain mode, quickly
        "NO_COLOR": "1",
        "COLUMNS": "80",
    }
    env.pop("BACKEX_CATALOGUE", None)
    installed = run(["/bin/sh", "-c", command], env, ROOT)
    assert installed.returncode == 0, installed.stdout[-2000:] + installed.stderr[-2000:]
    assert "Session complete." in installed.stdout
    # A new shell: the user's ~/.local/bin on its PATH, no trace of this test's Python.
    shell_env = {**env, "PATH": f"{home / '.local' / 'bin'}:/usr/bin:/bin"}
    listed = run(["/bin/sh", "-c", "cd / && backex list"], shell_env, tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[-1] == "20 exercises. Details: backex show <id>"
