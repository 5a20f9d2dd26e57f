"""Which exercise is due next: the first of the plan not yet done today."""

from collections import Counter
from datetime import UTC, datetime

import pytest

from backex.catalogue.exercise import Dose
from backex.catalogue.loader import load_catalogue
from backex.documents.due import done_counts, due_json, due_line, next_due
from backex.history.records import ExerciseEntry, SessionRecord
from backex.planning.plan import Block, Plan, PlannedItem

MCKENZIE = ["prone-lying", "prone-on-elbows", "prone-press-up", "prone-lying"]


def plan_of(ids: list[str]) -> Plan:
    catalogue = load_catalogue()
    return Plan(
        tuple(PlannedItem(catalogue.get(i), catalogue.get(i).dose, Block.MAIN, 60) for i in ids)
    )


def entry(exercise_id: str, **done: object) -> ExerciseEntry:
    return ExerciseEntry(0, exercise_id, Dose(reps=5), **done)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("done", "position"),
    [
        ({}, 1),
        ({"prone-lying": 1}, 2),
        ({"prone-lying": 1, "prone-press-up": 1}, 2),  # plan order: elbows comes first
        ({"prone-lying": 1, "prone-on-elbows": 1, "prone-press-up": 1}, 4),  # lying twice
        ({"prone-lying": 2, "prone-on-elbows": 1, "prone-press-up": 1}, None),
        ({"bridge": 3}, 1),  # exercises of other plans do not count
    ],
)
def test_next_due(done: dict[str, int], position: int | None) -> None:
    due = next_due(plan_of(MCKENZIE), Counter(done))
    assert (due.position, due.of) == (position, 4)
    assert due.item is None if position is None else due.item.exercise.id == MCKENZIE[position - 1]


@pytest.mark.parametrize(
    ("done", "counts"),
    [
        ({"sets_done": 1, "reps_done": 5}, True),
        ({"seconds_done": 30}, True),
        ({"skipped": True, "sets_done": 1}, False),
        ({}, False),  # started, nothing done (the session was killed)
    ],
)
def test_what_counts_as_done(done: dict[str, object], counts: bool) -> None:
    at = datetime(2026, 3, 1, 8, tzinfo=UTC)
    session = SessionRecord(
        1, at, None, (), {}, None, False, None, None, (entry("bridge", **done),)
    )
    assert done_counts([session]) == (Counter({"bridge": 1}) if counts else Counter())


def test_one_line_and_json() -> None:
    due = next_due(plan_of(["bird-dog-one-limb"]), Counter())
    line = due_line(due)
    assert line.startswith("Bird dog, one limb at a time — ") and "\n" not in line
    assert due_json(due).startswith('{"id": "bird-dog-one-limb", "name": "Bird dog, one limb')


def test_all_done() -> None:
    due = next_due(plan_of(["bridge"]), Counter({"bridge": 1}))
    assert due_line(due) == "Done for today: 1 of 1 exercise."
    assert due_json(due) == (
        '{"id": null, "name": null, "dose": null, "steps": [], "position": null, "of": 1}'
    )
