"""The records the history store returns, and their JSON form. Pure: no database here."""

import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose
from backex.planning.plan_doc import dose_from_dict, dose_to_dict
from backex.planning.plan_doc import plan_to_dict as plan_summary
from backex.session.types import SkipReason

__all__ = [
    "ENTRY_COLUMNS",
    "ExerciseEntry",
    "PlanDoc",
    "ResumePoint",
    "SessionRecord",
    "dose_from_dict",
    "dose_to_dict",
    "entry_from_row",
    "entry_to_row",
    "offset_text",
    "plan_summary",
    "session_from_row",
    "session_to_dict",
    "utc_text",
]


# A session's plan as stored: the JSON form of planning.plan_doc.plan_to_dict.
PlanDoc = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    """One exercise as it was done in a session."""

    position: int
    exercise_id: str
    planned: Dose
    sets_done: int = 0
    reps_done: int | None = None
    seconds_done: int | None = None
    skipped: bool = False
    skip_reason: SkipReason | None = None
    symptoms: Symptoms | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    # The dose before any trimming to fit the time; None: ``planned`` (older sessions).
    prescribed: Dose | None = None

    @property
    def baseline(self) -> Dose:
        return self.prescribed or self.planned


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session and its exercises, in plan order."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    focus: tuple[str, ...]
    plan: PlanDoc
    plan_name: str | None
    completed: bool
    pain_before: int | None
    pain_after: int | None
    exercises: tuple[ExerciseEntry, ...]
    # Logged with ``backex done`` (away from the screen), not coached: counts as done,
    # but never toward moving a dose up.
    self_reported: bool = False


@dataclass(frozen=True, slots=True)
class ResumePoint:
    """An unfinished session and the plan position to continue from."""

    session_id: int
    started_at: datetime
    plan: PlanDoc
    focus: tuple[str, ...]
    plan_name: str | None
    next_position: int


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _text(value: object) -> str | None:
    return str(value) if value is not None else None


def _skip_reason(text: str | None) -> SkipReason | None:
    try:
        return SkipReason(text) if text else None
    except ValueError:  # written by hand or by another program: skipped, reason unknown
        return None


# How each field of ExerciseEntry is stored: its column where that is not the field's
# name, and (encode, decode) where the value is not stored as it is. The columns are
# derived from the record, so a new field without a column fails the store's test.
_COLUMN = {"symptoms": "symptom_response"}
_CODEC: dict[str, tuple[Callable[[Any], object], Callable[[Any], object]]] = {
    "planned": (lambda d: json.dumps(dose_to_dict(d)), lambda s: dose_from_dict(json.loads(s))),
    "prescribed": (
        lambda d: json.dumps(dose_to_dict(d)) if d else None,
        lambda s: dose_from_dict(json.loads(s)) if s else None,
    ),
    "skipped": (int, bool),
    "skip_reason": (_text, _skip_reason),
    "symptoms": (_text, lambda s: Symptoms(s) if s else None),
    "started_at": (_iso, parse_time),
    "ended_at": (_iso, parse_time),
}
ENTRY_COLUMNS = tuple(_COLUMN.get(f.name, f.name) for f in fields(ExerciseEntry))


def entry_to_row(entry: ExerciseEntry) -> tuple[object, ...]:
    """The values for :data:`ENTRY_COLUMNS`, in that order."""
    values = []
    for field in fields(ExerciseEntry):
        value = getattr(entry, field.name)
        codec = _CODEC.get(field.name)
        values.append(codec[0](value) if codec else value)
    return tuple(values)


def entry_from_row(row: Any) -> ExerciseEntry:
    """An entry from a row that has :data:`ENTRY_COLUMNS` (by name)."""
    values: dict[str, Any] = {}
    for field in fields(ExerciseEntry):
        value = row[_COLUMN.get(field.name, field.name)]
        codec = _CODEC.get(field.name)
        values[field.name] = codec[1](value) if codec else value
    return ExerciseEntry(**values)


def session_from_row(row: Any, exercises: tuple[ExerciseEntry, ...]) -> SessionRecord:
    return SessionRecord(
        id=row["id"],
        started_at=datetime.fromisoformat(row["started_at"]),
        ended_at=parse_time(row["ended_at"]),
        focus=tuple(json.loads(row["focus"])),
        plan=json.loads(row["plan"]),
        plan_name=row["plan_name"],
        completed=bool(row["completed"]),
        pain_before=row["pain_before"],
        pain_after=row["pain_after"],
        exercises=exercises,
        self_reported=bool(row["self_reported"]),
    )


def utc_text(moment: datetime | None) -> str | None:
    """``moment`` as UTC in ISO 8601 ending in ``Z`` (what ``datetime.fromisoformat`` reads)."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat()[:-6] + "Z"  # "+00:00" off the end


_OFFSET_TEXT: dict[timedelta, str] = {}  # a history holds few offsets; exports write many


def offset_text(moment: datetime) -> str:
    """The UTC offset ``moment`` was written with, like ``+01:00`` or ``-04:00``."""
    offset = moment.utcoffset()
    if offset is None:
        offset = moment.astimezone().utcoffset() or timedelta(0)
    text = _OFFSET_TEXT.get(offset)
    if text is None:
        minutes = round(offset.total_seconds() / 60)
        sign = "-" if minutes < 0 else "+"
        text = _OFFSET_TEXT[offset] = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def _item_names(plan: PlanDoc) -> dict[int, str]:
    """Exercise names by position, from the plan stored with the session."""
    items = plan.get("items") if isinstance(plan, dict) else None
    if not isinstance(items, list):
        return {}
    return {
        position: item["name"]
        for position, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get("name"), str)
    }


def session_to_dict(session: SessionRecord) -> dict[str, Any]:
    """The exported form of one session (``history --json``; the CSV flattens it).

    The keys, in order, are those of :mod:`backex.history.columns`, which says what each
    holds and in which unit. Times are UTC, ending in ``Z``; ``utc_offset`` keeps the
    local clock.
    """
    names = _item_names(session.plan)
    return {
        "id": session.id,
        "started_at": utc_text(session.started_at),
        "ended_at": utc_text(session.ended_at),
        "utc_offset": offset_text(session.started_at),
        "focus": list(session.focus),
        "plan_name": session.plan_name,
        "completed": session.completed,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "self_reported": session.self_reported,
        "exercises": [_entry_to_dict(e, names.get(e.position)) for e in session.exercises],
    }


def _entry_to_dict(entry: ExerciseEntry, name: str | None) -> dict[str, Any]:
    planned = entry.planned
    return {
        "position": entry.position,
        "exercise": entry.exercise_id,
        "exercise_name": name,
        "sides": 2 if planned.per_side else 1,
        "planned_sets": planned.sets,
        "planned_reps_per_set_per_side": planned.reps,
        "planned_hold_seconds": planned.hold_s,
        "planned_rest_seconds": planned.rest_s,
        "prescribed_sets": entry.baseline.sets,
        "prescribed_reps_per_set_per_side": entry.baseline.reps,
        "sets_done": entry.sets_done,
        "total_reps": entry.reps_done,
        "work_seconds": entry.seconds_done,
        "skipped": entry.skipped,
        "skip_reason": _text(entry.skip_reason),
        "symptom_response": _text(entry.symptoms),
        "started_at": utc_text(entry.started_at),
        "ended_at": utc_text(entry.ended_at),
    }
