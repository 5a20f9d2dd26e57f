"""Starting doses from the history, as tables; and the planner that uses them."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from backex.care.rules import Light, PastResult
from backex.catalogue.exercise import Dose, Focus
from backex.catalogue.loader import load_catalogue
from backex.planning.dosing import CATALOGUE_DOSE, DoseHistory, starting_dose
from backex.planning.planner import make_plan

CATALOGUE = load_catalogue()
DAY = datetime(2026, 3, 2, 8, 0).astimezone()
PROGRESS = "3 good days (green, full dose)"
RED = "pain rose last session"


def good(dose: Dose, days_ago: int = 0) -> PastResult:
    """A session that did ``dose`` in full with pain 2 before and after."""
    return PastResult(
        started_at=DAY - timedelta(days=days_ago),
        planned=dose,
        sets_done=dose.sets,
        reps_done=dose.reps,
        seconds_done=(dose.hold_s or 0) * dose.sets,
        skipped=False,
        symptoms=None,
        pain_before=2,
        pain_after=2,
    )


def three_good(exercise_id: str, dose: Dose | None = None) -> DoseHistory:
    dose = dose or CATALOGUE.get(exercise_id).dose
    return DoseHistory({exercise_id: [good(dose, n) for n in range(3)]})


BRIDGE = CATALOGUE.get("bridge").dose
PLANK_45 = replace(CATALOGUE.get("modified-plank").dose, sets=1, hold_s=45)


@pytest.mark.parametrize(
    ("exercise_id", "history", "max_level", "taken", "expected"),
    [
        ("bridge", None, 1, (), ("bridge", BRIDGE, CATALOGUE_DOSE)),
        ("bridge", DoseHistory(), 1, (), ("bridge", BRIDGE, CATALOGUE_DOSE)),
        (
            "bridge",
            three_good("bridge"),
            1,
            (),
            (
                "bridge",
                replace(BRIDGE, hold_s=7),
                f"{PROGRESS}: hold 5 -> 7 s, up to 15 s",
            ),
        ),
        (
            "bridge",
            DoseHistory(last_light=Light.RED),
            1,
            (),
            (
                "pelvic-tilt",
                CATALOGUE.get("pelvic-tilt").dose,
                f"{RED}: easier variant Pelvic tilt",
            ),
        ),
        (  # the easier variant is already in the session: fewer reps instead
            "bridge",
            DoseHistory(last_light=Light.RED),
            1,
            ("pelvic-tilt",),
            ("bridge", replace(BRIDGE, reps=3), f"{RED}: 2 fewer reps"),
        ),
        (  # below the criterion: a longer hold first, whatever the level
            "modified-plank",
            three_good("modified-plank"),
            3,
            (),
            (
                "modified-plank",
                replace(CATALOGUE.get("modified-plank").dose, sets=3, hold_s=20),
                f"{PROGRESS}: hold 15 -> 20 s, 3 sets, up to 45 s",
            ),
        ),
        (  # the harder variant is above --level: keep the dose and say how to get it
            "modified-plank",
            three_good("modified-plank", PLANK_45),
            2,
            (),
            (
                "modified-plank",
                PLANK_45,
                f"{PROGRESS}; keeping this dose: the top of its sourced range "
                "(its harder variant Full plank is level 3: --level 3 "
                "offers it)",
            ),
        ),
        (
            "modified-plank",
            three_good("modified-plank", PLANK_45),
            3,
            (),
            (
                "full-plank",
                CATALOGUE.get("full-plank").dose,
                f"{PROGRESS} at the top of the range: try the harder variant Full plank",
            ),
        ),
    ],
)
def test_starting_dose(
    exercise_id: str,
    history: DoseHistory | None,
    max_level: int,
    taken: tuple[str, ...],
    expected: tuple[str, Dose, str],
) -> None:
    start = starting_dose(CATALOGUE.get(exercise_id), CATALOGUE, history, max_level, taken)
    assert (start.exercise.id, start.dose, start.reason) == expected


def test_a_plan_after_a_red_light_eases_every_exercise_but_the_prone_lying_brackets() -> None:
    plain = make_plan(CATALOGUE, [Focus.CORE])
    eased = make_plan(CATALOGUE, [Focus.CORE], history=DoseHistory(last_light=Light.RED))
    ids = [item.exercise.id for item in eased.items]
    assert len(ids) == len(set(ids))  # a variant never doubles an exercise
    assert all(item.reason.startswith(RED) for item in eased.items)
    assert eased.total_s <= plain.total_s
    mckenzie = make_plan(
        CATALOGUE, [Focus.MCKENZIE], minutes=10, history=DoseHistory(last_light=Light.RED)
    )
    brackets = [mckenzie.items[0], mckenzie.items[-1]]
    assert [(i.exercise.id, i.reason) for i in brackets] == [("prone-lying", CATALOGUE_DOSE)] * 2


def test_progression_and_trimming_both_show_in_the_reason() -> None:
    plan = make_plan(CATALOGUE, [Focus.CORE], minutes=7, history=three_good("supine-marches"))
    (marches,) = [item for item in plan.items if item.exercise.id == "supine-marches"]
    assert marches.dose.reps == 6
    assert marches.reason.startswith(f"{PROGRESS}: +1 rep")
    tight = make_plan(CATALOGUE, [Focus.CORE], minutes=2, history=three_good("supine-marches"))
    (squeezed,) = [item for item in tight.items if item.exercise.id == "supine-marches"]
    assert (squeezed.dose.reps, squeezed.reason) == (
        5,
        f"{PROGRESS}: +1 rep, up to 20; trimmed from 6 to 5 reps to fit 2 min",
    )


def test_a_trimmed_session_never_lowers_the_next_dose() -> None:
    """Done in full at a dose trimmed to fit the time: next time starts from the prescribed."""
    trimmed = replace(BRIDGE, reps=3)
    history = DoseHistory(
        {"bridge": [replace(good(trimmed, n), prescribed=BRIDGE) for n in range(3)]}
    )
    start = starting_dose(CATALOGUE.get("bridge"), CATALOGUE, history, 1, ())
    assert start.dose == BRIDGE
    assert start.reason.startswith("same dose: 0 of 3")
