"""Hints name the command the way it was run."""

import os
from pathlib import Path

import pytest

from backex import paths


@pytest.mark.parametrize(
    ("argv0", "on_path", "expected"),
    [
        ("/usr/lib/python3/site-packages/backex/__main__.py", False, "python3 -m backex"),
        ("BIN/backex", True, "backex"),  # typed `backex`: the shell found it on the PATH
        ("BIN/backex", False, "BIN/backex"),  # typed .venv/bin/backex, not on the PATH
        ("/usr/bin/pytest", False, "backex"),  # called in-process: the usual name
        # `python -m pytest` runs pytest's own __main__.py: still the usual name
        ("/usr/lib/python3/site-packages/pytest/__main__.py", False, "backex"),
    ],
)
def test_command_name(
    argv0: str, on_path: bool, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "backex"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr("sys.argv", [argv0.replace("BIN", str(bin_dir))])
    monkeypatch.setattr("sys.executable", "/usr/bin/python3")
    monkeypatch.setenv("PATH", str(bin_dir) if on_path else os.devnull)
    assert paths.command_name() == expected.replace("BIN", str(bin_dir))
