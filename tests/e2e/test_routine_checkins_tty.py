"""The real ``backex routine`` in a pseudo-terminal with the history: the red-flag check,
pain before and after, the McKenzie question, Ctrl-C, --resume and a killed process."""

import json
import os
import re
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pexpect
import pytest
from helpers.care import screened
from helpers.terminal import press_start, spawn_routine

from backex.care import safety
from backex.history import store as history

pytestmark = pytest.mark.e2e

TIMEOUT = 30
PYTHON = Path(sys.executable).name  # the hints name the command as it was run
SHORT_MCKENZIE = """\
name: Short McKenzie test
frequency: daily
exercises:
  - id: prone-lying
    dose: {hold_s: 20}
  - id: prone-press-up
    dose: {reps: 2}
  - id: prone-lying
    dose: {hold_s: 20}
"""


def spawn(args: list[str], scale: str = "25", width: int = 80) -> pexpect.spawn:
    return spawn_routine(args, scale, width, TIMEOUT)


def finish(child: pexpect.spawn) -> tuple[int, str]:
    child.expect(r"RC=(\d+)")
    code = int(child.match.group(1))
    child.expect(pexpect.EOF)
    return code, child.before


def words(child: pexpect.spawn, text: str) -> None:
    """Wait for ``text``, however the terminal's width wrapped it."""
    child.expect(r"\s+".join(re.escape(word) for word in text.split()))


def assert_line_mode(stty: str) -> None:
    flags = set(stty.split())
    assert {"icanon", "echo", "isig"} <= flags, stty


def history_json() -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-m", "backex", "history", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    sessions = json.loads(result.stdout)["sessions"]
    assert isinstance(sessions, list)
    return sessions


@pytest.mark.parametrize("width", [80, 40])
def test_a_mckenzie_routine_from_red_flags_to_history(tmp_path: Path, width: int) -> None:
    plan = tmp_path / "short.yaml"
    plan.write_text(SHORT_MCKENZIE, encoding="utf-8")
    child = spawn(["--plan", str(plan)], width=width)
    for number in range(1, len(safety.RED_FLAGS) + 1):
        child.expect_exact(f"{number}/{len(safety.RED_FLAGS)}")
        child.expect_exact("[y/n]")
        child.sendline("n")
    words(child, "backex will ask again in 30 days")
    words(child, "Stop if pain goes above 5 out of 10")
    child.expect_exact("Enter skips:")
    child.sendline("3")
    press_start(child)
    for key in ("1", "2", "2"):  # after each McKenzie exercise: better, same, same
        child.expect_exact("How is your pain since")
        child.expect_exact("Press 1, 2, 3 or 4")
        child.send(key)
    child.expect_exact("Session complete.")
    words(child, "symptoms: better")  # the summary says what was answered
    child.expect_exact("Enter skips:")
    child.sendline("2")
    words(child, "Pain 3 before, 2 after: green. Good: carry on as planned.")
    code, stty = finish(child)
    assert code == 0
    assert_line_mode(stty)
    (session,) = history_json()
    assert {k: session[k] for k in ("completed", "pain_before", "pain_after", "plan_name")} == {
        "completed": True,
        "pain_before": 3,
        "pain_after": 2,
        "plan_name": "Short McKenzie test",
    }
    exercises = session["exercises"]
    assert isinstance(exercises, list)
    assert [(e["exercise"], e["skipped"], e["symptom_response"]) for e in exercises] == [
        ("prone-lying", False, "centralising"),
        ("prone-press-up", False, "same"),
        ("prone-lying", False, "same"),
    ]
    assert exercises[1]["total_reps"] == 2
    assert exercises[1]["exercise_name"] == "Prone press-up"  # from the plan stored with it


def checked_today() -> None:
    """The full check done and the first-run questions answered: the routine then asks only
    the one combined question of every session (answered by :func:`no_signs_today`)."""
    safety.record_check(False, datetime.now().astimezone())
    screened()


