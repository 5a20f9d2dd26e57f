"""Each movement pattern as phases and timings on the fake clock."""

import pytest
from helpers.routine import make_exercise, make_plan_of

from backex.catalogue.exercise import Dose, Limb, Pattern, Tempo
from backex.session.engine import Session
from backex.session.patterns import side_words
from backex.session.types import PhaseKind, SessionOptions, Side

T0 = 1000.0
NO_LEAD_IN = SessionOptions(get_ready_s=0, transition_s=0, switch_s=5)

ROTATION = make_exercise(
    "knee-rolls", Dose(reps=2, hold_s=2, per_side=True), pattern=Pattern.ROTATE, limb=Limb.KNEES
)
MARCH = make_exercise(
    "march",
    Dose(reps=2, per_side=True, tempo=Tempo(1, 1)),
    pattern=Pattern.ALTERNATE,
    limb=Limb.LEG,
)
BIRD_DOG = make_exercise(
    "bird-dog",
    Dose(reps=2, hold_s=1, per_side=True, tempo=Tempo(1, 1)),
    pattern=Pattern.ALTERNATE,
    limb=Limb.ONE_LIMB,
)
KNEE_HUG = make_exercise(
    "knee-hug", Dose(hold_s=10, per_side=True), pattern=Pattern.PER_SIDE, limb=Limb.LEG
)
PLANK = make_exercise("plank", Dose(sets=2, hold_s=20, rest_s=15), pattern=Pattern.HOLD)
BRIDGE = make_exercise("bridge", Dose(reps=2, hold_s=5, tempo=Tempo(2, 3)), pattern=Pattern.REPS)


def phases(exercise: object) -> list[tuple[float, PhaseKind, str]]:
    """Each segment's ideal start, its kind and its cue, from the engine's phase log."""
    session = Session(make_plan_of(exercise), NO_LEAD_IN)  # type: ignore[arg-type]
    state = session.start(T0)
    cues = {round(state.now - T0, 3): state.cue}
    while not state.done:
        assert state.next_deadline is not None
        state = session.tick(state.next_deadline)
        cues.setdefault(round(state.now - T0, 3), state.cue)
    return [(p.at - T0, p.kind, cues.get(round(p.at - T0, 3), "")) for p in session.phase_log]


W = PhaseKind.WORK


@pytest.mark.parametrize(
    ("exercise", "expected"),
    [
        (
            ROTATION,  # tempo 2 s out, 2 s hold, 2 s back, left first
            [
                (0, W, "knees to the left"),
                (2, W, "hold"),
                (4, W, "back to the centre"),
                (6, W, "knees to the right"),
                (8, W, "hold"),
                (10, W, "back to the centre"),
                (12, W, "knees to the left"),
                (14, W, "hold"),
                (16, W, "back to the centre"),
                (18, W, "knees to the right"),
                (20, W, "hold"),
                (22, W, "back to the centre"),
            ],
        ),
        (
            MARCH,  # no hold: up then down, sides in turn rep by rep
            [
                (0, W, "right leg up slowly"),
                (1, W, "lower slowly"),
                (2, W, "left leg up slowly"),
                (3, W, "lower slowly"),
                (4, W, "right leg up slowly"),
                (5, W, "lower slowly"),
                (6, W, "left leg up slowly"),
                (7, W, "lower slowly"),
            ],
        ),
        (
            BIRD_DOG,  # one limb at a time: right arm, left leg, left arm, right leg
            [
                (0, W, "right arm up slowly"),
                (1, W, "hold"),
                (2, W, "lower slowly"),
                (3, W, "left leg up slowly"),
                (4, W, "hold"),
                (5, W, "lower slowly"),
                (6, W, "left arm up slowly"),
                (7, W, "hold"),
                (8, W, "lower slowly"),
                (9, W, "right leg up slowly"),
                (10, W, "hold"),
                (11, W, "lower slowly"),
            ],
        ),
        (
            KNEE_HUG,  # one side, a switch, the other side
            [
                (0, W, "hold: right leg"),
                (10, PhaseKind.SWITCH_SIDES, "switch to the left leg"),
                (15, W, "hold: left leg"),
            ],
        ),
        (PLANK, [(0, W, "hold"), (20, PhaseKind.REST, "rest"), (35, W, "hold")]),
        (
            BRIDGE,  # the catalogue's tempo: 2 s up, 5 s hold, 3 s down
            [
                (0, W, "lift slowly"),
                (2, W, "hold"),
                (7, W, "lower slowly"),
                (10, W, "lift slowly"),
                (12, W, "hold"),
                (17, W, "lower slowly"),
            ],
        ),
    ],
    ids=["rotate", "alternate", "alternate-one-limb", "per-side", "hold", "reps-with-tempo"],
)
def test_each_pattern_walks_its_phases_on_time(
    exercise: object, expected: list[tuple[float, PhaseKind, str]]
) -> None:
    assert phases(exercise) == expected


@pytest.mark.parametrize(
    ("exercise", "sets", "reps", "work_s", "took_s"),
    [
        (ROTATION, 1, 4, 24.0, 24.0),  # 2 reps each way
        (MARCH, 1, 4, 8.0, 8.0),
        (KNEE_HUG, 1, 0, 20.0, 25.0),  # the switch is not work
        (PLANK, 2, 0, 40.0, 55.0),
        (BRIDGE, 1, 2, 20.0, 20.0),
    ],
)
def test_a_pattern_done_in_full_reports_every_rep_and_set(
    exercise: object, sets: int, reps: int, work_s: float, took_s: float
) -> None:
    session = Session(make_plan_of(exercise), NO_LEAD_IN)  # type: ignore[arg-type]
    state = session.start(T0)
    while not state.done:
        assert state.next_deadline is not None
        state = session.tick(state.next_deadline)
    (result,) = session.results
    assert (result.sets_done, result.reps_done, result.seconds_done) == (sets, reps, work_s)
    assert (result.skipped, result.ended_at - T0) == (False, took_s)


def test_get_ready_names_the_first_limb_and_the_first_exercise_gets_longer() -> None:
    options = SessionOptions(get_ready_s=5, first_get_ready_s=20)
    session = Session(make_plan_of(MARCH, ROTATION), options)
    state = session.start(T0)
    assert (state.kind, state.cue, state.remaining_s) == (
        PhaseKind.GET_READY,
        "get ready: right leg first",
        20,
    )
    starts = [(p.at - T0, p.kind) for p in session.phase_log]
    assert starts == [(0, PhaseKind.GET_READY)]


@pytest.mark.parametrize(
    ("limb", "side", "rep", "words"),
    [
        (None, Side.RIGHT, 1, "right side"),
        (Limb.ARM, Side.LEFT, 1, "left arm"),
        (Limb.LEG, Side.RIGHT, 1, "right leg"),
        (Limb.ARM_AND_LEG, Side.RIGHT, 1, "right arm and left leg"),
        (Limb.ARM_AND_LEG, Side.LEFT, 1, "left arm and right leg"),
        (Limb.ONE_LIMB, Side.LEFT, 1, "left leg"),
        (Limb.ONE_LIMB, Side.LEFT, 2, "left arm"),
        (Limb.KNEES, Side.LEFT, 1, "knees to the left"),
    ],
)
def test_side_words_name_the_limb(limb: Limb | None, side: Side, rep: int, words: str) -> None:
    assert side_words(limb, side, rep) == words
