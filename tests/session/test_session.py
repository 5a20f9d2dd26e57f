"""The session engine under a fake clock: phases, timing, keys, results, cues."""

import pytest
from helpers.routine import make_exercise, make_plan_of

from backex.catalogue.exercise import Dose, Focus, pattern_of
from backex.catalogue.loader import load_catalogue
from backex.planning.plan import Block, Plan, PlannedItem
from backex.planning.planner import make_plan
from backex.planning.timing import TRANSITION_S, estimate_item_seconds
from backex.session.engine import Session
from backex.session.phases import build_segments
from backex.session.types import (
    Back,
    CueKind,
    ExerciseResult,
    Next,
    Pause,
    PhaseKind,
    Quit,
    Resume,
    SessionOptions,
    Side,
    SkipReason,
    Step,
    Stop,
    TogglePause,
)

T0 = 1000.0
BRIDGE = make_exercise("bridge", Dose(reps=2, hold_s=5))
HOLD = make_exercise("plank", Dose(sets=2, hold_s=20, rest_s=15))
SIDES = make_exercise("knee-hug", Dose(hold_s=10, per_side=True))


def run_to_end(session: Session, step: float | None = None, late: float = 0.0) -> None:
    """Tick until done: at each next deadline (plus ``late``), or every ``step`` seconds."""
    state = session.state
    now = state.now
    while not state.done:
        if step is None:
            assert state.next_deadline is not None
            now = state.next_deadline + late
        else:
            now += step
        state = session.tick(now)


def expected_starts(plan: Plan, start: float = T0) -> list[tuple[float, int, PhaseKind]]:
    starts = []
    at = start
    for index, item in enumerate(plan.items):
        for segment in build_segments(item, index == 0, SessionOptions()):
            starts.append((at, index, segment.kind))
            at += segment.duration
    return starts


def log(session: Session) -> list[tuple[float, int, PhaseKind]]:
    return [(p.at, p.item, p.kind) for p in session.phase_log]


def test_twenty_minute_routine_every_phase_starts_on_time() -> None:
    plan = make_plan(load_catalogue(), None, max_level=3, minutes=20)
    assert plan.total_s > 9 * 60  # about 6 main exercises fill under 10 of the 20 minutes
    session = Session(plan)
    session.start(T0)
    run_to_end(session)
    assert log(session) == expected_starts(plan)
    summary = session.summary
    assert summary is not None
    assert summary.time_taken_s == plan.total_s
    assert summary.done == len(plan.items) and summary.skipped == 0


@pytest.mark.parametrize(("step", "late"), [(None, 0.37), (7.3, 0.0), (10_000.0, 0.0)])
def test_late_ticks_do_not_drift(step: float | None, late: float) -> None:
    plan = make_plan_of(BRIDGE, HOLD, SIDES)
    session = Session(plan)
    session.start(T0)
    run_to_end(session, step=step, late=late)
    assert log(session) == expected_starts(plan)
    summary = session.summary
    assert summary is not None and summary.ended_at == T0 + plan.total_s


def test_segments_add_up_to_the_planner_estimate_for_every_catalogue_exercise() -> None:
    for exercise in load_catalogue().exercises:
        for first, transition in ((True, 0), (False, TRANSITION_S)):
            item = PlannedItem(exercise, exercise.dose, Block.MAIN, 0)
            total = sum(s.duration for s in build_segments(item, first, SessionOptions()))
            pattern = pattern_of(exercise)
            expected = estimate_item_seconds(
                exercise.dose, transition_s=transition, pattern=pattern
            )
            assert total == expected


def test_counted_reps_walk_lift_hold_lower_with_cues() -> None:
    session = Session(make_plan_of(BRIDGE))
    state = session.start(T0)
    assert (state.kind, state.cue, state.remaining_s) == (PhaseKind.GET_READY, "get ready", 5)
    seen = []
    while not state.done:
        seen.append((state.kind, state.rep_no, state.step, state.cue, state.phase_s))
        assert state.next_deadline is not None
        state = session.tick(state.next_deadline)
    phases = list(dict.fromkeys(seen))
    assert phases == [
        (PhaseKind.GET_READY, None, None, "get ready", 5),
        (PhaseKind.WORK, 1, Step.LIFT, "lift slowly", 2),
        (PhaseKind.WORK, 1, Step.HOLD, "hold", 5),
        (PhaseKind.WORK, 1, Step.LOWER, "lower slowly", 2),
        (PhaseKind.WORK, 2, Step.LIFT, "lift slowly", 2),
        (PhaseKind.WORK, 2, Step.HOLD, "hold", 5),
        (PhaseKind.WORK, 2, Step.LOWER, "lower slowly", 2),
    ]


