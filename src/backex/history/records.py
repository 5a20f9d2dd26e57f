"""The records the history store returns, and their JSON form. Pure: no database here."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose
from backex.planning.plan_doc import dose_from_dict, dose_to_dict
from backex.planning.plan_doc import plan_to_dict as plan_summary

__all__ = [
    "ExerciseEntry",
    "ResumePoint",
    "SessionRecord",
    "dose_from_dict",
    "dose_to_dict",
    "entry_from_row",
    "plan_summary",
    "session_from_row",
    "session_to_dict",
]


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    """One exercise as it was done in a session."""

    position: int
    exercise_id: str
    planned: Dose
    sets_done: int
    reps_done: int | None
    seconds_done: int | None
    skipped: bool
    skip_reason: str | None
    symptoms: Symptoms | None
    started_at: datetime | None
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session and its exercises, in plan order."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    focus: tuple[str, ...]
    plan: Any
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
    plan: Any
    focus: tuple[str, ...]
    plan_name: str | None
    next_position: int


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def entry_from_row(row: Any) -> ExerciseEntry:
    symptom = row["symptom_response"]
    return ExerciseEntry(
        position=row["position"],
        exercise_id=row["exercise_id"],
        planned=dose_from_dict(json.loads(row["planned"])),
        sets_done=row["sets_done"],
        reps_done=row["reps_done"],
        seconds_done=row["seconds_done"],
        skipped=bool(row["skipped"]),
        skip_reason=row["skip_reason"],
        symptoms=Symptoms(symptom) if symptom else None,
        started_at=parse_time(row["started_at"]),
        ended_at=parse_time(row["ended_at"]),
    )


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
