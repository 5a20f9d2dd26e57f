"""The records the history store returns, and their JSON form. Pure: no database here."""

import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
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
    "plan_summary",
    "session_from_row",
    "session_to_dict",
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
    )


def session_to_dict(session: SessionRecord) -> dict[str, Any]:
    """The ``history --json`` shape of one session (ISO 8601 timestamps)."""

    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": session.id,
        "started_at": iso(session.started_at),
        "ended_at": iso(session.ended_at),
        "focus": list(session.focus),
        "plan_name": session.plan_name,
        "completed": session.completed,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "exercises": [
            {
                "position": e.position,
                "exercise": e.exercise_id,
                "planned": dose_to_dict(e.planned),
                "prescribed": dose_to_dict(e.baseline),
                "sets_done": e.sets_done,
                "reps_done": e.reps_done,
                "seconds_done": e.seconds_done,
                "skipped": e.skipped,
                "skip_reason": e.skip_reason,
                "symptom_response": str(e.symptoms) if e.symptoms else None,
                "started_at": iso(e.started_at),
                "ended_at": iso(e.ended_at),
            }
            for e in session.exercises
        ],
    }