def test_countdown_shows_whole_seconds_and_next_deadline_is_the_next_change() -> None:
    session = Session(make_plan_of(HOLD))
    session.start(T0)
    state = session.tick(T0 + 5.4)  # 0.4 s into the 20 s hold
    assert state.kind is PhaseKind.WORK
    assert state.remaining_s == pytest.approx(19.6)
    assert state.next_deadline == pytest.approx(T0 + 6.0)  # when it shows 19
    assert state.time_left_s == pytest.approx(19.6 + 15 + 20)


def test_sides_switch_with_a_cue() -> None:
    session = Session(make_plan_of(SIDES))
    state = session.start(T0)
    assert state.side is Side.RIGHT and state.cue == "get ready: right side first"
    session.tick(T0 + 14.5)
    state = session.tick(T0 + 5 + 10)
    assert state.kind is PhaseKind.SWITCH_SIDES
    assert state.cue == "switch to the left side"
    assert [e.kind for e in state.events] == [CueKind.HOLD_END, CueKind.SWITCH_SIDES]
    state = session.tick(T0 + 20)
    assert (state.kind, state.side, state.cue) == (PhaseKind.WORK, Side.LEFT, "hold")


def test_cue_events_over_a_whole_hold_exercise() -> None:
    session = Session(make_plan_of(HOLD))
    started = session.start(T0)
    assert [e.kind for e in started.events] == [CueKind.EXERCISE_START]
    state = session.tick(T0 + 10_000)
    cues = [(e.kind, e.at - T0, e.value) for e in state.events]
    assert cues == [
        (CueKind.COUNTDOWN, 2, 3),
        (CueKind.COUNTDOWN, 3, 2),
        (CueKind.COUNTDOWN, 4, 1),
        (CueKind.WORK_START, 5, None),
        (CueKind.HALFWAY, 15, None),
        (CueKind.COUNTDOWN, 22, 3),
        (CueKind.COUNTDOWN, 23, 2),
        (CueKind.COUNTDOWN, 24, 1),
        (CueKind.HOLD_END, 25, None),
        (CueKind.REST, 25, None),
        (CueKind.COUNTDOWN, 37, 3),
        (CueKind.COUNTDOWN, 38, 2),
        (CueKind.COUNTDOWN, 39, 1),
        (CueKind.WORK_START, 40, None),
        (CueKind.HALFWAY, 50, None),
        (CueKind.COUNTDOWN, 57, 3),
        (CueKind.COUNTDOWN, 58, 2),
        (CueKind.COUNTDOWN, 59, 1),
        (CueKind.HOLD_END, 60, None),
        (CueKind.EXERCISE_END, 60, None),
        (CueKind.DONE, 60, None),
    ]
    assert state.done and state.next_deadline is None


def test_pause_shifts_every_later_deadline_by_the_paused_time() -> None:
    plan = make_plan_of(BRIDGE, HOLD)
    session = Session(plan)
    session.start(T0)
    session.tick(T0 + 3)
    paused = session.handle(Pause(T0 + 3.5))
    assert paused.paused and paused.next_deadline is None
    frozen = session.tick(T0 + 60)
    assert frozen.remaining_s == pytest.approx(1.5) and frozen.kind is PhaseKind.GET_READY
    resumed = session.handle(Resume(T0 + 63.5))
    assert not resumed.paused and resumed.remaining_s == pytest.approx(1.5)
    run_to_end(session)
    shifted = [(at + 60 if at > T0 + 3.5 else at, i, k) for at, i, k in expected_starts(plan)]
    assert log(session) == shifted
    summary = session.summary
    assert summary is not None and summary.time_taken_s == plan.total_s + 60


