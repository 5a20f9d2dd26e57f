"""Revision 2 in a real terminal: first-run screening -> a McKenzie session -> "spreading"
-> the advice at once -> the next day's leg question -> the restricted plan."""

import re
import subprocess
import sys
from datetime import datetime, timedelta

import pexpect
import pytest
from helpers.terminal import press_start, spawn_routine

from backex.care import mckenzie, safety, screening

pytestmark = pytest.mark.e2e

TIMEOUT = 30


def words(child: pexpect.spawn, text: str) -> None:
    """Wait for ``text``, however the terminal's width wrapped it."""
    child.expect(r"\s+".join(re.escape(word) for word in text.split()))


def answer_all(child: pexpect.spawn, questions: list[str], answers: list[str]) -> None:
    for question, answer in zip(questions, answers, strict=True):
        words(child, question)
        child.sendline(answer)


def finish(child: pexpect.spawn) -> int:
    child.expect(r"RC=(\d+)")
    code = int(child.match.group(1))
    child.expect(pexpect.EOF)
    return code


def test_spreading_gives_advice_at_once_and_gates_the_next_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    flags = [f.question for f in safety.RED_FLAGS]
    child = spawn_routine(["-f", "mckenzie", "-m", "10", "--quiet"], "50", 80, TIMEOUT)
    answer_all(child, flags, ["n"] * len(flags))
    words(child, screening.INTRO)
    answer_all(child, [q.question for q in screening.QUESTIONS], ["n"] * 5)
    child.expect_exact("Your local emergency number")
    child.sendline("")
    words(child, mckenzie.SCREEN_INTRO)
    answer_all(child, [q.question for q in mckenzie.SCREEN_QUESTIONS], ["y", "n", "n", "n"])
    words(child, "Stop if pain goes above 5 out of 10")
    child.expect_exact("10 = worst pain imaginable")
    child.sendline("2")
    press_start(child)
    child.expect_exact("How is your pain since this exercise?")
    child.expect_exact("Press 1, 2, 3 or 4")
    child.send("4")  # spreading down the leg
    # the advice comes first: before the summary and before any question
    child.expect_exact("McKenzie series stopped")
    words(child, "Lie in whatever position eases your leg")
    before_summary = child.before + child.after
    child.expect_exact("Session ended early")
    assert "Pain now" not in before_summary.split("McKenzie series stopped")[-1]
    child.expect_exact("10 = worst pain imaginable")
    child.sendline("3")
    assert finish(child) == 0

    tomorrow = datetime.now().astimezone() + timedelta(days=1)
    monkeypatch.setenv("BACKEX_NOW", tomorrow.isoformat())
    child = spawn_routine(["-f", "mckenzie", "-m", "10", "--quiet"], "50", 80, TIMEOUT)
    words(child, "Before exercising, a few questions")  # the full check again after spreading
    answer_all(child, flags, ["n"] * len(flags))
    words(child, mckenzie.LEG_QUESTION)
    child.sendline("y")
    child.expect_exact("10 = worst pain imaginable")
    child.sendline("2")
    press_start(child)
    child.expect_exact("exercise 1 of 3")  # prone lying, on elbows, prone lying
    child.send("q")
    words(child, "Session ended early: you quit.")
    child.expect_exact("10 = worst pain imaginable")
    child.sendline("")
    assert finish(child) == 0

    plan = subprocess.run(
        [sys.executable, "-m", "backex", "routine", "--dry-run", "-f", "mckenzie"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    flat = " ".join(plan.split())
    assert "Standing extension: after spreading, prone lying and on elbows only" in flat
