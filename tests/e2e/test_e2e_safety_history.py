"""The real program in a pseudo-terminal: the red-flag check and the history view."""

import os
import shutil
import sys
from datetime import date
from pathlib import Path

import pexpect
import pytest
from helpers.history_week import fill_week

from backex.history import store as history

pytestmark = pytest.mark.e2e


def spawn(args: list[str], columns: int = 80) -> "pexpect.spawn":
    exe = shutil.which("backex", path=str(Path(sys.executable).parent))
    assert exe is not None
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "40"}
    return pexpect.spawn(exe, args, env=env, encoding="utf-8", dimensions=(40, columns), timeout=20)


def test_check_in_a_terminal_yes_exits_3_and_asks_again(isolated_home: Path) -> None:
    child = spawn(["safety", "--check"], columns=120)
    child.expect_exact("1/12")  # styled text: each piece is matched on its own
    child.expect_exact("Do you have numbness")
    child.expect_exact("[y/n]")
    child.sendline("x")
    child.expect_exact("Please answer y (yes) or n (no).")
    child.expect_exact("1/12")
    child.sendline("n")
    child.expect_exact("2/12")
    child.sendline("y")
    child.expect_exact("Get emergency care now")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 3
    child = spawn(["safety", "--check"], columns=120)
    child.expect_exact("1/12")
    for number in range(2, 13):
        child.sendline("n")
        child.expect_exact(f"{number}/12")
    child.sendline("n")
    child.expect_exact("backex will ask again in 30 days")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("columns", [40, 80])
def test_history_after_a_week_in_a_terminal(columns: int) -> None:
    fill_week(history.db_path(), date.today())
    child = spawn(["history"], columns=columns)
    child.expect_exact("Your run: 3 planned days in a row.")
    child.expect_exact("Pain by day, 0-10 (B before, A after)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    lines = (child.before or "").splitlines()
    assert lines and max(len(line.rstrip()) for line in lines) <= columns
