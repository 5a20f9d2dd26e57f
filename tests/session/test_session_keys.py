"""Every key sequence that can end or redo an exercise, with the results that are stored.

Plan on the fake clock (default lead-ins: 5 s get-ready, 10 s transition):
bridge 0-5 get ready, 5-23 work (two reps of 2 + 5 + 2 s); march 23-33 "next up",
33-38 get ready, 38-46 work (right, left, right, left: 1 s up, 1 s down); plank 46-56
"next up", 56-61 get ready, 61-81 a 20 s hold.
"""

import pytest
from helpers.routine import make_exercise, make_plan_of

from backex.catalogue.exercise import Dose, Limb, Pattern, Tempo
from backex.session.engine import Session
from backex.session.types import (
    Back,
    Event,
    ExerciseResult,
    Next,
    Quit,
    SkipReason,
    Stop,
    Tick,
)

T0 = 1000.0
PLAN = make_plan_of(
    make_exercise("bridge", Dose(reps=2, hold_s=5)),
    make_exercise(
        "march",
        Dose(reps=2, per_side=True, tempo=Tempo(1, 1)),
        pattern=Pattern.ALTERNATE,
        limb=Limb.LEG,
    ),
    make_exercise("plank", Dose(hold_s=20)),
)
END = 81.0

DONE_BRIDGE = ("bridge", 1, 2, None)
DONE_MARCH = ("march", 1, 4, None)
DONE_PLANK = ("plank", 1, 0, None)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([], [DONE_BRIDGE, DONE_MARCH, DONE_PLANK]),
        (  # n mid-set: one rep of two done, then the rest in full
            [Next(T0 + 14)],
            [("bridge", 0, 1, SkipReason.NEXT), DONE_MARCH, DONE_PLANK],
        ),
        (  # q on "Next up": the finished bridge stays done
            [Tick(T0 + 25), Quit(T0 + 25)],
            [DONE_BRIDGE, ("march", 0, 0, SkipReason.QUIT), ("plank", 0, 0, SkipReason.QUIT)],
        ),
        (  # b after a finished exercise (on "Next up"), then q: the bridge stays done
            [Tick(T0 + 25), Back(T0 + 25), Quit(T0 + 27)],
            [DONE_BRIDGE, ("march", 0, 0, SkipReason.QUIT), ("plank", 0, 0, SkipReason.QUIT)],
        ),
        (  # b, then n during the redo: still done
            [Tick(T0 + 25), Back(T0 + 25), Next(T0 + 26)],
            [DONE_BRIDGE, DONE_MARCH, DONE_PLANK],
        ),
        (  # b mid-march redoes it from its get-ready; done in full the second time
            [Tick(T0 + 43), Back(T0 + 43)],
            [DONE_BRIDGE, DONE_MARCH, DONE_PLANK],
        ),
        (  # n mid-march, b back to it, q: the redo did less, the earlier attempt stays
            [Tick(T0 + 43), Next(T0 + 43), Tick(T0 + 50), Back(T0 + 50), Quit(T0 + 56)],
            [DONE_BRIDGE, ("march", 0, 2, SkipReason.NEXT), ("plank", 0, 0, SkipReason.QUIT)],
        ),
        (  # Ctrl-C mid-march: the rep done counts, the reason is "interrupted"
            [Stop(T0 + 40, SkipReason.INTERRUPTED)],
            [
                DONE_BRIDGE,
                ("march", 0, 1, SkipReason.INTERRUPTED),
                ("plank", 0, 0, SkipReason.INTERRUPTED),
            ],
        ),
    ],
    ids=[
        "no-keys",
        "n-mid-set",
        "q-on-next-up",
        "b-after-finished-then-q",
        "b-then-n",
        "b-mid-exercise",
        "n-then-b-then-q",
        "ctrl-c",
    ],
)
def test_keys_never_undo_recorded_work(
    keys: list[Event], expected: list[tuple[str, int, int, SkipReason | None]]
) -> None:
    stored: dict[int, ExerciseResult] = {}  # the history replaces a position's row
    session = Session(PLAN, on_exercise_end=lambda r: stored.__setitem__(r.index, r))
    session.start(T0)
    for event in keys:
        session.handle(event)
    session.tick(T0 + 10 * END)  # whatever is left runs to its end
    summary = session.summary
    assert summary is not None

    def shown(results: list[ExerciseResult]) -> list[tuple[str, int, int, SkipReason | None]]:
        return [(r.exercise_id, r.sets_done, r.reps_done, r.skip_reason) for r in results]

    assert shown([stored[i] for i in sorted(stored)]) == expected
    assert shown(list(summary.results)) == expected


def test_resume_starts_at_a_later_exercise_and_reports_only_from_there() -> None:
    stored: dict[int, ExerciseResult] = {}
    session = Session(PLAN, on_exercise_end=lambda r: stored.__setitem__(r.index, r))
    session.start(T0, first_item=1)
    session.tick(T0 + 10 * END)
    got = [(i, r.exercise_id, r.skipped) for i, r in sorted(stored.items())]
    assert got == [(1, "march", False), (2, "plank", False)]
