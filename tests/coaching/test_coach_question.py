"""The McKenzie question in the coach: the live screen, plain mode's line prompt, the Stop hook."""

import io

import pytest
from helpers.routine import make_exercise, make_plan_of
from rich.console import Console

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose, Focus, Position
from backex.coaching.live import CoachOptions, Screen, run_routine
from backex.session.engine import Session
from backex.session.types import ExerciseResult, PhaseKind, SessionOptions
from backex.ui.coach_view import coach_screen

PRONE = make_exercise(
    "prone-on-elbows", Dose(hold_s=4), focus=(Focus.MCKENZIE,), position=Position.PRONE
)
BRIDGE = make_exercise("bridge", Dose(hold_s=2))
FAST = CoachOptions(plain=True, quiet=True, clock_scale=500, ask_symptoms=True)
SPREAD = "symptoms spread down the leg"


def render(renderable: object, width: int, height: int = 24) -> str:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def no_screen() -> Screen:
    raise AssertionError("plain mode draws no screen")


@pytest.mark.parametrize("width", [80, 40, 30])
def test_the_question_screen_lists_four_answers_and_fits(width: int) -> None:
    session = Session(make_plan_of(PRONE, BRIDGE), SessionOptions(ask_symptoms=True))
    session.start(0.0)
    state = session.tick(9.0)
    assert state.kind is PhaseKind.QUESTION
    out = render(coach_screen(state, width, 24), width)
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0].startswith("Prone on elbows")
    flat = " ".join(out.split())
    assert (
        "How is your pain since this exercise? 1 better: less pain, or moving toward the "
        "middle of the back 2 no change 3 worse in the back, not spreading 4 spreading down "
        "the leg, or new numbness, tingling or weakness Press 1, 2, 3 or 4 (no Enter needed)."
    ) in flat
    if width >= 40:
        assert " 2 no change" in lines
    assert max(len(line) for line in lines) <= width
    keys = "1-4 answer · n skip · b redo · q quit" if width >= 40 else "1-4 answer·n skip·q quit"
    assert lines[-1] == keys


def test_the_stop_rule_notice_shows_when_there_is_room() -> None:
    session = Session(make_plan_of(BRIDGE))
    state = session.start(0.0)
    out = render(coach_screen(state, 80, 24, notice="Stop if pain spreads."), 80)
    assert out.splitlines()[-1].rstrip() == "Stop if pain spreads."
    tiny = render(coach_screen(state, 80, 7, notice="Stop if pain spreads."), 80)
    assert "Stop if pain spreads." not in tiny


def coach_plain(answers: str) -> tuple[str, list[ExerciseResult], list[Symptoms], str | None]:
    out = io.StringIO()
    results: list[ExerciseResult] = []
    heard: list[Symptoms] = []

    def on_answer(symptoms: Symptoms) -> str | None:
        heard.append(symptoms)
        return SPREAD if symptoms is Symptoms.PERIPHERALISING else None

    outcome = run_routine(
        make_plan_of(PRONE, PRONE, BRIDGE),
        FAST,
        screen_factory=no_screen,
        warn=lambda message: None,
        on_exercise_end=results.append,
        stdin=io.StringIO(answers),
        stdout=out,
        on_answer=on_answer,
    )
    return out.getvalue(), results, heard, outcome.summary.stop_reason


def test_plain_mode_asks_on_a_line_and_spreading_stops_the_series() -> None:
    text, results, heard, stop = coach_plain("1\n4\n")
    assert heard == [Symptoms.CENTRALISING, Symptoms.PERIPHERALISING]
    assert stop == SPREAD
    assert [(r.index, r.skipped, r.symptoms) for r in results] == [
        (0, False, Symptoms.CENTRALISING),
        (1, False, Symptoms.PERIPHERALISING),
        (2, True, None),
    ]
    prompt = (
        "How is your pain since this exercise?\n"
        "  1 better: less pain, or moving toward the middle of the back\n"
        "  2 no change\n"
        "  3 worse in the back, not spreading\n"
        "  4 spreading down the leg, or new numbness, tingling or weakness\n"
        "Type 1-4 and Enter (Enter skips): "
    )
    assert text.count(prompt) == 2
    assert "Session ended." in text


def test_plain_mode_asks_again_after_a_wrong_answer_and_enter_or_eof_skips() -> None:
    text, results, heard, stop = coach_plain("7\n\n")
    assert "(Enter skips): Please type 1, 2, 3 or 4.\nType 1-4 and Enter" in text
    assert heard == [] and stop is None
    assert [(r.skipped, r.symptoms) for r in results] == [(False, None)] * 3
