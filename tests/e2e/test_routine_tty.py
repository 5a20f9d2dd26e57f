"""The real ``backex routine`` in a pseudo-terminal: keys, screen text, exit, terminal restored."""

import re
from datetime import datetime

import pexpect
import pytest
from helpers.care import screened
from helpers.terminal import press_start, spawn_routine

from backex.care import safety

pytestmark = pytest.mark.e2e

TIMEOUT = 20


PAIN_AFTER = "Enter skips:"


def checked_today() -> None:
    """The red-flag check answered "no" and the first-run questions answered in this test's
    BACKEX_HOME: the gate then asks only the one combined question of every session."""
    safety.record_check(False, datetime.now().astimezone())
    screened()


def spawn(width: int, scale: str = "2", args: str = "-m 2 --pain 1") -> pexpect.spawn:
    """The routine in a ``width``-column terminal, the red-flag check already answered."""
    checked_today()
    child = spawn_routine(args.split(), scale, width, TIMEOUT)
    child.expect("Today, any of these")
    child.sendline("n")
    press_start(child)
    return child


def finish(child: pexpect.spawn) -> tuple[int, str, str]:
    """The routine's exit code, the terminal settings it left behind, all it wrote."""
    child.expect(r"RC=(\d+)")
    code = int(child.match.group(1))
    child.expect(pexpect.EOF)
    return code, child.before, child.logfile_read.getvalue()


def assert_restored(stty: str, screen: str) -> None:
    flags = set(stty.split())
    assert {"icanon", "echo", "isig"} <= flags, stty
    assert not {"-icanon", "-echo"} & flags, stty
    # left the alternate screen and showed the cursor again
    assert screen.rfind("\x1b[?1049l") > screen.rfind("\x1b[?1049h") >= 0
    assert screen.rfind("\x1b[?25h") > screen.rfind("\x1b[?25l") >= 0


@pytest.mark.parametrize("width", [80, 40])
def test_keys_pause_next_back_quit(width: int) -> None:
    from backex.habits import store as habits
    from backex.history.store import History

    with History.open() as store:  # a goal: not asked after a session with nothing done
        habits.add_goal(store, "put my socks on standing", datetime.now().astimezone())
    child = spawn(width)
    child.expect("Supine marches")
    child.expect("Get ready")
    child.send(" ")
    child.expect("Paused")
    child.send(" ")
    child.expect(re.compile(r"Get ready|Lift slowly|Lower slowly"))
    child.send("n")
    child.expect("Next up: Prone opposite")
    child.send("b")  # at its start: back to the previous exercise
    child.expect("Supine marches")
    child.expect("Get ready")
    child.send("\x1b[C")  # Right arrow: next
    child.expect("Next up: Prone opposite")
    child.send("q")
    child.expect(r"Session ended early: you\s+quit\.")
    child.expect("time taken")
    child.expect_exact(PAIN_AFTER)
    child.sendline("")
    code, stty, screen = finish(child)  # exits at once: no goal question waits
    assert code == 0
    assert "How well can you do this today?" not in screen
    assert_restored(stty, screen)


def test_ctrl_c_exits_130_with_the_summary_and_restores_the_terminal() -> None:
    child = spawn(80)
    child.expect("Get ready")
    child.sendintr()
    child.expect(r"Session ended early: interrupted\.")
    child.expect("time taken")
    code, stty, screen = finish(child)
    assert code == 130
    assert_restored(stty, screen)


def test_a_whole_tiny_routine_runs_to_the_end_at_40_columns() -> None:
    child = spawn(40, scale="25", args="-m 1 --quiet --pain 1")
    child.expect("Supine marches")
    child.expect(r"Session complete\.")
    child.expect("time taken")
    child.expect_exact(PAIN_AFTER)
    child.sendline("0")
    child.expect("Pain 1 before, 0 after: green")
    code, stty, screen = finish(child)
    assert code == 0
    assert_restored(stty, screen)
