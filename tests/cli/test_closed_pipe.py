"""A reader that goes away (``backex list | head -1``) ends backex quietly with status 0."""

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "args",
    [
        ["list"],  # the fast path, drawn by Rich
        ["show", "bridge"],
        ["list", "--level", "1"],  # the same through Typer
        ["list", "--json"],  # plain text, not Rich
        ["safety"],
        ["history"],
    ],
    ids=" ".join,
)
def test_a_closed_pipe_is_not_an_error(args: list[str], isolated_home: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE, however small the output
    try:
        result = subprocess.run(
            [sys.executable, "-m", "backex", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env={**os.environ, "BACKEX_HOME": str(isolated_home)},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr.decode()) == (0, "")
