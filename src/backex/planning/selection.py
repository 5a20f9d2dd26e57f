"""Which exercises an automatic plan may hold, and why the others are left out.

Clinical rules, revision 2: exercises the first-run answers rule out
(:mod:`backex.care.screening`), the McKenzie series restricted after "spreading"
(:mod:`backex.care.mckenzie`), one rung of each ladder, and about 6 main exercises
(Henry et al. 1999; MedBridge). Each left-out exercise gets one short reason for
``routine --dry-run``.
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from backex.catalogue.exercise import Exercise, Focus

MAIN_EXERCISES = 6  # about this many main exercises per session
SIZE_REASON = f"about {MAIN_EXERCISES} main exercises a session keeps it doable"


@dataclass(frozen=True, slots=True)
class Restrictions:
    """What the person's answers and history rule out of today's automatic plan."""

    excluded: Mapping[str, str] = field(default_factory=dict)  # id -> reason
    only: Collection[str] | None = None  # when set, only these ids (restricted McKenzie)
    only_reason: str = ""
    notes: tuple[str, ...] = ()  # one-line advice shown with the plan


def allowed(
    exercises: Iterable[Exercise], restrictions: Restrictions
) -> tuple[list[Exercise], list[tuple[str, str]]]:
    """The exercises the restrictions keep, and (id, reason) for each one left out."""
    kept: list[Exercise] = []
    left: list[tuple[str, str]] = []
    for exercise in exercises:
        reason = restrictions.excluded.get(exercise.id)
        if (
            reason is None
            and restrictions.only is not None
            and exercise.id not in restrictions.only
        ):
            reason = restrictions.only_reason
        if reason is None:
            kept.append(exercise)
        else:
            left.append((exercise.id, reason))
    return kept, left


def one_rung(
    exercises: list[Exercise],
) -> tuple[list[Exercise], list[tuple[str, str]], dict[str, str]]:
    """Keep the easiest rung of each ladder (easier/harder links); the McKenzie series is a
    sequence, not a ladder, and keeps every step. Also returns, for each rung left out, the
    id of the rung kept below it (the reason names it, so it holds only while that rung is
    in the plan)."""
    ids = {e.id for e in exercises}
    by_id = {e.id: e for e in exercises}
    kept: list[Exercise] = []
    left: list[tuple[str, str]] = []
    below: dict[str, str] = {}
    for exercise in exercises:
        lower = _lower_rung(exercise, by_id, ids)
        if lower is None or Focus.MCKENZIE in exercise.focus:
            kept.append(exercise)
        else:
            left.append((exercise.id, f"one rung per ladder: {lower.name} is in the plan"))
            below[exercise.id] = lower.id
    return kept, left, below


def _lower_rung(exercise: Exercise, by_id: dict[str, Exercise], ids: set[str]) -> Exercise | None:
    seen: set[str] = set()
    queue = list(exercise.easier)
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in ids:
            return by_id[current]
    return None
