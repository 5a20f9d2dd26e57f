"""The README's first command on a clean machine puts ``backex`` on the PATH.

Slow (pipx builds backex and installs its dependencies into a venv of its own). Offline
apart from the package index pip is configured with (here a local mirror). pipx itself
comes from that index into a throwaway venv, standing in for ``apt install pipx``; its
home, its bin folder and the user's home are all temporary.
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
    """The first line of the README's first shell block."""
    block = re.search(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    return block.group(1).splitlines()[0]


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_readme_first_command_then_backex_list_in_a_new_shell(tmp_path: Path) -> None:
    command = first_command()
    assert command == "pipx install ."
    tools = tmp_path / "tools"
    home = tmp_path / "home"
    bin_dir = home / ".local" / "bin"
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "BACKEX_CATALOGUE", "PATH")
    }
    made = run([sys.executable, "-m", "venv", str(tools)], base, tmp_path)
    assert made.returncode == 0, made.stderr
    pip = run([str(tools / "bin" / "pip"), "install", "-q", "pipx"], base, tmp_path)
    assert pip.returncode == 0, pip.stderr
    env = {
        **base,
        "HOME": str(home),
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(bin_dir),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
        "BACKEX_HOME": str(tmp_path / "backex-home"),
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "PATH": f"{tools / 'bin'}:/usr/bin:/bin",
    }
    installed = run(["/bin/sh", "-c", command], env, ROOT)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # A new shell whose PATH has the user's ~/.local/bin (pipx ensurepath's job) and no
    # trace of pipx's own tools or of this test's Python.
    shell_env = {**env, "PATH": f"{bin_dir}:/usr/bin:/bin"}
    listed = run(["/bin/sh", "-c", "cd / && backex list"], shell_env, tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[-1] == "20 exercises. Details: backex show <id>"