def no_signs_today(child: pexpect.spawn) -> None:
    words(child, "Today, any of these")
    child.sendline("n")


def test_ctrl_c_keeps_an_incomplete_session_that_resume_finishes() -> None:
    checked_today()
    child = spawn(["-m", "2", "--pain", "2", "--quiet"], scale="20")
    no_signs_today(child)
    press_start(child)
    child.expect_exact("Next up: Prone opposite")  # supine marches done and recorded
    child.sendintr()
    child.expect_exact("Session ended early: interrupted.")
    words(child, f"Continue where you stopped with: {PYTHON} -m backex routine --resume")
    code, stty = finish(child)
    assert code == 130
    assert_line_mode(stty)
    assert "Pain now" not in child.logfile_read.getvalue()  # Ctrl-C asks nothing
    (stopped,) = history_json()
    assert (stopped["completed"], stopped["pain_before"]) == (False, 2)
    assert [(e["exercise"], e["skipped"], e["skip_reason"]) for e in stopped["exercises"]] == [
        ("supine-marches", False, None),
        ("prone-opposite-arm-leg-lift", True, "interrupted"),
    ]

    child = spawn(["--resume", "--quiet"], scale="25")
    no_signs_today(child)
    words(child, "at exercise 2 of 2: Prone opposite arm and leg lift.")
    press_start(child)
    child.expect_exact("Next up: Prone opposite")
    child.expect_exact("Session complete.")
    child.expect_exact("Enter skips:")
    child.sendline("")
    code, stty = finish(child)
    assert code == 0
    assert_line_mode(stty)
    (resumed,) = history_json()
    assert (resumed["id"], resumed["completed"]) == (stopped["id"], True)
    assert [(e["exercise"], e["skipped"]) for e in resumed["exercises"]] == [
        ("supine-marches", False),
        ("prone-opposite-arm-leg-lift", False),
    ]


def test_a_killed_routine_keeps_what_was_done() -> None:
    checked_today()
    child = spawn(["-m", "2", "--pain", "4", "--quiet"], scale="20")
    no_signs_today(child)
    press_start(child)
    child.expect_exact("Next up: Prone opposite")
    routine_pid = int(
        subprocess.run(
            ["pgrep", "-P", str(child.pid)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    os.kill(routine_pid, signal.SIGKILL)
    child.expect(r"RC=(\d+)")
    assert int(child.match.group(1)) == 128 + signal.SIGKILL
    child.expect(pexpect.EOF)
    with history.History.open() as store:
        (session,) = store.sessions()
        point = store.last_incomplete()
    assert (session.completed, session.ended_at, session.pain_before) == (False, None, 4)
    assert [(e.exercise_id, e.skipped) for e in session.exercises] == [("supine-marches", False)]
    assert point is not None and point.next_position == 1


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_end_the_routine_like_ctrl_c(signum: int) -> None:
    checked_today()
    child = spawn(["-m", "2", "--pain", "3", "--quiet"], scale="20")
    no_signs_today(child)
    press_start(child)
    child.expect_exact("Next up: Prone opposite")  # supine marches done and recorded
    routine_pid = int(
        subprocess.run(
            ["pgrep", "-P", str(child.pid)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    os.kill(routine_pid, signum)
    child.expect_exact("Session ended early: interrupted.")
    code, stty = finish(child)
    assert code == 130
    assert_line_mode(stty)  # cbreak undone: the shell gets its terminal back
    (stopped,) = history_json()
    assert (stopped["completed"], stopped["pain_before"]) == (False, 3)
    assert stopped["ended_at"] is not None
    assert [(e["exercise"], e["skipped"], e["skip_reason"]) for e in stopped["exercises"]] == [
        ("supine-marches", False, None),
        ("prone-opposite-arm-leg-lift", True, "interrupted"),
    ]
