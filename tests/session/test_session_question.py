"""The McKenzie question phase and Stop, under a fake clock."""

import pytest
from helpers.routine import make_exercise, make_plan_of

from backex.care.rules import SYMPTOM_QUESTION, Symptoms
from backex.catalogue.exercise import Dose, Exercise, Focus, Position
from backex.planning.timing import GET_READY_S, TRANSITION_S
from backex.session.engine import Session
from backex.session.types import (
    Answer,
    Back,
    CueKind,
    ExerciseResult,
    Next,
    Pause,
    PhaseKind,
    Quit,
    SessionOptions,
    SkipReason,
    Stop,
    TogglePause,
)

T0 = 50.0
HOLD_S = 20
PRONE = make_exercise(
    "prone-on-elbows", Dose(hold_s=HOLD_S), focus=(Focus.MCKENZIE,), position=Position.PRONE
)
PRESS_UP = make_exercise(
    "prone-press-up", Dose(reps=2, hold_s=1), focus=(Focus.MCKENZIE,), position=Position.PRONE
)
BRIDGE = make_exercise("bridge", Dose(hold_s=10))
ASK = SessionOptions(ask_symptoms=True)
FIRST_END = T0 + GET_READY_S + HOLD_S  # when the first exercise's hold ends


def asked_session(
    *exercises: Exercise, options: SessionOptions = ASK
) -> tuple[Session, list[ExerciseResult]]:
    reported: list[ExerciseResult] = []
    plan = make_plan_of(*exercises)
    session = Session(plan, options, on_exercise_end=reported.append)
    session.start(T0)
    return session, reported


def test_a_mckenzie_exercise_ends_in_a_question_that_stops_the_clock() -> None:
    session, reported = asked_session(PRONE, BRIDGE)
    state = session.tick(FIRST_END)
    assert state.kind is PhaseKind.QUESTION
    assert state.cue == SYMPTOM_QUESTION
    assert state.next_deadline is None
    assert [e.kind for e in state.events][-1] is CueKind.QUESTION
    assert reported == []  # reported with the answer
    later = session.tick(FIRST_END + 600)  # ten minutes of thinking change nothing
    assert later.kind is PhaseKind.QUESTION
    assert later.time_left_s == state.time_left_s == TRANSITION_S + GET_READY_S + 10


def test_the_answer_is_reported_and_the_next_exercise_starts_when_answered() -> None:
    session, reported = asked_session(PRONE, BRIDGE)
    session.tick(FIRST_END)
    answered = FIRST_END + 42
    state = session.handle(Answer(answered, Symptoms.CENTRALISING))
    assert state.kind is PhaseKind.TRANSITION and state.item_index == 1
    assert [(r.index, r.symptoms, r.skipped, r.ended_at) for r in reported] == [
        (0, Symptoms.CENTRALISING, False, FIRST_END)
    ]
    assert reported[0].seconds_done == HOLD_S
    log = [(p.at, p.item, p.kind) for p in session.phase_log]
    assert log[-2:] == [
        (FIRST_END, 0, PhaseKind.QUESTION),
        (answered, 1, PhaseKind.TRANSITION),
    ]
    state = session.tick(answered + TRANSITION_S + GET_READY_S + 10)
    assert state.done
    assert [r.exercise_id for r in reported] == ["prone-on-elbows", "bridge"]


def test_a_core_exercise_and_an_unasked_session_have_no_question() -> None:
    session, _ = asked_session(BRIDGE, PRONE)
    state = session.tick(T0 + GET_READY_S + 10)
    assert state.kind is PhaseKind.TRANSITION
    plain, reported = asked_session(PRONE, options=SessionOptions())
    assert plain.tick(FIRST_END).done
    assert reported[0].symptoms is None


@pytest.mark.parametrize("event", [Pause(FIRST_END + 1), TogglePause(FIRST_END + 1)])
def test_pause_does_not_apply_while_asking(event: Pause | TogglePause) -> None:
    session, _ = asked_session(PRONE, BRIDGE)
    session.tick(FIRST_END)
    state = session.handle(event)
    assert state.kind is PhaseKind.QUESTION and not state.paused


