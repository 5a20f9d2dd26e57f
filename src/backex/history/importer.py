"""Read an exported history file (JSON or CSV) back into :class:`SessionRecord` records.

One importer for ``backex report --from FILE``. It reads both export shapes:

- the current one: ``started_at``/``ended_at`` in UTC ending in ``Z`` plus ``utc_offset``,
  ``planned_reps_per_set_per_side``, ``planned_hold_seconds``, ``sides``, ``total_reps``,
  ``work_seconds``, ``exercise_name`` (CSV: one row per exercise, session columns
  repeated; the second ``started_at``/``ended_at`` pair is the exercise's);
- the earlier one: ``planned`` (a dose object) or ``planned_reps``/``planned_hold_s``/
  ``planned_per_side``, ``reps_done``, ``seconds_done``, and (CSV) ``session_id``,
  ``session_started_at``, ``exercise_started_at``; timestamps with their local offset.

Times come back in the local offset of the session, so dates are the patient's days.
"""

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose
from backex.errors import BackexError
from backex.history.records import ExerciseEntry, SessionRecord
from backex.session.types import SkipReason

MAX_BYTES = 64 * 1024 * 1024  # a patient's file, not a database dump


@dataclass(frozen=True, slots=True)
class ImportedHistory:
    """The sessions in a file, oldest first, and the exercise names the file gives."""

    sessions: tuple[SessionRecord, ...]
    names: dict[str, str] = field(default_factory=dict)


def read_history_file(path: Path) -> ImportedHistory:
    """The sessions in an exported history file; BackexError naming the file otherwise."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BackexError(f"{path}: larger than {MAX_BYTES // 2**20} MiB; not a history export")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BackexError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BackexError(f"{path}: cannot be read ({exc})") from None
    try:
        if text.lstrip().startswith("{"):
            return _from_json(json.loads(text))
        return _from_csv(text)
    except json.JSONDecodeError as exc:
        raise BackexError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise BackexError(
            f"{path}: not a backex history export ({type(exc).__name__}: {exc})"
        ) from None


def _time(value: object, offset: object = None) -> datetime | None:
    if value in (None, ""):
        return None
    text = str(value)
    moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    if moment.tzinfo is None:
        raise ValueError(f"time {text!r} has no UTC offset")
    if offset not in (None, ""):
        moment = moment.astimezone(_offset(str(offset)))
    return moment


def _offset(text: str) -> timezone:
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _int(value: object) -> int | None:
    if value in (None, ""):
        return None
    return int(str(value))


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes")


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    return text[1:] if text.startswith("'") else text  # the CSV's spreadsheet guard


def _planned(row: Mapping[str, Any]) -> Dose:
    if isinstance(row.get("planned"), dict):  # the earlier JSON: a dose object
        data = row["planned"]
        return Dose(
            sets=int(data["sets"]),
            reps=_int(data.get("reps")),
            hold_s=_int(data.get("hold_s")),
            rest_s=_int(data.get("rest_s")) or 0,
            per_side=bool(data.get("per_side")),
        )
    if "planned_reps_per_set_per_side" in row:  # the current shape
        return Dose(
            sets=_int(row["planned_sets"]) or 1,
            reps=_int(row["planned_reps_per_set_per_side"]),
            hold_s=_int(row.get("planned_hold_seconds")),
            per_side=_int(row.get("sides")) == 2,
        )
    return Dose(
        sets=_int(row["planned_sets"]) or 1,
        reps=_int(row.get("planned_reps")),
        hold_s=_int(row.get("planned_hold_s")),
        per_side=_bool(row.get("planned_per_side")),
    )


def _entry(row: Mapping[str, Any], offset: object, times: tuple[object, object]) -> ExerciseEntry:
    reason = _text(row.get("skip_reason"))
    symptoms = _text(row.get("symptom_response"))
    return ExerciseEntry(
        position=int(row["position"]),
        exercise_id=_text(row["exercise"]),
        planned=_planned(row),
        sets_done=_int(row.get("sets_done")) or 0,
        reps_done=_int(row["total_reps"] if "total_reps" in row else row.get("reps_done")),
        seconds_done=_int(
            row["work_seconds"] if "work_seconds" in row else row.get("seconds_done")
        ),
        skipped=_bool(row.get("skipped")),
        skip_reason=SkipReason(reason) if reason in set(SkipReason) else None,
        symptoms=Symptoms(symptoms) if symptoms in set(Symptoms) else None,
        started_at=_time(times[0], offset),
        ended_at=_time(times[1], offset),
    )


def _session(row: Mapping[str, Any], exercises: tuple[ExerciseEntry, ...]) -> SessionRecord:
    offset = row.get("utc_offset")
    focus = row.get("focus") or []
    started = _time(row["started_at"], offset)
    if started is None:
        raise ValueError("a session without started_at")
    return SessionRecord(
        id=int(row["id"]),
        started_at=started,
        ended_at=_time(row.get("ended_at"), offset),
        focus=tuple(focus if isinstance(focus, list) else str(focus).split(",") if focus else ()),
        plan={},
        plan_name=_text(row.get("plan_name")) or None,
        completed=_bool(row.get("completed")),
        pain_before=_int(row.get("pain_before")),
        pain_after=_int(row.get("pain_after")),
        exercises=exercises,
        self_reported=_bool(row.get("self_reported")),
    )


def _from_json(document: Any) -> ImportedHistory:
    sessions = []
    names: dict[str, str] = {}
    for raw in document["sessions"]:
        offset = raw.get("utc_offset")
        entries = []
        for item in raw.get("exercises") or []:
            entries.append(_entry(item, offset, (item.get("started_at"), item.get("ended_at"))))
            if item.get("exercise_name"):
                names[str(item["exercise"])] = str(item["exercise_name"])
        sessions.append(_session(raw, tuple(entries)))
    return ImportedHistory(tuple(sorted(sessions, key=lambda s: s.started_at)), names)


# The earlier CSV's session columns, by the current names.
_EARLIER_CSV = {
    "session_id": "id",
    "session_started_at": "started_at",
    "session_ended_at": "ended_at",
    "exercise_started_at": "exercise_started_at",
    "exercise_ended_at": "exercise_ended_at",
}


def _from_csv(text: str) -> ImportedHistory:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ValueError("the file is empty")
    header: list[str] = []
    for column in rows[0]:
        name = _EARLIER_CSV.get(column, column)
        if name in header and name in ("started_at", "ended_at"):
            name = f"exercise_{name}"  # the current CSV repeats them for the exercise
        header.append(name)
    if "id" not in header or "started_at" not in header:
        raise ValueError("no id and started_at columns")
    by_session: dict[int, tuple[dict[str, str], list[ExerciseEntry]]] = {}
    names: dict[str, str] = {}
    for cells in rows[1:]:
        if not cells:
            continue
        row = dict(zip(header, cells, strict=True))
        session_id = int(row["id"])
        entries = by_session.setdefault(session_id, (row, []))[1]
        if row.get("position", "") != "":
            times = (row.get("exercise_started_at"), row.get("exercise_ended_at"))
            entries.append(_entry(row, row.get("utc_offset"), times))
            if row.get("exercise_name"):
                names[row["exercise"]] = _text(row["exercise_name"])
    sessions = [_session(head, tuple(entries)) for head, entries in by_session.values()]
    return ImportedHistory(tuple(sorted(sessions, key=lambda s: s.started_at)), names)
