"""The routine's renderables at 80 and 40 columns: plan, live screen, summary."""

import io
from dataclasses import replace

import pytest
from helpers.routine import make_exercise, make_plan_of
from rich.console import Console

from backex.catalogue.exercise import Dose, Focus
from backex.catalogue.loader import load_catalogue
from backex.planning.planner import make_plan
from backex.session.engine import Session
from backex.session.types import Next, Pause, SessionState
from backex.ui.coach_view import big_digits, coach_screen, countdown_text, plan_view


def render(renderable: object, width: int, height: int = 24) -> str:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def bridge_state(now: float, pause: bool = False) -> SessionState:
    plan = make_plan(load_catalogue(), [Focus.CORE])
    session = Session(plan)
    session.start(0.0)
    session.handle(Next(0.0))  # lower trunk rotation -> supine marches
    session.handle(Next(0.0))  # -> pelvic tilt (one rung of the bridge ladder), in transition
    state = session.tick(now)
    return session.handle(Pause(now)) if pause else state


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0.2, "1"), (5.0, "5"), (59.5, "1:00"), (125, "2:05")]
)
def test_countdown_text(seconds: float, shown: str) -> None:
    assert countdown_text(seconds) == shown


def test_big_digits_fall_back_when_too_narrow() -> None:
    wide = big_digits("12", 40)
    assert wide is not None and wide.plain.splitlines()[0] == "  ██    ██████"
    assert big_digits("1:45", 5) is None


@pytest.mark.parametrize("width", [80, 40])
def test_live_screen_shows_everything_the_person_needs(width: int) -> None:
    state = bridge_state(10 + 5 + 2 + 1)  # transition, get ready, lift: 1 s into the hold
    out = render(coach_screen(state, width, 24), width)
    lines = out.splitlines()
    assert len(lines) <= 24
    assert all(len(line) <= width for line in lines)
    assert lines[0].startswith("Pelvic tilt") and lines[0].rstrip().endswith("exercise 3 of 6")
    assert "1. Lie on your back with knees bent" in out
    assert "Hold" in out
    assert "█" in out  # the large countdown
    assert "rep 1/5" in out
    assert "Next: Prone opposite arm and leg lift" in out
    assert "left" in out
    assert lines[-1] == "space pause · n next · b back · q quit"


def test_live_screen_when_paused_and_in_transition() -> None:
    paused = render(coach_screen(bridge_state(3, pause=True), 80, 24), 80)
    assert "Next up: Pelvic tilt" in paused
    assert "Paused · space to resume" in paused


def test_compact_screen_at_30_columns_and_short_terminal() -> None:
    out = render(coach_screen(bridge_state(18), 30, 12), 30, 12)
    lines = out.splitlines()
    assert len(lines) <= 12 and all(len(line) <= 30 for line in lines)
    assert "1 s" in out and "█" not in out
    assert lines[-1] == "spc pause·n next·b back·q quit"


@pytest.mark.parametrize("width", [80, 40])
def test_plan_view(width: int) -> None:
    plan = make_plan(load_catalogue(), [Focus.CORE], minutes=5)
    out = render(plan_view(plan, width, {e.id: e.name for e in load_catalogue().exercises}), width)
    assert out.splitlines()[0] == "Plan: core, level 1, 5 min budget"
    flat = " ".join(out.split())
    assert "Supine marches" in out and "Total: 4:56 estimated" in out
    assert (
        "Left out for you today: - Bridge: one rung per ladder: Pelvic tilt is in the plan" in flat
    )


def test_a_tall_screen_shows_the_note_the_cue_in_turn_and_the_changed_dose() -> None:
    exercise = make_exercise("bridge", Dose(reps=5, hold_s=5), cues=("Breathe.", "Go slowly."))
    plan = make_plan_of(exercise)
    item = replace(
        plan.items[0],
        dose=Dose(reps=3, hold_s=5),
        note="Lift only a little.",
        reason="trimmed from 5 to 3 reps to fit 5 min",
        prescribed=exercise.dose,
    )
    session = Session(replace(plan, items=(item,)))
    session.start(0.0)
    first = render(coach_screen(session.tick(6.0), 80, 14, item=item), 80, 14)
    later = render(coach_screen(session.tick(14.0), 80, 14, item=item), 80, 14)
    assert "Note: Lift only a little." in first
    assert "Tip: Breathe." in first and "Tip: Go slowly." in later
    assert "Dose today: trimmed from 5 to 3 reps to fit 5 min" in first
    tall = [
        line.rstrip()
        for line in render(coach_screen(session.tick(14.0), 80, 40, item=item), 80, 40).splitlines()
    ]
    tips = tall.index("Tips:")
    assert tall[tips + 1 : tips + 3] == ["  Breathe.", "▸ Go slowly."]
    assert tall[tall.index("Stop if:") + 1] == "  Pain rises above 5 out of 10."
    short = render(coach_screen(session.tick(14.0), 80, 14, item=item), 80, 14)
    assert len(short.splitlines()) <= 14 and "Note: Lift only a little." in short