def test_toggle_pause() -> None:
    session = Session(make_plan_of(HOLD))
    session.start(T0)
    assert session.handle(TogglePause(T0 + 1)).paused
    assert not session.handle(TogglePause(T0 + 2)).paused
    assert session.tick(T0 + 2).remaining_s == pytest.approx(4)


def test_next_skips_and_reports_partial_work() -> None:
    results: list[ExerciseResult] = []
    session = Session(make_plan_of(HOLD, BRIDGE), on_exercise_end=results.append)
    session.start(T0)
    session.tick(T0 + 12)  # 7 s into the first hold
    state = session.handle(Next(T0 + 12))
    assert (state.kind, state.exercise, state.cue) == (
        PhaseKind.TRANSITION,
        BRIDGE,
        "next up: Bridge",
    )
    assert results == [
        ExerciseResult("plank", 0, 0, 7.0, True, SkipReason.NEXT, T0, T0 + 12, index=0),
    ]


def test_back_mid_exercise_restarts_it_without_reporting() -> None:
    results: list[ExerciseResult] = []
    session = Session(make_plan_of(HOLD, BRIDGE), on_exercise_end=results.append)
    session.start(T0)
    session.tick(T0 + 12)
    state = session.handle(Back(T0 + 12))
    assert (state.item_index, state.kind, state.remaining_s) == (0, PhaseKind.GET_READY, 5)
    assert results == []


def test_back_at_the_start_goes_to_the_previous_exercise() -> None:
    results: list[ExerciseResult] = []
    session = Session(make_plan_of(BRIDGE, HOLD), on_exercise_end=results.append)
    session.start(T0)
    first_done = T0 + 5 + 18
    session.tick(first_done + TRANSITION_S + 1)  # in the plank's get-ready
    state = session.handle(Back(first_done + TRANSITION_S + 1))
    assert (state.item_index, state.kind) == (0, PhaseKind.GET_READY)
    run_to_end(session)
    assert [r.exercise_id for r in results] == ["bridge", "bridge", "plank"]
    summary = session.summary
    assert summary is not None and [r.exercise_id for r in summary.results] == ["bridge", "plank"]


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        (Quit(T0 + 30), "quit"),
        (Stop(T0 + 30, SkipReason.SYMPTOMS), "symptoms"),
    ],
)
def test_quit_and_stop_mark_the_rest_skipped(event: Quit | Stop, reason: str) -> None:
    results: list[ExerciseResult] = []
    session = Session(make_plan_of(BRIDGE, HOLD, SIDES), on_exercise_end=results.append)
    session.start(T0)
    session.tick(T0 + 30)  # in the plank's transition
    state = session.handle(event)
    assert state.done and state.next_deadline is None
    assert [(r.exercise_id, r.skipped, r.skip_reason) for r in results] == [
        ("bridge", False, None),
        ("plank", True, reason),
        ("knee-hug", True, reason),
    ]
    summary = session.summary
    assert summary is not None
    assert (summary.done, summary.skipped, summary.stop_reason) == (1, 2, reason)
    assert session.tick(T0 + 99).done  # later events change nothing


def test_skipping_the_last_exercise_ends_the_session() -> None:
    session = Session(make_plan_of(BRIDGE))
    session.start(T0)
    state = session.handle(Next(T0 + 1))
    assert state.done
    summary = session.summary
    assert summary is not None and (summary.done, summary.skipped) == (0, 1)


def test_a_focus_plan_runs_in_milliseconds_and_all_results_complete() -> None:
    plan = make_plan(load_catalogue(), [Focus.CORE])
    results: list[ExerciseResult] = []
    session = Session(plan, on_exercise_end=results.append)
    session.start(0.0)
    run_to_end(session, step=0.25)
    assert [r.exercise_id for r in results] == [i.exercise.id for i in plan.items]
    for item, result in zip(plan.items, results, strict=True):
        sides = 2 if item.dose.per_side else 1
        assert result.sets_done == item.dose.sets
        assert result.reps_done == (item.dose.reps or 0) * item.dose.sets * sides
        assert not result.skipped
