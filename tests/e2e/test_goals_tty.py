"""Goals and the weekly check-in in the real program, in a pseudo-terminal: a goal added
and scored as the first session ends; 8 days later the "Your week" block, the question and
the shorter-session tip; then the goal's scores in ``backex history``."""

import os
import re
import subprocess
import sys
from datetime import datetime, time, timedelta

import pexpect
import pytest
from helpers.care import screened
from helpers.history_week import FixedClock
from helpers.terminal import press_start, spawn_routine

from backex.care import safety
from backex.catalogue.loader import load_catalogue
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecorder

pytestmark = pytest.mark.e2e

TIMEOUT = 30
GOAL = "put my socks on standing"


def words(child: pexpect.spawn, text: str) -> None:
    """Wait for ``text``, however the terminal's width wrapped it."""
    child.expect(r"\s+".join(re.escape(word) for word in text.split()))


def backex(*args: str, now: datetime, width: int) -> str:
    env = {**os.environ, "BACKEX_NOW": now.isoformat(), "COLUMNS": str(width)}
    result = subprocess.run(
        [sys.executable, "-m", "backex", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def finish(child: pexpect.spawn) -> int:
    child.expect(r"RC=(\d+)")
    code = int(child.match.group(1))
    child.expect(pexpect.EOF)
    return code


def sessions_on(*days: datetime) -> None:
    """A completed one-exercise session at 08:00 on each of these days."""
    bridge = load_catalogue().get("bridge").dose
    with History.open() as store:
        for day in days:
            start = datetime.combine(day.date(), time(8, 0), day.tzinfo)
            recorder = SessionRecorder(store, FixedClock(start))
            recorder.start({"items": [{"exercise": "bridge"}]}, ["core"], 2)
            recorder.record_exercise(ExerciseEntry(0, "bridge", bridge, sets_done=1, reps_done=5))
            recorder.set_pain_after(1)
            recorder.finish(completed=True)


@pytest.mark.parametrize("width", [80, 40])
def test_a_goal_scored_then_a_week_later_the_check_in(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    now = datetime.now().astimezone().replace(microsecond=0)
    safety.record_check(False, now)  # the full warning-sign check is done: one question a day
    screened()
    assert "Added goal 1" in backex("goal", "add", GOAL, now=now, width=width)

    # The first session after the goal was added: its score is asked at the end.
    monkeypatch.setenv("BACKEX_NOW", now.isoformat())
    child = spawn_routine(["-m", "1", "--pain", "2", "--quiet"], "25", width, TIMEOUT)
    words(child, "Today, any of these")
    child.sendline("n")
    press_start(child)
    child.expect_exact("Session complete.")
    child.expect_exact("Pain now")
    child.expect_exact("Enter skips:")
    child.sendline("1")
    words(child, f"Your goal: {GOAL}")
    words(child, "How well can you do this today?")
    child.expect_exact("Score 0-10, Enter skips:")
    child.sendline("4")
    assert finish(child) == 0
    assert "Your week" not in child.logfile_read.getvalue()  # not a week of history yet

    # Sessions on two of the next seven days; then a session 8 days after the first.
    sessions_on(now + timedelta(days=2), now + timedelta(days=5))
    later = now + timedelta(days=8)
    monkeypatch.setenv("BACKEX_NOW", later.isoformat())
    child = spawn_routine(["-m", "1", "--pain", "2", "--quiet"], "25", width, TIMEOUT)
    words(child, "Today, any of these")
    child.sendline("n")
    child.expect_exact("Your week")
    words(child, "2 of 7 planned sessions this week: every session counts.")
    words(child, "What got in the way?")
    child.expect_exact("Type 1-5, Enter skips:")
    child.sendline("1")
    words(child, "Tip: A short session still counts. Try 5 minutes:")
    words(child, "routine --focus core --minutes 5")
    press_start(child)
    child.expect_exact("Session complete.")
    child.expect_exact("Pain now")
    child.expect_exact("Enter skips:")
    child.sendline("")
    words(child, "How well can you do this today?")  # 8 days since the last score
    child.expect_exact("Score 0-10, Enter skips:")
    child.sendline("6")
    assert finish(child) == 0
    screen = child.logfile_read.getvalue()
    assert "missed" not in screen.lower()

    shown = " ".join(backex("history", now=later, width=width).split())
    assert f"{GOAL}: 4 → 6 (latest {later.day} {later:%b})" in shown
