"""The next exercise due today, for any tool or script to show (``backex next``).

"Next" is the first exercise of the plan not yet done today, in plan order. An exercise
counts as done when today's history has it neither skipped nor empty (some sets, reps or
seconds done), from any session: a plan that names an exercise twice (the McKenzie series
starts and ends with prone lying) needs it done twice. Pure: the caller reads the history.
"""

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from backex.catalogue.exercise import format_dose
from backex.history.records import ExerciseEntry, SessionRecord
from backex.planning.plan import Plan, PlannedItem
from backex.text import one_line


@dataclass(frozen=True, slots=True)
class Due:
    """The exercise due (None when all are done today), its 1-based position, and of how many."""

    item: PlannedItem | None
    position: int | None
    of: int


def was_done(entry: ExerciseEntry) -> bool:
    """Done, not skipped: some sets, reps or seconds recorded."""
    if entry.skipped:
        return False
    return bool(entry.sets_done or entry.reps_done or entry.seconds_done)


def done_counts(sessions: Iterable[SessionRecord]) -> Counter[str]:
    """How many times each exercise was done in ``sessions`` (today's, by the caller)."""
    return Counter(e.exercise_id for s in sessions for e in s.exercises if was_done(e))


def next_due(plan: Plan, done: Counter[str]) -> Due:
    """The first exercise of ``plan`` that ``done`` does not account for."""
    left = Counter(done)
    for position, item in enumerate(plan.items, 1):
        if left[item.exercise.id] > 0:
            left[item.exercise.id] -= 1
            continue
        return Due(item, position, len(plan.items))
    return Due(None, None, len(plan.items))


def _steps(item: PlannedItem) -> list[str]:
    return [one_line(step) for step in item.exercise.steps]


def due_line(due: Due) -> str:
    """``Bird dog — 3 x 5 s hold each side: On hands and knees, ...``, one line."""
    if due.item is None:
        return f"Done for today: {due.of} of {due.of} exercise{'s' if due.of != 1 else ''}."
    exercise = due.item.exercise
    steps = " ".join(_steps(due.item))
    return one_line(f"{exercise.name} — {format_dose(due.item.dose)}: {steps}")


def due_json(due: Due) -> str:
    """One JSON object: ``id``, ``name``, ``dose``, ``steps``, ``position``, ``of``.

    When all are done today, ``id``, ``name``, ``dose`` and ``position`` are null and
    ``steps`` is empty.
    """
    item = due.item
    return json.dumps(
        {
            "id": item.exercise.id if item else None,
            "name": one_line(item.exercise.name) if item else None,
            "dose": format_dose(item.dose) if item else None,
            "steps": _steps(item) if item else [],
            "position": due.position,
            "of": due.of,
        },
        ensure_ascii=False,
    )
