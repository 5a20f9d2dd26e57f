"""The live coach as a person sees it: the start screen, a clinician's note on screen, a
rotation exercise's phases, and the summary after ``b`` then ``q``."""

import re
import sys
from datetime import datetime
from pathlib import Path

import pexpect
import pytest
from helpers.terminal import START, spawn_routine

from backex.care import safety

pytestmark = pytest.mark.e2e

TIMEOUT = 30
PLAN = """\
name: Rotation test
notes: Breathe throughout.
frequency: daily
exercises:
  - id: lower-trunk-rotation
    dose: {reps: 2}
    note: Roll only as far as is comfortable.
  - id: supine-marches
    dose: {reps: 2}
"""


def words(child: pexpect.spawn, text: str) -> None:
    """Wait for ``text`` on screen, whatever line breaks or colours fall between words."""
    gap = r"(?:\s|\x1b\[[0-9;?]*[A-Za-z])+"
    child.expect(gap.join(re.escape(word) for word in text.split()))


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    safety.record_check(False, datetime.now().astimezone())
    path = tmp_path / "rotation.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_start_screen_note_and_rotation_phases_then_b_and_q(plan_file: Path) -> None:
    child = spawn_routine(["--plan", str(plan_file), "--pain", "1", "--quiet"], "4", 80, TIMEOUT)
    words(child, "Today, any of these")  # the one combined question of every session
    child.sendline("n")
    # The start screen: the plan, the clinician's note, time, equipment, the stop rule.
    words(child, "Today: Rotation test")
    words(child, "From your clinician: Breathe throughout.")
    words(child, "1. Lower trunk rotation 2 x 2 s hold each side")
    words(child, "2. Supine marches 2 reps each side")
    words(child, "you need: mat")
    child.expect_exact(START)
    child.send(" ")
    # The live screen: the exercise's note, then rotation as left, hold, centre, right.
    words(child, "Note: Roll only as far as is comfortable.")
    for cue in ("Knees to the left", "Hold", "Back to the centre", "Knees to the right"):
        words(child, cue)
    words(child, "Next up: Supine marches")
    child.send("b")  # back to the finished rotation ...
    words(child, "Lower trunk rotation")
    child.send("q")  # ... and quit: it stays done
    words(child, "Session ended early: you quit.")
    words(child, "Lower trunk rotation done 1 2 each side")
    words(child, "Supine marches skipped: you quit")
    child.expect_exact("Enter skips:")
    child.sendline("")
    child.expect(r"RC=(\d+)")
    assert child.match.group(1) == "0"
    child.expect(pexpect.EOF)


def test_python_dash_m_names_itself_in_hints(plan_file: Path) -> None:
    child = spawn_routine(["--resume"], "4", 80, TIMEOUT)
    words(child, f"start one with `{Path(sys.executable).name} -m backex routine`")
    child.expect(r"RC=(\d+)")
    assert child.match.group(1) == "1"