def test_next_moves_on_without_an_answer() -> None:
    session, reported = asked_session(PRONE, BRIDGE)
    session.tick(FIRST_END)
    state = session.handle(Next(FIRST_END + 3))
    assert state.kind is PhaseKind.TRANSITION and state.item_index == 1
    assert (reported[0].skipped, reported[0].symptoms) == (False, None)


def test_back_redoes_the_exercise_from_get_ready() -> None:
    session, reported = asked_session(PRONE, BRIDGE)
    session.tick(FIRST_END)
    state = session.handle(Back(FIRST_END + 1))
    assert (state.kind, state.item_index) == (PhaseKind.GET_READY, 0)
    assert reported == []
    again = session.tick(FIRST_END + 1 + GET_READY_S + HOLD_S)
    assert again.kind is PhaseKind.QUESTION


def test_spreading_symptoms_then_stop_ends_the_series_and_keeps_the_answer() -> None:
    """What the coach does on "spread down the leg": Answer, then Stop(reason)."""
    session, reported = asked_session(PRESS_UP, PRONE, BRIDGE)
    press_up_end = T0 + GET_READY_S + 2 * (2 + 1 + 2)
    assert session.tick(press_up_end).kind is PhaseKind.QUESTION
    session.handle(Answer(press_up_end + 2, Symptoms.PERIPHERALISING))
    state = session.handle(Stop(press_up_end + 2, SkipReason.SYMPTOMS))
    assert state.done
    assert [(r.exercise_id, r.skipped, r.skip_reason, r.symptoms) for r in reported] == [
        ("prone-press-up", False, None, Symptoms.PERIPHERALISING),
        ("prone-on-elbows", True, SkipReason.SYMPTOMS, None),
        ("bridge", True, SkipReason.SYMPTOMS, None),
    ]
    summary = session.summary
    assert summary is not None and summary.stop_reason == SkipReason.SYMPTOMS
    assert (summary.done, summary.skipped) == (1, 2)


def test_quit_while_asking_counts_the_exercise_as_done() -> None:
    session, reported = asked_session(PRONE, BRIDGE)
    session.tick(FIRST_END)
    assert session.handle(Quit(FIRST_END + 5)).done
    assert [(r.skipped, r.skip_reason) for r in reported] == [(False, None), (True, "quit")]


def test_an_answer_outside_the_question_is_ignored() -> None:
    session, reported = asked_session(PRONE, BRIDGE)
    state = session.handle(Answer(T0 + 1, Symptoms.SAME))
    assert state.kind is PhaseKind.GET_READY and reported == []


def test_start_at_a_later_position_keeps_plan_positions() -> None:
    reported: list[ExerciseResult] = []
    session = Session(make_plan_of(BRIDGE, PRONE, BRIDGE), on_exercise_end=reported.append)
    state = session.start(T0, first_item=1)
    assert (state.kind, state.item_index) == (PhaseKind.TRANSITION, 1)
    assert state.time_left_s == 2 * (TRANSITION_S + GET_READY_S) + HOLD_S + 10
    while not state.done:
        assert state.next_deadline is not None
        state = session.tick(state.next_deadline)
    assert [r.index for r in reported] == [1, 2]
    with pytest.raises(ValueError, match="no exercise at plan position 3"):
        Session(make_plan_of(BRIDGE)).start(T0, first_item=3)


def test_an_answer_with_stop_ends_there_without_starting_the_next_exercise() -> None:
    session, reported = asked_session(PRONE, BRIDGE)
    session.tick(FIRST_END)
    state = session.handle(
        Answer(FIRST_END + 4, Symptoms.PERIPHERALISING, stop=SkipReason.SYMPTOMS)
    )
    assert state.done
    assert [p.kind for p in session.phase_log][-1] is PhaseKind.QUESTION  # no "next up"
    assert [(r.exercise_id, r.skipped, r.skip_reason, r.symptoms) for r in reported] == [
        ("prone-on-elbows", False, None, Symptoms.PERIPHERALISING),
        ("bridge", True, SkipReason.SYMPTOMS, None),
    ]
    summary = session.summary
    assert summary is not None
    assert (summary.stop_reason, summary.ended_at) == (SkipReason.SYMPTOMS, FIRST_END + 4)
